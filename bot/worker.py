"""``lotse worker``: handles the updates in the streams, each chat in order, any number of them.

Shards are leased in Redis (``lotse:lease:shard:<n>`` = this worker's name, ``WORKER_LEASE_SECONDS``
long, renewed every quarter of that). Live workers announce themselves in ``lotse:workers``;
each takes up to its fair share (shards / live workers), so a new worker gets shards and a dead
one's shards are free again once its leases expire — within seconds.

A worker that takes a shard first claims what the previous holder left pending (``XAUTOCLAIM``,
oldest first), then reads new entries (``XREADGROUP``). Each update is handled under the
chat's turn (``ChatOrderedProcessor.turn``: one update per chat at a time, in stream order),
between a load and a fenced flush of the chat's state (``bot/state.py``), and acknowledged
(``XACK`` + ``XDEL``) only after that. A Redis error while handling is retried in place (so the
chat's order holds); an update whose flush finds the lease gone is left to the new holder.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import os
import socket
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError
from telegram import Update
from telegram.ext import Application

from bot.state import FENCE, STATE_ERRORS_RAISE, LeaseLost
from bot.streams import GROUP, UpdateStream
from bot.update_processor import ChatOrderedProcessor, lane_of

log = logging.getLogger(__name__)

_RENEW = """
-- Renews every lease still ours in one round trip; returns 1/0 per key.
local result = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    result[i] = redis.call('PEXPIRE', key, ARGV[2])
  else
    result[i] = 0
  end
