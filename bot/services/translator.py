"""Machine translation over deep-translator: bounded in time, retried, rate-limited, remembered.

deep-translator is blocking and sets no timeout on its HTTP calls, so every call runs in a
worker thread under ``asyncio.timeout``; a small semaphore bounds how many threads can hang at
once. Typed errors (429, 5xx, connection problems) are retried with backoff; everything else
fails fast as ``TranslationFailed`` and the flows fall back to a curated language.
Every result is kept in a translation memory in Redis (provider, source, target, text hash; with
a TTL), so a repeated answer costs no call. German office words pass through the glossary.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import requests
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.services.glossary import Glossary

log = logging.getLogger(__name__)


class TranslationFailed(Exception):
    """No translation could be had (provider down, refusing, or answering nonsense)."""


class _Retry(Exception):
    """A failure worth another attempt (rate limit, server error, network)."""


class Provider(Protocol):
    """A blocking translation backend."""

    name: str

    def translate(self, text: str, source: str, target: str) -> str: ...

    def languages(self) -> dict[str, str]: ...


def _classify(exc: Exception) -> Exception:
    """Maps deep-translator's and requests' errors to retry / fail."""
    from deep_translator import exceptions as dt

    if isinstance(exc, dt.TooManyRequests | requests.RequestException | ConnectionError):
        return _Retry(repr(exc))
    if isinstance(exc, dt.ServerException):
        # It keeps only a message per status code; unknown codes read "API server error".
        status = _status_of(exc)
        if status is None or status == 429 or status >= 500:
            return _Retry(f"HTTP {status or '5xx'}")
        return TranslationFailed(f"HTTP {status}")
    if isinstance(exc, dt.RequestError):
        return _Retry(repr(exc))
    return TranslationFailed(type(exc).__name__)


def _status_of(exc: Exception) -> int | None:
    from deep_translator.exceptions import ServerException

    message = str(exc.args[0]) if exc.args else ""
    return next((code for code, text in ServerException.errors.items() if text == message), None)


@dataclass
class LibreProvider:
    """A self-hosted LibreTranslate server (the privacy-preserving default)."""

    url: str
    api_key: str = "lotse"  # LibreTranslate without keys ignores it; deep-translator insists
    name: str = "libre"
    _languages: dict[str, str] | None = None

    def languages(self) -> dict[str, str]:
        """Code -> English name, as the server reports them (GET /languages)."""
        if self._languages is None:
            response = requests.get(self.url.rstrip("/") + "/languages", timeout=10)
            response.raise_for_status()
            self._languages = {str(item["code"]): str(item["name"]) for item in response.json()}
        return self._languages

    def translate(self, text: str, source: str, target: str) -> str:
        from deep_translator import LibreTranslator

        # deep-translator checks languages against its built-in LibreTranslate table, which lacks
        # e.g. Ukrainian, Farsi and Tigrinya although servers offer them. Build it with a pair
        # it knows, then give it the server's own codes; the request code path stays its own.
        codes = self.languages()
        for code in (source, target):
            if code not in codes:
                raise TranslationFailed(f"the server does not offer {code!r}")
        translator = LibreTranslator(
            source="en", target="de", api_key=self.api_key, custom_url=self.url.rstrip("/") + "/"
        )
        translator._languages = {name: code for code, name in codes.items()}
        translator._source, translator._target = source, target
        result = translator.translate(text)
        if not isinstance(result, str):
            raise TranslationFailed("no text in the response")
        return result


@dataclass
class DeeplProvider:
    """DeepL's API (needs an API key; texts leave our servers)."""

    api_key: str
    free_api: bool = True
    name: str = "deepl"

    def languages(self) -> dict[str, str]:
        from deep_translator.constants import DEEPL_LANGUAGE_TO_CODE

        return {code: name for name, code in DEEPL_LANGUAGE_TO_CODE.items()}

    def translate(self, text: str, source: str, target: str) -> str:
        from deep_translator import DeeplTranslator

        result = DeeplTranslator(
            api_key=self.api_key, source=source, target=target, use_free_api=self.free_api
        ).translate(text)
        return str(result)


