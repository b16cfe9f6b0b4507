"""``lotse content translate --lang xx [--missing|--outdated]``: machine translations for editors.

Writes ``translations/<lang>/topics/<id>.md`` and ``translations/<lang>/faq/<topic>/<slug>.md``
from the German source through the configured translator (glossary applied, addresses kept),
marked ``machine_translated: true`` and
``reviewed: false`` with the source hash, so ``lotse content status`` shows MACHINE_TRANSLATED
until a person reviews them.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import yaml
from tqdm import tqdm

from bot.app import build_translator
from bot.languages import SOURCE_LANGUAGE
from bot.services.content import NO_VARIANT, TOPIC_IDS, Status, load_snapshot
from bot.services.faq import FAQ_DIR, FaqText
from bot.services.localize import Localizer
from bot.services.schedule import load_schedule
from bot.services.translator import TranslationFailed, Translator
from bot.settings import Settings


def render_translation(
    topic_id: str,
    lang: str,
    source_hash: str,
    title: str,
    ask: str | None,
    options: dict[str, str],
    body: dict[str, str],
) -> str:
    """The file text of one translation."""
    meta: dict[str, object] = {
        "id": topic_id,
        "lang": lang,
        "source_hash": source_hash,
        "machine_translated": True,
        "reviewed": False,
        "title": title,
    }
    if ask:
        meta["ask"] = ask
    if options:
        meta["options"] = options
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    if list(body) == [NO_VARIANT]:
        text = body[NO_VARIANT]
    else:
        text = "\n\n".join(f"<!-- variant: {v} -->\n{b}" for v, b in body.items())
    return f"---\n{front}---\n{text.strip()}\n"


def render_faq_translation(text: FaqText) -> str:
    """The file text of one translated frequent question."""
    meta: dict[str, object] = {
        "id": text.id,
        "lang": text.lang,
        "source_hash": text.source_hash,
        "machine_translated": text.machine_translated,
        "reviewed": text.reviewed,
        "question": text.question,
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{text.body.strip()}\n"


async def _translate_faqs(
    settings: Settings, localizer: Localizer, lang: str, todo: list[str]
) -> int:
    """Writes the frequent questions in ``todo``; returns how many failed."""
    failed = 0
    for question_id in tqdm(todo, desc=f"questions into {lang}", unit="question"):
        try:
            text = await localizer.translate_faq(question_id, lang)
        except TranslationFailed as exc:
            tqdm.write(f"{question_id}: {exc}")
            failed += 1
            continue
        assert text is not None  # every id in todo has a source
        path = Path(settings.translations_dir) / lang / FAQ_DIR / f"{question_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_faq_translation(text), encoding="utf-8")
    print(
        f"{len(todo) - failed} frequent question(s) written to translations/{lang}/{FAQ_DIR}, "
        f"{failed} failed"
    )
    return failed


async def _translate(settings: Settings, lang: str, which: set[Status]) -> int:
    translator = build_translator(settings, None)
    if translator is None:
        print(
            "error: no translator configured (TRANSLATORS, LIBRETRANSLATE_URL, NLLB_URL, …)",
            file=sys.stderr,
        )
        return 2
    snapshot = load_snapshot(settings.content_dir, settings.translations_dir)
    todo = [t for t in TOPIC_IDS if t in snapshot.sources and snapshot.status(t, lang) in which]
    schedule = snapshot.booking
    services = (
        [s for s in schedule.services if schedule.status(s, lang) in which] if schedule else []
    )
    faq_todo = [q for q in snapshot.faqs.ids() if snapshot.faqs.status(q, lang) in which]
    if not todo and not services and not faq_todo:
        print(f"nothing to translate for {lang}")
        return 0
    failed_services = await _translate_services(settings, translator, lang, services)
    from bot.i18n import Catalogues

    catalogues = Catalogues.load(settings.translations_dir)
    localizer = Localizer(translator, lambda: snapshot, lambda: catalogues)
    failed = 0
    for topic_id in tqdm(todo, desc=f"translating into {lang}", unit="topic"):
        source = snapshot.sources[topic_id]
        try:
            localized = await localizer.topic(topic_id, f"{lang}", None)
            if localized.fell_back_to or localized.text is None:
                raise TranslationFailed("translator unavailable")
        except TranslationFailed as exc:
            tqdm.write(f"{topic_id}: {exc}")
            failed += 1
            continue
        text = localized.text
        path = Path(settings.translations_dir) / lang / "topics" / f"{topic_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            render_translation(
                topic_id,
                lang,
                source.source_hash,
                text.title,
                text.ask,
                dict(text.options),
                dict(text.body),
            ),
            encoding="utf-8",
        )
    print(f"{len(todo) - failed} topic(s) written to translations/{lang}/topics, {failed} failed")
    if services:
        print(
            f"{len(services) - failed_services} booking service(s) written to "
            f"translations/{lang}/booking.yml, {failed_services} failed"
        )
    failed_faqs = await _translate_faqs(settings, localizer, lang, faq_todo) if faq_todo else 0
    return 1 if failed or failed_services or failed_faqs else 0


async def _translate_services(
    settings: Settings, translator: Translator, lang: str, service_ids: list[str]
) -> int:
    """Writes the names and checklists of MigraDO's services into ``<lang>/booking.yml``."""
    if not service_ids:
        return 0
    schedule = load_schedule(settings.content_dir, settings.translations_dir)
    path = Path(settings.translations_dir) / lang / "booking.yml"
    existing: dict[str, Any] = {}
    if path.is_file():
        existing = dict(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    entries: dict[str, Any] = dict(existing.get("services") or {})
    failed = 0
    for service_id in tqdm(service_ids, desc=f"booking services into {lang}", unit="service"):
        service = schedule.services[service_id]
        try:
            name, short, *bring = [
                await translator.translate(text, SOURCE_LANGUAGE, lang)
                for text in (service.name, service.short, *service.bring)
            ]
        except TranslationFailed as exc:
            tqdm.write(f"{service_id}: {exc}")
            failed += 1
            continue
        entries[service_id] = {
            "source_hash": service.source_hash,
            "short": short,
            "name": name,
            "bring": bring,
        }
    data = {"machine_translated": True, "reviewed": False, "services": entries}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Written by `lotse content translate`: machine-made, not reviewed.\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8",
    )
    return failed


def translate(settings: Settings, lang: str, *, missing: bool, outdated: bool) -> int:
    """Entry point of the command; without flags, both missing and outdated are translated."""
    which: set[Status] = set()
    if missing or not (missing or outdated):
        which.add(Status.MISSING)
    if outdated or not (missing or outdated):
        which.add(Status.OUTDATED)
    return asyncio.run(_translate(settings, lang, which))
