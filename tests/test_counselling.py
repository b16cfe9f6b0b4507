"""Counselling near you: the district question, typed districts and shared locations."""

from __future__ import annotations

import pytest

from tests.conftest import AppFactory
from tests.helpers import (
    all_text,
    catalogue_text,
    choose_language,
    messages,
)


async def test_typed_district_variants_and_unknown_district(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="de")
    await choose_language(chat, "de")
    await chat.press_data("topic:v1:counselling")
    calls = await chat.send("Atlantis")
    assert catalogue_text(chat, "de", "counselling-unknown-district") in all_text(calls)
    calls = await chat.send("ich wohne in aplerbeck")
    assert "Brackeler Hellweg" in all_text(calls)
    # The question is closed now: free text gets the menu again.
    calls = await chat.send("Hörde")
    assert catalogue_text(chat, "de", "fallback-free-text") in all_text(calls)


async def test_district_without_office_sends_to_migrado(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "en")
    await chat.press_data("topic:v1:counselling")
    calls = await chat.press_data("district:v1:hoerde")
    text = all_text(calls)
    assert "Hörde" in text and "Friedensplatz 7" in text and "JMD" in text


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ((51.571, 7.385), "Westerfilder Straße 11a"),
        ((51.52, 7.56), "Brackeler Hellweg"),
        ((51.53, 7.46), "Friedensplatz 7"),
    ],
)
async def test_shared_location_names_the_nearest_office(
    make_chat: AppFactory, point: tuple[float, float], expected: str
) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "en")
    calls = await chat.press_data("topic:v1:counselling")
    assert any(b.get("request_location") for c in messages(calls) for b in c.reply_buttons)
    calls = await chat.share_location(*point)
    assert expected in all_text(calls)


async def test_location_outside_dortmund(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "en")
    calls = await chat.share_location(52.52, 13.40)  # Berlin, outside any question
    text = all_text(calls)
    assert "outside Dortmund" in text and "Friedensplatz 7" in text
