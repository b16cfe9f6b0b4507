"""Which engine serves which language, both ways with German: what `lotse translate coverage`
prints, what the bot logs at start, and what the handoff asks before a message goes untranslated.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.languages import BY_CODE, CODES, SOURCE_LANGUAGE
from bot.services.engines import NoEngine, TranslationFailed
from bot.services.translator import Translator

log = logging.getLogger(__name__)

NONE = "—"


@dataclass(frozen=True)
class Row:
    """One language: its engines from German (``to``) and into German (``back``), or None."""

    code: str
    name: str
    curated: bool
    to: str | None
    back: str | None

    @property
    def both_ways(self) -> bool:
        return self.to is not None and self.back is not None


@dataclass(frozen=True)
class Coverage:
    """The engines (in order, reachable or not) and a row per language."""

    engines: tuple[tuple[str, bool], ...]
    rows: tuple[Row, ...]

    @property
    def unserved_curated(self) -> tuple[Row, ...]:
        """Curated languages without an engine in at least one direction."""
        return tuple(row for row in self.rows if row.curated and not row.both_ways)

    def render(self) -> str:
        """A plain-text table: the engines, then curated languages, then the picker's others."""
        if self.engines:
            engines = ", ".join(
                f"{name}{'' if reachable else ' (unreachable)'}" for name, reachable in self.engines
            )
        else:
            engines = "none configured"
        lines = [f"translation engines, in order: {engines}"]
        width = max((len(row.name) for row in self.rows), default=4) + 2
        header = f"{'':2}{'code':<9}{'language':<{width}}{'de→xx':<14}{'xx→de':<14}".rstrip()
        sections = (("curated languages", True), ("the picker's other languages", False))
        for title, curated in sections:
            rows = [row for row in self.rows if row.curated is curated]
            lines += ["", f"{title} ({len(rows)}):", header]
            for row in rows:
                flag = "! " if curated and not row.both_ways else "  "
                lines.append(
                    f"{flag}{row.code:<9}{row.name:<{width}}"
                    f"{row.to or NONE:<14}{row.back or NONE:<14}".rstrip()
                )
        missing = [row.code for row in self.unserved_curated]
        lines += [
            "",
            f"curated languages without machine translation both ways: {', '.join(missing)}"
            if missing
            else "every curated language is served both ways",
        ]
        return "\n".join(lines)


async def coverage(translator: Translator | None) -> Coverage:
    """Coverage of the curated languages and of every language the picker offers."""
    if translator is None:
        bare = tuple(
            Row(code, BY_CODE[code].native_name, True, None, None)
            for code in CODES
            if code != SOURCE_LANGUAGE
        )
        return Coverage((), bare)
    engines: list[tuple[str, bool]] = []
    for engine in translator.engines:
        engines.append((engine.name, await translator.table(engine) is not None))
    try:
        picker = await translator.languages(SOURCE_LANGUAGE)
    except TranslationFailed:
        picker = {}
    names: dict[str, str] = {}
    for engine in translator.engines:
        table = await translator.table(engine)
        for code, name in (table.names if table else {}).items():
            names.setdefault(code, name)

    async def label(source: str, target: str) -> str | None:
        route = await translator.find_route(source, target)
        return route.label if route else None

    rows: list[Row] = []
    for code in [c for c in CODES if c != SOURCE_LANGUAGE] + sorted(set(picker) - set(CODES)):
        curated = code in BY_CODE
        name = names.get(code) or (BY_CODE[code].native_name if curated else code)
        rows.append(
            Row(code, name, curated, await label(SOURCE_LANGUAGE, code), await label(code, "de"))
        )
    return Coverage(tuple(engines), tuple(rows))


async def log_coverage(translator: Translator | None) -> Coverage:
    """Logs the coverage table once (INFO) and flags curated languages without an engine."""
    table = await coverage(translator)
    log.info("machine translation coverage:\n%s", table.render())
    if translator is None:
        log.warning(
            "no translator configured: messages in %s reach the counsellors untranslated, with a "
            "note saying so (TRANSLATORS, see `lotse translate coverage`)",
            ", ".join(row.code for row in table.unserved_curated),
        )
        return table
    for row in table.unserved_curated:
        log.warning(
            "curated language %s (%s) has no machine translation (de→%s: %s, %s→de: %s): its "
            "messages reach the counsellors untranslated, with a note saying so",
            row.code,
            row.name,
            row.code,
            row.to or "none",
            row.code,
            row.back or "none",
        )
    return table


async def no_engine_for(translator: Translator | None, source: str, target: str) -> bool:
    """True when no machine translation is set up for this pair: no translator at all, or every
    engine answered and none serves it. An engine that is only unreachable does not count."""
    if source == target:
        return False
    if translator is None:
        return True
    try:
        await translator.route(source, target)
    except NoEngine:
        return True
    except TranslationFailed:
        return False
    return False
