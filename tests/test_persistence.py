"""State in Redis: choices and open questions survive restarts and expire; without Redis,
things still work in memory."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import AppFactory
from tests.helpers import (
    all_text,
    catalogue_text,
    choose_language,
    data_of,
)


async def test_choice_survives_a_restart_and_so_does_an_open_question(
    make_chat: AppFactory,
) -> None:
    first = await make_chat(language_code="en")
    await choose_language(first, "uk")
    calls = await first.press_data("topic:v1:counselling")
    assert len(data_of(calls, "district:v1:")) == 12
    await first.app.stop()
    await first.app.shutdown()  # writes what is pending

    second = await make_chat(language_code="en")
    calls = await second.send("Mengede")  # the answer to the question asked before the restart
    text = all_text(calls)
    assert "Westerfilder Straße 11a" in text
    assert "lokal willkommen Mengede/Huckarde" in text
    assert catalogue_text(second, "uk", "menu-title") in text  # still Ukrainian


async def test_stored_profile_expires(make_chat: AppFactory, redis) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "de")
    await chat.app.update_persistence()
    ttl = await redis.ttl("lotse:user:4242")
    assert 179 * 86400 < ttl <= 180 * 86400
    raw = await redis.get("lotse:user:4242")
    assert b"wo anmelden" not in raw and b"language" in raw


async def test_without_redis_everything_works_in_memory(
    make_chat: AppFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.app"):
        chat = await make_chat(language_code="bg", use_redis=False)
    assert any("REDIS_URL is not set" in r.getMessage() for r in caplog.records)
    await choose_language(chat, "bg")
    calls = await chat.press_data("topic:v1:counselling")
    calls = await chat.send("Huckarde")
    assert "Westerfilder Straße 11a" in all_text(calls)


async def test_redis_down_gives_try_again_not_a_crash(
    make_chat: AppFactory, caplog: pytest.LogCaptureFixture
) -> None:
    from redis.asyncio import Redis

    from bot.local_redis import RedisServer

    server = RedisServer()
    client = Redis.from_url(server.url, socket_connect_timeout=1, socket_timeout=1)
    chat = await make_chat(language_code="en", redis_client=client, user_id=777)
    server.stop()
    with caplog.at_level(logging.ERROR):
        calls = await chat.send("/start")
    assert catalogue_text(chat, "en", "error-storage") in all_text(calls)
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)
    await client.aclose()
