"""The newcomer's own appointments (/mybookings): moving and cancelling."""

from __future__ import annotations

from datetime import date

import pytest

from tests.booking_helpers import (
    THURSDAY,
    TUESDAY_MORNING,
    book_through_chat,
    booking_chat,
    prefix,
    slot_id,
)
from tests.conftest import AppFactory
from tests.helpers import Clock, all_text, data_of


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY_MORNING)


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
