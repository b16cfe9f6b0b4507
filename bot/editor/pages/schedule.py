"""MigraDO's schedule: opening hours, closed days and capacity (``content/booking.yml``), and
closing a day at short notice (as ``/close_day`` does: bookings cancelled, people told)."""

from __future__ import annotations

from datetime import date, timedelta

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.editor.security import Who, action, flash, page, services
from bot.services.accounts import Permission
from bot.services.notices import enqueue_closed_day
from bot.services.schedule import WEEKDAYS
from bot.services.schedule_edit import (
    Capacity,
    ScheduleFormError,
    apply_form,
    parse_capacity,
    parse_days,
    parse_hours,
    read_form,
)

PLACE = "content/booking.yml"
WEEKDAY_NAMES = dict(
    zip(
        WEEKDAYS,
        ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
        strict=True,
    )
)


async def _days(request: Request) -> list[tuple[date, bool, int, str]]:
    """The bookable horizon: (day, open by the schedule, active bookings, closed reason)."""
    svc = services(request)
    schedule = svc.workspace.published.booking if svc.workspace.published else None
    if schedule is None:
        return []
    today = schedule.local_day(svc.booking.clock())
    closed = await svc.booking.closed_days()
    rows = []
    for offset in range(schedule.horizon_days + 1):
        day = today + timedelta(days=offset)
        bookings = await svc.booking.day_bookings(day)
        rows.append((day, schedule.is_open(day), len(bookings), closed.get(day, "")))
    return rows


async def _page(
    request: Request,
    current: Who,
    status: int = 200,
    *,
    values: dict[str, str] | None = None,
    error: str | None = None,
) -> Response:
    svc = services(request)
    view = await svc.workspace.view()
    text = await svc.workspace.text(PLACE) or ""
    form = read_form(text)
    return svc.render(
        request,
        current,
        "schedule.html",
        status,
        nav="schedule",
        form=form,
        values=values or {},
        weekdays=WEEKDAY_NAMES,
        problems=view.problems_of(PLACE),
        draft=view.drafts.get(PLACE),
        days=await _days(request),
        error=error,
    )


@page(Permission.SCHEDULE)
async def schedule_page(request: Request, current: Who) -> Response:
    """Hours, closed days, capacity; the coming days with their bookings."""
    return await _page(request, current)


def _error(request: Request, exc: ScheduleFormError) -> str:
    return services(request).words.t(f"schedule-{exc.code}", **exc.details)


@action(Permission.SCHEDULE)
async def save(request: Request, current: Who, form: FormData) -> Response:
    """Checks the form, keeps the new ``booking.yml`` as a draft."""
    svc = services(request)
    text = await svc.workspace.text(PLACE)
    if text is None:
        flash(request, "error", svc.words.t("schedule-missing"))
        return RedirectResponse("/schedule", 303)
    old = read_form(text)
    values = {k: str(v) for k, v in form.items()}
    try:
        hours = {
            day: parse_hours(WEEKDAY_NAMES[day], values.get(f"hours-{day}", "")) for day in WEEKDAYS
        }
        closed = parse_days(values.get("closed_days", ""))
        capacity: dict[str, Capacity] = {
            sid: parse_capacity(
                old.names[sid], values.get(f"counters-{sid}", ""), values.get(f"per_slot-{sid}", "")
            )
            for sid in old.capacity
        }
    except ScheduleFormError as exc:
        return await _page(request, current, 400, values=values, error=_error(request, exc))
    published = read_form(svc.workspace.published_text(PLACE) or "")
    for day in sorted(set(closed) - set(published.closed_days)):
        booked = len(await svc.booking.day_bookings(day))
        if booked:
            error = svc.words.t("schedule-day-has-bookings", day=day.isoformat(), count=booked)
            return await _page(request, current, 400, values=values, error=error)
    new_text = apply_form(text, hours, closed, capacity)
    await svc.workspace.save(PLACE, new_text, current.name)
    view = await svc.workspace.view()
    problems = [p for p in view.problems_of(PLACE) if p.blocking]
    await svc.audit.record(current.name, "save", PLACE)
    if problems:
        flash(request, "error", svc.words.t("schedule-saved-with-problems", count=len(problems)))
    else:
        flash(request, "ok", svc.words.t("schedule-saved"))
    return RedirectResponse("/schedule", 303)


@action(Permission.SCHEDULE)
async def close_day(request: Request, current: Who, form: FormData) -> Response:
    """Closes a day now: cancels its bookings and queues a notice to each person."""
    svc = services(request)
    reason = str(form.get("reason") or "").strip()[:200]
    try:
        day = date.fromisoformat(str(form.get("day") or ""))
    except ValueError:
        flash(request, "error", svc.words.t("schedule-close-bad-day"))
        return RedirectResponse("/schedule", 303)
    if not reason:
        flash(request, "error", svc.words.t("schedule-close-no-reason"))
        return RedirectResponse("/schedule", 303)
    schedule = svc.workspace.published.booking if svc.workspace.published else None
    if schedule is None:
        flash(request, "error", svc.words.t("schedule-missing"))
        return RedirectResponse("/schedule", 303)
    if day < schedule.local_day(svc.booking.clock()):
        flash(request, "error", svc.words.t("schedule-close-past"))
        return RedirectResponse("/schedule", 303)
    cancelled = await svc.booking.close_day(day, reason)
    queued = await enqueue_closed_day(svc.redis, cancelled, day)
    await svc.audit.record(
        current.name, "close-day", day.isoformat(), f"{len(cancelled)} booking(s) cancelled"
    )
    flash(
        request,
        "ok",
        svc.words.t("schedule-closed", day=day.isoformat(), count=len(cancelled), queued=queued),
    )
    return RedirectResponse("/schedule", 303)


@action(Permission.SCHEDULE)
async def reopen_day(request: Request, current: Who, form: FormData) -> Response:
    """Makes a day closed at short notice bookable again (cancelled bookings stay cancelled)."""
    svc = services(request)
    try:
        day = date.fromisoformat(str(form.get("day") or ""))
    except ValueError:
        flash(request, "error", svc.words.t("schedule-close-bad-day"))
        return RedirectResponse("/schedule", 303)
    if await svc.booking.reopen_day(day):
        await svc.audit.record(current.name, "reopen-day", day.isoformat())
        flash(request, "ok", svc.words.t("schedule-reopened", day=day.isoformat()))
    return RedirectResponse("/schedule", 303)


def routes() -> list[BaseRoute]:
    """The schedule."""
    return [
        Route("/schedule", schedule_page, methods=["GET"]),
        Route("/schedule", save, methods=["POST"]),
        Route("/schedule/close", close_day, methods=["POST"]),
        Route("/schedule/reopen", reopen_day, methods=["POST"]),
    ]
