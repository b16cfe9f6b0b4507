"""Booking an appointment through the real Application, the local Bot API and real Redis."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from redis.asyncio import Redis

from bot.i18n import RLM, format_day
from bot.jobs import send_due_reminders
from tests.booking_helpers import (
    GROUP,
    THURSDAY,
    TUESDAY_MORNING,
    book_through_chat,
    booking_chat,
    prefix,
    slot_id,
    ui,
)
from tests.conftest import AppFactory
from tests.helpers import Clock, all_buttons, all_text, answered_queries, data_of, messages


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY_MORNING)


async def test_arabic_newcomer_books_gets_ics_and_reminder_cancels_and_rebooks(
    make_chat: AppFactory, clock: Clock, redis: Redis
) -> None:
    chat = await booking_chat(make_chat, "ar", clock)
    calls = await chat.press_data("book:v1:start")
    assert prefix(chat, "ar", "booking-choose-service") in all_text(calls)
    assert data_of(calls, "book:v1:svc:") == [
        "book:v1:svc:eu_registration",
        "book:v1:svc:arrival_counselling",
        "book:v1:svc:jobcenter_check",
        "book:v1:svc:language_counselling",
    ]
    schedule = chat.app.bot_data.content.current.booking
    assert schedule is not None
    arabic = schedule.text("eu_registration", "ar")
    assert arabic is not None and arabic.lang == "ar"
    calls = await chat.press_data("book:v1:svc:eu_registration")
    text = all_text(calls)
    for item in arabic.bring:  # the checklist, in Arabic
        assert item in text
    assert "Wohnungsgeberbestätigung" in text
    days = data_of(calls, "book:v1:day:")
    assert "book:v1:day:eu_registration:20261203" in days
    assert "book:v1:day:eu_registration:20261205" not in days  # a Saturday
    assert "book:v1:day:eu_registration:20261224" not in days  # closed
    # Every line of an Arabic message is marked right-to-left.
    for call in messages(calls):
        for line in call.text.split("\n"):
            assert not line or line.startswith(RLM)

    calls = await chat.press_data("book:v1:day:eu_registration:20261203")
    assert format_day(THURSDAY, "ar") in all_text(calls)
    slot = slot_id(THURSDAY, 9, 10)
    calls = await chat.press_data(f"book:v1:time:eu_registration:{slot}")
    assert prefix(chat, "ar", "booking-choose-interpreter") in all_text(calls)
    assert data_of(calls, "book:v1:int:")[0] == "book:v1:int:ar"  # their own language first
    assert "book:v1:int:none" in data_of(calls, "book:v1:int:")
    calls = await chat.press_data("book:v1:int:ar")
    assert ui(chat, "ar", "booking-ask-name") in all_text(calls)
    calls = await chat.send("أمل الحداد")
    assert prefix(chat, "ar", "booking-ask-phone") in all_text(calls)
    calls = await chat.send("+49 151 2345678")
    text = all_text(calls)
    assert ui(chat, "ar", "booking-summary") in text
    assert "أمل الحداد" in text and "+49 151 2345678" in text
    assert data_of(calls, "book:v1:") == ["book:v1:confirm", "book:v1:abort"]

    calls = await chat.press_data("book:v1:confirm")
    assert answered_queries(calls) == 1
    text = all_text(calls)
    assert ui(chat, "ar", "booking-confirmed") in text
    assert "Friedensplatz 7" in text
    service = chat.app.bot_data.booking
    assert service is not None
    [booking] = await service.bookings_of(4242)
    assert booking.display_code in text
    assert booking.lang == "ar" and booking.interpreter == "ar"
    for item in arabic.bring:
        assert item in text
    documents = [c for c in calls if c.method == "sendDocument"]
    assert len(documents) == 1
    filename, content = next(iter(documents[0].files.values()))
    assert filename == f"migrado-{booking.display_code}.ics"
    ics = content.decode().replace("\r\n ", "")  # unfold long lines
    assert "BEGIN:VEVENT" in ics and "DTSTART:20261203T081000Z" in ics  # 09:10 in Dortmund
    assert "Friedensplatz 7" in ics and booking.display_code in ics
    venues = [c for c in calls if c.method == "sendVenue"]
    assert len(venues) == 1 and "Friedensplatz 7" in venues[0].params["address"]

    # The evening before, the reminder comes in Arabic.
    clock.set_local(datetime(2026, 12, 2, 18, 0))
    chat.api.clear()
    assert await send_due_reminders(chat.app) == 1
    [reminder] = messages(chat.api.calls)
    assert int(reminder.params["chat_id"]) == 4242
    assert ui(chat, "ar", "booking-reminder-day") in all_text([reminder])
    assert booking.display_code in all_text([reminder])
    clock.set_local(datetime(2026, 12, 2, 19, 0))

    # Cancel from /mybookings, then book again.
    calls = await chat.send("/mybookings")
    assert booking.display_code in all_text(calls)
    assert f"book:v1:cancel:{booking.code}" in data_of(calls, "book:v1:cancel:")
    calls = await chat.press_data(f"book:v1:cancel:{booking.code}")
    assert ui(chat, "ar", "mybookings-cancel-ask") in all_text(calls)
    calls = await chat.press_data(f"book:v1:cancelok:{booking.code}")
    assert prefix(chat, "ar", "mybookings-cancelled") in all_text(calls)
    assert await service.bookings_of(4242) == []
    calls = await book_through_chat(chat, "eu_registration", slot_id(date(2026, 12, 4), 8, 30))
    assert ui(chat, "ar", "booking-confirmed") in all_text(calls)
    assert len(await service.bookings_of(4242)) == 1


@pytest.mark.parametrize("lang", ["de", "uk", "fa", "tr", "ku"])
async def test_booking_speaks_the_newcomers_language(
    make_chat: AppFactory, clock: Clock, lang: str
) -> None:
    chat = await booking_chat(make_chat, lang, clock)
    calls = await book_through_chat(chat, "language_counselling", slot_id(THURSDAY, 9, 0))
    assert ui(chat, lang, "booking-confirmed") in all_text(calls)
    schedule = chat.app.bot_data.content.current.booking
    assert schedule is not None
    name = schedule.text("language_counselling", lang)
    assert name is not None and name.lang == lang and name.name in all_text(calls)


async def test_a_taken_time_offers_the_next_free_ones(make_chat: AppFactory, clock: Clock) -> None:
    first = await booking_chat(make_chat, "de", clock, user_id=1)
    second = await booking_chat(make_chat, "fr", clock, user_id=2)
    second.app.bot_data.booking = first.app.bot_data.booking  # one office, one Redis
    slot = slot_id(THURSDAY, 9, 30)
    await first.press_data(f"book:v1:time:jobcenter_check:{slot}")  # held by the first
    calls = await second.press_data(f"book:v1:time:jobcenter_check:{slot}")
    assert ui(second, "fr", "booking-full") in all_text(calls)
    offered = data_of(calls, "book:v1:time:jobcenter_check:")
    assert offered and f"book:v1:time:jobcenter_check:{slot}" not in offered


async def test_an_expired_hold_that_was_taken_meanwhile(
    make_chat: AppFactory, clock: Clock
) -> None:
    first = await booking_chat(make_chat, "pl", clock, user_id=1)
    second = await booking_chat(make_chat, "de", clock, user_id=2)
    slot = slot_id(THURSDAY, 9, 30)
    await first.press_data(f"book:v1:time:jobcenter_check:{slot}")
    await first.press_data("book:v1:int:pl")
    await first.send("Jan Kowalski")
    await first.press_data("book:v1:nophone")
    clock.advance(minutes=10)  # the hold runs out while they hesitate
    await book_through_chat(second, "jobcenter_check", slot)
    calls = await first.press_data("book:v1:confirm")
    assert ui(first, "pl", "booking-expired") in all_text(calls)
    assert data_of(calls, "book:v1:time:jobcenter_check:")


async def test_forged_and_stale_booking_buttons(
    make_chat: AppFactory, clock: Clock, redis: Redis
) -> None:
    owner = await booking_chat(make_chat, "en", clock, user_id=1)
    await book_through_chat(owner, "jobcenter_check", slot_id(THURSDAY, 9, 30))
    service = owner.app.bot_data.booking
    assert service is not None
    [booking] = await service.bookings_of(1)

    intruder = await booking_chat(make_chat, "ru", clock, user_id=666)
    for data in (
        f"book:v1:cancelok:{booking.code}",
        f"book:v1:cancel:{booking.code}",
        f"book:v1:move:{booking.code}",
        f"book:v1:mtime:{booking.code}:{slot_id(THURSDAY, 11, 0)}",
        f"book:v1:rebook:{booking.code}:{slot_id(THURSDAY, 11, 0)}",
    ):
        calls = await intruder.press_data(data)
        assert answered_queries(calls) == 1
        assert ui(intruder, "ru", "mybookings-not-yours") in all_text(calls)
    assert (await service.get(booking.code)).active  # type: ignore[union-attr]

    for data in (
        "book:v1:time:jobcenter_check:202612030831",  # off the grid
        f"book:v1:time:jobcenter_check:{slot_id(date(2026, 12, 24), 9, 30)}",  # closed day
        f"book:v1:time:jobcenter_check:{slot_id(date(2026, 11, 30), 9, 30)}",  # the past
    ):
        calls = await intruder.press_data(data)
        assert answered_queries(calls) == 1
        assert ui(intruder, "ru", "booking-invalid-slot") in all_text(calls)
    for data in ("book:v1:svc:nope", "book:v1:day:jobcenter_check:2026", "book:v1:frobnicate"):
        calls = await intruder.press_data(data)
        assert answered_queries(calls) == 1
        assert ui(intruder, "ru", "fallback-stale-button") in all_text(calls)
    calls = await intruder.press_data("book:v1:confirm")  # nothing to confirm
    assert ui(intruder, "ru", "booking-no-draft") in all_text(calls)
    calls = await intruder.press_data("book:v2:confirm")  # a version we do not know
    assert ui(intruder, "ru", "fallback-stale-button") in all_text(calls)
    assert len(await service.day_bookings(THURSDAY)) == 1


@pytest.mark.parametrize(
    "send",
    ["sticker", "voice", "x" * 5000, "https://example.org", "1234", "A"],
)
async def test_bad_names_are_asked_again_and_lose_nothing(
    make_chat: AppFactory, clock: Clock, send: str
) -> None:
    chat = await booking_chat(make_chat, "en", clock)
    await chat.press_data(f"book:v1:time:jobcenter_check:{slot_id(THURSDAY, 9, 30)}")
    await chat.press_data("book:v1:int:none")
    calls = await (chat.send_media(send) if send in {"sticker", "voice"} else chat.send(send))
    assert ui(chat, "en", "booking-name-invalid") in all_text(calls)
    calls = await chat.send("Amal Haddad")  # still in the booking, the time still held
    assert prefix(chat, "en", "booking-ask-phone") in all_text(calls)
    calls = await chat.send("call me maybe")
    assert ui(chat, "en", "booking-phone-invalid") in all_text(calls)
    calls = await chat.send("0231 123456")
    assert ui(chat, "en", "booking-summary") in all_text(calls)


async def test_typing_a_name_after_a_restart(make_chat: AppFactory, clock: Clock) -> None:
    first = await booking_chat(make_chat, "tr", clock)
    await first.press_data(f"book:v1:time:jobcenter_check:{slot_id(THURSDAY, 9, 30)}")
    await first.press_data("book:v1:int:tr")
    await first.app.stop()
    await first.app.shutdown()  # writes the conversation state

    second = await make_chat(language_code="tr", counsellor_chat_id=GROUP)
    assert second.app.bot_data.booking is not None
    second.app.bot_data.booking.clock = clock
    calls = await second.send("Ayşe Yılmaz")
    assert prefix(second, "tr", "booking-ask-phone") in all_text(calls)
    await second.press_data("book:v1:nophone")
    calls = await second.press_data("book:v1:confirm")
    assert ui(second, "tr", "booking-confirmed") in all_text(calls)


async def test_a_stale_name_question_does_not_swallow_later_messages(
    make_chat: AppFactory, clock: Clock, redis: Redis
) -> None:
    chat = await booking_chat(make_chat, "en", clock)
    await chat.press_data(f"book:v1:time:jobcenter_check:{slot_id(THURSDAY, 9, 30)}")
    await chat.press_data("book:v1:int:none")
    await redis.delete("lotse:bk:hold:4242")  # the draft is long gone (days later)
    calls = await chat.send("Where do I register?")
    assert ui(chat, "en", "fallback-free-text") in all_text(calls)


async def test_entry_points_menu_answer_and_typed_intents(
    make_chat: AppFactory, clock: Clock
) -> None:
    from bot.services.nlu import NluResult

    chat = await booking_chat(make_chat, "en", clock)
    # The answer's own buttons (its frequent questions follow in a message of their own).
    calls = await chat.press_data("topic:v1:registration:eu")
    assert "book:v1:svc:eu_registration" in [d for _, d in all_buttons(calls)]
    calls = await chat.press_data("topic:v1:registration:non_eu")
    assert "book:v1:svc:eu_registration" not in [d for _, d in all_buttons(calls)]
    calls = await chat.press_data("topic:v1:language_course:general")
    assert "book:v1:svc:language_counselling" in [d for _, d in all_buttons(calls)]

    class FakeNlu:
        intent = "book_appointment"

        async def parse(self, text: str) -> NluResult:
            return NluResult(text, self.intent, 0.97, ((self.intent, 0.97),), ())

        async def aclose(self) -> None:
            return None

    nlu = FakeNlu()
    chat.app.bot_data.nlu = nlu  # type: ignore[assignment]
    calls = await chat.send("I need an appointment at MigraDO")
    assert "book:v1:svc:eu_registration" in data_of(calls, "book:v1:svc:")
    nlu.intent = "cancel_appointment"
    calls = await chat.send("I want to cancel my appointment")
    assert ui(chat, "en", "mybookings-none") in all_text(calls)


async def test_without_redis_booking_says_where_to_go(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en", use_redis=False)
    calls = await chat.press_data("book:v1:start")
    assert "Friedensplatz 7" in all_text(calls)
    assert prefix(chat, "en", "booking-unavailable") in all_text(calls)
    calls = await chat.send("/mybookings")
    assert prefix(chat, "en", "booking-unavailable") in all_text(calls)


async def test_booking_and_handoff_buttons_work_while_the_district_question_is_open(
    make_chat: AppFactory, clock: Clock
) -> None:
    """Each conversation has its own handler group: an open question elsewhere does not
    swallow the buttons of another flow."""
    chat = await booking_chat(make_chat, "en", clock)
    await chat.press_data("topic:v1:counselling")  # asks for the district, question open
    await chat.press_data(f"book:v1:time:jobcenter_check:{slot_id(THURSDAY, 9, 30)}")
    calls = await chat.press_data("book:v1:int:none")
    assert ui(chat, "en", "booking-ask-name") in all_text(calls)
    calls = await chat.send("Amal Haddad")
    assert prefix(chat, "en", "booking-ask-phone") in all_text(calls)
    await chat.press_data("topic:v1:counselling")
    await chat.press_data("handoff:v1:start")
    calls = await chat.press_data("handoff:v1:yes")
    assert ui(chat, "en", "handoff-ask-subject") in all_text(calls)


async def test_reminders_survive_a_restart(make_chat: AppFactory, clock: Clock) -> None:
    first = await booking_chat(make_chat, "fa", clock)
    await book_through_chat(first, "arrival_counselling", slot_id(THURSDAY, 9, 15))
    await first.app.stop()
    await first.app.shutdown()

    second = await make_chat(language_code="en")
    assert second.app.bot_data.booking is not None
    second.app.bot_data.booking.clock = clock
    # Two hours before 09:15, after a night the bot was down: the two-hour reminder comes,
    # the one of the evening before ("tomorrow …") would be wrong now and is dropped.
    clock.set_local(datetime(2026, 12, 3, 7, 15))
    assert await send_due_reminders(second.app) == 1
    [reminder] = messages(second.api.calls)
    assert ui(second, "fa", "booking-reminder-2h") in all_text([reminder])
