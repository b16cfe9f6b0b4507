"""Load benchmark (`make bench-load`): Lotse behind its webhook, on a loopback Bot API.

This process plays Telegram: a loopback Bot API (Starlette + uvicorn) receives the bot's calls,
and webhook updates are posted to the bot as Telegram would (at most 40 at once, like
setWebhook's max_connections). Typed questions, all different (the NLU's training and held-out
sentences in the twelve languages; the NLU cache is emptied between runs), from 50, 200 and
1,000 chats. Each chat asks, waits for the first reply (latency: update posted → first
message received), waits until its answer is complete (50 ms quiet), then asks the next.

Side by side, in the same run, on the same loopback: a bare python-telegram-bot echo bot (the
ceiling of this machine), `lotse run` (all in one process), and `lotse ingress` + 1, 2 and 4
`lotse worker`s — with the real Redis and, when Rasa is installed, the real Rasa server.
Telegram's own limits (30 messages/s per bot, 1/s per chat) are raised for the loopback:
they would cap every figure at 30/s and measure Telegram, not Lotse. So is Lotse's flood control
per person (FLOOD_BURST, FLOOD_PER_MINUTE): these chats ask faster than any person, and with it
the 50 fastest chats lost questions in the later loads (counted as unanswered).

Figures: medians over RUNS runs of p50/p99 latency and updates/s, the cores the bot's
processes used (CPU seconds / wall seconds, from /proc), and the machine's load (uptime).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from redis import Redis

from bench.loopback_api import BotApiServer, WebhookPoster
from bench.stats import percentile
from bot import PROJECT_ROOT, nlu_cli
from bot.languages import CODES
from bot.local_redis import RedisServer, free_port

TOKEN = "123456:BENCH-token"
SECRET = "bench-secret"
BOT = {"id": 123456, "is_bot": True, "first_name": "Lotse", "username": "lotse_bench_bot"}
FIRST_CHAT = 1_000_000
SHARDS = 16
UPDATE_IDS = iter(range(1, 10**12))


@dataclass
class Chats:
    """What the loopback Bot API saw per chat: the last message's time, who waits for one."""

    last: dict[int, float] = field(default_factory=dict)
    waiting: dict[int, asyncio.Event] = field(default_factory=dict)

    def on_message(self, chat: int) -> None:
        self.last[chat] = time.perf_counter()
        event = self.waiting.get(chat)
        if event is not None:
            event.set()

    async def quiet(self, chat: int, seconds: float = 0.05) -> None:
        """Waits until the chat has had no message for ``seconds``."""
        while True:
            idle = time.perf_counter() - self.last.get(chat, 0.0)
            if idle >= seconds:
                return
            await asyncio.sleep(seconds - idle)


def questions() -> dict[str, list[str]]:
    """Every training and held-out sentence per language, shuffled."""
    found: dict[str, set[str]] = {lang: set() for lang in CODES}
    for path in (PROJECT_ROOT / "nlu" / "data" / "nlu").glob("*/*.yml"):
        if path.stem in found:
            for examples in nlu_cli.read_examples(path).values():
                found[path.stem].update(examples)
    rng = random.Random(7)
    result = {}
    for lang, texts in found.items():
        ordered = sorted(texts)
        rng.shuffle(ordered)
        result[lang] = ordered
    return result


