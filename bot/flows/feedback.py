"""👍 / 👎 under every answer; after 👎 an optional line saying what was missing.

The buttons carry what they rate: ``fb:v1:<up|down>:<t|q>:<topic>:<variant or slug>:<key>``
(``t`` a topic answer, ``_`` for "no variant"; ``q`` a frequent question; ``key`` six hex digits
of the German source hash, so a person votes once per answer version). The wait for the line
is a persistent conversation (its own handler group), so a restart in between loses nothing; a
short-lived note in Redis says which answer the line is about, and a line typed after that note
expired is an ordinary question again.
"""

from __future__ import annotations

import enum
import re
import warnings
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot import callbacks
from bot.callbacks import FeedbackAction
from bot.context import LotseContext
from bot.flows import start
from bot.flows.common import (
    NEW_MESSAGE,
    PRIVATE,
    answer_query,
    button,
    label,
    language_of,
    nav_keyboard,
    say,
    stale_button,
    t,
)
from bot.services.content import NO_VARIANT, TOPIC_IDS

TOPIC_ANSWER = "t"
QUESTION = "q"
NONE = "_"  # "no variant" in callback data (a token cannot be empty)
_KEY = re.compile(r"^[0-9a-f]{6}$")


class State(enum.IntEnum):
    """Where the feedback conversation is."""

    WAIT_LINE = 1


@dataclass(frozen=True)
class Rated:
    """The answer a feedback button is about."""

    kind: str  # TOPIC_ANSWER or QUESTION
    topic: str
    item: str  # a topic's variant (NONE: none) or a question's slug
    key: str

    @property
    def answer(self) -> str:
        """How counts name it: ``registration``, ``registration:eu``, ``registration/late``."""
        if self.kind == QUESTION:
            return f"{self.topic}/{self.item}"
        return self.topic if self.item == NONE else f"{self.topic}:{self.item}"


def for_topic(context: LotseContext, topic_id: str, variant: str) -> Rated | None:
    """The rating target of a topic answer (None when the topic is unknown)."""
    source = context.bot_data.content.current.sources.get(topic_id)
    if source is None:
        return None
    return Rated(TOPIC_ANSWER, topic_id, variant or NONE, source.source_hash[:6])


def for_question(context: LotseContext, question_id: str) -> Rated | None:
    """The rating target of a frequent question (None when the question is unknown)."""
    source = context.bot_data.content.current.faqs.sources.get(question_id)
    if source is None:
        return None
    topic, _, slug = question_id.partition("/")
    return Rated(QUESTION, topic, slug, source.source_hash[:6])


def row(context: LotseContext, lang: str, rated: Rated | None) -> list[list[InlineKeyboardButton]]:
    """The 👍 / 👎 row under an answer ([] without Redis: votes could not be counted)."""
    if rated is None or context.bot_data.feedback is None:
        return []
    args = (rated.kind, rated.topic, rated.item, rated.key)
    return [
        [
            button(
                label(context, lang, "feedback-up"), callbacks.FEEDBACK, FeedbackAction.UP, *args
            ),
            button(
                label(context, lang, "feedback-down"),
                callbacks.FEEDBACK,
                FeedbackAction.DOWN,
                *args,
            ),
        ]
    ]


def _parse(context: LotseContext, data: str | None) -> tuple[FeedbackAction, Rated] | None:
    """A vote and what it rates, if the button is well-formed and the answer exists."""
    parsed = callbacks.parse(data, callbacks.FEEDBACK)
    action = parsed.action(FeedbackAction) if parsed is not None else None
    if action is None or len(action[1]) != 4:
        return None
    vote, (kind, topic, item, key) = action
    votes = {FeedbackAction.UP, FeedbackAction.DOWN}
    if vote not in votes or topic not in TOPIC_IDS or not _KEY.match(key):
        return None
    snapshot = context.bot_data.content.current
    if kind == QUESTION:
        exists = f"{topic}/{item}" in snapshot.faqs.sources
    elif kind == TOPIC_ANSWER:
        source = snapshot.sources.get(topic)
        exists = source is not None and (NO_VARIANT if item == NONE else item) in source.body
    else:
        exists = False
    return (vote, Rated(kind, topic, item, key)) if exists else None


