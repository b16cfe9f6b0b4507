"""Whole conversations through the real Application, a recording Bot API and real Redis."""

from __future__ import annotations

import logging

import pytest

from bot import PROJECT_ROOT
from bot.i18n import RLM
from bot.languages import BY_CODE, CODES, is_rtl
from bot.services.content import TOPIC_IDS, load_snapshot
from tests.conftest import AppFactory
from tests.helpers import (
    KEPT_TERMS,
    TWO_WEEKS,
    all_buttons,
    all_text,
    answered_queries,
    buttons,
    data_of,
    messages,
)

SNAPSHOT = load_snapshot(PROJECT_ROOT / "content", PROJECT_ROOT / "translations")


def catalogue_text(chat, lang: str, key: str, **args: object) -> str:
    return (
        chat.app.bot_data.catalogues.t(lang, key, **args)
        .replace(RLM, "")
        .replace("\u2068", "")
        .replace("\u2069", "")
    )


async def choose_language(chat, lang: str) -> None:
    calls = await chat.send("/start")
    lang_buttons = data_of(calls, "lang:v1:")
    assert len(lang_buttons) == 12
    calls = await chat.press_data(f"lang:v1:{lang}")
    assert catalogue_text(chat, lang, "menu-title") in all_text(calls)


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


@pytest.mark.parametrize("lang", CODES)
async def test_every_topic_answers_with_its_key_facts_in_every_language(
    make_chat: AppFactory, lang: str
) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, lang)
    for topic_id in TOPIC_IDS:
        source = SNAPSHOT.sources[topic_id]
        calls = await chat.press_data(f"topic:v1:{topic_id}")
        assert answered_queries(calls) == 1
        if topic_id == "counselling":
            assert len(data_of(calls, "district:v1:")) == 12
            variants = {"office": "district:v1:mengede", "no_office": "district:v1:eving"}
        elif source.options:
            # The question comes first, with one button per option, in the user's language.
            assert data_of(calls, f"topic:v1:{topic_id}:") == [
                f"topic:v1:{topic_id}:{o}" for o in source.options
            ]
            translated = SNAPSHOT.text(topic_id, lang)
            assert translated is not None and translated.lang == lang
            assert [b for b, _ in buttons(calls)][: len(source.options)] == list(
                translated.options.values()
            )
            variants = {o: f"topic:v1:{topic_id}:{o}" for o in source.options}
        else:
            variants = {"": ""}
        for variant, data in variants.items():
            if data:
                calls = await chat.press_data(data)
            answer = SNAPSHOT.answer(
                topic_id,
                lang,
                variant,
                district="D",
                office_name="N",
                office_address="A",
                office_languages="L",
            )
            assert answer is not None and answer.lang == lang, "a curated translation exists"
            text = all_text(calls)
            assert answer.title in text
            for term in KEPT_TERMS:
                if term in source.body[variant]:
                    assert term in text, f"{topic_id}/{variant} in {lang} lacks {term!r}"
            if lang != "de":
                assert catalogue_text(chat, lang, "answer-machine-note") in text
            # Every answer offers the way back to the menu and to a person, and is followed
            # by the topic's frequent questions.
            assert "menu:v1:show" in [d for _, d in all_buttons(calls)]
            assert "handoff:v1:start" in [d for _, d in all_buttons(calls)]
            assert data_of(calls, f"faq:v1:{topic_id}:")
            if is_rtl(lang):
                for call in messages(calls):
                    for line in call.text.split("\n"):
                        assert not line or line.startswith(RLM), (
                            f"RTL line without mark: {line[:30]!r}"
                        )


@pytest.mark.parametrize("lang", CODES)
async def test_registration_says_two_weeks_in_person_at_friedensplatz(
    make_chat: AppFactory, lang: str
) -> None:
    chat = await make_chat(language_code=lang)
    await choose_language(chat, lang)
    for variant in ("eu", "non_eu"):
        calls = await chat.press_data(f"topic:v1:registration:{variant}")
        text = all_text(calls)
        assert "Friedensplatz 7" in text
        assert TWO_WEEKS[lang] in text.lower() or TWO_WEEKS[lang] in text
    eu = all_text(await chat.press_data("topic:v1:registration:eu"))
    non_eu = all_text(await chat.press_data("topic:v1:registration:non_eu"))
    assert "Ausländerbehörde" in non_eu and eu != non_eu


