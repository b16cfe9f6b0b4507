"""Coverage you can see: `lotse translate coverage`, the table at start, the picker, and what
counsellors read when a language has no engine — through the real Application and loopback
engines (LibreTranslate with the languages docker-compose.yml loads, and the NLLB service)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot import PROJECT_ROOT
from bot.__main__ import main
from bot.languages import CODES
from bot.services.content import load_snapshot
from bot.translate_cli import _content, parallel_segments
from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate, deployed_languages
from tests.fake_nllb import FakeNllb
from tests.handoff_helpers import GROUP, TUESDAY_10, Team, newcomer, open_case, staff, to_chat
from tests.helpers import Clock, all_text


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY_10)


@pytest.fixture
def deployed() -> Iterator[FakeLibreTranslate]:
    """LibreTranslate as docker-compose.yml runs it: only the languages of LT_LOAD_ONLY."""
    with FakeLibreTranslate(deployed_languages()) as server:
        yield server


def _rows(output: str) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for line in output.splitlines():
        parts = line.replace("!", " ").split()
        if len(parts) >= 3 and parts[0] in (*CODES, "ti", "so", "ps", "prs", "ckb", "am", "es"):
            rows[parts[0]] = parts[-2:]
    return rows


def _env(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name in ("TRANSLATOR", "TRANSLATORS", "LIBRETRANSLATE_URL", "NLLB_URL", "DEEPL_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_coverage_of_the_documented_configuration(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    deployed: FakeLibreTranslate,
    nllb: FakeNllb,
) -> None:
    _env(monkeypatch, TRANSLATORS="libre,nllb", LIBRETRANSLATE_URL=deployed.url, NLLB_URL=nllb.url)
    assert main(["translate", "coverage"]) == 0
    output = capsys.readouterr().out
    assert "translation engines, in order: libre, nllb" in output
    rows = _rows(output)
    for code in CODES[1:]:
        assert rows[code] == (["nllb", "nllb"] if code == "ku" else ["libre", "libre"]), code
    # Beyond the twelve: what LibreTranslate lacks comes from NLLB, the rest from LibreTranslate.
    for code in ("ti", "so", "ps", "prs", "ckb", "am"):
        assert rows[code] == ["nllb", "nllb"], code
    assert rows["es"] == ["libre", "libre"]
    assert "every curated language is served both ways" in output


def test_coverage_flags_a_curated_language_without_an_engine(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    deployed: FakeLibreTranslate,
) -> None:
    _env(monkeypatch, TRANSLATORS="libre", LIBRETRANSLATE_URL=deployed.url)
    assert main(["translate", "coverage"]) == 1
    output = capsys.readouterr().out
    [kurmanji] = [line for line in output.splitlines() if line.split()[1:2] == ["ku"]]
    assert kurmanji.startswith("!") and kurmanji.split()[-2:] == ["—", "—"]
    assert "without machine translation both ways: ku" in output
    assert "ti" not in _rows(output)  # the picker does not offer what nobody serves


def test_coverage_with_an_unreachable_engine_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _env(monkeypatch, TRANSLATORS="libre", LIBRETRANSLATE_URL="http://127.0.0.1:9/")
    assert main(["translate", "coverage"]) == 1
    output = capsys.readouterr().out
    assert "libre (unreachable)" in output


async def test_the_bot_logs_the_table_once_at_start_and_warns_about_kurmanji(
    make_chat: AppFactory, deployed: FakeLibreTranslate, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    chat = await make_chat(translators="libre", libretranslate_url=deployed.url)
    await chat.app.bot_data.coverage_task
    tables = [r for r in caplog.records if "machine translation coverage" in r.getMessage()]
    assert len(tables) == 1 and tables[0].levelno == logging.INFO
    assert "translation engines, in order: libre" in tables[0].getMessage()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [w for w in warnings if w.startswith("curated language ku ")] == [warnings[0]]
    assert len([w for w in warnings if w.startswith("curated language")]) == 1


async def test_the_picker_hides_languages_nobody_serves_both_ways(make_chat: AppFactory) -> None:
    languages = {**deployed_languages(), "so": "Somali", "ti": "Tigrinya"}
    with FakeLibreTranslate(languages, targets_only=frozenset({"so"})) as libre:
        chat = await make_chat(language_code="en", libretranslate_url=libre.url)
        await chat.press_data("lang:v1:en")
        await chat.press_data("lang:v1:other")
        calls = await chat.send("Somali")  # LibreTranslate here translates into it, not from it
        assert chat.app.bot_data.catalogues.t("en", "language-other-unknown") in all_text(calls)
        assert chat.app.user_data[4242].language == "en"
        calls = await chat.press_data("lang:v1:so")  # an old or forged button: same answer
        assert chat.app.user_data[4242].language == "en"
        await chat.press_data("lang:v1:other")
        await chat.send("Tigrinya")
        assert chat.app.user_data[4242].language == "ti"


async def test_a_kurmanji_handoff_without_an_engine_tells_the_counsellor_in_german(
    make_chat: AppFactory, clock: Clock, deployed: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "ku", clock, deployed, translators="libre")
    team = Team(chat)
    thread = await open_case(chat, None)
    calls = await chat.send("Silav, pirsek min heye li ser xaniyê")
    relayed = all_text(to_chat(calls, GROUP))
    assert "Silav, pirsek min heye li ser xaniyê" in relayed  # the original, as it is
    note = staff(chat, "staff-relay-no-engine", language="Kurdisch (ku)")
    assert note in relayed
    assert "Für Kurdisch (ku) ist keine maschinelle Übersetzung eingerichtet" in note
    assert not deployed.requests  # nothing was even tried
    calls = await team.say("Guten Tag, wie kann ich helfen?", thread)
    confirmation = staff(chat, "staff-sent-no-engine", language="Kurdisch (ku)")
    assert confirmation in all_text(to_chat(calls, GROUP))


async def test_a_kurmanji_handoff_with_nllb_is_translated_both_ways(
    make_chat: AppFactory, clock: Clock, deployed: FakeLibreTranslate, nllb: FakeNllb
) -> None:
    chat = await newcomer(
        make_chat, "ku", clock, deployed, translators="libre,nllb", nllb_url=nllb.url
    )
    team = Team(chat)
    thread = await open_case(chat, None)
    calls = await chat.send("Silav, pirsek min heye")
    assert "[deu_Latn] Silav, pirsek min heye" in all_text(to_chat(calls, GROUP))
    calls = await team.say("Guten Tag!", thread)
    assert "[kmr_Latn] Guten Tag!" in all_text(calls)
    assert not deployed.requests  # LibreTranslate has no Kurmanji: never asked


async def test_an_engine_that_is_down_is_not_reported_as_missing(
    make_chat: AppFactory, clock: Clock, deployed: FakeLibreTranslate
) -> None:
    chat = await newcomer(
        make_chat, "ar", clock, deployed, translators="libre", translator_timeout_seconds=1
    )
    chat.app.bot_data.translator.attempts = 1
    await open_case(chat, None)
    deployed.fail_next = [503] * 10
    calls = await chat.send("مرحبا")
    relayed = all_text(to_chat(calls, GROUP))
    assert staff(chat, "staff-relay-untranslated") in relayed
    assert "keine maschinelle Übersetzung eingerichtet" not in relayed


def test_benchmark_scores_each_engine_against_the_curated_translations(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    deployed: FakeLibreTranslate,
    nllb: FakeNllb,
) -> None:
    _env(monkeypatch, TRANSLATORS="libre,nllb", LIBRETRANSLATE_URL=deployed.url, NLLB_URL=nllb.url)
    assert main(["translate", "benchmark", "--lang", "ku"]) == 0
    output = capsys.readouterr().out
    lines = {line.split()[0]: line.split() for line in output.splitlines() if line.strip()}
    assert lines["libre"][1:3] == ["not", "served"]  # no Kurmanji in LibreTranslate
    assert lines["nllb"][1] == "nllb" and 0 <= float(lines["nllb"][2]) <= 100
    assert lines["nllb"][3] == "0"  # no segment failed
    segments = int(output.split(":")[1].split()[0])
    assert segments >= 12 * 3  # titles, questions, answer lines of twelve topics
    # Every distinct segment went through the engine (the stand-in sees the lines' texts).
    sent = {text for texts, _, _ in nllb.backend.batches for text in texts}
    pairs = parallel_segments(
        load_snapshot(PROJECT_ROOT / "content", PROJECT_ROOT / "translations"), "ku"
    )
    assert len(pairs) == segments
    assert all(
        _content(german)[1].split("**")[0][:20] in "\n".join(sent) for german, _ in pairs[:5]
    )
    assert "machine-made and not reviewed" in output
    # German is the source, and a language without curated translations cannot be scored.
    assert main(["translate", "benchmark", "--lang", "de"]) == 2
    assert main(["translate", "benchmark", "--lang", "ti"]) == 2
