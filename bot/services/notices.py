"""Notices to newcomers decided in one process and delivered by the bot's background jobs.

One kind so far: "the office closed the day of your appointment", decided on the editors' page
(or by the front desk), delivered with the next free times to rebook. The queue is a Redis list
of small JSON entries holding only a booking code and the day: the booking itself says who to
tell and in which language.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from redis.asyncio import Redis

from bot.services.booking import Booking
from bot.services.redis_values import text as as_str

CLOSED_DAY_KEY = "lotse:notices:closed_day"
#: An undelivered notice is pointless after a week: the day has passed.
QUEUE_TTL_SECONDS = 7 * 86_400


@dataclass(frozen=True)
class ClosedDayNotice:
    """Tell the owner of booking ``code`` that the office closed on ``day``."""

    code: str
    day: date

    def dumps(self) -> str:
        """The stored form."""
        return json.dumps({"code": self.code, "day": self.day.isoformat()})

    @classmethod
    def loads(cls, raw: str) -> ClosedDayNotice | None:
        """A stored entry, or None when it is unreadable."""
        try:
            data = json.loads(raw)
            return cls(str(data["code"]), date.fromisoformat(str(data["day"])))
        except (ValueError, KeyError, TypeError):
            return None


async def enqueue_closed_day(redis: Redis, cancelled_bookings: Iterable[Booking], day: date) -> int:
    """Queues a notice for every booking the office cancelled; returns how many."""
    entries = [ClosedDayNotice(b.code, day).dumps() for b in cancelled_bookings]
    if not entries:
        return 0
    pipe = redis.pipeline(transaction=True)
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
    notices = [ClosedDayNotice.loads(as_str(item)) for item in items]
    return [n for n in notices if n is not None]
