"""``lotse nlu train|serve|parse|eval``: the Rasa project in ``nlu/`` driven from the bot's side.

Rasa 3.6 needs Python 3.10, so it lives in its own virtual environment (``nlu/.venv``, made by
``make nlu-venv``); these commands call its ``rasa`` executable.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from bot import PROJECT_ROOT
from bot.languages import CODES
from bot.nlu_long import print_long_report, score_long
from bot.services.langdetect import LanguageDetector
from bot.services.nlu import (
    OUT_OF_SCOPE,
    Decision,
    NluResult,
    NluUnavailable,
    Plan,
    RasaClient,
)
from bot.services.translator import TranslationFailed, Translator
from bot.settings import Settings

NLU_DIR = PROJECT_ROOT / "nlu"
MODELS = NLU_DIR / "models"
REPORTS = NLU_DIR / "reports"
NOT_ANSWERED = {OUT_OF_SCOPE, "nlu_fallback"}


def rasa_bin() -> Path:
    """The ``rasa`` executable of the NLU virtual environment."""
    return Path(os.environ.get("RASA_BIN", NLU_DIR / ".venv" / "bin" / "rasa"))


def _rasa_env(nlu_dir: Path = NLU_DIR) -> dict[str, str]:
    env = dict(os.environ)
    env.update(RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", PYTHONWARNINGS="ignore")
    # The project's own Rasa components (nlu/components/) are imported from here.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(nlu_dir), env.get("PYTHONPATH")]))
    return env


def data_hash(nlu_dir: Path = NLU_DIR) -> str:
    """Hash of the config and every training file: the model's name, so unchanged data skips."""
    digest = hashlib.sha256()
    files = [
        nlu_dir / "config.yml",
        *sorted((nlu_dir / "components").glob("*.py")),
        *sorted((nlu_dir / "data").rglob("*.yml")),
    ]
    for path in files:
        digest.update(str(path.relative_to(nlu_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def model_path() -> Path:
    """Where the model for the current data lives."""
    return MODELS / f"lotse-{data_hash()}.tar.gz"


def train_command(out: str, name: str) -> list[str]:
    """``rasa train nlu`` on the project's config and data into ``out/name.tar.gz``."""
    return [str(rasa_bin()), "train", "nlu", "--config", "config.yml", "--nlu", "data",
            "--out", out, "--fixed-model-name", name]  # fmt: skip


def run_command(model: Path, port: int, host: str) -> list[str]:
    """``rasa run`` serving ``model``'s HTTP API on host:port."""
    return [str(rasa_bin()), "run", "--enable-api", "--model", str(model),
            "--port", str(port), "--interface", host]  # fmt: skip


def train(*, force: bool = False) -> Path:
    """Trains the NLU model unless one for the same data and config exists."""
    target = model_path()
    if target.exists() and not force:
        print(f"model up to date: {target.relative_to(PROJECT_ROOT)}")
        return target
    if not rasa_bin().exists():
        raise SystemExit(f"error: {rasa_bin()} not found; run `make nlu-venv` first")
    MODELS.mkdir(exist_ok=True)
    started = time.monotonic()
    command = train_command("models", target.name.removesuffix(".tar.gz"))
    result = subprocess.run(
        command, cwd=NLU_DIR, env=_rasa_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not target.exists():
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit("error: rasa train failed")
    for old in MODELS.glob("lotse-*.tar.gz"):
        if old != target:
            old.unlink()
    print(f"trained {target.relative_to(PROJECT_ROOT)} in {time.monotonic() - started:.1f} s")
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def is_up(url: str, timeout: float = 1.0) -> bool:
    """True when a Rasa server with a loaded model answers at ``url``."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/status", timeout=timeout) as response:
            data = json.loads(response.read())
        return bool(data.get("model_file"))
    except (OSError, ValueError, urllib.error.URLError):
        return False


@dataclass
class RasaServer:
    """A Rasa HTTP server started from the current model, on a free loopback port."""

    process: subprocess.Popen[bytes]
    url: str

    def stop(self) -> None:
        """Stops the server."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(
    port: int | None = None,
    host: str = "127.0.0.1",
    wait: float = 180.0,
    model: Path | None = None,
    nlu_dir: Path = NLU_DIR,
) -> RasaServer:
    """Starts ``rasa run --enable-api`` on ``model`` (default: the current one, trained when the
    data changed) and waits until it parses. ``nlu_dir``: the Rasa project whose components load
    the model (an older checkout's, to serve an older model as it was)."""
    model = model.resolve() if model is not None else train()
    port = port or _free_port()
    command = [*run_command(model, port, host), "--log-file", os.devnull]
    process = subprocess.Popen(
        command,
        cwd=nlu_dir,
        env=_rasa_env(nlu_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = RasaServer(process, f"http://{host}:{port}")
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"rasa run exited with {process.returncode}")
        if is_up(server.url):
            return server
        time.sleep(0.5)
    server.stop()
    raise RuntimeError("the Rasa server did not come up in time")


@contextlib.contextmanager
def server_for(settings: Settings) -> Iterator[str]:
    """The configured RASA_URL when it answers, else a temporary server for this command."""
    if settings.rasa_url and is_up(settings.rasa_url):
        yield settings.rasa_url
        return
    print("starting a temporary Rasa server …", file=sys.stderr)
    server = start_server()
    try:
        yield server.url
    finally:
        server.stop()


def serve(settings: Settings) -> int:
    """Runs the Rasa server in the foreground on RASA_URL's host and port."""
    parsed = urlparse(settings.rasa_url or "http://127.0.0.1:5005")
    model = train()
    command = run_command(model, parsed.port or 5005, parsed.hostname or "127.0.0.1")
    os.chdir(NLU_DIR)
    os.execve(command[0], command, _rasa_env())


def _row(text: str, language: str, result: NluResult, plan: Plan) -> dict[str, Any]:
    """One parsed line: the bot's decision at both levels, and what the model ranked first."""
    best = result.question
    return {
        "text": text,
        "intent": plan.intent,
        "confidence": round(result.confidence, 4),
        "language": language,
        "decision": plan.decision.value,
        "question": plan.question,
        "question_confidence": round(best.confidence, 4) if best else None,
        "runner_up": plan.other_topic,
        "questions": list(plan.questions),
        "top": result.intent,
        "top_question": best.id if best else None,
        "candidates": list(plan.candidates),
        "offered_topics": list(plan.offered_topics),
        "entities": {e.entity: e.value for e in result.entities},
    }


async def _parse_lines(
    url: str,
    settings: Settings,
    lines: list[str],
    language: str,
    translator: Translator | None = None,
) -> list[dict[str, Any]]:
    """Parses each line as the bot would; with ``translator``, an unsure reading is retried on
    the German translation from ``language`` (the bot's path for languages beyond the twelve)."""
    client = RasaClient(url, timeout=10.0, breaker_threshold=1_000_000)
    detector = LanguageDetector()
    thresholds = settings.nlu_thresholds
    out: list[dict[str, Any]] = []
    try:
        for text in lines:
            detection = detector.detect(text, language)
            try:
                result = await client.parse(text)
            except NluUnavailable:
                out.append(
                    {
                        "text": text,
                        "intent": "nlu_fallback",
                        "confidence": 0.0,
                        "language": detection.language,
                        "decision": "unavailable",
                    }
                )
                continue
            plan = thresholds.plan(result)
            if translator is not None and plan.decision is not Decision.ANSWER:
                try:
                    german = await translator.translate(text, language, "de", explain_terms=False)
                    retry = await client.parse(german)
                except (TranslationFailed, NluUnavailable):
                    retry = None
                if retry is not None and retry.confidence > result.confidence:
                    result = retry
                    plan = thresholds.plan(result)
            out.append(_row(text, detection.language, result, plan))
    finally:
        await client.aclose()
    return out


#: What ``lotse nlu parse`` prints per line: the contract (text, intent, confidence, language)
#: and, added with the question level, the question the bot would answer (or null), the best
#: question's confidence, and a runner-up topic the bot would offer beside the answer.
PARSE_FIELDS = (
    "text",
    "intent",
    "confidence",
    "language",
    "decision",
    "question",
    "question_confidence",
    "runner_up",
    "entities",
)


def parse(settings: Settings, language: str) -> int:
    """Reads one message per line on stdin; prints one JSON object per line."""
    lines = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    with server_for(settings) as url:
        for row in asyncio.run(_parse_lines(url, settings, lines, language)):
            print(json.dumps({k: row[k] for k in PARSE_FIELDS if k in row}, ensure_ascii=False))
    return 0


_ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def read_examples(path: Path) -> dict[str, list[str]]:
    """Intent -> its examples in one Rasa NLU file, entity annotations removed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, list[str]] = {}
    for block in data.get("nlu", []):
        if "intent" in block:
            lines = block.get("examples", "").splitlines()
            found.setdefault(block["intent"], []).extend(
                _ANNOTATION.sub(r"\1", ln.strip()[2:].strip())
                for ln in lines
                if ln.strip().startswith("- ")
            )
    return found


def held_out(directory: Path = NLU_DIR / "tests") -> list[tuple[str, str, str]]:
    """(language, expected label, text) for every example in ``directory/<lang>.yml``: the
    chat-style set in ``nlu/tests``, the long questions in ``nlu/tests/long``."""
    rows = []
    for lang in CODES:
        path = directory / f"{lang}.yml"
        if path.is_file():
            for intent, texts in read_examples(path).items():
                rows += [(lang, intent, text) for text in texts]
    return rows


LONG_HELD_OUT = NLU_DIR / "tests" / "long"


def _via_translation(
    url: str, settings: Settings, rows: list[tuple[str, str, str]], langs: list[str]
) -> dict[str, Any]:
    """Accuracy of ``langs`` read directly vs. re-read via a German machine translation."""
    from bot.app import build_translator

    translator = build_translator(settings, None)
    if translator is None:
        raise SystemExit("error: --via-translation needs a translator (TRANSLATORS, …)")
    result: dict[str, Any] = {}
    for lang in langs:
        subset = [r for r in rows if r[0] == lang]
        texts = [r[2] for r in subset]
        direct = asyncio.run(_parse_lines(url, settings, texts, lang))
        via = asyncio.run(_parse_lines(url, settings, texts, lang, translator))
        result[lang] = {
            "direct": score(subset, direct)["accuracy"],
            "via_german": score(subset, via)["accuracy"],
            "translator_calls": translator.calls,
        }
    return result


def evaluate_long(
    url: str, settings: Settings, directory: Path = LONG_HELD_OUT
) -> dict[str, Any] | None:
    """The long-question figures (``bot.nlu_long``), or None when there is no such set."""
    rows = held_out(directory)  # in language order
    if not rows:
        return None
    results = [
        row
        for lang in CODES
        for row in asyncio.run(
            _parse_lines(url, settings, [r[2] for r in rows if r[0] == lang], lang)
        )
    ]
    return score_long(rows, results)


def evaluate(
    settings: Settings,
    *,
    cross_validation: bool = False,
    folds: int = 3,
    via_translation: list[str] | None = None,
    long_dir: Path = LONG_HELD_OUT,
) -> int:
    """Scores the held-out set through the bot's client and thresholds; writes JSON and PNG."""
    rows = held_out()
    if not rows:
        print("error: no held-out data in nlu/tests/", file=sys.stderr)
        return 1
    with server_for(settings) as url:
        started = time.monotonic()
        results = asyncio.run(_parse_lines(url, settings, [r[2] for r in rows], "de"))
        elapsed = time.monotonic() - started
        via = _via_translation(url, settings, rows, via_translation) if via_translation else None
        long = evaluate_long(url, settings, long_dir)
    report = score(rows, results)
    report["parse_seconds_per_message"] = round(elapsed / len(rows), 4)
    report["thresholds"] = {
        "answer": settings.nlu_answer_threshold,
        "clarify": settings.nlu_clarify_threshold,
        "question": settings.nlu_question_threshold,
        "runner_up": settings.nlu_runner_up_threshold,
    }
    report["long"] = long
    report["model"] = model_path().name
    if via is not None:
        report["via_translation"] = via
    if cross_validation:
        report["cross_validation"] = _cross_validate(folds)
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "eval.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    _confusion_png(rows, results, REPORTS / "confusion.png")
    print_report(report)
    if report["long"] is not None:
        print_long_report(report["long"])
    else:
        print(f"\n(no long-question held-out set in {long_dir}: scored the chat-style set only)")
    print(
        f"\nwrote {(REPORTS / 'eval.json').relative_to(PROJECT_ROOT)} and "
        f"{(REPORTS / 'confusion.png').relative_to(PROJECT_ROOT)}"
    )
    return 0


def _correct(expected: str, acted: str) -> bool:
    if expected == OUT_OF_SCOPE:
        return acted in NOT_ANSWERED
    return acted == expected


def score(rows: list[tuple[str, str, str]], results: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy overall, per language and per intent; out-of-scope precision/recall; fallbacks."""
    by_lang: dict[str, list[bool]] = defaultdict(list)
    by_intent: dict[str, list[bool]] = defaultdict(list)
    in_scope_fallback = in_scope = 0
    oos_total = oos_not_answered = not_answered_total = 0
    clarified_right = 0
    for (lang, expected, _), result in zip(rows, results, strict=True):
        ok = _correct(expected, result["intent"])
        by_lang[lang].append(ok)
        by_intent[expected].append(ok)
        not_answered = result["intent"] in NOT_ANSWERED
        not_answered_total += not_answered
        if expected == OUT_OF_SCOPE:
            oos_total += 1
            oos_not_answered += not_answered
        else:
            in_scope += 1
            if result.get("decision") != Decision.ANSWER.value:
                in_scope_fallback += 1
                if expected in result.get("candidates", []):
                    clarified_right += 1
    accuracy = {lang: round(sum(v) / len(v), 4) for lang, v in sorted(by_lang.items())}
    total = [ok for v in by_lang.values() for ok in v]
    return {
        "examples": len(rows),
        "accuracy": round(sum(total) / len(total), 4),
        "accuracy_by_language": accuracy,
        "weakest_language": min(accuracy.items(), key=lambda kv: kv[1]),
        "accuracy_by_intent": {i: round(sum(v) / len(v), 4) for i, v in sorted(by_intent.items())},
        "out_of_scope_recall": round(oos_not_answered / oos_total, 4) if oos_total else None,
        "out_of_scope_precision": round(oos_not_answered / not_answered_total, 4)
        if not_answered_total
        else None,
        "in_scope_fallback_rate": round(in_scope_fallback / in_scope, 4) if in_scope else None,
        "in_scope_clarified_with_right_choice": clarified_right,
        "confusions": Counter(
            f"{e} -> {r['intent']}"
            for (_, e, _), r in zip(rows, results, strict=True)
            if not _correct(e, r["intent"])
        ).most_common(15),
    }


def print_report(report: dict[str, Any]) -> None:
    """The figures a person reads."""
    print(f"held-out examples: {report['examples']}")
    print(f"intent accuracy (after thresholds): {report['accuracy']:.1%}")
    print(
        "by language: "
        + ", ".join(f"{k} {v:.1%}" for k, v in report["accuracy_by_language"].items())
    )
    print(f"weakest language: {report['weakest_language'][0]} {report['weakest_language'][1]:.1%}")
    print(
        "by intent: " + ", ".join(f"{k} {v:.0%}" for k, v in report["accuracy_by_intent"].items())
    )
    print(
        "out of scope / gibberish not answered as a topic (recall): "
        f"{report['out_of_scope_recall']:.1%}"
    )
    print(f"precision of 'not answered': {report['out_of_scope_precision']:.1%}")
    print(
        f"in-scope messages not answered directly: {report['in_scope_fallback_rate']:.1%} "
        f"({report['in_scope_clarified_with_right_choice']} of them got the right topic "
        "as a choice)"
    )
    print(
        "parse time per message (client, incl. HTTP): "
        f"{report['parse_seconds_per_message'] * 1000:.1f} ms"
    )
    for lang, figures in report.get("via_translation", {}).items():
        print(
            f"{lang} read directly {figures['direct']:.1%}, unsure ones re-read via German "
            f"{figures['via_german']:.1%} (as for a language beyond the twelve)"
        )
    if "cross_validation" in report:
        print(f"Rasa cross-validation: {report['cross_validation']}")


def _cross_validate(folds: int) -> dict[str, Any]:
    out = REPORTS / "cross_validation"
    command = [
        str(rasa_bin()),
        "test",
        "nlu",
        "--config",
        "config.yml",
        "--nlu",
        "data",
        "--cross-validation",
        "--folds",
        str(folds),
        "--out",
        str(out),
    ]
    subprocess.run(
        command, cwd=NLU_DIR, env=_rasa_env(), capture_output=True, text=True, check=False
    )
    report_file = out / "intent_report.json"
    if not report_file.is_file():
        return {"error": "rasa test produced no intent report"}
    data = json.loads(report_file.read_text())
    return {
        "folds": folds,
        "accuracy": data.get("accuracy"),
        "macro_f1": data.get("macro avg", {}).get("f1-score"),
    }


def _confusion_png(
    rows: list[tuple[str, str, str]], results: list[dict[str, Any]], path: Path
) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("(matplotlib not installed: no confusion-matrix PNG)", file=sys.stderr)
        return
    labels = sorted({r[1] for r in rows} | {r["intent"] for r in results})
    index = {name: i for i, name in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for (_, expected, _), result in zip(rows, results, strict=True):
        matrix[index[expected]][index[result["intent"]]] += 1
    fig, ax = plt.subplots(figsize=(12, 10))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=90)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("acted on (after thresholds)")
    ax.set_ylabel("expected")
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
