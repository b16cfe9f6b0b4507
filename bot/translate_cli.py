"""``lotse translate coverage`` and ``lotse translate benchmark --lang xx``.

coverage: for every curated language and every language the "another language" picker offers,
the engine that serves each direction with German (or none). Exit status 1 when a curated
language lacks one, so a deployment check can use it.

benchmark: the German sources of the topics, translated line by line by each configured engine
on its own (glossary and kept addresses as the bot does it), scored against the curated
translation with chrF (sacrebleu). The curated translations are machine-made and unreviewed
themselves: a score says how close an engine comes to them, not how good it is.
"""

from __future__ import annotations

import asyncio
import re
import sys
import time
from dataclasses import dataclass

from bot.app import build_translator
from bot.languages import BY_CODE, SOURCE_LANGUAGE
from bot.services.content import TOPIC_IDS, ContentSnapshot, load_snapshot
from bot.services.coverage import coverage
from bot.services.engines import TranslationFailed
from bot.services.translator import Translator
from bot.settings import Settings

#: A Markdown line's list marker or heading, kept out of the translation and the score.
_LEAD = re.compile(r"^(\s*(?:[-*+]|\d+[.)]|#+)\s+)?(.*)$")


def run_coverage(settings: Settings) -> int:
    """Prints the coverage table; 1 when a curated language is not served both ways."""
    translator = build_translator(settings, None)

    async def go() -> int:
        try:
            table = await coverage(translator)
        finally:
            if translator is not None:
                await translator.aclose()
        print(table.render())
        return 1 if table.unserved_curated else 0

    return asyncio.run(go())


@dataclass(frozen=True)
class Score:
    """One engine's result for one language."""

    engine: str
    route: str | None
    segments: int
    failed: int
    chrf: float | None
    seconds: float


def parallel_segments(snapshot: ContentSnapshot, lang: str) -> list[tuple[str, str]]:
    """(German, curated translation) pairs: titles, questions, options, and answer lines where
    source and translation have the same number of lines (else the whole variant)."""
    pairs: list[tuple[str, str]] = []
    for topic_id in TOPIC_IDS:
        source = snapshot.sources.get(topic_id)
        target = snapshot.translations.get(lang, {}).get(topic_id)
        if source is None or target is None or target.source_hash != source.source_hash:
            continue  # missing or outdated: not a translation of the current source
        pairs.append((source.title, target.title))
        if source.ask and target.ask:
            pairs.append((source.ask, target.ask))
        pairs += [
            (text, target.options[key])
            for key, text in source.options.items()
            if key in target.options
        ]
        for variant, german in source.body.items():
            translated = target.body.get(variant)
            if translated is None:
                continue
            de_lines = [line for line in german.split("\n") if line.strip()]
            xx_lines = [line for line in translated.split("\n") if line.strip()]
            if len(de_lines) == len(xx_lines):
                pairs += list(zip(de_lines, xx_lines, strict=True))
            else:
                pairs.append((" ".join(de_lines), " ".join(xx_lines)))
    return pairs


def _content(line: str) -> tuple[str, str]:
    match = _LEAD.match(line)
    assert match is not None
    return match.group(1) or "", match.group(2).replace("**", "")


async def _score(
    translator: Translator, lang: str, pairs: list[tuple[str, str]], keep: tuple[str, ...]
) -> Score:
    import sacrebleu

    engine = translator.engines[0]
    route = await translator.find_route(SOURCE_LANGUAGE, lang)
    if route is None:
        return Score(engine.name, None, len(pairs), 0, None, 0.0)

    async def one(german: str) -> str | None:
        try:
            return await translator.translate(_content(german)[1], SOURCE_LANGUAGE, lang, keep=keep)
        except TranslationFailed:
            return None

    started = time.monotonic()
    # Concurrently, as the bot translates an answer's lines (the translator bounds it to 4).
    results = await asyncio.gather(*(one(german) for german, _ in pairs))
    seconds = time.monotonic() - started
    kept = [(hyp, _content(ref)[1]) for hyp, (_, ref) in zip(results, pairs, strict=True) if hyp]
    hypotheses = [hyp for hyp, _ in kept]
    references = [ref for _, ref in kept]
    failed = len(pairs) - len(kept)
    chrf = sacrebleu.corpus_chrf(hypotheses, [references]).score if hypotheses else None
    return Score(engine.name, route.label, len(pairs), failed, chrf, seconds)


def run_benchmark(settings: Settings, lang: str) -> int:
    """Scores every configured engine on ``lang``'s curated translations; prints a table."""
    if lang == SOURCE_LANGUAGE or lang not in BY_CODE:
        print(f"error: {lang} is not a translated curated language", file=sys.stderr)
        return 2
    combined = build_translator(settings, None)
    if combined is None:
        print("error: no translator configured (TRANSLATORS, …)", file=sys.stderr)
        return 2
    snapshot = load_snapshot(settings.content_dir, settings.translations_dir)
    pairs = parallel_segments(snapshot, lang)
    if not pairs:
        print(f"error: no current curated translation in {lang} to compare with", file=sys.stderr)
        return 1
    offices = snapshot.offices
    keep = (offices.migrado.address, *(o.address for o in offices.offices.values()))

    async def go() -> list[Score]:
        scores = []
        for engine in combined.engines:
            # Each engine on its own, without memory: what it makes of the text today.
            alone = Translator(
                [engine],
                None,
                combined.glossary,
                timeout=combined.timeout,
                budget=combined.budget,
            )
            scores.append(await _score(alone, lang, pairs, keep))
        await combined.aclose()
        return scores

    scores = asyncio.run(go())
    print(
        f"{lang}: {len(pairs)} segments of {len(TOPIC_IDS)} topics, German source → {lang}, "
        f"chrF against the curated {lang} translations (0-100, higher is closer)"
    )
    print(f"{'engine':<10}{'route':<16}{'chrF':>7}{'failed':>8}{'seconds':>9}")
    for s in scores:
        chrf = f"{s.chrf:.1f}" if s.chrf is not None else "—"
        print(f"{s.engine:<10}{s.route or 'not served':<16}{chrf:>7}{s.failed:>8}{s.seconds:>9.1f}")
    print(
        "The curated translations are machine-made and not reviewed: a score says how close an "
        "engine comes to them, not that either is right."
    )
    return 0
