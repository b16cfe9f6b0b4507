"""Talking to a person. Not built yet: says so honestly and names MigraDO's counsellors."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import callbacks
from bot.context import LotseContext
from bot.flows.common import answer_query, button, label, language_of, say, t


async def handoff_not_yet(update: Update, context: LotseContext) -> None:
    """Explains that chatting with a counsellor is coming and where to find one meanwhile."""
    await answer_query(update)
    lang = language_of(update, context)
    migrado = context.bot_data.content.current.offices.migrado
    text = t(context, lang, "handoff-coming-soon", name=migrado.name, address=migrado.address)
    menu = InlineKeyboardMarkup(
        [[button(label(context, lang, "nav-menu"), callbacks.MENU, "show")]]
    )
    await say(update, context, lang, text, menu)


def build_handlers() -> list[BaseHandler[Update, LotseContext, None]]:
    """The 'talk to a person' buttons."""
    return [CallbackQueryHandler(handoff_not_yet, pattern=callbacks.pattern(callbacks.HANDOFF))]
