"""Lotse as a service, in one process: webhook, streams, workers, order, limits, jobs.

The real Application on the local Bot API, real Redis, the real Starlette app (through httpx's
ASGI transport). The tests that kill a process are in test_service_processes.py.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from telegram import Update
from telegram.ext import TypeHandler

from bot.channels.local import LocalChat
from bot.jobs import send_due_reminders
from bot.ratelimit import SharedRateLimiter
from bot.streams import UpdateStream
from bot.webhook import SECRET_HEADER, build_webhook_app
from bot.worker import StreamWorker
from tests.booking_helpers import (
    THURSDAY,
    TUESDAY_MORNING,
    book_through_chat,
    booking_chat,
    ui,
)
from tests.conftest import AppFactory, make_settings
from tests.helpers import Clock, data_of, messages

SECRET = "s3cret-token_for-tests"
_ids = iter(range(5_000_000, 6_000_000))


def raw_text(chat_id: int, text: str, *, language: str = "en") -> dict[str, Any]:
    """A private text message as Telegram posts it to a webhook."""
    message: dict[str, Any] = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": "A"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "A", "language_code": language},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return {"update_id": next(_ids), "message": message}


async def wait_for(condition: Callable[[], bool], within: float = 20.0) -> None:
    """Waits until ``condition()`` holds; fails the test after ``within`` seconds."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("timed out waiting for the bot")
        await asyncio.sleep(0.02)


class Worker:
    """A StreamWorker on a chat's Application, started and stopped by the test."""

    def __init__(self, chat: LocalChat, stream: UpdateStream) -> None:
        self.worker = StreamWorker(chat.app, stream, lease_seconds=2.0)
        self.stop = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(self.worker.run(self.stop))

    async def close(self) -> None:
        self.stop.set()
        if self.task is not None:
            await self.task


@pytest.fixture
async def stream(redis: Redis) -> UpdateStream:
    s = UpdateStream(redis, shards=4, max_backlog=1000)
    await s.ensure_groups()
    return s


@pytest.fixture
async def workers() -> AsyncIterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for w in started:
        await w.close()


def webhook_client(stream: UpdateStream) -> httpx.AsyncClient:
    settings = make_settings(webhook_url="https://bot.example.org/telegram", webhook_secret=SECRET)
    app = build_webhook_app(settings, stream.accept, checks={"redis": stream.redis.ping})
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://ingress")


async def test_webhook_with_the_right_secret_is_answered_wrong_or_missing_is_refused(
    make_chat: AppFactory, stream: UpdateStream, workers: list[Worker]
) -> None:
    chat = await make_chat(language_code="fa")
    worker = Worker(chat, stream)
    workers.append(worker)
    worker.start()
    async with webhook_client(stream) as client:
        for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: SECRET + "x"}):
            response = await client.post("/telegram", json=raw_text(501, "/start"), headers=headers)
            assert response.status_code == 403
        assert await stream.backlog() == 0  # nothing was stored
        response = await client.post(
            "/telegram",
            json=raw_text(502, "/start", language="fa"),
            headers={SECRET_HEADER: SECRET},
        )
        assert response.status_code == 200
        await wait_for(lambda: bool(chat.api.sent(502)))
        assert "فارسی" in chat.api.sent(502)[0].text
        assert not chat.api.sent(501)
        # Not an update at all: refused clearly, nothing stored.
        bad = await client.post("/telegram", content=b"{not json", headers={SECRET_HEADER: SECRET})
        assert bad.status_code == 400
        assert (await client.get("/healthz")).status_code == 200
        ready = await client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["checks"] == {"redis": True}


async def test_a_redelivered_update_is_answered_once(
    make_chat: AppFactory, stream: UpdateStream, workers: list[Worker]
) -> None:
    chat = await make_chat(language_code="en")
    update = raw_text(503, "/start")
    async with webhook_client(stream) as client:
        for _ in range(3):  # Telegram did not see our 200 and delivers again
            response = await client.post("/telegram", json=update, headers={SECRET_HEADER: SECRET})
            assert response.status_code == 200
    worker = Worker(chat, stream)
    workers.append(worker)
    worker.start()
    await wait_for(lambda: bool(chat.api.sent(503)))
    await asyncio.sleep(0.5)
    assert len(chat.api.sent(503)) == 1


