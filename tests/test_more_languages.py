"""Languages beyond the twelve, end to end through the Application and a loopback translator."""

from __future__ import annotations

import pytest

from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.helpers import all_text, data_of, messages


async def tigrinya_chat(make_chat: AppFactory, libre: FakeLibreTranslate):
    chat = await make_chat(
        language_code="en", libretranslate_url=libre.url, translator_timeout_seconds=2
    )
    chat.app.bot_data.translator.sleep = _no_sleep
    await chat.press_data("lang:v1:en")
    calls = await chat.send("/language")
    assert "lang:v1:other" in data_of(calls, "lang:v1:")
    calls = await chat.press_data("lang:v1:other")
    assert "Tigrinya" in all_text(calls)  # the example in the question
    return chat


async def _no_sleep(_: float) -> None:
    return None


async def test_a_language_beyond_the_twelve_gets_every_answer_machine_translated(
    make_chat: AppFactory, libre: FakeLibreTranslate, redis
) -> None:
    chat = await tigrinya_chat(make_chat, libre)
    calls = await chat.send("tigrinya")
    text = all_text(calls)
    assert "[ti] What can I help you with?" in text  # the UI, machine-translated
    assert "[ti]" in text and "machine" in text.lower()
    assert any(label.startswith("[ti]") for c in messages(calls) for label, _ in c.buttons)
    # A topic with a question: question and options translated from the German source.
    calls = await chat.press_data("topic:v1:registration")
    assert "[ti] Wohnsitz anmelden" in all_text(calls)
    assert data_of(calls, "topic:v1:registration:") == [
        "topic:v1:registration:eu",
        "topic:v1:registration:non_eu",
    ]
    calls = await chat.press_data("topic:v1:registration:eu")
    answer = all_text(calls)
    assert "Friedensplatz 7" in answer  # addresses never go through the translator
    assert "MigraDO (" in answer  # glossary: kept German, explained at first mention
    assert "[ti] Melden Sie Ihre Wohnung innerhalb von zwei Wochen an" in answer
    # Every topic answers in Tigrinya.
    for topic in ("health", "banking", "transport"):
        assert "[ti]" in all_text(await chat.press_data(f"topic:v1:{topic}"))
    # A second reader of Tigrinya costs no new translation calls: the memory has it all.
    before = len(libre.requests)
    other = await make_chat(language_code="en", user_id=99, libretranslate_url=libre.url)
    await other.press_data("lang:v1:other")
    await other.send("ti")
    await other.press_data("topic:v1:registration:eu")
    assert len(libre.requests) == before


async def test_translator_down_falls_back_to_a_curated_language_and_says_why(
    make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    chat = await make_chat(
        language_code="de", libretranslate_url=libre.url, translator_timeout_seconds=1
    )
    chat.app.bot_data.translator.sleep = _no_sleep
    await chat.press_data("lang:v1:de")
    await chat.press_data("lang:v1:other")
    await chat.send("Somali")
    libre.fail_next = [503] * 1000  # the translator goes down
    calls = await chat.press_data("topic:v1:health")
    text = all_text(calls)
    # One sentence why, in the reader's language as far as it is already known (the UI strings
    # were translated while the service was up), naming the language of the answer.
    why = chat.app.bot_data.catalogues.t("so", "translation-unavailable", language="Deutsch")
    assert why in text
    assert "Gesundheit" in text  # the answer, in German (the reader's second language)
    assert "menu:v1:show" in [d for c in calls for _, d in c.buttons]


async def test_unknown_language_name_and_no_translator(
    make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    chat = await tigrinya_chat(make_chat, libre)
    calls = await chat.send("Klingon")
    assert "could not find that language" in all_text(calls)
    plain = await make_chat(language_code="en", user_id=7)  # no translator configured
    calls = await plain.send("/language")
    assert "lang:v1:other" not in data_of(calls, "lang:v1:")
    calls = await plain.press_data("lang:v1:ti")
    assert "do not know this language choice" in all_text(calls)


async def test_typed_question_in_another_language_is_read_via_german(
    make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    from bot.services.nlu import NluResult

    class FakeNlu:
        """Understands only German (records what it was asked)."""

        def __init__(self) -> None:
            self.seen: list[str] = []

        async def parse(self, text: str, budget: float | None = None) -> NluResult:
            self.seen.append(text)
            if text.startswith("[de]"):
                return NluResult(text, "health", 0.9, (("health", 0.9),))
            return NluResult(text, "out_of_scope", 0.1, (("out_of_scope", 0.1),))

        async def aclose(self) -> None:
            return None

    chat = await tigrinya_chat(make_chat, libre)
    await chat.send("ti")
    nlu = FakeNlu()
    chat.app.bot_data.nlu = nlu  # type: ignore[assignment]
    calls = await chat.send("ሓኪም ይደሊ")
    assert nlu.seen == ["ሓኪም ይደሊ", "[de] ሓኪም ይደሊ"]
    assert "[ti] Gesundheit" in all_text(calls)


def test_content_translate_writes_machine_translations(
    content_copy, libre: FakeLibreTranslate, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from bot.__main__ import main
    from bot.services.content import Status, load_snapshot

    monkeypatch.setenv("CONTENT_DIR", str(content_copy / "content"))
    monkeypatch.setenv("TRANSLATIONS_DIR", str(content_copy / "translations"))
    monkeypatch.setenv("LIBRETRANSLATE_URL", libre.url)
    assert main(["content", "translate", "--lang", "ti", "--missing"]) == 0
    assert "12 topic(s) written" in capsys.readouterr().out
    snapshot = load_snapshot(content_copy / "content", content_copy / "translations")
    assert {snapshot.status(t, "ti") for t in snapshot.sources} == {Status.MACHINE_TRANSLATED}
    text = snapshot.translations["ti"]["counselling"]
    assert "{office_address}" in text.body["office"]  # placeholders survive
    assert [str(p) for p in snapshot.validate(["ti"]) if "/ti/" in str(p)] == []
    assert main(["content", "status", "--lang", "ti"]) == 0
    assert "MACHINE_TRANSLATED" in capsys.readouterr().out
    # Nothing left to do: a second run makes no request.
    requests_before = len(libre.requests)
    assert main(["content", "translate", "--lang", "ti", "--missing"]) == 0
    assert len(libre.requests) == requests_before


async def test_change_language_takes_the_last_named_language(make_chat: AppFactory) -> None:
    from bot.services.nlu import Entity, NluResult

    class FakeNlu:
        async def parse(self, text: str, budget: float | None = None) -> NluResult:
            entities = (Entity("language", "de", "german"), Entity("language", "TR", "turc"))
            return NluResult(text, "change_language", 0.95, (("change_language", 0.95),), entities)

        async def aclose(self) -> None:
            return None

    chat = await make_chat(language_code="fr")
    chat.app.bot_data.nlu = FakeNlu()  # type: ignore[assignment]
    calls = await chat.send("je ne parle pas allemand, en turc svp")
    assert chat.app.bot_data.catalogues.t("tr", "menu-title") in all_text(calls)
