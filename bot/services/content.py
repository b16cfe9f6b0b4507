"""The content repository: German topic sources, their translations, status and validation.

German is the source of every answer (``content/topics/<id>.md``); each translation in
``translations/<lang>/topics/<id>.md`` records the hash of the German text it was made from.
Status is derived from that hash, never stored (MISSING / OUTDATED / MACHINE_TRANSLATED /
UP_TO_DATE). The repository holds one immutable snapshot and swaps it atomically on reload.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from bot.languages import CODES, SOURCE_LANGUAGE
from bot.services.content_types import (
    MISSING,
    OUTDATED,
    ContentError,
    Problem,
    Status,
    best_current,
    split_front_matter,
)
from bot.services.faq import FaqSet, load_faqs
from bot.services.offices import OfficeDirectory, load_offices
from bot.services.schedule import Schedule, ScheduleError, load_schedule

__all__ = ["ContentError", "Problem", "Status", "split_front_matter"]

#: Topic ids, in menu order (DESIGN.md contract: intent names equal these ids).
TOPIC_IDS: tuple[str, ...] = (
    "registration",
    "residence_permit",
    "language_course",
    "kita",
    "school",
    "jobcenter_benefits",
    "work_recognition",
    "health",
    "housing",
    "banking",
    "transport",
    "counselling",
)
#: The counselling topic asks for a district instead of fixed options.
COUNSELLING_VARIANTS = ("office", "no_office")
NO_VARIANT = ""

_VARIANT_MARK = re.compile(r"^<!--\s*variant:\s*([a-z0-9_]+)\s*-->\s*$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_ANY_BRACE = re.compile(r"[{}]")


@dataclass(frozen=True)
class TopicText:
    """A topic in one language: what the bot shows."""

    id: str
    lang: str
    title: str
    body: Mapping[str, str]  # variant id ("" when the topic has none) -> Markdown
    ask: str | None = None
    options: Mapping[str, str] = field(default_factory=dict)
    source_hash: str = ""
    machine_translated: bool = False
    reviewed: bool = True
    path: Path | None = None

    @property
    def variants(self) -> tuple[str, ...]:
        """The variant ids, in file order."""
        return tuple(self.body)


@dataclass(frozen=True)
class TopicSource(TopicText):
    """The German source of a topic, with the editorial metadata."""

    facts: tuple[Mapping[str, Any], ...] = ()
    sources: tuple[str, ...] = ()
    review_date: str | None = None
    #: Hashes of earlier versions this text only corrects (a typo, a comma): front matter
    #: ``minor_edit_of``. A translation made from one of them is still current. A change that
    #: alters the meaning empties the list, so every translation becomes OUTDATED.
    minor_edit_of: tuple[str, ...] = ()

    def is_current(self, made_from: str) -> bool:
        """True when a translation made from the source with hash ``made_from`` is current."""
        return made_from == self.source_hash or (
            bool(made_from) and made_from in self.minor_edit_of
        )

    @property
    def unverified_facts(self) -> list[str]:
        """Claims an editor still has to confirm."""
        return [str(f.get("claim")) for f in self.facts if not f.get("verified")]


@dataclass(frozen=True)
class Answer:
    """A rendered-ready answer: Markdown text in ``lang`` and what it is made of."""

    topic_id: str
    variant: str
    lang: str
    title: str
    markdown: str
    machine_translated: bool


def source_hash(
    title: str, ask: str | None, options: Mapping[str, str], body: Mapping[str, str]
) -> str:
    """Hash of what a translator translates; metadata (facts, review date) does not count."""
    canonical = json.dumps(
        {
            "title": title.strip(),
            "ask": (ask or "").strip(),
            "options": {k: v.strip() for k, v in options.items()},
            "body": {k: v.strip() for k, v in body.items()},
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def split_variants(body: str) -> dict[str, str]:
    """Splits a body at ``<!-- variant: x -->`` marks; no marks means one unnamed variant."""
    marks = list(_VARIANT_MARK.finditer(body))
    if not marks:
        return {NO_VARIANT: body.strip()}
    variants: dict[str, str] = {}
    preamble = body[: marks[0].start()].strip()
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        text = body[mark.end() : end].strip()
        variants[mark.group(1)] = f"{preamble}\n\n{text}".strip() if preamble else text
    return variants


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders a text uses."""
    return set(_PLACEHOLDER.findall(text))


