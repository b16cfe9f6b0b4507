"""Which curated language a free-text message is written in, offline (py3langid).

The user's chosen language (and Telegram's ``language_code``) act as priors; short messages
("hi", "kita?") and uncertain ones keep the user's language, so a German office word inside an
Arabic sentence, or Arabic in Latin letters, does not switch the conversation to German.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from bot.languages import CODES, is_rtl

_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-zÀ-ɏ]")


@dataclass(frozen=True)
class Detection:
    """The language to answer in, and whether the text itself said so clearly."""

    language: str
    confident: bool
    probability: float


class LanguageDetector:
    """Detects one of the curated languages; loads its model once per process (``load``)."""

    #: A message must be at least this long (characters, words) to override the user's language.
    min_chars = 12
    min_words = 2
    #: Probability needed to answer in another language than the user's.
    switch_probability = 0.9
    #: Latin-script text from an Arabic/Farsi reader is often Arabizi/Finglish: demand more.
    switch_probability_from_rtl = 0.98

    #: The model, shared by every detector of the process (loading takes seconds).
    _identifier: Any = None
    _lock = threading.Lock()

    def _model(self) -> Any:
        with LanguageDetector._lock:
            if LanguageDetector._identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                identifier.set_languages(list(CODES))
                LanguageDetector._identifier = identifier
        return LanguageDetector._identifier

    def load(self) -> None:
        """Loads the model now (at start, in a thread), not during someone's first message."""
        self._model()

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Curated languages by probability, without priors."""
        return [(str(lang), float(p)) for lang, p in self._model().rank(text)]

    def detect(self, text: str, user_language: str, phone_language: str | None = None) -> Detection:
        """The language to answer ``text`` in, given the user's language as prior."""
        words = text.split()
        if len(text.strip()) < self.min_chars or len(words) < self.min_words:
            return Detection(user_language, False, 0.0)
        weights = {user_language: 3.0}
        if phone_language and phone_language != user_language:
            weights[phone_language] = 1.5
        scored = [(lang, p * weights.get(lang, 1.0)) for lang, p in self.rank(text)]
        total = sum(p for _, p in scored) or 1.0
        best, best_p = max(((lang, p / total) for lang, p in scored), key=lambda x: x[1])
        if best == user_language:
            return Detection(user_language, best_p >= self.switch_probability, best_p)
        needed = self.switch_probability
        if is_rtl(user_language) and not _NON_LATIN_LETTER.search(text) and _LATIN.search(text):
            needed = self.switch_probability_from_rtl
        if best_p >= needed:
            return Detection(best, True, best_p)
        return Detection(user_language, False, best_p)
