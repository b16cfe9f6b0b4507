"""The questions Lotse could not answer, as editors' work: grouped, counted, acted on.

Reads the analytics stream (``analytics.UNANSWERED``: text, language, what the bot did and its
best guess, kept ``ANALYTICS_RETENTION_DAYS``). Questions with the same best guess and similar
words form one group. A group is then

- *assigned to an intent*: each question becomes a training example in
  ``nlu/data/nlu/<intent>/<lang>.yml`` (not when it is already there, in another intent of the
  language, or in the held-out set ``nlu/tests/``: the model must never be trained on its exam);
- turned into a *to-do* ("needs new content"): kept, with the texts, until done or until the
  retention period of the newest question ends;
- *dismissed*.

Each action removes the questions from the stream.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import yaml
from redis.asyncio import Redis

from bot.languages import CODES
from bot.services.analytics import UNANSWERED, Unanswered, parse_entry
from bot.services.content_files import atomic_write
from bot.services.redis_values import text as as_str

TODOS = "lotse:editor:todos"
#: The German machine translation of a question, kept exactly as long as the question.
GERMAN = "lotse:editor:question-de"
_STREAM_ID = re.compile(r"^\d{1,20}-\d{1,20}$")
_ANNOTATION = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_EXAMPLE_LINE = re.compile(r"^(\s*)- ")
#: What Rasa would read as an entity annotation or YAML structure is not kept in an example.
_UNSAFE = re.compile(r"[\[\]{}\x00-\x1f\x7f]")
MAX_EXAMPLE = 300
#: Questions whose character trigrams overlap this much (Jaccard) are "similar".
SIMILAR = 0.45


def normalise(text: str) -> str:
    """Lower case, accents and punctuation folded away, single spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(kept.split())


def plain_example(example: str) -> str:
    """A training example without entity annotations, case and punctuation: two examples with
    the same plain form are one (stricter than check_data.py, which keeps punctuation)."""
    return normalise(_ANNOTATION.sub(r"\1", example))


def _trigrams(text: str) -> frozenset[str]:
    padded = f"  {text} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class QuestionGroup:
    """Questions with the same best guess and similar words."""

    guess: str
    items: list[Unanswered] = field(default_factory=list)
    _grams: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        """A short stable id (from the first question's stream id)."""
        return hashlib.sha256(self.items[0].id.encode()).hexdigest()[:10]

    @property
    def first(self) -> Unanswered:
        """The newest question of the group: what the list shows."""
        return self.items[0]

    @property
    def languages(self) -> Counter[str]:
        """How many questions per language."""
        return Counter(item.language for item in self.items)

    @property
    def ids(self) -> list[str]:
        """The stream ids (what the page's forms send back; never the texts)."""
        return [item.id for item in self.items]


def best_guess(item: Unanswered) -> str:
    """The model's best guess when it was recorded, else what the bot did."""
    return item.guess or item.intent or "?"


def group_questions(items: Sequence[Unanswered]) -> list[QuestionGroup]:
    """Groups by best guess, then greedily by similar text; biggest groups first."""
    groups: list[QuestionGroup] = []
    by_guess: dict[str, list[QuestionGroup]] = {}
    for item in items:
        guess = best_guess(item)
        grams = _trigrams(normalise(item.text))
        candidates = by_guess.setdefault(guess, [])
        best: QuestionGroup | None = None
        best_score = SIMILAR
        for group in candidates:
            score = _similarity(grams, group._grams)
            if score >= best_score:
                best, best_score = group, score
        if best is None:
            best = QuestionGroup(guess, [], grams)
            candidates.append(best)
            groups.append(best)
        best.items.append(item)
    groups.sort(key=lambda g: (-len(g.items), -g.first.timestamp))
    return groups


def per_language(items: Iterable[Unanswered]) -> list[tuple[str, int]]:
    """(language, count), most first."""
    return Counter(item.language for item in items).most_common()


def per_week(items: Iterable[Unanswered], weeks: int, now: float) -> list[tuple[date, int]]:
    """(Monday of the week, count) for the last ``weeks`` weeks, oldest first."""
    today = datetime.fromtimestamp(now, tz=UTC).date()
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    counts = dict.fromkeys(starts, 0)
    for item in items:
        day = datetime.fromtimestamp(item.timestamp, tz=UTC).date()
        week = day - timedelta(days=day.weekday())
        if week in counts:
            counts[week] += 1
    return list(counts.items())


def clean_example(text: str) -> str:
    """A question as one safe line of training data."""
    line = " ".join(_UNSAFE.sub(" ", text).split())
    return line[:MAX_EXAMPLE].strip()


@dataclass(frozen=True)
class Added:
    """What happened to the questions of one assignment."""

    added: int = 0
    duplicate: int = 0
    held_out: int = 0
    no_data: int = 0


