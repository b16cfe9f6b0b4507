"""The counsellors' side of a handoff: who may act, claiming, closing."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.jobs import run_maintenance
from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.handoff_helpers import (
    COLLEAGUE,
    COUNSELLOR,
    GROUP,
    NEWCOMER,
    OUTSIDER,
    TUESDAY_10,
    Team,
    newcomer,
    open_case,
    staff,
    to_chat,
    ui,
)
from tests.helpers import Clock, all_text, messages


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY_10)


async def test_claims_and_who_may_act(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "uk", clock, libre)
    team = Team(chat)
    thread = await open_case(chat, None)
    calls = await team.say("/claim", thread)
    assert staff(chat, "staff-claimed", case=1, counsellor="Jana") in all_text(calls)
    assert ui(chat, "uk", "handoff-claimed") in all_text(to_chat(calls, NEWCOMER))
    calls = await team.say("/claim", thread, who=COLLEAGUE)
    assert staff(chat, "staff-already-claimed", case=1, counsellor="Jana") in all_text(calls)
    calls = await team.say("/release", thread)
    assert staff(chat, "staff-released", case=1) in all_text(calls)
    calls = await team.say("/claim", thread, who=COLLEAGUE)
    assert "Murat" in all_text(calls)
    calls = await team.say("/claim", None)  # General, not a case
    assert staff(chat, "staff-not-a-case") in all_text(calls)
    calls = await team.private("/claim", COUNSELLOR)  # a member, but not in the group
    assert staff(chat, "staff-use-group") in all_text(calls)
    for command in ("/claim", "/close", "/note hallo", "/cases", "/release"):
        calls = await team.private(command, OUTSIDER)
        assert ui(chat, "de", "staff-only") in all_text(calls)
    # The newcomer trying counsellor commands is refused in Ukrainian, nothing changes.
    calls = await chat.send("/close")
    assert ui(chat, "uk", "staff-only") in all_text(calls)
    service = chat.app.bot_data.handoff
    assert service is not None
    assert (await service.get(1)).open  # type: ignore[union-attr]
    # The newcomer ends it themselves.
    calls = await chat.send("/end")
    assert ui(chat, "uk", "handoff-ended-by-you") in all_text(calls)
    assert staff(chat, "staff-ended-by-newcomer", case=1) in all_text(to_chat(calls, GROUP))
    calls = await team.say("Hallo?", thread)
    assert staff(chat, "staff-case-closed-already", case=1) in all_text(calls)
    assert not to_chat(calls, NEWCOMER)


async def test_waiting_cases_are_announced_again(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "pl", clock, libre)
    await open_case(chat, "Pytanie o pracę")
    clock.advance(minutes=31)
    chat.api.clear()
    assert await run_maintenance(chat.app) == (1, 0)
    [notice] = messages(chat.api.calls)
    assert int(notice.params["chat_id"]) == GROUP
    assert "Fall #1 (pl) wartet seit 31 Min." in notice.text
    assert await run_maintenance(chat.app) == (0, 0)  # not again at once


async def test_closed_cases_are_deleted_after_the_retention_period(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate, redis: Redis
) -> None:
    chat = await newcomer(make_chat, "bg", clock, libre, handoff_retention_days=7)
    team = Team(chat)
    thread = await open_case(chat, "Въпрос")
    await chat.send("Здравейте")
    await team.say("/close", thread)
    clock.advance(days=6)
    assert await run_maintenance(chat.app) == (0, 0)
    clock.advance(days=1, minutes=1)
    chat.api.clear()
    assert await run_maintenance(chat.app) == (0, 1)
    [deleted] = [c for c in chat.api.calls if c.method == "deleteForumTopic"]
    assert int(deleted.params["message_thread_id"]) == thread
    assert not [k async for k in redis.scan_iter(match="lotse:ho:case:*")]
    assert not await redis.exists(f"lotse:ho:thread:{thread}")