def _read_topic(path: Path, lang: str) -> TopicText | TopicSource:
    return parse_topic(path.read_text(encoding="utf-8"), path, lang)


def parse_topic(text: str, path: Path, lang: str) -> TopicText | TopicSource:
    """A topic file's text as a German source (``lang`` de) or a translation."""
    meta, body = split_front_matter(text, path)
    variants = split_variants(body)
    options = {str(k): str(v) for k, v in (meta.get("options") or {}).items()}
    common: dict[str, Any] = {
        "id": str(meta.get("id") or path.stem),
        "lang": lang,
        "title": str(meta.get("title") or ""),
        "ask": str(meta["ask"]) if meta.get("ask") else None,
        "options": options,
        "body": variants,
        "path": path,
    }
    if lang == SOURCE_LANGUAGE:
        return TopicSource(
            **common,
            source_hash=source_hash(common["title"], common["ask"], options, variants),
            machine_translated=False,
            reviewed=True,
            facts=tuple(meta.get("facts") or ()),
            sources=tuple(str(s) for s in meta.get("sources") or ()),
            review_date=str(meta["review_date"]) if meta.get("review_date") else None,
            minor_edit_of=tuple(str(h) for h in meta.get("minor_edit_of") or ()),
        )
    return TopicText(
        **common,
        source_hash=str(meta.get("source_hash") or ""),
        machine_translated=bool(meta.get("machine_translated", True)),
        reviewed=bool(meta.get("reviewed", False)),
    )


@dataclass(frozen=True)
class ContentSnapshot:
    """Everything loaded from disk at one moment. Immutable; replaced whole on reload."""

    sources: Mapping[str, TopicSource]
    translations: Mapping[str, Mapping[str, TopicText]]  # lang -> topic id -> text
    offices: OfficeDirectory
    #: MigraDO's bookable services and hours (``booking.yml``); None when it cannot be read.
    booking: Schedule | None = None
    load_problems: tuple[Problem, ...] = ()
    #: The frequent questions under the topics (``content/faq/<topic>/<slug>.md``).
    faqs: FaqSet = field(default_factory=FaqSet)

    def status(self, topic_id: str, lang: str) -> Status:
        """The derived status of one topic in one language."""
        if lang == SOURCE_LANGUAGE:
            return Status.UP_TO_DATE if topic_id in self.sources else Status.MISSING
        source = self.sources.get(topic_id)
        text = self.translations.get(lang, {}).get(topic_id)
        if source is None or text is None:
            return Status.MISSING
        if not source.is_current(text.source_hash):
            return Status.OUTDATED
        if text.machine_translated or not text.reviewed:
            return Status.MACHINE_TRANSLATED
        return Status.UP_TO_DATE

    def status_table(self, langs: Iterable[str] = CODES) -> dict[str, dict[str, Status]]:
        """Topic id -> language -> status, for every topic id the bot knows."""
        langs = tuple(langs)
        return {t: {lang: self.status(t, lang) for lang in langs} for t in TOPIC_IDS}

    def text(self, topic_id: str, lang: str) -> TopicText | None:
        """The best current text of a topic for ``lang`` (see ``best_current``)."""
        return best_current(topic_id, lang, self.sources, self.translations, self.status)

    def answer(
        self, topic_id: str, lang: str, variant: str = NO_VARIANT, **values: str
    ) -> Answer | None:
        """The answer for a topic variant in ``lang`` (or its fallback), placeholders filled."""
        text = self.text(topic_id, lang)
        if text is None or variant not in text.body:
            return None
        markdown = _PLACEHOLDER.sub(
            lambda m: values.get(m.group(1), m.group(0)), text.body[variant]
        )
        return Answer(
            topic_id=topic_id,
            variant=variant,
            lang=text.lang,
            title=text.title,
            markdown=markdown,
            machine_translated=text.machine_translated,
        )

    def topic_keys(self) -> set[str]:
        """Every topic id and ``topic:variant`` an answer can be (for references to answers)."""
        keys: set[str] = set()
        for topic_id, source in self.sources.items():
            keys.add(topic_id)
            keys.update(f"{topic_id}:{v}" for v in source.variants if v)
        return keys

    def validate(self, langs: Iterable[str] = CODES) -> list[Problem]:
        """Every problem an editor must fix before publishing."""
        problems = list(self.load_problems)
        problems += [Problem("offices.yml", p) for p in self.offices.problems]
        if self.booking is not None:
            problems += self.booking.validate(langs, self.topic_keys())
            if self.booking.office_id not in {self.offices.migrado.id, *self.offices.offices}:
                problems.append(
                    Problem("content/booking.yml", f"unknown office {self.booking.office_id!r}")
                )
        for topic_id in TOPIC_IDS:
            source = self.sources.get(topic_id)
            if source is None:
                problems.append(Problem(f"content/topics/{topic_id}.md", "missing"))
                continue
            problems += _check_source(source)
            for lang in langs:
                if lang == SOURCE_LANGUAGE:
                    continue
                where = f"translations/{lang}/topics/{topic_id}.md"
                status = self.status(topic_id, lang)
                if status is Status.MISSING:
                    problems.append(Problem(where, "missing translation", MISSING))
                    continue
                found = _check_translation(source, self.translations[lang][topic_id], where)
                if status is Status.OUTDATED:
                    problems.append(
                        Problem(
                            where, "outdated: the German source changed since it was made", OUTDATED
                        )
                    )
                    # Never shown (the bot falls back), so what no longer fits is translation work.
                    found = [replace(p, kind=OUTDATED) for p in found]
                problems += found
        services = tuple(self.booking.services) if self.booking is not None else None
        problems += self.faqs.validate(langs, TOPIC_IDS, services)
        return problems


