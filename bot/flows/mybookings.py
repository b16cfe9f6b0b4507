"""The newcomer's own appointments (/mybookings): see them, cancel one, move one, rebook one.

Every button names a booking code; the code is looked up and must be the person's own active
booking, else the button is answered as no longer valid and the person sees their own list.
Moving holds the new time first and books it in one step that cancels the old booking.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.callbacks import BookAction
from bot.context import LotseContext
from bot.flows import booking
from bot.flows import booking_views as views
from bot.flows.booking import not_yours, parse_day, show_bookings, unavailable, user_id_of
from bot.flows.common import PRIVATE, language_of, show, stale_button
from bot.services.booking import Booking
from bot.services.booking_errors import NotYours

log = logging.getLogger(__name__)


async def own_active(update: Update, context: LotseContext, code: str) -> Booking | None:
    """The person's own active booking with this code, else None (after saying so)."""
    service = context.bot_data.booking
    found = await service.get(code) if service is not None else None
    if found is None or found.user_id != user_id_of(update) or not found.active:
        await not_yours(update, context, language_of(update, context))
        return None
    return found


async def ask_cancel(update: Update, context: LotseContext, code: str) -> None:
    """Asks whether to really cancel the booking."""
    lang = language_of(update, context)
    found = await own_active(update, context, code)
    schedule = context.bot_data.content.current.booking
    if found is None or schedule is None:
        return
    await show(
        update, context, lang, views.cancel_question(context.bot_data, lang, schedule, found)
    )


async def do_cancel(update: Update, context: LotseContext, code: str) -> None:
    """Cancels the person's own booking (never anyone else's)."""
    lang = language_of(update, context)
    service = context.bot_data.booking
    if service is None:
        await unavailable(update, context, lang)
        return
    try:
        cancelled = await service.cancel(code, user_id=user_id_of(update))
    except NotYours:
        await not_yours(update, context, lang)
        return
    log.info("booking cancelled by its owner")
    await show(update, context, lang, views.cancelled(context.bot_data, lang, cancelled))


async def keep(update: Update, context: LotseContext, code: str) -> None:
    """ "No, keep it": only for the person's own active booking."""
    if await own_active(update, context, code) is not None:
        lang = language_of(update, context)
        await show(update, context, lang, views.kept(context.bot_data, lang))


async def rebook(update: Update, context: LotseContext, code: str, slot_id: str) -> None:
    """The office closed the day: holds the offered time with the old booking's details."""
    lang = language_of(update, context)
    service = context.bot_data.booking
    old = await service.get(code) if service is not None else None
    if old is None or old.user_id != user_id_of(update):
        await not_yours(update, context, lang)
        return
    await booking.hold_time(update, context, lang, old.service_id, slot_id, copy_from=old.code)


async def on_button(update: Update, context: LotseContext) -> None:
    """Routes ``book:v1:list|cancel|cancelok|keep|move|mday|mtime|rebook`` buttons."""
    parsed = await booking.tapped(update, context)
    if parsed is None:
        return
    action, rest = parsed
    lang = language_of(update, context)
    if action is BookAction.LIST and not rest:
        await show_bookings(update, context)
        return
    if context.bot_data.booking is None or context.bot_data.content.current.booking is None:
        await unavailable(update, context, lang)
        return
    if action is BookAction.CANCEL and len(rest) == 1:
        await ask_cancel(update, context, rest[0])
    elif action is BookAction.CANCEL_OK and len(rest) == 1:
        await do_cancel(update, context, rest[0])
    elif action is BookAction.KEEP and len(rest) == 1:
        await keep(update, context, rest[0])
    elif action is BookAction.MOVE and len(rest) == 1:
        if (found := await own_active(update, context, rest[0])) is not None:
            await booking.show_days(update, context, lang, found.service_id, moving=found.code)
    elif action is BookAction.MOVE_DAY and len(rest) == 2 and (day := parse_day(rest[1])):
        if (found := await own_active(update, context, rest[0])) is not None:
            await booking.show_times(
                update, context, lang, found.service_id, day, moving=found.code
            )
    elif action is BookAction.MOVE_TIME and len(rest) == 2:
        if (found := await own_active(update, context, rest[0])) is not None:
            await booking.hold_time(
                update, context, lang, found.service_id, rest[1], replaces=found.code
            )
    elif action is BookAction.REBOOK and len(rest) == 2:
        await rebook(update, context, rest[0], rest[1])
    else:
        await stale_button(update, context, answered=True)


def build_handlers() -> list[BaseHandler[Update, LotseContext, Any]]:
    """/mybookings and the buttons about one's own bookings; any other ``book:`` button last."""
    return [
        CommandHandler("mybookings", show_bookings, filters=PRIVATE),
        CallbackQueryHandler(
            on_button, pattern=callbacks.pattern(callbacks.BOOK, *callbacks.MYBOOKINGS_ACTIONS)
        ),
        # Old versions, forged or unknown actions of the booking namespace.
        CallbackQueryHandler(stale_button, pattern=callbacks.pattern(callbacks.BOOK)),
    ]
