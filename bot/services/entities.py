"""What the entities of a typed question mean for the answer: citizenship and a child's age."""

from __future__ import annotations

from bot.services.nlu import NluResult

#: In many languages the nationality word is the language word ("roumain"); some lookup files
#: file such words under citizenship with the language code as value. This maps them back.
_LANGUAGE_COUNTRY = {
    "de": "DE",
    "fr": "FR",
    "pl": "PL",
    "ro": "RO",
    "bg": "BG",
    "tr": "TR",
    "uk": "UA",
    "ru": "RU",
}


def citizenship_of(result: NluResult) -> str | None:
    """The ISO code of the citizenship a message names, if any."""
    country = result.entity("citizenship")
    if country:
        country = country.strip()
        # A lower-case value is a language code that a lookup file filed under citizenship.
        return _LANGUAGE_COUNTRY.get(country, country.upper()) if country.islower() else country
    # Never guessed from a language alone: speaking Polish does not make someone an EU citizen,
    # and the two registration paths lead to different offices. Without it, the bot asks.
    return None


def child_age(result: NluResult) -> int | None:
    """The child's age in years a message names, if any."""
    age = result.entity("child_age")
    return int(age) if age and age.isdigit() else None


def is_school_age(years: int | None) -> bool:
    """A child of 7 to 17 asks about school, not Kita."""
    return years is not None and 7 <= years <= 17


def kita_variant(years: int | None) -> str | None:
    """The Kita answer variant for a child's age in years."""
    if years is None:
        return None
    if years == 0:
        return "under_1"
    if years <= 2:
        return "age_1_2"
    if years <= 6:
        return "age_3_6"
    return None