def _check_source(source: TopicSource) -> list[Problem]:
    where = f"content/topics/{source.id}.md"
    problems: list[Problem] = []
    if not source.title:
        problems.append(Problem(where, "empty title"))
    if source.id == "counselling":
        if set(source.body) != set(COUNSELLING_VARIANTS):
            problems.append(Problem(where, f"variants must be {', '.join(COUNSELLING_VARIANTS)}"))
        if not source.ask:
            problems.append(Problem(where, "counselling must ask for the district"))
    elif source.options:
        if not source.ask:
            problems.append(Problem(where, "options without 'ask'"))
        if set(source.body) != set(source.options):
            problems.append(
                Problem(
                    where, f"variants {sorted(source.body)} != options {sorted(source.options)}"
                )
            )
    elif set(source.body) != {NO_VARIANT}:
        problems.append(Problem(where, "variants without options"))
    for variant, text in source.body.items():
        if not text.strip():
            problems.append(Problem(where, f"variant {variant or '(main)'} is empty"))
        if _ANY_BRACE.sub("", _PLACEHOLDER.sub("", text)) != _PLACEHOLDER.sub("", text):
            problems.append(Problem(where, f"stray brace in variant {variant or '(main)'}"))
    return problems


def _check_translation(source: TopicSource, text: TopicText, where: str) -> list[Problem]:
    problems: list[Problem] = []
    if text.id != source.id:
        problems.append(Problem(where, f"id {text.id!r} does not match the file name"))
    if not text.title.strip():
        problems.append(Problem(where, "empty title"))
    if bool(source.ask) != bool(text.ask):
        problems.append(Problem(where, "'ask' missing or extra"))
    if set(text.options) != set(source.options):
        problems.append(
            Problem(where, f"options {sorted(text.options)} != {sorted(source.options)}")
        )
    for key, label in text.options.items():
        if not label.strip():
            problems.append(Problem(where, f"option {key} is empty"))
    if set(text.body) != set(source.body):
        problems.append(Problem(where, f"variants {sorted(text.body)} != {sorted(source.body)}"))
    for variant, body in text.body.items():
        name = variant or "(main)"
        if not body.strip():
            problems.append(Problem(where, f"variant {name} is empty"))
        expected = placeholders(source.body.get(variant, ""))
        found = placeholders(body)
        if expected != found:
            problems.append(
                Problem(
                    where,
                    f"broken placeholders in variant {name}: expected {sorted(expected)}, "
                    f"found {sorted(found)}",
                )
            )
        if _ANY_BRACE.search(_PLACEHOLDER.sub("", body)):
            problems.append(Problem(where, f"stray brace in variant {name}"))
    return problems