def update(update_id: int, chat: int, text: str, lang: str) -> dict[str, Any]:
    user = {"id": chat, "is_bot": False, "first_name": "N", "language_code": lang}
    message = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": chat, "type": "private", "first_name": "N"},
        "from": user,
        "text": text,
    }
    return {"update_id": update_id, "message": message}


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes and their children (from /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    todo = list(pids)
    while todo:
        pid = todo.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            todo += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


@dataclass
class Bot:
    """One configuration under test: its processes and where its webhook listens."""

    name: str
    processes: list[subprocess.Popen[bytes]]
    port: int

    def stop(self) -> None:
        for p in self.processes:
            if p.poll() is None:
                p.terminate()
        for p in self.processes:
            try:
                p.wait(timeout=40)
            except subprocess.TimeoutExpired:
                p.kill()


def start_bot(name: str, env: dict[str, str]) -> Bot:
    port = free_port()
    env = {
        **env,
        "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
        "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
    }
    lotse = [sys.executable, "-m", "bot"]
    quiet = {"stdout": subprocess.DEVNULL, "cwd": PROJECT_ROOT, "env": env}
    if name == "echo bot (PTB)":
        commands = [[sys.executable, str(PROJECT_ROOT / "bench" / "echo_bot.py")]]
    elif name == "lotse run (all in one)":
        commands = [[*lotse, "run", "--no-nlu"]]
    else:
        workers = int(name.split("+")[1].split()[0])
        commands = [[*lotse, "ingress"]] + [[*lotse, "worker"]] * workers
    processes = [subprocess.Popen(c, **quiet) for c in commands]  # type: ignore[call-overload]
    return Bot(name, processes, port)


async def wait_ready(bot: Bot, redis: Redis, streams: bool) -> None:
    deadline = time.monotonic() + 120
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            for p in bot.processes:
                if p.poll() is not None:
                    raise RuntimeError(f"{bot.name}: a process ended ({p.returncode})")
            with contextlib.suppress(httpx.HTTPError):
                ok = (await client.get(f"http://127.0.0.1:{bot.port}/healthz")).status_code == 200
                leases = len(list(redis.scan_iter("lotse:lease:shard:*"))) if streams else SHARDS
                workers = len(bot.processes) - 1 if len(bot.processes) > 1 else 1
                live = redis.zcard("lotse:workers") if streams else workers
                if ok and leases == SHARDS and live >= workers:
                    await asyncio.sleep(1 + workers)  # let the shares settle
                    return
            await asyncio.sleep(0.3)
    raise RuntimeError(f"{bot.name} did not get ready")


async def one_run(
    bot: Bot, api: Chats, chats: int, per_chat: int, pool: dict[str, list[str]], seed: int
) -> dict[str, float]:
    latencies: list[float] = []
    unanswered = 0
    ids = UPDATE_IDS  # unique across runs and loads: Lotse drops a repeated update_id
    offset = {lang: seed * 997 for lang in CODES}
    # Telegram's default max_connections: at most 40 updates on their way at once.
    poster = WebhookPoster(bot.port, "/telegram", SECRET, connections=40)
    try:

        async def one_chat(i: int) -> None:
            chat = FIRST_CHAT + i
            lang = CODES[i % len(CODES)]
            for _ in range(per_chat):
                texts = pool[lang]
                text = texts[offset[lang] % len(texts)]
                offset[lang] += 1
                event = api.waiting[chat] = asyncio.Event()
                started = time.perf_counter()
                status = await poster.post(update(next(ids), chat, text, lang))
                if status != 200:
                    raise RuntimeError(f"{bot.name}: webhook answered {status}")
                try:
                    await asyncio.wait_for(event.wait(), timeout=60)
                except TimeoutError:
                    nonlocal unanswered
                    unanswered += 1  # counted, not waited for (e.g. Telegram errors retried out)
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                await api.quiet(chat)

        pids = [p.pid for p in bot.processes]
        cpu_before = cpu_seconds(pids)
        started = time.perf_counter()
        await asyncio.gather(*(one_chat(i) for i in range(chats)))
        wall = time.perf_counter() - started
        cpu = cpu_seconds(pids) - cpu_before
    finally:
        await poster.close()
    return {
        "p50": percentile(latencies, 0.5),
        "p99": percentile(latencies, 0.99),
        "rate": len(latencies) / wall,
        "cores": cpu / wall,
        "unanswered": unanswered,
    }


def seed_profiles(redis: Redis, chats: int) -> None:
    """Everyone has chosen their language already (typed questions, not the /start dialog)."""
    with redis.pipeline() as pipe:
        for i in range(chats):
            profile = {"v": 1, "language": CODES[i % len(CODES)], "second_language": None}
            pipe.set(f"lotse:user:{FIRST_CHAT + i}", json.dumps(profile))
        pipe.execute()


@contextlib.contextmanager
def rasa(use: bool) -> Iterator[str | None]:
    if not use or not nlu_cli.rasa_bin().exists():
        yield None
        return
    server = nlu_cli.start_server()
    try:
        yield server.url
    finally:
        server.stop()


async def main(args: argparse.Namespace) -> None:
    loads = [(50, 8), (200, 3), (1000, 1)]
    names = ["echo bot (PTB)", "lotse run (all in one)"] + [
        f"ingress + {n} worker{'s' if n > 1 else ''}" for n in (1, 2, 4)
    ]
    pool = questions()
    api = Chats()
    api_port = free_port()
    api_server = BotApiServer(BOT, api.on_message)
    await api_server.start(api_port)
    redis_server = RedisServer()
    redis = Redis.from_url(redis_server.url)
    results: dict[str, dict[int, list[dict[str, float]]]] = {}
    print(f"machine load before: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores")
    with rasa(not args.no_nlu) as rasa_url:
        print(f"NLU: {'the real Rasa server' if rasa_url else 'none (typed questions: menu)'}")
        base_env = {
            k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM", "REDIS", "RASA"))
        }
        base_env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{api_port}/bot",
            REDIS_URL=redis_server.url,
            WEBHOOK_SECRET=SECRET,
            STREAM_SHARDS=str(SHARDS),
            TELEGRAM_RATE_PER_SECOND="100000",
            TELEGRAM_RATE_PER_CHAT_SECOND="1000",
            # Each chat asks again the moment its answer is complete (24 questions in seconds):
            # per-person flood control would drop some of them and measure itself, not Lotse.
            FLOOD_BURST="100000",
            FLOOD_PER_MINUTE="1000000",
            LOG_LEVEL="WARNING",
        )
        if rasa_url:
            base_env["RASA_URL"] = rasa_url
        for name in names:
            redis.flushdb()
            seed_profiles(redis, max(c for c, _ in loads))
            bot = start_bot(name, base_env)
            try:
                await wait_ready(bot, redis, streams=name != "echo bot (PTB)")
                results[name] = {}
                for chats, per_chat in loads:
                    runs = []
                    for run in range(args.runs):
                        for key in redis.scan_iter("lotse:nlu:*"):
                            redis.delete(key)
                        runs.append(await one_run(bot, api, chats, per_chat, pool, run + 1))
                    results[name][chats] = runs
                    median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                    print(
                        f"{name:24} {chats:5} chats: p50 {median['p50']:6.1f} ms  "
                        f"p99 {median['p99']:7.1f} ms  {median['rate']:6.1f} updates/s  "
                        f"{median['cores']:.2f} cores  "
                        f"{sum(r['unanswered'] for r in runs):.0f} unanswered",
                        flush=True,
                    )
            finally:
                bot.stop()
    print(f"machine load after: {os.getloadavg()[0]:.2f} (1 min)")
    print_table(results, loads)
    await api_server.stop()
    redis.close()
    redis_server.stop()


def print_table(
    results: dict[str, dict[int, list[dict[str, float]]]], loads: list[tuple[int, int]]
) -> None:
    print("\n| medians over runs | chats | p50 ms | p99 ms | updates/s | vs echo | cores | lost |")
    echo = results.get("echo bot (PTB)", {})
    for name, by_load in results.items():
        for chats, _ in loads:
            runs = by_load.get(chats)
            if not runs:
                continue
            m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            ceiling = statistics.median(r["rate"] for r in echo[chats]) if chats in echo else 0
            ratio = f"{m['rate'] / ceiling:.2f}" if ceiling else "-"
            print(
                f"| {name} | {chats} | {m['p50']:.1f} | {m['p99']:.1f} | {m['rate']:.0f} | "
                f"{ratio} | {m['cores']:.2f} | {sum(r['unanswered'] for r in runs):.0f} |"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-nlu", action="store_true", help="without the Rasa server")
    asyncio.run(main(parser.parse_args()))
