"""Keeping the content in order: derived status, validation and stamping, usable without the bot.

The bot looks UI strings up (``bot.i18n.Catalogues``) and reads answers from a content snapshot
(``bot.services.content``); the command line (``lotse content validate|status|stamp-ui``) and the
editors' web page use this module to see what is missing, outdated or unreviewed. Status is
derived, never stored: MISSING / OUTDATED / MACHINE_TRANSLATED / UP_TO_DATE.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.i18n import CATALOGUE, META, STAFF_CATALOGUE, Catalogues
from bot.languages import CODES, SOURCE_LANGUAGE
from bot.services.content import TOPIC_IDS, ContentSnapshot
from bot.services.content_types import Problem, Status

#: Worst first: a row of several items shows the worst status among them.
_SEVERITY = (Status.MISSING, Status.OUTDATED, Status.MACHINE_TRANSLATED, Status.UP_TO_DATE)


def string_hash(text: str) -> str:
    """Hash of one German UI string, as recorded in ``ui.meta.yml``."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:10]


def worst(states: Iterable[Status]) -> Status:
    """The most urgent of several states (UP_TO_DATE when there are none)."""
    present = set(states)
    return next((s for s in _SEVERITY if s in present), Status.UP_TO_DATE)


def catalogue_status(catalogues: Catalogues, lang: str) -> dict[str, Status]:
    """Key -> derived status of ``lang``'s UI catalogue."""
    reference = catalogues.entries[SOURCE_LANGUAGE]
    own = catalogues.entries.get(lang, {})
    meta = catalogues.meta.get(lang, {})
    hashes: Mapping[str, str] = meta.get("source_hashes") or {}
    result: dict[str, Status] = {}
    for key, entry in reference.items():
        if lang == SOURCE_LANGUAGE:
            result[key] = Status.UP_TO_DATE
        elif key not in own:
            result[key] = Status.MISSING
        elif hashes.get(key) != string_hash(entry.value):
            result[key] = Status.OUTDATED
        elif meta.get("machine_translated", True) or not meta.get("reviewed", False):
            result[key] = Status.MACHINE_TRANSLATED
        else:
            result[key] = Status.UP_TO_DATE
    return result


def validate_catalogues(catalogues: Catalogues, langs: Iterable[str] = CODES) -> list[Problem]:
    """Missing keys, empty values, broken placeholders, outdated strings, syntax errors."""
    problems: list[Problem] = []
    reference = catalogues.entries[SOURCE_LANGUAGE]
    staff_where = f"translations/{SOURCE_LANGUAGE}/{STAFF_CATALOGUE}"
    if catalogues.staff is None:
        problems.append(Problem(staff_where, "missing catalogue"))
    problems += [Problem(staff_where, e) for e in catalogues.syntax_errors.get(STAFF_CATALOGUE, [])]
    for lang in langs:
        where = f"translations/{lang}/{CATALOGUE}"
        if lang not in catalogues.entries:
            problems.append(Problem(where, "missing catalogue"))
            continue
        problems += [Problem(where, e) for e in catalogues.syntax_errors.get(lang, [])]
        own = catalogues.entries[lang]
        for key, ref in reference.items():
            entry = own.get(key)
            if entry is None:
                problems.append(Problem(where, f"missing key {key}"))
                continue
            if not entry.value.replace("{}", "").strip():
                problems.append(Problem(where, f"empty value for {key}"))
            if entry.variables != ref.variables:
                problems.append(
                    Problem(
                        where,
                        f"broken placeholders in {key}: expected {sorted(ref.variables)}, "
                        f"found {sorted(entry.variables)}",
                    )
                )
        for key in own.keys() - reference.keys():
            problems.append(Problem(where, f"key {key} is not in the German catalogue"))
        if lang != SOURCE_LANGUAGE:
            outdated = [
                k for k, s in catalogue_status(catalogues, lang).items() if s is Status.OUTDATED
            ]
            if outdated:
                problems.append(
                    Problem(where, f"outdated (German changed since): {', '.join(outdated)}")
                )
    return problems


def stamp_catalogue(
    catalogues: Catalogues, lang: str, *, machine_translated: bool = True, reviewed: bool = False
) -> Path:
    """Records that ``lang``'s catalogue was translated from the current German strings."""
    reference = catalogues.entries[SOURCE_LANGUAGE]
    own = catalogues.entries.get(lang, {})
    data = {
        "machine_translated": machine_translated,
        "reviewed": reviewed,
        "source_hashes": {k: string_hash(v.value) for k, v in reference.items() if k in own},
    }
    path = catalogues.directory / lang / META
    path.write_text(
        "# Written by `lotse content stamp-ui`: the German strings this catalogue was\n"
        "# translated from. Do not edit by hand.\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    catalogues.meta[lang] = data
    return path


@dataclass(frozen=True)
class StatusOverview:
    """What ``lotse content status`` prints and the editors' dashboard shows."""

    langs: tuple[str, ...]
    #: topic id -> language -> status
    topics: dict[str, dict[str, Status]]
    #: language -> the worst status of its UI strings
    ui: dict[str, Status]
    #: language -> the worst status of its booking texts (empty without booking.yml)
    booking: dict[str, Status] = field(default_factory=dict)
    #: frequent question id ("kita/age") -> language -> status, in the editors' order
    faqs: dict[str, dict[str, Status]] = field(default_factory=dict)

    def counts(self) -> dict[Status, int]:
        """How many topic translations are in each state."""
        result = dict.fromkeys(Status, 0)
        for row in self.topics.values():
            for status in row.values():
                result[status] += 1
        return result

    def faq_topics(self) -> dict[str, dict[str, Status]]:
        """One row per topic with questions: ``"kita/* (6)"`` -> language -> worst status."""
        by_topic: dict[str, list[dict[str, Status]]] = {}
        for question_id, row in self.faqs.items():
            by_topic.setdefault(question_id.split("/", 1)[0], []).append(row)
        return {
            f"{topic}/* ({len(rows)})": {lang: worst(r[lang] for r in rows) for lang in self.langs}
            for topic, rows in by_topic.items()
        }

    def faq_counts(self) -> dict[Status, int]:
        """How many question translations are in each state."""
        result = dict.fromkeys(Status, 0)
        for row in self.faqs.values():
            for status in row.values():
                result[status] += 1
        return result


def status_overview(
    snapshot: ContentSnapshot, catalogues: Catalogues, langs: Iterable[str] = CODES
) -> StatusOverview:
    """Every topic, the UI strings, the booking texts and the frequent questions, for each of
    ``langs``, derived now."""
    chosen = tuple(langs)
    topics = {t: {lang: snapshot.status(t, lang) for lang in chosen} for t in TOPIC_IDS}
    ui = {
        lang: worst(catalogue_status(catalogues, lang).values())
        if lang in catalogues.entries
        else Status.MISSING
        for lang in chosen
    }
    booking: dict[str, Status] = {}
    if snapshot.booking is not None:
        schedule = snapshot.booking
        booking = {
            lang: worst(schedule.status(sid, lang) for sid in schedule.services) for lang in chosen
        }
    faqs = snapshot.faqs.status_table(chosen)
    return StatusOverview(chosen, topics, ui, booking, faqs)
