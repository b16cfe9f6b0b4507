"""``build_application(settings)``: creates the services and registers every handler, here only."""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import signal
from collections.abc import AsyncIterator
from datetime import timedelta

from redis.asyncio import BlockingConnectionPool, Redis
from telegram import BotCommand
from telegram.ext import Application, ApplicationBuilder, BaseRateLimiter
from telegram.request import BaseRequest

from bot import published
from bot.channels.local_api import LOCAL_BOT_TOKEN
from bot.context import CONTEXT_TYPES, BotData
from bot.flows import (
    booking,
    counselling,
    counsellors,
    errors,
    fallback,
    faq,
    feedback,
    freetext,
    frontdesk,
    guard,
    handoff,
    mybookings,
    privacy,
    staff,
    start,
    topics,
)
from bot.group_check import check_counsellor_group
from bot.i18n import Catalogues
from bot.jobs import JobRunner
from bot.languages import CODES
from bot.persistence import RedisPersistence
from bot.ratelimit import SharedRateLimiter
from bot.services.analytics import Analytics
from bot.services.booking import BookingService
from bot.services.content import ContentRepository, Problem
from bot.services.coverage import log_coverage
from bot.services.emergency import load_emergency
from bot.services.engines import DeeplEngine, Engine, GoogleEngine, LibreEngine, NllbEngine
from bot.services.feedback import FeedbackService
from bot.services.flood import FloodGuard
from bot.services.glossary import Glossary
from bot.services.handoff import HandoffService, load_office_hours
from bot.services.langdetect import LanguageDetector
from bot.services.localize import Localizer
from bot.services.membership import MembershipCache
from bot.services.nlu_pool import NluPool
from bot.services.translator import Translator
from bot.settings import Settings, SettingsError
from bot.state import ChatStateStore, StatefulApplication
from bot.update_processor import ChatOrderedProcessor

log = logging.getLogger(__name__)

COMMANDS = ("start", "menu", "mybookings", "end", "language", "privacy", "help")
#: The updates the bot asks Telegram for (polling and webhook). ``chat_member`` keeps the
#: membership of the counsellors' group fresh; Telegram sends it only when asked for.
ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "chat_member", "my_chat_member")


class Group(enum.IntEnum):
    """Handler groups, in the order PTB tries them (lower first; one answer per group)."""

    #: First of all: the update's time budget, and flood control per person (a flooder's
    #: update stops here, before any NLU or translator call).
    GUARD = -6
    #: After 👎, the one line saying what was missing: first, so the line is not read as a
    #: question (a tap elsewhere ends the wait; a line typed after the short-lived note expired
    #: passes on as an ordinary message). Its handler runs PREPARE's step itself.
    FEEDBACK_LINE = -5
    #: Before anything answers: a reader of a language beyond the twelve gets the UI strings
    #: machine-translated (once per language, remembered).
    PREPARE = -4
    #: The typed steps of a booking (name, phone) and of a new case (description) come before
    #: the relay, so a newcomer with an open case can still type their name.
    BOOKING_STEPS = -3
    HANDOFF_STEPS = -2
    #: A newcomer with an open case writes to the counsellors, not to the bot.
    RELAY = -1
    #: The open district question.
    DISTRICT = 0
    #: Stateless flows: first match wins.
    FLOWS = 1


def reload_content(bot_data: BotData) -> list[Problem]:
    """Reloads answers and UI strings from the bot's files; keeps the old ones if the new ones
    are broken. (With Redis, ``bot.published`` follows the published versions instead.)"""
    settings = bot_data.settings
    prepared = published.prepare(settings.content_dir, settings.translations_dir)
    published.install(bot_data, prepared, None)
    problems = prepared.problems
    if problems:
        log.warning("content reloaded with %d problem(s); first: %s", len(problems), problems[0])
    else:
        log.info("content reloaded")
    return problems


def _sighup(bot_data: BotData) -> None:
    """SIGHUP: the newest published version (with Redis), else the files again."""
    follower = bot_data.content_follower
    if follower is not None:
        follower.sighup = asyncio.ensure_future(follower.on_message("reload"))
    else:
        reload_content(bot_data)


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    bot_data: BotData = app.bot_data
    group = bot_data.settings.counsellor_chat_id
    if group is not None:
        # Refuses to start (GroupMisconfigured) unless only counsellors can write there.
        await check_counsellor_group(app.bot, group)
    if bot_data.detector is not None:
        # Seconds of model loading belong to the start, not to the first newcomer's reply.
        await asyncio.to_thread(bot_data.detector.load)
    catalogues = bot_data.catalogues
    for lang in CODES:
        commands = [BotCommand(c, catalogues.t(lang, f"command-{c}")) for c in COMMANDS]
        await app.bot.set_my_commands(commands, language_code=lang)
    await app.bot.set_my_commands(
        [BotCommand(c, catalogues.t("en", f"command-{c}")) for c in COMMANDS]
    )
    # With Redis: answer from the newest published content, and follow new versions.
    bot_data.content_follower = await published.start_following(bot_data)
    if bot_data.content_follower is not None:
        bot_data.reload_task = bot_data.content_follower.task
    if bot_data.jobs is not None:
        bot_data.jobs.start()
    # Once at start: which engine serves which language (a WARNING per curated language that
    # has none). In the background, so a slow engine does not delay the start.
    bot_data.coverage_task = asyncio.create_task(
        log_coverage(bot_data.translator), name="translation-coverage"
    )
    if bot_data.sighup_reload:
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGHUP, _sighup, bot_data)


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    bot_data: BotData = app.bot_data
    if bot_data.jobs is not None:
        await bot_data.jobs.stop()
    for name in ("reload_task", "coverage_task"):
        task = getattr(bot_data, name)
        setattr(bot_data, name, None)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(task, timeout=5)
    if bot_data.nlu is not None:
        await bot_data.nlu.aclose()
    if bot_data.translator is not None:
        await bot_data.translator.aclose()
    if bot_data.redis is not None and bot_data.owns_redis:
        await bot_data.redis.aclose()


