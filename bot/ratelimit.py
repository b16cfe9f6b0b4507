"""Telegram's limits, one limiter for every process: queue, never drop.

Every Bot API call passes ``SharedRateLimiter.process_request`` (PTB's ``BaseRateLimiter`` hook,
given to the ApplicationBuilder). A message to a chat first reserves a time slot in three
buckets that live in Redis, so every worker, the jobs process and the ingress share them:

- the bot:            ``TELEGRAM_RATE_PER_SECOND`` (about 30 messages a second),
- one private chat:   ``TELEGRAM_RATE_PER_CHAT_SECOND`` (about one a second, short bursts),
- one group:          ``TELEGRAM_RATE_PER_GROUP_MINUTE`` (20 a minute; the counsellors' too).

The reservation is a GCRA ("generic cell rate algorithm") in one Lua script: it returns how
long this message must wait and books the slot, so callers queue in order and none is dropped.
Redis's clock is the one clock, whichever host a process runs on.

Telegram's answers: a 429 ``RetryAfter`` pauses the chat's bucket (and, for calls without a chat,
the bot's) for every process, waits as long as Telegram said, then sends again — without a
limit on how often. A 5xx or network error is tried again with exponential backoff (at most
``NETWORK_ATTEMPTS`` times, then it propagates to the error handler). Unlike PTB's own
``AIORateLimiter`` the state is shared, and a message is never given up after ``max_retries``.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

#: A 5xx or network error is tried this many times in all, waiting 0.5, 1, 2, 4, 8 s between.
NETWORK_ATTEMPTS = 6
BACKOFF_SECONDS = 0.5
#: Messages that may go out at once before the rate applies (a reply in several parts).
CHAT_BURST = 3
GROUP_BURST = 3
BOT_BURST = 5

#: Calls that put something into a chat count against Telegram's message limits.
_MESSAGE_CALLS = frozenset(
    {
        "copyMessage",
        "copyMessages",
        "forwardMessage",
        "forwardMessages",
        "editMessageText",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageReplyMarkup",
        "createForumTopic",
        "editForumTopic",
        "closeForumTopic",
        "reopenForumTopic",
        "pinChatMessage",
    }
)

_RESERVE = """
-- KEYS: buckets. ARGV: per bucket: interval ms, tolerance ms. Returns the wait in ms.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = now
local tats = {}
for i, key in ipairs(KEYS) do
  local tat = tonumber(redis.call('GET', key) or now)
  if tat < now then tat = now end
  tats[i] = tat
  local allowed = tat - tonumber(ARGV[2 * i])
  if allowed > at then at = allowed end
end
for i, key in ipairs(KEYS) do
  local tat = tats[i]
  if tat < at then tat = at end
  local new = tat + tonumber(ARGV[2 * i - 1])
  redis.call('SET', key, new, 'PX', math.ceil(new - now) + 1000)
end
return at - now
"""

_PAUSE = """
-- KEYS: buckets to pause. ARGV[1]: ms from now.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
for _, key in ipairs(KEYS) do
  local tat = tonumber(redis.call('GET', key) or 0)
  if tat < until_ then redis.call('SET', key, until_, 'PX', tonumber(ARGV[1]) + 1000) end
