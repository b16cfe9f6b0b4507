"""Background work, in one place and once per deployment.

Four jobs: booking reminders (the evening before and two hours before), closed-day notices
queued by other processes (the editors' page), handoff maintenance (re-announcing waiting cases,
deleting expired ones with their forum topics), and retention (trimming what has outlived its
retention period). Several bot processes may share one Redis (``lotse run`` twice, or
``lotse jobs`` beside workers): a lease in Redis lets exactly one of them run the jobs at a time;
when it stops or dies, another takes over within ``LEASE_SECONDS``. Work items themselves are
claimed atomically too (a reminder is removed from its queue by the one process that sends it),
so even a lease lost mid-run sends nothing twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError
from telegram.constants import ParseMode
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application

from bot.flows import booking_views, handoff_views
from bot.services.booking import Booking, BookingService
from bot.services.handoff import HandoffService
from bot.services.notices import retry_closed_day, take_closed_day

log = logging.getLogger(__name__)

AnyApp = Application[Any, Any, Any, Any, Any, Any]

#: How long a lease lasts without renewal; the holder renews it on every tick.
LEASE_SECONDS = 15.0
LEASE_KEY = "lotse:jobs:lease"
#: How often the runner wakes up (to renew the lease and start due jobs).
TICK_SECONDS = 1.0

REMINDER_INTERVAL_SECONDS = 30.0
NOTICE_INTERVAL_SECONDS = 5.0
MAINTENANCE_INTERVAL_SECONDS = 60.0
RETENTION_INTERVAL_SECONDS = 3600.0


# -- the jobs -----------------------------------------------------------------------------------


async def send_reminder(app: AnyApp, booking: Booking, kind: str) -> None:
    """One reminder, in the language the person booked in."""
    bot_data = app.bot_data
    schedule = bot_data.content.current.booking
    text = booking_views.reminder(bot_data, schedule, booking, kind)
    await app.bot.send_message(booking.chat_id, text, parse_mode=ParseMode.HTML)


async def send_due_reminders(app: AnyApp) -> int:
    """Sends every reminder whose time has come; returns how many were sent."""
    service: BookingService | None = app.bot_data.booking
    if service is None:
        return 0
    sent = 0
    for reminder in await service.due_reminders():
        try:
            await send_reminder(app, reminder.booking, reminder.kind)
            sent += 1
        except Forbidden:
            log.info("reminder not delivered: the person blocked the bot")
        except RetryAfter as exc:
            wait = exc.retry_after
            await service.retry_reminder(
                reminder, wait if isinstance(wait, timedelta) else timedelta(seconds=wait)
            )
        except (NetworkError, TimedOut):
            await service.retry_reminder(reminder, timedelta(minutes=1))
        except TelegramError:
            log.warning("reminder not delivered", exc_info=True)
    return sent


async def _send_closed_notice(app: AnyApp, booking: Booking, day: date) -> None:
    """One closed-day notice with the next free times; Telegram's errors propagate."""
    service: BookingService = app.bot_data.booking
    schedule = app.bot_data.content.current.booking
    slots = await service.next_free(booking.service_id, limit=4)
    view = booking_views.closed_day_notice(app.bot_data, schedule, booking, day, slots)
    await app.bot.send_message(
        booking.chat_id, view.text, reply_markup=view.keyboard, parse_mode=ParseMode.HTML
    )


async def notify_closed(app: AnyApp, cancelled: list[Booking], day: date) -> int:
    """Tells everyone whose booking the office cancelled, offering the next free times."""
    if app.bot_data.booking is None or app.bot_data.content.current.booking is None:
        return 0
    told = 0
    for booking in cancelled:
        try:
            await _send_closed_notice(app, booking, day)
            told += 1
        except TelegramError:
            log.warning(
                "could not tell a person that their appointment was cancelled", exc_info=True
            )
    return told


async def deliver_notices(app: AnyApp) -> int:
    """Delivers closed-day notices queued by other processes; returns how many were sent."""
    redis: Redis | None = app.bot_data.redis
    service: BookingService | None = app.bot_data.booking
    if redis is None or service is None or app.bot_data.content.current.booking is None:
        return 0
    told = 0
    for notice in await take_closed_day(redis):
        booking = await service.get(notice.code)
        if booking is None:
            continue  # deleted meanwhile (/delete_my_data): nobody to tell
        try:
            await _send_closed_notice(app, booking, notice.day)
            told += 1
        except Forbidden:
            log.info("closed-day notice not delivered: the person blocked the bot")
        except (NetworkError, RetryAfter):
            if not await retry_closed_day(redis, notice):
                log.warning("a closed-day notice was given up after several tries")
        except TelegramError:
            log.warning("closed-day notice not delivered", exc_info=True)
    return told


