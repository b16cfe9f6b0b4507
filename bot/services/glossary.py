"""German office words that stay German in every machine translation (``content/glossary.yml``).

Before text goes to a translator, each term is replaced by a token the engine leaves alone
(``⟦0⟧``); afterwards the token becomes the German term again, with a short explanation in the
reader's language at its first mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_TOKEN = re.compile(r"⟦\s*(\d+)\s*⟧")


@dataclass(frozen=True)
class Term:
    """One glossary entry: the German term and its explanations (de, en)."""

    term: str
    explanations: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Protected:
    """Text with glossary terms replaced by tokens, and the terms in token order."""

    text: str
    terms: tuple[str, ...]


class Glossary:
    """Protects terms before translation and restores them afterwards."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = {t.term: t for t in terms}
        ordered = sorted(self.terms, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in ordered) + r")(?![\w])")
            if ordered
            else None
        )

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Reads ``glossary.yml``; a missing file means an empty glossary."""
        if not path.is_file():
            return cls([])
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        terms = [
            Term(str(item["term"]), {k: str(v) for k, v in item.items() if k != "term"})
            for item in raw.get("terms", [])
        ]
        return cls(terms)

    def protect(self, text: str, keep: tuple[str, ...] = ()) -> Protected:
        """Replaces every glossary term (and every ``keep`` literal) by a numbered token."""
        pattern = self._pattern
        if keep:
            literals = sorted({*self.terms, *keep}, key=len, reverse=True)
            pattern = re.compile(
                r"(?<![\w-])(" + "|".join(re.escape(t) for t in literals) + r")(?![\w])"
            )
        if pattern is None:
            return Protected(text, ())
        found: list[str] = []

        def swap(match: re.Match[str]) -> str:
            found.append(match.group(1))
            return f"⟦{len(found) - 1}⟧"

        return Protected(pattern.sub(swap, text), tuple(found))

    def restore(self, translated: str, protected: Protected, explanations: dict[str, str]) -> str:
        """Puts the German terms back; the first mention of each gets its explanation."""
        explained: set[str] = set()

        def back(match: re.Match[str]) -> str:
            index = int(match.group(1))
            if index >= len(protected.terms):
                return match.group(0)
            term = protected.terms[index]
            if term in explained or not explanations.get(term):
                return term
            explained.add(term)
            return f"{term} ({explanations[term]})"

        restored = _TOKEN.sub(back, translated)
        # A term the engine dropped is added back at the end, so nothing is silently lost.
        missing = [t for i, t in enumerate(protected.terms) if f"⟦{i}⟧" not in translated]
        missing = [t for t in dict.fromkeys(missing) if t not in restored]
        return restored + (" (" + ", ".join(missing) + ")" if missing else "")
