"""Frequent questions: one short German answer per question, translations, status, validation.

A question lives at ``content/faq/<topic>/<slug>.md``; its id is ``<topic>/<slug>`` (the form
Rasa's retrieval intents use, and the one the NLU is trained on). Translations live at
``translations/<lang>/faq/<topic>/<slug>.md`` and record the hash of the German question and
answer they were made from, exactly like topic translations; status is derived, never stored.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.languages import CODES, SOURCE_LANGUAGE
from bot.services.content_types import (
    ContentError,
    Problem,
    Status,
    best_current,
    split_front_matter,
)

FAQ_DIR = "faq"
#: What an answer may offer next, as buttons: a MigraDO appointment (``service`` names which
#: one in booking.yml), the welcome office of the reader's district, a person.
OFFERS = ("booking", "office", "handoff")
#: A slug becomes part of callback data: short lower-case tokens only.
_SLUG = re.compile(r"^[a-z0-9_]{1,32}$")
_ANY_BRACE = re.compile(r"[{}]")
#: Topic + slug at most this long, so a feedback button fits Telegram's 64 bytes:
#: ``fb:v1:down:q:<topic>:<slug>:<6 hex>``.
MAX_ID_CHARS = 43
#: Names and numbers that stay as they are in every translation (if the German has them).
KEPT_TERMS = (
    "MigraDO",
    "Friedensplatz 7",
    "Ausländerbehörde",
    "Jobcenter",
    "Bürgerdienste",
    "MBE",
    "JMD",
    "112",
    "116117",
    "0800 111 0 111",
    "Westerfilder Straße 11a",
    "Brackeler Hellweg",
)


def faq_hash(question: str, body: str) -> str:
    """Hash of what a translator translates: the question and the answer (metadata does not
    count: facts, sources, review date, order and offers change no translation)."""
    canonical = json.dumps(
        {"question": question.strip(), "body": body.strip()}, ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class FaqText:
    """One frequent question and its answer in one language."""

    id: str  # "<topic>/<slug>"
    lang: str
    question: str
    body: str
    source_hash: str = ""
    machine_translated: bool = False
    reviewed: bool = True
    path: Path | None = None

    @property
    def topic(self) -> str:
        """The topic the question belongs to."""
        return self.id.split("/", 1)[0]

    @property
    def slug(self) -> str:
        """The question's name within its topic."""
        return self.id.split("/", 1)[-1]


@dataclass(frozen=True)
class FaqSource(FaqText):
    """The German source of a question, with the editorial metadata."""

    order: int = 1000
    offers: tuple[str, ...] = ()
    #: The booking.yml service the ``booking`` offer books.
    service: str | None = None
    facts: tuple[Mapping[str, Any], ...] = ()
    sources: tuple[str, ...] = ()
    review_date: str | None = None

    @property
    def unverified_facts(self) -> list[str]:
        """Claims an editor still has to confirm."""
        return [str(f.get("claim")) for f in self.facts if not f.get("verified")]


def _read(path: Path, lang: str, expected_id: str) -> FaqText:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    common: dict[str, Any] = {
        "id": str(meta.get("id") or expected_id),
        "lang": lang,
        "question": str(meta.get("question") or ""),
        "body": body.strip(),
        "path": path,
    }
    if lang == SOURCE_LANGUAGE:
        offers = meta.get("offers") or []
        order = meta.get("order")
        return FaqSource(
            **common,
            source_hash=faq_hash(common["question"], common["body"]),
            machine_translated=False,
            reviewed=True,
            order=order if isinstance(order, int) else 1000,
            offers=tuple(str(o) for o in (offers if isinstance(offers, list) else [offers])),
            service=str(meta["service"]) if meta.get("service") else None,
            facts=tuple(meta.get("facts") or ()),
            sources=tuple(str(s) for s in meta.get("sources") or ()),
            review_date=str(meta["review_date"]) if meta.get("review_date") else None,
        )
    return FaqText(
        **common,
        source_hash=str(meta.get("source_hash") or ""),
        machine_translated=bool(meta.get("machine_translated", True)),
        reviewed=bool(meta.get("reviewed", False)),
    )


