"""Which registration path a citizenship takes: EU/EEA/Switzerland, or not."""

from __future__ import annotations

#: EU member states, the other EEA states (Iceland, Liechtenstein, Norway) and Switzerland,
#: as ISO 3166 alpha-2 codes. (Who registers like an EU citizen is an editorial fact: the
#: registration topic lists EEA and Swiss citizens with the EU path as unverified.)
EU_EEA_CH = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
        "CH",
    ]
)


def registration_variant(country_code: str | None) -> str | None:
    """``eu`` or ``non_eu`` for an ISO country code, None when unknown."""
    if not country_code:
        return None
    code = country_code.strip().upper()
    if len(code) != 2 or not code.isalpha():
        return None
    return "eu" if code in EU_EEA_CH else "non_eu"
