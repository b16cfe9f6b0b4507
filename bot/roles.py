"""The processes Lotse runs as: all-in-one, ingress, worker, jobs (README "Lotse as a service").

- ``lotse run`` with Redis: all in one process — updates come by long polling or the webhook,
  go through the same durable stream as in a split deployment, and an in-process worker
  handles them; background jobs run inside. Killed at any moment, the next start continues
  with the updates it had accepted (the polling offset is confirmed only after the update is
  in the stream).
- ``lotse run`` without Redis: the webhook puts updates straight on the Application's queue
  (polling stays python-telegram-bot's own ``run_polling``).
- ``lotse ingress``: the webhook only — secret checked, update appended to the stream.
- ``lotse worker``: handles the streams (``bot/worker.py``); no background jobs.
- ``lotse jobs``: the background jobs (reminders, case maintenance, retention) and no updates.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx
from redis.asyncio import BlockingConnectionPool, Redis
from redis.exceptions import RedisError
from telegram import Bot, Update
from telegram.error import NetworkError, TelegramError
from telegram.ext import Application

from bot.settings import Settings, SettingsError
from bot.streams import UpdateStream
from bot.webhook import (
    Check,
    build_probe_app,
    build_webhook_app,
    uvicorn_server,
    webhook_path,
    webhook_secret,
)
from bot.worker import StreamWorker

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]


def stop_event() -> asyncio.Event:
    """An event set by SIGTERM or SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


def redis_client(settings: Settings) -> Redis:
    """A bounded pool that waits for a free connection, like the Application's own."""
    if not settings.redis_dsn:
        raise SettingsError("Config 'REDIS_URL' is missing, and this role needs it.")
    pool = BlockingConnectionPool.from_url(
        settings.redis_dsn,
        max_connections=50,
        timeout=5,
        socket_timeout=5,
        socket_connect_timeout=5,
    )
    return Redis.from_pool(pool)


def stream_of(settings: Settings, redis: Redis) -> UpdateStream:
    """The sharded update streams as configured."""
    return UpdateStream(
        redis, shards=settings.stream_shards, max_backlog=settings.stream_max_backlog
    )


def redis_check(redis: Redis) -> Check:
    """Ready when Redis answers PING."""

    async def check() -> bool:
        return bool(await redis.ping())

    return check


def nlu_check(app: Application[Any, Any, Any, Any, Any, Any]) -> Check:
    """Ready when an NLU server answers (or none is configured: typed questions get the menu)."""

    async def check() -> bool:
        nlu = app.bot_data.nlu
        if nlu is None:
            return True
        ready: Callable[[], Awaitable[bool]] | None = getattr(nlu, "ready", None)
        if ready is not None:
            return await ready()
        async with httpx.AsyncClient(timeout=2) as client:
            return (await client.get(nlu.base_url.rstrip("/") + "/status")).status_code == 200

    return check


async def serve_until(
    app: Any, listen: tuple[str, int], stop: asyncio.Event
) -> None:  # Starlette app
    """Serves an ASGI app until ``stop`` is set."""
    server = uvicorn_server(app, listen)
    task = asyncio.create_task(server.serve(), name="http")
    stopper = asyncio.create_task(stop.wait())
    await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    server.should_exit = True
    stopper.cancel()
    await task


async def set_webhook(bot: Bot, settings: Settings) -> None:
    """Tells Telegram where to post, with the secret it must send back."""
    try:
        await bot.set_webhook(
            url=str(settings.webhook_url),
            secret_token=webhook_secret(settings),
            allowed_updates=ALLOWED_UPDATES,
            max_connections=40,
        )
        log.info("webhook registered with Telegram")
    except TelegramError as exc:
        log.error("setWebhook failed (%s); serving anyway", type(exc).__name__)


