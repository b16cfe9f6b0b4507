"""The editors' workspace: drafts on top of the published files, publishing and rolling back.

The files in ``CONTENT_DIR`` and ``TRANSLATIONS_DIR`` are what is published. An editor's change
is a *draft* first (kept in Redis, so every editor sees it and nothing is lost when the page
process restarts); the bots do not see drafts. Publishing validates the files with the drafts
applied (the checks of ``lotse content validate``; outdated and missing translations are work,
not errors), writes the drafts to disk atomically, stores the whole tree as a new version in
Redis and announces it, so every bot switches within seconds (``content_store``). Rolling back
publishes the version before the current one again.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from redis.asyncio import Redis

from bot.i18n import Catalogues
from bot.languages import SOURCE_LANGUAGE
from bot.services.content import (
    ContentError,
    ContentSnapshot,
    Problem,
    TopicSource,
    TopicText,
    load_snapshot,
    parse_topic,
    prepare_snapshot,
)
from bot.services.content_files import (
    check_place,
    disk_path,
    materialise,
    read_tree,
    tree_stamp,
    write_tree,
)
from bot.services.content_history import SourceHistory
from bot.services.content_store import ContentStore, Version
from bot.services.redis_values import text as as_str
from bot.services.schedule import CONFIG as BOOKING_FILE
from bot.services.schedule import ScheduleError, load_schedule

log = logging.getLogger(__name__)

DRAFTS = "lotse:editor:drafts"
DRAFTS_REV = "lotse:editor:drafts:rev"
PUBLISH_LOCK = "lotse:editor:publish-lock"

# Removes a draft only when it is still the text that was published (an editor may have saved
# again meanwhile).
_DISCARD_IF_SAME = """
local n = tonumber(ARGV[1])
for i = 1, n do
  local current = redis.call('HGET', KEYS[1], ARGV[1 + i])
  if current and cjson.decode(current)['text'] == ARGV[1 + n + i] then
    redis.call('HDEL', KEYS[1], ARGV[1 + i])
  end
end
return redis.call('INCR', KEYS[2])
"""


class PublishRefused(Exception):
    """Publishing would put broken content in front of newcomers; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class NothingToDo(Exception):
    """Nothing to publish, or no earlier version to roll back to."""


class Busy(Exception):
    """Another editor is publishing right now."""


@dataclass(frozen=True)
class Draft:
    """A saved but unpublished file."""

    place: str
    text: str
    author: str
    saved_at: float


@dataclass(frozen=True)
class View:
    """The content as editors see it: the published files with every draft applied."""

    snapshot: ContentSnapshot
    published: ContentSnapshot
    catalogues: Catalogues
    drafts: Mapping[str, Draft]
    problems: tuple[Problem, ...]
    built_at: float = field(default_factory=time.time)

    @property
    def blocking(self) -> list[Problem]:
        """Problems that stop a publish."""
        return [p for p in self.problems if p.blocking]

    def problems_of(self, place: str) -> list[Problem]:
        """The problems of one file."""
        return [p for p in self.problems if p.where == place or p.where.endswith("/" + place)]


def _ui_stamp(translations_dir: Path) -> tuple[int, int]:
    """A fingerprint of the UI catalogues' files (count, newest change)."""
    files = [*translations_dir.glob("*/*.ftl"), *translations_dir.glob("*/ui.meta.yml")]
    return len(files), max((f.stat().st_mtime_ns for f in files), default=0)


def topic_file(place: str) -> tuple[str, str] | None:
    """(topic id, language) when ``place`` is a topic file, else None."""
    parts = PurePosixPath(place).parts
    if len(parts) == 3 and parts[:2] == ("content", "topics"):
        return parts[2].removesuffix(".md"), SOURCE_LANGUAGE
    if len(parts) == 4 and parts[0] == "translations" and parts[2] == "topics":
        return parts[3].removesuffix(".md"), parts[1]
    return None


