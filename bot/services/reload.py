"""Content reload without a restart: over Redis pub/sub (``lotse content reload``, the editors'
page) or SIGHUP. A message is ``bundle:<version>`` (a published version, see
``content_store``) or, from older tools, ``reload`` (read the files again)."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

CHANNEL = "lotse:content:reload"


async def publish_reload(redis: Redis) -> int:
    """Asks every running bot to reload; returns how many were listening."""
    return int(await redis.publish(CHANNEL, "reload"))


async def listen_for_reload(
    redis: Redis,
    reload: Callable[[str], object],
    *,
    on_subscribe: Callable[[], Awaitable[object]] | None = None,
    retry_seconds: float = 5.0,
) -> None:
    """Calls ``reload(payload)`` per message on the channel (awaiting it when it is a coroutine)
    until cancelled; ``on_subscribe`` after each (re)subscription, to catch up on what was
    missed. Survives Redis outages."""
    current = asyncio.current_task()
    while True:
        pubsub = redis.pubsub()
        try:
            await pubsub.subscribe(CHANNEL)
            log.info("listening for content reloads on %s", CHANNEL)
            if on_subscribe is not None:
                await on_subscribe()
            while True:
                # redis-py's pub/sub read can swallow a cancellation (seen with redis 8.1): wait in
                # bounded steps and honour a pending cancel ourselves.
                if current is not None and current.cancelling():
                    raise asyncio.CancelledError
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                if message is not None and message.get("type") == "message":
                    data = message.get("data")
                    payload = data.decode() if isinstance(data, bytes) else str(data)
                    result = reload(payload)
                    if inspect.isawaitable(result):
                        await result
        except RedisError:
            log.warning("reload channel lost; trying again in %s s", retry_seconds, exc_info=True)
            await asyncio.sleep(retry_seconds)
        finally:
            with contextlib.suppress(RedisError):
                await pubsub.aclose()
