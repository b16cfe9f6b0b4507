"""Understanding free text: an async client for the Rasa server and the bot's thresholds.

The client bounds every call in time, retries once, and opens a circuit breaker after repeated
failures, so a dead or slow Rasa costs the user at most a moment: flows then fall back to buttons.

Two levels: Rasa names the topic (intent) and, for topics, ranks the frequent questions within
them (``question_ranking``, ids ``<topic>/<slug>``). ``Thresholds.plan`` turns a reading into what
the bot does, as data: answer the question, or answer the topic and offer its questions, and in
both cases offer a close runner-up topic beside it.
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
class Question:
    """A frequent question as the second level ranked it: id ``<topic>/<slug>`` and confidence
    (the topic's probability times the question's share within the topic)."""

    id: str
    confidence: float

    @property
    def topic(self) -> str:
        """The topic the question belongs to."""
        return self.id.split("/", 1)[0]


@dataclass(frozen=True)
class NluResult:
    """Rasa's reading of one message."""

    text: str
    intent: str
    confidence: float
    ranking: tuple[tuple[str, float], ...] = ()
    entities: tuple[Entity, ...] = ()
    #: The frequent questions, best first (empty for a model without the question level).
    questions: tuple[Question, ...] = ()

    @property
    def question(self) -> Question | None:
        """The best question, or None."""
        return self.questions[0] if self.questions else None

    def questions_of(self, topic: str) -> tuple[Question, ...]:
        """The ranked questions of one topic."""
        return tuple(q for q in self.questions if q.topic == topic)

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
        questions = tuple(
            Question(str(q["name"]), float(q.get("confidence") or 0.0))
            for q in data.get("question_ranking") or []
            if isinstance(q, dict) and "/" in str(q.get("name", ""))
        )
        confidence = float(intent.get("confidence") or 0.0)
        return cls(text, name, confidence, ranking, entities, questions)


class Decision(enum.StrEnum):
    """What the bot does with a reading."""

    ANSWER = "answer"
    CLARIFY = "clarify"
    FALLBACK = "fallback"


@dataclass(frozen=True)
class Plan:
    """What the bot does with one reading.

    ``decision``/``intent``/``candidates`` as from :meth:`Thresholds.decide`. When the bot
    answers a topic: ``question`` is the frequent question it answers instead of the whole topic
    (None: not sure which one), ``questions`` the topic's likely questions to offer as buttons
    when it is not sure, ``other_topic`` a close runner-up topic offered beside the answer.
    """

    decision: Decision
    intent: str
    candidates: tuple[str, ...] = ()
    question: str | None = None
    questions: tuple[str, ...] = ()
    other_topic: str | None = None

    @property
    def offered_topics(self) -> tuple[str, ...]:
        """Every topic this plan puts in front of the reader: answered, offered or to choose."""
        answered = (self.intent,) if self.decision is Decision.ANSWER else ()
        other = (self.other_topic,) if self.other_topic else ()
        return tuple(dict.fromkeys(answered + other + self.candidates))


@dataclass(frozen=True)
class Thresholds:
    """Confidence bands: answer above ``answer``, offer choices above ``clarify``, else say so.

    Second level: a question is answered directly at or above ``question`` when the message
    has at least ``question_min_words`` words (a word or two - "Kita?" - names a topic, not
    one of its questions); a runner-up topic at or above ``runner_up`` is offered beside the
    answer; at most ``max_questions`` question buttons are offered when the question is unsure.
    """

    answer: float = 0.5
    clarify: float = 0.2
    max_choices: int = 3
    question: float = 0.5
    runner_up: float = 0.2
    question_min_words: int = 4
    max_questions: int = 4

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

    def plan(self, result: NluResult) -> Plan:
        """The whole decision: topic level as :meth:`decide`, then the question level."""
        decision, intent, candidates = self.decide(result)
        if decision is not Decision.ANSWER:
            return Plan(decision, intent, candidates)
        own = result.questions_of(intent)
        if not own:
            # Not a topic with frequent questions (a greeting, a booking, or a model without
            # the question level): the topic level alone decides.
            return Plan(decision, intent)
        sure = own[0].confidence >= self.question
        long_enough = len(result.text.split()) >= self.question_min_words
        question = own[0].id if sure and long_enough else None
        offered = () if question else tuple(q.id for q in own[: self.max_questions])
        other = next(
            (
                name
                for name, conf in result.ranking
                if name not in (intent, OUT_OF_SCOPE, FALLBACK) and conf >= self.runner_up
            ),
            None,
        )
        return Plan(decision, intent, (), question, offered, other)


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
