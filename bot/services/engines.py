"""Machine translation engines over their own HTTP APIs: LibreTranslate, NLLB, DeepL, Google.

Every engine sends the text in the request BODY (JSON) and its key in the body or a header,
never in the URL: proxies and servers log URLs, and a newcomer's message or an API key must not
end up there. (deep-translator, used before, sends LibreTranslate's ``q`` and ``api_key`` and
DeepL's ``text`` and ``auth_key`` as URL query parameters and Google's ``q`` in a GET URL.)

Errors are typed and say nothing about the request: ``Retryable`` (429, 5xx, network, timeout)
and ``TranslationFailed`` (anything else). Their texts name the engine and the status only —
never the text, the URL or a key — and they are raised ``from None`` so that no HTTP library
exception (which may carry the request) rides along in a logged traceback.

Each engine reports its languages as a ``LanguageTable`` in our codes (ISO 639-1 where there is
one, lower case, ``_`` for a variant): LibreTranslate's ``pt-BR`` is ``pt_br``, DeepL's ``EN-GB``
target is ``en``.
"""

from __future__ import annotations

import functools
import ssl
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

#: The language codes LibreTranslate can load: the argos-translate package index
#: (github.com/argosopentech/argospm-index, ``index.json`` at commit fd6868d, "Add Kyrgyz",
#: 2025-06-21), which LibreTranslate's ``init.py`` checks ``LT_LOAD_ONLY`` against ("Unavailable
#: language codes" otherwise). Every package there translates from or into English; LibreTranslate
#: pivots through English itself (argos-translate's composite translations), so each loaded
#: language reaches every other. No Kurmanji, Sorani, Somali, Tigrinya, Pashto, Dari or Amharic:
#: those come from NLLB (``deploy/nllb``). The one place the project keeps this list;
#: ``docker-compose.yml``'s ``LT_LOAD_ONLY`` is checked against it (tests/test_engines.py).
LIBRETRANSLATE_CODES: frozenset[str] = frozenset(
    {
        "ar", "az", "bg", "bn", "ca", "cs", "da", "de", "el", "en", "eo", "es", "et", "eu",
        "fa", "fi", "fr", "ga", "gl", "he", "hi", "hu", "id", "it", "ja", "ko", "ky", "lt",
        "lv", "ms", "nb", "nl", "pb", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sv", "th",
        "tl", "tr", "uk", "ur", "zh", "zt",
    }
)  # fmt: skip

#: LibreTranslate's own spellings (its ``language.py`` aliases) -> ours.
_LIBRE_ALIASES = {"zh_hans": "zh", "zt": "zh_hant", "pb": "pt_br"}


def _ours(code: str) -> str:
    """A code in our spelling: lower case, underscores (so it fits a button's callback data)."""
    return code.strip().lower().replace("-", "_")


class TranslationFailed(Exception):
    """No translation could be had (engine down, refusing, answering nonsense, or no engine)."""


class Retryable(TranslationFailed):
    """A failure worth another attempt (rate limit, server error, network, timeout)."""


class NoEngine(TranslationFailed):
    """No configured engine serves this pair of languages (not even through English)."""


@dataclass(frozen=True)
class LanguageTable:
    """What one engine offers: English names, and for each source the targets it reaches."""

    names: dict[str, str]
    targets: dict[str, frozenset[str]]

    def serves(self, source: str, target: str) -> bool:
        """True when the engine translates ``source`` into ``target`` in one call."""
        return target in self.targets.get(source, frozenset())

    @classmethod
    def any_to_any(cls, names: dict[str, str]) -> LanguageTable:
        """Every listed language into every other (NLLB, DeepL, Google)."""
        codes = frozenset(names)
        return cls(names, {code: codes - {code} for code in codes})


