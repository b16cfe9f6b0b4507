"""Who is a member of the counsellors' group: Telegram's answers, remembered for a while.

With Redis the answers are shared by every process (``lotse:members:<user id>``, with a TTL), so
a ``chat_member`` update that one process receives ("left", "kicked") revokes at once
everywhere. Without Redis, or while it is unreachable, they are kept in this process.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

#: How long a membership answer from Telegram is trusted.
MEMBERSHIP_TTL_SECONDS = 300.0


@dataclass
class MembershipCache:
    """user id -> is a member, for ``ttl`` seconds (Redis, else in memory)."""

    ttl: float = MEMBERSHIP_TTL_SECONDS
    clock: Callable[[], float] = time.monotonic
    redis: Redis | None = None
    _entries: dict[int, tuple[float, bool]] = field(default_factory=dict)

    @staticmethod
    def _key(user_id: int) -> str:
        return f"lotse:members:{user_id}"

    async def get(self, user_id: int) -> bool | None:
        """The remembered answer, or None when there is none or it has expired."""
        if self.redis is not None:
            try:
                raw = await self.redis.get(self._key(user_id))
            except RedisError:
                log.warning("membership cache: storage unavailable, using this process's answers")
            else:
                return None if raw is None else raw in (b"1", "1")
        entry = self._entries.get(user_id)
        if entry is None or entry[0] <= self.clock():
            self._entries.pop(user_id, None)
            return None
        return entry[1]

    async def put(self, user_id: int, member: bool) -> None:
        """Remembers an answer for ``ttl`` seconds."""
        self._entries[user_id] = (self.clock() + self.ttl, member)
        if self.redis is not None:
            try:
                await self.redis.set(self._key(user_id), "1" if member else "0", ex=int(self.ttl))
            except RedisError:
                log.warning("membership cache: storage unavailable, answer kept in this process")

    async def forget(self, user_id: int) -> None:
        """Drops what is remembered about one user."""
        self._entries.pop(user_id, None)
        if self.redis is not None:
            try:
                await self.redis.delete(self._key(user_id))
            except RedisError:
                log.warning("membership cache: storage unavailable")