async def poll_into_stream(
    bot: Bot,
    stream: UpdateStream,
    stop: asyncio.Event,
    fallback: Callable[[Update], Awaitable[None]],
) -> None:
    """Long polling that confirms an update to Telegram only once it is in the stream.

    Telegram forgets updates below the ``offset`` of the next ``getUpdates``; the offset moves
    past an update only after ``XADD`` succeeded. With Redis down, the update goes straight to
    the Application instead (which answers "try again in a minute").
    """
    with contextlib.suppress(TelegramError):
        await bot.delete_webhook()
    offset: int | None = None
    delay = 1.0
    while not stop.is_set():
        try:
            updates = await bot.get_updates(
                offset=offset, timeout=5, allowed_updates=ALLOWED_UPDATES
            )
            delay = 1.0
        except NetworkError as exc:
            log.warning("getUpdates failed (%s); trying again in %.0f s", type(exc).__name__, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
            continue
        for update in updates:
            try:
                await stream.accept(update.to_dict())
            except RedisError:
                await fallback(update)
            offset = update.update_id + 1


async def run_service(settings: Settings) -> int:
    """``lotse run`` with Redis (polling or webhook) or with a webhook and no Redis."""
    from bot.app import build_application, running

    app = build_application(settings, sighup_reload=True, updater=False)
    redis: Redis | None = app.bot_data.redis
    stop = stop_event()
    async with running(app):
        checks: dict[str, Check] = {"nlu": nlu_check(app)}
        if redis is None:
            # No stream: updates go on the Application's queue (ordered per chat there).
            async def to_queue(data: dict[str, Any]) -> str:
                update = Update.de_json(data, app.bot)
                await app.update_queue.put(update)
                return "ok"

            await set_webhook(app.bot, settings)
            web = build_webhook_app(settings, to_queue, checks=checks)
            await serve_until(web, settings.webhook_host_port, stop)
            return 0
        checks["redis"] = redis_check(redis)
        stream = stream_of(settings, redis)
        await stream.ensure_groups()
        worker = StreamWorker(app, stream, lease_seconds=settings.worker_lease_seconds)
        worker_task = asyncio.create_task(worker.run(stop), name="worker")
        if settings.webhook_url:
            await set_webhook(app.bot, settings)
            web = build_webhook_app(settings, stream.accept, checks=checks)
            log.info("serving the webhook on %s:%d", *settings.webhook_host_port)
            await serve_until(web, settings.webhook_host_port, stop)
        else:
            log.info("long polling into the update stream")
            poller = asyncio.create_task(
                poll_into_stream(app.bot, stream, stop, app.update_queue.put), name="poller"
            )
            await stop.wait()
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller
        stop.set()
        await worker_task
    return 0


async def run_ingress(settings: Settings) -> int:
    """``lotse ingress``: the webhook into the stream; /healthz, /readyz (Redis)."""
    if not settings.token:
        raise SettingsError("Config 'TELEGRAM_BOT_TOKEN' is missing, and the ingress needs it.")
    webhook_secret(settings)  # both checked before anything starts
    webhook_path(settings)
    redis = redis_client(settings)
    stream = stream_of(settings, redis)
    stop = stop_event()
    try:
        await stream.ensure_groups()
        base = settings.telegram_api_base_url
        bot = Bot(
            settings.token, base_url=base, base_file_url=base.removesuffix("/bot") + "/file/bot"
        )
        async with bot:
            await set_webhook(bot, settings)
        web = build_webhook_app(settings, stream.accept, checks={"redis": redis_check(redis)})
        log.info("ingress listening on %s:%d", *settings.webhook_host_port)
        await serve_until(web, settings.webhook_host_port, stop)
    finally:
        await redis.aclose()
    return 0


async def run_worker(settings: Settings, health: tuple[str, int] | None = None) -> int:
    """``lotse worker``: handles the update streams until SIGTERM (no background jobs)."""
    from bot.app import build_application, running

    redis = redis_client(settings)
    app = build_application(settings, redis=redis, updater=False, run_jobs=False)
    stop = stop_event()
    try:
        async with running(app):
            worker = StreamWorker(
                app, stream_of(settings, redis), lease_seconds=settings.worker_lease_seconds
            )
            probes: asyncio.Task[None] | None = None
            if health is not None:
                checks: Mapping[str, Check] = {"redis": redis_check(redis), "nlu": nlu_check(app)}
                probes = asyncio.create_task(serve_until(build_probe_app(checks), health, stop))
            await worker.run(stop)
            if probes is not None:
                await probes
    finally:
        await redis.aclose()
    return 0


async def run_jobs(settings: Settings, health: tuple[str, int] | None = None) -> int:
    """``lotse jobs``: reminders, case maintenance, retention; handles no updates.

    Each reminder and each due case is claimed atomically in Redis, so a second jobs process
    (a rolling update, a mistake) never sends anything twice.
    """
    from bot.app import build_application, running

    redis = redis_client(settings)
    app = build_application(settings, redis=redis, updater=False, run_jobs=True)
    stop = stop_event()
    try:
        async with running(app):
            log.info("background jobs running")
            if health is not None:
                checks: Mapping[str, Check] = {"redis": redis_check(redis)}
                await serve_until(build_probe_app(checks), health, stop)
            else:
                await stop.wait()
    finally:
        await redis.aclose()
    return 0
