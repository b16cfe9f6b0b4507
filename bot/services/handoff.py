"""Cases handed to human counsellors, in Redis: open, claim, log, close, announce, purge.

Keys (prefix ``lotse:ho:``):

- ``seq`` — the last case number.
- ``case:<n>`` — the case (hash): newcomer, language, subject, forum topic, status, claim, times.
- ``case:<n>:log`` — the transcript (list of JSON entries: in / out / note / system).
- ``user:<id>`` — the number of the person's open case (at most one).
- ``user:<id>:cases`` — every case number of the person (for /delete_my_data).
- ``thread:<id>`` — forum topic → case number.
- ``open`` — open cases (zset, number → opened ms).
- ``purge`` — closed cases to delete (zset, number → due ms): the transcript, the keys and the
  forum topic in the group go ``retention`` after the case ends.
- ``recent:<id>`` — the person's last questions to the bot and what it answered, two hours.

No Telegram types in here; the flows create and delete the forum topics.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from redis.asyncio import Redis

from bot.services.redis_values import from_ms
from bot.services.redis_values import text as _s
from bot.services.redis_values import to_ms as _ms
from bot.services.schedule import WEEKDAYS, parse_interval, public_holiday

#: How long the last questions to the bot are kept for a possible handoff summary.
RECENT_SECONDS = 2 * 3600
RECENT_ITEMS = 5


@dataclass(frozen=True)
class OfficeHours:
    """When the counselling team answers in the chat (``content/handoff.yml``)."""

    tz: ZoneInfo
    hours: Mapping[int, tuple[tuple[time, time], ...]]
    holiday_country: str | None = None
    holiday_subdivision: str | None = None

    def _open_day(self, day: date) -> bool:
        if not self.hours.get(day.weekday()):
            return False
        country = self.holiday_country
        return not (country and public_holiday(country, self.holiday_subdivision, day))

    def is_open(self, moment: datetime) -> bool:
        """True during counselling hours."""
        local = moment.astimezone(self.tz)
        if not self._open_day(local.date()):
            return False
        return any(a <= local.time() < b for a, b in self.hours[local.weekday()])

    def next_opening(self, moment: datetime) -> datetime | None:
        """The next start of counselling hours after ``moment`` (within two weeks)."""
        local = moment.astimezone(self.tz)
        for offset in range(15):
            day = local.date() + timedelta(days=offset)
            if not self._open_day(day):
                continue
            for opens, _ in self.hours[day.weekday()]:
                start = datetime.combine(day, opens, self.tz)
                if start > local:
                    return start
        return None


def load_office_hours(content_dir: Path) -> OfficeHours:
    """Reads ``handoff.yml`` (ValueError/OSError when it is broken)."""
    raw = yaml.safe_load((content_dir / "handoff.yml").read_text(encoding="utf-8")) or {}
    hours: dict[int, tuple[tuple[time, time], ...]] = {}
    for name, intervals in (raw.get("hours") or {}).items():
        if name not in WEEKDAYS:
            raise ValueError(f"handoff.yml: unknown weekday {name!r}")
        hours[WEEKDAYS.index(name)] = tuple(sorted(parse_interval(str(i)) for i in intervals))
    holidays_cfg = raw.get("holidays") or {}
    return OfficeHours(
        tz=ZoneInfo(str(raw.get("timezone", "Europe/Berlin"))),
        hours=hours,
        holiday_country=holidays_cfg.get("country"),
        holiday_subdivision=holidays_cfg.get("subdivision"),
    )


@dataclass(frozen=True)
class Case:
    """One conversation handed to the counsellors."""

    number: int
    user_id: int
    chat_id: int
    lang: str
    name: str
    subject: str
    subject_de: str
    topic: str
    thread_id: int
    status: str
    urgent: bool
    claimed_by: int
    claimed_name: str
    opened: datetime
    last_in: datetime | None
    last_out: datetime | None
    out_of_hours: bool

    @property
    def open(self) -> bool:
        """Not closed yet."""
        return self.status == "open"


@dataclass(frozen=True)
class LogEntry:
    """One line of a case's transcript."""

    at: datetime
    kind: str  # in | out | note | system
    text: str
    translation: str = ""
    by: str = ""