def build_engines(settings: Settings) -> list[Engine]:
    """The configured translation engines in order (TRANSLATORS, else TRANSLATOR)."""
    engines: list[Engine] = []
    for name in settings.engine_names:
        if name == "libre":
            if not settings.libretranslate_url:
                raise SettingsError(
                    "Config 'LIBRETRANSLATE_URL' is missing, and the engine 'libre' needs it."
                )
            key = settings.libretranslate_api_key
            engines.append(
                LibreEngine(settings.libretranslate_url, key.get_secret_value() if key else None)
            )
        elif name == "nllb":
            if not settings.nllb_url:
                raise SettingsError("Config 'NLLB_URL' is missing, and the engine 'nllb' needs it.")
            engines.append(NllbEngine(settings.nllb_url))
        elif name == "deepl":
            if not settings.deepl_api_key:
                raise SettingsError(
                    "Config 'DEEPL_API_KEY' is missing, and the engine 'deepl' needs it."
                )
            engines.append(DeeplEngine(settings.deepl_api_key.get_secret_value()))
        elif name == "google":
            if not settings.google_api_key:
                raise SettingsError(
                    "Config 'GOOGLE_API_KEY' is missing, and the engine 'google' needs it."
                )
            log.warning("engine google: newcomers' messages and answers are sent to Google")
            engines.append(GoogleEngine(settings.google_api_key.get_secret_value()))
    return engines


