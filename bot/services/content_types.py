"""What every content file kind shares: a derived status, a validation problem, front matter."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from bot.languages import FALLBACK_CHAIN, SOURCE_LANGUAGE


class Status(enum.StrEnum):
    """Derived state of one translation of one piece of content."""

    MISSING = "MISSING"
    OUTDATED = "OUTDATED"
    MACHINE_TRANSLATED = "MACHINE_TRANSLATED"
    UP_TO_DATE = "UP_TO_DATE"


T = TypeVar("T")


def best_current(
    item_id: str,
    lang: str,
    sources: Mapping[str, T],
    translations: Mapping[str, Mapping[str, T]],
    status: Callable[[str, str], Status],
) -> T | None:
    """The best current text of a topic or question for ``lang``, following the fallback chain.

    An OUTDATED translation is never shown: the German changed, so it may be wrong.
    """
    for candidate in (lang, *FALLBACK_CHAIN):
        if candidate == SOURCE_LANGUAGE:
            found = sources.get(item_id)
        else:
            found = translations.get(candidate, {}).get(item_id)
            if found is not None and status(item_id, candidate) is Status.OUTDATED:
                found = None
        if found is not None:
            return found
    return None


#: Kinds of problem. A MISSING or OUTDATED translation is work to do, not a fault: the bot
#: falls back to another language for it. Every other problem is an ERROR (a broken file, an
#: empty text, a lost placeholder) that must not be published.
ERROR = "error"
MISSING = "missing"
OUTDATED = "outdated"


@dataclass(frozen=True)
class Problem:
    """One thing ``lotse content validate`` complains about."""

    where: str
    message: str
    kind: str = ERROR

    @property
    def blocking(self) -> bool:
        """True when this must be fixed before publishing (not just translation work)."""
        return self.kind == ERROR

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class ContentError(Exception):
    """Content files cannot be read at all (missing directory, broken front matter)."""


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Splits ``---``-fenced YAML front matter from the Markdown body."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        raise ContentError(f"{path}: no front matter (the file must start with '---')")
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        raise ContentError(f"{path}: front matter is not closed with '---'")
    try:
        meta = yaml.safe_load(parts[0][3:]) or {}
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise ContentError(f"{path}: front matter must be a mapping")
    body = parts[1]
    body = body[body.find("\n") + 1 :] if "\n" in body else ""
    return meta, body
