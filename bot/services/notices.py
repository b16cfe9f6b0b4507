"""Notices to newcomers that another process decided on and the jobs process delivers.

Today one kind: "the office closed the day of your appointment" — decided by the front desk in
the counsellors' group or on the editors' page, delivered by the background jobs (bot/jobs.py)
with the next free times to rebook. The queue is a Redis list of small JSON entries holding a
booking code and the day, nothing personal: the booking itself says who and in which language.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from redis.asyncio import Redis

from bot.services.booking import Booking
from bot.services.redis_values import text as _s

CLOSED_DAY_KEY = "lotse:notices:closed_day"
#: An undelivered notice is pointless after a week: the day has passed.
QUEUE_TTL_SECONDS = 7 * 86_400
#: How often a notice is tried before it is given up.
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class ClosedDayNotice:
    """One person to tell that their booking ``code`` on ``day`` was cancelled by the office."""

    code: str
    day: date
    attempts: int = 0

    def dumps(self) -> str:
        return json.dumps({"code": self.code, "day": self.day.isoformat(), "n": self.attempts})

    @classmethod
    def loads(cls, raw: str) -> ClosedDayNotice | None:
        try:
            data = json.loads(raw)
            return cls(str(data["code"]), date.fromisoformat(data["day"]), int(data.get("n", 0)))
        except (ValueError, KeyError, TypeError):
            return None


async def enqueue_closed_day(redis: Redis, bookings: Iterable[Booking], day: date) -> int:
    """Queues a notice for every cancelled booking; returns how many were queued."""
    entries = [ClosedDayNotice(b.code, day).dumps() for b in bookings]
    if not entries:
        return 0
    async with redis.pipeline(transaction=True) as pipe:
        pipe.rpush(CLOSED_DAY_KEY, *entries)
        pipe.expire(CLOSED_DAY_KEY, QUEUE_TTL_SECONDS)
        await pipe.execute()
    return len(entries)


async def take_closed_day(redis: Redis, limit: int = 50) -> list[ClosedDayNotice]:
    """Takes up to ``limit`` notices off the queue (each is taken by exactly one process)."""
    raw = await redis.lpop(CLOSED_DAY_KEY, limit)
    if not raw:
        return []
    items = raw if isinstance(raw, list) else [raw]
    notices = [ClosedDayNotice.loads(_s(item)) for item in items]
    return [n for n in notices if n is not None]


async def retry_closed_day(redis: Redis, notice: ClosedDayNotice) -> bool:
    """Puts a notice back for a later try; False when it has been tried too often."""
    if notice.attempts + 1 >= MAX_ATTEMPTS:
        return False
    again = ClosedDayNotice(notice.code, notice.day, notice.attempts + 1)
    await redis.rpush(CLOSED_DAY_KEY, again.dumps())
    return True