end
return until_
"""


@dataclass(frozen=True)
class Bucket:
    """One rate: ``interval`` ms between messages, ``tolerance`` ms of burst."""

    key: str
    interval_ms: float
    tolerance_ms: float


class SharedRateLimiter(BaseRateLimiter[None]):
    """Shared token buckets in Redis (or in memory without Redis); waits, never drops."""

    def __init__(
        self,
        redis: Redis | None,
        *,
        per_second: float = 30.0,
        per_chat_second: float = 1.0,
        per_group_minute: float = 20.0,
        prefix: str = "lotse:rl:",
        sleep: Callable[[float], Coroutine[Any, Any, None]] = asyncio.sleep,
    ) -> None:
        self.redis = redis
        self.prefix = prefix
        self.sleep = sleep
        self._bot = 1000.0 / per_second
        self._chat = 1000.0 / per_chat_second
        self._group = 60_000.0 / per_group_minute
        self._reserve = redis.register_script(_RESERVE) if redis is not None else None
        self._pause = redis.register_script(_PAUSE) if redis is not None else None
        self._memory: dict[str, float] = {}
        #: What happened, for the benchmark and the tests.
        self.waited_seconds = 0.0
        self.retries_after_429 = 0
        self.retries_after_network_errors = 0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    # -- buckets -----------------------------------------------------------------------------
    def buckets(self, endpoint: str, data: dict[str, Any]) -> list[Bucket]:
        """The buckets a call counts against (none for calls that send nothing to a chat)."""
        is_message = endpoint in _MESSAGE_CALLS or (
            endpoint.startswith("send") and endpoint != "sendChatAction"
        )
        chat = data.get("chat_id")
        if not is_message or chat is None:
            return []
        bot = Bucket(f"{self.prefix}bot", self._bot, self._bot * (BOT_BURST - 1))
        if isinstance(chat, str) and not chat.lstrip("-").isdigit():
            chat_id: int | str = chat  # @channelusername
        else:
            chat_id = int(chat)
        if isinstance(chat_id, str) or chat_id < 0:
            tolerance = self._group * (GROUP_BURST - 1)
            return [bot, Bucket(f"{self.prefix}g:{chat_id}", self._group, tolerance)]
        private = Bucket(f"{self.prefix}c:{chat_id}", self._chat, self._chat * (CHAT_BURST - 1))
        return [bot, private]

    async def _wait_for_slot(self, buckets: list[Bucket]) -> None:
        if not buckets:
            return
        delay_ms: float
        if self._reserve is not None:
            try:
                args: list[float] = []
                for b in buckets:
                    args += [b.interval_ms, b.tolerance_ms]
                delay_ms = float(await self._reserve(keys=[b.key for b in buckets], args=args))
            except RedisError:
                log.warning("rate limiter: Redis unreachable, limiting in this process only")
                delay_ms = self._reserve_in_memory(buckets)
        else:
            delay_ms = self._reserve_in_memory(buckets)
        if delay_ms > 0:
            self.waited_seconds += delay_ms / 1000
            await self.sleep(delay_ms / 1000)

    def _reserve_in_memory(self, buckets: list[Bucket]) -> float:
        now = time.monotonic() * 1000
        tats = [max(self._memory.get(b.key, now), now) for b in buckets]
        at = max([now] + [tat - b.tolerance_ms for tat, b in zip(tats, buckets, strict=True)])
        for tat, b in zip(tats, buckets, strict=True):
            self._memory[b.key] = max(tat, at) + b.interval_ms
        return at - now

    async def _pause_buckets(self, buckets: list[Bucket], seconds: float) -> None:
        """Every process waits as long as Telegram said (the chat's bucket, or the bot's)."""
        if not buckets:
            return
        targets = buckets[1:] or buckets
        ms = math.ceil(seconds * 1000)
        if self._pause is not None:
            try:
                await self._pause(keys=[b.key for b in targets], args=[ms])
                return
            except RedisError:
                pass
        until = time.monotonic() * 1000 + ms
        for b in targets:
            self._memory[b.key] = max(self._memory.get(b.key, 0.0), until)

    # -- the hook ----------------------------------------------------------------------------
    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Waits for a slot, sends; on 429 waits as told and sends again; retries 5xx/network."""
        buckets = self.buckets(endpoint, data)
        network_failures = 0
        while True:
            # The chat's slot first, then the bot's: a message booked for later in one chat must
            # not hold up the other chats (one reservation across both would).
            await self._wait_for_slot(buckets[1:])
            await self._wait_for_slot(buckets[:1])
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = exc.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                self.retries_after_429 += 1
                log.warning("Telegram: 429 on %s, waiting %.1f s, then sending", endpoint, seconds)
                await self._pause_buckets(buckets, seconds)
                await self.sleep(seconds)
            except BadRequest as exc:
                if endpoint == "answerCallbackQuery" and "too old" in exc.message.lower():
                    # A redelivered button tap (after a crash): the spinner is long gone.
                    log.info("callback query too old to answer (redelivered update)")
                    return True
                raise
            except NetworkError as exc:  # 5xx, timeouts, connection errors (not BadRequest)
                network_failures += 1
                if network_failures >= NETWORK_ATTEMPTS:
                    raise
                self.retries_after_network_errors += 1
                backoff = BACKOFF_SECONDS * 2 ** (network_failures - 1)
                log.warning(
                    "Telegram: %s on %s, trying again in %.1f s",
                    type(exc).__name__,
                    endpoint,
                    backoff,
                )
                await self.sleep(backoff)
