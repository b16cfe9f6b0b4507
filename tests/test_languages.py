"""Languages: what Telegram's language codes map to."""

from __future__ import annotations

import pytest

from bot.languages import curated_from_telegram


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ar", "ar"),
        ("de-AT", "de"),
        ("pt-br", None),
        ("uk", "uk"),
        ("kmr", "ku"),
        ("TR", "tr"),
        ("UA", "uk"),
        ("GB", None),
        (None, None),
        ("", None),
    ],
)
def test_telegram_language_codes(code: str | None, expected: str | None) -> None:
    assert curated_from_telegram(code) == expected
