"""The front desk in the counsellors' group: /today, /day, /close_day, /reopen_day.

Only members of the counsellors' group (COUNSELLOR_CHAT_ID) may use these; anyone else gets a
polite refusal in their language. Closing a day cancels its bookings and tells every affected
person in their own language, with the next free times to rebook in one tap.
"""

from __future__ import annotations

import html
import logging
from datetime import date
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot import jobs
from bot.context import LotseContext
from bot.flows.staff import allowed, staff_reply
from bot.i18n import format_day
from bot.services.export import desk_rows

log = logging.getLogger(__name__)


def _parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


async def list_day(update: Update, context: LotseContext, day: date) -> None:
    """The day's bookings with interpreter languages, in time order."""
    catalogues = context.bot_data.catalogues
    service = context.bot_data.booking
    schedule = context.bot_data.content.current.booking
    if service is None or schedule is None:
        await staff_reply(update, catalogues.staff_t("staff-booking-unavailable"))
        return
    day_text = format_day(day, "de")
    rows = desk_rows(await service.day_bookings(day), schedule, catalogues)
    lines = [
        catalogues.staff_t("staff-day-title", day=day_text, count=len(rows))
        if rows
        else catalogues.staff_t("staff-day-empty", day=day_text)
    ]
    closed = await service.closed_days()
    reason = closed.get(day) or schedule.holiday(day)
    if reason or (day in schedule.closed_days):
        reason = reason or catalogues.staff_t("staff-closed-in-content")
        lines.append(catalogues.staff_t("staff-day-closed", reason=reason))
    for row in rows:
        lines.append(
            html.escape(
                catalogues.staff_t(
                    "staff-day-line",
                    time=row.time,
                    service=row.service,
                    name=row.name,
                    phone=f" · {row.phone}" if row.phone else "",
                    interpreter=row.interpreter,
                    code=row.code,
                    counter=row.counter,
                ),
                quote=False,
            )
        )
    await staff_reply(update, "\n".join(lines))


async def today(update: Update, context: LotseContext) -> None:
    """Lists today's appointments (/today)."""
    if not await allowed(update, context):
        return
    schedule = context.bot_data.content.current.booking
    service = context.bot_data.booking
    if schedule is None or service is None:
        await staff_reply(update, context.bot_data.catalogues.staff_t("staff-booking-unavailable"))
        return
    await list_day(update, context, schedule.local_day(service.clock()))


async def day(update: Update, context: LotseContext) -> None:
    """Lists the appointments of a given day (/day YYYY-MM-DD)."""
    if not await allowed(update, context):
        return
    wanted = _parse_day(context.args[0] if context.args else None)
    if wanted is None:
        await staff_reply(update, context.bot_data.catalogues.staff_t("staff-day-usage"))
        return
    await list_day(update, context, wanted)


async def close_day(update: Update, context: LotseContext) -> None:
    """Closes a day (illness, strike): cancels its bookings and tells everyone affected."""
    if not await allowed(update, context):
        return
    catalogues = context.bot_data.catalogues
    service = context.bot_data.booking
    schedule = context.bot_data.content.current.booking
    if service is None or schedule is None:
        await staff_reply(update, catalogues.staff_t("staff-booking-unavailable"))
        return
    args = context.args or []
    wanted = _parse_day(args[0] if args else None)
    reason = " ".join(args[1:]).strip()
    if wanted is None or not reason:
        await staff_reply(update, catalogues.staff_t("staff-close-usage"))
        return
    if wanted < schedule.local_day(service.clock()):
        await staff_reply(update, catalogues.staff_t("staff-past-day"))
        return
    cancelled = await service.close_day(wanted, reason)
    told = await jobs.notify_closed(context.application, cancelled, wanted)
    log.info("day closed: %d booking(s) cancelled, %d person(s) told", len(cancelled), told)
    text = catalogues.staff_t(
        "staff-closed",
        day=format_day(wanted, "de"),
        reason=reason,
        count=len(cancelled),
        told=told,
    )
    await staff_reply(update, html.escape(text, quote=False))


async def reopen_day(update: Update, context: LotseContext) -> None:
    """Makes a closed day bookable again (/reopen_day YYYY-MM-DD)."""
    if not await allowed(update, context):
        return
    catalogues = context.bot_data.catalogues
    service = context.bot_data.booking
    if service is None:
        await staff_reply(update, catalogues.staff_t("staff-booking-unavailable"))
        return
    wanted = _parse_day(context.args[0] if context.args else None)
    if wanted is None:
        await staff_reply(update, catalogues.staff_t("staff-reopen-usage"))
        return
    key = "staff-reopened" if await service.reopen_day(wanted) else "staff-not-reopened"
    await staff_reply(update, catalogues.staff_t(key, day=format_day(wanted, "de")))


def build_handlers() -> list[BaseHandler[Update, LotseContext, Any]]:
    """The front-desk commands; in any chat (the check is who asks, not where)."""
    return [
        CommandHandler("today", today),
        CommandHandler("day", day),
        CommandHandler("close_day", close_day),
        CommandHandler("reopen_day", reopen_day),
    ]
