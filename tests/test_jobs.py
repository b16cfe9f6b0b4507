"""Background jobs: once per deployment, stopping cleanly, notices from other processes."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from redis.asyncio import Redis

from bot import jobs
from bot.channels.local import LocalChat
from bot.jobs import Job, JobRunner, Lease, deliver_notices
from bot.services.analytics import UNANSWERED
from bot.services.booking import Booking, BookingService
from bot.services.notices import CLOSED_DAY_KEY, enqueue_closed_day
from tests.conftest import AppFactory
from tests.helpers import BERLIN, Clock, all_text, messages

THURSDAY = date(2026, 12, 3)
#: Jobs that do not look at the Application get this instead of one.
NO_APP: Any = object()


def slot_id(day: date, hh: int, mm: int) -> str:
    local = datetime.combine(day, time(hh, mm), BERLIN)
    return local.astimezone(UTC).strftime("%Y%m%d%H%M")


async def book(service: BookingService, user_id: int, hh: int, mm: int) -> Booking:
    await service.hold(user_id, "arrival_counselling", slot_id(THURSDAY, hh, mm))
    await service.update_hold(user_id, interpreter="ar", name=f"Person {user_id}")
    return await service.confirm(user_id, chat_id=user_id, lang="ar")


@pytest.fixture
def fast_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every job due a moment after the runner starts, and ticks ten times a second."""
    monkeypatch.setattr(jobs, "TICK_SECONDS", 0.05)
    for name in (
        "REMINDER_INTERVAL_SECONDS",
        "NOTICE_INTERVAL_SECONDS",
        "MAINTENANCE_INTERVAL_SECONDS",
        "RETENTION_INTERVAL_SECONDS",
    ):
        monkeypatch.setattr(jobs, name, 0.1)


def reminders_sent(chat: LocalChat, text: str) -> list[int]:
    """Chat ids that got a reminder containing ``text`` through this Application."""
    return [int(c.params["chat_id"]) for c in messages(chat.api.calls) if text in c.text]


async def test_two_applications_on_one_redis_send_each_due_reminder_once(
    make_chat: AppFactory, fast_jobs: None
) -> None:
    clock = Clock(datetime(2026, 12, 1, 7, 0))
    first = await make_chat(language_code="ar", user_id=1)
    second = await make_chat(language_code="ar", user_id=2)
    for chat in (first, second):
        assert chat.app.bot_data.booking is not None and chat.app.bot_data.jobs is not None
        chat.app.bot_data.booking.clock = clock
    service = first.app.bot_data.booking
    times = ((9, 15), (10, 0), (10, 45))  # arrival counselling takes 45 minutes
    people = [await book(service, uid, *at) for uid, at in zip((11, 12, 13), times, strict=True)]
    assert len(people) == 3
    clock.set_local(datetime(2026, 12, 2, 18, 0))  # the evening before: three reminders due

    title = first.app.bot_data.catalogues.t("ar", "booking-reminder-day").lstrip("\u200f")
    for _ in range(100):
        await asyncio.sleep(0.05)
        sent = reminders_sent(first, title) + reminders_sent(second, title)
        if len(sent) >= 3:
            break
    await asyncio.sleep(0.5)  # several more ticks of both runners
    sent = reminders_sent(first, title) + reminders_sent(second, title)
    assert sorted(sent) == [11, 12, 13]  # each person once, from whichever process leads
    runners = [first.app.bot_data.jobs, second.app.bot_data.jobs]
    assert sum(1 for r in runners if r is not None and r.leading) == 1


async def test_the_lease_moves_to_another_process_when_the_leader_stops(redis: Redis) -> None:
    ran: list[str] = []

    def job(name: str) -> Job:
        async def run(app: object) -> None:
            ran.append(name)

        return Job("tick", 0.0, run)

    a = JobRunner(NO_APP, redis, [job("a")], lease=Lease(redis, seconds=5))
    b = JobRunner(NO_APP, redis, [job("b")], lease=Lease(redis, seconds=5))
    assert await a.run_once() == ["tick"]  # a leads from now on
    assert await b.run_once() == []
    assert a.leading and not b.leading
    await a.stop()  # gives the lease up at once
    assert await b.run_once() == ["tick"]
    assert b.leading
    assert ran == ["a", "b"]


