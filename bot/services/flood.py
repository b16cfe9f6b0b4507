"""Flood control per user: a token bucket in Redis, so the limit holds across processes.

Every update of a person takes one token; the bucket holds ``burst`` tokens and refills at
``per_minute``. An empty bucket means the update is dropped before any flow sees it — no NLU or
translator call, no reply — and the person is told once (per ``notice_seconds``) to slow down.
Other people have buckets of their own, so one flooder never slows anyone else.

Without Redis, or while it is unreachable, the same buckets live in this process.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class Verdict(enum.Enum):
    """What to do with one update."""

    #: Handle it.
    ALLOW = "allow"
    #: Drop it, and tell the person once to slow down.
    NOTIFY = "notify"
    #: Drop it silently (already told).
    DROP = "drop"


# KEYS[1] bucket hash, KEYS[2] notice flag; ARGV: burst, refill per second, bucket TTL,
# notice TTL. Time comes from Redis, so processes with skewed clocks share one bucket.
_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local verdict = 0
if tokens >= 1 then
  tokens = tokens - 1
elseif redis.call('SET', KEYS[2], '1', 'NX', 'EX', tonumber(ARGV[4])) then
  verdict = 1
else
  verdict = 2
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return verdict
"""

_VERDICTS = (Verdict.ALLOW, Verdict.NOTIFY, Verdict.DROP)


@dataclass
class _Bucket:
    tokens: float
    ts: float
    noticed_until: float = 0.0


@dataclass
class FloodGuard:
    """Per-user token buckets (Redis; in memory as a fallback)."""

    redis: Redis | None
    burst: int = 20
    per_minute: float = 30.0
    #: A person who keeps flooding is told again at most this often.
    notice_seconds: int = 600
    clock: Callable[[], float] = time.monotonic
    _local: dict[int, _Bucket] = field(default_factory=dict)
    _storage_down: bool = False

    def __post_init__(self) -> None:
        self._take = self.redis.register_script(_TAKE) if self.redis is not None else None

    @property
    def _rate(self) -> float:
        return self.per_minute / 60.0

    @property
    def _ttl(self) -> int:
        """Long enough for an empty bucket to fill up again."""
        return int(self.burst / self._rate) + 60

    async def admit(self, user_id: int) -> Verdict:
        """Takes a token for one update of ``user_id``."""
        if self._take is not None:
            try:
                raw = await self._take(
                    keys=[f"lotse:flood:{user_id}", f"lotse:flood:{user_id}:told"],
                    args=[self.burst, self._rate, self._ttl, self.notice_seconds],
                )
            except RedisError:
                if not self._storage_down:
                    log.warning("flood control: storage unavailable, counting in this process")
                self._storage_down = True
            else:
                if self._storage_down:
                    log.info("flood control: storage back")
                self._storage_down = False
                return _VERDICTS[int(raw)]
        return self._admit_locally(user_id)

    def _admit_locally(self, user_id: int) -> Verdict:
        now = self.clock()
        bucket = self._local.get(user_id)
        if bucket is None:
            if len(self._local) > 50_000:  # forget idle people rather than grow without end
                self._local = {k: b for k, b in self._local.items() if now - b.ts < self._ttl}
            bucket = self._local[user_id] = _Bucket(float(self.burst), now)
        refill = max(0.0, now - bucket.ts) * self._rate
        bucket.tokens = min(float(self.burst), bucket.tokens + refill)
        bucket.ts = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return Verdict.ALLOW
        if bucket.noticed_until <= now:
            bucket.noticed_until = now + self.notice_seconds
            return Verdict.NOTIFY
        return Verdict.DROP
