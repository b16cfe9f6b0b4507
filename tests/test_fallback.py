"""What no flow handles: forged buttons, media, long texts, edits, unknown commands, groups."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import AppFactory
from tests.helpers import (
    all_text,
    answered_queries,
    buttons,
    catalogue_text,
    choose_language,
    data_of,
    messages,
)


@pytest.mark.parametrize(
    "data",
    [
        "topic:v0:registration",  # an older version
        "topic:v1:nonexistent",  # forged topic id
        "topic:v1:registration:eu:extra",  # forged shape
        "district:v1:atlantis",
        "privacy:v1:explode",
        "lang:v1",
        "faq:v1:kita:no_such_question",
        "fb:v1:up:q:kita:age:zzzzzz",
        "something-from-another-bot",
        "x" * 64,
        "",
    ],
)
async def test_forged_and_stale_buttons_get_a_polite_answer(
    make_chat: AppFactory, data: str, caplog: pytest.LogCaptureFixture
) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "en")
    with caplog.at_level(logging.ERROR):
        calls = await chat.press_data(data)
    assert answered_queries(calls) == 1
    assert messages(calls), "the user gets a message, not silence"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert (
        "menu:v1:show" in [d for _, d in buttons(calls)]
        or data_of(calls, "topic:v1:")
        or data_of(calls, "lang:v1:")
    )


@pytest.mark.parametrize(
    "kind",
    [
        "sticker",
        "photo",
        "voice",
        "audio",
        "document",
        "video",
        "video_note",
        "animation",
        "contact",
    ],
)
async def test_media_gets_a_helpful_reply(
    make_chat: AppFactory, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    chat = await make_chat(language_code="tr")
    await choose_language(chat, "tr")
    with caplog.at_level(logging.ERROR):
        calls = await chat.send_media(kind)
    text = all_text(calls)
    assert catalogue_text(chat, "tr", "fallback-media") in text
    assert len(data_of(calls, "topic:v1:")) == 12
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_free_text_without_nlu_gets_a_kind_sentence_and_the_menu(
    make_chat: AppFactory,
) -> None:
    chat = await make_chat(language_code="ar")
    await choose_language(chat, "ar")
    calls = await chat.send("wo anmelden??")
    assert catalogue_text(chat, "ar", "fallback-free-text") in all_text(calls)
    assert len(data_of(calls, "topic:v1:")) == 12


async def test_five_thousand_characters(
    make_chat: AppFactory, caplog: pytest.LogCaptureFixture
) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "en")
    long_text = ("Ich brauche Hilfe mit der Anmeldung und dem Jobcenter. " * 100)[:5000]
    with caplog.at_level(logging.DEBUG):
        calls = await chat.send(long_text)
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)
    assert all(len(c.text) <= 4096 for c in messages(calls))
    # Privacy: the message text never reaches the logs.
    assert not any("Anmeldung und dem Jobcenter" in r.getMessage() for r in caplog.records)


async def test_edited_messages_get_no_second_answer(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "en")
    calls_before = len(chat.api.calls)
    await chat.app.process_update(chat.factory.edited(chat.app.bot, "changed my mind"))
    assert len(chat.api.calls) == calls_before


async def test_unknown_command_explains_the_commands(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="pl")
    await choose_language(chat, "pl")
    calls = await chat.send("/frobnicate")
    assert catalogue_text(chat, "pl", "help-text") in all_text(calls)


async def test_command_in_a_group_asks_for_a_private_chat(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en")
    group = {"id": -100123, "type": "supergroup", "title": "Somewhere"}
    before = len(chat.api.calls)
    await chat.app.process_update(chat.factory.text(chat.app.bot, "/start", chat=group))
    calls = chat.api.calls[before:]
    assert catalogue_text(chat, "en", "fallback-private-only") in all_text(calls)
    assert int(messages(calls)[0].params["chat_id"]) == -100123