def parse_draft(place: str, text: str) -> TopicText | TopicSource | None:
    """A topic draft parsed as the bot would read it (ContentError when it cannot be read)."""
    found = topic_file(place)
    if found is None:
        return None
    topic_id, lang = found
    topic = parse_topic(text, Path(place), lang)
    if topic.id != topic_id:
        raise ContentError(f"{place}: id {topic.id!r} does not match the file name")
    return topic


def apply_drafts(
    base: ContentSnapshot,
    drafts: Mapping[str, str],
    content_dir: Path,
    translations_dir: Path,
) -> ContentSnapshot:
    """The snapshot ``base`` with ``drafts`` (place -> text) applied.

    Topic files are parsed one by one; a changed schedule reloads ``booking.yml`` with its
    translations; any other file reloads everything from a copy (rare: the page edits topics
    and the schedule).
    """
    if not drafts:
        return base
    others = [p for p in drafts if topic_file(p) is None]
    if any(PurePosixPath(p).name != BOOKING_FILE for p in others):
        tree = read_tree(content_dir, translations_dir)
        tree.update(drafts)
        with tempfile.TemporaryDirectory(prefix="lotse-view-") as tmp:
            return load_snapshot(*materialise(tree, Path(tmp)))
    sources = dict(base.sources)
    translations = {lang: dict(texts) for lang, texts in base.translations.items()}
    problems = [p for p in base.load_problems if not any(p.where.endswith(d) for d in drafts)]
    for place, text in drafts.items():
        found = topic_file(place)
        if found is None:
            continue
        topic_id, lang = found
        try:
            topic = parse_topic(text, Path(place), lang)
        except ContentError as exc:
            problems.append(Problem(place, str(exc)))
            continue
        if isinstance(topic, TopicSource):
            sources[topic_id] = topic
        else:
            translations.setdefault(lang, {})[topic_id] = topic
    booking = base.booking
    if others:
        tree = {
            p: t
            for p, t in read_tree(content_dir, translations_dir).items()
            if PurePosixPath(p).name == BOOKING_FILE
        }
        tree.update({p: drafts[p] for p in others})
        with tempfile.TemporaryDirectory(prefix="lotse-schedule-") as tmp:
            try:
                booking = load_schedule(*materialise(tree, Path(tmp)))
            except ScheduleError as exc:
                booking = None
                problems.append(Problem(f"content/{BOOKING_FILE}", str(exc)))
    # Everything else (offices, frequent questions, …) stays as it was.
    return dataclasses.replace(
        base,
        sources=sources,
        translations=translations,
        booking=booking,
        load_problems=tuple(problems),
    )


