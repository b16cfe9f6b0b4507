"""Who is asking and may they: sessions, CSRF tokens, role checks, security headers.

- The session cookie (Starlette's SessionMiddleware: signed, HttpOnly, SameSite=Strict) holds
  only a session id and the CSRF token; the session itself lives in Redis (``accounts``), so
  logging out, a new password or a deleted account end it at once.
- Every POST goes through ``action``: the form's ``csrf`` field must equal the session's token
  and a cross-site ``Origin`` is refused; then the role is checked on the server.
- Pages (``page``) send visitors without a session to the login, and refuse what the role does
  not allow with 403.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.services.accounts import Account, Permission

if TYPE_CHECKING:
    from bot.editor.app import EditorServices

#: The page has no scripts at all; styles and images come from the page itself.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
MAX_FIELDS = 3000


class Refused(Exception):
    """A request the page answers with an error page: ``status`` and a words key."""

    def __init__(self, status: int, code: str, **details: object) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Who:
    """The logged-in account of a request."""

    account: Account
    session_id: str

    @property
    def name(self) -> str:
        """The account name."""
        return self.account.name


def services(request: Request) -> EditorServices:
    """The page's services (set by ``build_editor``)."""
    found: EditorServices = request.app.state.services
    return found


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use, also for the login form)."""
    token = request.session.get("csrf")
    if not isinstance(token, str) or len(token) < 20:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def who(request: Request) -> Who | None:
    """The account behind the session cookie, or None."""
    session_id = request.session.get("sid")
    if not isinstance(session_id, str):
        return None
    found = await services(request).accounts.session(session_id)
    if found is None:
        request.session.pop("sid", None)
        return None
    return Who(found[1], found[0].id)


async def checked_form(request: Request) -> FormData:
    """The posted form, after the same-origin and CSRF checks (Refused 403 otherwise)."""
    origin = request.headers.get("origin")
    if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
        raise Refused(403, "csrf")
    form = await request.form(max_fields=MAX_FIELDS)
    sent = form.get("csrf")
    expected = request.session.get("csrf")
    if (
        not isinstance(sent, str)
        or not isinstance(expected, str)
        or not secrets.compare_digest(sent.encode(), expected.encode())
    ):
        raise Refused(403, "csrf")
    return form


def allowed_next(target: str | None) -> str:
    """A place to go after logging in: only paths of this page."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def flash(request: Request, kind: str, text: str) -> None:
    """A message shown once on the next page (``kind``: ok, error, info)."""
    messages = list(request.session.get("flash") or [])
    messages.append([kind, text[:500]])
    request.session["flash"] = messages[-5:]


PageHandler = Callable[[Request, Who], Awaitable[Response]]
ActionHandler = Callable[[Request, Who, FormData], Awaitable[Response]]


def _guard(request: Request, current: Who, permission: Permission | None) -> None:
    if permission is not None and not current.account.can(permission):
        raise Refused(403, "forbidden")


def page(
    permission: Permission | None = None,
) -> Callable[[PageHandler], Callable[[Request], Awaitable[Response]]]:
    """A GET page for logged-in accounts (with ``permission``)."""

    def wrap(handler: PageHandler) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            current = await who(request)
            if current is None:
                target = request.url.path
                if request.url.query:
                    target += "?" + request.url.query
                return RedirectResponse(
                    request.url_for("login").include_query_params(next=target), 303
                )
            if current.account.must_change_password and request.url.path != "/password":
                return RedirectResponse("/password", 303)
            _guard(request, current, permission)
            return await handler(request, current)

        return endpoint

    return wrap


def action(
    permission: Permission | None = None,
) -> Callable[[ActionHandler], Callable[[Request], Awaitable[Response]]]:
    """A POST for logged-in accounts: CSRF checked first, then the role, on the server."""

    def wrap(handler: ActionHandler) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            form = await checked_form(request)
            current = await who(request)
            if current is None:
                raise Refused(403, "logged-out")
            if current.account.must_change_password and request.url.path != "/password":
                raise Refused(403, "must-change-password")
            _guard(request, current, permission)
            return await handler(request, current, form)

        return endpoint

    return wrap


class SecurityHeaders:
    """Adds the headers every page of the editor carries (no framing, no sniffing, CSP)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-frame-options", b"DENY"),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"cache-control", b"no-store"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
