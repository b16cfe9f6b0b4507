"""Published content in Redis: every bot answers from the newest version, on any machine.

A version is the whole content tree (``content/…`` and ``translations/…``, about 1 MB, stored
compressed) with who published it, when and why. Publishing stores the tree, makes it current
and announces ``bundle:<id>`` on the reload channel; each bot then fetches the current tree,
loads it beside the old one and swaps (``bot/app.py``). A bot that starts, or that lost the
channel for a while, reads the current version itself, so no disk needs to be shared.
The newest ``keep`` versions are kept, for rolling back.
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from redis.asyncio import Redis

from bot.services.redis_values import text as as_str
from bot.services.reload import CHANNEL

PREFIX = "lotse:content:pub"
CURRENT = f"{PREFIX}:current"
COUNTER = f"{PREFIX}:counter"
VERSIONS = f"{PREFIX}:versions"
#: The announcement on the reload channel: ``bundle:<version id>``.
ANNOUNCE_PREFIX = "bundle:"


def _tree_key(version_id: int) -> str:
    return f"{PREFIX}:{version_id}:tree"


def _meta_key(version_id: int) -> str:
    return f"{PREFIX}:{version_id}:meta"


@dataclass(frozen=True)
class Version:
    """One published state of the content."""

    id: int
    author: str
    published_at: float
    note: str
    changed: tuple[str, ...] = ()


class ContentStore:
    """Publishes content trees to Redis and reads them back."""

    def __init__(self, redis: Redis, *, keep: int = 20) -> None:
        self.redis = redis
        self.keep = max(2, keep)

    async def publish(
        self,
        tree: Mapping[str, str],
        *,
        author: str,
        note: str,
        changed: tuple[str, ...] = (),
        announce: bool = True,
    ) -> Version:
        """Stores ``tree`` as the new current version and (``announce``) tells every bot."""
        version_id = int(await self.redis.incr(COUNTER))
        version = Version(version_id, author, time.time(), note, changed)
        payload = zlib.compress(json.dumps(dict(tree), ensure_ascii=False).encode("utf-8"), 6)
        pipe = self.redis.pipeline(transaction=True)
        pipe.set(_tree_key(version_id), payload)
        pipe.hset(
            _meta_key(version_id),
            mapping={
                "author": author,
                "at": str(version.published_at),
                "note": note,
                "changed": json.dumps(list(changed)),
            },
        )
        pipe.lpush(VERSIONS, version_id)
        pipe.set(CURRENT, version_id)
        await pipe.execute()
        await self._trim()
        if announce:
            await self.redis.publish(CHANNEL, f"{ANNOUNCE_PREFIX}{version_id}")
        return version

    async def _trim(self) -> None:
        """Drops versions beyond the newest ``keep`` (the retention limit)."""
        old = [int(as_str(v)) for v in await self.redis.lrange(VERSIONS, self.keep, -1)]
        if old:
            await self.redis.delete(*(k for v in old for k in (_tree_key(v), _meta_key(v))))
            await self.redis.ltrim(VERSIONS, 0, self.keep - 1)

    async def current_id(self) -> int | None:
        """The id of the current version, or None before anything was published."""
        raw = await self.redis.get(CURRENT)
        return int(as_str(raw)) if raw is not None else None

    async def current(self) -> Version | None:
        """The current version, or None."""
        version_id = await self.current_id()
        return await self.version(version_id) if version_id is not None else None

    async def version(self, version_id: int) -> Version | None:
        """One version's description, or None when it is gone."""
        raw = await self.redis.hgetall(_meta_key(version_id))
        if not raw:
            return None
        data = {as_str(k): as_str(v) for k, v in raw.items()}
        return Version(
            version_id,
            data.get("author", ""),
            float(data.get("at") or 0),
            data.get("note", ""),
            tuple(json.loads(data.get("changed") or "[]")),
        )

    async def versions(self, limit: int = 20) -> list[Version]:
        """The kept versions, newest first."""
        ids = [int(as_str(v)) for v in await self.redis.lrange(VERSIONS, 0, limit - 1)]
        found = [await self.version(v) for v in ids]
        return [v for v in found if v is not None]

    async def tree(self, version_id: int) -> dict[str, str] | None:
        """The files of a version, or None when it is gone."""
        raw = await self.redis.get(_tree_key(version_id))
        if raw is None:
            return None
        data = zlib.decompress(raw if isinstance(raw, bytes) else raw.encode("latin-1"))
        tree = json.loads(data.decode("utf-8"))
        return {str(k): str(v) for k, v in tree.items()}


def announced_version(payload: str) -> int | None:
    """The version id in a ``bundle:<id>`` announcement, or None for anything else."""
    if not payload.startswith(ANNOUNCE_PREFIX):
        return None
    try:
        return int(payload[len(ANNOUNCE_PREFIX) :])
    except ValueError:
        return None
