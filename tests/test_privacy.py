"""Privacy: what is stored, and /delete_my_data deleting all of it."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis
from telegram.ext import ConversationHandler

from tests.booking_helpers import (
    THURSDAY,
    TUESDAY_MORNING,
    book_through_chat,
    booking_chat,
    slot_id,
)
from tests.booking_helpers import ui as booking_ui
from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.handoff_helpers import GROUP as HANDOFF_GROUP
from tests.handoff_helpers import TUESDAY_10, newcomer, open_case, staff, to_chat
from tests.helpers import (
    Clock,
    all_text,
    catalogue_text,
    choose_language,
    data_of,
)


async def test_privacy_explains_and_deletes_everything(make_chat: AppFactory, redis) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "fa")
    await chat.press_data("topic:v1:counselling")  # an open question is stored state, too
    await chat.app.update_persistence()
    assert await redis.exists("lotse:user:4242")
    assert [k async for k in redis.scan_iter(match="lotse:conv:*")]

    calls = await chat.send("/privacy")
    assert "180" in all_text(calls)
    calls = await chat.send("/delete_my_data")
    assert data_of(calls, "privacy:v1:") == ["privacy:v1:confirm", "privacy:v1:cancel"]
    calls = await chat.press_data("privacy:v1:confirm")
    assert catalogue_text(chat, "fa", "privacy-deleted") in all_text(calls)
    await chat.app.update_persistence()
    assert not await redis.exists("lotse:user:4242")
    assert not [k async for k in redis.scan_iter(match="lotse:conv:*")]
    # Forgotten: the bot speaks the phone's language again and the question is closed.
    calls = await chat.send("Mengede")
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)


async def test_privacy_cancel_keeps_the_data(make_chat: AppFactory, redis) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "de")
    await chat.app.update_persistence()
    await chat.press_data("privacy:v1:cancel")
    assert await redis.exists("lotse:user:4242")


@pytest.fixture
def booking_clock() -> Clock:
    return Clock(TUESDAY_MORNING)


@pytest.fixture
def handoff_clock() -> Clock:
    return Clock(TUESDAY_10)


async def test_delete_my_data_cancels_bookings_first(
    make_chat: AppFactory, booking_clock: Clock, redis: Redis
) -> None:
    chat = await booking_chat(make_chat, "ro", booking_clock)
    slot = slot_id(THURSDAY, 9, 30)
    await book_through_chat(chat, "jobcenter_check", slot, phone="0231 99999")
    calls = await chat.send("/privacy")
    assert "30" in all_text(calls)  # bookings kept 30 days after the appointment
    await chat.send("/delete_my_data")
    calls = await chat.press_data("privacy:v1:confirm")
    assert booking_ui(chat, "ro", "privacy-deleted") in all_text(calls)
    service = chat.app.bot_data.booking
    assert service is not None
    assert await service.day_bookings(THURSDAY) == []
    assert slot in {s.id for s in await service.free_slots("jobcenter_check", THURSDAY)}
    keys = [k async for k in redis.scan_iter(match="lotse:bk:*")]
    for key in keys:
        assert b"0231 99999" not in (await redis.dump(key) or b"")


async def test_delete_my_data_removes_cases_topics_and_bookings(
    make_chat: AppFactory, handoff_clock: Clock, libre: FakeLibreTranslate, redis: Redis
) -> None:
    chat = await newcomer(make_chat, "ro", handoff_clock, libre)
    thread = await open_case(chat, "Întrebare")
    await chat.send("Bună ziua, numele meu este Ioana")
    await chat.send("/delete_my_data")
    calls = await chat.press_data("privacy:v1:confirm")
    assert booking_ui(chat, "ro", "privacy-deleted") in all_text(calls)
    assert staff(chat, "staff-deleted-by-user", case=1) in all_text(to_chat(calls, HANDOFF_GROUP))
    [deleted] = [c for c in calls if c.method == "deleteForumTopic"]
    assert int(deleted.params["message_thread_id"]) == thread
    for key in [k async for k in redis.scan_iter(match="lotse:ho:*")]:
        assert key in {b"lotse:ho:seq"}, key
    calls = await chat.send("Bună")  # no case any more: the bot answers
    assert not to_chat(calls, HANDOFF_GROUP)


async def test_delete_my_data_forgets_open_questions_of_every_conversation(
    make_chat: AppFactory, handoff_clock: Clock, libre: FakeLibreTranslate, redis: Redis
) -> None:
    """The description question of a new case lives in its own handler group; after deleting
    their data, what the person types next must not open a case they no longer agreed to."""
    chat = await newcomer(make_chat, "de", handoff_clock, libre)
    await chat.press_data("handoff:v1:start")
    calls = await chat.press_data("handoff:v1:yes")  # consent given: "what is it about?"
    assert data_of(calls, "handoff:v1:skip")
    await chat.send("/delete_my_data")
    await chat.press_data("privacy:v1:confirm")
    calls = await chat.send("Ich brauche Hilfe bei der Miete")
    assert not [c for c in calls if c.method == "createForumTopic"]
    assert not to_chat(calls, HANDOFF_GROUP)
    assert [k async for k in redis.scan_iter(match="lotse:conv:*")] == []


async def test_delete_my_data_clears_the_states_of_every_conversation_handler(
    make_chat: AppFactory, redis: Redis
) -> None:
    """Open questions of every conversation (booking, handoff, district: each in its own handler
    group), whatever chat they were asked in, are gone after a deletion."""
    chat = await make_chat(language_code="de", user_id=4242)
    await choose_language(chat, "de")
    handlers = [
        h
        for group in chat.app.handlers.values()
        for h in group
        if isinstance(h, ConversationHandler)
    ]
    assert {h.name for h in handlers} >= {"booking", "handoff", "counselling"}
    for handler in handlers:
        handler._conversations[(-100777, 4242)] = 1  # as loaded from storage after a restart
    await chat.send("/delete_my_data")
    await chat.press_data("privacy:v1:confirm")
    left = {h.name: [k for k in h._conversations if 4242 in k] for h in handlers}
    assert left == {h.name: [] for h in handlers}
