"""Booking through the real Application, the local Bot API and real Redis."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot.channels.local import LocalChat
from bot.channels.updates import UpdateFactory
from bot.flows.booking import send_due_reminders
from bot.i18n import RLM, format_day
from bot.services.booking import BookingService
from tests.conftest import AppFactory
from tests.helpers import (
    BERLIN,
    Clock,
    all_buttons,
    all_text,
    answered_queries,
    data_of,
    messages,
)

GROUP = -1001234567
COUNSELLOR = 77
TUESDAY_MORNING = datetime(2026, 12, 1, 7, 0)
THURSDAY = date(2026, 12, 3)


def ui(chat: LocalChat, lang: str, key: str, **args: object) -> str:
    text = chat.app.bot_data.catalogues.t(lang, key, **args)
    return text.replace(RLM, "").replace("\u2068", "").replace("\u2069", "")


def prefix(chat: LocalChat, lang: str, key: str) -> str:
    """The words of a string before its first placeholder."""
    marker = "\x00"
    names = ("code", "day", "count", "days", "time", "minutes", "address", "name", "case", "when")
    args = {n: marker for n in names}
    return ui(chat, lang, key, **args).split(marker)[0].strip()


def slot_id(day: date, hh: int, mm: int) -> str:
    local = datetime.combine(day, time(hh, mm), BERLIN)
    return local.astimezone(UTC).strftime("%Y%m%d%H%M")


async def booking_chat(
    make_chat: AppFactory, lang: str, clock: Clock, *, user_id: int = 4242, **kw: object
) -> LocalChat:
    chat = await make_chat(language_code=lang, user_id=user_id, counsellor_chat_id=GROUP, **kw)
    service = chat.app.bot_data.booking
    assert service is not None
    service.clock = clock
    await chat.send("/start")
    await chat.press_data(f"lang:v1:{lang}")
    return chat


async def book_through_chat(
    chat: LocalChat,
    service_id: str,
    slot: str,
    *,
    name: str = "Amal Haddad",
    phone: str | None = None,
    interpreter: str = "ar",
) -> list:
    day = slot[:8]
    await chat.press_data("book:v1:start")
    await chat.press_data(f"book:v1:svc:{service_id}")
    calls = await chat.press_data(f"book:v1:day:{service_id}:{day}")
    assert f"book:v1:time:{service_id}:{slot}" in data_of(calls, "book:v1:time:")
    await chat.press_data(f"book:v1:time:{service_id}:{slot}")
    await chat.press_data(f"book:v1:int:{interpreter}")
    await chat.send(name)
    if phone is None:
        await chat.press_data("book:v1:nophone")
    else:
        await chat.send(phone)
    return await chat.press_data("book:v1:confirm")


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


async def test_reschedule_moves_the_booking_and_keeps_the_details(
    make_chat: AppFactory, clock: Clock
) -> None:
    chat = await booking_chat(make_chat, "uk", clock)
    await book_through_chat(chat, "jobcenter_check", slot_id(THURSDAY, 9, 30), phone="0231 555")
    service = chat.app.bot_data.booking
    assert service is not None
    [old] = await service.bookings_of(4242)
    calls = await chat.press_data(f"book:v1:move:{old.code}")
    assert f"book:v1:mday:{old.code}:20261204" in data_of(calls, "book:v1:mday:")
    calls = await chat.press_data(f"book:v1:mday:{old.code}:20261204")
    new_slot = slot_id(date(2026, 12, 4), 10, 0)
    assert f"book:v1:mtime:{old.code}:{new_slot}" in data_of(calls, "book:v1:mtime:")
    calls = await chat.press_data(f"book:v1:mtime:{old.code}:{new_slot}")
    assert "Amal Haddad" in all_text(calls)  # no need to type it again
    calls = await chat.press_data("book:v1:confirm")
    assert prefix(chat, "uk", "mybookings-moved") in all_text(calls)
    [moved] = await service.bookings_of(4242)
    assert moved.slot_id == new_slot and moved.phone == "0231 555"
    assert (await service.get(old.code)).status == "moved"  # type: ignore[union-attr]


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


async def test_front_desk_lists_the_day_and_only_for_counsellors(
    make_chat: AppFactory, clock: Clock
) -> None:
    chat = await booking_chat(make_chat, "ar", clock)
    await book_through_chat(chat, "eu_registration", slot_id(THURSDAY, 9, 10), phone="0176 111")
    chat.api.members[GROUP] = {COUNSELLOR: "member"}
    group = {"id": GROUP, "type": "supergroup", "title": "MigraDO Beratung", "is_forum": True}
    counsellor = UpdateFactory(user_id=COUNSELLOR, first_name="Jana", language_code="de")

    chat.api.clear()
    await chat.app.process_update(counsellor.text(chat.app.bot, "/day 2026-12-03", chat=group))
    text = all_text(chat.api.calls)
    assert "Amal Haddad" in text and "0176 111" in text
    assert "Dolmetschen: Arabisch" in text and "09:10" in text
    assert all(int(c.params["chat_id"]) == GROUP for c in messages(chat.api.calls))

    # A member asking privately is served too; anyone else is refused in their language.
    chat.api.clear()
    private = {"id": COUNSELLOR, "type": "private", "first_name": "Jana"}
    await chat.app.process_update(counsellor.text(chat.app.bot, "/today", chat=private))
    today = chat.app.bot_data.catalogues.staff_t(
        "staff-day-empty", day=format_day(date(2026, 12, 1), "de")
    )
    assert today in all_text(chat.api.calls)  # nothing booked for Tuesday itself
    calls = await chat.send("/day 2026-12-03")
    assert ui(chat, "ar", "staff-only") in all_text(calls)
    assert "Amal Haddad" not in all_text(calls)
    calls = await chat.send("/close_day 2026-12-03 Streik")
    assert ui(chat, "ar", "staff-only") in all_text(calls)


async def test_closing_a_day_tells_everyone_and_offers_one_tap_rebooking(
    make_chat: AppFactory, clock: Clock
) -> None:
    chat = await booking_chat(make_chat, "uk", clock)
    await book_through_chat(chat, "jobcenter_check", slot_id(THURSDAY, 9, 30), name="Olena Koval")
    chat.api.members[GROUP] = {COUNSELLOR: "member"}
    group = {"id": GROUP, "type": "supergroup", "title": "MigraDO Beratung", "is_forum": True}
    counsellor = UpdateFactory(user_id=COUNSELLOR, first_name="Jana", language_code="de")
    chat.api.clear()
    update = counsellor.text(chat.app.bot, "/close_day 2026-12-03 Krankheit", chat=group)
    await chat.app.process_update(update)
    to_newcomer = [c for c in messages(chat.api.calls) if int(c.params["chat_id"]) == 4242]
    assert len(to_newcomer) == 1
    assert prefix(chat, "uk", "booking-office-closed") in all_text(to_newcomer)
    rebook = [d for _, d in to_newcomer[0].buttons if d.startswith("book:v1:rebook:")]
    assert rebook
    to_group = [c for c in messages(chat.api.calls) if int(c.params["chat_id"]) == GROUP]
    closed = chat.app.bot_data.catalogues.staff_t(
        "staff-closed", day=format_day(THURSDAY, "de"), reason="Krankheit", count=1, told=1
    )
    assert closed in all_text(to_group)
    service = chat.app.bot_data.booking
    assert service is not None
    assert await service.bookings_of(4242) == []
    assert THURSDAY not in await service.free_days("jobcenter_check")

    calls = await chat.press_data(rebook[0])
    assert "Olena Koval" in all_text(calls)  # details carried over
    calls = await chat.press_data("book:v1:confirm")
    assert ui(chat, "uk", "booking-confirmed") in all_text(calls)
    [again] = await service.bookings_of(4242)
    assert again.name == "Olena Koval" and again.slot_id == rebook[0].rsplit(":", 1)[1]


async def test_delete_my_data_cancels_bookings_first(
    make_chat: AppFactory, clock: Clock, redis: Redis
) -> None:
    chat = await booking_chat(make_chat, "ro", clock)
    slot = slot_id(THURSDAY, 9, 30)
    await book_through_chat(chat, "jobcenter_check", slot, phone="0231 99999")
    calls = await chat.send("/privacy")
    assert "30" in all_text(calls)  # bookings kept 30 days after the appointment
    await chat.send("/delete_my_data")
    calls = await chat.press_data("privacy:v1:confirm")
    assert ui(chat, "ro", "privacy-deleted") in all_text(calls)
    service = chat.app.bot_data.booking
    assert service is not None
    assert await service.day_bookings(THURSDAY) == []
    assert slot in {s.id for s in await service.free_slots("jobcenter_check", THURSDAY)}
    keys = [k async for k in redis.scan_iter(match="lotse:bk:*")]
    for key in keys:
        assert b"0231 99999" not in (await redis.dump(key) or b"")


async def test_without_redis_booking_says_where_to_go(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en", use_redis=False)
    calls = await chat.press_data("book:v1:start")
    assert "Friedensplatz 7" in all_text(calls)
    assert prefix(chat, "en", "booking-unavailable") in all_text(calls)
    calls = await chat.send("/mybookings")
    assert prefix(chat, "en", "booking-unavailable") in all_text(calls)


def test_export_writes_csv_and_ics(
    redis_server, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    import asyncio

    from bot import PROJECT_ROOT
    from bot.__main__ import main
    from bot.services.schedule import load_schedule

    schedule = load_schedule(PROJECT_ROOT / "content", PROJECT_ROOT / "translations")

    async def seed() -> str:
        client = Redis.from_url(redis_server.url)
        await client.flushdb()
        service = BookingService(client, lambda: schedule, clock=Clock(TUESDAY_MORNING))
        await service.hold(9, "language_counselling", slot_id(THURSDAY, 9, 0))
        await service.update_hold(9, name="Ionela Pop", interpreter="ro", phone="")
        booking = await service.confirm(9, chat_id=9, lang="ro")
        await client.aclose()
        return booking.display_code

    code = asyncio.run(seed())
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    assert main(["booking", "export", "--day", "2026-12-03", "--out", str(tmp_path)]) == 0
    assert "1 appointment(s)" in capsys.readouterr().out
    csv_text = (tmp_path / "migrado-2026-12-03.csv").read_text(encoding="utf-8")
    header, row = csv_text.strip().splitlines()
    assert header.startswith("time,end,code,service,name")
    assert row.startswith(f"09:00,09:30,{code},Sprachkursberatung,Ionela Pop")
    assert "Rumänisch" in row
    ics = (tmp_path / "migrado-2026-12-03.ics").read_text(encoding="utf-8").replace("\n ", "")
    assert re.search(r"DTSTART:20261203T080000Z", ics) and "Ionela Pop" in ics
    assert "Dolmetschen: Rumänisch" in ics and f"Nr. {code}" in ics
    assert main(["booking", "export", "--day", "3.12.2026"]) == 2


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
