"""Content files as text: the tree of a content folder, topic files written back, atomic writes.

A content *tree* maps a file's place to its text: ``content/topics/kita.md``,
``translations/ar/topics/kita.md``, ``content/booking.yml``. The editor keeps drafts in that form,
publishes whole trees to Redis (``content_store``) and writes them back to disk here.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from bot.services.content import NO_VARIANT

#: The two roots of a tree and the kinds of file that belong to content.
ROOTS = ("content", "translations")
SUFFIXES = (".md", ".yml", ".yaml", ".ftl")
_SAFE_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


class BadPath(ValueError):
    """A place that is not a content file (outside the two roots, ``..``, odd characters)."""


def check_place(place: str) -> PurePosixPath:
    """``place`` as a relative path inside ``content/`` or ``translations/``; else BadPath."""
    path = PurePosixPath(place)
    parts = path.parts
    if (
        len(parts) < 2
        or parts[0] not in ROOTS
        or not all(_SAFE_PART.match(p) for p in parts)
        or path.suffix not in SUFFIXES
    ):
        raise BadPath(f"not a content file: {place!r}")
    return path


def disk_path(place: str, content_dir: Path, translations_dir: Path) -> Path:
    """Where a place lives on disk."""
    path = check_place(place)
    root = content_dir if path.parts[0] == "content" else translations_dir
    return root.joinpath(*path.parts[1:])


def read_tree(content_dir: Path, translations_dir: Path) -> dict[str, str]:
    """Every content file under the two folders, by place."""
    tree: dict[str, str] = {}
    for name, root in zip(ROOTS, (content_dir, translations_dir), strict=True):
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES:
                relative = path.relative_to(root).as_posix()
                try:
                    place = str(check_place(f"{name}/{relative}"))
                except BadPath:
                    continue  # editor swap files and the like
                tree[place] = path.read_text(encoding="utf-8")
    return tree


def tree_stamp(content_dir: Path, translations_dir: Path) -> tuple[int, int]:
    """A cheap fingerprint of the folders (file count, newest change) to notice edits."""
    count = newest = 0
    for root in (content_dir, translations_dir):
        for folder, _, files in os.walk(root):
            for name in files:
                with contextlib.suppress(OSError):
                    newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
                    count += 1
    return count, newest


def atomic_write(path: Path, text: str) -> None:
    """Writes a file so a reader sees the old or the new text, never a half-written one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_tree(
    tree: Mapping[str, str],
    content_dir: Path,
    translations_dir: Path,
    *,
    remove_others: bool = False,
) -> list[str]:
    """Writes every file of ``tree`` that differs from disk (atomically, one by one).

    ``remove_others``: also delete content files on disk that the tree does not have (a
    rollback to a version without a file added since). Returns the places changed.
    """
    changed: list[str] = []
    for place, text in sorted(tree.items()):
        path = disk_path(place, content_dir, translations_dir)
        try:
            same = path.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            atomic_write(path, text)
            changed.append(place)
    if remove_others:
        for place in sorted(set(read_tree(content_dir, translations_dir)) - set(tree)):
            disk_path(place, content_dir, translations_dir).unlink(missing_ok=True)
            changed.append(place)
    return changed


def materialise(tree: Mapping[str, str], root: Path) -> tuple[Path, Path]:
    """Writes a tree below ``root``; returns its content and translations folders."""
    content_dir, translations_dir = root / "content", root / "translations"
    content_dir.mkdir(parents=True, exist_ok=True)
    translations_dir.mkdir(parents=True, exist_ok=True)
    for place, text in tree.items():
        path = disk_path(place, content_dir, translations_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content_dir, translations_dir


def topic_place(topic_id: str, lang: str) -> str:
    """The place of a topic's German source or of one translation."""
    if lang == "de":
        return f"content/topics/{topic_id}.md"
    return f"translations/{lang}/topics/{topic_id}.md"


def body_text(body: Mapping[str, str]) -> str:
    """A topic body with its ``<!-- variant: x -->`` marks (none for a single variant)."""
    if list(body) == [NO_VARIANT]:
        return body[NO_VARIANT].strip()
    return "\n\n".join(f"<!-- variant: {v} -->\n{text.strip()}" for v, text in body.items())


def render_topic(meta: Mapping[str, Any], body: Mapping[str, str]) -> str:
    """The text of a topic file: YAML front matter, then the Markdown body."""
    front = yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{body_text(body)}\n"


def ordered_meta(meta: Mapping[str, Any], first: Iterable[str]) -> dict[str, Any]:
    """Front matter with the usual fields first (as editors know the files), the rest after."""
    result = {k: meta[k] for k in first if k in meta and meta[k] not in (None, "", [], {})}
    result.update({k: v for k, v in meta.items() if k not in result and k not in set(first)})
    return result