@dataclass
class GoogleProvider:
    """Google Translate's web endpoint: explicit opt-in only (texts go to Google)."""

    name: str = "google"

    def languages(self) -> dict[str, str]:
        from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES

        return {code: name for name, code in GOOGLE_LANGUAGES_TO_CODES.items()}

    def translate(self, text: str, source: str, target: str) -> str:
        from deep_translator import GoogleTranslator

        return str(GoogleTranslator(source=source, target=target).translate(text))


@dataclass
class Translator:
    """Async translation with memory, glossary, time bounds, retries and a rate limit."""

    provider: Provider
    redis: Redis | None = None
    glossary: Glossary = field(default_factory=lambda: Glossary([]))
    timeout: float = 8.0
    attempts: int = 3
    backoff: float = 0.5
    memory_ttl_seconds: int = 90 * 86_400
    max_concurrency: int = 4
    min_interval: float = 0.0
    sleep: Callable[[float], Any] = asyncio.sleep
    calls: int = 0
    hits: int = 0
    _semaphore: asyncio.Semaphore | None = None
    _last_call: float = 0.0
    _local: dict[str, str] = field(default_factory=dict)

    def _key(self, text: str, source: str, target: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
        return f"lotse:tm:{self.provider.name}:{source}:{target}:{digest}"

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

    async def _call(self, text: str, source: str, target: str) -> str:
        """One provider call with time bound, retries and rate limit."""
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.max_concurrency)
        last: Exception | None = None
        for attempt in range(self.attempts):
            async with self._semaphore:
                wait = self._last_call + self.min_interval - time.monotonic()
                if wait > 0:
                    await self.sleep(wait)
                self._last_call = time.monotonic()
                self.calls += 1
                try:
                    async with asyncio.timeout(self.timeout):
                        result = await asyncio.to_thread(
                            self.provider.translate, text, source, target
                        )
                except TimeoutError:
                    last = _Retry("timeout")
                except TranslationFailed as exc:
                    raise exc
                except Exception as exc:  # noqa: BLE001 - classified right here
                    last = _classify(exc)
                else:
                    if not isinstance(result, str) or (text.strip() and not result.strip()):
                        raise TranslationFailed("empty translation")
                    return result
            if isinstance(last, TranslationFailed):
                raise last
            if attempt + 1 < self.attempts:
                await self.sleep(self.backoff * 2**attempt)
        raise TranslationFailed(str(last))

    async def translate(
        self,
        text: str,
        source: str,
        target: str,
        *,
        explain_terms: bool = True,
        keep: tuple[str, ...] = (),
        remember: bool = True,
    ) -> str:
        """``text`` from ``source`` into ``target``; German terms kept and explained once.

        ``keep``: literal strings (addresses, placeholders) passed through untouched.
        ``remember=False``: personal messages (handoff) never enter the translation memory.
        """
        if source == target or not text.strip():
            return text
        keep = tuple(k for k in keep if k and k in text)
        key = self._key(f"{int(explain_terms)}|{'|'.join(keep)}|{text}", source, target)
        remembered = await self._remembered(key) if remember else None
        if remembered is not None:
            self.hits += 1
            return remembered
        protected = self.glossary.protect(text, keep)
        translated = await self._call(protected.text, source, target)
        explanations = await self._explanations(protected.terms, target) if explain_terms else {}
        result = self.glossary.restore(translated, protected, explanations)
        if remember:
            await self._remember(key, result)
        return result

    async def _explanations(self, terms: tuple[str, ...], target: str) -> dict[str, str]:
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
                result[term] = await self.translate(german, "de", target, explain_terms=False)
            except TranslationFailed:
                result[term] = entry.explanations.get("en", "")
        return result

    async def languages(self) -> dict[str, str]:
        """The provider's languages (code -> English name)."""
        try:
            async with asyncio.timeout(self.timeout):
                return await asyncio.to_thread(self.provider.languages)
        except Exception as exc:
            raise TranslationFailed(f"languages: {type(exc).__name__}") from exc
