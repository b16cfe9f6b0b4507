"""Before every other handler: the update's time budget, and flood control per person.

Every update gets a time budget (``REPLY_BUDGET_SECONDS``, ``bot/budget.py``). A person whose
updates come faster than ``FLOOD_BURST`` at once and ``FLOOD_PER_MINUTE`` after that is slowed
down: their extra updates are dropped here — no flow, no NLU, no translator — and they are told
once, politely. The counsellors' group is not limited (a counsellor's message must never be
lost); there, refusals to non-members are limited instead (``flows/staff.py``).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from bot.budget import Budget
from bot.context import LotseContext
from bot.flows.common import language_of, say, t
from bot.services.flood import Verdict

log = logging.getLogger(__name__)


async def guard(update: Update, context: LotseContext) -> None:
    """Starts the update's time budget; drops a flooder's update (telling them once)."""
    settings = context.bot_data.settings
    chat = update.effective_chat
    private = chat is not None and chat.type == ChatType.PRIVATE
    typing_chat = chat.id if chat is not None and private else None
    context.budget = Budget.starting_now(settings.reply_budget_seconds, typing_chat, context.bot)
    flood = context.bot_data.flood
    user = update.effective_user
    if flood is None or user is None or user.is_bot:
        return
    if chat is not None and chat.id == settings.counsellor_chat_id:
        return
    verdict = await flood.admit(user.id)
    if verdict is Verdict.ALLOW:
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        if verdict is Verdict.NOTIFY and private:
            log.info("flood control: a person is sending too fast; told once, then dropped")
            lang = language_of(update, context)
            await say(update, context, lang, t(context, lang, "flood-slow-down"))
    except TelegramError as exc:
        log.info("flood control: could not answer (%s)", type(exc).__name__)
    raise ApplicationHandlerStop


def build_handler() -> BaseHandler[Update, LotseContext, None]:
    """Runs first for every update."""
    return TypeHandler(Update, guard)