class Workspace:
    """Drafts, the editors' view of the content, publishing and rolling back."""

    def __init__(
        self,
        redis: Redis,
        content_dir: Path,
        translations_dir: Path,
        *,
        store: ContentStore | None = None,
        history: SourceHistory | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.redis = redis
        self.content_dir = content_dir
        self.translations_dir = translations_dir
        self.store = store or ContentStore(redis)
        self.history = history or SourceHistory(redis)
        self.clock = clock
        self._lock = asyncio.Lock()
        self._base: tuple[tuple[int, int], ContentSnapshot, Catalogues] | None = None
        self._view: tuple[tuple[int, int], int, View] | None = None
        #: The published version the files on disk are (None: not known yet).
        self._synced: int | None = None
        #: The UI catalogues (loading them is slow; the page never changes them).
        self._catalogues: tuple[tuple[int, int], Catalogues] | None = None

    @property
    def published(self) -> ContentSnapshot | None:
        """The published files as last loaded (None before the first ``view()``)."""
        return self._base[1] if self._base is not None else None

    @property
    def latest(self) -> ContentSnapshot | None:
        """The editors' view as last built (None before the first ``view()``)."""
        if self._view is not None:
            return self._view[2].snapshot
        return self.published

    # -- files --------------------------------------------------------------------------------
    def path(self, place: str) -> Path:
        """Where a place lives on disk (BadPath for anything that is not a content file)."""
        return disk_path(place, self.content_dir, self.translations_dir)

    def published_text(self, place: str) -> str | None:
        """The published text of a file, or None when it does not exist."""
        try:
            return self.path(place).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    async def drafts(self) -> dict[str, Draft]:
        """Every draft, by place."""
        raw = await self.redis.hgetall(DRAFTS)
        drafts = {}
        for key, value in raw.items():
            data = json.loads(as_str(value))
            place = as_str(key)
            drafts[place] = Draft(
                place, str(data["text"]), str(data.get("author", "")), float(data.get("at", 0))
            )
        return drafts

    async def text(self, place: str) -> str | None:
        """A file as editors see it: its draft, else the published text."""
        check_place(place)
        raw = await self.redis.hget(DRAFTS, place)
        if raw is not None:
            return str(json.loads(as_str(raw))["text"])
        return self.published_text(place)

    async def save(self, place: str, text: str, author: str) -> None:
        """Keeps ``text`` as the draft of ``place`` (a topic must parse as the bot reads it)."""
        check_place(place)
        parse_draft(place, text)
        if text == self.published_text(place):
            await self.discard(place)
            return
        value = json.dumps({"text": text, "author": author, "at": self.clock()}, ensure_ascii=False)
        pipe = self.redis.pipeline(transaction=True)
        pipe.hset(DRAFTS, place, value)
        pipe.incr(DRAFTS_REV)
        await pipe.execute()

    async def discard(self, place: str) -> bool:
        """Drops the draft of ``place``; False when there was none."""
        pipe = self.redis.pipeline(transaction=True)
        pipe.hdel(DRAFTS, place)
        pipe.incr(DRAFTS_REV)
        removed, _ = await pipe.execute()
        return bool(removed)

    # -- the view -----------------------------------------------------------------------------
    async def _base_snapshot(self) -> tuple[tuple[int, int], ContentSnapshot, Catalogues]:
        stamp = await asyncio.to_thread(tree_stamp, self.content_dir, self.translations_dir)
        if self._base is None or self._base[0] != stamp:
            snapshot = await asyncio.to_thread(
                load_snapshot, self.content_dir, self.translations_dir
            )
            ui = await asyncio.to_thread(_ui_stamp, self.translations_dir)
            if self._catalogues is None or self._catalogues[0] != ui:
                catalogues = await asyncio.to_thread(Catalogues.load, self.translations_dir)
                self._catalogues = (ui, catalogues)
            self._base = (stamp, snapshot, self._catalogues[1])
            await self.history.record(snapshot.sources.values())
        return self._base

    async def view(self) -> View:
        """The published content with the drafts applied, validated (cached until a change)."""
        async with self._lock:
            await self.sync()
            stamp, base, catalogues = await self._base_snapshot()
            rev = int(as_str(await self.redis.get(DRAFTS_REV)) or 0)
            if self._view is not None and self._view[:2] == (stamp, rev):
                return self._view[2]
            drafts = await self.drafts()
            snapshot = await asyncio.to_thread(
                apply_drafts,
                base,
                {p: d.text for p, d in drafts.items()},
                self.content_dir,
                self.translations_dir,
            )
            if drafts:
                await self.history.record(snapshot.sources.values())
            view = View(snapshot, base, catalogues, drafts, tuple(snapshot.validate()))
            self._view = (stamp, rev, view)
            return view

    # -- publishing ---------------------------------------------------------------------------
    async def start(self) -> Version | None:
        """Lines the files up with the published content when the page starts.

        Nothing published yet: the files become the first version (not announced: the bots
        have them). Files changed after the newest version (by hand, by git): they are
        published, when they can be loaded. Otherwise the files are brought to the newest
        version. Returns the version published here, if any.
        """
        tree = await asyncio.to_thread(read_tree, self.content_dir, self.translations_dir)
        current = await self.store.current()
        if current is None:
            version = await self.store.publish(
                tree, author="", note="initial", changed=(), announce=False
            )
            self._synced = version.id
            return version
        published = await self.store.tree(current.id)
        if published is None or published == tree:
            self._synced = current.id
            return None
        newest = max((self.path(place).stat().st_mtime for place in tree), default=0.0)
        if newest > current.published_at:
            fresh, problems = await asyncio.to_thread(
                prepare_snapshot, self.content_dir, self.translations_dir
            )
            if fresh is not None:
                changed = tuple(
                    sorted(p for p in set(tree) | set(published) if tree.get(p) != published.get(p))
                )
                version = await self.store.publish(
                    tree, author="", note="files changed outside the page", changed=changed
                )
                self._synced = version.id
                log.info("files changed since version %d: published as %d", current.id, version.id)
                return version
            log.warning(
                "the files changed since version %d but cannot be loaded (%s): using the version",
                current.id,
                problems[0] if problems else "?",
            )
        await self._mirror(current.id, published)
        return None

    async def _mirror(self, version_id: int, tree: Mapping[str, str]) -> None:
        changed = await asyncio.to_thread(
            write_tree, tree, self.content_dir, self.translations_dir, remove_others=True
        )
        self._synced = version_id
        if changed:
            log.info("files brought to published version %d (%d changed)", version_id, len(changed))

    async def sync(self) -> None:
        """Brings the files to the current version when it was published elsewhere (another
        page process, ``lotse content reload``)."""
        current = await self.store.current_id()
        if current is None or current == self._synced:
            return
        tree = await self.store.tree(current)
        if tree is not None:
            await self._mirror(current, tree)

    async def _locked(self) -> None:
        if not await self.redis.set(PUBLISH_LOCK, "1", nx=True, ex=120):
            raise Busy

    async def publish(self, author: str, note: str = "") -> Version:
        """Validates, writes the drafts to disk, publishes the tree; PublishRefused on errors."""
        await self._locked()
        try:
            view = await self.view()
            if not view.drafts:
                raise NothingToDo
            if view.blocking:
                raise PublishRefused(view.blocking)
            texts = {p: d.text for p, d in view.drafts.items()}
            changed = await asyncio.to_thread(
                write_tree, texts, self.content_dir, self.translations_dir
            )
            tree = await asyncio.to_thread(read_tree, self.content_dir, self.translations_dir)
            version = await self.store.publish(
                tree, author=author, note=note, changed=tuple(sorted(texts))
            )
            self._synced = version.id
            if not any(topic_file(p) is None for p in texts):
                # The files are now what the view showed: no need to read them all again.
                stamp = await asyncio.to_thread(tree_stamp, self.content_dir, self.translations_dir)
                self._base = (stamp, view.snapshot, view.catalogues)
            await self.redis.eval(
                _DISCARD_IF_SAME, 2, DRAFTS, DRAFTS_REV, len(texts), *texts, *texts.values()
            )
            await self.history.record(view.snapshot.sources.values())
            await self.history.prune([view.snapshot])
            log.info("published version %d (%d file(s) changed)", version.id, len(changed))
            return version
        finally:
            await self.redis.delete(PUBLISH_LOCK)

    async def rollback(self, author: str) -> tuple[Version, Version]:
        """Publishes the version before the current one again; returns (new, restored)."""
        await self._locked()
        try:
            versions = await self.store.versions(2)
            if len(versions) < 2:
                raise NothingToDo
            target = versions[1]
            tree = await self.store.tree(target.id)
            if tree is None:
                raise NothingToDo
            changed = await asyncio.to_thread(
                write_tree, tree, self.content_dir, self.translations_dir, remove_others=True
            )
            version = await self.store.publish(
                tree, author=author, note=f"rollback:{target.id}", changed=tuple(changed)
            )
            self._synced = version.id
            await self.redis.incr(DRAFTS_REV)
            log.info("rolled back to version %d as version %d", target.id, version.id)
            return version, target
        finally:
            await self.redis.delete(PUBLISH_LOCK)
