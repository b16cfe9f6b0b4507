"""Answers and UI strings in languages beyond the twelve: machine-translated from the German
source (answers) or the English catalogue (UI), on the fly, remembered, marked as machine-made.

When the translator cannot be reached, the answer comes in the best curated fallback — the
user's second language, else English, else German — and the caller says why in one sentence.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.i18n import Catalogues
from bot.languages import BY_CODE, SOURCE_LANGUAGE
from bot.services.content import Answer, ContentSnapshot, TopicSource, TopicText
from bot.services.faq import FaqText
from bot.services.translator import TranslationFailed, Translator

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|\{\$[a-z_]+\}")
_LINE = re.compile(r"^(\s*(?:[-*]\s+)?)(.*?)\s*$")


@dataclass(frozen=True)
class Localized:
    """A text for the user, and the curated language it fell back to (None: no fallback)."""

    text: TopicText | None
    fell_back_to: str | None = None


def fallback_language(second_language: str | None) -> str:
    """The best curated language when machine translation is not available."""
    if second_language in BY_CODE:
        return str(second_language)
    return "en"


class Localizer:
    """Translates topics and UI catalogues into languages the content does not curate."""

    def __init__(
        self,
        translator: Translator,
        content: Callable[[], ContentSnapshot],
        catalogues: Callable[[], Catalogues],
    ) -> None:
        self.translator = translator
        self._content = content
        self._catalogues = catalogues
        self._ui_locks: dict[str, asyncio.Lock] = {}

    def _keep(self) -> tuple[str, ...]:
        """Addresses and names that never go through the translator."""
        offices = self._content().offices
        keep = [offices.migrado.address, "Friedensplatz 7"]
        keep += [o.address for o in offices.offices.values()]
        return tuple(keep)

    async def _line(self, line: str, target: str, keep: tuple[str, ...]) -> str:
        """Translates one Markdown line, keeping its list marker and a bold wrapper."""
        match = _LINE.match(line)
        if not match or not match.group(2).strip():
            return line
        lead, content = match.groups()
        bold = content.startswith("**") and content.endswith("**") and len(content) > 4
        inner = content[2:-2] if bold else content
        keep = (*keep, *_PLACEHOLDER.findall(inner))
        translated = await self.translator.translate(inner, SOURCE_LANGUAGE, target, keep=keep)
        return f"{lead}**{translated.strip()}**" if bold else f"{lead}{translated}"

    async def _markdown(self, text: str, target: str) -> str:
        keep = self._keep()
        lines = text.split("\n")
        translated = await asyncio.gather(*(self._line(line, target, keep) for line in lines))
        return "\n".join(translated)

    async def topic(
        self,
        topic_id: str,
        lang: str,
        second_language: str | None,
        variants: tuple[str, ...] | None = None,
    ) -> Localized:
        """The topic in ``lang``: curated, else machine-translated, else a curated fallback.

        ``variants``: the answer variants to translate (None: all; ``()``: none, for asking the
        topic's question), so a cold answer costs only the calls it needs.
        """
        snapshot = self._content()
        if lang in BY_CODE:
            return Localized(snapshot.text(topic_id, lang))
        source = snapshot.sources.get(topic_id)
        if source is None:
            return Localized(None)
        stored = snapshot.translations.get(lang, {}).get(topic_id)
        if stored is not None and source.is_current(stored.source_hash):
            return Localized(stored)  # written by `lotse content translate`, maybe reviewed
        try:
            text = await self.translate_source(source, lang, variants)
        except TranslationFailed as exc:
            fallback = fallback_language(second_language)
            log.warning(
                "translation into %s failed (%s): answering in %s",
                lang,
                type(exc).__name__,
                fallback,
            )
            return Localized(snapshot.text(topic_id, fallback), fell_back_to=fallback)
        return Localized(text)

    async def translate_source(
        self, source: TopicSource, lang: str, variants: tuple[str, ...] | None = None
    ) -> TopicText:
        """A machine translation of a German source into ``lang`` (glossary applied, addresses
        and placeholders kept); TranslationFailed when the translator cannot be had."""
        wanted = [v for v in source.body if variants is None or v in variants]
        title, ask, *rest = await asyncio.gather(
            self.translator.translate(source.title, SOURCE_LANGUAGE, lang),
            self.translator.translate(source.ask or "", SOURCE_LANGUAGE, lang),
            *(self.translator.translate(v, SOURCE_LANGUAGE, lang) for v in source.options.values()),
            *(self._markdown(source.body[v], lang) for v in wanted),
        )
        options = dict(zip(source.options, rest[: len(source.options)], strict=True))
        body = dict(zip(wanted, rest[len(source.options) :], strict=True))
        return TopicText(
            id=source.id,
            lang=lang,
            title=title,
            ask=ask or None,
            options=options,
            body=body,
            source_hash=source.source_hash,
            machine_translated=True,
            reviewed=False,
        )

    async def answer(
        self, topic_id: str, lang: str, variant: str, second_language: str | None, **values: str
    ) -> tuple[Answer | None, str | None]:
        """The answer in ``lang`` (or a fallback) and the fallback language used, if any."""
        localized = await self.topic(topic_id, lang, second_language, (variant,))
        text = localized.text
        if text is None or variant not in text.body:
            return None, localized.fell_back_to
        markdown = _PLACEHOLDER.sub(
            lambda m: values.get(m.group(0)[1:-1], m.group(0)), text.body[variant]
        )
        answer = Answer(topic_id, variant, text.lang, text.title, markdown, text.machine_translated)
        return answer, localized.fell_back_to

    def ui_ready(self, lang: str) -> bool:
        """True when ``lang``'s UI strings are at hand (curated, or translated already)."""
        return lang in BY_CODE or lang in self._catalogues().overlay

    async def translate_faq(
        self, question_id: str, lang: str, *, with_answer: bool = True
    ) -> FaqText | None:
        """A frequent question machine-translated from its German source (raises
        ``TranslationFailed``); None when there is no such question. Without the answer (for
        a button) the body stays empty."""
        source = self._content().faqs.sources.get(question_id)
        if source is None:
            return None
        question, body = await asyncio.gather(
            self.translator.translate(source.question, SOURCE_LANGUAGE, lang),
            self._markdown(source.body, lang) if with_answer else _nothing(),
        )
        return FaqText(
            id=question_id,
            lang=lang,
            question=question,
            body=body,
            source_hash=source.source_hash,
            machine_translated=True,
            reviewed=False,
        )

    async def faq(
        self,
        question_id: str,
        lang: str,
        second_language: str | None,
        *,
        with_answer: bool = True,
    ) -> tuple[FaqText | None, str | None]:
        """A frequent question in ``lang`` (curated, else machine-translated, else a curated
        fallback) and the fallback language used, if any. ``with_answer=False``: the question
        alone is translated (for buttons)."""
        faqs = self._content().faqs
        if lang in BY_CODE:
            return faqs.text(question_id, lang), None
        source = faqs.sources.get(question_id)
        stored = faqs.translations.get(lang, {}).get(question_id)
        if source is not None and stored is not None and stored.source_hash == source.source_hash:
            return stored, None  # written by `lotse content translate`, maybe reviewed
        try:
            return await self.translate_faq(question_id, lang, with_answer=with_answer), None
        except TranslationFailed as exc:
            fallback = fallback_language(second_language)
            log.warning(
                "translation into %s failed (%s): answering in %s",
                lang,
                type(exc).__name__,
                fallback,
            )
            return faqs.text(question_id, fallback), fallback

    async def ensure_ui(self, lang: str) -> bool:
        """Machine-translates the UI catalogue into ``lang`` once; False if that failed."""
        catalogues = self._catalogues()
        if lang in BY_CODE or lang in catalogues.overlay:
            return True
        lock = self._ui_locks.setdefault(lang, asyncio.Lock())
        async with lock:
            if lang in catalogues.overlay:
                return True
            templates = catalogues.source_templates("en")
            try:
                values = await asyncio.gather(
                    *(
                        self.translator.translate(
                            text,
                            "en",
                            lang,
                            explain_terms=False,
                            keep=tuple(_PLACEHOLDER.findall(text)),
                        )
                        for text in templates.values()
                    )
                )
            except TranslationFailed as exc:
                log.warning(
                    "UI strings could not be translated into %s (%s)", lang, type(exc).__name__
                )
                return False
            catalogues.overlay[lang] = dict(zip(templates, values, strict=True))
            return True


async def _nothing() -> str:
    return ""
