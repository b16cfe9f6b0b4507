"""The one error handler: log with the traceback first, then tell the user something useful."""

from __future__ import annotations

import logging

from redis.exceptions import RedisError
from telegram import Update
from telegram.error import TelegramError

from bot.context import LotseContext
from bot.flows.common import language_of, say, t

log = logging.getLogger("bot.errors")


async def on_error(update: object, context: LotseContext) -> None:
    """Logs the error (never the message text) and answers in the user's language."""
    kind = "storage" if isinstance(context.error, RedisError) else "generic"
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s (%s)", update_id, kind, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != "private":
        return
    lang = language_of(update, context)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        await say(update, context, lang, t(context, lang, f"error-{kind}"))
    except TelegramError:
        log.warning("could not tell the user about the error", exc_info=True)
