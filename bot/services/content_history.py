"""Every German source text by its hash, so an editor sees what changed since a translation.

A translation records the hash of the German it was made from (``source_hash``). The editor
stores each German text it sees under that hash (Redis, one hash per topic); the diff of an
OUTDATED translation is then "the text with the translation's hash" against the current one.
Texts no translation and no current source refers to any more are pruned at each publish.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from redis.asyncio import Redis

from bot.services.content import NO_VARIANT, ContentSnapshot, TopicSource
from bot.services.redis_values import text as as_str

PREFIX = "lotse:content:history"
_TOKEN = re.compile(r"\s+|[^\s\w]|\w+")


@dataclass(frozen=True)
class SourceText:
    """What a translator translates of one German version (the hashed fields)."""

    title: str
    ask: str
    options: Mapping[str, str]
    body: Mapping[str, str]

    @classmethod
    def of(cls, source: TopicSource) -> SourceText:
        """The hashed fields of a source."""
        return cls(source.title, source.ask or "", dict(source.options), dict(source.body))

    def fields(self) -> dict[str, str]:
        """Field label -> text, in reading order (title, question, options, each variant)."""
        result = {"title": self.title}
        if self.ask:
            result["ask"] = self.ask
        result.update({f"option {k}": v for k, v in self.options.items()})
        result.update(
            {("body" if k == NO_VARIANT else f"body {k}"): v for k, v in self.body.items()}
        )
        return result


@dataclass(frozen=True)
class Piece:
    """A run of words in a diff: ``op`` is "same", "added" or "removed"."""

    op: str
    text: str


@dataclass(frozen=True)
class FieldDiff:
    """The change of one field, word by word."""

    field: str
    pieces: tuple[Piece, ...]

    @property
    def changed(self) -> bool:
        """True when the field differs."""
        return any(p.op != "same" for p in self.pieces)


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """Words removed and added between two texts (whitespace kept, so lines stay lines)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(b[j1:j2])))
    return tuple(pieces)


def diff_sources(old: SourceText, new: SourceText) -> list[FieldDiff]:
    """Field by field, what changed from ``old`` to ``new`` (unchanged fields included)."""
    before, after = old.fields(), new.fields()
    names = list(after) + [n for n in before if n not in after]
    return [FieldDiff(n, word_diff(before.get(n, ""), after.get(n, ""))) for n in names]


class SourceHistory:
    """German source texts by topic and hash, in Redis."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    @staticmethod
    def _key(topic_id: str) -> str:
        return f"{PREFIX}:{topic_id}"

    async def record(self, sources: Iterable[TopicSource]) -> int:
        """Keeps each source's text under its hash (if not kept yet); returns how many were new."""
        pipe = self.redis.pipeline(transaction=False)
        for source in sources:
            text = SourceText.of(source)
            value = json.dumps(
                {"title": text.title, "ask": text.ask, "options": text.options, "body": text.body},
                ensure_ascii=False,
            )
            pipe.hsetnx(self._key(source.id), source.source_hash, value)
        return sum(int(r) for r in await pipe.execute())

    async def get(self, topic_id: str, source_hash: str) -> SourceText | None:
        """The German text that had ``source_hash``, or None when it was never seen."""
        if not source_hash:
            return None
        raw = await self.redis.hget(self._key(topic_id), source_hash)
        if raw is None:
            return None
        data = json.loads(as_str(raw))
        return SourceText(
            str(data.get("title", "")),
            str(data.get("ask", "")),
            {str(k): str(v) for k, v in (data.get("options") or {}).items()},
            {str(k): str(v) for k, v in (data.get("body") or {}).items()},
        )

    async def prune(self, snapshots: Iterable[ContentSnapshot]) -> int:
        """Forgets texts that no source, minor edit or translation in ``snapshots`` refers to."""
        wanted: dict[str, set[str]] = {}
        for snapshot in snapshots:
            for topic_id, source in snapshot.sources.items():
                wanted.setdefault(topic_id, set()).update(
                    {source.source_hash, *source.minor_edit_of}
                )
            for texts in snapshot.translations.values():
                for topic_id, text in texts.items():
                    wanted.setdefault(topic_id, set()).add(text.source_hash)
        removed = 0
        for topic_id, keep in wanted.items():
            known = {as_str(h) for h in await self.redis.hkeys(self._key(topic_id))}
            stale = known - keep
            if stale:
                removed += int(await self.redis.hdel(self._key(topic_id), *stale))
        return removed
