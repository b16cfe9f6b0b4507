"""Flood control: one person flooding the bot is slowed down per person, told once, costs no
NLU call beyond a small budget, and never slows anyone else; the state is in Redis."""

from __future__ import annotations

import asyncio
import logging

import pytest
from redis.asyncio import Redis

from bot.channels.local import LocalChat
from bot.channels.updates import UpdateFactory
from bot.local_redis import free_port
from bot.services.flood import FloodGuard, Verdict
from tests.conftest import AppFactory
from tests.fake_rasa import FakeRasa
from tests.helpers import all_text, catalogue_text

FLOODER = 666
OTHER = 777
#: The production defaults (the test configuration lifts the burst for quick tests).
LIMITS = {"flood_burst": 20, "flood_per_minute": 30}


def notices(chat: LocalChat, user_id: int, lang: str = "en") -> int:
    text = catalogue_text(chat, lang, "flood-slow-down")
    return sum(
        1
        for c in chat.api.calls
        if c.method == "sendMessage"
        and int(c.params.get("chat_id", 0)) == user_id
        and text in c.text.replace("\u200f", "")
    )


async def test_three_hundred_messages_cost_a_few_nlu_calls_one_notice_and_nobody_waits(
    make_chat: AppFactory,
) -> None:
    with FakeRasa() as rasa:
        flooder = await make_chat(language_code="en", user_id=FLOODER, rasa_url=rasa.url, **LIMITS)
        other = LocalChat(flooder.app, flooder.api, UpdateFactory(user_id=OTHER))
        loop = asyncio.get_running_loop()

        async def flood() -> None:
            for i in range(300):
                await flooder.send(f"hello again, this is message number {i}")

        task = asyncio.create_task(flood())
        await asyncio.sleep(0.2)  # the flood is under way
        started = loop.time()
        calls = await other.send("Good morning, hello there")
        waited = loop.time() - started
        await task
    assert catalogue_text(flooder, "en", "nlu-greet") in all_text(calls)  # understood, at once
    assert waited < 1.5
    assert notices(flooder, FLOODER) == 1
    # The burst, what refilled while the test ran, and the other person's one message; each
    # reading may cost a retry at most.
    assert 0 < rasa.requests <= 2 * (LIMITS["flood_burst"] + 5) + 2
    answered = [
        c
        for c in flooder.api.calls
        if c.method == "sendMessage" and int(c.params["chat_id"]) == FLOODER
    ]
    assert len(answered) <= LIMITS["flood_burst"] + 5 + 1


async def test_a_button_storm_is_answered_silently_after_the_burst(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="tr", user_id=FLOODER, **LIMITS)
    for _ in range(300):
        await chat.press_data("menu:v1:show")
    answered = [c for c in chat.api.calls if c.method == "answerCallbackQuery"]
    assert len(answered) == 300  # every tap's spinner stops
    menus = [c for c in chat.api.calls if c.method == "sendMessage"]
    assert len(menus) <= LIMITS["flood_burst"] + 5 + 1
    assert notices(chat, FLOODER, "tr") == 1


async def test_the_limit_holds_across_processes(make_chat: AppFactory) -> None:
    slow_refill = {"flood_burst": 20, "flood_per_minute": 1}  # nothing refills during the test
    first = await make_chat(language_code="en", user_id=FLOODER, **slow_refill)
    for i in range(40):
        await first.send(f"message {i}")
    second = await make_chat(language_code="en", user_id=FLOODER, **slow_refill)  # a 2nd worker
    calls = await second.send("and one more")
    assert not [c for c in calls if c.method == "sendMessage"]  # still slowed down
    assert notices(second, FLOODER) == 0  # and not told twice
    third_person = await make_chat(language_code="en", user_id=OTHER, **slow_refill)
    assert await third_person.send("hello")  # others are not affected


async def test_buckets_refill_and_expire(redis: Redis) -> None:
    guard = FloodGuard(redis, burst=3, per_minute=600)  # ten a second
    verdicts = [await guard.admit(1) for _ in range(5)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY, Verdict.DROP]
    await asyncio.sleep(0.25)
    assert await guard.admit(1) is Verdict.ALLOW  # refilled
    assert 0 < await redis.ttl("lotse:flood:1") <= 61
    assert 0 < await redis.ttl("lotse:flood:1:told") <= 600


async def test_without_redis_the_buckets_live_in_the_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    dead = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.5)
    guard = FloodGuard(dead, burst=2, per_minute=1)
    with caplog.at_level(logging.WARNING):
        verdicts = [await guard.admit(9) for _ in range(4)]
    assert verdicts == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY, Verdict.DROP]
    assert caplog.text.count("storage unavailable") == 1  # said once, not per update
    await dead.aclose()