def build_translator(settings: Settings, redis: Redis | None) -> Translator | None:
    """The configured machine translator, or None ("none", or nothing configured)."""
    engines = build_engines(settings)
    if not engines:
        log.info("no translator configured: languages beyond the twelve are not offered")
        return None
    glossary = Glossary.load(settings.content_dir / "glossary.yml")
    return Translator(
        engines,
        redis,
        glossary,
        timeout=settings.translator_timeout_seconds,
        budget=settings.translator_budget_seconds,
        memory_ttl_seconds=settings.translation_memory_days * 86_400,
    )


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    redis: Redis | None = None,
    sighup_reload: bool = False,
    run_jobs: bool = True,
    rate_limiter: BaseRateLimiter[None] | None = None,
    updater: bool = True,
) -> Application:  # type: ignore[type-arg]
    """Builds the Application: services, persistence, and every handler in one place.

    ``request`` replaces the HTTP transport to Telegram (the local chat and the tests pass a
    ``LocalBotApi``). ``redis`` overrides the client made from ``REDIS_URL``; with neither, state
    lives in memory only. ``run_jobs``: this process may run the background jobs (with Redis,
    one process of the deployment at a time does; a worker passes False). Calls to a real Bot
    API pass the shared ``SharedRateLimiter`` (``rate_limiter`` replaces it).
    ``updater=False``: no long polling (webhook, workers).
    """
    content = ContentRepository(settings.content_dir, settings.translations_dir)
    catalogues = Catalogues.load(settings.translations_dir)
    owns_redis = False
    if redis is None and settings.redis_dsn:
        # A bounded pool that waits for a free connection (the default pool raises when full),
        # so a burst of users, reminders and the reload listener share it without errors.
        pool = BlockingConnectionPool.from_url(
            settings.redis_dsn,
            max_connections=50,
            timeout=5,
            socket_timeout=5,
            socket_connect_timeout=5,
        )
        redis = Redis.from_pool(pool)
        owns_redis = True

    builder: ApplicationBuilder = (  # type: ignore[type-arg]
        Application.builder()
        .token(settings.token or LOCAL_BOT_TOKEN)
        .context_types(CONTEXT_TYPES)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        # Every update between a load and a flush of its chat's state (bot/state.py), each
        # chat in order, different chats concurrently (bot/update_processor.py).
        .application_class(StatefulApplication)
        .concurrent_updates(ChatOrderedProcessor(settings.concurrent_updates))
    )
    if rate_limiter is None and request is None:
        rate_limiter = SharedRateLimiter(
            redis,
            per_second=settings.telegram_rate_per_second,
            per_chat_second=settings.telegram_rate_per_chat_second,
            per_group_minute=settings.telegram_rate_per_group_minute,
        )
    if rate_limiter is not None:
        builder = builder.rate_limiter(rate_limiter)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        base = settings.telegram_api_base_url
        builder = builder.base_url(base).base_file_url(base.removesuffix("/bot") + "/file/bot")
    if not updater:
        builder = builder.updater(None)
    if redis is not None:
        builder = builder.persistence(
            RedisPersistence(
                redis,
                retention=timedelta(days=settings.user_data_retention_days),
                update_interval=settings.persistence_interval_seconds,
            )
        )
    else:
        log.info("REDIS_URL is not set: state is kept in memory only, nothing survives a restart")
    app = builder.build()
    assert isinstance(app, StatefulApplication)
    if redis is not None:
        app.state_store = ChatStateStore(
            redis, retention=timedelta(days=settings.user_data_retention_days)
        )

    bot_data: BotData = app.bot_data
    bot_data._settings = settings
    bot_data._content = content
    bot_data._catalogues = catalogues
    bot_data.redis = redis
    if settings.rasa_urls:
        bot_data.nlu = NluPool(
            settings.rasa_urls[0],
            timeout=settings.nlu_timeout_seconds,
            urls=settings.rasa_urls,
            redis=redis,
            cache_seconds=settings.nlu_cache_seconds,
        )
    else:
        log.info("RASA_URL is not set: typed questions get the menu")
    bot_data.detector = LanguageDetector()
    bot_data.members = MembershipCache(redis=redis)
    bot_data.flood = FloodGuard(
        redis, burst=settings.flood_burst, per_minute=settings.flood_per_minute
    )
    if redis is not None:
        bot_data.analytics = Analytics(redis, retention_days=settings.analytics_retention_days)
        bot_data.feedback = FeedbackService(redis, retention_days=settings.analytics_retention_days)
        bot_data.booking = BookingService(redis, lambda: content.current.booking)
        bot_data.handoff = HandoffService(
            redis, retention=timedelta(days=settings.handoff_retention_days)
        )
    else:
        log.info("REDIS_URL is not set: appointments and counsellors are not available")
    if settings.counsellor_chat_id is None:
        log.info("COUNSELLOR_CHAT_ID is not set: 'talk to a person' points to MigraDO instead")
    bot_data.office_hours = load_office_hours(settings.content_dir)
    bot_data.emergency = load_emergency(settings.content_dir)
    bot_data.translator = build_translator(settings, redis)
    if bot_data.translator is not None:
        bot_data.localizer = Localizer(
            bot_data.translator, lambda: content.current, lambda: bot_data.catalogues
        )
    bot_data.owns_redis = owns_redis
    bot_data.sighup_reload = sighup_reload
    if redis is not None and run_jobs:
        bot_data.jobs = JobRunner(app, redis)

    # Order matters. Only one handler per group answers an update, so every conversation has a
    # group of its own: a conversation's fallbacks end its question without stopping the update,
    # and the next group still sees it (a booking button tapped while the district question is
    # open reaches the booking). State handlers stop further processing.
    app.add_handler(guard.build_handler(), group=Group.GUARD)
    persistent = redis is not None
    app.add_handler(feedback.build_handler(persistent=persistent), group=Group.FEEDBACK_LINE)
    app.add_handler(start.build_prepare_handler(), group=Group.PREPARE)
    app.add_handler(booking.build_handler(persistent=persistent), group=Group.BOOKING_STEPS)
    app.add_handler(handoff.build_handler(persistent=persistent), group=Group.HANDOFF_STEPS)
    app.add_handler(handoff.build_relay_handler(), group=Group.RELAY)
    app.add_handler(counselling.build_handler(persistent=persistent), group=Group.DISTRICT)
    # Stateless flows, first match wins; the catch-alls of `fallback` come last.
    for handler in (
        *start.build_handlers(),
        *topics.build_handlers(),
        *faq.build_handlers(),
        *feedback.build_handlers(),
        *counselling.build_handlers(),
        *booking.build_handlers(),
        *mybookings.build_handlers(),
        *frontdesk.build_handlers(),
        *handoff.build_handlers(),
        *counsellors.build_handlers(settings.counsellor_chat_id),
        *staff.build_handlers(settings.counsellor_chat_id),
        *privacy.build_handlers(),
        *freetext.build_handlers(),
        *fallback.build_handlers(),
    ):
        app.add_handler(handler, group=Group.FLOWS)
    app.add_error_handler(errors.on_error)
    if app.state_store is not None:
        app.state_store.attach(app)
    return app


@contextlib.asynccontextmanager
async def running(app: Application) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Starts an Application the way ``run_polling`` does, minus the polling.

    For the local chat and the tests: initialize, the post-init hooks (bot commands, content
    reload listener), start; and on the way out stop, shutdown and the post-shutdown hooks.
    """
    await app.initialize()
    try:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        try:
            yield app
        finally:
            if app.running:
                await app.stop()
    finally:
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
