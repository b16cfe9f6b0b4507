"""The menu and the answers: every topic in every language, with its key facts."""

from __future__ import annotations

import pytest

from bot import PROJECT_ROOT
from bot.i18n import RLM
from bot.languages import CODES, is_rtl
from bot.services.content import TOPIC_IDS, load_snapshot
from tests.conftest import AppFactory
from tests.helpers import (
    KEPT_TERMS,
    TWO_WEEKS,
    all_buttons,
    all_text,
    answered_queries,
    buttons,
    catalogue_text,
    choose_language,
    data_of,
    messages,
)

SNAPSHOT = load_snapshot(PROJECT_ROOT / "content", PROJECT_ROOT / "translations")


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


async def test_unknown_option_asks_the_question_again(make_chat: AppFactory) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, "en")
    calls = await chat.press_data("topic:v1:kita:age_99")
    assert data_of(calls, "topic:v1:kita:") == [
        "topic:v1:kita:under_1",
        "topic:v1:kita:age_1_2",
        "topic:v1:kita:age_3_6",
    ]
