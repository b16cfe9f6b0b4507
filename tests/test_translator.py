"""The translator service against a LibreTranslate-compatible loopback server (real client path)."""

from __future__ import annotations

import time

import pytest

from bot import PROJECT_ROOT
from bot.services.engines import LibreEngine
from bot.services.glossary import Glossary
from bot.services.translator import TranslationFailed, Translator
from tests.fake_libretranslate import FakeLibreTranslate

GLOSSARY = Glossary.load(PROJECT_ROOT / "content" / "glossary.yml")


async def _no_sleep(_: float) -> None:
    return None


def make(libre: FakeLibreTranslate, redis=None, **kwargs: object) -> Translator:
    options: dict[str, object] = {"timeout": 2.0, "sleep": _no_sleep, "glossary": GLOSSARY}
    options.update(kwargs)
    return Translator([LibreEngine(libre.url)], redis, **options)  # type: ignore[arg-type]


async def test_translates_through_libretranslates_api_with_a_json_body(
    libre: FakeLibreTranslate,
) -> None:
    translator = make(libre)
    assert await translator.translate("Guten Tag", "de", "ti") == "[ti] Guten Tag"
    assert libre.requests[-1]["source"] == "de" and libre.requests[-1]["target"] == "ti"
    [sent] = [r for r in libre.raw if r["path"] == "/translate"]
    assert sent["method"] == "POST" and sent["query"] == ""  # nothing in the URL
    assert sent["body"] == {"q": "Guten Tag", "source": "de", "target": "ti", "format": "text"}


async def test_ukrainian_works(libre: FakeLibreTranslate) -> None:
    assert await make(libre).translate("Hallo", "de", "uk") == "[uk] Hallo"


async def test_glossary_terms_stay_german_and_are_explained_once(libre: FakeLibreTranslate) -> None:
    result = await make(libre).translate(
        "Die Anmeldung machen Sie bei den Bürgerdiensten. Ohne Anmeldung keine Meldebescheinigung.",
        "de",
        "so",
    )
    # The engine never saw the terms; they come back in German, explained at first mention.
    sent = [r["q"] for r in libre.requests]
    assert "Anmeldung" not in sent[0] and "⟦0⟧" in sent[0]
    assert result.count("Anmeldung (") == 1  # explained once, not at the second mention
    assert "Meldebescheinigung (" in result
    assert "[so] Anmeldung der Wohnung beim Amt" in result  # the explanation, translated


async def test_memory_spares_repeated_calls(libre: FakeLibreTranslate, redis) -> None:
    first = make(libre, redis)
    await first.translate("Wo ist der Bus?", "de", "ti")
    calls = len(libre.requests)
    second = make(libre, redis)  # a new process: only Redis remembers
    assert await second.translate("Wo ist der Bus?", "de", "ti") == "[ti] Wo ist der Bus?"
    assert len(libre.requests) == calls and second.hits == 1
    keys = [k async for k in redis.scan_iter(match="lotse:tm:libre:de:ti:*")]
    assert len(keys) == 1 and 0 < await redis.ttl(keys[0]) <= 90 * 86400


@pytest.mark.parametrize("status", [429, 500, 502, 503])
async def test_rate_limits_and_server_errors_are_retried(
    libre: FakeLibreTranslate, status: int
) -> None:
    libre.fail_next = [status, status]
    assert await make(libre, attempts=3).translate("Hallo", "de", "ti") == "[ti] Hallo"
    assert len(libre.requests) == 3


async def test_persistent_failure_raises_translation_failed(libre: FakeLibreTranslate) -> None:
    libre.fail_next = [503] * 10
    with pytest.raises(TranslationFailed):
        await make(libre, attempts=3).translate("Hallo", "de", "ti")
    assert len(libre.requests) == 3


async def test_client_errors_are_not_retried(libre: FakeLibreTranslate) -> None:
    libre.fail_next = [400]
    with pytest.raises(TranslationFailed):
        await make(libre, attempts=3).translate("Hallo", "de", "ti")
    assert len(libre.requests) == 1


async def test_a_hanging_server_is_cut_off_in_time(libre: FakeLibreTranslate) -> None:
    libre.hang_seconds = 3
    started = time.monotonic()
    with pytest.raises(TranslationFailed):
        await make(libre, timeout=0.3, attempts=2).translate("Hallo", "de", "ti")
    assert time.monotonic() - started < 2


async def test_malformed_answers_fail(libre: FakeLibreTranslate) -> None:
    libre.malformed = True
    with pytest.raises(TranslationFailed):
        await make(libre, attempts=1).translate("Hallo", "de", "ti")


async def test_unreachable_server_fails() -> None:
    translator = Translator(
        [LibreEngine("http://127.0.0.1:9/")], timeout=1, attempts=2, sleep=_no_sleep
    )
    with pytest.raises(TranslationFailed):
        await translator.translate("Hallo", "de", "ti")


async def test_languages_come_from_the_server(libre: FakeLibreTranslate) -> None:
    languages = await make(libre).languages()
    assert languages["ti"] == "Tigrinya" and languages["uk"] == "Ukrainian"
