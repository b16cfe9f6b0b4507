"""UI strings from ``translations/<lang>/ui.ftl`` (Fluent), with a fallback chain.

German (``de``) is the reference catalogue: every language has its keys and its variables.
``ui.meta.yml`` beside each catalogue records, per key, the hash of the German string the
translation was made from, so a changed German string shows up as OUTDATED. This module only
looks strings up and formats them; keeping the catalogues in order (status, validation,
stamping) is ``bot.services.catalogue``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast, parse
from fluent.syntax.visitor import Visitor

from bot.languages import CODES, FALLBACK_CHAIN, SOURCE_LANGUAGE, is_rtl

log = logging.getLogger(__name__)

RLM = "\u200f"
CATALOGUE = "ui.ftl"
STAFF_CATALOGUE = "staff.ftl"
META = "ui.meta.yml"


def bidi(lang: str, text: str) -> str:
    """Marks every line of a right-to-left text as RTL, so Telegram aligns it correctly.

    A line that starts with a Latin word ("MigraDO …", "Friedensplatz 7") would otherwise be
    shown left to right in an Arabic or Farsi message.
    """
    if not is_rtl(lang):
        return text
    return "\n".join(
        RLM + line if line and not line.startswith(RLM) else line for line in text.split("\n")
    )


@dataclass(frozen=True)
class Entry:
    """One catalogue message: its source text (variables as ``{}``) and variable names."""

    value: str
    variables: frozenset[str]


class _VariableCollector(Visitor):
    """Collects the ``$variables`` a message uses, also inside selectors."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def _entries(source: str) -> tuple[dict[str, Entry], list[str]]:
    """Parses a catalogue into key -> (source text, variables) and a list of syntax errors."""
    resource = parse(source)
    entries: dict[str, Entry] = {}
    errors: list[str] = []
    for item in resource.body:
        if isinstance(item, ast.Junk):
            errors.append(f"syntax error near: {(item.content or '').strip()[:60]!r}")
        elif isinstance(item, ast.Message):
            collector = _VariableCollector()
            collector.visit(item)
            names = collector.names
            text = "".join(
                el.value if isinstance(el, ast.TextElement) else "{}"
                for el in (item.value.elements if item.value else [])
            )
            entries[item.id.name] = Entry(text, frozenset(names))
    return entries, errors


@dataclass
class Catalogues:
    """All UI catalogues. ``t(lang, key)`` never fails: it falls back, else shows the key."""

    directory: Path
    bundles: dict[str, FluentBundle] = field(default_factory=dict)
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    syntax_errors: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The counsellors' catalogue (``de/staff.ftl``): German only, the team works in German.
    staff: FluentBundle | None = None
    #: Machine-translated catalogues for languages beyond the twelve: key -> template with
    #: ``{$name}`` placeholders. Filled at run time by the localizer, never written to disk.
    overlay: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path, langs: Iterable[str] = CODES) -> Catalogues:
        """Reads ``<directory>/<lang>/ui.ftl`` for every language that has one."""
        cat = cls(directory)
        for lang in langs:
            path = directory / lang / CATALOGUE
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            cat.entries[lang], cat.syntax_errors[lang] = _entries(text)
            bundle = FluentBundle([lang], use_isolating=is_rtl(lang))
            bundle.add_resource(FluentResource(text))
            cat.bundles[lang] = bundle
            meta_path = directory / lang / META
            if meta_path.is_file():
                cat.meta[lang] = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
        staff_path = directory / SOURCE_LANGUAGE / STAFF_CATALOGUE
        if staff_path.is_file():
            staff_text = staff_path.read_text(encoding="utf-8")
            cat.staff = FluentBundle([SOURCE_LANGUAGE], use_isolating=False)
            cat.staff.add_resource(FluentResource(staff_text))
            cat.syntax_errors[STAFF_CATALOGUE] = _entries(staff_text)[1]
        if SOURCE_LANGUAGE not in cat.bundles:
            raise FileNotFoundError(
                f"no reference catalogue {directory / SOURCE_LANGUAGE / CATALOGUE}"
            )
        return cat

    def has(self, lang: str, key: str) -> bool:
        """True when ``lang``'s own catalogue has the key."""
        bundle = self.bundles.get(lang)
        return bool(bundle and bundle.has_message(key))

    def t(self, lang: str, key: str, **args: Any) -> str:
        """The string ``key`` in ``lang``, else in the fallback languages; RTL-marked."""
        template = self.overlay.get(lang, {}).get(key)
        if template is not None:
            text = template
            for name, value in args.items():
                text = text.replace("{$" + name + "}", str(value))
            return bidi(lang, text)
        for candidate in (lang, *FALLBACK_CHAIN):
            bundle = self.bundles.get(candidate)
            if bundle is None or not bundle.has_message(key):
                continue
            message = bundle.get_message(key)
            if message.value is None:
                continue
            formatted, errors = bundle.format_pattern(message.value, args)
            if errors:
                log.warning("catalogue %s key %s: %s", candidate, key, errors)
            return bidi(candidate, str(formatted))
        log.error("UI string %s is missing in every catalogue", key)
        return key

    def staff_t(self, key: str, **args: Any) -> str:
        """A string for counsellors (German)."""
        bundle = self.staff
        if bundle is None or not bundle.has_message(key):
            log.error("staff string %s is missing", key)
            return key
        message = bundle.get_message(key)
        if message.value is None:
            return key
        formatted, errors = bundle.format_pattern(message.value, args)
        if errors:
            log.warning("staff catalogue key %s: %s", key, errors)
        return str(formatted)

    def source_templates(self, lang: str = "en") -> dict[str, str]:
        """Each message of ``lang`` as text with ``{$name}`` placeholders (to translate)."""
        result: dict[str, str] = {}
        resource = parse((self.directory / lang / CATALOGUE).read_text(encoding="utf-8"))
        for item in resource.body:
            if isinstance(item, ast.Message) and item.value is not None:
                parts = []
                for element in item.value.elements:
                    if isinstance(element, ast.TextElement):
                        parts.append(element.value)
                    elif isinstance(element.expression, ast.VariableReference):
                        parts.append("{$" + element.expression.id.name + "}")
                result[item.id.name] = "".join(parts)
        return result

    def keys(self) -> list[str]:
        """The reference keys, in catalogue order."""
        return list(self.entries[SOURCE_LANGUAGE])


def _locale(lang: str) -> Locale:
    """Babel's locale for ``lang``; English when Babel does not know it."""
    try:
        return Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def format_day(day: date, lang: str, *, short: bool = False) -> str:
    """A date the way ``lang`` writes it: "Donnerstag, 3. Dezember 2026" or "Do., 3. Dez."."""
    if short:
        return babel_dates.format_skeleton("MMMEd", day, locale=_locale(lang))
    return babel_dates.format_date(day, "full", locale=_locale(lang))


def format_clock(moment: datetime, lang: str) -> str:
    """A local time of day the way ``lang`` writes it ("09:30", "9:30 AM")."""
    return babel_dates.format_time(moment, "short", locale=_locale(lang))


def language_name(code: str, lang: str) -> str:
    """The name of language ``code`` in language ``lang`` ("Arabisch" for ar in de)."""
    name = _locale(lang).languages.get(code) or Locale.parse("en").languages.get(code)
    return str(name) if name else code
