"""Checks the NLU training and held-out data: counts per intent and language, duplicates, leaks.

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
ENTITIES = {"district", "child_age", "citizenship", "language"}
_ANNOTATION = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def plain(example: str) -> str:
    """The example without entity annotations, normalised for duplicate checks."""
    return " ".join(_ANNOTATION.sub(r"\1", example).casefold().split())


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
    problems: list[str] = []
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
        test = _load(ROOT / "tests" / f"{lang}.yml", problems)
        if test is None:
            continue
        for intent in INTENTS:
            if len(test.get(intent, [])) < MIN_TEST:
                problems.append(f"tests/{lang}.yml: {intent} has {len(test.get(intent, []))} < {MIN_TEST}")
        # Which training lines leak is told by training file and line only: printing the held-out
        # text would show the test set to whoever writes training data.
        held = {plain(e) for exs in test.values() for e in exs}
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
