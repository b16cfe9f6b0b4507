"""The booking service against a real redis-server: capacity, holds, races, reminders, DST."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, date, datetime, time, timedelta

import pytest
from redis.asyncio import Redis

from bot import PROJECT_ROOT
from bot.local_redis import RedisServer
from bot.services.booking import BookingService
from bot.services.booking_errors import (
    HoldExpired,
    InvalidSlot,
    NotYours,
    Overlap,
    SlotUnavailable,
    TooMany,
)
from bot.services.schedule import Schedule, load_schedule
from tests.helpers import Clock

SCHEDULE = load_schedule(PROJECT_ROOT / "content", PROJECT_ROOT / "translations")
BERLIN = SCHEDULE.tz


def slot_id(day: date, hh: int, mm: int) -> str:
    return datetime.combine(day, time(hh, mm), BERLIN).astimezone(UTC).strftime("%Y%m%d%H%M")


TUESDAY = datetime(2026, 12, 1, 7, 0)  # a Tuesday morning in December 2026
THURSDAY = date(2026, 12, 3)


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY)


@pytest.fixture
def service(redis: Redis, clock: Clock) -> BookingService:
    return BookingService(redis, lambda: SCHEDULE, clock=clock)


async def book(service: BookingService, user: int, svc: str, slot: str, **kw: str):
    await service.hold(user, svc, slot, **kw)
    await service.update_hold(user, interpreter="ar", name=f"Person {user}")
    return await service.confirm(user, chat_id=user, lang="ar")


async def test_free_days_skip_weekends_holidays_closed_days_and_lead_time(
    service: BookingService, clock: Clock
) -> None:
    days = await service.free_days("eu_registration")
    assert days[0] == date(2026, 12, 1)  # today, from 09:00 (two hours' lead time)
    assert all(d.weekday() < 5 for d in days)
    assert date(2026, 12, 24) not in days  # closed (booking.yml)
    assert date(2026, 12, 25) not in days  # Christmas (holiday), also a Friday
    assert days[-1] <= date(2026, 12, 22)  # 21 days' horizon
    today = await service.free_slots("eu_registration", date(2026, 12, 1))
    assert SCHEDULE.local(today[0].start).time() == time(9, 10)  # first slot ≥ 09:00
    clock.set_local(datetime(2026, 12, 1, 15, 0))
    assert date(2026, 12, 1) not in await service.free_days("eu_registration")


async def test_hold_confirm_and_list(service: BookingService) -> None:
    slot = slot_id(THURSDAY, 9, 30)
    free_before = len(await service.free_slots("jobcenter_check", THURSDAY))
    booking = await book(service, 1, "jobcenter_check", slot)
    assert booking.active and booking.slot_id == slot and booking.counter == "jobcenter_1"
    assert booking.name == "Person 1" and booking.interpreter == "ar" and booking.lang == "ar"
    assert len(booking.code) == 6
    assert len(await service.free_slots("jobcenter_check", THURSDAY)) == free_before - 1
    assert [b.code for b in await service.bookings_of(1)] == [booking.code]
    assert [b.code for b in await service.day_bookings(THURSDAY)] == [booking.code]
    assert await service.get_hold(1) is None  # the draft is gone once booked


async def test_hundreds_racing_for_one_slot_book_exactly_its_capacity(
    redis_server: RedisServer, clock: Clock
) -> None:
    """300 people, each with their own connection, try the same slot at once."""
    slot = slot_id(THURSDAY, 10, 10)
    capacity = SCHEDULE.services["eu_registration"].capacity
    clients = [Redis.from_url(redis_server.url) for _ in range(10)]
    await clients[0].flushdb()
    services = [BookingService(c, lambda: SCHEDULE, clock=clock) for c in clients]

    async def attempt(user: int) -> str:
        svc = services[user % len(services)]
        try:
            await svc.hold(user, "eu_registration", slot)
            await svc.update_hold(user, name="N")
            booking = await svc.confirm(user, chat_id=user, lang="de")
        except SlotUnavailable:
            return "full"
        return booking.code

    results = await asyncio.gather(*(attempt(u) for u in range(1, 301)))
    codes = [r for r in results if r != "full"]
    assert len(codes) == capacity
    day = await services[0].day_bookings(THURSDAY)
    assert sorted(b.code for b in day) == sorted(codes)
    assert sorted(b.counter for b in day) == ["buergerdienste_1", "buergerdienste_2"]
    # The others are offered other times, and the full slot is not among them.
    offered = await services[0].next_free("eu_registration", limit=3)
    assert len(offered) == 3 and slot not in {s.id for s in offered}
    for client in clients:
        await client.aclose()


async def test_racing_holds_and_confirms_of_mixed_slots_never_oversell(
    service: BookingService,
) -> None:
    slots = [slot_id(THURSDAY, 8, 30), slot_id(THURSDAY, 9, 0)]  # language counselling, 2 each

    async def attempt(user: int) -> None:
        try:
            await book(service, user, "language_counselling", slots[user % 2])
        except SlotUnavailable:
            return

    await asyncio.gather(*(attempt(u) for u in range(1, 201)))
    day = await service.day_bookings(THURSDAY)
    for slot in slots:
        assert sum(1 for b in day if b.slot_id == slot) == 2


async def test_a_hold_keeps_others_out_and_expires(service: BookingService, clock: Clock) -> None:
    slot = slot_id(THURSDAY, 9, 30)  # jobcenter: one counter, one person
    await service.hold(1, "jobcenter_check", slot)
    with pytest.raises(SlotUnavailable):
        await service.hold(2, "jobcenter_check", slot)
    assert slot not in {s.id for s in await service.free_slots("jobcenter_check", THURSDAY)}
    clock.advance(minutes=SCHEDULE.hold.total_seconds() / 60 + 1)
    assert slot in {s.id for s in await service.free_slots("jobcenter_check", THURSDAY)}
    draft = await service.get_hold(1)  # the draft remains, its hold has lapsed
    assert draft is not None and draft.expires < clock.now
    await book(service, 2, "jobcenter_check", slot)
    with pytest.raises(HoldExpired):
        await service.confirm(1, chat_id=1, lang="de")
    with pytest.raises(SlotUnavailable):
        await service.hold(1, "jobcenter_check", slot)


async def test_an_expired_hold_is_retaken_when_the_place_is_still_free(
    service: BookingService, redis: Redis, clock: Clock
) -> None:
    slot = slot_id(THURSDAY, 9, 30)
    await service.hold(1, "jobcenter_check", slot)
    await service.update_hold(1, name="Amal")
    # The slot's hold lapses but the draft is still there (its key expires a moment later).
    await redis.zadd(f"lotse:bk:slot:jobcenter_check:{slot}:holds", {"1": 1})
    booking = await service.confirm(1, chat_id=1, lang="de")
    assert booking.active and booking.name == "Amal"


async def test_one_hold_per_person(service: BookingService) -> None:
    first, second = slot_id(THURSDAY, 9, 30), slot_id(THURSDAY, 10, 0)
    await service.hold(1, "jobcenter_check", first)
    await service.hold(1, "jobcenter_check", second)
    # Moving to another time gave the first one back.
    await service.hold(2, "jobcenter_check", first)
    assert (await service.get_hold(1)).slot_id == second  # type: ignore[union-attr]


async def test_no_two_bookings_at_the_same_time_and_an_upper_limit(
    service: BookingService,
) -> None:
    await book(service, 1, "jobcenter_check", slot_id(THURSDAY, 9, 30))
    with pytest.raises(Overlap):  # 09:15-10:00 overlaps 09:30-10:00
        await book(service, 1, "arrival_counselling", slot_id(THURSDAY, 9, 15))
    await book(service, 1, "arrival_counselling", slot_id(THURSDAY, 10, 0))
    await book(service, 1, "eu_registration", slot_id(THURSDAY, 11, 10))
    with pytest.raises(TooMany):
        await book(service, 1, "language_counselling", slot_id(date(2026, 12, 4), 9, 0))
    assert len(await service.bookings_of(1)) == SCHEDULE.max_upcoming


async def test_only_the_owner_cancels_and_the_place_comes_back(service: BookingService) -> None:
    slot = slot_id(THURSDAY, 9, 30)
    booking = await book(service, 1, "jobcenter_check", slot)
    with pytest.raises(NotYours):
        await service.cancel(booking.code, user_id=2)
    with pytest.raises(NotYours):
        await service.cancel("zzzzzz", user_id=1)
    cancelled = await service.cancel(booking.code, user_id=1)
    assert cancelled.status == "cancelled"
    with pytest.raises(NotYours):  # twice is not possible
        await service.cancel(booking.code, user_id=1)
    assert await service.bookings_of(1) == []
    assert slot in {s.id for s in await service.free_slots("jobcenter_check", THURSDAY)}


async def test_reschedule_moves_atomically_and_keeps_details(service: BookingService) -> None:
    old_slot, new_slot = slot_id(THURSDAY, 9, 30), slot_id(THURSDAY, 11, 0)
    old = await book(service, 1, "jobcenter_check", old_slot)
    # Someone else holds the new time: the move fails and the old booking stays.
    await service.hold(2, "jobcenter_check", new_slot)
    with pytest.raises(SlotUnavailable):
        await service.hold(1, "jobcenter_check", new_slot, replaces=old.code)
    assert (await service.get(old.code)).active  # type: ignore[union-attr]
    await service.release_hold(2)
    # Another person cannot move it.
    with pytest.raises(NotYours):
        await service.hold(3, "jobcenter_check", new_slot, replaces=old.code)
    hold = await service.hold(1, "jobcenter_check", new_slot, replaces=old.code)
    assert hold.name == "Person 1" and hold.interpreter == "ar"  # carried over
    moved = await service.confirm(1, chat_id=1, lang="ar")
    assert moved.slot_id == new_slot and moved.name == "Person 1"
    assert (await service.get(old.code)).status == "moved"  # type: ignore[union-attr]
    assert [b.code for b in await service.bookings_of(1)] == [moved.code]
    assert old_slot in {s.id for s in await service.free_slots("jobcenter_check", THURSDAY)}


async def test_forged_and_impossible_slots_are_refused(
    service: BookingService, clock: Clock
) -> None:
    for svc, slot in [
        ("jobcenter_check", slot_id(THURSDAY, 9, 31)),  # off the grid
        ("jobcenter_check", slot_id(date(2026, 12, 5), 9, 30)),  # Saturday
        ("jobcenter_check", slot_id(date(2026, 12, 1), 8, 30)),  # inside the lead time
        ("jobcenter_check", slot_id(date(2026, 11, 30), 9, 30)),  # yesterday
        ("jobcenter_check", slot_id(date(2027, 1, 28), 9, 30)),  # beyond the horizon
        ("jobcenter_check", slot_id(date(2026, 12, 24), 9, 30)),  # closed day
        ("no_such_service", slot_id(THURSDAY, 9, 30)),
        ("jobcenter_check", "2026120307"),
        ("jobcenter_check", "202613030830"),
    ]:
        with pytest.raises(InvalidSlot):
            await service.hold(1, svc, slot)


async def test_closing_a_day_cancels_its_bookings_and_stops_new_ones(
    service: BookingService,
) -> None:
    a = await book(service, 1, "jobcenter_check", slot_id(THURSDAY, 9, 30))
    b = await book(service, 2, "eu_registration", slot_id(THURSDAY, 8, 30))
    other_day = await book(service, 3, "jobcenter_check", slot_id(date(2026, 12, 4), 9, 30))
    cancelled = await service.close_day(THURSDAY, "Krankheit")
    assert sorted(c.code for c in cancelled) == sorted([a.code, b.code])
    assert all(c.status == "office_closed" and c.reason == "Krankheit" for c in cancelled)
    assert THURSDAY not in await service.free_days("jobcenter_check")
    with pytest.raises(InvalidSlot):
        await service.hold(4, "jobcenter_check", slot_id(THURSDAY, 11, 0))
    assert (await service.get(other_day.code)).active  # type: ignore[union-attr]
    assert await service.reopen_day(THURSDAY)
    assert THURSDAY in await service.free_days("jobcenter_check")


async def test_reminders_fire_once_at_their_time_and_survive_a_restart(
    redis: Redis, clock: Clock
) -> None:
    service = BookingService(redis, lambda: SCHEDULE, clock=clock)
    booking = await book(service, 1, "jobcenter_check", slot_id(THURSDAY, 9, 30))
    clock.set_local(datetime(2026, 12, 2, 17, 59))
    assert await service.due_reminders() == []
    # "Restart": a new service object on the same Redis knows the reminders.
    restarted = BookingService(redis, lambda: SCHEDULE, clock=clock)
    clock.set_local(datetime(2026, 12, 2, 18, 0))
    due = await restarted.due_reminders()
    assert [(d.booking.code, d.kind) for d in due] == [(booking.code, "day")]
    assert await restarted.due_reminders() == []  # claimed once
    clock.set_local(datetime(2026, 12, 3, 7, 30))
    assert [d.kind for d in await restarted.due_reminders()] == ["2h"]


async def test_reminders_of_cancelled_or_started_appointments_are_dropped(
    service: BookingService, clock: Clock
) -> None:
    a = await book(service, 1, "jobcenter_check", slot_id(THURSDAY, 9, 30))
    await book(service, 2, "jobcenter_check", slot_id(THURSDAY, 10, 0))
    await service.cancel(a.code, user_id=1)
    clock.set_local(datetime(2026, 12, 3, 10, 5))  # the bot was down all night
    assert await service.due_reminders() == []


async def test_forget_user_cancels_first_then_deletes(service: BookingService) -> None:
    slot = slot_id(THURSDAY, 9, 30)
    booking = await book(service, 1, "jobcenter_check", slot)
    await service.hold(1, "eu_registration", slot_id(THURSDAY, 11, 10))
    assert await service.forget_user(1) == 1
    assert await service.get(booking.code) is None
    assert await service.get_hold(1) is None
    assert slot in {s.id for s in await service.free_slots("jobcenter_check", THURSDAY)}
    assert await service.day_bookings(THURSDAY) == []


async def test_forget_user_deletes_cancelled_and_moved_bookings_too(
    service: BookingService,
) -> None:
    cancelled = await book(service, 1, "jobcenter_check", slot_id(THURSDAY, 9, 30))
    await service.cancel(cancelled.code, user_id=1)
    moved = await book(service, 1, "jobcenter_check", slot_id(THURSDAY, 10, 0))
    await service.hold(1, "jobcenter_check", slot_id(THURSDAY, 10, 30), replaces=moved.code)
    now = await service.confirm(1, chat_id=1, lang="de")
    office = await book(service, 1, "eu_registration", slot_id(THURSDAY, 11, 10))
    await service.close_day(THURSDAY, "Streik")
    # Name and phone of every booking this person ever made are gone, not only the active ones.
    assert await service.forget_user(1) == 4
    for code in (cancelled.code, moved.code, now.code, office.code):
        assert await service.get(code) is None


# -- the schedule: clocks changing, holidays ---------------------------------------------------


def _with_sunday_night(schedule: Schedule) -> Schedule:
    """A made-up schedule that is open on Sunday 01:00-04:00, across the clock change."""
    hours = dict(schedule.hours)
    hours[6] = ((time(1, 0), time(4, 0)),)
    return dataclasses.replace(schedule, hours=hours, holiday_country=None)


def test_spring_forward_day_has_only_the_real_hours() -> None:
    schedule = _with_sunday_night(SCHEDULE)
    slots = schedule.slots("language_counselling", date(2027, 3, 28))  # 02:00 → 03:00
    labels = [schedule.local(s.start).strftime("%H:%M") for s in slots]
    assert labels == ["01:00", "01:30", "03:00", "03:30"]  # 2 real hours, no 02:xx
    assert all(s.end - s.start == timedelta(minutes=30) for s in slots)
    assert [schedule.slot("language_counselling", s.id) for s in slots] == slots


def test_fall_back_day_has_the_repeated_hour_once_more() -> None:
    schedule = _with_sunday_night(SCHEDULE)
    slots = schedule.slots("language_counselling", date(2026, 10, 25))  # 03:00 → 02:00
    assert len(slots) == 8  # four real hours
    assert len({s.id for s in slots}) == 8  # ids stay unique although 02:00 happens twice
    labels = [schedule.local(s.start).strftime("%H:%M") for s in slots]
    assert labels.count("02:00") == 2


def test_reminders_follow_the_local_clock_across_a_change() -> None:
    # Tuesday after the spring change: the evening before is 18:00 summer time.
    slot = SCHEDULE.slot("jobcenter_check", slot_id(date(2027, 3, 30), 9, 0))
    assert slot is not None
    times = SCHEDULE.reminder_times(slot)
    assert times["day"] == datetime(2027, 3, 29, 16, 0, tzinfo=UTC)  # 18:00 CEST
    assert times["2h"] == datetime(2027, 3, 30, 5, 0, tzinfo=UTC)  # 07:00 CEST
    # Monday after the autumn change: Sunday 18:00 is already winter time.
    slot = SCHEDULE.slot("jobcenter_check", slot_id(date(2026, 10, 26), 9, 0))
    assert slot is not None
    assert SCHEDULE.reminder_times(slot)["day"] == datetime(2026, 10, 25, 17, 0, tzinfo=UTC)


def test_public_holidays_of_nrw_are_closed() -> None:
    easter_monday = date(2027, 3, 29)
    assert SCHEDULE.holiday(easter_monday)
    assert SCHEDULE.slots("jobcenter_check", easter_monday) == []
    assert SCHEDULE.holiday(date(2027, 5, 27))  # Corpus Christi: a holiday in NRW
    assert SCHEDULE.slots("jobcenter_check", date(2027, 3, 30))  # the Tuesday after is open