end
return result
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def worker_name() -> str:
    """A name no other worker has: host, process, and a random part."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


@dataclass
class StreamWorker:
    """Leases shards, claims and reads their entries, handles them in order, acknowledges."""

    app: Application[Any, Any, Any, Any, Any, Any]
    stream: UpdateStream
    lease_seconds: float = 5.0
    name: str = field(default_factory=worker_name)
    #: Entries read ahead of being handled, at most (back-pressure on the reads).
    max_inflight: int = 256
    batch: int = 100
    held: dict[int, bool] = field(default_factory=dict)  # shard -> pending already claimed
    handled: int = 0
    _inflight: dict[int, int] = field(default_factory=dict)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _releasing: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        # Leases on a connection of their own: under load the shared pool is busy with
        # updates, and a renewal that waits for a connection lets the lease expire.
        pool = self.stream.redis.connection_pool
        self.lease_redis = Redis(
            connection_pool=pool.__class__(
                connection_class=pool.connection_class,
                max_connections=2,
                **pool.connection_kwargs,
            )
        )
        self._renew = self.lease_redis.register_script(_RENEW)
        self._release = self.lease_redis.register_script(_RELEASE)
        self._slots = asyncio.Semaphore(self.max_inflight)
        processor = self.app.update_processor
        if not isinstance(processor, ChatOrderedProcessor):
            raise TypeError("the worker needs the ChatOrderedProcessor (bot/update_processor.py)")
        self.processor = processor

    # -- leases --------------------------------------------------------------------------------
    def lease_key(self, shard: int) -> str:
        """The lease of one shard."""
        return f"{self.stream.prefix}lease:shard:{shard}"

    @property
    def _lease_ms(self) -> int:
        return int(self.lease_seconds * 1000)

    async def _live_workers(self) -> int:
        redis = self.lease_redis
        key = f"{self.stream.prefix}workers"
        now = time.time() * 1000
        async with redis.pipeline(transaction=True) as pipe:
            pipe.zadd(key, {self.name: now})
            pipe.zremrangebyscore(key, "-inf", now - self._lease_ms)
            pipe.zcard(key)
            results = await pipe.execute()
        return max(1, int(results[-1]))

    async def balance(self) -> None:
        """Renews held leases, drops lost ones, takes free shards up to a fair share."""
        redis = self.lease_redis
        shards = list(self.held)
        if shards:
            renewed = await self._renew(
                keys=[self.lease_key(s) for s in shards], args=[self.name, self._lease_ms]
            )
            for shard, ok in zip(shards, renewed, strict=True):
                if not ok:
                    log.warning("lease of shard %d lost; another worker may have it", shard)
                    self.held.pop(shard, None)
        share = math.ceil(self.stream.shards / await self._live_workers())
        if len(self.held) < share:
            start = hash(self.name) % self.stream.shards
            for i in range(self.stream.shards):
                if len(self.held) >= share:
                    break
                shard = (start + i) % self.stream.shards
                if shard in self.held:
                    continue
                if await redis.set(self.lease_key(shard), self.name, nx=True, px=self._lease_ms):
                    log.info("worker %s took shard %d", self.name, shard)
                    self.held[shard] = False  # its pending entries are claimed before new ones
        elif len(self.held) > share:
            for shard in sorted(self.held)[share:]:
                self._releasing.add(shard)
        for shard in list(self._releasing):
            if self._inflight.get(shard, 0) == 0 and shard in self.held:
                await self._release(keys=[self.lease_key(shard)], args=[self.name])
                self.held.pop(shard, None)
                self._releasing.discard(shard)
                log.info("worker %s handed shard %d back (fair share)", self.name, shard)
            elif shard not in self.held:
                self._releasing.discard(shard)

    async def _lease_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.balance()
            except RedisError:
                log.warning("worker: Redis unreachable while renewing leases", exc_info=True)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.lease_seconds / 4)

    # -- reading -------------------------------------------------------------------------------
    async def _claim_pending(self, shard: int) -> None:
        """Takes over what a previous holder of the shard left unacknowledged, oldest first."""
        redis = self.stream.redis
        cursor = "0-0"
        claimed = 0
        while True:
            result: Any = await redis.xautoclaim(
                self.stream.key(shard), GROUP, self.name, 0, start_id=cursor, count=self.batch
            )
            cursor, entries = result[0], result[1]
            for entry_id, fields in entries:
                if fields:  # deleted entries come back empty
                    await self._dispatch(shard, entry_id, fields)
                    claimed += 1
            if cursor in (b"0-0", "0-0"):
                break
        if claimed:
            log.info(
                "worker %s claimed %d pending update(s) of shard %d", self.name, claimed, shard
            )

    async def _read_loop(self, stop: asyncio.Event) -> None:
        redis = self.stream.redis
        while not stop.is_set():
            try:
                for shard, claimed in list(self.held.items()):
                    if not claimed:
                        await self._claim_pending(shard)
                        if shard in self.held:
                            self.held[shard] = True
                shards = [s for s, c in self.held.items() if c and s not in self._releasing]
                if not shards:
                    await asyncio.sleep(0.1)
                    continue
                result: Any = await redis.xreadgroup(
                    GROUP,
                    self.name,
                    {self.stream.key(s): ">" for s in shards},
                    count=self.batch,
                    block=200,
                )
            except RedisError:
                log.warning("worker: Redis unreachable while reading; retrying", exc_info=True)
                await asyncio.sleep(1)
                continue
            for stream_key, entries in result or []:
                name = stream_key.decode() if isinstance(stream_key, bytes) else str(stream_key)
                shard = int(name.rsplit(":", 1)[1])
                for entry_id, fields in entries:
                    await self._dispatch(shard, entry_id, fields)

    async def _dispatch(self, shard: int, entry_id: bytes | str, fields: dict[Any, Any]) -> None:
        await self._slots.acquire()
        self._inflight[shard] = self._inflight.get(shard, 0) + 1
        eid = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
        raw = fields.get(b"u", fields.get("u"))
        task = asyncio.create_task(self._handle(shard, eid, raw), name=f"update:{shard}:{eid}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- handling ------------------------------------------------------------------------------
    async def _handle(self, shard: int, entry_id: str, raw: Any) -> None:
        try:
            try:
                update = Update.de_json(json.loads(raw), self.app.bot)
            except (TypeError, ValueError, KeyError):
                log.warning("unreadable entry %s in shard %d; dropped", entry_id, shard)
                await self.stream.ack(shard, entry_id)
                return
            FENCE.set((self.lease_key(shard), self.name))
            STATE_ERRORS_RAISE.set(True)
            async with self.processor.turn(lane_of(update)):
                if await self._handle_update(shard, update):
                    await self._ack(shard, entry_id)
                    self.handled += 1
        except Exception:  # a task must not die silently
            log.exception("worker: update %s of shard %d not handled", entry_id, shard)
        finally:
            self._inflight[shard] -= 1
            self._slots.release()

    async def _handle_update(self, shard: int, update: Update) -> bool:
        """Handles the update; False when the shard moved on (the new holder handles it)."""
        delay = 0.2
        while True:
            if shard not in self.held:
                return False
            try:
                await self.app.process_update(update)
                return True
            except LeaseLost:
                return False
            except RedisError:
                log.warning("update %s: storage unavailable, trying again", update.update_id)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _ack(self, shard: int, entry_id: str) -> None:
        for _ in range(10):
            try:
                await self.stream.ack(shard, entry_id)
                return
            except RedisError:
                await asyncio.sleep(0.5)
        log.error(
            "could not acknowledge entry %s of shard %d; it will be handled as done",
            entry_id,
            shard,
        )

    # -- life ----------------------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        """Works until ``stop`` is set; then finishes what it started and hands its shards back."""
        await self.stream.ensure_groups()
        await self.balance()
        log.info("worker %s started with %d shard(s)", self.name, len(self.held))
        lease = asyncio.create_task(self._lease_loop(stop), name="worker-leases")
        try:
            await self._read_loop(stop)
        finally:
            if self._tasks:
                await asyncio.wait(set(self._tasks), timeout=30)
            lease.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await lease
            await self.release_all()

    async def release_all(self) -> None:
        """Gives every lease back at once (a stopping worker), so others need not wait."""
        with contextlib.suppress(RedisError):
            for shard in list(self.held):
                await self._release(keys=[self.lease_key(shard)], args=[self.name])
            await self.lease_redis.zrem(f"{self.stream.prefix}workers", self.name)
        self.held.clear()
        with contextlib.suppress(RedisError):
            await self.lease_redis.aclose()
            await self.lease_redis.connection_pool.disconnect()
