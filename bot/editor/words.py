"""The page's own words that come from code (messages, errors): ``translations/de/editor.ftl``.

Editors work in German, like the counsellors; the page text itself is in the templates.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast, parse

log = logging.getLogger(__name__)

CATALOGUE = "editor.ftl"


class Words:
    """``t(key, **args)``: one message of the editors' catalogue (the key when it is missing)."""

    def __init__(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        self.bundle = FluentBundle(["de"], use_isolating=False)
        self.bundle.add_resource(FluentResource(text))
        resource = parse(text)
        self.keys = {m.id.name for m in resource.body if isinstance(m, ast.Message)}
        self.errors = [
            (item.content or "").strip()[:60]
            for item in resource.body
            if isinstance(item, ast.Junk)
        ]

    @classmethod
    def load(cls, translations_dir: Path) -> Words:
        """Reads ``<translations>/de/editor.ftl``."""
        return cls(translations_dir / "de" / CATALOGUE)

    def t(self, key: str, **args: Any) -> str:
        """The message ``key`` with its variables filled in."""
        if not self.bundle.has_message(key):
            log.error("editor string %s is missing", key)
            return key
        message = self.bundle.get_message(key)
        if message.value is None:
            return key
        text, errors = self.bundle.format_pattern(message.value, args)
        if errors:
            log.warning("editor string %s: %s", key, errors)
        return str(text)
