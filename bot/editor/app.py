"""``build_editor(settings) -> Starlette``: the editors' web page, built in one place.

Routes (pages in ``bot/editor/pages/``), middleware (security headers, the signed session
cookie), Jinja2 templates in ``bot/editor/templates/`` (autoescaped), and the services they
call (``bot/services/``: accounts, audit, workspace, questions, NLU training, booking).
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from redis.asyncio import BlockingConnectionPool, Redis
from redis.exceptions import RedisError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot.editor.security import Refused, SecurityHeaders, Who, csrf_token
from bot.editor.security import who as who_is
from bot.editor.words import Words
from bot.i18n import Catalogues
from bot.languages import BY_CODE, CODES
from bot.services.accounts import AccountService, Permission
from bot.services.audit import AuditLog
from bot.services.booking import BookingService
from bot.services.content import ContentSnapshot
from bot.services.content_history import SourceHistory
from bot.services.content_store import ContentStore
from bot.services.feedback import FeedbackService
from bot.services.localize import Localizer
from bot.services.nlu_training import NluTrainer
from bot.services.questions import QuestionWork
from bot.services.schedule import Schedule
from bot.services.translator import Translator
from bot.services.workspace import Workspace
from bot.settings import Settings, SettingsError

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
LOCAL = ZoneInfo("Europe/Berlin")


@dataclass
class EditorServices:
    """What the pages call; made once by ``build_editor``."""

    settings: Settings
    redis: Redis
    accounts: AccountService
    audit: AuditLog
    workspace: Workspace
    history: SourceHistory
    questions: QuestionWork
    trainer: NluTrainer
    booking: BookingService
    #: 👍/👎 on answers and the lines readers wrote (kept ANALYTICS_RETENTION_DAYS).
    feedback: FeedbackService
    translator: Translator | None
    localizer: Localizer | None
    words: Words
    templates: Jinja2Templates
    clock: Callable[[], float]
    owns_redis: bool = False

    def render(
        self, request: Request, who: Who | None, template: str, status: int = 200, **values: Any
    ) -> Response:
        """A page from ``templates/<template>`` with what every page needs."""
        flashes = request.session.pop("flash", None) or []
        context = {
            "who": who,
            "csrf": csrf_token(request),
            "flashes": flashes,
            "t": self.words.t,
            "Permission": Permission,
            "languages": BY_CODE,
            "codes": CODES,
            **values,
        }
        return self.templates.TemplateResponse(request, template, context, status_code=status)


def _local_time(value: float | datetime | None, style: str = "%d.%m.%Y %H:%M") -> str:
    if value is None:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromtimestamp(value, tz=UTC)
    return moment.astimezone(LOCAL).strftime(style)


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["local"] = _local_time
    return Jinja2Templates(env=env)


def _routes() -> list[BaseRoute]:
    from bot.editor.pages import (
        accounts,
        auth,
        dashboard,
        publish,
        questions,
        schedule,
        topics,
    )

    routes: list[BaseRoute] = [
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    for module in (auth, dashboard, topics, publish, questions, schedule, accounts):
        routes += module.routes()
    return routes


async def healthz(request: Request) -> Response:
    """Alive (touches nothing)."""
    return PlainTextResponse("ok")


async def readyz(request: Request) -> Response:
    """Ready: Redis answers."""
    try:
        await request.app.state.services.redis.ping()
    except (RedisError, OSError):
        return PlainTextResponse("redis unavailable", status_code=503)
    return PlainTextResponse("ok")


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    svc: EditorServices = request.app.state.services
    current = None
    with contextlib.suppress(RedisError, OSError):
        current = await who_is(request)
    message = svc.words.t(f"error-{exc.code}", **exc.details)
    return svc.render(request, current, "error.html", exc.status, message=message)


async def _unavailable(request: Request, exc: Exception) -> Response:
    """Redis cannot be reached: say so, and that nothing typed was saved."""
    log.warning("editor: Redis unavailable (%s)", type(exc).__name__)
    svc: EditorServices = request.app.state.services
    message = svc.words.t("error-unavailable")
    return svc.render(request, None, "error.html", 503, message=message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    svc: EditorServices = request.app.state.services
    code = {404: "not-found", 405: "not-allowed"}.get(exc.status_code, "bad-request")
    message = svc.words.t(f"error-{code}")
    return svc.render(request, None, "error.html", exc.status_code, message=message)


def build_editor(
    settings: Settings,
    *,
    redis: Redis | None = None,
    translator: Translator | None = None,
    secret_key: str | None = None,
    clock: Callable[[], float] = time.time,
) -> Starlette:
    """The editors' page. ``redis`` overrides ``REDIS_URL`` (the page needs one);
    ``translator`` overrides the configured one; ``secret_key`` signs the session cookie
    (``EDITOR_SECRET_KEY``, else one for this process)."""
    from bot.app import build_translator

    owns_redis = False
    if redis is None:
        if not settings.redis_dsn:
            raise SettingsError(
                "Config 'REDIS_URL' is missing: the editors' page keeps its data in Redis."
            )
        redis = Redis.from_pool(
            BlockingConnectionPool.from_url(settings.redis_dsn, max_connections=30, timeout=5)
        )
        owns_redis = True
    if translator is None:
        translator = build_translator(settings, redis)
    history = SourceHistory(redis)
    workspace = Workspace(
        redis,
        settings.content_dir,
        settings.translations_dir,
        store=ContentStore(redis),
        history=history,
        clock=clock,
    )
    localizer = None
    if translator is not None:
        localizer = Localizer(translator, lambda: _now(workspace), lambda: _no_catalogues())
    svc = EditorServices(
        settings=settings,
        redis=redis,
        accounts=AccountService(
            redis, session_seconds=int(settings.editor_session_hours * 3600), clock=clock
        ),
        audit=AuditLog(redis, retention_days=settings.editor_audit_retention_days, clock=clock),
        workspace=workspace,
        history=history,
        questions=QuestionWork(
            redis, settings.nlu_dir, retention_days=settings.analytics_retention_days, clock=clock
        ),
        trainer=NluTrainer(redis, settings, clock=clock),
        booking=BookingService(
            redis,
            lambda: _published_schedule(workspace),
            clock=lambda: datetime.fromtimestamp(clock(), tz=UTC),
        ),
        feedback=FeedbackService(redis, retention_days=settings.analytics_retention_days),
        translator=translator,
        localizer=localizer,
        words=Words.load(settings.translations_dir),
        templates=_templates(),
        clock=clock,
        owns_redis=owns_redis,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await workspace.start()
        await workspace.view()  # loads and validates once, so the first page is quick
        try:
            yield
        finally:
            await svc.trainer.stop()
            if svc.owns_redis:
                await svc.redis.aclose()

    key = secret_key or (
        settings.editor_secret_key.get_secret_value() if settings.editor_secret_key else None
    )
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(
            SessionMiddleware,
            secret_key=key or secrets.token_urlsafe(32),
            session_cookie="lotse_editor",
            max_age=int(settings.editor_session_hours * 3600),
            same_site="strict",
            https_only=settings.editor_cookie_secure,
        ),
    ]
    app = Starlette(
        routes=_routes(),
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={
            Refused: _refused,
            HTTPException: _http_error,
            RedisError: _unavailable,
        },
    )
    app.state.services = svc
    return app


def _now(workspace: Workspace) -> ContentSnapshot:
    snapshot = workspace.latest
    assert snapshot is not None, "the lifespan loads the content first"
    return snapshot


def _no_catalogues() -> Catalogues:
    raise RuntimeError("the editor translates topics, not UI strings")


def _published_schedule(workspace: Workspace) -> Schedule | None:
    """The schedule the bots use now (the published files), for closing days."""
    published = workspace.published
    return published.booking if published is not None else None