async def test_webhook_answers_503_while_redis_is_down(make_chat: AppFactory) -> None:
    from bot.local_redis import RedisServer

    server = RedisServer()
    client = Redis.from_url(server.url, socket_connect_timeout=1, socket_timeout=1)
    stream = UpdateStream(client, shards=2)
    await stream.ensure_groups()
    server.stop()
    try:
        async with webhook_client(stream) as web:
            response = await web.post(
                "/telegram", json=raw_text(504, "/start"), headers={SECRET_HEADER: SECRET}
            )
            assert response.status_code == 503  # Telegram keeps it and delivers again
            ready = await web.get("/readyz")
            assert ready.status_code == 503 and ready.json()["checks"] == {"redis": False}
            assert (await web.get("/healthz")).status_code == 200
    finally:
        await client.aclose()


async def test_updates_accepted_while_no_worker_runs_are_all_answered_later(
    make_chat: AppFactory, stream: UpdateStream, workers: list[Worker]
) -> None:
    chats = list(range(700, 740))
    async with webhook_client(stream) as client:
        for chat_id in chats:
            response = await client.post(
                "/telegram", json=raw_text(chat_id, "/start"), headers={SECRET_HEADER: SECRET}
            )
            assert response.status_code == 200
    assert await stream.backlog() == len(chats)
    chat = await make_chat(language_code="en")
    worker = Worker(chat, stream)
    workers.append(worker)
    worker.start()
    await wait_for(lambda: all(chat.api.sent(c) for c in chats))
    await wait_for(lambda: worker.worker.handled == len(chats))
    assert await stream.backlog() == 0  # acknowledged and deleted


async def test_one_chat_stays_in_order_while_other_chats_run_concurrently(
    make_chat: AppFactory,
) -> None:
    chat = await make_chat(language_code="en")
    app = chat.app
    spans: dict[int, list[tuple[int, float, float]]] = {}
    running = {"now": 0, "max": 0}

    async def record(update: object, context: object) -> None:
        assert isinstance(update, Update) and update.effective_chat is not None
        start = time.monotonic()
        running["now"] += 1
        running["max"] = max(running["max"], running["now"])
        await asyncio.sleep(0.005)  # a handler that waits on I/O
        running["now"] -= 1
        spans.setdefault(update.effective_chat.id, []).append(
            (update.update_id, start, time.monotonic())
        )

    app.add_handler(TypeHandler(Update, record), group=-100)
    busy, others = 900, [901, 902, 903, 904, 905]
    sent: list[Update] = []
    for i in range(50):
        sent.append(Update.de_json(raw_text(busy, f"question {i}"), app.bot))  # type: ignore[arg-type]
        if i % 5 == 0:
            for other in others:
                sent.append(Update.de_json(raw_text(other, "hallo"), app.bot))  # type: ignore[arg-type]
    for update in sent:
        await app.update_queue.put(update)
    await wait_for(lambda: sum(len(v) for v in spans.values()) == len(sent), within=60)

    ids = [u for u, _, _ in spans[busy]]
    assert ids == sorted(ids) and len(ids) == 50  # arrival order, none lost
    for (_, _, end), (_, start, _) in zip(spans[busy], spans[busy][1:], strict=False):
        assert start >= end  # one at a time within the chat
    assert running["max"] > 1  # other chats were handled meanwhile
    busy_window = (spans[busy][0][1], spans[busy][-1][2])
    assert any(busy_window[0] < s < busy_window[1] for o in others for _, s, _ in spans[o])
    assert len(chat.api.sent(busy)) >= 50  # every question was answered


async def test_a_429_waits_as_telegram_says_and_then_delivers(
    make_chat: AppFactory, redis: Redis
) -> None:
    limiter = SharedRateLimiter(redis)
    chat = await make_chat(language_code="en", rate_limiter=limiter)
    chat.api.fail_next.append(("sendMessage", 429, "Too Many Requests", {"retry_after": 1}))
    chat.api.fail_next.append(("sendMessage", 502, "Bad Gateway", {}))
    started = time.monotonic()
    calls = await chat.send("/start")
    elapsed = time.monotonic() - started
    assert len(chat.api.failed) == 2  # the 429 and the 502 really happened
    assert elapsed >= 1.0  # waited as long as Telegram said
    assert len(messages(calls)) == 1  # and then delivered, once
    assert limiter.retries_after_429 == 1 and limiter.retries_after_network_errors == 1
    # The pause is shared: another process sending to this chat now would wait too.
    assert await redis.exists("lotse:rl:c:4242")


