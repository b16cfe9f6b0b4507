"""Accounts (admins): create, change role and languages, reset a password, delete; the audit
log."""

from __future__ import annotations

import secrets

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.editor.security import Who, action, flash, page, services
from bot.services.accounts import AccountError, Permission, Role


def _languages(form: FormData) -> list[str]:
    return [str(v) for v in form.getlist("languages")]


async def _page(request: Request, current: Who, status: int = 200, **extra: object) -> Response:
    svc = services(request)
    return svc.render(
        request,
        current,
        "accounts.html",
        status,
        nav="accounts",
        accounts=await svc.accounts.all(),
        roles=list(Role),
        **extra,
    )


@page(Permission.ACCOUNTS)
async def accounts_page(request: Request, current: Who) -> Response:
    """Every account and a form for a new one."""
    return await _page(request, current)


@action(Permission.ACCOUNTS)
async def create(request: Request, current: Who, form: FormData) -> Response:
    """A new account with a one-time password shown once (or the one typed in)."""
    svc = services(request)
    name = str(form.get("name") or "")
    try:
        role = Role(str(form.get("role") or ""))
    except ValueError:
        return await _page(request, current, 400, error=svc.words.t("account-bad-role"))
    password = str(form.get("password") or "") or secrets.token_urlsafe(12)
    generated = not form.get("password")
    try:
        account = await svc.accounts.create(
            name, role, password, _languages(form), must_change_password=True
        )
    except AccountError as exc:
        return await _page(
            request, current, 400, error=svc.words.t(f"account-{exc.code}", **exc.details)
        )
    await svc.audit.record(current.name, "account-create", account.name, role.value)
    return await _page(
        request,
        current,
        created=account.name,
        one_time=password if generated else None,
    )


@action(Permission.ACCOUNTS)
async def update(request: Request, current: Who, form: FormData) -> Response:
    """Changes role and languages (the last admin stays an admin)."""
    svc = services(request)
    name = str(request.path_params["name"])
    try:
        role = Role(str(form.get("role") or ""))
        target = await svc.accounts.get(name)
        if target is None:
            raise AccountError("no-such-account", name=name)
        if (
            target.role is Role.ADMIN
            and role is not Role.ADMIN
            and await svc.accounts.admins() <= 1
        ):
            raise AccountError("last-admin")
        await svc.accounts.update(name, role=role, languages=_languages(form))
    except ValueError as exc:
        code = exc.code if isinstance(exc, AccountError) else "bad-role"
        details = exc.details if isinstance(exc, AccountError) else {}
        return await _page(request, current, 400, error=svc.words.t(f"account-{code}", **details))
    await svc.audit.record(current.name, "account-update", name, role.value)
    flash(request, "ok", svc.words.t("account-updated", name=name))
    return RedirectResponse("/accounts", 303)


@action(Permission.ACCOUNTS)
async def reset_password(request: Request, current: Who, form: FormData) -> Response:
    """A new one-time password (shown once); every session of the account ends."""
    svc = services(request)
    name = str(request.path_params["name"])
    password = secrets.token_urlsafe(12)
    try:
        await svc.accounts.set_password(name, password, must_change=True)
    except AccountError as exc:
        return await _page(
            request, current, 400, error=svc.words.t(f"account-{exc.code}", **exc.details)
        )
    await svc.audit.record(current.name, "account-reset-password", name)
    return await _page(request, current, created=name, one_time=password)


@action(Permission.ACCOUNTS)
async def delete(request: Request, current: Who, form: FormData) -> Response:
    """Deletes an account (not one's own, not the last admin)."""
    svc = services(request)
    name = str(request.path_params["name"])
    target = await svc.accounts.get(name)
    if target is None or target.name == current.name:
        flash(request, "error", svc.words.t("account-not-deleted"))
        return RedirectResponse("/accounts", 303)
    if target.role is Role.ADMIN and await svc.accounts.admins() <= 1:
        flash(request, "error", svc.words.t("account-last-admin"))
        return RedirectResponse("/accounts", 303)
    await svc.accounts.delete(name)
    await svc.audit.record(current.name, "account-delete", name)
    flash(request, "ok", svc.words.t("account-deleted", name=name))
    return RedirectResponse("/accounts", 303)


@page(Permission.AUDIT)
async def audit_page(request: Request, current: Who) -> Response:
    """Who changed what, when (newest first)."""
    svc = services(request)
    actor = request.query_params.get("actor") or None
    entries = await svc.audit.entries(300, actor=actor)
    return svc.render(
        request,
        current,
        "audit.html",
        nav="audit",
        entries=entries,
        actor=actor,
        retention_days=svc.settings.editor_audit_retention_days,
    )


def routes() -> list[BaseRoute]:
    """Accounts and the audit log."""
    return [
        Route("/accounts", accounts_page, methods=["GET"]),
        Route("/accounts", create, methods=["POST"]),
        Route("/accounts/{name}/update", update, methods=["POST"]),
        Route("/accounts/{name}/password", reset_password, methods=["POST"]),
        Route("/accounts/{name}/delete", delete, methods=["POST"]),
        Route("/audit", audit_page, methods=["GET"]),
    ]