async def test_a_dead_leader_is_replaced_when_its_lease_runs_out(redis: Redis) -> None:
    a = JobRunner(NO_APP, redis, [], lease=Lease(redis, seconds=0.3))
    b = JobRunner(NO_APP, redis, [], lease=Lease(redis, seconds=0.3))
    await a.run_once()
    await b.run_once()
    assert a.leading and not b.leading
    await asyncio.sleep(0.4)  # a died without a word: nobody renews its lease
    await b.run_once()
    assert b.leading


async def test_stopping_lets_the_running_job_finish(redis: Redis) -> None:
    started, finished = asyncio.Event(), asyncio.Event()

    async def slow(app: object) -> None:
        started.set()
        await asyncio.sleep(0.3)
        finished.set()

    runner = JobRunner(NO_APP, redis, [Job("slow", 0.0, slow)], tick=0.01)
    runner.start()
    await asyncio.wait_for(started.wait(), 5)
    await runner.stop()
    assert finished.is_set()
    assert await redis.get(jobs.LEASE_KEY) is None  # the lease was given back


async def test_a_failing_job_does_not_stop_the_others(
    redis: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[str] = []

    async def broken(app: object) -> None:
        raise RuntimeError("boom")

    async def fine(app: object) -> None:
        ran.append("fine")

    runner = JobRunner(
        NO_APP,
        redis,
        [Job("broken", 0.0, broken), Job("fine", 0.0, fine)],
    )
    assert await runner.run_once() == ["broken", "fine"]
    assert ran == ["fine"]
    assert "job broken failed" in caplog.text


async def test_queued_closed_day_notices_are_delivered_once(
    make_chat: AppFactory, redis: Redis
) -> None:
    clock = Clock(datetime(2026, 12, 1, 7, 0))
    first = await make_chat(language_code="fa", user_id=1)
    second = await make_chat(language_code="fa", user_id=2)
    for chat in (first, second):
        assert chat.app.bot_data.booking is not None
        chat.app.bot_data.booking.clock = clock
    service = first.app.bot_data.booking
    await book(service, 21, 9, 15)
    await book(service, 22, 10, 0)
    cancelled = await service.close_day(THURSDAY, "Streik")
    # Another process (the editors' page) queued the notices; two bots drain the queue at once.
    assert await enqueue_closed_day(redis, cancelled, THURSDAY) == 2
    told = await asyncio.gather(deliver_notices(first.app), deliver_notices(second.app))
    assert sum(told) == 2
    calls = messages(first.api.calls) + messages(second.api.calls)
    assert sorted(int(c.params["chat_id"]) for c in calls) == [21, 22]
    booking = cancelled[0]
    assert booking.display_code in all_text(calls)
    assert any(d.startswith("book:v1:rebook:") for c in calls for _, d in c.buttons)
    assert await redis.llen(CLOSED_DAY_KEY) == 0


async def test_a_notice_for_deleted_data_is_dropped(make_chat: AppFactory, redis: Redis) -> None:
    clock = Clock(datetime(2026, 12, 1, 7, 0))
    chat = await make_chat(language_code="fa", user_id=1)
    service = chat.app.bot_data.booking
    assert service is not None
    service.clock = clock
    await book(service, 31, 9, 15)
    cancelled = await service.close_day(THURSDAY, "Streik")
    await enqueue_closed_day(redis, cancelled, THURSDAY)
    await service.forget_user(31)  # /delete_my_data before the notice went out
    chat.api.clear()
    assert await deliver_notices(chat.app) == 0
    assert messages(chat.api.calls) == []


async def test_retention_trims_old_questions_and_dead_index_entries(
    make_chat: AppFactory, redis: Redis
) -> None:
    chat = await make_chat(language_code="en")
    analytics = chat.app.bot_data.analytics
    assert analytics is not None
    old_ms = int((datetime.now(UTC).timestamp() - 40 * 86_400) * 1000)
    await redis.xadd(UNANSWERED, {"text": "old", "language": "en", "intent": ""}, id=f"{old_ms}-0")
    await redis.xadd(UNANSWERED, {"text": "new", "language": "en", "intent": ""})  # stays
    await redis.sadd("lotse:bk:user:99", "zzzzzz")  # a code whose booking has expired
    removed = await jobs.apply_retention(chat.app)
    assert removed == 2
    texts = [u.text for u in await analytics.unanswered()]
    assert texts == ["new"]
    assert await redis.exists("lotse:bk:user:99") == 0
