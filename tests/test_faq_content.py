"""Frequent questions as content: the fixed ids, the German sources, the source hash."""

from __future__ import annotations

from pathlib import Path

from bot import PROJECT_ROOT
from bot.services.content import TOPIC_IDS, Status, load_snapshot
from bot.services.faq import KEPT_TERMS, faq_hash

#: The question ids are a contract between content, NLU and tests (issue 15): fixed.
FAQ_IDS = {
    "registration": (
        "deadline documents landlord_confirmation no_own_flat family_members moving "
        "appointment late"
    ),
    "residence_permit": (
        "extend work_allowed duldung family_reunion move_city lost_document eu_citizen appointment"
    ),
    "language_course": (
        "integration_course_duty cost with_children women literacy working free_practice status_any"
    ),
    "kita": "how_to_apply age cost no_place language documents",
    "school": "enrolment duty no_german older_teen certificates costs",
    "jobcenter_benefits": (
        "eligible savings apply asylum_seeker child_benefit low_income eu_citizen"
    ),
    "work_recognition": (
        "recognise_degree find_job training translate_documents cost regulated_profession study"
    ),
    "health": "insurance cost find_doctor no_insurance out_of_hours pregnancy mental vaccination",
    "housing": (
        "find_flat rent_too_high jobcenter_rent wbs deposit electricity_gas homeless "
        "landlord_problems"
    ),
    "banking": "open_account no_registration refused send_money_home tax_id debts",
    "transport": "ticket cheap_ticket deutschlandticket fine driving_licence school_children",
    "counselling": "where lokal_willkommen youth adults_mbe home_visit interpreter integreat",
}


def _snapshot(root: Path = PROJECT_ROOT):
    return load_snapshot(root / "content", root / "translations")


def test_the_85_fixed_question_ids_in_their_order() -> None:
    faqs = _snapshot().faqs
    assert set(FAQ_IDS) == set(TOPIC_IDS)
    for topic_id, slugs in FAQ_IDS.items():
        expected = tuple(f"{topic_id}/{slug}" for slug in slugs.split())
        assert faqs.ids(topic_id) == expected
        assert len(expected) >= 6
    assert len(faqs.ids()) == 85


def test_german_sources_are_valid_short_and_honest_about_facts() -> None:
    snapshot = _snapshot()
    services = snapshot.booking.services if snapshot.booking else None
    assert snapshot.faqs.validate(("de",), TOPIC_IDS, services) == []
    for source in snapshot.faqs.sources.values():
        words = len(source.body.split())
        assert 40 <= words <= 100, (source.id, words)
        assert source.question.strip() and source.facts
        assert source.offers, source.id
        for fact in source.facts:
            # Verified only with the fact sheet as its source; everything else is for editors.
            assert bool(fact.get("verified")) == ("DESIGN.md" in str(fact.get("source", "")))


def test_the_source_hash_covers_question_and_answer_only(content_copy: Path) -> None:
    path = content_copy / "content/faq/kita/age.md"
    before = _snapshot(content_copy).faqs.sources["kita/age"].source_hash
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("review_date: 2027-05-01", "review_date: 2028-01-01")
        .replace("order: 2", "order: 9")
        .replace("offers: [office, booking, handoff]", "offers: [handoff]"),
        encoding="utf-8",
    )
    assert _snapshot(content_copy).faqs.sources["kita/age"].source_hash == before
    path.write_text(text.replace("Ab dem ersten Geburtstag", "Ab dem 1. Geburtstag"), "utf-8")
    changed = _snapshot(content_copy).faqs.sources["kita/age"]
    assert changed.source_hash != before
    assert changed.source_hash == faq_hash(changed.question, changed.body)


