"""Kills, with real processes: `lotse run` and `lotse worker` against a loopback Bot API.

A process is killed with SIGKILL at the worst moment (while Telegram receives the question it
sent), and the conversation must go on in another process, with the state from Redis.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from redis import Redis as SyncRedis

from bot import PROJECT_ROOT
from bot.i18n import Catalogues
from bot.local_redis import RedisServer
from bot.streams import shard_of
from tests.fake_telegram import FakeTelegram, button_data

pytestmark = pytest.mark.slow

TOKEN = "123456:TEST-token-never-logged"
CHAT = 4711
BOT = {"id": 1000000002, "is_bot": True, "first_name": "Lotse"}
CATALOGUES = Catalogues.load(PROJECT_ROOT / "translations")
ASK_NAME = CATALOGUES.t("en", "booking-ask-name")


class Person:
    """A newcomer on Telegram: writes and taps; the updates go where the test says."""

    def __init__(self, telegram: FakeTelegram, deliver: Callable[[dict[str, Any]], None]) -> None:
        self.telegram = telegram
        self.deliver = deliver
        self.ids = iter(range(int(time.time()), 10**12))
        self.user = {"id": CHAT, "is_bot": False, "first_name": "Amal", "language_code": "en"}
        self.chat = {"id": CHAT, "type": "private", "first_name": "Amal"}

    def write(self, text: str) -> None:
        message: dict[str, Any] = {
            "message_id": next(self.ids),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user,
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
        self.deliver({"update_id": next(self.ids), "message": message})

    def tap(self, data: str) -> None:
        message = {"message_id": 1, "date": int(time.time()), "chat": self.chat, "from": BOT}
        query = {
            "id": str(next(self.ids)),
            "from": self.user,
            "chat_instance": "ci",
            "data": data,
            "message": {**message, "text": "…"},
        }
        self.deliver({"update_id": next(self.ids), "callback_query": query})

    def wait(self, condition: Callable[[list[dict[str, Any]]], bool], seconds: float = 60) -> None:
        """Waits until the messages sent to this chat satisfy ``condition``."""
        deadline = time.monotonic() + seconds
        while not condition(self.telegram.messages(CHAT)):
            if time.monotonic() > deadline:
                texts = [str(m.get("text", ""))[:60] for m in self.telegram.messages(CHAT)]
                pytest.fail(f"the bot did not answer in time; it sent: {texts}")
            time.sleep(0.05)

    def tap_and_wait(self, data: str, wanted: str) -> list[str]:
        """Taps a button; returns the buttons starting with ``wanted`` of the answer."""
        before = len(self.telegram.messages(CHAT))
        self.tap(data)
        found: list[str] = []

        def answered(messages: list[dict[str, Any]]) -> bool:
            found[:] = [
                d for m in messages[before:] for d in button_data(m) if d.startswith(wanted)
            ]
            return bool(found)

        self.wait(answered)
        return found

    def book_until_the_name_question(self) -> None:
        """Language, service, first free day and time, interpreter: the bot asks for a name."""
        self.write("/start")
        self.wait(lambda ms: any("lang:v1:en" in button_data(m) for m in ms))
        self.tap_and_wait("lang:v1:en", "topic:v1:")
        self.tap_and_wait("book:v1:start", "book:v1:svc:")
        day = self.tap_and_wait("book:v1:svc:arrival_counselling", "book:v1:day:")[0]
        slot = self.tap_and_wait(day, "book:v1:time:")[0]
        interpreter = self.tap_and_wait(slot, "book:v1:int:")[0]
        self.tap(interpreter)


def _env(telegram: FakeTelegram, redis_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "REDIS_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=telegram.base_url,
        REDIS_URL=redis_url,
        WORKER_LEASE_SECONDS="2",
        STREAM_SHARDS="2",
        TELEGRAM_RATE_PER_CHAT_SECOND="20",
        **extra,
    )
    return env


def _start(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stop(process: subprocess.Popen[str]) -> str:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        _, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate(timeout=10)
    return stderr


@pytest.fixture
def fresh_redis() -> Iterator[tuple[str, SyncRedis]]:
    server = RedisServer()
    client = SyncRedis.from_url(server.url)
    yield server.url, client
    client.close()
    server.stop()


def _kill_when_asked_for_the_name(
    telegram: FakeTelegram, victim: Callable[[], int | None]
) -> tuple[threading.Event, list[int]]:
    """SIGKILLs the process while Telegram receives the name question (before it answers)."""
    killed = threading.Event()
    pids: list[int] = []

    def on_call(method: str, params: dict[str, Any]) -> None:
        if method == "sendMessage" and ASK_NAME in str(params.get("text", "")):
            pid = victim()
            if pid is not None and not killed.is_set():
                os.kill(pid, signal.SIGKILL)
                pids.append(pid)
                killed.set()

    telegram.on_call = on_call
    return killed, pids


def test_a_kill_right_after_the_question_loses_no_step(
    fresh_redis: tuple[str, SyncRedis],
) -> None:
    url, _ = fresh_redis
    with FakeTelegram(TOKEN) as telegram:
        env = _env(telegram, url)
        first = _start("run", "--no-nlu", env=env)
        killed, _ = _kill_when_asked_for_the_name(telegram, lambda: first.pid)
        person = Person(telegram, telegram.push)
        second: subprocess.Popen[str] | None = None
        try:
            person.book_until_the_name_question()
            assert killed.wait(60), "the bot never asked for the name"
            first.wait(timeout=10)
            assert first.returncode == -signal.SIGKILL
            # A new process: it claims the update the killed one had not finished (the
            # interpreter tap) and asks again; the typed name is then understood.
            second = _start("run", "--no-nlu", env=env)
            person.wait(lambda ms: sum(ASK_NAME in str(m.get("text")) for m in ms) == 2)
            before = len(telegram.messages(CHAT))
            person.write("Amal Haddad")
            person.wait(lambda ms: any("book:v1:nophone" in button_data(m) for m in ms[before:]))
            person.tap("book:v1:nophone")
            person.wait(lambda ms: any("book:v1:confirm" in button_data(m) for m in ms[before:]))
            summary = [m for m in telegram.messages(CHAT)[before:] if "Amal Haddad" in m["text"]]
            assert summary, "the name typed after the kill is in the booking summary"
        finally:
            stderr = _stop(second) if second is not None else ""
            _stop(first)
        assert TOKEN not in stderr
        assert "Traceback" not in stderr, stderr


def test_a_booking_begun_on_worker_a_continues_on_worker_b_after_a_is_killed(
    fresh_redis: tuple[str, SyncRedis],
) -> None:
    import asyncio
    import json

    url, redis = fresh_redis

    def accept(update: dict[str, Any]) -> None:
        """The ingress's step, done here: append to the chat's stream."""
        from redis.asyncio import Redis

        from bot.streams import UpdateStream

        async def go() -> None:
            client = Redis.from_url(url)
            try:
                stream = UpdateStream(client, shards=2)
                await stream.ensure_groups()
                assert await stream.accept(json.loads(json.dumps(update))) == "ok"
            finally:
                await client.aclose()

        asyncio.run(go())

    with FakeTelegram(TOKEN) as telegram:
        env = _env(telegram, url)
        workers = {p.pid: p for p in (_start("worker", env=env), _start("worker", env=env))}
        lease = f"lotse:lease:shard:{shard_of(CHAT, 2)}"

        def holder() -> int | None:
            name = redis.get(lease)
            return int(name.decode().split("-")[-2]) if name else None

        deadline = time.monotonic() + 60
        while len({k for k in redis.scan_iter("lotse:lease:shard:*")}) < 2:
            assert time.monotonic() < deadline, "the workers did not take the shards"
            time.sleep(0.1)
        killed, victims = _kill_when_asked_for_the_name(telegram, holder)
        person = Person(telegram, accept)
        try:
            person.book_until_the_name_question()
            assert killed.wait(60)
            assert workers[victims[0]].wait(timeout=10) == -signal.SIGKILL  # worker A is gone
            # Worker B takes A's shard once A's lease expires, claims the update A had not
            # finished, and asks again.
            person.wait(lambda ms: sum(ASK_NAME in str(m.get("text")) for m in ms) == 2)
            survivor = holder()
            assert survivor is not None and survivor != victims[0]
            before = len(telegram.messages(CHAT))
            person.write("Amal Haddad")
            person.wait(lambda ms: any("book:v1:nophone" in button_data(m) for m in ms[before:]))
            person.tap("book:v1:nophone")
            person.wait(lambda ms: any("book:v1:confirm" in button_data(m) for m in ms[before:]))
            person.tap("book:v1:confirm")
            deadline = time.monotonic() + 30
            while not list(redis.scan_iter("lotse:bk:b:*")):
                assert time.monotonic() < deadline, "the booking was not made on worker B"
                time.sleep(0.1)
            [key] = list(redis.scan_iter("lotse:bk:b:*"))
            assert b"Amal Haddad" in redis.hvals(key)
        finally:
            for process in workers.values():
                _stop(process)


def test_lotse_ingress_registers_the_webhook_and_stores_only_updates_with_the_secret(
    fresh_redis: tuple[str, SyncRedis],
) -> None:
    import httpx

    from bot.local_redis import free_port

    url, redis = fresh_redis
    port = free_port()
    with FakeTelegram(TOKEN) as telegram:
        env = _env(
            telegram,
            url,
            WEBHOOK_URL="https://lotse.example.org/telegram",
            WEBHOOK_SECRET="right-secret",
            WEBHOOK_LISTEN=f"127.0.0.1:{port}",
        )
        ingress = _start("ingress", env=env)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(f"{base}/healthz").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "the ingress did not start"
                time.sleep(0.1)
            [hook] = telegram.sent("setWebhook")
            assert hook["url"] == "https://lotse.example.org/telegram"
            assert hook["secret_token"] == "right-secret"
            update = {
                "update_id": 77,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": CHAT, "type": "private"},
                    "text": "hallo",
                },
            }
            header = "X-Telegram-Bot-Api-Secret-Token"
            assert httpx.post(f"{base}/telegram", json=update).status_code == 403
            wrong = httpx.post(f"{base}/telegram", json=update, headers={header: "wrong"})
            assert wrong.status_code == 403
            assert sum(redis.xlen(f"lotse:updates:{s}") for s in range(2)) == 0
            right = httpx.post(f"{base}/telegram", json=update, headers={header: "right-secret"})
            assert right.status_code == 200
            assert redis.xlen(f"lotse:updates:{shard_of(CHAT, 2)}") == 1
            ready = httpx.get(f"{base}/readyz")
            assert ready.status_code == 200 and ready.json()["checks"] == {"redis": True}
        finally:
            stderr = _stop(ingress)
        assert ingress.returncode == 0, stderr
        assert TOKEN not in stderr and "hallo" not in stderr


def test_lotse_ingress_without_a_secret_refuses_to_start(
    fresh_redis: tuple[str, SyncRedis],
) -> None:
    url, _ = fresh_redis
    with FakeTelegram(TOKEN) as telegram:
        env = _env(telegram, url, WEBHOOK_URL="https://lotse.example.org/telegram")
        env.pop("WEBHOOK_SECRET", None)
        result = subprocess.run(
            [sys.executable, "-m", "bot", "ingress"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert "WEBHOOK_SECRET" in result.stderr