async def _vote(update: Update, context: LotseContext) -> State | None:
    """Counts a vote; after 👎 asks what was missing. Returns the state to wait in, if any."""
    query = update.callback_query
    lang = language_of(update, context)
    service = context.bot_data.feedback
    parsed = _parse(context, query.data if query else None)
    user = update.effective_user
    if parsed is None or service is None or user is None:
        await stale_button(update, context)
        return None
    vote, rated = parsed
    counted = await service.vote(user.id, rated.answer, rated.key, lang, vote.value)
    if not counted:
        await answer_query(update, context.bot_data.catalogues.t(lang, "feedback-already"))
        return None
    await answer_query(update, context.bot_data.catalogues.t(lang, "feedback-thanks"))
    if vote is FeedbackAction.UP:
        return None
    await service.expect_comment(user.id, rated.answer, lang)
    days = context.bot_data.settings.analytics_retention_days
    keyboard = InlineKeyboardMarkup(
        [[button(label(context, lang, "feedback-skip"), callbacks.FEEDBACK, FeedbackAction.SKIP)]]
    )
    await say(update, context, lang, t(context, lang, "feedback-ask-missing", days=days), keyboard)
    return State.WAIT_LINE


async def vote_down(update: Update, context: LotseContext) -> int:
    """Counts a 👎 and asks, optionally, what was missing."""
    state = await _vote(update, context)
    raise ApplicationHandlerStop(ConversationHandler.END if state is None else state)


async def line_typed(update: Update, context: LotseContext) -> int:
    """Keeps the line saying what was missing (nothing else about the person), and thanks."""
    service = context.bot_data.feedback
    user = update.effective_user
    message = update.effective_message
    pending = await service.take_pending(user.id) if service and user else None
    if pending is None or service is None or message is None:
        # The wait is over: this is an ordinary message for the other handlers.
        return ConversationHandler.END
    await start.prepare_language(update, context)  # group -4 has not run yet for this update
    await service.comment(pending.answer, pending.language, message.text or "")
    lang = language_of(update, context)
    await say(
        update, context, lang, t(context, lang, "feedback-saved"), nav_keyboard(context, lang)
    )
    raise ApplicationHandlerStop(ConversationHandler.END)


async def _skip(update: Update, context: LotseContext) -> None:
    service = context.bot_data.feedback
    user = update.effective_user
    if service is not None and user is not None:
        await service.cancel_pending(user.id)
    lang = language_of(update, context)
    await answer_query(update, context.bot_data.catalogues.t(lang, "feedback-skipped"))


async def skipped(update: Update, context: LotseContext) -> int:
    """The reader does not want to say what was missing: fine."""
    await _skip(update, context)
    raise ApplicationHandlerStop(ConversationHandler.END)


async def tapped(update: Update, context: LotseContext) -> None:
    """A feedback button outside the conversation: 👍, or a skip after the wait ended."""
    query = update.callback_query
    parsed = callbacks.parse(query.data if query else None, callbacks.FEEDBACK)
    if parsed is not None and parsed.args == (FeedbackAction.SKIP.value,):
        await _skip(update, context)
        return
    await _vote(update, context)


async def leave(update: Update, context: LotseContext) -> int:
    """Stops waiting when the reader does something else; the other handlers answer that."""
    service = context.bot_data.feedback
    user = update.effective_user
    if service is not None and user is not None:
        await service.cancel_pending(user.id)
    return ConversationHandler.END


def build_handler(*, persistent: bool) -> ConversationHandler[LotseContext]:
    """The wait for the line after 👎 (its own handler group)."""
    with warnings.catch_warnings():
        # The wait belongs to the chat, not to one message (see counselling.build_handler).
        warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")
        return ConversationHandler(
            entry_points=[
                CallbackQueryHandler(
                    vote_down, pattern=callbacks.pattern(callbacks.FEEDBACK, FeedbackAction.DOWN)
                )
            ],
            states={
                State.WAIT_LINE: [
                    MessageHandler(
                        filters.TEXT & ~filters.COMMAND & PRIVATE & NEW_MESSAGE, line_typed
                    ),
                    CallbackQueryHandler(
                        skipped,
                        pattern=callbacks.pattern(
                            callbacks.FEEDBACK, FeedbackAction.SKIP, whole=True
                        ),
                    ),
                ]
            },
            fallbacks=[CallbackQueryHandler(leave), MessageHandler(filters.ALL, leave)],
            name="feedback",
            persistent=persistent,
            allow_reentry=True,
        )


def build_handlers() -> list[BaseHandler[Update, LotseContext, Any]]:
    """Stateless: 👍 (and a late skip)."""
    return [CallbackQueryHandler(tapped, pattern=callbacks.pattern(callbacks.FEEDBACK))]