def _dt(value: str) -> datetime | None:
    return from_ms(value) if value else None


def _case(raw: Mapping[Any, Any]) -> Case:
    data = {_s(k): _s(v) for k, v in raw.items()}
    opened = _dt(data.get("opened", ""))
    assert opened is not None
    return Case(
        number=int(data["number"]),
        user_id=int(data["user"]),
        chat_id=int(data.get("chat") or data["user"]),
        lang=data.get("lang", "de"),
        name=data.get("name", ""),
        subject=data.get("subject", ""),
        subject_de=data.get("subject_de", ""),
        topic=data.get("topic", ""),
        thread_id=int(data.get("thread") or 0),
        status=data.get("status", "open"),
        urgent=data.get("urgent") == "1",
        claimed_by=int(data.get("claimed_by") or 0),
        claimed_name=data.get("claimed_name", ""),
        opened=opened,
        last_in=_dt(data.get("last_in", "")),
        last_out=_dt(data.get("last_out", "")),
        out_of_hours=data.get("out_of_hours") == "1",
    )


class AlreadyOpen(Exception):
    """The person already has an open case (its number is ``args[0]``)."""


class HandoffService:
    """Keeps cases, transcripts and the queue. Every method is safe to call concurrently."""

    def __init__(
        self,
        redis: Redis,
        *,
        retention: timedelta,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        prefix: str = "lotse:ho:",
    ) -> None:
        self.redis = redis
        self.retention = retention
        self.clock = clock
        self.prefix = prefix

    def _k(self, *parts: object) -> str:
        return self.prefix + ":".join(str(p) for p in parts)

    # -- recent questions (for the summary) ---------------------------------------------------
    async def remember(self, user_id: int, question: str, answer: str) -> None:
        """Notes a question to the bot and what it answered (kept two hours, five at most)."""
        key = self._k("recent", user_id)
        entry = json.dumps({"q": question[:300], "a": answer}, ensure_ascii=False)
        pipe = self.redis.pipeline(transaction=True)
        pipe.lpush(key, entry)
        pipe.ltrim(key, 0, RECENT_ITEMS - 1)
        pipe.expire(key, RECENT_SECONDS)
        await pipe.execute()

    async def recent(self, user_id: int) -> list[tuple[str, str]]:
        """The last questions and answers, oldest first."""
        raw = await self.redis.lrange(self._k("recent", user_id), 0, RECENT_ITEMS - 1)
        items = []
        for value in reversed(raw):
            try:
                data = json.loads(_s(value))
                items.append((str(data.get("q", "")), str(data.get("a", ""))))
            except ValueError:
                continue
        return items

    # -- opening -------------------------------------------------------------------------------
    async def next_number(self, user_id: int) -> int:
        """Reserves the person's next case number; AlreadyOpen if they have an open case."""
        existing = await self.redis.get(self._k("user", user_id))
        if existing:
            raise AlreadyOpen(int(existing))
        return int(await self.redis.incr(self._k("seq")))

    async def open_case(
        self,
        number: int,
        *,
        user_id: int,
        chat_id: int,
        lang: str,
        name: str,
        subject: str,
        subject_de: str,
        topic: str,
        thread_id: int,
        urgent: bool,
        out_of_hours: bool,
    ) -> Case:
        """Stores a new open case (the forum topic exists already); AlreadyOpen on a race."""
        if not await self.redis.set(self._k("user", user_id), number, nx=True):
            existing = await self.redis.get(self._k("user", user_id))
            raise AlreadyOpen(int(existing or 0))
        now = self.clock()
        fields = {
            "number": number,
            "user": user_id,
            "chat": chat_id,
            "lang": lang,
            "name": name,
            "subject": subject,
            "subject_de": subject_de,
            "topic": topic,
            "thread": thread_id,
            "status": "open",
            "urgent": "1" if urgent else "0",
            "opened": _ms(now),
            "last_in": _ms(now) if subject else "",
            "out_of_hours": "1" if out_of_hours else "0",
        }
        pipe = self.redis.pipeline(transaction=True)
        pipe.hset(self._k("case", number), mapping=fields)  # type: ignore[arg-type]
        pipe.set(self._k("thread", thread_id), number)
        pipe.sadd(self._k("user", user_id, "cases"), number)
        pipe.zadd(self._k("open"), {str(number): _ms(now)})
        await pipe.execute()
        await self.log(number, "system", "opened")
        case = await self.get(number)
        assert case is not None
        return case

    # -- reading -------------------------------------------------------------------------------
    async def get(self, number: int) -> Case | None:
        """A case by number, or None (never existed, or purged)."""
        raw = await self.redis.hgetall(self._k("case", number))
        return _case(raw) if raw else None

    async def open_case_of(self, user_id: int) -> Case | None:
        """The person's open case, or None."""
        number = await self.redis.get(self._k("user", user_id))
        if not number:
            return None
        case = await self.get(int(number))
        return case if case is not None and case.open else None

    async def case_of_thread(self, thread_id: int) -> Case | None:
        """The case a forum topic belongs to, or None."""
        number = await self.redis.get(self._k("thread", thread_id))
        return await self.get(int(number)) if number else None

    async def open_cases(self) -> list[Case]:
        """Open cases: urgent first, then the longest waiting."""
        numbers = [int(_s(n)) for n in await self.redis.zrange(self._k("open"), 0, -1)]
        cases = [c for c in [await self.get(n) for n in numbers] if c is not None and c.open]
        return sorted(cases, key=lambda c: (not c.urgent, self.waiting_since(c)))

    def waiting_since(self, case: Case) -> datetime:
        """Since when the newcomer waits for an answer (their first unanswered message)."""
        if case.last_out is None:
            return case.opened
        if case.last_in is not None and case.last_in > case.last_out:
            return case.last_out
        return self.clock()

    def waiting(self, case: Case) -> bool:
        """True when the newcomer's last word has not been answered yet."""
        if case.last_out is None:
            return True
        return case.last_in is not None and case.last_in > case.last_out

    async def transcript(self, number: int) -> list[LogEntry]:
        """The case's transcript, oldest first."""
        entries = []
        for raw in await self.redis.lrange(self._k("case", number, "log"), 0, -1):
            data = json.loads(_s(raw))
            entries.append(
                LogEntry(
                    at=datetime.fromtimestamp(data["at"] / 1000, tz=UTC),
                    kind=data["kind"],
                    text=data.get("text", ""),
                    translation=data.get("translation", ""),
                    by=data.get("by", ""),
                )
            )
        return entries

    # -- changing ------------------------------------------------------------------------------
    async def log(
        self, number: int, kind: str, text: str, *, translation: str = "", by: str = ""
    ) -> None:
        """Appends to the transcript; a newcomer's or counsellor's message updates the times."""
        now = self.clock()
        entry = {"at": _ms(now), "kind": kind, "text": text}
        if translation:
            entry["translation"] = translation
        if by:
            entry["by"] = by
        pipe = self.redis.pipeline(transaction=True)
        pipe.rpush(self._k("case", number, "log"), json.dumps(entry, ensure_ascii=False))
        if kind == "in":
            pipe.hset(self._k("case", number), "last_in", _ms(now))
        elif kind == "out":
            pipe.hset(self._k("case", number), "last_out", _ms(now))
            pipe.hset(self._k("case", number), "announced", _ms(now))
        await pipe.execute()

    async def mark_urgent(self, number: int) -> None:
        """Puts the case at the top of the queue."""
        await self.redis.hset(self._k("case", number), "urgent", "1")

    async def claim(self, number: int, counsellor_id: int, name: str) -> Case | None:
        """Assigns the case to a counsellor; returns the case as it was before (None: gone)."""
        case = await self.get(number)
        if case is None or not case.open:
            return case
        if not case.claimed_by:
            await self.redis.hset(
                self._k("case", number),
                mapping={"claimed_by": counsellor_id, "claimed_name": name},
            )
        return case

    async def release(self, number: int) -> None:
        """Takes the claim off the case."""
        await self.redis.hset(
            self._k("case", number), mapping={"claimed_by": "", "claimed_name": ""}
        )

    async def close(self, number: int, *, by: str, reason: str = "") -> Case | None:
        """Closes the case; its transcript and topic are deleted ``retention`` later."""
        case = await self.get(number)
        if case is None or not case.open:
            return None
        now = self.clock()
        await self.log(number, "system", f"closed by {by}" + (f": {reason}" if reason else ""))
        seconds = int(self.retention.total_seconds()) + 86_400  # the purge runs before this
        pipe = self.redis.pipeline(transaction=True)
        pipe.hset(
            self._k("case", number),
            mapping={"status": "closed", "closed": _ms(now), "close_reason": reason},
        )
        pipe.delete(self._k("user", case.user_id))
        pipe.zrem(self._k("open"), str(number))
        pipe.zadd(self._k("purge"), {str(number): _ms(now + self.retention)})
        pipe.expire(self._k("case", number), seconds)
        pipe.expire(self._k("case", number, "log"), seconds)
        pipe.expire(self._k("thread", case.thread_id), seconds)
        await pipe.execute()
        return await self.get(number)

    async def due_announcements(self, after: timedelta) -> list[Case]:
        """Open cases waiting longer than ``after`` since the last (re)announcement."""
        now = self.clock()
        due = []
        for case in await self.open_cases():
            if not self.waiting(case):
                continue
            announced = _dt(_s(await self.redis.hget(self._k("case", case.number), "announced")))
            since = max(self.waiting_since(case), announced or case.opened)
            if now - since >= after:
                await self.redis.hset(self._k("case", case.number), "announced", _ms(now))
                due.append(case)
        return due

    async def _delete(self, numbers: Iterable[int]) -> list[int]:
        """Deletes cases and their transcripts; returns their forum topic ids."""
        threads = []
        for number in numbers:
            case = await self.get(number)
            if case is not None:
                threads.append(case.thread_id)
                await self.redis.delete(
                    self._k("thread", case.thread_id),
                    self._k("user", case.user_id, "cases"),
                )
                if case.open:
                    await self.redis.delete(self._k("user", case.user_id))
            await self.redis.delete(self._k("case", number), self._k("case", number, "log"))
            await self.redis.zrem(self._k("open"), str(number))
            await self.redis.zrem(self._k("purge"), str(number))
        return [t for t in threads if t]

    async def due_purges(self) -> list[int]:
        """Deletes the cases whose retention has run out; returns their forum topic ids."""
        now = self.clock()
        numbers = [
            int(_s(n)) for n in await self.redis.zrangebyscore(self._k("purge"), "-inf", _ms(now))
        ]
        mine = [n for n in numbers if await self.redis.zrem(self._k("purge"), str(n))]
        return await self._delete(mine)

    async def cases_of(self, user_id: int) -> list[Case]:
        """Every case of the person that is still kept (open or closed), oldest first."""
        numbers = sorted(
            int(_s(n)) for n in await self.redis.smembers(self._k("user", user_id, "cases"))
        )
        cases = [await self.get(n) for n in numbers]
        return [c for c in cases if c is not None]

    async def forget_user(self, user_id: int) -> list[int]:
        """Deletes every case of the person now (/delete_my_data); returns forum topic ids."""
        numbers = [int(_s(n)) for n in await self.redis.smembers(self._k("user", user_id, "cases"))]
        threads = await self._delete(numbers)
        await self.redis.delete(
            self._k("user", user_id), self._k("user", user_id, "cases"), self._k("recent", user_id)
        )
        return threads
