"""The second level of understanding: questions within topics, the runner-up topic, the plan
the bot follows, the settings behind it, and the long-question scores of `lotse nlu eval`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.nlu_long import score_long
from bot.services.nlu import Decision, NluResult, Plan, Question, Thresholds
from bot.settings import SettingsError, load_settings

TH = Thresholds(answer=0.4, clarify=0.15, question=0.5, runner_up=0.2, question_min_words=4)
RENT = "my rent is 700 and the jobcenter says it is too much, what now"


def reading(
    text: str, ranking: list[tuple[str, float]], questions: list[tuple[str, float]] | None = None
) -> NluResult:
    return NluResult(
        text,
        ranking[0][0],
        ranking[0][1],
        tuple(ranking),
        (),
        tuple(Question(q, c) for q, c in questions or []),
    )


def test_rasa_reading_carries_the_question_ranking() -> None:
    data: dict[str, Any] = {
        "intent": {"name": "housing", "confidence": 0.7},
        "intent_ranking": [{"name": "housing", "confidence": 0.7}],
        "question": {"name": "housing/rent_too_high", "confidence": 0.6},
        "question_ranking": [
            {"name": "housing/rent_too_high", "confidence": 0.6, "topic": "housing"},
            {"name": "housing/jobcenter_rent", "confidence": 0.1, "topic": "housing"},
            {"name": "no-slash", "confidence": 0.2},
            "not a dict",
        ],
    }
    result = NluResult.from_rasa(RENT, data)
    assert result.questions == (
        Question("housing/rent_too_high", 0.6),
        Question("housing/jobcenter_rent", 0.1),
    )
    assert result.question == Question("housing/rent_too_high", 0.6)
    assert result.question is not None and result.question.topic == "housing"
    # A model from before the question level: no questions, the topic level as before.
    old = NluResult.from_rasa("x", {"intent": {"name": "kita", "confidence": 0.9}})
    assert old.questions == () and old.question is None


def test_a_sure_question_is_answered_and_a_close_topic_offered_beside_it() -> None:
    result = reading(
        RENT,
        [("housing", 0.64), ("jobcenter_benefits", 0.29), ("out_of_scope", 0.03)],
        [("housing/rent_too_high", 0.6), ("jobcenter_benefits/savings", 0.2)],
    )
    plan = TH.plan(result)
    assert plan == Plan(
        Decision.ANSWER, "housing", (), "housing/rent_too_high", (), "jobcenter_benefits"
    )
    assert plan.offered_topics == ("housing", "jobcenter_benefits")


def test_an_unsure_question_gives_the_topic_with_its_likely_questions() -> None:
    result = reading(
        "ich habe eine frage zum jobcenter und meinem geld bitte",
        [("jobcenter_benefits", 0.8), ("housing", 0.1)],
        [
            ("jobcenter_benefits/eligible", 0.3),
            ("housing/jobcenter_rent", 0.08),
            ("jobcenter_benefits/apply", 0.25),
            ("jobcenter_benefits/savings", 0.1),
            ("jobcenter_benefits/low_income", 0.08),
            ("jobcenter_benefits/eu_citizen", 0.05),
        ],
    )
    plan = TH.plan(result)
    assert plan.decision is Decision.ANSWER and plan.intent == "jobcenter_benefits"
    assert plan.question is None
    # Only the answered topic's questions, best first, at most four.
    assert plan.questions == (
        "jobcenter_benefits/eligible",
        "jobcenter_benefits/apply",
        "jobcenter_benefits/savings",
        "jobcenter_benefits/low_income",
    )
    assert plan.other_topic is None  # housing at 0.1 is below the runner-up threshold


def test_a_word_or_two_names_a_topic_not_one_of_its_questions() -> None:
    result = reading("kita?", [("kita", 0.98)], [("kita/documents", 0.97), ("kita/age", 0.01)])
    plan = TH.plan(result)
    assert plan.intent == "kita" and plan.question is None
    assert plan.questions == ("kita/documents", "kita/age")
    longer = reading("what papers for the kita", [("kita", 0.98)], [("kita/documents", 0.97)])
    assert TH.plan(longer).question == "kita/documents"


def test_intents_without_questions_and_unsure_readings_keep_the_topic_level() -> None:
    greet = reading(
        "hallo", [("greet", 0.88), ("registration", 0.3)], [("registration/late", 0.01)]
    )
    assert TH.plan(greet) == Plan(Decision.ANSWER, "greet")
    unsure = reading(
        "hmm wohnung oder geld",
        [("housing", 0.3), ("jobcenter_benefits", 0.28), ("out_of_scope", 0.2)],
        [("housing/find_flat", 0.2)],
    )
    plan = TH.plan(unsure)
    assert plan.decision is Decision.CLARIFY and plan.question is None
    assert plan.candidates == ("housing", "jobcenter_benefits")
    assert plan.offered_topics == ("housing", "jobcenter_benefits")


def test_out_of_scope_is_never_the_runner_up() -> None:
    result = reading(
        RENT,
        [("housing", 0.6), ("out_of_scope", 0.3), ("jobcenter_benefits", 0.1)],
        [("housing/rent_too_high", 0.55)],
    )
    assert TH.plan(result).other_topic is None


def test_question_thresholds_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NLU_QUESTION_THRESHOLD", "0.7")
    monkeypatch.setenv("NLU_RUNNER_UP_THRESHOLD", "0.25")
    monkeypatch.setenv("NLU_QUESTION_MIN_WORDS", "6")
    th = load_settings(_env_file=None).nlu_thresholds
    assert (th.question, th.runner_up, th.question_min_words) == (0.7, 0.25, 6)
    result = reading(RENT, [("housing", 0.9), ("jobcenter_benefits", 0.05)], [(RENT_ID, 0.65)])
    assert th.plan(result).question is None  # 0.65 < 0.7
    monkeypatch.setenv("NLU_QUESTION_THRESHOLD", "1.5")
    with pytest.raises(SettingsError, match="NLU_QUESTION_THRESHOLD"):
        load_settings(_env_file=None)


RENT_ID = "housing/rent_too_high"


def _row(top: str, question: str | None, top_question: str | None, **extra: Any) -> dict[str, Any]:
    acted = extra.pop("intent", top)
    return {
        "intent": acted,
        "top": top,
        "question": question,
        "top_question": top_question,
        "offered_topics": extra.pop("offered", [acted] if acted != "nlu_fallback" else []),
        **extra,
    }


def test_long_scores_count_both_levels_per_language() -> None:
    rows = [
        ("de", RENT_ID, "a"),
        ("de", "residence_permit/duldung", "b"),
        ("ar", "language_course/integration_course_duty", "c"),
        ("ar", "jobcenter_benefits/savings", "d"),
        ("ar", "out_of_scope", "e"),
        ("ar", "out_of_scope", "f"),
    ]
    results = [
        # right topic and question, answered directly
        _row("housing", RENT_ID, RENT_ID),
        # right topic, wrong question answered
        _row("residence_permit", "residence_permit/extend", "residence_permit/extend"),
        # wrong topic, but the right one offered beside the answer
        _row(
            "residence_permit",
            None,
            "residence_permit/duldung",
            offered=["residence_permit", "language_course"],
        ),
        # unsure: "did you mean" without the right topic
        _row("banking", None, "banking/debts", intent="nlu_fallback", offered=["banking"]),
        _row("out_of_scope", None, None),
        _row("housing", None, "housing/find_flat"),  # an off-topic message answered as a topic
    ]
    report = score_long(rows, results)
    assert report["examples"] == 6 and report["in_scope"] == 4
    assert report["topic_top1"] == 0.5
    assert report["topic_top1_by_language"] == {"ar": 0.0, "de": 1.0}
    assert report["weakest_language"] == ("ar", 0.0)
    assert report["topic_answered"] == 0.5
    assert report["question_top1"] == 0.25
    assert report["question_answered"] == 0.25
    assert report["wrong_question_answered"] == 0.25
    assert report["right_topic_offered"] == 0.75
    assert report["out_of_scope_not_answered"] == 0.5
    assert report["out_of_scope_answered_as"] == [("ar: housing", 1)]
    assert ("ar: language_course -> residence_permit", 1) in report["topic_confusions"]


def test_a_missing_long_set_is_no_set(tmp_path: Path) -> None:
    from bot import nlu_cli

    assert nlu_cli.held_out(tmp_path / "long") == []
    assert (
        nlu_cli.evaluate_long("http://127.0.0.1:9", load_settings(_env_file=None), tmp_path) is None
    )
