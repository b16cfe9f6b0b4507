"""Unanswered questions as work: grouped, charted, translated into German, acted on; and NLU
training started from here."""

from __future__ import annotations

import logging
import math

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.editor.charts import columns
from bot.editor.security import Who, action, flash, page, services
from bot.languages import SOURCE_LANGUAGE
from bot.services.accounts import Permission
from bot.services.analytics import Unanswered
from bot.services.questions import group_questions, per_language, per_week

log = logging.getLogger(__name__)

SHOWN_GROUPS = 40
SHOWN_ITEMS = 8
TRANSLATION_BUDGET_SECONDS = 20.0


async def _german(request: Request, items: list[Unanswered]) -> dict[str, str]:
    """Stream id -> German machine translation, never entering the translation memory."""
    svc = services(request)
    translator = svc.translator

    async def translate(text: str, lang: str) -> str:
        assert translator is not None
        return await translator.translate(
            text, lang, SOURCE_LANGUAGE, explain_terms=False, remember=False
        )

    return await svc.questions.german(
        items,
        translate if translator is not None else None,
        budget_seconds=TRANSLATION_BUDGET_SECONDS,
    )


@page()
async def questions_page(request: Request, current: Who) -> Response:
    """The work list with charts, German translations and the actions."""
    svc = services(request)
    items = await svc.questions.all()
    groups = group_questions(items)
    shown = groups[:SHOWN_GROUPS]
    german = await _german(request, [i for g in shown for i in g.items[:SHOWN_ITEMS]])
    weeks = max(1, math.ceil(svc.settings.analytics_retention_days / 7))
    by_week = per_week(items, weeks, svc.clock())
    week_bars = columns([(day.strftime("%d.%m."), count) for day, count in by_week])
    lang_bars = columns(per_language(items), width=560)
    view = await svc.workspace.view()
    titles = {t: s.title for t, s in view.snapshot.sources.items()}
    return svc.render(
        request,
        current,
        "questions.html",
        nav="questions",
        total=len(items),
        groups=shown,
        more=len(groups) - len(shown),
        german=german,
        shown_items=SHOWN_ITEMS,
        week_bars=week_bars,
        lang_bars=lang_bars,
        intents=svc.questions.data.intents(),
        titles=titles,
        has_translator=svc.translator is not None,
        job=await svc.trainer.status(),
        can_train=current.account.can(Permission.TRAIN),
        rasa_configured=bool(svc.settings.rasa_url),
        rasa_here=svc.trainer.available,
        retention_days=svc.settings.analytics_retention_days,
    )


def _ids(form: FormData) -> list[str]:
    return [str(v) for v in form.getlist("id")][:500]


@action(Permission.TRIAGE)
async def assign(request: Request, current: Who, form: FormData) -> Response:
    """Adds the group's questions as training examples of the chosen intent."""
    svc = services(request)
    intent = str(form.get("intent") or "")
    if intent not in svc.questions.data.intents():
        flash(request, "error", svc.words.t("questions-pick-intent"))
        return RedirectResponse("/questions", 303)
    items = await svc.questions.take(_ids(form))
    if not items:
        flash(request, "info", svc.words.t("questions-gone"))
        return RedirectResponse("/questions", 303)
    result = await svc.questions.assign(items, intent)
    await svc.audit.record(
        current.name,
        "questions-assign",
        intent,
        f"added {result.added}, duplicate {result.duplicate}, held-out {result.held_out}, "
        f"no data {result.no_data}",
    )
    flash(
        request,
        "ok",
        svc.words.t(
            "questions-assigned",
            added=result.added,
            intent=intent,
            duplicate=result.duplicate,
            held=result.held_out,
            nodata=result.no_data,
        ),
    )
    return RedirectResponse("/questions", 303)


@action(Permission.TRIAGE)
async def todo(request: Request, current: Who, form: FormData) -> Response:
    """Keeps the group as a to-do for new content (shown on the dashboard)."""
    svc = services(request)
    items = await svc.questions.take(_ids(form))
    if not items:
        flash(request, "info", svc.words.t("questions-gone"))
        return RedirectResponse("/questions", 303)
    made = await svc.questions.make_todo(items, current.name, str(form.get("note") or ""))
    await svc.audit.record(current.name, "questions-todo", made.id, f"{len(items)} question(s)")
    flash(request, "ok", svc.words.t("questions-todo-made", count=len(items)))
    return RedirectResponse("/questions", 303)


@action(Permission.TRIAGE)
async def dismiss(request: Request, current: Who, form: FormData) -> Response:
    """Removes the group's questions."""
    svc = services(request)
    items = await svc.questions.take(_ids(form))
    count = await svc.questions.dismiss(items)
    await svc.audit.record(current.name, "questions-dismiss", "", f"{count} question(s)")
    flash(request, "ok", svc.words.t("questions-dismissed", count=count))
    return RedirectResponse("/questions", 303)


@action(Permission.EDIT)
async def todo_done(request: Request, current: Who, form: FormData) -> Response:
    """Closes a to-do."""
    svc = services(request)
    todo_id = str(request.path_params["todo_id"])
    if await svc.questions.done(todo_id):
        await svc.audit.record(current.name, "todo-done", todo_id)
        flash(request, "ok", svc.words.t("todo-done"))
    return RedirectResponse("/", 303)


@action(Permission.TRAIN)
async def train(request: Request, current: Who, form: FormData) -> Response:
    """Starts NLU training in this process (one job at a time)."""
    svc = services(request)
    if not svc.settings.rasa_url:
        flash(request, "error", svc.words.t("train-no-rasa"))
    elif not svc.trainer.available:
        flash(request, "error", svc.words.t("train-no-rasa-here"))
    elif await svc.trainer.start(current.name):
        await svc.audit.record(current.name, "nlu-train")
        flash(request, "ok", svc.words.t("train-started"))
    else:
        flash(request, "info", svc.words.t("train-running"))
    return RedirectResponse("/questions#nlu", 303)


def routes() -> list[BaseRoute]:
    """Questions, to-dos, training."""
    return [
        Route("/questions", questions_page, methods=["GET"]),
        Route("/questions/assign", assign, methods=["POST"]),
        Route("/questions/todo", todo, methods=["POST"]),
        Route("/questions/dismiss", dismiss, methods=["POST"]),
        Route("/todos/{todo_id}/done", todo_done, methods=["POST"]),
        Route("/nlu/train", train, methods=["POST"]),
    ]