def test_status_hashes_lists_every_question(capsys, monkeypatch) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("CONTENT_DIR", str(PROJECT_ROOT / "content"))
    monkeypatch.setenv("TRANSLATIONS_DIR", str(PROJECT_ROOT / "translations"))
    assert main(["content", "status", "--hashes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    faqs = _snapshot().faqs
    for question_id in faqs.ids():
        assert f"{question_id:44} {faqs.sources[question_id].source_hash}" in lines


def _problems(root: Path, langs: tuple[str, ...]) -> list[str]:
    return [str(p) for p in _snapshot(root).validate(langs)]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_english_translations_are_current_machine_made_and_keep_the_names() -> None:
    snapshot = _snapshot()
    faqs = snapshot.faqs
    assert [p for p in _problems(PROJECT_ROOT, ("en",))] == []
    for question_id in faqs.ids():
        assert faqs.status(question_id, "en") is Status.MACHINE_TRANSLATED
        text = faqs.translations["en"][question_id]
        assert text.machine_translated and not text.reviewed
        german = faqs.sources[question_id]
        for term in KEPT_TERMS:
            if term in german.body:
                assert term in text.body, (question_id, term)


def test_missing_outdated_and_broken_faq_translations_are_caught(content_copy: Path) -> None:
    en = content_copy / "translations/en/faq"
    (en / "kita/cost.md").unlink()
    _edit(
        content_copy / "content/faq/kita/age.md",
        "Manche Kitas nehmen auch jüngere",
        "Einige Kitas nehmen auch jüngere",
    )
    _edit(en / "banking/debts.md", "MigraDO, Friedensplatz 7", "the welcome centre")
    _edit(en / "school/duty.md", "School is compulsory", "School {is} compulsory")
    text = (en / "health/cost.md").read_text(encoding="utf-8")
    (en / "health/cost.md").write_text(text[: text.index("\n---\n") + 5], encoding="utf-8")
    (en / "health/old_question.md").write_text(
        (en / "health/mental.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    problems = _problems(content_copy, ("en",))
    assert "translations/en/faq/kita/cost.md: missing translation" in problems
    assert (
        "translations/en/faq/kita/age.md: outdated: the German source changed since it was made"
        in problems
    )
    assert (
        "translations/en/faq/banking/debts.md: terms must stay as they are: MigraDO, "
        "Friedensplatz 7" in problems
    )
    assert "translations/en/faq/school/duty.md: stray brace" in problems
    assert "translations/en/faq/health/cost.md: empty answer" in problems
    assert any(p.startswith("translations/en/faq/health/old_question.md: ") for p in problems)
    snapshot = _snapshot(content_copy)
    # An outdated translation is never shown: the German source is, until it is translated.
    text_shown = snapshot.faqs.text("kita/age", "en")
    assert text_shown is not None and text_shown.lang == "de"
    assert snapshot.faqs.text("kita/language", "en").lang == "en"  # type: ignore[union-attr]


def test_broken_german_sources_are_caught(content_copy: Path) -> None:
    faq = content_copy / "content/faq"
    _edit(faq / "kita/age.md", "offers: [office, booking, handoff]", "offers: [office, taxi]")
    _edit(faq / "kita/cost.md", "service: arrival_counselling", "service: haircut")
    _edit(faq / "school/duty.md", "id: school/duty", "id: school/compulsory")
    _edit(
        faq / "health/mental.md",
        '  - claim: "TelefonSeelsorge: 0800 111 0 111, kostenlos, rund um die Uhr"\n'
        "    verified: false",
        '  - claim: "TelefonSeelsorge: 0800 111 0 111, kostenlos, rund um die Uhr"\n'
        "    verified: true",
    )
    (faq / "transport/Bad-Name.md").write_text(
        (faq / "transport/fine.md").read_text(encoding="utf-8").replace("transport/fine", "x"),
        encoding="utf-8",
    )
    (faq / "weather").mkdir()
    (faq / "weather/rain.md").write_text("---\nid: weather/rain\nquestion: Regen?\n---\nJa.\n")
    problems = _problems(content_copy, ("de",))
    assert "content/faq/kita/age.md: unknown offer 'taxi' (known: booking, office, handoff)" in (
        problems
    )
    assert "content/faq/kita/age.md: names a 'service' but does not offer booking" in problems
    assert "content/faq/kita/cost.md: unknown booking service 'haircut'" in problems
    assert (
        "content/faq/school/duty.md: id 'school/compulsory' does not match the file name"
        in problems
    )
    assert any(
        p.startswith("content/faq/health/mental.md: verified fact without a source")
        for p in problems
    )
    assert any("transport/Bad-Name.md: the file name must be" in p for p in problems)
    assert "content/faq/weather/rain.md: unknown topic 'weather'" in problems


def test_unreadable_question_blocks_a_reload(content_copy: Path) -> None:
    from bot.services.content import ContentRepository

    repo = ContentRepository(content_copy / "content", content_copy / "translations")
    before = repo.current
    (content_copy / "content/faq/kita/age.md").write_text("no front matter", encoding="utf-8")
    problems = [str(p) for p in repo.reload()]
    assert any("kita/age.md" in p and "no front matter" in p for p in problems)
    assert repo.current is before  # the old content stays


def test_status_has_faq_rows_per_topic_and_per_question(capsys, monkeypatch) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("CONTENT_DIR", str(PROJECT_ROOT / "content"))
    monkeypatch.setenv("TRANSLATIONS_DIR", str(PROJECT_ROOT / "translations"))
    assert main(["content", "status", "--lang", "de", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert any(
        line.split() == ["registration/*", "(8)", "UP_TO_DATE", "MACHINE_TRANSLATED"]
        for line in out.splitlines()
    )
    assert "Frequent questions: MISSING: 0, OUTDATED: 0, MACHINE_TRANSLATED: 85" in out
    assert main(["content", "status", "--faq", "--lang", "en"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["housing/rent_too_high", "MACHINE_TRANSLATED"] in rows
    assert sum(1 for r in rows if len(r) == 2 and "/" in r[0] and "*" not in r[0]) == 85


def test_content_translate_writes_faq_translations(
    content_copy: Path, libre, monkeypatch, capsys
) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("CONTENT_DIR", str(content_copy / "content"))
    monkeypatch.setenv("TRANSLATIONS_DIR", str(content_copy / "translations"))
    monkeypatch.setenv("LIBRETRANSLATE_URL", libre.url)
    assert main(["content", "translate", "--lang", "ti", "--missing"]) == 0
    assert "85 frequent question(s) written to translations/ti/faq, 0 failed" in (
        capsys.readouterr().out
    )
    faqs = _snapshot(content_copy).faqs
    assert {faqs.status(q, "ti") for q in faqs.ids()} == {Status.MACHINE_TRANSLATED}
    text = faqs.translations["ti"]["language_course/integration_course_duty"]
    assert text.question.startswith("[ti] Muss ich einen Integrationskurs")
    assert "Friedensplatz 7" in text.body and "[ti]" in text.body
    assert [p for p in _problems(content_copy, ("ti",)) if "/faq/" in p] == []
    # A German change: --outdated translates exactly that question again.
    _edit(
        content_copy / "content/faq/kita/age.md",
        "Manche Kitas nehmen auch jüngere",
        "Einige Kitas nehmen auch jüngere",
    )
    before = len(libre.requests)
    assert main(["content", "translate", "--lang", "ti", "--outdated"]) == 0
    assert "1 frequent question(s) written" in capsys.readouterr().out
    assert len(libre.requests) > before
    assert _snapshot(content_copy).faqs.status("kita/age", "ti") is Status.MACHINE_TRANSLATED
