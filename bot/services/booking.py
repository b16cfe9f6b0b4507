"""Appointments at MigraDO in Redis: holds, atomic bookings, cancel, reschedule, reminders.

Correctness lives in three Lua scripts, so every decision is one atomic step in Redis:

- ``hold``: a person reserves a slot for a few minutes while they confirm; refused when booked
  places plus other people's live holds already fill the slot's capacity. One hold per person.
- ``confirm``: turns the hold into a booking. Re-checks capacity (an expired hold is re-taken
  only if the place is still free), refuses a second booking at an overlapping time and more
  than ``max_upcoming`` upcoming ones, picks a counter, and — when rescheduling — cancels the old
  booking in the same step, so a move never loses the old time without securing the new one.
- ``cancel``: only by the owner (or the office), only while booked.

Keys (prefix ``lotse:bk:``): ``slot:<svc>:<slot>:taken`` (hash code → counter),
``slot:<svc>:<slot>:holds`` (zset person → expiry ms), ``hold:<person>`` (the draft),
``b:<code>`` (the booking), ``user:<person>`` (set of codes), ``day:<YYYY-MM-DD>`` (zset code →
start), ``reminders`` (zset ``code|kind`` → due ms), ``closed`` (hash day → reason). Bookings,
with name and phone, expire ``keep_after`` after the appointment. No Telegram types in here.
"""

from __future__ import annotations

import contextlib
import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from redis.asyncio import Redis

from bot.services import booking_lua
from bot.services.booking_errors import (
    BookingError,
    HoldExpired,
    InvalidSlot,
    NoDraft,
    NotYours,
    Overlap,
    SlotUnavailable,
    TooMany,
)
from bot.services.redis_values import from_ms as _from_ms
from bot.services.redis_values import text as _s
from bot.services.redis_values import to_ms as _ms
from bot.services.schedule import Schedule, Slot

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 6
#: How long a draft (service, time, name, phone) is kept after the last step.
DRAFT_LIFETIME = timedelta(minutes=30)


@dataclass(frozen=True)
class Hold:
    """A slot reserved for one person while they confirm, with what they entered so far."""

    user_id: int
    service_id: str
    slot_id: str
    start: datetime
    end: datetime
    expires: datetime
    interpreter: str = ""
    name: str = ""
    phone: str = ""
    replaces: str = ""


@dataclass(frozen=True)
class Booking:
    """A confirmed (or cancelled) appointment."""

    code: str
    user_id: int
    chat_id: int
    lang: str
    service_id: str
    slot_id: str
    start: datetime
    end: datetime
    interpreter: str
    name: str
    phone: str
    counter: str
    status: str
    reason: str = ""

    @property
    def active(self) -> bool:
        """Booked and not cancelled, moved or closed by the office."""
        return self.status == "booked"

    @property
    def display_code(self) -> str:
        """The code as people read and say it."""
        return self.code.upper()


@dataclass(frozen=True)
class DueReminder:
    """A reminder whose time has come, claimed by this process."""

    booking: Booking
    kind: str


