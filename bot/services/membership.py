"""Who is a member of the counsellors' group: Telegram's answers, remembered for a while."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

#: How long a membership answer from Telegram is trusted.
MEMBERSHIP_TTL_SECONDS = 300.0


@dataclass
class MembershipCache:
    """user id -> (expiry on the monotonic clock, is a member). In memory, per process."""

    ttl: float = MEMBERSHIP_TTL_SECONDS
    clock: Callable[[], float] = time.monotonic
    _entries: dict[int, tuple[float, bool]] = field(default_factory=dict)

    def get(self, user_id: int) -> bool | None:
        """The remembered answer, or None when there is none or it has expired."""
        entry = self._entries.get(user_id)
        if entry is None or entry[0] <= self.clock():
            self._entries.pop(user_id, None)
            return None
        return entry[1]

    def put(self, user_id: int, member: bool) -> None:
        """Remembers an answer for ``ttl`` seconds."""
        self._entries[user_id] = (self.clock() + self.ttl, member)

    def forget(self, user_id: int) -> None:
        """Drops what is remembered about one user (e.g. they left the group)."""
        self._entries.pop(user_id, None)