def load_snapshot(content_dir: Path, translations_dir: Path) -> ContentSnapshot:
    """Reads all topics and translations from disk into a new snapshot."""
    topics_dir = content_dir / "topics"
    if not topics_dir.is_dir():
        raise ContentError(f"{topics_dir} does not exist")
    problems: list[Problem] = []
    sources: dict[str, TopicSource] = {}
    for path in sorted(topics_dir.glob("*.md")):
        try:
            topic = _read_topic(path, SOURCE_LANGUAGE)
        except (ContentError, OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), str(exc)))
            continue
        assert isinstance(topic, TopicSource)
        if path.stem not in TOPIC_IDS:
            problems.append(Problem(str(path), f"unknown topic id {path.stem!r}"))
            continue
        sources[path.stem] = topic
    translations: dict[str, dict[str, TopicText]] = {}
    # The twelve curated languages, and any other language an editor has files for.
    extra = sorted(p.name for p in translations_dir.iterdir() if p.is_dir() and p.name not in CODES)
    for lang in (*CODES, *extra):
        lang_dir = translations_dir / lang / "topics"
        if lang == SOURCE_LANGUAGE or not lang_dir.is_dir():
            continue
        for path in sorted(lang_dir.glob("*.md")):
            try:
                translations.setdefault(lang, {})[path.stem] = _read_topic(path, lang)
            except (ContentError, OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(str(path), str(exc)))
    offices = load_offices(content_dir / "offices.yml")
    booking: Schedule | None = None
    try:
        booking = load_schedule(content_dir, translations_dir)
    except ScheduleError as exc:
        problems.append(Problem("content/booking.yml", str(exc)))
    faqs = load_faqs(content_dir, translations_dir)
    return ContentSnapshot(sources, translations, offices, booking, tuple(problems), faqs)


def prepare_snapshot(
    content_dir: Path, translations_dir: Path
) -> tuple[ContentSnapshot | None, list[Problem]]:
    """Loads a snapshot to install; None (with the reasons) when it must not replace the old one.

    Outdated or missing translations do not block (the bot falls back to another language for
    them); unreadable files, missing topics and a broken office list or schedule do.
    """
    try:
        fresh = load_snapshot(content_dir, translations_dir)
    except (ContentError, OSError, yaml.YAMLError) as exc:
        return None, [Problem("content", str(exc))]
    blocking = [*fresh.load_problems, *fresh.faqs.load_problems]
    blocking += [Problem("offices.yml", p) for p in fresh.offices.problems]
    blocking += [Problem(t, "missing") for t in TOPIC_IDS if t not in fresh.sources]
    if fresh.booking is not None:
        blocking += [Problem("content/booking.yml", p) for p in fresh.booking.problems]
    if blocking:
        return None, blocking
    return fresh, fresh.validate()


class ContentRepository:
    """Holds the current content snapshot; ``reload()`` swaps in a new one if it is valid."""

    def __init__(self, content_dir: Path, translations_dir: Path) -> None:
        self.content_dir = content_dir
        self.translations_dir = translations_dir
        self._snapshot = load_snapshot(content_dir, translations_dir)
        #: The published version (``lotse editor``, ``lotse content reload``) in use; None
        #: while the answers come from the files the process started with.
        self.version: int | None = None

    @property
    def current(self) -> ContentSnapshot:
        """The snapshot in use now. Hold on to it for the length of one reply."""
        return self._snapshot

    def install(
        self,
        snapshot: ContentSnapshot,
        content_dir: Path,
        translations_dir: Path,
        version: int | None = None,
    ) -> None:
        """Makes a prepared snapshot the current one (one assignment: replies in flight keep
        the snapshot they hold)."""
        self.content_dir = content_dir
        self.translations_dir = translations_dir
        self.version = version
        self._snapshot = snapshot

    def reload(self) -> list[Problem]:
        """Loads the files again; keeps the old content when the new one has load errors.

        Returns the problems found. Outdated or missing translations do not block a reload
        (the bot falls back to another language for them); unreadable files do.
        """
        fresh, problems = prepare_snapshot(self.content_dir, self.translations_dir)
        if fresh is not None:
            self.install(fresh, self.content_dir, self.translations_dir, self.version)
        return problems
