"""Frequent questions as content: the fixed ids, the German sources, the source hash."""

from __future__ import annotations

from pathlib import Path

from bot import PROJECT_ROOT
from bot.services.content import TOPIC_IDS, load_snapshot
from bot.services.faq import faq_hash

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
