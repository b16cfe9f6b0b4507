"""NLU benchmark: parse latency through the bot's client against the real Rasa server,
training time, and the server's memory. Prints figures; run with `make bench-nlu`.

Latency: 5 runs of 300 held-out messages each (after a warm-up), sequential, as one chat would
send them; p50 and p99 per run, and the median of the runs (the machines are shared and noisy).
The chat-style held-out messages are the reference set; the long held-out questions
(nlu/tests/long, when present) are measured as a second set.

`--baseline MODEL.tar.gz` (make bench-nlu BASELINE=...) serves an older model next to the
current one and sends every message to both, in turn (alternating which goes first), so the
machine's noise falls on both alike and the ratio of their p99 is the figure to compare with a
target such as "p99 within 1.5x of before". When the older model needs its own components (the
classifier changed since), `--baseline-nlu DIR` names an older checkout's `nlu/` folder to serve
it from (make bench-nlu BASELINE=... BASELINE_NLU=...).
"""

from __future__ import annotations

import argparse
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

RUNS, MESSAGES, WARMUP = 5, 300, 20


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


async def latencies(urls: dict[str, str], texts: list[str]) -> dict[str, list[float]]:
    """Each message parsed by every server in turn (the order alternating per message), so the
    machine's noise falls on all of them alike; milliseconds per server."""
    clients = {
        name: RasaClient(url, timeout=5.0, breaker_threshold=10**9) for name, url in urls.items()
    }
    names = list(clients)
    for text in texts[:WARMUP]:
        for client in clients.values():
            await client.parse(text)
    result: dict[str, list[float]] = {name: [] for name in names}
    for number, text in enumerate(texts[WARMUP : WARMUP + MESSAGES]):
        for name in names if number % 2 == 0 else names[::-1]:
            started = time.perf_counter()
            await clients[name].parse(text)
            result[name].append((time.perf_counter() - started) * 1000)
    for client in clients.values():
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


def cycled(texts: list[str]) -> list[str]:
    """WARMUP + MESSAGES texts, repeating the set when it is shorter."""
    return (texts * (1 + (MESSAGES + WARMUP) // max(1, len(texts))))[: MESSAGES + WARMUP]


def measure(
    servers: dict[str, str], sets: dict[str, list[str]]
) -> dict[tuple[str, str, str], float]:
    """(server, set, "p50"|"p99") -> median over the runs."""
    runs: dict[tuple[str, str, str], list[float]] = {}
    for run in range(RUNS):
        for set_name, texts in sets.items():
            for name, values in asyncio.run(latencies(servers, texts)).items():
                p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
                runs.setdefault((name, set_name, "p50"), []).append(p50)
                runs.setdefault((name, set_name, "p99"), []).append(p99)
                print(
                    f"run {run + 1} {name:>8} {set_name:>10}: p50 {p50:.1f} ms, "
                    f"p99 {p99:.1f} ms over {len(values)} messages"
                )
    return {key: statistics.median(values) for key, values in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="an older model (.tar.gz) to compare with")
    parser.add_argument(
        "--baseline-nlu",
        type=Path,
        default=nlu_cli.NLU_DIR,
        help="the nlu/ folder of an older checkout whose components serve the baseline model",
    )
    args = parser.parse_args()
    sets = {"chat-style": cycled([text for _, _, text in nlu_cli.held_out()])}
    long_texts = [text for _, _, text in nlu_cli.held_out(nlu_cli.LONG_HELD_OUT)]
    if long_texts:
        sets["long"] = cycled(long_texts)
    started = time.monotonic()
    server = nlu_cli.start_server()
    print(f"server start: {time.monotonic() - started:.1f} s (model already trained)")
    baseline = (
        nlu_cli.start_server(model=args.baseline, nlu_dir=args.baseline_nlu.resolve())
        if args.baseline
        else None
    )
    servers = {"current": server.url}
    if baseline is not None:
        servers["baseline"] = baseline.url
    try:
        idle = rss_mib(server.process.pid)
        figures = measure(servers, sets)
        busy = rss_mib(server.process.pid)
    finally:
        server.stop()
        if baseline is not None:
            baseline.stop()
    for set_name in sets:
        for name in servers:
            print(
                f"parse latency through the bot's client, {set_name}, {name} model: "
                f"median p50 {figures[name, set_name, 'p50']:.1f} ms, "
                f"median p99 {figures[name, set_name, 'p99']:.1f} ms (target p99 <= 50 ms)"
            )
        if baseline is not None:
            ratio = figures["current", set_name, "p99"] / figures["baseline", set_name, "p99"]
            print(f"p99 current / baseline ({set_name}, same run): {ratio:.2f}x")
    print(
        f"Rasa server memory (RSS incl. children): {idle:.0f} MiB after start, "
        f"{busy:.0f} MiB after the runs"
    )
    print(f"training time (full NLU model, from scratch): {training_seconds():.0f} s")


if __name__ == "__main__":
    main()
