"""Callback data: namespaced and versioned (``topic:v1:registration``), parsed in one place.

Old buttons keep working as long as their version is understood; anything else (forged,
foreign, from an older release) parses to ``None`` and gets a polite answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "v1"
_TOKEN = re.compile(r"^[a-z0-9_]{1,32}$")


@dataclass(frozen=True)
class Callback:
    """A parsed button: its namespace and arguments."""

    namespace: str
    args: tuple[str, ...]


def make(namespace: str, *args: str) -> str:
    """Builds callback data; every part must be a short lower-case token."""
    for part in (namespace, *args):
        if not _TOKEN.match(part):
            raise ValueError(f"bad callback token {part!r}")
    data = ":".join((namespace, VERSION, *args))
    if len(data.encode()) > 64:  # Telegram's limit
        raise ValueError(f"callback data too long: {data!r}")
    return data


def parse(data: str | None, namespace: str) -> Callback | None:
    """Parses data of ``namespace`` in the current version, or returns None."""
    if not data:
        return None
    parts = data.split(":")
    if len(parts) < 2 or parts[0] != namespace or parts[1] != VERSION:
        return None
    args = tuple(parts[2:])
    if not all(_TOKEN.match(a) for a in args):
        return None
    return Callback(namespace, args)


def pattern(namespace: str) -> str:
    """The regex a CallbackQueryHandler uses to route a namespace (any version)."""
    return rf"^{re.escape(namespace)}:"


# Namespaces
LANG = "lang"
MENU = "menu"
TOPIC = "topic"
DISTRICT = "district"
BOOK = "book"
HANDOFF = "handoff"
PRIVACY = "privacy"
#: A frequent question: ``faq:v1:<topic>:<slug>``.
FAQ = "faq"
#: A vote on an answer: ``fb:v1:<up|down>:<t|q>:<topic>:<variant or slug>:<answer key>``;
#: ``fb:v1:skip`` declines to say what was missing.
FEEDBACK = "fb"
