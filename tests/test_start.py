"""Start and language: through the real Application on the local Bot API."""

from __future__ import annotations

import pytest

from bot.languages import BY_CODE, CODES
from tests.conftest import AppFactory
from tests.helpers import (
    all_text,
    buttons,
    catalogue_text,
    choose_language,
    data_of,
)


@pytest.mark.parametrize("lang", CODES)
async def test_start_proposes_phone_language_and_offers_all_twelve(
    make_chat: AppFactory, lang: str
) -> None:
    chat = await make_chat(language_code=lang)
    calls = await chat.send("/start")
    text = all_text(calls)
    assert catalogue_text(chat, lang, "start-welcome") in text
    assert BY_CODE[lang].native_name in text  # the proposal names the language natively
    labels = [label for label, _ in buttons(calls)]
    assert labels[0] == BY_CODE[lang].native_name  # proposed language first
    assert sorted(labels) == sorted(lang.native_name for lang in BY_CODE.values())


async def test_start_without_curated_phone_language_speaks_english(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="sw")
    calls = await chat.send("/start")
    assert catalogue_text(chat, "en", "start-choose-language") in all_text(calls)
    assert catalogue_text(chat, "en", "start-proposed-language", language="x").split("x")[
        0
    ] not in all_text(calls)


async def test_language_can_be_switched_any_time(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="de")
    await choose_language(chat, "de")
    calls = await chat.send("/language")
    assert len(data_of(calls, "lang:v1:")) == 12
    calls = await chat.press_data("lang:v1:fr")
    assert catalogue_text(chat, "fr", "language-set", language="Français") in all_text(calls)
    calls = await chat.send("/menu")
    assert catalogue_text(chat, "fr", "menu-title") in all_text(calls)
    assert catalogue_text(chat, "fr", "topic-kita") in [b for b, _ in buttons(calls)]


async def test_unknown_language_button_offers_the_languages_again(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en")
    calls = await chat.press_data("lang:v1:xx")
    assert catalogue_text(chat, "en", "language-unknown") in all_text(calls)
    assert len(data_of(calls, "lang:v1:")) == 12
