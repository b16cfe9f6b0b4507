"""NLU benchmark: parse latency through the bot's client against the real Rasa server,
training time, and the server's memory. Prints figures; run with `make bench-nlu`.

Latency: 3 runs of 300 held-out messages each (after a warm-up), sequential, as one chat would
send them; p50 and p99 per run, and the median of the runs (the machines are shared and noisy).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stats import percentile
from bot import nlu_cli
from bot.services.nlu import RasaClient

RUNS, MESSAGES, WARMUP = 3, 300, 20


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children, in MiB (from /proc)."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        pids += [int(c) for c in children]
    return total / 1024


async def latencies(url: str, texts: list[str]) -> list[float]:
    client = RasaClient(url, timeout=5.0, breaker_threshold=10**9)
    for text in texts[:WARMUP]:
        await client.parse(text)
    result = []
    for text in texts[WARMUP : WARMUP + MESSAGES]:
        started = time.perf_counter()
        await client.parse(text)
        result.append((time.perf_counter() - started) * 1000)
    await client.aclose()
    return result


def training_seconds() -> float:
    with tempfile.TemporaryDirectory() as out:
        started = time.monotonic()
        subprocess.run(
            nlu_cli.train_command(out, "bench"),
            cwd=nlu_cli.NLU_DIR,
            env=nlu_cli._rasa_env(),
            capture_output=True,
            check=True,
        )
        return time.monotonic() - started


def main() -> None:
    texts = [text for _, _, text in nlu_cli.held_out()]
    texts = (texts * (1 + (MESSAGES + WARMUP) // max(1, len(texts))))[: MESSAGES + WARMUP]
    started = time.monotonic()
    server = nlu_cli.start_server()
    print(f"server start: {time.monotonic() - started:.1f} s (model already trained)")
    try:
        idle = rss_mib(server.process.pid)
        p50s, p99s = [], []
        for run in range(RUNS):
            values = asyncio.run(latencies(server.url, texts))
            p50s.append(percentile(values, 0.5))
            p99s.append(percentile(values, 0.99))
            print(
                f"run {run + 1}: p50 {p50s[-1]:.1f} ms, p99 {p99s[-1]:.1f} ms "
                f"over {len(values)} messages"
            )
        busy = rss_mib(server.process.pid)
    finally:
        server.stop()
    print(
        f"parse latency through the bot's client: median p50 {statistics.median(p50s):.1f} ms, "
        f"median p99 {statistics.median(p99s):.1f} ms (target p99 <= 50 ms)"
    )
    print(
        f"Rasa server memory (RSS incl. children): {idle:.0f} MiB after start, "
        f"{busy:.0f} MiB after the runs"
    )
    print(f"training time (full NLU model, from scratch): {training_seconds():.0f} s")


if __name__ == "__main__":
    main()
