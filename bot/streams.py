"""Redis Streams as the durable hand-off between the ingress and the workers.

An accepted update is appended (``XADD``) to one of ``STREAM_SHARDS`` streams, chosen by its
chat id (``lotse:updates:<shard>``), so every update of a chat lands in the same stream, in
order. Workers read the streams through one consumer group (``workers``); a worker leases whole
shards (``bot/worker.py``), so one chat is always handled by one worker.

- ``accept`` is one Lua script: an update id seen in the last hour is a duplicate (Telegram
  redelivers when it did not get our 200 in time) and is not appended again; a shard with
  ``STREAM_MAX_BACKLOG`` updates waiting refuses ("full": the ingress answers 503 and Telegram
  delivers later) instead of dropping anything; otherwise ``XADD … MAXLEN ~`` (twice the
  backlog: the bound is never what trims an update nobody handled).
- Handled entries are acknowledged and deleted (``XACK`` + ``XDEL``), so a stream's length is
  what still waits.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ResponseError
from telegram import Update

from bot.update_processor import lane_of

GROUP = "workers"
#: An update id is remembered this long at the ingress (Telegram's redeliveries come sooner).
SEEN_TTL_MS = 3_600_000

_ACCEPT = """
-- KEYS[1] seen marker, KEYS[2] stream. ARGV[1] payload, ARGV[2] backlog limit, ARGV[3] maxlen,
-- ARGV[4] seen ttl ms
if redis.call('EXISTS', KEYS[1]) == 1 then return 'dup' end
if redis.call('XLEN', KEYS[2]) >= tonumber(ARGV[2]) then return 'full' end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'u', ARGV[1])
redis.call('SET', KEYS[1], '1', 'PX', ARGV[4])
return 'ok'
"""


class BadUpdate(ValueError):
    """The request body is not a Telegram update."""


def shard_of(key: int | None, shards: int) -> int:
    """The shard of a chat (or user) id; updates of neither go to shard 0."""
    if key is None:
        return 0
    return zlib.crc32(str(key).encode()) % shards


def parse_update(data: Any) -> tuple[int, int | None]:
    """(update_id, ordering key) of a raw update; raises BadUpdate when it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        raise BadUpdate("no update_id")
    try:
        update = Update.de_json(data, None)
    except (KeyError, TypeError, ValueError) as exc:
        raise BadUpdate(type(exc).__name__) from None
    return int(data["update_id"]), lane_of(update)


@dataclass
class UpdateStream:
    """The sharded streams: append at the ingress, read, acknowledge and delete at the worker."""

    redis: Redis
    shards: int = 16
    max_backlog: int = 50_000
    prefix: str = "lotse:"

    def __post_init__(self) -> None:
        self._accept = self.redis.register_script(_ACCEPT)

    def key(self, shard: int) -> str:
        """The stream of one shard."""
        return f"{self.prefix}updates:{shard}"

    async def ensure_groups(self) -> None:
        """Creates the consumer group on every shard (idempotent)."""
        for shard in range(self.shards):
            try:
                await self.redis.xgroup_create(self.key(shard), GROUP, id="0", mkstream=True)
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise

    async def accept(self, data: dict[str, Any]) -> str:
        """Appends one update: 'ok', 'dup' (seen before) or 'full' (try again later)."""
        update_id, key = parse_update(data)
        shard = shard_of(key, self.shards)
        result = await self._accept(
            keys=[f"{self.prefix}seen:{update_id}", self.key(shard)],
            args=[
                json.dumps(data, separators=(",", ":")),
                self.max_backlog,
                self.max_backlog * 2,
                SEEN_TTL_MS,
            ],
        )
        return result.decode() if isinstance(result, bytes) else str(result)

    async def ack(self, shard: int, entry_id: str) -> None:
        """Acknowledges and deletes a handled entry."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.xack(self.key(shard), GROUP, entry_id)
            pipe.xdel(self.key(shard), entry_id)
            await pipe.execute()

    async def backlog(self) -> int:
        """Updates waiting in all shards (accepted, not yet handled)."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for shard in range(self.shards):
                pipe.xlen(self.key(shard))
            return sum(int(n) for n in await pipe.execute())
