"""The webhook: a Starlette app served by uvicorn, as in python-telegram-bot's custom-webhook
example (``examples/customwebhookbot/starlettebot.py``).

``build_webhook_app`` is the factory: one POST route at the path of ``WEBHOOK_URL`` that checks
``X-Telegram-Bot-Api-Secret-Token`` (wrong or missing: 403, nothing is read further) and hands
the update to ``accept`` — appending it to the Redis stream (``lotse ingress``, ``lotse run``
with Redis) or putting it on the Application's queue (``lotse run`` without Redis). The answer
is 200 only once ``accept`` succeeded; 503 when it cannot (Redis down, the shard full), so
Telegram delivers the update again later. ``/healthz`` answers without touching anything;
``/readyz`` runs the given checks (Redis, the NLU) and says which failed.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from urllib.parse import urlsplit

import uvicorn
from redis.exceptions import RedisError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.settings import Settings, SettingsError
from bot.streams import BadUpdate

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: Telegram's updates are small; anything far larger is not one.
MAX_BODY_BYTES = 1_000_000

Accept = Callable[[dict[str, object]], Awaitable[str]]
Check = Callable[[], Awaitable[bool]]


def webhook_path(settings: Settings) -> str:
    """The path of ``WEBHOOK_URL`` (``/`` when it has none)."""
    if not settings.webhook_url:
        raise SettingsError("Config 'WEBHOOK_URL' is missing, and webhook mode needs it.")
    return urlsplit(settings.webhook_url).path or "/"


def webhook_secret(settings: Settings) -> str:
    """The secret Telegram sends with every update; required, and of a form Telegram accepts."""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if not secret:
        raise SettingsError(
            "Config 'WEBHOOK_SECRET' is missing: with WEBHOOK_URL set, every request must carry "
            "it (1-256 characters A-Z, a-z, 0-9, _ and -)."
        )
    if len(secret) > 256 or not all(c.isascii() and (c.isalnum() or c in "_-") for c in secret):
        raise SettingsError(
            "Config 'WEBHOOK_SECRET' may hold only 1-256 characters A-Z, a-z, 0-9, _ and -."
        )
    return secret


def build_webhook_app(
    settings: Settings,
    accept: Accept,
    *,
    checks: Mapping[str, Check] | None = None,
) -> Starlette:
    """The ASGI app: the webhook route, ``/healthz`` and ``/readyz``."""
    secret = webhook_secret(settings).encode()
    path = webhook_path(settings)
    ready_checks = dict(checks or {})
    stats = {"accepted": 0, "refused": 0, "duplicates": 0}

    async def telegram(request: Request) -> Response:
        """Checks the secret, then hands the update on; 200 only when that succeeded."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, secret):
            stats["refused"] += 1
            return PlainTextResponse("forbidden", status_code=403)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return PlainTextResponse("too large", status_code=413)
        try:
            data = json.loads(body)
            if not isinstance(data, dict):
                raise BadUpdate("not an object")
            result = await accept(data)
        except (ValueError, BadUpdate):  # json's errors and BadUpdate are ValueErrors
            return PlainTextResponse("not an update", status_code=400)
        except (RedisError, OSError):
            log.warning("webhook: could not store an update; Telegram will deliver it again")
            return PlainTextResponse("unavailable", status_code=503)
        if result == "full":
            log.warning("webhook: backlog full; Telegram will deliver the update again")
            return PlainTextResponse("busy", status_code=503)
        stats["duplicates" if result == "dup" else "accepted"] += 1
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route(path, telegram, methods=["POST"]), *probe_routes(ready_checks)])
    app.state.stats = stats
    return app


def probe_routes(checks: Mapping[str, Check]) -> list[Route]:
    """``/healthz`` (alive, touches nothing) and ``/readyz`` (every check passes)."""

    async def healthz(request: Request) -> Response:
        """Alive: the process answers. Touches no dependency."""
        return PlainTextResponse("ok")

    async def readyz(request: Request) -> Response:
        """Ready: every dependency check passes (each bounded to two seconds)."""
        results: dict[str, bool] = {}
        for name, check in checks.items():
            try:
                async with asyncio.timeout(2):
                    results[name] = bool(await check())
            except Exception:  # any failure of a dependency means "not ready"
                log.warning("readiness check %s failed", name, exc_info=True)
                results[name] = False
        status = 200 if all(results.values()) else 503
        return JSONResponse({"ready": status == 200, "checks": results}, status_code=status)

    return [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
    ]


def build_probe_app(checks: Mapping[str, Check]) -> Starlette:
    """Only the probes: for a worker, which takes no requests."""
    return Starlette(routes=probe_routes(checks))


class _Server(uvicorn.Server):
    """uvicorn without its own signal handlers: the role's runner decides when to stop."""

    def capture_signals(self) -> contextlib.AbstractContextManager[None]:  # type: ignore[override]
        return contextlib.nullcontext()


def uvicorn_server(app: Starlette, listen: tuple[str, int]) -> uvicorn.Server:
    """A uvicorn server for the app, run inside our own event loop (``await server.serve()``)."""
    config = uvicorn.Config(
        app, host=listen[0], port=listen[1], log_level="warning", access_log=False, lifespan="off"
    )
    return _Server(config)
