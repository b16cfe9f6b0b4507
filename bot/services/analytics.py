"""Questions Lotse could not answer, for editors: a Redis stream with a retention limit.

Only the text and its language are kept (no user id, no name), for ``retention_days``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from redis.asyncio import Redis

UNANSWERED = "lotse:analytics:unanswered"


@dataclass(frozen=True)
class Unanswered:
    """One question nobody answered."""

    id: str
    text: str
    language: str
    intent: str
    timestamp: float


class Analytics:
    """Writes and reads the unanswered-questions stream."""

    def __init__(
        self, redis: Redis, *, retention_days: int = 30, max_entries: int = 50_000
    ) -> None:
        self.redis = redis
        self.retention_ms = retention_days * 86_400_000
        self.max_entries = max_entries

    async def record_unanswered(self, text: str, language: str, intent: str) -> None:
        """Appends a question and drops entries older than the retention period."""
        now_ms = int(time.time() * 1000)
        await self.redis.xadd(
            UNANSWERED,
            {"text": text[:1000], "language": language, "intent": intent},
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
        result = []
        for entry_id, fields in entries:
            if fields is None:
                continue
            eid = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
            data = {
                (k.decode() if isinstance(k, bytes) else k): (
                    v.decode() if isinstance(v, bytes) else v
                )
                for k, v in fields.items()
            }
            result.append(
                Unanswered(
                    eid,
                    data.get("text", ""),
                    data.get("language", ""),
                    data.get("intent", ""),
                    int(eid.split("-")[0]) / 1000,
                )
            )
        return result
