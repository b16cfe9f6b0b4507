"""Frequent questions and feedback through the real Application, local Bot API and real Redis."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot import PROJECT_ROOT
from bot.flows.faq import faq_buttons, send_faq_answer
from bot.i18n import RLM
from bot.languages import CODES, FALLBACK_CHAIN
from bot.services.content import load_snapshot
from bot.services.faq import KEPT_TERMS
from bot.services.feedback import COUNTS, TEXTS, FeedbackService
from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.helpers import (
    all_buttons,
    all_text,
    answered_queries,
    catalogue_text,
    choose_language,
    data_of,
    messages,
    toasts,
)

SNAPSHOT = load_snapshot(PROJECT_ROOT / "content", PROJECT_ROOT / "translations")
FAQS = SNAPSHOT.faqs
DULDUNG = "language_course/integration_course_duty"


def fb(vote: str, question_id: str) -> str:
    topic, slug = question_id.split("/")
    return f"fb:v1:{vote}:q:{topic}:{slug}:{FAQS.sources[question_id].source_hash[:6]}"


def _plain(label: str) -> str:
    return label.replace(RLM, "").replace("\u2068", "").replace("\u2069", "")


async def english_chat(make_chat: AppFactory, **kwargs: object):
    chat = await make_chat(language_code="en", **kwargs)
    await choose_language(chat, "en")
    return chat


@pytest.mark.parametrize("lang", CODES)
async def test_a_topic_answer_is_followed_by_its_questions_in_the_readers_language(
    make_chat: AppFactory, lang: str
) -> None:
    chat = await make_chat(language_code="en")
    await choose_language(chat, lang)
    calls = await chat.press_data("topic:v1:kita:age_3_6")
    answer, questions = messages(calls)[-2:]
    assert catalogue_text(chat, lang, "feedback-up") in [_plain(b) for b, _ in answer.buttons]
    assert "menu:v1:show" in [d for _, d in answer.buttons]
    assert [d for _, d in questions.buttons] == [
        f"faq:v1:{q}".replace("/", ":") for q in FAQS.ids("kita")
    ]
    for (label, data), question_id in zip(questions.buttons, FAQS.ids("kita"), strict=True):
        shown = FAQS.text(question_id, lang)
        assert shown is not None and _plain(label) == shown.question, data
    # Each question answers in the reader's language when a current translation exists,
    # else in the fallback language with one sentence saying so.
    calls = await chat.press_data(f"faq:v1:{DULDUNG.replace('/', ':')}")
    text = all_text(calls)
    shown = FAQS.text(DULDUNG, lang)
    assert shown is not None and shown.question in text
    if shown.lang != lang:
        assert shown.lang == FALLBACK_CHAIN[0]
        assert catalogue_text(chat, lang, "answer-fallback-note", language="English") in text
    for term in KEPT_TERMS:
        if term in FAQS.sources[DULDUNG].body:
            assert term in text
    data = [d for _, d in all_buttons(calls)]
    # The way to a person, the MigraDO appointment its front matter offers, the way back.
    assert "handoff:v1:start" in data
    assert "book:v1:svc:language_counselling" in data
    assert "topic:v1:language_course" in data and "menu:v1:show" in data
    assert fb("up", DULDUNG) in data and fb("down", DULDUNG) in data


async def test_english_answer_with_offers_from_its_front_matter(make_chat: AppFactory) -> None:
    chat = await english_chat(make_chat)
    calls = await chat.press_data("faq:v1:housing:electricity_gas")
    assert answered_queries(calls) == 1
    text = all_text(calls)
    english = FAQS.translations["en"]["housing/electricity_gas"]
    assert english.question in text and "meter readings" in text
    assert catalogue_text(chat, "en", "answer-machine-note") in text
    labels = dict((d, b) for b, d in all_buttons(calls))
    # offers: [office, handoff] — no appointment; the office button asks for the district.
    assert not [d for d in labels if d.startswith("book:")]
    assert labels["topic:v1:counselling"] == catalogue_text(chat, "en", "faq-office")
    assert labels["topic:v1:housing"] == catalogue_text(
        chat, "en", "faq-back", topic=catalogue_text(chat, "en", "topic-housing")
    )
    calls = await chat.press_data("topic:v1:counselling")
    assert len(data_of(calls, "district:v1:")) == 12


async def test_an_outdated_or_missing_translation_is_never_shown(
    make_chat: AppFactory, content_copy: Path
) -> None:
    path = content_copy / "content/faq/kita/cost.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("kostet oft extra", "kostet meistens extra"),
        encoding="utf-8",
    )
    (content_copy / "translations/en/faq/kita/age.md").unlink()
    chat = await make_chat(language_code="en", root=content_copy)
    await choose_language(chat, "en")
    for slug in ("cost", "age"):
        calls = await chat.press_data(f"faq:v1:kita:{slug}")
        text = all_text(calls)
        german = load_snapshot(content_copy / "content", content_copy / "translations")
        assert german.faqs.sources[f"kita/{slug}"].question in text  # the German source
        assert catalogue_text(chat, "en", "answer-fallback-note", language="Deutsch") in text


#: Forged, foreign or stale question buttons.
FORGED_QUESTIONS = (
    "faq:v1:kita:no_such_question",
    "faq:v1:weather:rain",
    "faq:v1:kita",
    "faq:v1:kita:age:extra",
    "faq:v2:kita:age",
    "faq:v1:KITA:age",
    "faq:v1:kita:../../etc",
)


async def test_forged_or_stale_question_buttons_get_the_polite_answer(
    make_chat: AppFactory, caplog: pytest.LogCaptureFixture
) -> None:
    chat = await english_chat(make_chat)
    for data in FORGED_QUESTIONS:
        with caplog.at_level(logging.ERROR):
            calls = await chat.press_data(data)
        assert answered_queries(calls) == 1, data
        assert catalogue_text(chat, "en", "fallback-stale-button") in all_text(calls), data
        assert len(data_of(calls, "topic:v1:")) == 12, data  # the menu
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_question_removed_since_the_button_was_sent(
    make_chat: AppFactory, content_copy: Path
) -> None:
    chat = await make_chat(language_code="en", root=content_copy)
    await choose_language(chat, "en")
    (content_copy / "content/faq/transport/fine.md").unlink()
    chat.app.bot_data.content.reload()
    calls = await chat.press_data("faq:v1:transport:fine")
    assert catalogue_text(chat, "en", "fallback-stale-button") in all_text(calls)
    calls = await chat.press_data(
        "fb:v1:up:q:transport:fine:" + FAQS.sources["transport/fine"].source_hash[:6]
    )
    assert catalogue_text(chat, "en", "fallback-stale-button") in all_text(calls)
    assert await chat.app.bot_data.feedback.counts() == []  # type: ignore[union-attr]


async def test_thumbs_up_counts_once_per_person_and_answer(
    make_chat: AppFactory, redis: Redis
) -> None:
    chat = await english_chat(make_chat)
    await chat.press_data("faq:v1:kita:age")
    calls = await chat.press_data(fb("up", "kita/age"))
    assert toasts(calls) == [catalogue_text(chat, "en", "feedback-thanks")]
    assert not messages(calls)  # one tap, no extra message
    calls = await chat.press_data(fb("up", "kita/age"))
    assert toasts(calls) == [catalogue_text(chat, "en", "feedback-already")]
    calls = await chat.press_data(fb("down", "kita/age"))  # changing one's mind: still once
    assert toasts(calls) == [catalogue_text(chat, "en", "feedback-already")]
    assert not messages(calls)
    other = await make_chat(language_code="en", user_id=777)
    await choose_language(other, "de")
    await other.press_data(fb("up", "kita/age"))
    service = chat.app.bot_data.feedback
    assert service is not None
    counts = {(c.answer, c.language): (c.up, c.down) for c in await service.counts()}
    assert counts == {("kita/age", "en"): (1, 0), ("kita/age", "de"): (1, 0)}
    # No user id in the counts; the one-vote marker is short-lived.
    raw = await redis.hgetall(COUNTS)
    assert not [f for f in raw if b"4242" in f or b"777" in f]
    markers = [k async for k in redis.scan_iter(match="lotse:fb:seen:*")]
    assert len(markers) == 2
    for key in markers:
        assert 0 < await redis.ttl(key) <= 86_400


async def test_thumbs_down_asks_what_was_missing_and_keeps_only_that_line(
    make_chat: AppFactory, redis: Redis
) -> None:
    chat = await english_chat(make_chat)
    await chat.press_data("topic:v1:housing")
    topic_key = SNAPSHOT.sources["housing"].source_hash[:6]
    calls = await chat.press_data(f"fb:v1:down:t:housing:_:{topic_key}")
    days = chat.app.bot_data.settings.analytics_retention_days
    assert catalogue_text(chat, "en", "feedback-ask-missing", days=days) in all_text(calls)
    assert data_of(calls, "fb:v1:") == ["fb:v1:skip"]
    calls = await chat.send("Nothing about   noise from neighbours\nat night")
    assert catalogue_text(chat, "en", "feedback-saved") in all_text(calls)
    service = chat.app.bot_data.feedback
    assert service is not None
    [comment] = await service.comments()
    assert (comment.answer, comment.language) == ("housing", "en")
    assert comment.text == "Nothing about noise from neighbours at night"  # one line
    entries = await redis.xrange(TEXTS)
    assert set(entries[0][1]) == {b"answer", b"language", b"text"}  # nothing else about them
    assert [(c.answer, c.down) for c in await service.counts()] == [("housing", 1)]
    # The wait is over: the next message is an ordinary one again (no NLU here: the menu).
    calls = await chat.send("Where do I register?")
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)
    assert len(await service.comments()) == 1


async def test_skip_and_doing_something_else_end_the_wait(make_chat: AppFactory) -> None:
    chat = await english_chat(make_chat)
    await chat.press_data("faq:v1:banking:tax_id")
    await chat.press_data(fb("down", "banking/tax_id"))
    calls = await chat.press_data("fb:v1:skip")
    assert toasts(calls) == [catalogue_text(chat, "en", "feedback-skipped")]
    calls = await chat.send("hello?")
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)
    # Another button instead of a line: that button is answered, and the wait ends.
    await chat.press_data("faq:v1:banking:debts")
    await chat.press_data(fb("down", "banking/debts"))
    calls = await chat.press_data("topic:v1:transport")
    assert "Deutschlandticket" in all_text(calls)
    calls = await chat.send("my words")
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)
    service = chat.app.bot_data.feedback
    assert service is not None and await service.comments() == []
    # A skip button from long ago is answered politely too.
    calls = await chat.press_data("fb:v1:skip")
    assert answered_queries(calls) == 1


async def test_the_wait_for_the_line_survives_a_restart(make_chat: AppFactory) -> None:
    first = await make_chat(language_code="en")
    await choose_language(first, "uk")
    await first.press_data(fb("down", "health/cost"))
    await first.app.stop()
    await first.app.shutdown()  # writes the conversation state

    second = await make_chat(language_code="en")
    calls = await second.send("Що з ліками для дітей?")
    assert catalogue_text(second, "uk", "feedback-saved") in all_text(calls)
    service = second.app.bot_data.feedback
    assert service is not None
    [comment] = await service.comments()
    assert (comment.answer, comment.language) == ("health/cost", "uk")


async def test_a_line_after_the_short_wait_is_an_ordinary_message(
    make_chat: AppFactory, redis: Redis
) -> None:
    chat = await english_chat(make_chat)
    await chat.press_data(fb("down", "health/mental"))
    await redis.delete("lotse:fb:pending:4242")  # the 15 minutes are over
    calls = await chat.send("Where do I register?")
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)
    service = chat.app.bot_data.feedback
    assert service is not None and await service.comments() == []


#: Forged, foreign or stale feedback buttons.
FORGED_VOTES = (
    "fb:v1:up:q:kita:no_such_question:abcdef",
    "fb:v1:up:t:kita:no_such_variant:abcdef",
    "fb:v1:up:t:housing:_:ABCDEF",
    "fb:v1:up:x:kita:age:abcdef",
    "fb:v1:sideways:q:kita:age:abcdef",
    "fb:v1:down:q:weather:rain:abcdef",
    "fb:v1:down:q:kita:age",
    "fb:v2:up:q:kita:age:abcdef",
    "fb:v1",
)


async def test_forged_feedback_buttons_count_nothing(
    make_chat: AppFactory, redis: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    chat = await english_chat(make_chat)
    for data in FORGED_VOTES:
        with caplog.at_level(logging.ERROR):
            calls = await chat.press_data(data)
        assert answered_queries(calls) == 1, data
        assert catalogue_text(chat, "en", "fallback-stale-button") in all_text(calls), data
    assert await redis.hgetall(COUNTS) == {}
    assert await redis.exists("lotse:fb:pending:4242") == 0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # The wait for a line was never opened: a typed message is an ordinary one.
    calls = await chat.send("Where do I register?")
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)


async def test_topic_and_office_answers_carry_feedback_too(make_chat: AppFactory) -> None:
    chat = await english_chat(make_chat)
    key = SNAPSHOT.sources["registration"].source_hash[:6]
    calls = await chat.press_data("topic:v1:registration:eu")
    assert f"fb:v1:up:t:registration:eu:{key}" in [d for _, d in all_buttons(calls)]
    await chat.press_data(f"fb:v1:down:t:registration:eu:{key}")
    await chat.press_data("fb:v1:skip")
    await chat.press_data("topic:v1:counselling")
    calls = await chat.press_data("district:v1:mengede")
    key = SNAPSHOT.sources["counselling"].source_hash[:6]
    assert f"fb:v1:up:t:counselling:office:{key}" in [d for _, d in all_buttons(calls)]
    assert data_of(calls, "faq:v1:counselling:")  # its questions follow
    await chat.press_data(f"fb:v1:up:t:counselling:office:{key}")
    service = chat.app.bot_data.feedback
    assert service is not None
    counts = {(c.answer, c.up, c.down) for c in await service.counts()}
    assert counts == {("registration:eu", 0, 1), ("counselling:office", 1, 0)}


async def test_without_redis_there_are_no_votes_but_questions_still_work(
    make_chat: AppFactory,
) -> None:
    chat = await make_chat(language_code="en", use_redis=False)
    await choose_language(chat, "en")
    calls = await chat.press_data("topic:v1:school")
    assert not data_of(calls, "fb:v1:") and data_of(calls, "faq:v1:school:")
    calls = await chat.press_data("faq:v1:school:duty")
    assert "School is compulsory" in all_text(calls)
    assert not data_of(calls, "fb:v1:") and not data_of(calls, "book:v1:")


async def test_delete_my_data_forgets_markers_and_the_wait_but_not_the_counts(
    make_chat: AppFactory, redis: Redis
) -> None:
    chat = await english_chat(make_chat)
    await chat.press_data(fb("up", "kita/age"))
    await chat.press_data(fb("down", "kita/cost"))
    await chat.send("/delete_my_data")
    await chat.press_data("privacy:v1:confirm")
    assert [k async for k in redis.scan_iter(match="lotse:fb:seen:*")] == []
    assert await redis.exists("lotse:fb:pending:4242") == 0
    assert len(await redis.hgetall(COUNTS)) == 2  # anonymous counts stay
    calls = await chat.send("Hello")
    assert catalogue_text(chat, "en", "fallback-free-text") in all_text(calls)


async def test_a_language_beyond_the_twelve_gets_questions_machine_translated(
    make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    chat = await make_chat(
        language_code="en", libretranslate_url=libre.url, translator_timeout_seconds=1
    )
    chat.app.bot_data.translator.sleep = _no_sleep  # type: ignore[union-attr]
    await chat.press_data("lang:v1:en")
    await chat.press_data("lang:v1:other")
    await chat.send("ti")
    calls = await chat.press_data("topic:v1:health")
    labels = [b for b, d in all_buttons(calls) if d.startswith("faq:v1:health:")]
    assert labels and all(label.startswith("[ti] ") for label in labels)
    assert labels[0] == "[ti] " + FAQS.sources["health/insurance"].question
    calls = await chat.press_data("faq:v1:health:out_of_hours")
    text = all_text(calls)
    assert "[ti] Ich brauche nachts oder am Wochenende einen Arzt." in text
    assert "116117" in text and "112" in text
    libre.fail_next = [503] * 1000  # the translator goes down
    calls = await chat.press_data("faq:v1:health:pregnancy")
    text = all_text(calls)
    assert FAQS.translations["en"]["health/pregnancy"].question in text  # English instead
    why = chat.app.bot_data.catalogues.t("ti", "translation-unavailable", language="English")
    assert why.replace("\u200f", "") in text


async def _no_sleep(_: float) -> None:
    return None


async def test_functions_for_the_nlu_routing(make_chat: AppFactory) -> None:
    """What the typed-question routing calls: one question's answer, a topic's buttons."""
    chat = await english_chat(make_chat)
    context = _context(chat)
    rows = await faq_buttons(context, "fr", "residence_permit")
    assert [r[0].callback_data for r in rows] == [
        "faq:v1:" + q.replace("/", ":") for q in FAQS.ids("residence_permit")
    ]
    assert await faq_buttons(context, "en", "no_such_topic") == []
    update = chat.factory.text(chat.app.bot, "I have a Duldung, must I go to the course?")
    before = len(chat.api.calls)
    assert await send_faq_answer(update, context, "en", DULDUNG) is True
    text = all_text(chat.api.calls[before:])
    assert FAQS.translations["en"][DULDUNG].question in text
    assert await send_faq_answer(update, context, "en", "kita/no_such_question") is False


def _context(chat):
    from bot.context import LotseContext

    update = chat.factory.text(chat.app.bot, "x")
    return LotseContext.from_update(update, chat.app)


def test_feedback_lines_expire_with_the_analytics_retention(redis_server) -> None:
    async def scenario() -> list[str]:
        client = Redis.from_url(redis_server.url)
        try:
            await client.delete(TEXTS)
            old_ms = int(time.time() * 1000) - 40 * 86_400_000
            await client.xadd(
                TEXTS, {"answer": "kita", "language": "de", "text": "alt"}, id=f"{old_ms}-0"
            )
            service = FeedbackService(client, retention_days=30)
            await service.comment("kita", "de", "neu")
            return [c.text for c in await service.comments()]
        finally:
            await client.aclose()

    assert asyncio.run(scenario()) == ["neu"]


def test_cli_prints_counts_and_the_newest_lines(redis_server, monkeypatch, capsys) -> None:
    from bot.__main__ import main

    async def fill() -> None:
        client = Redis.from_url(redis_server.url)
        try:
            await client.flushdb()
            service = FeedbackService(client)
            await service.vote(1, "housing/rent_too_high", "abcdef", "ar", "down")
            await service.vote(2, "housing/rent_too_high", "abcdef", "ar", "down")
            await service.vote(2, "registration:eu", "abcdef", "pl", "up")
            await service.comment("housing/rent_too_high", "ar", "ما هو الحد الأقصى للإيجار؟")
        finally:
            await client.aclose()

    asyncio.run(fill())
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    assert main(["analytics", "feedback"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["housing", "rent_too_high", "ar", "0", "2"] in rows
    assert ["registration", "(answer:", "eu)", "pl", "1", "0"] in rows
    assert any("ما" in row and "housing/rent_too_high" in row for row in rows)
    monkeypatch.delenv("REDIS_URL")
    assert main(["analytics", "feedback"]) == 1


async def test_the_retention_job_drops_old_lines_even_when_nothing_new_comes(
    make_chat: AppFactory, redis: Redis
) -> None:
    from bot import jobs

    chat = await make_chat(language_code="en")
    old_ms = int(time.time() * 1000) - 40 * 86_400_000
    await redis.xadd(TEXTS, {"answer": "kita", "language": "de", "text": "alt"}, id=f"{old_ms}-0")
    await redis.xadd(TEXTS, {"answer": "kita", "language": "de", "text": "neu"})
    assert await jobs.apply_retention(chat.app) == 1
    assert await redis.xlen(TEXTS) == 1


async def test_the_appointment_offered_under_a_question_leads_into_the_booking(
    make_chat: AppFactory,
) -> None:
    chat = await english_chat(make_chat)
    calls = await chat.press_data("faq:v1:jobcenter_benefits:savings")
    assert "book:v1:svc:jobcenter_check" in [d for _, d in all_buttons(calls)]
    calls = await chat.press_data("book:v1:svc:jobcenter_check")
    assert data_of(calls, "book:v1:day:jobcenter_check:")  # the free days of that service
