"""A running bot follows the published content: the newest version in Redis, on any machine.

With Redis, the content a bot answers with is the newest version published by the editors'
page or ``lotse content reload`` (``services/content_store``); its own files are used only until
something is published. A bot reads the current version when it starts and each time it
(re)subscribes to the reload channel, and switches when a ``bundle:<id>`` announcement arrives.
Switching loads the new tree beside the old one (in a worker thread, so answers keep flowing)
and swaps it in one step; a tree that cannot be loaded is refused and the old content stays.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from redis.exceptions import RedisError

from bot.i18n import Catalogues
from bot.services.content import ContentSnapshot, Problem, prepare_snapshot
from bot.services.content_files import materialise, write_tree
from bot.services.content_store import ContentStore, announced_version
from bot.services.emergency import EmergencyWords, load_emergency
from bot.services.handoff import OfficeHours, load_office_hours
from bot.services.reload import listen_for_reload
from bot.services.workspace import apply_drafts, topic_file

if TYPE_CHECKING:
    from bot.context import BotData

log = logging.getLogger(__name__)


@dataclass
class Prepared:
    """Content loaded from a folder, ready to swap in."""

    content_dir: Path
    translations_dir: Path
    snapshot: ContentSnapshot | None
    problems: list[Problem]
    catalogues: Catalogues | None = None
    office_hours: OfficeHours | None = None
    emergency: EmergencyWords | None = None


def prepare(content_dir: Path, translations_dir: Path, *, catalogues: bool = True) -> Prepared:
    """Loads answers, counselling hours, emergency words and (``catalogues``) the UI strings.

    Blocking: meant for a worker thread. ``snapshot`` is None when the content must not be used.
    """
    snapshot, problems = prepare_snapshot(content_dir, translations_dir)
    prepared = Prepared(content_dir, translations_dir, snapshot, problems)
    if snapshot is None:
        return prepared
    try:
        prepared.office_hours = load_office_hours(content_dir)
        prepared.emergency = load_emergency(content_dir)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        problems.append(Problem("content", f"handoff.yml/emergency.yml not reloaded: {exc}"))
    if catalogues:
        try:
            prepared.catalogues = Catalogues.load(translations_dir)
        except (OSError, ValueError) as exc:
            problems.append(Problem("translations", f"UI catalogues not reloaded: {exc}"))
    return prepared


def install(bot_data: BotData, prepared: Prepared, version: int | None) -> bool:
    """Swaps prepared content in (False, and nothing changes, when it was refused)."""
    if prepared.snapshot is None:
        return False
    bot_data.content.install(
        prepared.snapshot, prepared.content_dir, prepared.translations_dir, version
    )
    if prepared.office_hours is not None:
        bot_data.office_hours = prepared.office_hours
    if prepared.emergency is not None:
        bot_data.emergency = prepared.emergency
    if prepared.catalogues is not None:
        prepared.catalogues.overlay.update(bot_data.catalogues.overlay)  # machine-made UI stays
        bot_data._catalogues = prepared.catalogues
    return True


def _ui_fingerprint(tree: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for place in sorted(p for p in tree if p.endswith((".ftl", "ui.meta.yml"))):
        digest.update(place.encode())
        digest.update(tree[place].encode())
    return digest.hexdigest()


@dataclass
class ContentFollower:
    """Keeps one bot on the newest published version."""

    bot_data: BotData
    store: ContentStore
    task: asyncio.Task[None] | None = None
    #: The reload a SIGHUP started (kept so it is not garbage-collected while it runs).
    sighup: asyncio.Future[None] | None = None
    _tree: dict[str, str] | None = None
    _folder: Path | None = None
    _ui: str = ""
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def check(self) -> bool:
        """Switches to the current published version if it is not the one in use."""
        async with self._lock:
            try:
                current = await self.store.current_id()
                if current is None or current == self.bot_data.content.version:
                    return False
                tree = await self.store.tree(current)
            except RedisError:
                log.warning("published content unreachable; keeping what is loaded", exc_info=True)
                return False
            if tree is None:
                return False
            if await self._switch_topics(current, tree):
                return True
            folder = Path(tempfile.mkdtemp(prefix=f"lotse-content-v{current}-"))
            ui = _ui_fingerprint(tree)
            try:
                dirs = await asyncio.to_thread(materialise, tree, folder)
                prepared = await asyncio.to_thread(prepare, *dirs, catalogues=ui != self._ui)
            except OSError:
                log.warning("could not write published version %s", current, exc_info=True)
                shutil.rmtree(folder, ignore_errors=True)
                return False
            if not install(self.bot_data, prepared, current):
                log.warning(
                    "published version %s refused (%d problem(s)); first: %s",
                    current,
                    len(prepared.problems),
                    prepared.problems[0] if prepared.problems else "-",
                )
                shutil.rmtree(folder, ignore_errors=True)
                return False
            self._ui = ui
            self._tree = tree
            old, self._folder = self._folder, folder
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
            log.info("answering from published content version %s", current)
            return True

    async def _switch_topics(self, version: int, tree: dict[str, str]) -> bool:
        """The quick way when only answers changed (the usual publish): parse just those files
        into a copy of the snapshot in use. False when the whole tree must be loaded."""
        old, folder = self._tree, self._folder
        if old is None or folder is None or set(old) != set(tree):
            return False
        changed = {p: t for p, t in tree.items() if old[p] != t}
        if not changed or not all(topic_file(p) for p in changed):
            return False
        current = self.bot_data.content.current
        snapshot = await asyncio.to_thread(apply_drafts, current, changed, Path(), Path())
        broken = [problem for problem in snapshot.load_problems if problem.where in changed]
        if broken:
            log.warning("published version %s refused: %s", version, broken[0])
            return False
        content_dir, translations_dir = folder / "content", folder / "translations"
        self.bot_data.content.install(snapshot, content_dir, translations_dir, version)
        self._tree = tree
        await asyncio.to_thread(write_tree, changed, content_dir, translations_dir)
        log.info("answering from published content version %s (%d file(s))", version, len(changed))
        return True

    async def on_message(self, payload: str) -> None:
        """A message on the reload channel: a new version, or (older tools) "reload"."""
        if announced_version(payload) is not None or self.bot_data.content.version is not None:
            await self.check()
            return
        problems = await reload_files(self.bot_data)
        if problems:
            log.warning(
                "content reloaded with %d problem(s); first: %s", len(problems), problems[0]
            )
        else:
            log.info("content reloaded")

    async def run(self) -> None:
        """Follows the channel until cancelled; removes its folder at the end."""
        try:
            redis = self.bot_data.redis
            assert redis is not None
            await listen_for_reload(redis, self.on_message, on_subscribe=self.check)
        finally:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)


async def reload_files(bot_data: BotData) -> list[Problem]:
    """Loads the bot's own files again (SIGHUP, or nothing published): off the event loop."""
    settings = bot_data.settings
    prepared = await asyncio.to_thread(prepare, settings.content_dir, settings.translations_dir)
    install(bot_data, prepared, None)
    return prepared.problems


async def start_following(bot_data: BotData) -> ContentFollower | None:
    """Loads the current published version (if any) and follows the channel (``task``)."""
    if bot_data.redis is None:
        return None
    follower = ContentFollower(bot_data, ContentStore(bot_data.redis))
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(30):
            await follower.check()
    follower.task = asyncio.create_task(follower.run(), name="content-reload")
    return follower
