"""Time to a newcomer's first reply under faults, and what a flood costs.

The real Application on the local Bot API with a private redis-server; the NLU (Rasa) and the
translator (LibreTranslate) are loopback stand-ins (tests/fake_rasa.py,
tests/fake_libretranslate.py) that answer at once, take 5 s, hang or are down. For each case:
seconds from handing the update to the Application until its first sendMessage, median and
worst of several runs, and the ratio to the healthy baseline measured in the same run. The
NLU's breaker is reset before every run, so each run meets the fault afresh. Then a flood: one
person sends 300 messages while another writes once. Run: make bench-budget.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import build_application, running  # noqa: E402
from bot.channels.local import LocalChat  # noqa: E402
from bot.channels.local_api import ApiCall, LocalBotApi  # noqa: E402
from bot.channels.updates import UpdateFactory  # noqa: E402
from bot.local_redis import RedisServer, free_port  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.fake_libretranslate import FakeLibreTranslate  # noqa: E402
from tests.fake_rasa import FakeRasa  # noqa: E402

GROUP = -1009876543
QUESTION = "Wo kann ich mich in Dortmund anmelden, bitte?"


def settings(**overrides: Any) -> Settings:
    # No NLU cache: every run asks the same question, and a reading cached by the healthy run
    # would answer the slow and hanging ones at once (measuring the cache, not the budget).
    values: dict[str, Any] = {
        "persistence_interval_seconds": 60,
        "log_level": "WARNING",
        "nlu_cache_seconds": 0,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def first_reply(
    chat: LocalChat, action: Awaitable[Any], chat_id: int, expect: str | None = None
) -> float:
    """Seconds until the first message to ``chat_id`` (the whole action if none came).

    ``expect``: a text one of the messages must contain (the degraded answer's sentence), so
    that a run which never met the fault cannot pass for a fast one."""
    loop = asyncio.get_running_loop()
    first: list[float] = []
    texts: list[str] = []

    def stamp(call: ApiCall) -> None:
        if call.method == "sendMessage" and int(call.params.get("chat_id", 0)) == chat_id:
            first.append(loop.time())
            texts.append(call.text)

    chat.api.listeners.append(stamp)
    started = loop.time()
    await action
    chat.api.listeners.remove(stamp)
    if expect is not None and not any(expect in text for text in texts):
        raise SystemExit(f"the run did not meet its fault: no message said {expect!r}")
    return (first[0] if first else loop.time()) - started


async def measure(
    runs: int,
    setup: Callable[[], Awaitable[tuple[LocalChat, Callable[[], Awaitable[Any]], int]]],
    expect: str | None = None,
) -> list[float]:
    chat, act, target = await setup()
    sentence = chat.app.bot_data.catalogues.t("de", expect) if expect else None
    times = []
    for _ in range(runs):
        nlu = chat.app.bot_data.nlu
        if nlu is not None:
            nlu._failures, nlu._open_until = 0, 0.0  # meet the fault afresh
        times.append(await first_reply(chat, act(), target, sentence))
    return times


async def run(redis_url: str, runs: int) -> None:
    from redis.asyncio import Redis

    redis = Redis.from_url(redis_url)
    stack: list[Any] = []

    async def app(user_id: int = 4242, lang: str = "de", **overrides: Any) -> LocalChat:
        api = LocalBotApi()
        application = build_application(settings(**overrides), request=api, redis=redis)
        context = running(application)
        await context.__aenter__()
        stack.append(context)
        chat = LocalChat(application, api, UpdateFactory(user_id=user_id, language_code=lang))
        await chat.send("/start")
        await chat.press_data(f"lang:v1:{lang}")
        return chat

    rows: list[tuple[str, list[float]]] = []
    with FakeRasa() as rasa, FakeLibreTranslate() as libre:

        async def typed(delay: float, url: str | None = None) -> Any:
            rasa.delay_seconds = delay
            chat = await app(rasa_url=url or rasa.url)
            return chat, lambda: chat.send(QUESTION), 4242

        rows.append(("NLU healthy (baseline)", await measure(runs, lambda: typed(0.0))))
        degraded = "nlu-unavailable"
        rows.append(("NLU slow (5 s a reading)", await measure(runs, lambda: typed(5.0), degraded)))
        rows.append(("NLU hanging (60 s)", await measure(runs, lambda: typed(60.0), degraded)))
        dead = f"http://127.0.0.1:{free_port()}"
        rows.append(("NLU down (refused)", await measure(runs, lambda: typed(0.0, dead), degraded)))
        rasa.delay_seconds = 0.0

        async def case(hang: float) -> Any:
            libre.hang_seconds = 0.0
            chat = await app(
                user_id=5000 + len(stack),
                lang="fa",
                counsellor_chat_id=GROUP,
                libretranslate_url=libre.url,
            )
            chat.api.members[GROUP] = {77: "member"}
            await chat.press_data("handoff:v1:start")
            await chat.press_data("handoff:v1:yes")
            await chat.press_data("handoff:v1:skip")
            libre.hang_seconds = hang
            return chat, lambda: chat.send("سوالی درباره اجاره خانه دارم"), GROUP

        rows.append(("case message, translator healthy", await measure(runs, lambda: case(0.0))))
        rows.append(("case message, translator hanging", await measure(runs, lambda: case(10.0))))

        async def beyond_twelve(hang: float) -> Any:
            libre.hang_seconds = 0.0
            chat = await app(user_id=6000 + len(stack), lang="en", libretranslate_url=libre.url)
            await chat.press_data("lang:v1:other")
            await chat.send("Tigrinya")  # the UI is machine-translated once, then remembered
            assert chat.app.bot_data.localizer is not None
            await chat.app.bot_data.localizer.ensure_ui("ti")
            libre.hang_seconds = hang
            return chat, lambda: chat.press_data("topic:v1:health"), chat.factory.user_id

        rows.append(
            ("answer in ti, translator hanging", await measure(runs, lambda: beyond_twelve(10.0)))
        )
        libre.hang_seconds = 0.0
        baseline = statistics.median(rows[0][1])
        print(f"time to the first reply, {runs} runs each (budget 3.0 s):")
        for name, times in rows:
            median = statistics.median(times)
            print(
                f"  {name:36} median {median:5.2f} s  worst {max(times):5.2f} s  "
                f"×{median / baseline:5.1f} of the baseline"
            )

        # A flood: 300 messages from one person while another writes once.
        rasa.requests = 0
        flooder = await app(user_id=666, rasa_url=rasa.url, flood_burst=20, flood_per_minute=30)
        other = LocalChat(flooder.app, flooder.api, UpdateFactory(user_id=777, language_code="de"))

        async def flood() -> None:
            for i in range(300):
                await flooder.send(f"Nachricht Nummer {i}, bitte antworten")

        task = asyncio.create_task(flood())
        await asyncio.sleep(0.2)
        waited = await first_reply(other, other.send("Guten Morgen zusammen"), 777)
        await task
        notice = flooder.app.bot_data.catalogues.t("de", "flood-slow-down")
        told = sum(1 for c in flooder.api.calls if c.method == "sendMessage" and notice in c.text)
        print(
            f"flood of 300 messages: {rasa.requests} NLU requests in all, {told} notice; "
            f"another person's reply meanwhile after {waited:.2f} s"
        )
    for context in reversed(stack):
        await context.__aexit__(None, None, None)
    await redis.aclose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the degraded answers log a warning each
    server = RedisServer()
    try:
        asyncio.run(run(server.url, args.runs))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
