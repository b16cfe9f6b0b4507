"""Checks the NLU training and held-out data: counts per intent and language, duplicates, leaks.

Long questions (data/faq/<lang>.yml, retrieval intents <topic>/<slug>): only ids of the fixed
list, every question in every language with at least MIN_FAQ examples, at least MIN_FAQ_OOS long
out-of-scope messages, no duplicates (within the file or with the chat-style data), no entity
annotations, nothing that is also held out. The held-out long set (tests/long/<lang>.yml) is
checked for unknown ids only; problems name files, ids and line numbers, never held-out texts.

Usage: python nlu/scripts/check_data.py [LANG ...]   (exit 1 on problems)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
INTENTS = (
    "registration residence_permit language_course kita school jobcenter_benefits work_recognition "
    "health housing banking transport counselling book_appointment cancel_appointment "
    "human_handoff greet goodbye thanks change_language out_of_scope"
).split()
LANGS = "de en ar fa tr uk ru ro bg pl ku fr".split()
MIN_TRAIN, MIN_TEST = 20, 10
MIN_FAQ, MIN_FAQ_OOS = 4, 10
#: The frequent questions: a contract between content (content/faq/<topic>/<slug>.md), the NLU
#: and the tests; the fixed list of issue 15. When content/faq exists, it must match this list.
QUESTIONS = {
    "registration": "deadline documents landlord_confirmation no_own_flat family_members moving "
    "appointment late",
    "residence_permit": "extend work_allowed duldung family_reunion move_city lost_document "
    "eu_citizen appointment",
    "language_course": "integration_course_duty cost with_children women literacy working "
    "free_practice status_any",
    "kita": "how_to_apply age cost no_place language documents",
    "school": "enrolment duty no_german older_teen certificates costs",
    "jobcenter_benefits": "eligible savings apply asylum_seeker child_benefit low_income eu_citizen",
    "work_recognition": "recognise_degree find_job training translate_documents cost "
    "regulated_profession study",
    "health": "insurance cost find_doctor no_insurance out_of_hours pregnancy mental vaccination",
    "housing": "find_flat rent_too_high jobcenter_rent wbs deposit electricity_gas homeless "
    "landlord_problems",
    "banking": "open_account no_registration refused send_money_home tax_id debts",
    "transport": "ticket cheap_ticket deutschlandticket fine driving_licence school_children",
    "counselling": "where lokal_willkommen youth adults_mbe home_visit interpreter integreat",
}
QUESTION_IDS = {f"{topic}/{slug}" for topic, slugs in QUESTIONS.items() for slug in slugs.split()}
CONTENT_FAQ = ROOT.parent / "content" / "faq"
ENTITIES = {"district", "child_age", "citizenship", "language"}
_ANNOTATION = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def plain(example: str) -> str:
    """The example without entity annotations, normalised for duplicate checks."""
    return " ".join(_ANNOTATION.sub(r"\1", example).casefold().split())


def check_question_list() -> list[str]:
    """The fixed list against content/faq/<topic>/<slug>.md, when the content exists."""
    if not CONTENT_FAQ.is_dir():
        return []
    files = {f"{p.parent.name}/{p.stem}" for p in CONTENT_FAQ.glob("*/*.md")}
    problems = [f"content/faq has no {q}.md" for q in sorted(QUESTION_IDS - files)]
    problems += [f"content/faq/{q}.md is not in the list of questions" for q in sorted(files - QUESTION_IDS)]
    return problems


def check_faq(lang: str, train: dict[str, list[str]]) -> list[str]:
    """The long-question training file of one language (see the module docstring)."""
    problems: list[str] = []
    path = ROOT / "data" / "faq" / f"{lang}.yml"
    found = _load(path, problems)
    if found is None:
        return problems
    name = path.relative_to(ROOT)
    for label in sorted(set(found) - QUESTION_IDS - {"out_of_scope"}):
        problems.append(f"{name}: {label!r} is not a question id (<topic>/<slug> of the list)")
    for question in sorted(QUESTION_IDS):
        count = len(found.get(question, []))
        if count < MIN_FAQ:
            problems.append(f"{name}: {question} has {count} examples < {MIN_FAQ}")
    if len(found.get("out_of_scope", [])) < MIN_FAQ_OOS:
        problems.append(f"{name}: out_of_scope has {len(found.get('out_of_scope', []))} < {MIN_FAQ_OOS}")
    chat = {plain(e) for exs in train.values() for e in exs}
    seen: Counter[str] = Counter()
    for label, exs in found.items():
        for number, ex in enumerate(exs, 1):
            if _ANNOTATION.search(ex):
                problems.append(f"{name}: {label} example {number} has an entity annotation")
            text = plain(ex)
            seen[text] += 1
            if seen[text] == 2:
                problems.append(f"{name}: {label} example {number} appears twice")
            if text in chat:
                problems.append(f"{name}: {label} example {number} is also chat-style training data")
    return problems


def faq_examples(lang: str) -> dict[str, list[str]]:
    """The long-question training examples of one language ({} when the file is missing)."""
    path = ROOT / "data" / "faq" / f"{lang}.yml"
    try:
        return examples_of(path) if path.is_file() else {}
    except yaml.YAMLError:
        return {}


def check_long_held_out(lang: str, training: set[str]) -> list[str]:
    """The held-out long set of one language: known ids only, nothing also trained on."""
    path = ROOT / "tests" / "long" / f"{lang}.yml"
    if not path.is_file():
        return []
    problems: list[str] = []
    found = _load(path, problems)
    if found is None:
        return problems
    for label in sorted(set(found) - QUESTION_IDS - set(INTENTS)):
        problems.append(f"tests/long/{lang}.yml: unknown label {label!r}")
    for label, exs in found.items():
        for number, ex in enumerate(exs, 1):
            if plain(ex) in training:
                # Told by label and number only: the text would show the held-out set.
                problems.append(
                    f"tests/long/{lang}.yml: {label} example {number} is also training data; "
                    "the training example must be reworded"
                )
    return problems


def examples_of(path: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, list[str]] = {}
    for block in data.get("nlu", []):
        if "intent" in block:
            lines = [ln.strip()[2:].strip() for ln in block["examples"].splitlines() if ln.strip().startswith("- ")]
            found.setdefault(block["intent"], []).extend(lines)
    return found


def _load(path: Path, problems: list[str]) -> dict[str, list[str]] | None:
    """The examples of one file, or None (with the reason added to ``problems``)."""
    if not path.is_file():
        problems.append(f"missing {path.relative_to(ROOT)}")
        return None
    try:
        return examples_of(path)
    except yaml.YAMLError as exc:
        problems.append(f"{path.relative_to(ROOT)}: not valid YAML: {exc}")
        return None


def check(langs: list[str]) -> list[str]:
    problems: list[str] = check_question_list()
    for lang in langs:
        train: dict[str, list[str]] = {}
        for intent in INTENTS:
            path = ROOT / "data" / "nlu" / intent / f"{lang}.yml"
            found = _load(path, problems)
            if found is None:
                continue
            if set(found) - {intent}:
                problems.append(f"{path.relative_to(ROOT)}: other intents inside: {set(found) - {intent}}")
            train[intent] = found.get(intent, [])
            if len(train[intent]) < MIN_TRAIN:
                problems.append(f"{path.relative_to(ROOT)}: {len(train[intent])} examples < {MIN_TRAIN}")
            for ex in train[intent]:
                for _, entity in _ANNOTATION.findall(ex):
                    if entity not in ENTITIES:
                        problems.append(f"{path.relative_to(ROOT)}: unknown entity {entity!r} in {ex!r}")
        seen = Counter(plain(e) for exs in train.values() for e in exs)
        dups = [e for e, n in seen.items() if n > 1]
        if dups:
            problems.append(f"{lang}: {len(dups)} training examples appear twice, e.g. {dups[:3]}")
        problems += check_faq(lang, train)
        faq = faq_examples(lang)
        training = {plain(e) for exs in [*train.values(), *faq.values()] for e in exs}
        problems += check_long_held_out(lang, training)
        test = _load(ROOT / "tests" / f"{lang}.yml", problems)
        if test is None:
            continue
        for intent in INTENTS:
            if len(test.get(intent, [])) < MIN_TEST:
                problems.append(f"tests/{lang}.yml: {intent} has {len(test.get(intent, []))} < {MIN_TEST}")
        # Which training lines leak is told by training file and line only: printing the held-out
        # text would show the test set to whoever writes training data.
        held = {plain(e) for exs in test.values() for e in exs}
        for number, ex in enumerate((e for exs in faq.values() for e in exs), 1):
            if plain(ex) in held:
                problems.append(
                    f"data/faq/{lang}.yml: example {number} is also in the held-out set; "
                    "reword it (do not look at the held-out set)"
                )
        for intent, exs in train.items():
            for number, ex in enumerate(exs, 1):
                if plain(ex) in held:
                    problems.append(
                        f"data/nlu/{intent}/{lang}.yml: example {number} is also in the held-out "
                        "set; reword it (do not look at the held-out set)"
                    )
    return problems


if __name__ == "__main__":
    chosen = sys.argv[1:] or LANGS
    issues = check(chosen)
    print("\n".join(issues) or f"ok: {', '.join(chosen)}")
    sys.exit(1 if issues else 0)
