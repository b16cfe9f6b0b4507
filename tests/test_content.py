"""Content: validation catches broken translations, status is derived, reload works, facts hold."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from bot import PROJECT_ROOT
from bot.i18n import Catalogues
from bot.languages import CODES
from bot.services.catalogue import validate_catalogues
from bot.services.content import TOPIC_IDS, ContentRepository, Status, load_snapshot
from bot.services.reload import publish_reload
from tests.conftest import AppFactory
from tests.helpers import all_text


def load(root: Path):
    return load_snapshot(root / "content", root / "translations")


def problems_of(root: Path, langs: tuple[str, ...] = CODES) -> list[str]:
    snapshot = load(root)
    cats = Catalogues.load(root / "translations")
    return [str(p) for p in snapshot.validate(langs) + validate_catalogues(cats, langs)]


def test_shipped_content_is_complete_and_valid() -> None:
    assert problems_of(PROJECT_ROOT) == []
    table = load(PROJECT_ROOT).status_table()
    assert set(table) == set(TOPIC_IDS)
    for row in table.values():
        assert set(row) == set(CODES)
        assert all(s in {Status.UP_TO_DATE, Status.MACHINE_TRANSLATED} for s in row.values())


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_broken_placeholder_in_a_translation_is_caught(content_copy: Path) -> None:
    _edit(content_copy / "translations/fr/topics/counselling.md", "{office_address}", "{adresse}")
    problems = problems_of(content_copy)
    assert any(
        "translations/fr/topics/counselling.md" in p and "broken placeholders" in p
        for p in problems
    )


def test_changed_german_makes_every_translation_outdated(content_copy: Path) -> None:
    _edit(content_copy / "content/topics/health.md", "title: ", "title: Neu – ")
    snapshot = load(content_copy)
    assert {snapshot.status("health", lang) for lang in CODES if lang != "de"} == {Status.OUTDATED}
    assert snapshot.status("banking", "ar") is Status.MACHINE_TRANSLATED
    problems = problems_of(content_copy)
    assert sum("outdated" in p and "/topics/health.md" in p for p in problems) == 11
    # An outdated translation is never shown: the bot falls back to the German source.
    answer = snapshot.answer("health", "ar")
    assert answer is not None and answer.lang == "de"


def test_metadata_changes_do_not_outdate_translations(content_copy: Path) -> None:
    _edit(
        content_copy / "content/topics/health.md",
        "review_date: 2027-05-01",
        "review_date: 2027-06-01",
    )
    assert problems_of(content_copy) == []


def test_missing_translation_and_missing_variant(content_copy: Path) -> None:
    (content_copy / "translations/pl/topics/kita.md").unlink()
    path = content_copy / "translations/tr/topics/registration.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("<!-- variant: non_eu -->")], encoding="utf-8")
    snapshot = load(content_copy)
    assert snapshot.status("kita", "pl") is Status.MISSING
    problems = problems_of(content_copy)
    assert "translations/pl/topics/kita.md: missing translation" in problems
    assert any("translations/tr/topics/registration.md" in p and "variants" in p for p in problems)


def test_unknown_office_id_is_caught(content_copy: Path) -> None:
    _edit(
        content_copy / "content/offices.yml", "office: mengede_huckarde}", "office: mengede_nord}"
    )
    problems = problems_of(content_copy)
    assert any("unknown office id 'mengede_nord'" in p for p in problems)


def test_ui_catalogue_problems_are_caught(content_copy: Path) -> None:
    path = content_copy / "translations/ru/ui.ftl"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^menu-title = .*$\n", "", text, flags=re.M)  # missing key
    text = text.replace("{ $address }", "{ $adres }", 1)  # broken placeholder
    text = re.sub(r"^nav-menu = .*$", "nav-menu = ", text, flags=re.M)  # empty value
    path.write_text(text + "\nthis is not fluent {\n", encoding="utf-8")
    _edit(
        content_copy / "translations/de/ui.ftl",
        "menu-book = 📅 Termin",
        "menu-book = 📅 Einen Termin",
    )
    problems = [p for p in problems_of(content_copy) if "translations/ru/ui.ftl" in p]
    assert any("missing key menu-title" in p for p in problems)
    assert any("broken placeholders" in p for p in problems)
    assert any("syntax error" in p for p in problems)
    assert any("outdated" in p and "menu-book" in p for p in problems)
    assert any("nav-menu" in p for p in problems)


def test_cli_validate_fails_on_a_broken_translation(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("CONTENT_DIR", str(content_copy / "content"))
    monkeypatch.setenv("TRANSLATIONS_DIR", str(content_copy / "translations"))
    assert main(["content", "validate"]) == 0
    _edit(content_copy / "translations/uk/topics/school.md", "source_hash: ", "source_hash: 0")
    assert main(["content", "validate"]) == 1
    assert "translations/uk/topics/school.md: outdated" in capsys.readouterr().out


def test_reload_keeps_old_content_when_the_new_is_unreadable(content_copy: Path) -> None:
    repo = ContentRepository(content_copy / "content", content_copy / "translations")
    path = content_copy / "content/topics/banking.md"
    path.write_text("no front matter", encoding="utf-8")
    problems = repo.reload()
    assert problems and "front matter" in str(problems[0])
    assert repo.current.sources["banking"].title  # still the old content


async def test_running_bot_picks_up_changed_content_without_restart(
    make_chat: AppFactory, content_copy: Path, redis
) -> None:
    chat = await make_chat(language_code="en", root=content_copy)
    await chat.press_data("lang:v1:de")
    before = all_text(await chat.press_data("topic:v1:banking"))
    assert "Neu geprüft" not in before
    _edit(content_copy / "content/topics/banking.md", "title: ", "title: Neu geprüft – ")
    for _ in range(100):  # the listener subscribes shortly after start
        if await publish_reload(redis):
            break
        await asyncio.sleep(0.05)
    for _ in range(100):
        text = all_text(await chat.press_data("topic:v1:banking"))
        if "Neu geprüft" in text:
            break
        await asyncio.sleep(0.05)
    assert "Neu geprüft" in text
    # The translations are now outdated, so an Arabic reader gets the German (with a note).
    await chat.press_data("lang:v1:ar")
    text = all_text(await chat.press_data("topic:v1:banking"))
    assert "Neu geprüft" in text


# -- content truth -------------------------------------------------------------------------

ALLOWED_ADDRESSES = {"Friedensplatz 7", "Westerfilder Straße 11a"}
ALLOWED_NUMBERS = {"112", "116117", "110"}


def _all_texts() -> list[tuple[str, str]]:
    snapshot = load(PROJECT_ROOT)
    texts = []
    for topic_id in TOPIC_IDS:
        for lang in CODES:
            text = snapshot.text(topic_id, lang)
            assert text is not None
            for variant, body in text.body.items():
                texts.append(
                    (f"{lang}/{topic_id}/{variant}", f"{text.title}\n{text.ask or ''}\n{body}")
                )
    for lang in CODES:
        texts.append(
            (
                f"{lang}/ui.ftl",
                (PROJECT_ROOT / "translations" / lang / "ui.ftl").read_text(encoding="utf-8"),
            )
        )
    return texts


def test_no_address_beyond_the_fact_sheet() -> None:
    street = re.compile(
        r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|str\.|platz|weg|allee|ring|hellweg)\s+\d+\s*[a-z]?\b"
    )
    for where, text in _all_texts():
        for found in street.findall(text):
            assert found.strip() in ALLOWED_ADDRESSES, f"{where}: unverified address {found!r}"


def test_no_phone_number_or_time_beyond_the_fact_sheet() -> None:
    phone = re.compile(r"(?<![\w.])\+?\d[\d /-]{2,}\d(?![\w.])")
    clock = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:Uhr|h)?\b")
    for where, text in _all_texts():
        for found in phone.findall(text):
            digits = re.sub(r"\D", "", found)
            if len(digits) >= 3 and not re.fullmatch(r"\d{1,2}[–-]\d{1,2}", found):
                is_year = len(digits) == 4 and digits.startswith("20")
                assert digits in ALLOWED_NUMBERS or is_year, f"{where}: number {found!r}"
        assert not clock.findall(text), f"{where}: opening hour {clock.findall(text)}"


def test_numbers_beyond_the_fact_sheet_are_marked_unverified() -> None:
    snapshot = load(PROJECT_ROOT)
    health = snapshot.sources["health"]
    for number in ("112", "116117"):
        if any(number in body for body in health.body.values()):
            claims = [f for f in health.facts if number in str(f.get("claim"))]
            assert claims and not any(f.get("verified") for f in claims), (
                f"{number} must be an unverified fact"
            )


def test_every_topic_has_its_editorial_metadata() -> None:
    snapshot = load(PROJECT_ROOT)
    for topic_id, source in snapshot.sources.items():
        assert source.review_date, topic_id
        assert source.sources, topic_id
        assert source.facts, topic_id
        for fact in source.facts:
            assert "verified" in fact, f"{topic_id}: {fact}"
            if fact["verified"]:
                assert "DESIGN.md" in str(fact.get("source")), (
                    f"{topic_id}: verified without a source: {fact}"
                )
