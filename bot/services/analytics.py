"""Questions Lotse could not answer, for editors: a Redis stream with a retention limit.

Only the text and its language are kept (no user id, no name), for ``retention_days``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

from bot.services.redis_values import text as text_of

UNANSWERED = "lotse:analytics:unanswered"


@dataclass(frozen=True)
class Unanswered:
    """One question nobody answered."""

    id: str
    text: str
    language: str
    intent: str
    timestamp: float
    #: The model's best guess (its top intent before the thresholds), when it was recorded.
    guess: str = ""


class Analytics:
    """Writes and reads the unanswered-questions stream."""

    def __init__(
        self, redis: Redis, *, retention_days: int = 30, max_entries: int = 50_000
    ) -> None:
        self.redis = redis
        self.retention_ms = retention_days * 86_400_000
        self.max_entries = max_entries

    async def record_unanswered(
        self, text: str, language: str, intent: str, guess: str = ""
    ) -> None:
        """Appends a question and drops entries older than the retention period."""
        now_ms = int(time.time() * 1000)
        await self.redis.xadd(
            UNANSWERED,
            {"text": text[:1000], "language": language, "intent": intent, "guess": guess},
            maxlen=self.max_entries,
            approximate=True,
        )
        await self.redis.xtrim(UNANSWERED, minid=str(now_ms - self.retention_ms), approximate=False)

    async def trim(self) -> int:
        """Drops entries older than the retention period; returns how many went."""
        now_ms = int(time.time() * 1000)
        return int(
            await self.redis.xtrim(
                UNANSWERED, minid=str(now_ms - self.retention_ms), approximate=False
            )
        )

    async def unanswered(self, limit: int = 100) -> list[Unanswered]:
        """The newest unanswered questions, newest first."""
        entries = await self.redis.xrevrange(UNANSWERED, count=limit) or []
        return [parse_entry(entry_id, fields) for entry_id, fields in entries if fields]


def parse_entry(entry_id: object, fields: Mapping[Any, Any]) -> Unanswered:
    """One stream entry as a question."""
    eid = text_of(entry_id)
    data = {text_of(k): text_of(v) for k, v in fields.items()}
    return Unanswered(
        eid,
        data.get("text", ""),
        data.get("language", ""),
        data.get("intent", ""),
        int(eid.split("-")[0]) / 1000,
        data.get("guess", ""),
    )