async def run_maintenance(app: AnyApp) -> tuple[int, int]:
    """Announces long-waiting cases again (during office hours) and deletes expired ones."""
    bot_data = app.bot_data
    service: HandoffService | None = bot_data.handoff
    group = bot_data.settings.counsellor_chat_id
    if service is None or group is None:
        return 0, 0
    announced = 0
    hours = bot_data.office_hours
    catalogues = bot_data.catalogues
    if hours is None or hours.is_open(service.clock()):
        after = timedelta(minutes=bot_data.settings.handoff_reannounce_minutes)
        for case in await service.due_announcements(after):
            waiting = handoff_views.format_waiting(
                catalogues, service.clock() - service.waiting_since(case)
            )
            try:
                await app.bot.send_message(
                    group, handoff_views.waiting_again(catalogues, case, waiting)
                )
                announced += 1
            except TelegramError:
                log.warning("could not announce a waiting case", exc_info=True)
    deleted = 0
    for thread in await service.due_purges():
        deleted += 1
        try:
            await app.bot.delete_forum_topic(group, thread)
        except TelegramError:
            log.warning("could not delete an expired case topic", exc_info=True)
    return announced, deleted


async def apply_retention(app: AnyApp) -> int:
    """Drops what has outlived its retention period even when nothing new arrives."""
    removed = 0
    analytics = app.bot_data.analytics
    if analytics is not None:
        removed += await analytics.trim()
    feedback = app.bot_data.feedback
    if feedback is not None:
        removed += await feedback.trim()
    booking: BookingService | None = app.bot_data.booking
    if booking is not None:
        removed += await booking.purge_indexes()
    return removed


# -- the runner ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """A piece of background work and how often it runs."""

    name: str
    interval: float
    run: Callable[[AnyApp], Awaitable[object]]


def default_jobs() -> list[Job]:
    """Every background job of the bot (intervals read at call time, so tests can shorten them)."""
    return [
        Job("reminders", REMINDER_INTERVAL_SECONDS, send_due_reminders),
        Job("notices", NOTICE_INTERVAL_SECONDS, deliver_notices),
        Job("handoff-maintenance", MAINTENANCE_INTERVAL_SECONDS, run_maintenance),
        Job("retention", RETENTION_INTERVAL_SECONDS, apply_retention),
    ]


_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


@dataclass
class Lease:
    """A lease in Redis: held by one owner at a time, lost unless renewed within ``seconds``."""

    redis: Redis
    key: str = LEASE_KEY
    seconds: float = LEASE_SECONDS
    owner: str = field(default_factory=lambda: secrets.token_hex(8))

    async def hold(self) -> bool:
        """Takes the lease if it is free, renews it if it is ours; True when we hold it."""
        result = await self.redis.eval(_RENEW, 1, self.key, self.owner, int(self.seconds * 1000))
        return bool(result)

    async def release(self) -> None:
        """Gives the lease up (only if we still hold it)."""
        await self.redis.eval(_RELEASE, 1, self.key, self.owner)


class JobRunner:
    """Runs the jobs while this process holds the lease; stops cleanly between jobs."""

    def __init__(
        self,
        app: AnyApp,
        redis: Redis,
        jobs: list[Job] | None = None,
        *,
        tick: float = TICK_SECONDS,
        lease: Lease | None = None,
    ) -> None:
        self.app = app
        self.jobs = jobs if jobs is not None else default_jobs()
        self.tick = tick
        self.lease = lease or Lease(redis)
        self.leading = False
        self._next: dict[str, float] = {}
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Starts the loop as a task of the running event loop."""
        if self._task is None:
            self._task = asyncio.create_task(self._loop(), name="lotse-jobs")

    async def stop(self, grace: float = 10.0) -> None:
        """Lets the current job finish (up to ``grace`` seconds), then gives the lease up."""
        self._stop.set()
        task, self._task = self._task, None
        if task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(task), grace)
            except TimeoutError:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self.leading:
            with contextlib.suppress(RedisError):
                await self.lease.release()
            self.leading = False

    async def _loop(self) -> None:
        while not self._stop.is_set():
            await self.run_once()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.tick)

    async def run_once(self) -> list[str]:
        """One tick: renew or take the lease; if held, run the jobs that are due. Returns them."""
        try:
            leading = await self.lease.hold()
        except RedisError:
            log.warning("jobs: storage unavailable, trying again shortly")
            return []
        if leading != self.leading:
            log.info("jobs: %s", "this process runs the background jobs" if leading else "paused")
            self.leading = leading
            # A new leader waits one interval before each job, like a fresh start.
            self._next = {job.name: time.monotonic() + job.interval for job in self.jobs}
        if not leading:
            return []
        ran = []
        for job in self.jobs:
            if self._stop.is_set():
                break
            if self._next.get(job.name, 0.0) > time.monotonic():
                continue
            self._next[job.name] = time.monotonic() + job.interval
            ran.append(job.name)
            try:
                await job.run(self.app)
            except RedisError:
                log.warning("job %s: storage unavailable, trying again shortly", job.name)
            except Exception:  # one failing job must not stop the others
                log.exception("job %s failed", job.name)
        return ran
