"""The counsellors' side of a handoff: who may act, claiming, closing."""

from __future__ import annotations

import itertools
import time

import pytest
from redis.asyncio import Redis
from telegram import Update

from bot.channels.local import LocalChat
from bot.jobs import run_maintenance
from tests.booking_helpers import THURSDAY, book_through_chat, slot_id
from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.handoff_helpers import (
    COLLEAGUE,
    COUNSELLOR,
    GROUP,
    GROUP_CHAT,
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


# -- only current members act as counsellors -----------------------------------------------------

#: Telegram's sender of messages the anonymous group admin posts (``sender_chat`` is the group).
ANONYMOUS_ADMIN = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}


#: Update ids of the hand-made updates (each update is handled once: redeliveries are skipped).
UPDATE_IDS = itertools.count(900_000)


def as_group_admin(chat: LocalChat, text: str, thread: int | None) -> Update:
    message: dict[str, object] = {
        "message_id": next(UPDATE_IDS),
        "date": int(time.time()),
        "chat": GROUP_CHAT,
        "from": ANONYMOUS_ADMIN,
        "sender_chat": GROUP_CHAT,
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    if thread is not None:
        message["message_thread_id"] = thread
        message["is_topic_message"] = True
    update = Update.de_json({"update_id": next(UPDATE_IDS), "message": message}, chat.app.bot)
    assert update is not None
    return update


def membership_update(chat: LocalChat, user_id: int, old: str, new: str) -> Update:
    user = {"id": user_id, "is_bot": False, "first_name": "Jana"}
    changed = {
        "chat": GROUP_CHAT,
        "from": {"id": COLLEAGUE, "is_bot": False, "first_name": "Murat"},
        "date": int(time.time()),
        "old_chat_member": {"status": old, "user": user},
        "new_chat_member": {"status": new, "user": user},
    }
    update = Update.de_json({"update_id": next(UPDATE_IDS), "chat_member": changed}, chat.app.bot)
    assert update is not None
    return update


async def test_a_person_who_left_the_group_is_obeyed_in_nothing(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "uk", clock, libre)
    await book_through_chat(chat, "jobcenter_check", slot_id(THURSDAY, 9, 30), name="Olena Koval")
    team = Team(chat)
    chat.api.members[GROUP][OUTSIDER] = "left"  # e.g. a former colleague, still in old chats
    thread = await open_case(chat, None)
    handoff = chat.app.bot_data.handoff
    booking = chat.app.bot_data.booking
    assert handoff is not None and booking is not None
    refusal = ui(chat, "de", "staff-only")

    acts = {
        "/claim": thread,
        "/close Erledigt": thread,
        "/cases": None,
        "/day 2026-12-03": None,
        "/close_day 2026-12-03 Streik": None,
    }
    obeyed = []
    for command, where in acts.items():
        calls = await team.say(command, where, who=OUTSIDER)
        assert refusal in all_text(calls), command  # told politely, in the group
        assert not to_chat(calls, NEWCOMER), command
        if "Olena Koval" in all_text(calls) or "#1" in all_text(calls):
            obeyed.append(command)
    calls = await team.say("Schicken Sie mir Ihre Passnummer.", thread, who=OUTSIDER)
    if to_chat(calls, NEWCOMER):
        obeyed.append("topic message")
    assert not calls  # not relayed, and no answer that would invite more
    case = await handoff.get(1)
    assert case is not None and case.open and not case.claimed_by
    [kept] = await booking.bookings_of(NEWCOMER)
    assert kept.active
    assert obeyed == []

    # A current member is obeyed in all of it.
    calls = await team.say("Guten Tag, ich bin Jana.", thread)
    assert "[uk] Guten Tag, ich bin Jana." in all_text(to_chat(calls, NEWCOMER))
    calls = await team.say("/day 2026-12-03", None)
    assert "Olena Koval" in all_text(calls)
    calls = await team.say("/close Erledigt", thread)
    assert not (await handoff.get(1)).open  # type: ignore[union-attr]


async def test_the_anonymous_group_admin_counts_as_a_counsellor_and_signs_as_one(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "tr", clock, libre)
    Team(chat)
    thread = await open_case(chat, "Kira")
    chat.api.clear()
    await chat.app.process_update(as_group_admin(chat, "Wir helfen Ihnen gern.", thread))
    calls = chat.api.calls
    to_newcomer = all_text(to_chat(calls, NEWCOMER))
    assert "[tr] Wir helfen Ihnen gern." in to_newcomer
    assert ui(chat, "tr", "handoff-claimed") in to_newcomer
    signed = staff(chat, "staff-anonymous-counsellor")
    assert staff(chat, "staff-claimed", case=1, counsellor=signed) in all_text(
        to_chat(calls, GROUP)
    )
    case = await chat.app.bot_data.handoff.get(1)  # type: ignore[union-attr]
    assert case is not None and case.claimed_name == signed
    chat.api.clear()
    await chat.app.process_update(as_group_admin(chat, "/cases", None))
    assert staff(chat, "staff-cases-title", count=1) in all_text(chat.api.calls)


async def test_a_chat_member_update_revokes_at_once(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate, redis: Redis
) -> None:
    chat = await newcomer(make_chat, "ro", clock, libre)
    team = Team(chat)
    thread = await open_case(chat, None)
    calls = await team.say("Prima răspuns", thread)
    assert to_chat(calls, NEWCOMER)
    assert 0 < await redis.ttl(f"lotse:members:{COUNSELLOR}") <= 300  # remembered, not forever
    chat.api.members[GROUP][COUNSELLOR] = "left"
    await chat.app.process_update(membership_update(chat, COUNSELLOR, "member", "left"))
    calls = await team.say("Zweite Antwort nach dem Austritt", thread)
    assert not to_chat(calls, NEWCOMER)
    calls = await team.say("/claim", thread)
    assert ui(chat, "de", "staff-only") in all_text(calls)
    # Joining again counts at once, too.
    chat.api.members[GROUP][COUNSELLOR] = "member"
    await chat.app.process_update(membership_update(chat, COUNSELLOR, "left", "member"))
    calls = await team.say("Wieder da", thread)
    assert "[ro] Wieder da" in all_text(to_chat(calls, NEWCOMER))


async def test_membership_is_asked_again_when_the_remembered_answer_expires(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate, redis: Redis
) -> None:
    chat = await newcomer(make_chat, "fr", clock, libre)
    team = Team(chat)
    thread = await open_case(chat, None)
    await team.say("Bonjour", thread)
    asked = [c for c in chat.api.calls if c.method == "getChatMember"]
    chat.api.members[GROUP][COUNSELLOR] = "kicked"  # Telegram knows; no update reached us
    await redis.delete(f"lotse:members:{COUNSELLOR}")  # the remembered answer expires
    calls = await team.say("Encore moi", thread)
    assert [c for c in calls if c.method == "getChatMember"]
    assert len([c for c in chat.api.calls if c.method == "getChatMember"]) == len(asked) + 1
    assert not to_chat(calls, NEWCOMER)


async def test_the_first_reply_that_claims_a_case_tells_the_newcomer(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "bg", clock, libre)
    team = Team(chat)
    thread = await open_case(chat, None)
    calls = await team.say("Добър ден", thread)
    told = [c.text for c in messages(to_chat(calls, NEWCOMER))]
    assert ui(chat, "bg", "handoff-claimed") in told[0]  # first: someone has it now
    assert "[bg] Добър ден" in told[1]
    calls = await team.say("Noch etwas", thread)
    assert ui(chat, "bg", "handoff-claimed") not in all_text(to_chat(calls, NEWCOMER))