class BookingService:
    """Holds, books, cancels and lists MigraDO appointments. Every method is safe to race."""

    def __init__(
        self,
        redis: Redis,
        schedule: Callable[[], Schedule | None],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        prefix: str = "lotse:bk:",
    ) -> None:
        self.redis = redis
        self._schedule = schedule
        self.clock = clock
        self.prefix = prefix
        self._hold = redis.register_script(booking_lua.HOLD)
        self._confirm = redis.register_script(booking_lua.CONFIRM)
        self._cancel = redis.register_script(booking_lua.CANCEL)
        self._update = redis.register_script(booking_lua.UPDATE)
        self._count = redis.register_script(booking_lua.COUNT)

    # -- keys ------------------------------------------------------------------------------
    def _slot_keys(self, service_id: str, slot_id: str) -> tuple[str, str]:
        base = f"{self.prefix}slot:{service_id}:{slot_id}"
        return f"{base}:holds", f"{base}:taken"

    def _hold_key(self, user_id: int) -> str:
        return f"{self.prefix}hold:{user_id}"

    def _booking_key(self, code: str) -> str:
        return f"{self.prefix}b:{code}"

    def _user_key(self, user_id: int) -> str:
        return f"{self.prefix}user:{user_id}"

    def _history_key(self, user_id: int) -> str:
        """Every booking code of a person, cancelled and moved ones too (for deleting them)."""
        return f"{self.prefix}user:{user_id}:all"

    def _day_key(self, day: date) -> str:
        return f"{self.prefix}day:{day.isoformat()}"

    @property
    def _reminders_key(self) -> str:
        return f"{self.prefix}reminders"

    @property
    def _closed_key(self) -> str:
        return f"{self.prefix}closed"

    @property
    def schedule(self) -> Schedule:
        """The schedule in use now (content reloads swap it)."""
        schedule = self._schedule()
        if schedule is None:
            raise InvalidSlot("booking.yml could not be read")
        return schedule

    # -- free places ----------------------------------------------------------------------
    async def closed_days(self) -> dict[date, str]:
        """Days the office closed at short notice (illness, strike), with the reason."""
        raw = await self.redis.hgetall(self._closed_key)
        result: dict[date, str] = {}
        for key, value in raw.items():
            try:
                result[date.fromisoformat(_s(key))] = _s(value)
            except ValueError:
                continue
        return result

    async def _free_counts(self, slots: list[Slot], now: datetime) -> list[int]:
        """Free places per slot, counted inside Redis in one call (a view of three weeks is
        a few hundred slots; one script call instead of two commands per slot)."""
        schedule = self.schedule
        keys: list[str] = []
        capacities: list[int] = []
        for slot in slots:
            holds, taken = self._slot_keys(slot.service_id, slot.id)
            keys += [holds, taken]
            capacities.append(schedule.services[slot.service_id].capacity)
        counts = await self._count(keys=keys, args=[_ms(now), *capacities])
        return [int(c) for c in counts]

    async def _bookable(self, service_id: str, day: date, now: datetime) -> list[Slot]:
        schedule = self.schedule
        earliest, last_day = schedule.window(now)
        if day > last_day or day < schedule.local_day(now):
            return []
        return [s for s in schedule.slots(service_id, day) if s.start >= earliest]

    async def free_slots(self, service_id: str, day: date) -> list[Slot]:
        """Slots of a service on a day that still have a place, in time order."""
        now = self.clock()
        if day in await self.closed_days():
            return []
        slots = await self._bookable(service_id, day, now)
        if not slots:
            return []
        counts = await self._free_counts(slots, now)
        return [slot for slot, free in zip(slots, counts, strict=True) if free > 0]

    async def free_days(self, service_id: str) -> list[date]:
        """Days (from today to the horizon) with at least one free slot of the service."""
        now = self.clock()
        schedule = self.schedule
        closed = await self.closed_days()
        today = schedule.local_day(now)
        per_day: list[tuple[date, list[Slot]]] = []
        for offset in range(schedule.horizon_days + 1):
            day = today + timedelta(days=offset)
            if day in closed:
                continue
            slots = await self._bookable(service_id, day, now)
            if slots:
                per_day.append((day, slots))
        everything = [s for _, slots in per_day for s in slots]
        counts = await self._free_counts(everything, now) if everything else []
        free_by_slot = dict(zip((s.id for s in everything), counts, strict=True))
        days = [d for d, slots in per_day if any(free_by_slot[s.id] > 0 for s in slots)]
        return days

    async def next_free(self, service_id: str, limit: int = 3) -> list[Slot]:
        """The earliest free slots of a service (to offer when a wish cannot be met).

        Day by day from today, stopping as soon as enough are found (usually on the first).
        """
        now = self.clock()
        schedule = self.schedule
        closed = await self.closed_days()
        today = schedule.local_day(now)
        result: list[Slot] = []
        for offset in range(schedule.horizon_days + 1):
            day = today + timedelta(days=offset)
            slots = [] if day in closed else await self._bookable(service_id, day, now)
            if not slots:
                continue
            counts = await self._free_counts(slots, now)
            result += [slot for slot, free in zip(slots, counts, strict=True) if free > 0]
            if len(result) >= limit:
                break
        return result[:limit]

    async def valid_slot(self, service_id: str, slot_id: str) -> Slot:
        """The slot behind a button, if it can still be booked; raises InvalidSlot."""
        schedule = self.schedule
        slot = schedule.slot(service_id, slot_id)
        if slot is None:
            raise InvalidSlot(slot_id)
        now = self.clock()
        earliest, last_day = schedule.window(now)
        day = schedule.local_day(slot.start)
        if slot.start < earliest or day > last_day or day in await self.closed_days():
            raise InvalidSlot(slot_id)
        return slot

    # -- holding and booking ----------------------------------------------------------------
    async def hold(
        self,
        user_id: int,
        service_id: str,
        slot_id: str,
        *,
        replaces: str = "",
        copy_from: str = "",
    ) -> Hold:
        """Reserves the slot for this person for ``hold`` minutes; releases their other hold.

        ``replaces``: an active booking of theirs to move here (details carried over).
        ``copy_from``: an earlier booking of theirs (e.g. cancelled by the office) whose
        interpreter, name and phone the new one takes.
        """
        slot = await self.valid_slot(service_id, slot_id)
        schedule = self.schedule
        now = self.clock()
        expires = now + schedule.hold
        draft: dict[str, str] = {}
        if replaces or copy_from:
            old = await self.get(replaces or copy_from)
            if old is None or old.user_id != user_id or (replaces and not old.active):
                raise NotYours(replaces or copy_from)
            draft = {"interpreter": old.interpreter, "name": old.name, "phone": old.phone}
        holds, taken = self._slot_keys(service_id, slot.id)
        ok = await self._hold(
            keys=[holds, taken, self._hold_key(user_id)],
            args=[
                str(user_id),
                _ms(now),
                _ms(expires),
                schedule.services[service_id].capacity,
                service_id,
                slot.id,
                _ms(slot.start),
                _ms(slot.end),
                replaces,
                draft.get("interpreter", ""),
                draft.get("name", ""),
                draft.get("phone", ""),
                # The draft (what the person typed) outlives the hold: someone slow to type
                # their name still gets the time if nobody took it meanwhile (confirm re-takes).
                _ms(now + DRAFT_LIFETIME) - _ms(now),
            ],
        )
        if not ok:
            raise SlotUnavailable(slot_id)
        return Hold(
            user_id,
            service_id,
            slot.id,
            slot.start,
            slot.end,
            expires,
            replaces=replaces,
            **draft,
        )

    async def get_hold(self, user_id: int) -> Hold | None:
        """This person's draft, or None; its hold on the slot may have lapsed (``expires``)."""
        raw = {_s(k): _s(v) for k, v in (await self.redis.hgetall(self._hold_key(user_id))).items()}
        if not raw.get("slot"):
            return None
        return Hold(
            user_id=user_id,
            service_id=raw["service"],
            slot_id=raw["slot"],
            start=_from_ms(raw["start"]),
            end=_from_ms(raw["end"]),
            expires=_from_ms(raw["expires"]),
            interpreter=raw.get("interpreter", ""),
            name=raw.get("name", ""),
            phone=raw.get("phone", ""),
            replaces=raw.get("replaces", ""),
        )

    async def update_hold(self, user_id: int, **fields: str) -> Hold | None:
        """Records what the person entered (interpreter, name, phone) on their draft."""
        args: list[str] = [x for item in fields.items() for x in item]
        if not await self._update(keys=[self._hold_key(user_id)], args=args):
            return None
        return await self.get_hold(user_id)

    async def release_hold(self, user_id: int) -> None:
        """Gives a held slot back (the person left the booking)."""
        hold = await self.get_hold(user_id)
        if hold is not None:
            holds, _ = self._slot_keys(hold.service_id, hold.slot_id)
            await self.redis.zrem(holds, str(user_id))
        await self.redis.delete(self._hold_key(user_id))

    async def confirm(self, user_id: int, *, chat_id: int, lang: str) -> Booking:
        """Books the held slot atomically; raises a BookingError saying why not."""
        hold = await self.get_hold(user_id)
        if hold is None:
            raise NoDraft()
        schedule = self.schedule
        service = schedule.services.get(hold.service_id)
        slot = schedule.slot(hold.service_id, hold.slot_id)
        if service is None or slot is None:
            await self.release_hold(user_id)
            raise InvalidSlot(hold.slot_id)
        now = self.clock()
        holds, taken = self._slot_keys(service.id, slot.id)
        day = schedule.local_day(slot.start)
        old_keys = [self._booking_key("-"), f"{self.prefix}-", f"{self.prefix}-"]
        if hold.replaces:
            old = await self.get(hold.replaces)
            if old is None:
                raise NotYours(hold.replaces)
            old_keys = [
                self._booking_key(old.code),
                self._slot_keys(old.service_id, old.slot_id)[1],
                self._day_key(schedule.local_day(old.start)),
            ]
        expire_at = slot.end + schedule.keep_after
        due = [[kind, _ms(at)] for kind, at in schedule.reminder_times(slot).items()]
        for _ in range(5):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            fields = {
                "code": code,
                "user": str(user_id),
                "chat": str(chat_id),
                "lang": lang,
                "service": service.id,
                "slot": slot.id,
                "start": str(_ms(slot.start)),
                "end": str(_ms(slot.end)),
                "interpreter": hold.interpreter,
                "name": hold.name,
                "phone": hold.phone,
                "created": str(_ms(now)),
            }
            result = await self._confirm(
                keys=[
                    holds,
                    taken,
                    self._hold_key(user_id),
                    self._booking_key(code),
                    self._user_key(user_id),
                    self._day_key(day),
                    self._reminders_key,
                    *old_keys,
                    self._history_key(user_id),
                ],
                args=[
                    str(user_id),
                    _ms(now),
                    service.capacity,
                    code,
                    _ms(slot.start),
                    _ms(slot.end),
                    schedule.max_upcoming,
                    max(_ms(expire_at) - _ms(now), 1),
                    hold.replaces,
                    json.dumps(list(service.counters)),
                    service.per_slot,
                    json.dumps(due),
                    self.prefix,
                    json.dumps(fields),
                ],
            )
            outcome = _s(result[0])
            if outcome == "ok":
                booking = await self.get(code)
                assert booking is not None
                return booking
            if outcome == "code_taken":
                continue
            if outcome == "full":
                if hold.expires <= now:
                    raise HoldExpired(slot.id)
                raise SlotUnavailable(slot.id)
            if outcome == "overlap":
                raise Overlap(_s(result[1]))
            if outcome == "too_many":
                raise TooMany()
            if outcome == "stale":
                await self.release_hold(user_id)
                raise NotYours(hold.replaces)
        raise BookingError("no free booking code after 5 attempts")

    # -- reading ------------------------------------------------------------------------------
    async def get(self, code: str) -> Booking | None:
        """A booking by its code (any status), or None."""
        code = code.strip().lower()
        if not code or any(c not in CODE_ALPHABET for c in code):
            return None
        raw = await self.redis.hgetall(self._booking_key(code))
        return _booking(raw) if raw else None

    async def _many(self, codes: Iterable[str]) -> list[Booking]:
        pipe = self.redis.pipeline(transaction=False)
        codes = list(codes)
        for code in codes:
            pipe.hgetall(self._booking_key(code))
        found = [_booking(raw) for raw in await pipe.execute() if raw]
        return sorted(found, key=lambda b: (b.start, b.code))

    async def bookings_of(self, user_id: int) -> list[Booking]:
        """This person's upcoming active bookings, soonest first."""
        codes = [_s(c) for c in await self.redis.smembers(self._user_key(user_id))]
        now = self.clock()
        return [b for b in await self._many(codes) if b.active and b.end > now]

    async def day_bookings(self, day: date) -> list[Booking]:
        """Every active booking on a day, in time order (for the front desk)."""
        codes = [_s(c) for c in await self.redis.zrange(self._day_key(day), 0, -1)]
        return [b for b in await self._many(codes) if b.active]

    # -- cancelling ---------------------------------------------------------------------------
    async def cancel(
        self, code: str, *, user_id: int | None, status: str = "cancelled", reason: str = ""
    ) -> Booking:
        """Cancels a booking: by its owner (``user_id``), or by the office (``None``)."""
        booking = await self.get(code)
        if booking is None:
            raise NotYours(code)
        schedule = self.schedule
        result = await self._cancel(
            keys=[
                self._booking_key(booking.code),
                self._slot_keys(booking.service_id, booking.slot_id)[1],
                self._user_key(booking.user_id),
                self._day_key(schedule.local_day(booking.start)),
                self._reminders_key,
            ],
            args=[
                "" if user_id is None else str(user_id),
                booking.code,
                status,
                reason,
                _ms(self.clock()),
            ],
        )
        if _s(result) != "ok":
            raise NotYours(code)
        cancelled = await self.get(booking.code)
        assert cancelled is not None
        return cancelled

    async def close_day(self, day: date, reason: str) -> list[Booking]:
        """Closes the office on ``day``: no new bookings; returns the bookings it cancelled."""
        await self.redis.hset(self._closed_key, day.isoformat(), reason)
        cancelled = []
        for booking in await self.day_bookings(day):
            try:
                cancelled.append(
                    await self.cancel(
                        booking.code, user_id=None, status="office_closed", reason=reason
                    )
                )
            except NotYours:
                continue  # cancelled by its owner a moment ago
        return cancelled

    async def reopen_day(self, day: date) -> bool:
        """Undoes ``close_day`` for new bookings (cancelled bookings stay cancelled)."""
        return bool(await self.redis.hdel(self._closed_key, day.isoformat()))

    async def forget_user(self, user_id: int) -> int:
        """Cancels and deletes everything of one person (/delete_my_data); returns how many."""
        await self.release_hold(user_id)
        upcoming = await self.redis.smembers(self._user_key(user_id))
        history = await self.redis.smembers(self._history_key(user_id))
        codes = sorted({_s(c) for c in (*upcoming, *history)})
        for booking in await self._many(codes):
            if booking.active:
                with contextlib.suppress(NotYours):  # cancelled a moment ago
                    await self.cancel(booking.code, user_id=user_id, reason="deleted")
        if codes:
            await self.redis.delete(*(self._booking_key(c) for c in codes))
        await self.redis.delete(self._user_key(user_id), self._history_key(user_id))
        return len(codes)

    async def purge_indexes(self) -> int:
        """Retention for the indexes: closed days long past, and codes of expired bookings in
        the people's lists (the bookings themselves expire on their own). Returns removals."""
        removed = 0
        schedule = self._schedule()
        if schedule is not None:
            oldest = schedule.local_day(self.clock()) - schedule.keep_after
            past = [d for d in await self.closed_days() if d < oldest]
            if past:
                removed += int(
                    await self.redis.hdel(self._closed_key, *(d.isoformat() for d in past))
                )
        async for key in self.redis.scan_iter(match=f"{self.prefix}user:*", count=500):
            codes = [_s(c) for c in await self.redis.smembers(key)]
            pipe = self.redis.pipeline(transaction=False)
            for code in codes:
                pipe.exists(self._booking_key(code))
            gone = [c for c, alive in zip(codes, await pipe.execute(), strict=True) if not alive]
            if gone:
                removed += int(await self.redis.srem(key, *gone))
        return removed

    # -- reminders ----------------------------------------------------------------------------
    async def due_reminders(self, limit: int = 100) -> list[DueReminder]:
        """Claims reminders whose time has come (each is claimed by exactly one process)."""
        now = self.clock()
        members = await self.redis.zrangebyscore(
            self._reminders_key, "-inf", _ms(now), start=0, num=limit
        )
        due: list[DueReminder] = []
        for member in members:
            if not await self.redis.zrem(self._reminders_key, _s(member)):
                continue  # another worker took it
            code, _, kind = _s(member).partition("|")
            booking = await self.get(code)
            # Too late to help: the appointment has begun (e.g. the bot was down for hours),
            # or "tomorrow …" would be wrong because the day has come.
            if booking is None or not booking.active or booking.start <= now:
                continue
            schedule = self._schedule()
            if (
                kind == "day"
                and schedule
                and schedule.local_day(now) >= schedule.local_day(booking.start)
            ):
                continue
            due.append(DueReminder(booking, kind))
        return due

    async def retry_reminder(self, reminder: DueReminder, after: timedelta) -> None:
        """Puts a reminder back to be sent again later (Telegram could not be reached)."""
        member = f"{reminder.booking.code}|{reminder.kind}"
        await self.redis.zadd(self._reminders_key, {member: _ms(self.clock() + after)})


def _booking(raw: dict[Any, Any]) -> Booking:
    data = {_s(k): _s(v) for k, v in raw.items()}
    return Booking(
        code=data["code"],
        user_id=int(data["user"]),
        chat_id=int(data.get("chat") or data["user"]),
        lang=data.get("lang") or "de",
        service_id=data["service"],
        slot_id=data["slot"],
        start=_from_ms(data["start"]),
        end=_from_ms(data["end"]),
        interpreter=data.get("interpreter", ""),
        name=data.get("name", ""),
        phone=data.get("phone", ""),
        counter=data.get("counter", ""),
        status=data.get("status", ""),
        reason=data.get("reason", ""),
    )


__all__ = [
    "Booking",
    "BookingError",
    "BookingService",
    "DueReminder",
    "Hold",
    "HoldExpired",
    "InvalidSlot",
    "NoDraft",
    "NotYours",
    "Overlap",
    "SlotUnavailable",
    "TooMany",
]