def _files(folder: Path) -> list[tuple[str, Path]]:
    """``(topic/slug, path)`` for every question file under a ``faq`` folder."""
    if not folder.is_dir():
        return []
    return [
        (f"{path.parent.name}/{path.stem}", path)
        for path in sorted(folder.glob("*/*.md"))
        if path.parent.is_dir()
    ]


@dataclass(frozen=True)
class FaqSet:
    """All frequent questions at one moment (part of the content snapshot)."""

    sources: Mapping[str, FaqSource] = field(default_factory=dict)
    translations: Mapping[str, Mapping[str, FaqText]] = field(default_factory=dict)
    load_problems: tuple[Problem, ...] = ()

    def ids(self, topic_id: str | None = None) -> tuple[str, ...]:
        """Question ids (of one topic), in the order the editors gave them."""
        chosen = [
            (key.split("/", 1)[0], source.order, key)
            for key, source in self.sources.items()
            if topic_id is None or key.split("/", 1)[0] == topic_id
        ]
        return tuple(key for _, _, key in sorted(chosen))

    def status(self, question_id: str, lang: str) -> Status:
        """The derived status of one question in one language."""
        source = self.sources.get(question_id)
        if lang == SOURCE_LANGUAGE:
            return Status.UP_TO_DATE if source is not None else Status.MISSING
        text = self.translations.get(lang, {}).get(question_id)
        if source is None or text is None:
            return Status.MISSING
        if text.source_hash != source.source_hash:
            return Status.OUTDATED
        if text.machine_translated or not text.reviewed:
            return Status.MACHINE_TRANSLATED
        return Status.UP_TO_DATE

    def status_table(self, langs: Iterable[str] = CODES) -> dict[str, dict[str, Status]]:
        """Question id -> language -> status."""
        langs = tuple(langs)
        return {q: {lang: self.status(q, lang) for lang in langs} for q in self.ids()}

    def text(self, question_id: str, lang: str) -> FaqText | None:
        """The best current text of a question for ``lang`` (see ``best_current``)."""
        return best_current(question_id, lang, self.sources, self.translations, self.status)

    @property
    def unverified_facts(self) -> list[str]:
        """Every claim in the questions' front matter that an editor still has to confirm."""
        return [f for s in self.sources.values() for f in s.unverified_facts]

    def validate(
        self,
        langs: Iterable[str],
        topic_ids: Iterable[str],
        services: Iterable[str] | None = None,
    ) -> list[Problem]:
        """Every problem an editor must fix before publishing.

        ``services``: the bookable services of booking.yml (None: booking.yml is unreadable,
        its own problem is reported elsewhere).
        """
        problems = list(self.load_problems)
        topics = set(topic_ids)
        known_services = set(services) if services is not None else None
        for question_id in self.ids():
            source = self.sources[question_id]
            problems += _check_source(source, topics, known_services)
            for lang in langs:
                if lang == SOURCE_LANGUAGE:
                    continue
                where = f"translations/{lang}/{FAQ_DIR}/{question_id}.md"
                status = self.status(question_id, lang)
                if status is Status.MISSING:
                    problems.append(Problem(where, "missing translation"))
                    continue
                if status is Status.OUTDATED:
                    problems.append(
                        Problem(where, "outdated: the German source changed since it was made")
                    )
                problems += _check_translation(source, self.translations[lang][question_id], where)
        for lang, texts in sorted(self.translations.items()):
            for question_id in sorted(set(texts) - set(self.sources)):
                problems.append(
                    Problem(
                        f"translations/{lang}/{FAQ_DIR}/{question_id}.md",
                        "no German source with this id (renamed or deleted?)",
                    )
                )
        return problems


