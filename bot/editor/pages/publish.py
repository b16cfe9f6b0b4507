"""Publishing: the drafts with their changes, the checks, publish, versions, roll back."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.editor.security import Who, action, flash, page, services
from bot.services.accounts import Permission
from bot.services.content_files import BadPath, check_place
from bot.services.workspace import Busy, NothingToDo, PublishRefused


@dataclass(frozen=True)
class DraftChange:
    """One draft and its line diff against the published file."""

    place: str
    author: str
    saved_at: float
    lines: tuple[tuple[str, str], ...]  # (kind: same/added/removed/gap, text)
    new_file: bool


def line_diff(old: str, new: str, context: int = 2) -> tuple[tuple[str, str], ...]:
    """Changed lines with a little context."""
    result: list[tuple[str, str]] = []
    a, b = old.splitlines(), new.splitlines()
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        if result:
            result.append(("gap", "…"))
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                result += [("same", line) for line in a[i1:i2]]
                continue
            result += [("removed", line) for line in a[i1:i2]]
            result += [("added", line) for line in b[j1:j2]]
    return tuple(result)


async def _page(request: Request, current: Who, status: int = 200, **extra: object) -> Response:
    svc = services(request)
    view = await svc.workspace.view()
    changes = []
    for place, draft in sorted(view.drafts.items()):
        old = svc.workspace.published_text(place)
        changes.append(
            DraftChange(
                place, draft.author, draft.saved_at, line_diff(old or "", draft.text), old is None
            )
        )
    blocking = view.blocking
    warnings = [p for p in view.problems if not p.blocking]
    versions = await svc.workspace.store.versions(10)
    return svc.render(
        request,
        current,
        "publish.html",
        status,
        nav="publish",
        changes=changes,
        blocking=blocking,
        warnings=warnings,
        versions=versions,
        can_publish=current.account.can(Permission.PUBLISH),
        **extra,
    )


@page()
async def publish_page(request: Request, current: Who) -> Response:
    """What would be published, and what was."""
    return await _page(request, current)


@action(Permission.PUBLISH)
async def publish(request: Request, current: Who, form: FormData) -> Response:
    """Validates, writes the files, publishes to every bot."""
    svc = services(request)
    note = str(form.get("note") or "").strip()[:200]
    try:
        version = await svc.workspace.publish(current.name, note)
    except PublishRefused as exc:
        flash(request, "error", svc.words.t("publish-refused", count=len(exc.problems)))
        return await _page(request, current, 409)
    except NothingToDo:
        flash(request, "info", svc.words.t("publish-nothing"))
        return RedirectResponse("/publish", 303)
    except Busy:
        flash(request, "error", svc.words.t("publish-busy"))
        return RedirectResponse("/publish", 303)
    await svc.audit.record(
        current.name, "publish", f"version {version.id}", ", ".join(version.changed)[:500]
    )
    flash(
        request, "ok", svc.words.t("publish-done", version=version.id, files=len(version.changed))
    )
    return RedirectResponse("/publish", 303)


@action(Permission.PUBLISH)
async def rollback(request: Request, current: Who, form: FormData) -> Response:
    """Publishes the version before the current one again."""
    svc = services(request)
    try:
        version, restored = await svc.workspace.rollback(current.name)
    except NothingToDo:
        flash(request, "info", svc.words.t("rollback-nothing"))
        return RedirectResponse("/publish", 303)
    except Busy:
        flash(request, "error", svc.words.t("publish-busy"))
        return RedirectResponse("/publish", 303)
    await svc.audit.record(
        current.name, "rollback", f"version {version.id}", f"restores version {restored.id}"
    )
    flash(request, "ok", svc.words.t("rollback-done", version=version.id, restored=restored.id))
    return RedirectResponse("/publish", 303)


@action(Permission.EDIT)
async def discard(request: Request, current: Who, form: FormData) -> Response:
    """Drops one draft."""
    svc = services(request)
    place = str(form.get("place") or "")
    try:
        check_place(place)
    except BadPath:
        flash(request, "error", svc.words.t("error-bad-request"))
        return RedirectResponse("/publish", 303)
    if await svc.workspace.discard(place):
        await svc.audit.record(current.name, "discard", place)
        flash(request, "ok", svc.words.t("draft-discarded"))
    return RedirectResponse("/publish", 303)


def routes() -> list[BaseRoute]:
    """Publishing and rolling back."""
    return [
        Route("/publish", publish_page, methods=["GET"]),
        Route("/publish", publish, methods=["POST"]),
        Route("/rollback", rollback, methods=["POST"]),
        Route("/drafts/discard", discard, methods=["POST"]),
    ]
