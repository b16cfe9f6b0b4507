"""The long-question held-out set (``nlu/tests/long/<lang>.yml``): its scores.

Labels are frequent-question ids ``<topic>/<slug>`` (or ``out_of_scope``). Each message is parsed
as the bot would parse it (``nlu_cli._parse_lines``: client, thresholds, plan), and scored at
both levels:

- topic top-1: the model's best topic is the question's topic (per language, overall, weakest);
- topic answered: the topic the bot acts on after its thresholds is the right one;
- question top-1: the model's best question is the right one; question answered: the bot
  answers exactly that question (and how often it answers a wrong one);
- right topic offered: the right topic is among what the bot puts in front of the reader
  (the answered topic, the runner-up offered beside it, the "did you mean" choices);
- out of scope: such messages are not answered as a topic.

Only figures and label names leave this module, never the held-out texts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from bot.services.nlu import FALLBACK, OUT_OF_SCOPE

NOT_ANSWERED = {OUT_OF_SCOPE, FALLBACK}


def _rate(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def score_long(rows: list[tuple[str, str, str]], results: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of the long set (see the module docstring)."""
    topic_top1: dict[str, list[bool]] = defaultdict(list)
    answered: list[bool] = []
    question_top1: dict[str, list[bool]] = defaultdict(list)
    question_answered: list[bool] = []
    question_wrong: list[bool] = []
    offered: list[bool] = []
    oos: list[bool] = []
    oos_answered_as: Counter[str] = Counter()
    confusions: Counter[str] = Counter()
    question_confusions: Counter[str] = Counter()
    for (lang, label, _), result in zip(rows, results, strict=True):
        topic = label.split("/", 1)[0]
        if topic == OUT_OF_SCOPE:
            oos.append(result["intent"] in NOT_ANSWERED)
            if result["intent"] not in NOT_ANSWERED:
                oos_answered_as[f"{lang}: {result['intent']}"] += 1
            continue
        top = result.get("top")
        topic_top1[lang].append(top == topic)
        if top != topic:
            confusions[f"{lang}: {topic} -> {top}"] += 1
        answered.append(result["intent"] == topic)
        offered.append(topic in result.get("offered_topics", []))
        if "/" in label:
            best = result.get("top_question")
            question_top1[lang].append(best == label)
            if best != label and top == topic:
                question_confusions[f"{label} -> {best}"] += 1
            chosen = result.get("question")
            question_answered.append(chosen == label)
            question_wrong.append(chosen is not None and chosen != label)
    by_language = {lang: _rate(v) for lang, v in sorted(topic_top1.items())}
    all_topic = [ok for v in topic_top1.values() for ok in v]
    all_question = [ok for v in question_top1.values() for ok in v]
    weakest = min(
        ((k, v) for k, v in by_language.items() if v is not None),
        key=lambda kv: kv[1],
        default=None,
    )
    return {
        "examples": len(rows),
        "in_scope": len(all_topic),
        "topic_top1": _rate(all_topic),
        "topic_top1_by_language": by_language,
        "weakest_language": weakest,
        "topic_answered": _rate(answered),
        "question_top1": _rate(all_question),
        "question_top1_by_language": {k: _rate(v) for k, v in sorted(question_top1.items())},
        "question_answered": _rate(question_answered),
        "wrong_question_answered": _rate(question_wrong),
        "right_topic_offered": _rate(offered),
        "out_of_scope_examples": len(oos),
        "out_of_scope_not_answered": _rate(oos),
        "out_of_scope_answered_as": oos_answered_as.most_common(),
        "topic_confusions": confusions.most_common(15),
        "question_confusions_within_right_topic": question_confusions.most_common(15),
    }


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def print_long_report(report: dict[str, Any]) -> None:
    """The figures a person reads (labels only, never texts)."""
    print(f"\nlong questions (nlu/tests/long): {report['examples']} held-out examples")
    print(f"topic top-1: {_pct(report['topic_top1'])}")
    print(
        "topic top-1 by language: "
        + ", ".join(f"{k} {_pct(v)}" for k, v in report["topic_top1_by_language"].items())
    )
    weakest = report["weakest_language"]
    if weakest:
        print(f"weakest language (topic top-1): {weakest[0]} {_pct(weakest[1])}")
    print(f"topic the bot acts on (after thresholds) right: {_pct(report['topic_answered'])}")
    print(f"question top-1: {_pct(report['question_top1'])}")
    print(
        "question top-1 by language: "
        + ", ".join(f"{k} {_pct(v)}" for k, v in report["question_top1_by_language"].items())
    )
    print(
        f"question answered directly and right: {_pct(report['question_answered'])}, "
        f"a wrong question answered: {_pct(report['wrong_question_answered'])}"
    )
    print(
        "right topic among the topics offered (answered, runner-up, choices): "
        f"{_pct(report['right_topic_offered'])}"
    )
    if report["out_of_scope_examples"]:
        print(
            f"out of scope not answered as a topic: {_pct(report['out_of_scope_not_answered'])} "
            f"of {report['out_of_scope_examples']}"
        )
    if report["out_of_scope_answered_as"]:
        print(
            "out of scope answered as: "
            + ", ".join(f"{k} ×{n}" for k, n in report["out_of_scope_answered_as"])
        )
    if report["topic_confusions"]:
        print(
            "topic confusions (language: expected -> model's top-1): "
            + ", ".join(f"{k} ×{n}" for k, n in report["topic_confusions"][:10])
        )
