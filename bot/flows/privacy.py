"""Privacy: what Lotse stores, and deleting it on request."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
)

from bot import callbacks
from bot.callbacks import PrivacyAction
from bot.context import LotseContext
from bot.flows import handoff
from bot.flows.common import PRIVATE, answer_query, button, label, language_of, say, stale_button, t


def _confirm_keyboard(context: LotseContext, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(
                    label(context, lang, "privacy-delete-yes"),
                    callbacks.PRIVACY,
                    PrivacyAction.CONFIRM,
                )
            ],
            [
                button(
                    label(context, lang, "privacy-delete-no"),
                    callbacks.PRIVACY,
                    PrivacyAction.CANCEL,
                )
            ],
        ]
    )


async def explain(update: Update, context: LotseContext) -> None:
    """Says what is stored, for how long, and offers deletion."""
    lang = language_of(update, context)
    settings = context.bot_data.settings
    schedule = context.bot_data.content.current.booking
    markup = InlineKeyboardMarkup(
        [[button(label(context, lang, "privacy-delete-yes"), callbacks.PRIVACY, PrivacyAction.ASK)]]
    )
    text = t(
        context,
        lang,
        "privacy-info",
        days=settings.user_data_retention_days,
        booking_days=schedule.keep_after.days if schedule else 30,
        case_days=settings.handoff_retention_days,
    )
    if context.bot_data.feedback is not None:
        days = settings.analytics_retention_days
        text += "\n\n" + t(context, lang, "privacy-feedback", days=days)
    await say(update, context, lang, text, markup)


async def ask_delete(update: Update, context: LotseContext) -> None:
    """Asks for confirmation before deleting (the /delete_my_data command)."""
    await answer_query(update)
    lang = language_of(update, context)
    await say(
        update,
        context,
        lang,
        t(context, lang, "privacy-delete-ask"),
        _confirm_keyboard(context, lang),
    )


async def decided(update: Update, context: LotseContext) -> None:
    """Deletes the user's profile and conversation states, or leaves them, as chosen."""
    data = callbacks.parse(
        update.callback_query.data if update.callback_query else None, callbacks.PRIVACY
    )
    parsed = data.action(PrivacyAction) if data else None
    choice = parsed[0] if parsed and not parsed[1] else None
    if choice is PrivacyAction.ASK:
        await ask_delete(update, context)
        return
    if choice is None:
        await stale_button(update, context)
        return
    await answer_query(update)
    lang = language_of(update, context)
    if choice is PrivacyAction.CANCEL:
        await say(update, context, lang, t(context, lang, "privacy-delete-cancelled"))
        return
    user = update.effective_user
    assert user is not None
    await handoff.forget_user(context, user.id)
    if context.bot_data.booking is not None:
        # Bookings first: cancelled (the places become free), then deleted with name and phone.
        await context.bot_data.booking.forget_user(user.id)
    persistence = context.application.persistence
    if persistence is not None:
        await persistence.drop_user_data(user.id)  # now, not at the next flush
    context.application.drop_user_data(user.id)
    if context.bot_data.feedback is not None:
        await context.bot_data.feedback.forget_user(user.id)  # vote markers, a pending wait
    forget_conversations(context.application, user.id)
    await say(update, context, lang, t(context, lang, "privacy-deleted"))


def forget_conversations(
    application: Application[Any, Any, Any, Any, Any, Any], user_id: int
) -> int:
    """Forgets every open question of this user in every conversation, in every handler group.

    PTB has no public API for this; the deletions are tracked, so the persistence drops the
    stored states as well. Returns how many states were forgotten.
    """
    forgotten = 0
    for handlers in application.handlers.values():
        for handler in handlers:
            if not isinstance(handler, ConversationHandler):
                continue
            conversations = getattr(handler, "_conversations", None)
            if not isinstance(conversations, MutableMapping):
                continue
            for key in [k for k in conversations if isinstance(k, tuple) and user_id in k]:
                del conversations[key]
                forgotten += 1
    return forgotten


def build_handlers() -> list[BaseHandler[Update, LotseContext, None]]:
    """/privacy, /delete_my_data and the confirmation buttons."""
    return [
        CommandHandler("privacy", explain, filters=PRIVATE),
        CommandHandler("delete_my_data", ask_delete, filters=PRIVATE),
        CallbackQueryHandler(decided, pattern=callbacks.pattern(callbacks.PRIVACY)),
    ]