@dataclass(frozen=True)
class Todo:
    """A question that needs new content."""

    id: str
    created: float
    by: str
    note: str
    guess: str
    examples: tuple[tuple[str, str], ...]  # (language, text)


class NluData:
    """The NLU training data on disk (``nlu/data/nlu/<intent>/<lang>.yml``)."""

    def __init__(self, nlu_dir: Path) -> None:
        self.nlu_dir = nlu_dir

    def intents(self) -> list[str]:
        """Every intent that has training data."""
        folder = self.nlu_dir / "data" / "nlu"
        return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []

    def path(self, intent: str, lang: str) -> Path:
        """The training file of an intent in a language."""
        return self.nlu_dir / "data" / "nlu" / intent / f"{lang}.yml"

    @staticmethod
    def examples(path: Path) -> dict[str, list[str]]:
        """Intent -> examples of one file."""
        if not path.is_file():
            return {}
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found: dict[str, list[str]] = {}
        for block in data.get("nlu") or []:
            if isinstance(block, dict) and "intent" in block:
                found.setdefault(str(block["intent"]), []).extend(
                    line.strip()[2:].strip()
                    for line in str(block.get("examples", "")).splitlines()
                    if line.strip().startswith("- ")
                )
        return found

    def known(self, lang: str) -> tuple[set[str], set[str]]:
        """(every training example of ``lang``, every held-out example), normalised.

        Training includes the long questions (``data/faq/<lang>.yml``, the frequent questions'
        retrieval intents): a text already taught there is not taught again as chat-style data
        (check_data.py refuses the same text in both)."""
        training: set[str] = set()
        paths = [self.path(intent, lang) for intent in self.intents()]
        for path in [*paths, self.nlu_dir / "data" / "faq" / f"{lang}.yml"]:
            for examples in self.examples(path).values():
                training.update(plain_example(e) for e in examples)
        held: set[str] = set()
        tests = self.nlu_dir / "tests"
        if tests.is_dir():
            for path in [tests / f"{lang}.yml", *sorted(tests.glob(f"*/{lang}.yml"))]:
                for examples in self.examples(path).values():
                    held.update(plain_example(e) for e in examples)
        return training, held

    def append(self, intent: str, lang: str, lines: Sequence[str]) -> None:
        """Adds examples at the end of the intent's block (the file is written atomically)."""
        path = self.path(intent, lang)
        text = path.read_text(encoding="utf-8")
        before = self.examples(path).get(intent, [])
        indent = "    "
        for line in reversed(text.splitlines()):
            match = _EXAMPLE_LINE.match(line)
            if match:
                indent = match.group(1)
                break
        new = text.rstrip("\n") + "\n" + "".join(f"{indent}- {line}\n" for line in lines)
        parsed = yaml.safe_load(new) or {}
        blocks = [b for b in parsed.get("nlu") or [] if isinstance(b, dict) and "intent" in b]
        after = [
            ln.strip()[2:].strip()
            for b in blocks
            if b["intent"] == intent
            for ln in str(b.get("examples", "")).splitlines()
            if ln.strip().startswith("- ")
        ]
        if after != [*before, *lines]:
            # The intent's block is not the last thing in the file: write it out whole.
            examples = "".join(f"- {e}\n" for e in [*before, *lines])
            data = {"version": parsed.get("version", "3.1"), "nlu": []}
            for block in blocks:
                if block["intent"] == intent:
                    block = {**block, "examples": examples}
                data["nlu"].append(block)
            new = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        atomic_write(path, new)


