"""Machine translation: an engine per language pair, bounded in time, retried, remembered.

The translator knows the configured engines in order (``TRANSLATORS=libre,nllb``) and routes
each (source, target) pair to the first engine that serves it — directly, or through English
where the engine has only X↔English — as the engines' own language lists say (fetched once,
kept an hour; an engine that cannot be reached is skipped). Every call chain of ``translate``
(routing, retries with backoff, both hops of a pivot, glossary explanations) stays within a time
budget; each attempt is also bounded by ``timeout``. 429, 5xx and network errors are retried;
everything else fails fast as ``TranslationFailed`` and the flows fall back to a curated language.
Every result is kept in a translation memory in Redis whose key names the engine (and pivot)
that produced it: ``lotse:tm:<engine>:<from>:<to>:<hash>``. German office words pass through the
glossary.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.services.engines import (
    Engine,
    LanguageTable,
    NoEngine,
    Retryable,
    TranslationFailed,
)
from bot.services.glossary import Glossary

__all__ = ["NoEngine", "Route", "TranslationFailed", "Translator"]

log = logging.getLogger(__name__)

#: The language an engine with only X↔English models pivots through.
PIVOT = "en"


@dataclass(frozen=True)
class Route:
    """Which engine translates a pair, and through which language if not directly."""

    engine: Engine
    via: str | None = None

    @property
    def label(self) -> str:
        """``nllb``, or ``libre via en``."""
        return self.engine.name if self.via is None else f"{self.engine.name} via {self.via}"

    @property
    def memory_name(self) -> str:
        """The engine part of a translation-memory key (``libre``, ``libre+en``)."""
        return self.engine.name if self.via is None else f"{self.engine.name}+{self.via}"


@dataclass
class Translator:
    """Async translation over engines in order, with memory, glossary, budget and retries."""

    engines: Sequence[Engine]
    redis: Redis | None = None
    glossary: Glossary = field(default_factory=lambda: Glossary([]))
    #: Bound of one attempt (one HTTP call), seconds.
    timeout: float = 8.0
    attempts: int = 3
    backoff: float = 0.5
    #: Default bound of a whole ``translate`` call chain, seconds (a caller may pass less).
    budget: float = 20.0
    memory_ttl_seconds: int = 90 * 86_400
    max_concurrency: int = 4
    min_interval: float = 0.0
    #: How long an engine's language list is kept; how soon a failed fetch is tried again.
    table_ttl: float = 3600.0
    table_retry: float = 30.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    calls: int = 0
    hits: int = 0
    _semaphore: asyncio.Semaphore | None = None
    _last_call: float = 0.0
    _local: dict[str, str] = field(default_factory=dict)
    _tables: dict[str, tuple[LanguageTable | None, float]] = field(default_factory=dict)
    _table_locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    # -- routing -------------------------------------------------------------------------------

    @staticmethod
    def _now() -> float:
        return asyncio.get_running_loop().time()

    def _deadline(self, budget: float | None) -> float:
        return self._now() + (self.budget if budget is None else budget)

    async def table(self, engine: Engine, deadline: float | None = None) -> LanguageTable | None:
        """The engine's languages (cached), or None when it has not been reachable."""
        now = self._now()
        cached = self._tables.get(engine.name)
        if cached is not None and cached[1] > now:
            return cached[0]
        lock = self._table_locks.setdefault(engine.name, asyncio.Lock())
        async with lock:
            cached = self._tables.get(engine.name)
            if cached is not None and cached[1] > self._now():
                return cached[0]
            stale = cached[0] if cached is not None else None
            limit = self.timeout if deadline is None else min(self.timeout, deadline - self._now())
            if limit <= 0:
                return stale
            try:
                async with asyncio.timeout(limit):
                    table = await engine.languages(limit)
            except (TranslationFailed, TimeoutError) as exc:
                log.warning("translation engine %s: no language list (%s)", engine.name, exc)
                self._tables[engine.name] = (stale, self._now() + self.table_retry)
                return stale
            self._tables[engine.name] = (table, self._now() + self.table_ttl)
            return table

    async def route(self, source: str, target: str, deadline: float | None = None) -> Route:
        """The first engine (in configured order) that serves ``source`` → ``target``.

        Raises ``NoEngine`` when every engine answered and none serves the pair, and
        ``TranslationFailed`` when none serves it among those that could be reached.
        """
        unreachable: list[str] = []
        for engine in self.engines:
            table = await self.table(engine, deadline)
            if table is None:
                unreachable.append(engine.name)
                continue
            if table.serves(source, target):
                return Route(engine)
            if (
                PIVOT not in (source, target)
                and table.serves(source, PIVOT)
                and table.serves(PIVOT, target)
            ):
                return Route(engine, PIVOT)
        if unreachable:
            raise TranslationFailed(f"no language list from {', '.join(unreachable)}")
        raise NoEngine(f"no engine translates {source}→{target}")

    async def find_route(self, source: str, target: str) -> Route | None:
        """The route for a pair, or None (no engine serves it, or none could be reached)."""
        try:
            return await self.route(source, target)
        except TranslationFailed:
            return None

    async def languages(self, partner: str = "de") -> dict[str, str]:
        """Languages served both ways with ``partner`` (code -> English name): what the
        "another language" picker may offer. ``TranslationFailed`` when no engine answers."""
        tables = [await self.table(engine) for engine in self.engines]
        if self.engines and all(t is None for t in tables):
            raise TranslationFailed("no translation engine could be reached")
        names: dict[str, str] = {}
        for table in tables:
            for code, name in (table.names if table else {}).items():
                names.setdefault(code, name)
        served: dict[str, str] = {}
        for code, name in names.items():
            if code == partner:
                continue
            if await self.find_route(partner, code) and await self.find_route(code, partner):
                served[code] = name
        return served

    # -- translating ---------------------------------------------------------------------------

    def _key(self, route: Route, text: str, source: str, target: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
        return f"lotse:tm:{route.memory_name}:{source}:{target}:{digest}"

    async def _remembered(self, key: str) -> str | None:
        if key in self._local:
            return self._local[key]
        if self.redis is None:
            return None
        try:
            raw = await self.redis.get(key)
        except RedisError:
            log.warning("translation memory unreachable", exc_info=True)
            return None
        return raw.decode("utf-8") if isinstance(raw, bytes) else raw

    async def _remember(self, key: str, value: str) -> None:
        if len(self._local) > 5000:
            self._local.clear()
        self._local[key] = value
        if self.redis is not None:
            try:
                await self.redis.set(key, value, ex=self.memory_ttl_seconds)
            except RedisError:
                log.warning("translation memory unreachable", exc_info=True)

    async def _call(
        self, engine: Engine, text: str, source: str, target: str, deadline: float
    ) -> str:
        """One engine call with retries, backoff and rate limit, all before ``deadline``."""
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.max_concurrency)
        last: TranslationFailed | None = None
        for attempt in range(self.attempts):
            async with self._semaphore:
                wait = self._last_call + self.min_interval - time.monotonic()
                if wait > 0:
                    await self.sleep(wait)
                self._last_call = time.monotonic()
                limit = min(self.timeout, deadline - self._now())
                if limit <= 0:
                    break
                self.calls += 1
                try:
                    async with asyncio.timeout(limit):
                        result = await engine.translate(text, source, target, limit)
                except TimeoutError:
                    last = Retryable(f"{engine.name}: no answer in time")
                except Retryable as exc:
                    last = exc
                else:
                    if text.strip() and not result.strip():
                        raise TranslationFailed(f"{engine.name}: empty translation")
                    return result
            if attempt + 1 < self.attempts:
                pause = self.backoff * 2**attempt
                if self._now() + pause >= deadline:
                    break
                await self.sleep(pause)
        raise TranslationFailed(str(last) if last else f"{engine.name}: time budget spent")

    async def _through(self, route: Route, text: str, source: str, target: str, end: float) -> str:
        if route.via is None:
            return await self._call(route.engine, text, source, target, end)
        middle = await self._call(route.engine, text, source, route.via, end)
        return await self._call(route.engine, middle, route.via, target, end)

    async def translate(
        self,
        text: str,
        source: str,
        target: str,
        *,
        explain_terms: bool = True,
        keep: tuple[str, ...] = (),
        remember: bool = True,
        budget: float | None = None,
    ) -> str:
        """``text`` from ``source`` into ``target``; German terms kept and explained once.

        ``keep``: literal strings (addresses, placeholders) passed through untouched.
        ``remember=False``: personal messages (handoff) never enter the translation memory.
        ``budget``: seconds the whole call chain may take (default ``self.budget``); past it,
        ``TranslationFailed``.
        """
        if source == target or not text.strip():
            return text
        deadline = self._deadline(budget)
        try:
            async with asyncio.timeout_at(deadline):
                return await self._translate(
                    text, source, target, explain_terms, keep, remember, deadline
                )
        except TimeoutError:
            raise TranslationFailed("the time budget is spent") from None

    async def _translate(
        self,
        text: str,
        source: str,
        target: str,
        explain_terms: bool,
        keep: tuple[str, ...],
        remember: bool,
        deadline: float,
    ) -> str:
        if source == target or not text.strip():
            return text
        route = await self.route(source, target, deadline)
        keep = tuple(k for k in keep if k and k in text)
        key = self._key(route, f"{int(explain_terms)}|{'|'.join(keep)}|{text}", source, target)
        remembered = await self._remembered(key) if remember else None
        if remembered is not None:
            self.hits += 1
            return remembered
        protected = self.glossary.protect(text, keep)
        translated = await self._through(route, protected.text, source, target, deadline)
        explanations = (
            await self._explanations(protected.terms, target, deadline) if explain_terms else {}
        )
        result = self.glossary.restore(translated, protected, explanations)
        if remember:
            await self._remember(key, result)
        return result

    async def _explanations(
        self, terms: tuple[str, ...], target: str, deadline: float
    ) -> dict[str, str]:
        """Each term's explanation in ``target`` (translated from German, cached)."""
        result: dict[str, str] = {}
        for term in dict.fromkeys(terms):
            entry = self.glossary.terms.get(term)
            if entry is None:
                continue
            if target in entry.explanations:
                result[term] = entry.explanations[target]
                continue
            german = entry.explanations.get("de")
            if not german:
                continue
            try:
                result[term] = await self._translate(
                    german, "de", target, False, (), True, deadline
                )
            except TranslationFailed:
                result[term] = entry.explanations.get("en", "")
        return result

    async def aclose(self) -> None:
        """Closes the engines' HTTP clients."""
        for engine in self.engines:
            await engine.aclose()
