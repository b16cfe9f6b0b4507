"""Feedback on answers: 👍 / 👎 counted per answer and language, and the optional line saying
what was missing. No Telegram types, no user ids in what is kept.

Redis keys (prefix ``lotse:fb:``):

- ``counts`` — a hash, field ``<answer>|<lang>|up`` or ``…|down``: how often; no user ids.
  ``<answer>`` is a topic answer (``registration``, ``registration:eu``) or a frequent question
  (``registration/deadline``).
- ``texts`` — a stream of ``answer``, ``language``, ``text`` (what the reader chose to write),
  trimmed to the analytics retention; no user id.
- ``seen:<user id>:<answer>:<key>`` — one vote per person and answer version; expires after a day.
- ``pending:<user id>`` — after 👎, which answer the next typed line is about; expires soon.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from redis.asyncio import Redis

from bot.services.redis_values import text as text_of

PREFIX = "lotse:fb:"
COUNTS = f"{PREFIX}counts"
TEXTS = f"{PREFIX}texts"
#: How long a person's vote on one answer blocks a second one.
SEEN_SECONDS = 86_400
#: How long after 👎 a typed line is taken as "what was missing".
PENDING_SECONDS = 15 * 60
#: A typed line is cut to this length before it is kept.
MAX_TEXT = 500
#: The two votes (the same words as the buttons' ``FeedbackAction``).
UP = "up"
DOWN = "down"

# One vote per person and answer: the marker and the count change together or not at all.
_VOTE = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  return 1
end
return 0
"""


@dataclass(frozen=True)
class Count:
    """Votes on one answer in one language."""

    answer: str
    language: str
    up: int
    down: int

    @property
    def topic(self) -> str:
        """The topic the answer belongs to."""
        return self.answer.split("/", 1)[0].split(":", 1)[0]

    @property
    def question(self) -> str:
        """The frequent question's name, or '' for a topic answer."""
        return self.answer.split("/", 1)[1] if "/" in self.answer else ""


@dataclass(frozen=True)
class Comment:
    """One line a reader wrote after 👎."""

    answer: str
    language: str
    text: str
    timestamp: float


@dataclass(frozen=True)
class Pending:
    """The answer a 👎 was about, while Lotse waits for the line saying what was missing."""

    answer: str
    language: str


class FeedbackService:
    """Counts votes, keeps the optional lines for ``retention_days``, reads both for editors."""

    def __init__(self, redis: Redis, *, retention_days: int = 30, max_texts: int = 20_000) -> None:
        self.redis = redis
        self.retention_ms = retention_days * 86_400_000
        self.max_texts = max_texts
        self._vote = redis.register_script(_VOTE)

    async def vote(self, user_id: int, answer: str, answer_key: str, lang: str, kind: str) -> bool:
        """Counts one 👍 or 👎; False when this person already voted on this answer."""
        if kind not in {UP, DOWN}:
            raise ValueError(f"unknown vote {kind!r}")
        seen = f"{PREFIX}seen:{user_id}:{answer}:{answer_key}"
        counted = await self._vote(
            keys=[seen, COUNTS], args=[SEEN_SECONDS, f"{answer}|{lang}|{kind}"]
        )
        return bool(counted)

    async def expect_comment(self, user_id: int, answer: str, lang: str) -> None:
        """Remembers, for a short while, which answer the next typed line is about."""
        await self.redis.set(f"{PREFIX}pending:{user_id}", f"{answer}|{lang}", ex=PENDING_SECONDS)

    async def take_pending(self, user_id: int) -> Pending | None:
        """The answer a typed line is about (and forgets it), or None when the wait is over."""
        raw = await self.redis.getdel(f"{PREFIX}pending:{user_id}")
        if raw is None:
            return None
        answer, _, lang = text_of(raw).partition("|")
        return Pending(answer, lang) if answer and lang else None

    async def cancel_pending(self, user_id: int) -> None:
        """Stops waiting for a line (the reader skipped)."""
        await self.redis.delete(f"{PREFIX}pending:{user_id}")

    async def comment(self, answer: str, lang: str, text: str) -> None:
        """Keeps one line (one line, cut to ``MAX_TEXT``) and drops lines past the retention."""
        line = " ".join(text.split())[:MAX_TEXT]
        if not line:
            return
        await self.redis.xadd(
            TEXTS,
            {"answer": answer, "language": lang, "text": line},
            maxlen=self.max_texts,
            approximate=True,
        )
        await self.trim()

    async def trim(self) -> int:
        """Drops lines older than the retention period; returns how many went."""
        now_ms = int(time.time() * 1000)
        return int(
            await self.redis.xtrim(TEXTS, minid=str(now_ms - self.retention_ms), approximate=False)
        )

    async def counts(self) -> list[Count]:
        """Every answer and language with votes, most 👎 first."""
        raw = await self.redis.hgetall(COUNTS) or {}
        table: dict[tuple[str, str], dict[str, int]] = {}
        for field, value in raw.items():
            answer, _, rest = text_of(field).partition("|")
            lang, _, kind = rest.partition("|")
            if kind in {UP, DOWN}:
                table.setdefault((answer, lang), {UP: 0, DOWN: 0})[kind] = int(text_of(value))
        result = [Count(a, lang, v[UP], v[DOWN]) for (a, lang), v in table.items()]
        return sorted(result, key=lambda c: (-c.down, -c.up, c.answer, c.language))

    async def comments(self, limit: int = 50) -> list[Comment]:
        """The newest lines, newest first (only those within the retention)."""
        cutoff_ms = int(time.time() * 1000) - self.retention_ms
        entries = await self.redis.xrevrange(TEXTS, count=limit) or []
        result = []
        for entry_id, fields in entries:
            eid = text_of(entry_id)
            stamp_ms = int(eid.split("-")[0])
            if stamp_ms < cutoff_ms or fields is None:
                continue
            data = {text_of(k): text_of(v) for k, v in fields.items()}
            result.append(
                Comment(
                    data.get("answer", ""),
                    data.get("language", ""),
                    data.get("text", ""),
                    stamp_ms / 1000,
                )
            )
        return result

    async def forget_user(self, user_id: int) -> None:
        """Deletes the person's vote markers and a pending wait (``/delete_my_data``)."""
        keys = [f"{PREFIX}pending:{user_id}"]
        async for key in self.redis.scan_iter(match=f"{PREFIX}seen:{user_id}:*"):
            keys.append(text_of(key))
        await self.redis.delete(*keys)