class QuestionWork:
    """The unanswered questions as a work list, and what editors do with them."""

    def __init__(
        self,
        redis: Redis,
        nlu_dir: Path,
        *,
        retention_days: int = 30,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.redis = redis
        self.data = NluData(nlu_dir)
        self.retention_seconds = retention_days * 86_400
        self.clock = clock

    async def all(self, limit: int = 5000) -> list[Unanswered]:
        """The kept questions, newest first (at most ``limit``)."""
        entries = await self.redis.xrevrange(UNANSWERED, count=limit) or []
        return [parse_entry(entry_id, fields) for entry_id, fields in entries if fields]

    async def take(self, ids: Iterable[str]) -> list[Unanswered]:
        """The questions with these stream ids that still exist (ids from a form are checked)."""
        found = []
        for entry_id in dict.fromkeys(ids):
            if not _STREAM_ID.match(entry_id):
                continue
            entries = await self.redis.xrange(UNANSWERED, min=entry_id, max=entry_id)
            found += [parse_entry(eid, fields) for eid, fields in entries or () if fields]
        return found

    async def _remove(self, items: Sequence[Unanswered]) -> None:
        if items:
            await self.redis.xdel(UNANSWERED, *(item.id for item in items))
            await self.redis.delete(*(f"{GERMAN}:{item.id}" for item in items))

    async def german(
        self,
        items: Sequence[Unanswered],
        translate: Callable[[str, str], Awaitable[str]] | None,
        *,
        budget_seconds: float = 20.0,
    ) -> dict[str, str]:
        """Stream id -> the question in German (German questions and failures left out).

        Each translation is made once and kept beside the question for as long as the question
        itself may be kept; ``translate(text, language)`` must not remember the text elsewhere.
        """
        wanted = [i for i in items if i.language != "de" and i.text.strip()]
        if not wanted:
            return {}
        cached = await self.redis.mget([f"{GERMAN}:{i.id}" for i in wanted])
        result = {i.id: as_str(v) for i, v in zip(wanted, cached, strict=True) if v is not None}
        missing = [i for i in wanted if i.id not in result]
        if translate is None or not missing:
            return result

        async def one(item: Unanswered) -> tuple[Unanswered, str]:
            return item, await translate(item.text, item.language)

        tasks = [asyncio.ensure_future(one(item)) for item in missing]
        done, pending = await asyncio.wait(tasks, timeout=budget_seconds)
        for task in pending:
            task.cancel()
        for task in done:
            if task.exception() is not None:
                continue  # this question stays untranslated; the page shows a dash
            item, text = task.result()
            result[item.id] = text
            left = int(item.timestamp + self.retention_seconds - self.clock())
            if left > 0:
                await self.redis.set(f"{GERMAN}:{item.id}", text, ex=left)
        return result

    async def assign(self, items: Sequence[Unanswered], intent: str) -> Added:
        """Makes the questions training examples of ``intent`` in their languages."""
        if intent not in self.data.intents():
            raise ValueError(f"unknown intent {intent!r}")
        added = duplicate = held_out = no_data = 0
        by_lang: dict[str, list[str]] = {}
        for item in items:
            by_lang.setdefault(item.language, []).append(clean_example(item.text))
        for lang, lines in by_lang.items():
            if lang not in CODES or not self.data.path(intent, lang).is_file():
                no_data += len(lines)
                continue
            training, held = self.data.known(lang)
            fresh: list[str] = []
            for line in lines:
                key = plain_example(line)
                if not key:
                    duplicate += 1
                elif key in held:
                    held_out += 1
                elif key in training:
                    duplicate += 1
                else:
                    training.add(key)
                    fresh.append(line)
            if fresh:
                self.data.append(intent, lang, fresh)
                added += len(fresh)
        await self._remove(items)
        return Added(added, duplicate, held_out, no_data)

    async def dismiss(self, items: Sequence[Unanswered]) -> int:
        """Removes the questions; returns how many."""
        await self._remove(items)
        return len(items)

    async def make_todo(self, items: Sequence[Unanswered], by: str, note: str) -> Todo:
        """Keeps the questions as a to-do until done or their retention ends."""
        newest = max(item.timestamp for item in items)
        todo = Todo(
            hashlib.sha256(f"{items[0].id}{self.clock()}".encode()).hexdigest()[:12],
            self.clock(),
            by,
            note.strip()[:500],
            best_guess(items[0]),
            tuple((item.language, item.text) for item in items[:20]),
        )
        expires = int(newest + self.retention_seconds - self.clock())
        if expires > 0:
            key = f"{TODOS}:{todo.id}"
            value = json.dumps(
                {
                    "created": todo.created,
                    "by": by,
                    "note": todo.note,
                    "guess": todo.guess,
                    "examples": todo.examples,
                },
                ensure_ascii=False,
            )
            await self.redis.set(key, value, ex=expires)
            await self.redis.zadd(TODOS, {todo.id: todo.created})
        await self._remove(items)
        return todo

    async def todos(self) -> list[Todo]:
        """Open to-dos, newest first (expired ones are forgotten)."""
        ids = [as_str(i) for i in await self.redis.zrevrange(TODOS, 0, 199)]
        result = []
        for todo_id in ids:
            raw = await self.redis.get(f"{TODOS}:{todo_id}")
            if raw is None:
                await self.redis.zrem(TODOS, todo_id)
                continue
            data = json.loads(as_str(raw))
            result.append(
                Todo(
                    todo_id,
                    float(data["created"]),
                    str(data.get("by", "")),
                    str(data.get("note", "")),
                    str(data.get("guess", "")),
                    tuple((str(lang), str(text)) for lang, text in data.get("examples") or ()),
                )
            )
        return result

    async def done(self, todo_id: str) -> bool:
        """Closes a to-do; False when there was none."""
        if not re.fullmatch(r"[0-9a-f]{12}", todo_id):
            return False
        removed = await self.redis.delete(f"{TODOS}:{todo_id}")
        await self.redis.zrem(TODOS, todo_id)
        return bool(removed)