class Engine(Protocol):
    """A translation engine behind HTTP."""

    name: str

    async def languages(self, limit: float) -> LanguageTable: ...

    async def translate(self, text: str, source: str, target: str, limit: float) -> str: ...

    async def aclose(self) -> None: ...


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every client (making one reads the CA bundle: about 0.1 s)."""
    return httpx.create_ssl_context()


async def _request(
    engine: str,
    method: str,
    url: str,
    limit: float,
    *,
    json: Any = None,
    headers: dict[str, str] | None = None,
) -> Any:
    """One HTTP exchange; the parsed JSON answer, or a typed error that names no secret.

    A client per exchange, closed when it is done: a pooled client is bound to the event loop
    that made it, and CLI commands and tests run several loops; a connection costs little next
    to a translation, and the translation memory spares most calls.
    """
    try:
        async with httpx.AsyncClient(verify=_tls(), follow_redirects=False) as client:
            response = await client.request(method, url, json=json, headers=headers, timeout=limit)
    except httpx.TimeoutException:
        raise Retryable(f"{engine}: no answer in time") from None
    except httpx.TransportError as exc:
        raise Retryable(f"{engine}: unreachable ({type(exc).__name__})") from None
    except httpx.HTTPError as exc:
        raise TranslationFailed(f"{engine}: {type(exc).__name__}") from None
    status = response.status_code
    if status == 429 or status >= 500:
        raise Retryable(f"{engine}: HTTP {status}")
    if status != 200:
        raise TranslationFailed(f"{engine}: HTTP {status}")
    try:
        return response.json()
    except ValueError:
        raise TranslationFailed(f"{engine}: the answer is not JSON") from None


def _text_of(engine: str, value: object) -> str:
    if not isinstance(value, str):
        raise TranslationFailed(f"{engine}: no text in the answer")
    return value


@dataclass
class LibreEngine:
    """A LibreTranslate server (self-hosted: texts stay on our servers). ``POST /translate``
    with a JSON body; the API key, when there is one, in the body too."""

    url: str
    api_key: str | None = field(default=None, repr=False)
    name: str = "libre"
    _theirs: dict[str, str] = field(default_factory=dict, repr=False)

    def _endpoint(self, path: str) -> str:
        return self.url.rstrip("/") + path

    @staticmethod
    def ours(code: str) -> str:
        """Our spelling of a code the server reports."""
        lowered = _ours(code)
        return _LIBRE_ALIASES.get(lowered, lowered)

    async def languages(self, limit: float) -> LanguageTable:
        """``GET /languages``: codes, names and each language's targets."""
        body = await _request(self.name, "GET", self._endpoint("/languages"), limit)
        if not isinstance(body, list):
            raise TranslationFailed(f"{self.name}: unexpected language list")
        names: dict[str, str] = {}
        targets: dict[str, frozenset[str]] = {}
        for item in body:
            if not isinstance(item, dict) or not isinstance(item.get("code"), str):
                continue
            code = self.ours(item["code"])
            self._theirs[code] = item["code"]
            names[code] = str(item.get("name") or code)
            listed = item.get("targets")
            targets[code] = frozenset(
                self.ours(t) for t in (listed if isinstance(listed, list) else []) if t
            ) - {code}
        return LanguageTable(names, targets)

    async def translate(self, text: str, source: str, target: str, limit: float) -> str:
        body: dict[str, Any] = {
            "q": text,
            "source": self._theirs.get(source, source),
            "target": self._theirs.get(target, target),
            "format": "text",
        }
        if self.api_key:
            body["api_key"] = self.api_key
        answer = await _request(self.name, "POST", self._endpoint("/translate"), limit, json=body)
        text_ = answer.get("translatedText") if isinstance(answer, dict) else None
        return _text_of(self.name, text_)

    async def aclose(self) -> None:
        return None  # a client per exchange: nothing stays open


@dataclass
class NllbEngine(LibreEngine):
    """The project's NLLB-200 service (``deploy/nllb``): LibreTranslate's request shape, our
    language codes, every language into every other."""

    name: str = "nllb"


#: DeepL's target codes that stand for our plain code (it wants a variant for these).
_DEEPL_TARGETS = {"en": "EN-GB", "pt": "PT-PT", "zh": "ZH-HANS"}


