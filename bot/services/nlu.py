"""Understanding free text: an async client for the Rasa server and the bot's thresholds.

The client bounds every call in time, retries once, and opens a circuit breaker after repeated
failures, so a dead or slow Rasa costs the user at most a moment: flows then fall back to buttons.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

log = logging.getLogger(__name__)

FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"


class NluUnavailable(Exception):
    """The NLU server cannot be reached (or the breaker is open)."""


@dataclass(frozen=True)
class Entity:
    """An entity as Rasa found it: canonical value (after synonyms) and the text it came from."""

    entity: str
    value: str
    text: str


@dataclass(frozen=True)
class NluResult:
    """Rasa's reading of one message."""

    text: str
    intent: str
    confidence: float
    ranking: tuple[tuple[str, float], ...] = ()
    entities: tuple[Entity, ...] = ()

    def entity(self, name: str) -> str | None:
        """The first value of an entity, or None."""
        return next((e.value for e in self.entities if e.entity == name), None)

    def values(self, name: str) -> list[str]:
        """Every value of an entity, in message order."""
        return [e.value for e in self.entities if e.entity == name]

    @classmethod
    def from_rasa(cls, text: str, data: dict[str, Any]) -> NluResult:
        """Reads Rasa's ``/model/parse`` response; raises ValueError when it is malformed."""
        intent = data.get("intent") or {}
        name = intent.get("name")
        if not isinstance(name, str):
            raise ValueError("no intent in the response")
        ranking = tuple(
            (str(r["name"]), float(r["confidence"]))
            for r in data.get("intent_ranking") or []
            if isinstance(r, dict) and "name" in r
        )
        entities = tuple(
            Entity(str(e["entity"]), str(e.get("value", "")), str(e.get("value", "")))
            for e in data.get("entities") or []
            if isinstance(e, dict) and "entity" in e
        )
        return cls(text, name, float(intent.get("confidence") or 0.0), ranking, entities)


class Decision(enum.StrEnum):
    """What the bot does with a reading."""

    ANSWER = "answer"
    CLARIFY = "clarify"
    FALLBACK = "fallback"


@dataclass(frozen=True)
class Thresholds:
    """Confidence bands: answer above ``answer``, offer choices above ``clarify``, else say so."""

    answer: float = 0.5
    clarify: float = 0.2
    max_choices: int = 3

    def decide(self, result: NluResult) -> tuple[Decision, str, tuple[str, ...]]:
        """(decision, the intent the bot acts on, candidate intents for a clarification)."""
        if result.intent == OUT_OF_SCOPE and result.confidence >= self.clarify:
            return Decision.FALLBACK, OUT_OF_SCOPE, ()
        if result.confidence >= self.answer:
            return Decision.ANSWER, result.intent, ()
        candidates = tuple(
            name
            for name, conf in (result.ranking or ((result.intent, result.confidence),))
            if conf >= self.clarify / 2 and name != OUT_OF_SCOPE
        )[: self.max_choices]
        if result.confidence >= self.clarify and candidates:
            return Decision.CLARIFY, FALLBACK, candidates
        return Decision.FALLBACK, FALLBACK, ()


@dataclass
class RasaClient:
    """Async client for Rasa's HTTP API with timeout, one retry and a circuit breaker."""

    base_url: str
    timeout: float = 2.0
    retries: int = 1
    backoff: float = 0.1
    breaker_threshold: int = 3
    breaker_reset: float = 30.0
    transport: httpx.AsyncBaseTransport | None = None
    _failures: int = 0
    _open_until: float = 0.0
    _client: httpx.AsyncClient | None = field(default=None, repr=False)

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                base_url=self.base_url.rstrip("/"), timeout=self.timeout, transport=self.transport
            )
        return self._client

    @property
    def is_open(self) -> bool:
        """True while the breaker keeps calls away from a failing server."""
        return time.monotonic() < self._open_until

    async def parse(self, text: str, *, budget: float | None = None) -> NluResult:
        """Rasa's reading of ``text``; raises NluUnavailable on any failure.

        ``budget``: seconds the whole call may take, retries included (default: no bound beyond
        ``timeout`` per attempt); a call cut short by it counts as a failure for the breaker.
        """
        if self.is_open:
            raise NluUnavailable("circuit open")
        loop = asyncio.get_running_loop()
        deadline = None if budget is None else loop.time() + budget
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            limit = self.timeout if deadline is None else min(self.timeout, deadline - loop.time())
            if limit <= 0:
                last = last or TimeoutError()
                break
            try:
                async with asyncio.timeout(limit):
                    response = await self._http().post("/model/parse", json={"text": text})
                if response.status_code >= 500:
                    raise NluUnavailable(f"HTTP {response.status_code}")
                response.raise_for_status()
                result = NluResult.from_rasa(text, response.json())
            except (httpx.HTTPError, TimeoutError, NluUnavailable, ValueError) as exc:
                last = exc
                pause = self.backoff * (2**attempt)
                if attempt < self.retries and (deadline is None or loop.time() + pause < deadline):
                    await asyncio.sleep(pause)
                continue
            self._failures = 0
            return result
        self._failures += 1
        if self._failures >= self.breaker_threshold:
            self._open_until = time.monotonic() + self.breaker_reset
            log.warning(
                "NLU unreachable %d times: pausing calls for %.0f s",
                self._failures,
                self.breaker_reset,
            )
        raise NluUnavailable(type(last).__name__ if last else "unknown")

    async def aclose(self) -> None:
        """Closes the connection pool."""
        if self._client is not None:
            await self._client.aclose()
            self._client = None