async def test_the_shared_limiter_queues_a_chat_at_its_rate_and_drops_nothing(
    redis: Redis,
) -> None:
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    # The bot's own rate set high here: this is about one chat's rate.
    first = SharedRateLimiter(redis, per_second=1000, sleep=no_sleep)
    second = SharedRateLimiter(redis, per_second=1000, sleep=no_sleep)  # another process
    delivered: list[int] = []

    async def send(n: int) -> bool:
        delivered.append(n)
        return True

    for n in range(6):
        limiter = first if n % 2 else second
        await limiter.process_request(send, (n,), {}, "sendMessage", {"chat_id": 42}, None)
    assert delivered == list(range(6))  # queued, none dropped
    # Three go at once (a burst), then one a second, across both "processes".
    assert [w for w in waits if w > 0.5] == pytest.approx([1.0, 2.0, 3.0], abs=0.1)
    # The counsellors' group: 20 a minute, i.e. one every three seconds after a burst.
    waits.clear()
    for n in range(4):
        await first.process_request(send, (n,), {}, "sendMessage", {"chat_id": -100777}, None)
    assert [w for w in waits if w > 0.5] == pytest.approx([3.0], abs=0.1)


async def test_two_job_processes_send_each_reminder_once(
    make_chat: AppFactory, redis: Redis
) -> None:
    clock = Clock(TUESDAY_MORNING)
    for user_id in (11, 12, 13):
        chat = await booking_chat(make_chat, "en", clock, user_id=user_id)
        await chat.press_data("book:v1:start")
        await chat.press_data("book:v1:svc:arrival_counselling")
        day = f"book:v1:day:arrival_counselling:{THURSDAY:%Y%m%d}"
        slot = data_of(await chat.press_data(day), "book:v1:time:")[0]  # the first free time
        await book_through_chat(chat, "arrival_counselling", slot.rsplit(":", 1)[1])
    jobs = [await make_chat(language_code="en") for _ in range(2)]
    for job in jobs:
        assert job.app.bot_data.booking is not None
        job.app.bot_data.booking.clock = clock
    clock.set_local(datetime(2026, 12, 2, 18, 1))  # the evening before
    counts = await asyncio.gather(*(send_due_reminders(j.app) for j in jobs))
    assert sum(counts) == 3
    reminders = [m for j in jobs for m in messages(j.api.calls)]
    assert sorted(int(m.params["chat_id"]) for m in reminders) == [11, 12, 13]
    assert all(ui(jobs[0], "en", "booking-reminder-day") in m.text for m in reminders)
    assert await asyncio.gather(*(send_due_reminders(j.app) for j in jobs)) == [0, 0]


async def test_a_worker_takes_over_the_shards_of_one_that_stopped(
    make_chat: AppFactory, stream: UpdateStream, workers: list[Worker], redis: Redis
) -> None:
    first, second = await make_chat(language_code="en"), await make_chat(language_code="en")
    a, b = Worker(first, stream), Worker(second, stream)
    workers.extend([a, b])
    a.start()
    await wait_for(lambda: len(a.worker.held) == 4)
    b.start()
    await wait_for(lambda: len(a.worker.held) == 2 and len(b.worker.held) == 2)  # fair share
    # A stops: it finishes what it started, hands its shards back, and B takes every one.
    # (A killed worker's leases expire instead: test_service_processes.py.)
    await a.close()
    await wait_for(lambda: len(b.worker.held) == 4, within=15)
    async with webhook_client(stream) as client:
        for chat_id in range(800, 808):
            await client.post(
                "/telegram", json=raw_text(chat_id, "/start"), headers={SECRET_HEADER: SECRET}
            )
    await wait_for(lambda: all(second.api.sent(c) for c in range(800, 808)))
    await wait_for(lambda: b.worker.handled >= 8)  # acknowledged by B, after the replies
