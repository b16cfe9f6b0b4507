"""Booking an appointment at MigraDO. Not built yet: says so honestly and gives the address."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import callbacks
from bot.context import LotseContext
from bot.flows.common import answer_query, language_of, nav_keyboard, say, t


async def booking_not_yet(update: Update, context: LotseContext) -> None:
    """Explains that booking in the chat is coming and where MigraDO is meanwhile."""
    await answer_query(update)
    lang = language_of(update, context)
    migrado = context.bot_data.content.current.offices.migrado
    text = t(context, lang, "booking-coming-soon", name=migrado.name, address=migrado.address)
    await say(update, context, lang, text, nav_keyboard(context, lang))


def build_handlers() -> list[BaseHandler[Update, LotseContext, None]]:
    """The booking button of the menu."""
    return [CallbackQueryHandler(booking_not_yet, pattern=callbacks.pattern(callbacks.BOOK))]
