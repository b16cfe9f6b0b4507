"""The curated languages: codes, native names, writing direction."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A curated language: UI, answers and (later) NLU data exist for it."""

    code: str
    native_name: str
    rtl: bool = False


CURATED: tuple[Language, ...] = (
    Language("de", "Deutsch"),
    Language("en", "English"),
    Language("ar", "العربية", rtl=True),
    Language("fa", "فارسی", rtl=True),
    Language("tr", "Türkçe"),
    Language("uk", "Українська"),
    Language("ru", "Русский"),
    Language("ro", "Română"),
    Language("bg", "Български"),
    Language("pl", "Polski"),
    Language("ku", "Kurmancî"),
    Language("fr", "Français"),
)

BY_CODE: dict[str, Language] = {lang.code: lang for lang in CURATED}
CODES: tuple[str, ...] = tuple(lang.code for lang in CURATED)
SOURCE_LANGUAGE = "de"
#: Where a missing string or answer is looked up next, after the user's language.
FALLBACK_CHAIN: tuple[str, ...] = ("en", "de")

# Telegram sends IETF tags ("pt-br", "uk", "kmr"); these map other spellings to ours.
_ALIASES = {"kmr": "ku", "ckb": None, "pes": "fa", "prs": "fa", "ua": "uk"}


def curated_from_telegram(language_code: str | None) -> str | None:
    """The curated language matching Telegram's ``language_code``, or None."""
    if not language_code:
        return None
    primary = language_code.replace("_", "-").split("-")[0].lower()
    if primary in _ALIASES:
        return _ALIASES[primary]
    return primary if primary in BY_CODE else None


#: Right-to-left languages beyond the twelve that a translator may offer.
_OTHER_RTL = frozenset({"ur", "ps", "he", "iw", "yi", "ckb", "dv", "ug", "sd", "prs"})


def is_rtl(code: str) -> bool:
    """True for languages written right to left (Arabic, Farsi, Urdu, Pashto, …)."""
    lang = BY_CODE.get(code)
    return bool(lang and lang.rtl) or code in _OTHER_RTL