async def test_in_person_is_said_in_german_and_english(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="de")
    await choose_language(chat, "de")
    assert "persönlich" in all_text(await chat.press_data("topic:v1:registration:eu"))
    await choose_language(chat, "en")
    assert "in person" in all_text(await chat.press_data("topic:v1:registration:non_eu"))


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


async def test_choice_survives_a_restart_and_so_does_an_open_question(
    make_chat: AppFactory,
) -> None:
    first = await make_chat(language_code="en")
    await choose_language(first, "uk")
    calls = await first.press_data("topic:v1:counselling")
    assert len(data_of(calls, "district:v1:")) == 12
    await first.app.stop()
    await first.app.shutdown()  # writes what is pending

    second = await make_chat(language_code="en")
    calls = await second.send("Mengede")  # the answer to the question asked before the restart
    text = all_text(calls)
    assert "Westerfilder Straße 11a" in text
    assert "lokal willkommen Mengede/Huckarde" in text
    assert catalogue_text(second, "uk", "menu-title") in text  # still Ukrainian


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


async def test_unknown_language_button_offers_the_languages_again(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en")
    calls = await chat.press_data("lang:v1:xx")
    assert catalogue_text(chat, "en", "language-unknown") in all_text(calls)
    assert len(data_of(calls, "lang:v1:")) == 12


async def test_unknown_option_asks_the_question_again(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "en")
    calls = await chat.press_data("topic:v1:kita:age_99")
    assert data_of(calls, "topic:v1:kita:") == [
        "topic:v1:kita:under_1",
        "topic:v1:kita:age_1_2",
        "topic:v1:kita:age_3_6",
    ]


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


async def test_privacy_explains_and_deletes_everything(make_chat: AppFactory, redis) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "fa")
    await chat.press_data("topic:v1:counselling")  # an open question is stored state, too
    await chat.app.update_persistence()
    assert await redis.exists("lotse:user:4242")
    assert [k async for k in redis.scan_iter(match="lotse:conv:*")]

    calls = await chat.send("/privacy")
    assert "180" in all_text(calls)
    calls = await chat.send("/delete_my_data")
    assert data_of(calls, "privacy:v1:") == ["privacy:v1:confirm", "privacy:v1:cancel"]
    calls = await chat.press_data("privacy:v1:confirm")
    assert catalogue_text(chat, "fa", "privacy-deleted") in all_text(calls)
    await chat.app.update_persistence()
    assert not await redis.exists("lotse:user:4242")
    assert not [k async for k in redis.scan_iter(match="lotse:conv:*")]
    # Forgotten: the bot speaks the phone's language again and the question is closed.
    calls = await chat.send("Mengede")
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)


async def test_privacy_cancel_keeps_the_data(make_chat: AppFactory, redis) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "de")
    await chat.app.update_persistence()
    await chat.press_data("privacy:v1:cancel")
    assert await redis.exists("lotse:user:4242")


async def test_stored_profile_expires(make_chat: AppFactory, redis) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "de")
    await chat.app.update_persistence()
    ttl = await redis.ttl("lotse:user:4242")
    assert 179 * 86400 < ttl <= 180 * 86400
    raw = await redis.get("lotse:user:4242")
    assert b"wo anmelden" not in raw and b"language" in raw


async def test_without_redis_everything_works_in_memory(
    make_chat: AppFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.app"):
        chat = await make_chat(language_code="bg", use_redis=False)
    assert any("REDIS_URL is not set" in r.getMessage() for r in caplog.records)
    await choose_language(chat, "bg")
    calls = await chat.press_data("topic:v1:counselling")
    calls = await chat.send("Huckarde")
    assert "Westerfilder Straße 11a" in all_text(calls)


async def test_redis_down_gives_try_again_not_a_crash(
    make_chat: AppFactory, caplog: pytest.LogCaptureFixture
) -> None:
    from redis.asyncio import Redis

    from bot.local_redis import RedisServer

    server = RedisServer()
    client = Redis.from_url(server.url, socket_connect_timeout=1, socket_timeout=1)
    chat = await make_chat(language_code="en", redis_client=client, user_id=777)
    server.stop()
    with caplog.at_level(logging.ERROR):
        calls = await chat.send("/start")
    assert catalogue_text(chat, "en", "error-storage") in all_text(calls)
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)
    await client.aclose()
