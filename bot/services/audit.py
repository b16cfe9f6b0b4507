"""Who changed what and when on the editors' page: a Redis stream with a retention limit.

Entries name the account, the action and its target (a file, a topic, an account, a day); they
never hold a newcomer's message text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from redis.asyncio import Redis

from bot.services.redis_values import text as as_str

AUDIT = "lotse:editor:audit"


@dataclass(frozen=True)
class AuditEntry:
    """One recorded action."""

    id: str
    at: float
    actor: str
    action: str
    target: str
    detail: str


class AuditLog:
    """Appends actions and reads them back, newest first."""

    def __init__(
        self,
        redis: Redis,
        *,
        retention_days: int = 365,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.redis = redis
        self.retention_ms = retention_days * 86_400_000
        self.max_entries = max_entries
        self.clock = clock

    async def record(self, actor: str, action: str, target: str = "", detail: str = "") -> None:
        """Appends one action and drops entries older than the retention period."""
        await self.redis.xadd(
            AUDIT,
            {"actor": actor, "action": action, "target": target[:300], "detail": detail[:500]},
            maxlen=self.max_entries,
            approximate=True,
        )
        oldest = int(self.clock() * 1000) - self.retention_ms
        await self.redis.xtrim(AUDIT, minid=str(max(0, oldest)), approximate=False)

    async def entries(self, limit: int = 200, actor: str | None = None) -> list[AuditEntry]:
        """The newest entries (of one account, when ``actor`` is given)."""
        result: list[AuditEntry] = []
        last = "+"
        while len(result) < limit:
            batch = await self.redis.xrevrange(AUDIT, max=last, count=500)
            if not batch:
                break
            for entry_id, fields in batch:
                eid = as_str(entry_id)
                if eid == last:
                    continue
                data = {as_str(k): as_str(v) for k, v in (fields or {}).items()}
                if actor is not None and data.get("actor") != actor:
                    continue
                result.append(
                    AuditEntry(
                        eid,
                        int(eid.split("-")[0]) / 1000,
                        data.get("actor", ""),
                        data.get("action", ""),
                        data.get("target", ""),
                        data.get("detail", ""),
                    )
                )
                if len(result) >= limit:
                    break
            last = as_str(batch[-1][0])
            if len(batch) < 500:
                break
        return result