def _check_source(source: FaqSource, topics: set[str], services: set[str] | None) -> list[Problem]:
    path_id = (
        f"{source.path.parent.name}/{source.path.stem}" if source.path is not None else source.id
    )
    where = f"content/{FAQ_DIR}/{path_id}.md"
    problems: list[Problem] = []
    if source.id != path_id:
        problems.append(Problem(where, f"id {source.id!r} does not match the file name"))
    topic, _, slug = path_id.partition("/")
    if topic not in topics:
        problems.append(Problem(where, f"unknown topic {topic!r}"))
    if not _SLUG.match(slug):
        problems.append(Problem(where, "the file name must be a-z, 0-9 and _ (at most 32)"))
    elif len(topic) + len(slug) > MAX_ID_CHARS:
        problems.append(
            Problem(where, f"topic and file name too long for a button (at most {MAX_ID_CHARS})")
        )
    if not source.question.strip():
        problems.append(Problem(where, "empty question"))
    if not source.body.strip():
        problems.append(Problem(where, "empty answer"))
    if _ANY_BRACE.search(source.question + source.body):
        problems.append(Problem(where, "stray brace (questions have no placeholders)"))
    for offer in source.offers:
        if offer not in OFFERS:
            problems.append(Problem(where, f"unknown offer {offer!r} (known: {', '.join(OFFERS)})"))
    if "booking" in source.offers and not source.service:
        problems.append(Problem(where, "offers booking but names no 'service'"))
    if source.service and "booking" not in source.offers:
        problems.append(Problem(where, "names a 'service' but does not offer booking"))
    if source.service and services is not None and source.service not in services:
        problems.append(Problem(where, f"unknown booking service {source.service!r}"))
    for fact in source.facts:
        if not isinstance(fact, Mapping) or not str(fact.get("claim") or "").strip():
            problems.append(Problem(where, "a fact without a claim"))
        elif fact.get("verified") and not fact.get("source"):
            problems.append(Problem(where, f"verified fact without a source: {fact['claim']}"))
    return problems


def _check_translation(source: FaqSource, text: FaqText, where: str) -> list[Problem]:
    problems: list[Problem] = []
    if text.id != source.id:
        problems.append(Problem(where, f"id {text.id!r} does not match the file name"))
    if not text.question.strip():
        problems.append(Problem(where, "empty question"))
    if not text.body.strip():
        problems.append(Problem(where, "empty answer"))
    if _ANY_BRACE.search(text.question + text.body):
        problems.append(Problem(where, "stray brace"))
    german = source.question + "\n" + source.body
    translated = text.question + "\n" + text.body
    lost = [term for term in KEPT_TERMS if term in german and term not in translated]
    if lost:
        problems.append(Problem(where, f"terms must stay as they are: {', '.join(lost)}"))
    return problems


def load_faqs(content_dir: Path, translations_dir: Path) -> FaqSet:
    """Reads every question and its translations; unreadable files become problems."""
    problems: list[Problem] = []
    sources: dict[str, FaqSource] = {}
    for question_id, path in _files(content_dir / FAQ_DIR):
        try:
            text = _read(path, SOURCE_LANGUAGE, question_id)
        except (ContentError, OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), str(exc)))
            continue
        assert isinstance(text, FaqSource)
        sources[question_id] = text
    translations: dict[str, dict[str, FaqText]] = {}
    extra = (
        sorted(p.name for p in translations_dir.iterdir() if p.is_dir() and p.name not in CODES)
        if translations_dir.is_dir()
        else []
    )
    for lang in (*CODES, *extra):
        if lang == SOURCE_LANGUAGE:
            continue
        for question_id, path in _files(translations_dir / lang / FAQ_DIR):
            try:
                translations.setdefault(lang, {})[question_id] = _read(path, lang, question_id)
            except (ContentError, OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(str(path), str(exc)))
    return FaqSet(sources, translations, tuple(problems))
