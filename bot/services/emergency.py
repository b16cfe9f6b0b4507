"""Spotting emergencies in what newcomers write, and the numbers to give them at once.

``content/emergency.yml`` holds the numbers (marked unverified until an editor confirms them)
and word lists per language. Matching ignores case and accents, treats Arabic and Persian
letter variants alike (ي/ی, ك/ک, hamza forms) and ignores the zero-width non-joiner; a word in
Latin or Cyrillic script must start a word, one in Arabic script may sit inside a word (Arabic
attaches prefixes such as و and ال).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FILE = "emergency.yml"
_ARABIC_VARIANTS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "\u200c": "", "\u0640": ""}
)


def normalize(text: str) -> str:
    """Lower case, no accents or hamza marks, one form of Arabic/Persian letters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.translate(_ARABIC_VARIANTS).split())


def _is_arabic_script(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


@dataclass(frozen=True)
class EmergencyWords:
    """The numbers and the compiled word lists."""

    numbers: Mapping[str, str]
    patterns: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    unverified: tuple[str, ...] = ()

    def suggests_emergency(self, text: str, languages: Iterable[str]) -> bool:
        """True when ``text`` contains a word of the lists of ``languages`` (plus de, en)."""
        normalized = normalize(text)
        for lang in dict.fromkeys((*languages, "de", "en")):
            pattern = self.patterns.get(lang)
            if pattern is not None and pattern.search(normalized):
                return True
        return False


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for word in sorted({normalize(str(w)) for w in words if str(w).strip()}, key=len):
        escaped = re.escape(word)
        parts.append(escaped if _is_arabic_script(word) else rf"(?<!\w){escaped}")
    return re.compile("|".join(parts)) if parts else None


def load_emergency(content_dir: Path) -> EmergencyWords:
    """Reads ``emergency.yml``; a missing file means no detection and the numbers 112/110."""
    path = content_dir / FILE
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    numbers = {str(k): str(v) for k, v in (raw.get("numbers") or {}).items()}
    patterns = {}
    for lang, words in (raw.get("keywords") or {}).items():
        compiled = _pattern(words or ())
        if compiled is not None:
            patterns[str(lang)] = compiled
    unverified = tuple(str(f.get("claim")) for f in raw.get("facts") or () if not f.get("verified"))
    return EmergencyWords(numbers=numbers, patterns=patterns, unverified=unverified)


def suggests_emergency(words: EmergencyWords | None, text: str, languages: Iterable[str]) -> bool:
    """True when ``text`` contains an emergency word (none loaded: never)."""
    return bool(words and text and words.suggests_emergency(text, languages))
