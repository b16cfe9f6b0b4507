"""The front desk in the counsellors' group: the day's list, closing a day, the export."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot.channels.updates import UpdateFactory
from bot.i18n import format_day
from bot.services.booking import BookingService
from tests.booking_helpers import (
    COUNSELLOR,
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
from tests.helpers import Clock, all_text, messages


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY_MORNING)


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