@dataclass
class DeeplEngine:
    """DeepL's API v2 (texts leave our servers: a processor agreement is needed).
    ``POST /v2/translate`` with a JSON body; the key in the ``Authorization`` header."""

    api_key: str = field(repr=False)
    #: Default: api-free.deepl.com for keys ending in ":fx" (DeepL's free plan), else api.deepl.com.
    url: str | None = None
    name: str = "deepl"

    def _endpoint(self, path: str) -> str:
        if self.url:
            base = self.url.rstrip("/")
        elif self.api_key.endswith(":fx"):
            base = "https://api-free.deepl.com"
        else:
            base = "https://api.deepl.com"
        return base + path

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"DeepL-Auth-Key {self.api_key}"}

    @staticmethod
    def _ours(code: str) -> str:
        lowered = _ours(code)
        return {"en_gb": "en", "pt_pt": "pt", "zh_hans": "zh"}.get(lowered, lowered)

    async def languages(self, limit: float) -> LanguageTable:
        """``GET /v2/languages?type=source|target`` (no text involved)."""
        lists = []
        for kind in ("source", "target"):
            body = await _request(
                self.name,
                "GET",
                self._endpoint(f"/v2/languages?type={kind}"),
                limit,
                headers=self._headers(),
            )
            if not isinstance(body, list):
                raise TranslationFailed(f"{self.name}: unexpected language list")
            lists.append({self._ours(str(i["language"])): str(i.get("name", "")) for i in body})
        sources, targets = lists
        names = {**targets, **sources}
        return LanguageTable(names, {s: frozenset(targets) - {s} for s in sources})

    async def translate(self, text: str, source: str, target: str, limit: float) -> str:
        body = {
            "text": [text],
            "source_lang": source.split("_")[0].upper(),
            "target_lang": _DEEPL_TARGETS.get(target, target.upper().replace("_", "-")),
        }
        answer = await _request(
            self.name,
            "POST",
            self._endpoint("/v2/translate"),
            limit,
            json=body,
            headers=self._headers(),
        )
        try:
            value = answer["translations"][0]["text"]
        except (KeyError, IndexError, TypeError):
            raise TranslationFailed(f"{self.name}: no text in the answer") from None
        return _text_of(self.name, value)

    async def aclose(self) -> None:
        return None  # a client per exchange: nothing stays open


@dataclass
class GoogleEngine:
    """Google Cloud Translation (Basic, v2): explicit opt-in only, texts go to Google.
    ``POST /language/translate/v2`` with a JSON body; the key in the ``X-Goog-Api-Key`` header."""

    api_key: str = field(repr=False)
    url: str = "https://translation.googleapis.com"
    name: str = "google"

    def _headers(self) -> dict[str, str]:
        return {"X-Goog-Api-Key": self.api_key}

    @staticmethod
    def _ours(code: str) -> str:
        lowered = _ours(code)
        return {"iw": "he", "zh_cn": "zh", "zh_tw": "zh_hant", "jw": "jv"}.get(lowered, lowered)

    async def languages(self, limit: float) -> LanguageTable:
        body = await _request(
            self.name,
            "POST",
            self.url.rstrip("/") + "/language/translate/v2/languages",
            limit,
            json={"target": "en"},
            headers=self._headers(),
        )
        try:
            items = body["data"]["languages"]
            names = {self._ours(str(i["language"])): str(i.get("name", "")) for i in items}
        except (KeyError, TypeError):
            raise TranslationFailed(f"{self.name}: unexpected language list") from None
        return LanguageTable.any_to_any(names)

    async def translate(self, text: str, source: str, target: str, limit: float) -> str:
        theirs = {"zh": "zh-CN", "zh_hant": "zh-TW"}
        body = {
            "q": [text],
            "source": theirs.get(source, source),
            "target": theirs.get(target, target),
            "format": "text",
        }
        answer = await _request(
            self.name,
            "POST",
            self.url.rstrip("/") + "/language/translate/v2",
            limit,
            json=body,
            headers=self._headers(),
        )
        try:
            value = answer["data"]["translations"][0]["translatedText"]
        except (KeyError, IndexError, TypeError):
            raise TranslationFailed(f"{self.name}: no text in the answer") from None
        return _text_of(self.name, value)

    async def aclose(self) -> None:
        return None  # a client per exchange: nothing stays open
