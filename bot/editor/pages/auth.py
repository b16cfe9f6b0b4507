"""Logging in and out, and changing one's own password."""

from __future__ import annotations

import secrets

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.editor.security import (
    Who,
    action,
    allowed_next,
    checked_form,
    csrf_token,
    flash,
    page,
    services,
    who,
)
from bot.services.accounts import AccountError, LoginThrottled


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def login_page(request: Request) -> Response:
    """The login form (a logged-in visitor goes straight to the dashboard)."""
    if await who(request) is not None:
        return RedirectResponse(allowed_next(request.query_params.get("next")), 303)
    svc = services(request)
    return svc.render(
        request, None, "login.html", next=allowed_next(request.query_params.get("next"))
    )


async def login(request: Request) -> Response:
    """Checks name and password (throttled), starts a session with fresh tokens."""
    svc = services(request)
    form = await checked_form(request)
    name = str(form.get("name") or "")
    password = str(form.get("password") or "")
    target = allowed_next(str(form.get("next") or "/"))
    try:
        account = await svc.accounts.login(name, password, _address(request))
    except LoginThrottled as exc:
        message = svc.words.t("login-throttled", seconds=exc.retry_after)
        response = svc.render(
            request, None, "login.html", 429, next=target, error=message, name=name
        )
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if account is None:
        await svc.audit.record(name.strip().lower()[:64] or "?", "login-failed")
        message = svc.words.t("login-wrong")
        return svc.render(request, None, "login.html", 401, next=target, error=message, name=name)
    session = await svc.accounts.start_session(account)
    request.session.clear()
    request.session["sid"] = session.id
    request.session["csrf"] = secrets.token_urlsafe(32)
    await svc.audit.record(account.name, "login")
    if account.must_change_password:
        return RedirectResponse("/password", 303)
    return RedirectResponse(target, 303)


@action()
async def logout(request: Request, current: Who, form: FormData) -> Response:
    """Ends this browser's session."""
    svc = services(request)
    await svc.accounts.end_session(current.session_id)
    await svc.audit.record(current.name, "logout")
    request.session.clear()
    return RedirectResponse("/login", 303)


@page()
async def password_page(request: Request, current: Who) -> Response:
    """The form to change one's own password."""
    return services(request).render(request, current, "password.html")


@action()
async def change_password(request: Request, current: Who, form: FormData) -> Response:
    """Checks the old password, sets the new one, ends every other session."""
    svc = services(request)
    old = str(form.get("old") or "")
    new = str(form.get("new") or "")
    repeat = str(form.get("repeat") or "")
    error = None
    try:
        ok = await svc.accounts.login(
            current.name, old, request.client.host if request.client else ""
        )
    except LoginThrottled as exc:
        ok = None
        error = svc.words.t("login-throttled", seconds=exc.retry_after)
    if error is None and ok is None:
        error = svc.words.t("password-old-wrong")
    elif error is None and new != repeat:
        error = svc.words.t("password-mismatch")
    elif error is None and new == old:
        error = svc.words.t("password-same")
    if error is None:
        try:
            account = await svc.accounts.set_password(current.name, new)
        except AccountError as exc:
            error = svc.words.t(f"account-{exc.code}", **exc.details)
        else:
            session = await svc.accounts.start_session(account)
            request.session["sid"] = session.id
            request.session["csrf"] = secrets.token_urlsafe(32)
            await svc.audit.record(current.name, "password-changed")
            flash(request, "ok", svc.words.t("password-changed"))
            return RedirectResponse("/", 303)
    csrf_token(request)
    return svc.render(request, current, "password.html", 400, error=error)


def routes() -> list[BaseRoute]:
    """Login, logout, password."""
    return [
        Route("/login", login_page, methods=["GET"], name="login"),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/password", password_page, methods=["GET"]),
        Route("/password", change_password, methods=["POST"]),
    ]
