"""Translation benchmark: latency of a machine-translated answer, cold vs. from the translation
memory (median, p99), and the memory's hit ratio over a replayed conversation log.

The translator is a LibreTranslate-compatible loopback server (tests/fake_libretranslate.py)
with an artificial delay per request (--delay, default 150 ms, roughly what a self-hosted
LibreTranslate needs for a sentence on CPU): the figures show what the memory saves, not how
fast a real engine is. Redis is a private redis-server started here. Run: make bench-translate.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redis.asyncio import Redis  # noqa: E402

from bench.stats import percentile  # noqa: E402
from bot.i18n import Catalogues  # noqa: E402
from bot.services.content import TOPIC_IDS, load_snapshot  # noqa: E402
from bot.services.engines import LibreEngine  # noqa: E402
from bot.services.glossary import Glossary  # noqa: E402
from bot.services.localize import Localizer  # noqa: E402
from bot.services.translator import Translator  # noqa: E402
from tests.fake_libretranslate import FakeLibreTranslate  # noqa: E402


def conversation_log(users: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """(language, topic, variant) requests: popular topics asked more (Zipf-like)."""
    rng = random.Random(seed)
    snapshot = load_snapshot(ROOT / "content", ROOT / "translations")
    weights = [1 / (rank + 1) for rank in range(len(TOPIC_IDS))]
    log = []
    for _ in range(users):
        lang = rng.choice(["ti", "so"])
        for topic in rng.choices(TOPIC_IDS, weights, k=5):
            variant = rng.choice(list(snapshot.sources[topic].body))
            log.append((lang, topic, variant))
    return log


async def run(delay: float, users: int, port: int) -> None:
    snapshot = load_snapshot(ROOT / "content", ROOT / "translations")
    catalogues = Catalogues.load(ROOT / "translations")
    redis = Redis.from_url(f"redis://127.0.0.1:{port}/0")
    with FakeLibreTranslate() as libre:
        libre.hang_seconds = delay
        translator = Translator(
            [LibreEngine(libre.url)], redis, Glossary.load(ROOT / "content" / "glossary.yml")
        )
        localizer = Localizer(translator, lambda: snapshot, lambda: catalogues)
        cold: list[float] = []
        warm: list[float] = []
        seen: set[tuple[str, str, str]] = set()
        log = conversation_log(users)
        for lang, topic, variant in log:
            started = time.perf_counter()
            await localizer.answer(
                topic,
                lang,
                variant,
                None,
                district="Eving",
                office_name="X",
                office_address="Y",
                office_languages="Z",
            )
            elapsed = (time.perf_counter() - started) * 1000
            (warm if (lang, topic, variant) in seen else cold).append(elapsed)
            seen.add((lang, topic, variant))
        # The memory survives a restart: a new process (new Translator) answers from Redis.
        translator2 = Translator([LibreEngine(libre.url)], redis, translator.glossary)
        localizer2 = Localizer(translator2, lambda: snapshot, lambda: catalogues)
        restarted = []
        for lang, topic, variant in log[:50]:
            started = time.perf_counter()
            await localizer2.answer(topic, lang, variant, None)
            restarted.append((time.perf_counter() - started) * 1000)
    await redis.aclose()
    lookups = translator.calls + translator.hits
    print(
        f"replayed {len(log)} answer requests of {users} simulated users (ti, so); "
        f"translator delay {delay * 1000:.0f} ms per call"
    )
    print(
        f"cold answer (first time, every line translated): "
        f"median {statistics.median(cold):.0f} ms, "
        f"p99 {percentile(cold, 0.99):.0f} ms over {len(cold)}"
    )
    print(
        f"repeat answer (from the memory): median {statistics.median(warm):.1f} ms, "
        f"p99 {percentile(warm, 0.99):.1f} ms over {len(warm)}"
    )
    print(f"after a restart (memory in Redis only): median {statistics.median(restarted):.1f} ms")
    print(
        f"translation memory hit ratio: {translator.hits / lookups:.1%} "
        f"({translator.hits} hits, {translator.calls} calls to the translator)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=0.15)
    parser.add_argument("--users", type=int, default=40)
    args = parser.parse_args()
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed (make redis-server)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [binary, "--port", str(port), "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL
    )
    try:
        time.sleep(0.3)
        asyncio.run(run(args.delay, args.users, port))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
