"""What a typed name or phone number must look like before a booking keeps it."""

from __future__ import annotations

import re
import unicodedata

_NAME_EXTRA = set(" -'.’")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()/.-]{4,22}$")


def valid_name(text: str) -> str | None:
    """The name, tidied, when it looks like one (letters of any script, 2 to 80 characters)."""
    name = " ".join(text.split())
    if not 2 <= len(name) <= 80:
        return None
    if not any(c.isalpha() for c in name):
        return None
    if not all(c.isalpha() or c in _NAME_EXTRA or unicodedata.category(c) == "Mn" for c in name):
        return None
    return name


def valid_phone(text: str) -> str | None:
    """The phone number, tidied, when it looks like one (6 to 15 digits)."""
    phone = " ".join(text.split())
    digits = sum(c.isdigit() for c in phone)
    if not _PHONE.match(phone) or not 6 <= digits <= 15:
        return None
    return phone
