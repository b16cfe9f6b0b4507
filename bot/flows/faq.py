"""Frequent questions: a topic's questions as buttons after its answer, and one question's answer.

Buttons carry the question id as two tokens, ``faq:v1:<topic>:<slug>``. An answer comes in the
reader's language: the curated translation, beyond the twelve a machine translation of the
German, else the best fallback with an honest note; then its offers (a MigraDO appointment, the
welcome office, a person), 👍 / 👎, and the way back to the topic.

For the NLU routing: ``send_faq_answer(update, context, lang, question_id)`` answers one
question; ``faq_buttons(context, lang, topic)`` gives a topic's questions as keyboard rows.
Every topic answer is already followed by ``offer_questions``.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import callbacks
from bot.callbacks import BookAction, HandoffAction, MenuAction
from bot.context import LotseContext
from bot.flows import feedback, handoff
from bot.flows.common import (
    answer_query,
    button,
    fallback_note,
    label,
    language_of,
    render_answer,
    say,
    second_language,
    stale_button,
    t,
)
from bot.i18n import bidi
from bot.languages import BY_CODE
from bot.services.content import Answer
from bot.services.faq import FaqText


async def faq_text(
    context: LotseContext, question_id: str, lang: str, *, with_answer: bool = True
) -> tuple[FaqText | None, str | None]:
    """A question in ``lang`` (machine-translated beyond the twelve) and the fallback used."""
    localizer = context.bot_data.localizer
    faqs = context.bot_data.content.current.faqs
    if lang in BY_CODE or localizer is None:
        return faqs.text(question_id, lang if lang in BY_CODE else second_language(context)), None
    return await localizer.faq(question_id, lang, second_language(context), with_answer=with_answer)


async def faq_buttons(
    context: LotseContext, lang: str, topic: str
) -> list[list[InlineKeyboardButton]]:
    """One button per frequent question of ``topic``, in the reader's language ([] if none)."""
    result = []
    for question_id in context.bot_data.content.current.faqs.ids(topic):
        text, _ = await faq_text(context, question_id, lang, with_answer=False)
        if text is None:
            continue
        _, _, slug = question_id.partition("/")
        result.append([button(bidi(text.lang, text.question), callbacks.FAQ, topic, slug)])
    return result


async def offer_questions(update: Update, context: LotseContext, lang: str, topic: str) -> None:
    """Sends the topic's frequent questions as buttons (nothing when it has none)."""
    keyboard = await faq_buttons(context, lang, topic)
    if not keyboard:
        return
    intro = t(context, lang, "faq-intro", topic=label(context, lang, f"topic-{topic}"))
    await say(update, context, lang, intro, InlineKeyboardMarkup(keyboard))


def _offer_rows(
    context: LotseContext, lang: str, question_id: str
) -> list[list[InlineKeyboardButton]]:
    """What the answer offers next, as its front matter says: appointment, office, person."""
    snapshot = context.bot_data.content.current
    source = snapshot.faqs.sources[question_id]
    rows: list[list[InlineKeyboardButton]] = []
    schedule = snapshot.booking
    if "booking" in source.offers and source.service and context.bot_data.booking is not None:
        service = schedule.text(source.service, lang) if schedule is not None else None
        if service is not None:
            text = label(context, lang, "booking-offer", service=service.short)
            rows.append([button(text, callbacks.BOOK, BookAction.SERVICE, source.service)])
    if "office" in source.offers:
        rows.append([button(label(context, lang, "faq-office"), callbacks.TOPIC, "counselling")])
    if "handoff" in source.offers:
        human = label(context, lang, "nav-human")
        rows.append([button(human, callbacks.HANDOFF, HandoffAction.START)])
    return rows


async def send_faq_answer(
    update: Update, context: LotseContext, lang: str, question_id: str
) -> bool:
    """Answers one frequent question in ``lang``; False (nothing sent) for an unknown id."""
    faqs = context.bot_data.content.current.faqs
    if question_id not in faqs.sources:
        return False
    text, fell_back_to = await faq_text(context, question_id, lang)
    if text is None:
        return False
    topic = faqs.sources[question_id].topic
    if update.effective_user is not None:
        await handoff.remember(context, update.effective_user.id, "", question_id)
    answer = Answer(topic, "", text.lang, text.question, text.body, text.machine_translated)
    body = fallback_note(context, lang, fell_back_to) + render_answer(context, answer, lang)
    back = label(context, lang, "faq-back", topic=label(context, lang, f"topic-{topic}"))
    keyboard = [
        *feedback.row(context, lang, feedback.for_question(context, question_id)),
        *_offer_rows(context, lang, question_id),
        [
            button(back, callbacks.TOPIC, topic),
            button(label(context, lang, "nav-menu"), callbacks.MENU, MenuAction.SHOW),
        ],
    ]
    await say(update, context, lang, body, InlineKeyboardMarkup(keyboard), mark_direction=False)
    return True


async def question_chosen(update: Update, context: LotseContext) -> None:
    """Answers the tapped question; an old or forged button gets the polite stale answer."""
    query = update.callback_query
    data = callbacks.parse(query.data if query else None, callbacks.FAQ)
    if data is None or len(data.args) != 2:
        await stale_button(update, context)
        return
    question_id = "/".join(data.args)
    if question_id not in context.bot_data.content.current.faqs.sources:
        await stale_button(update, context)
        return
    await answer_query(update)
    await send_faq_answer(update, context, language_of(update, context), question_id)


def build_handlers() -> list[BaseHandler[Update, LotseContext, Any]]:
    """The question buttons (stateless, group 1)."""
    return [CallbackQueryHandler(question_chosen, pattern=callbacks.pattern(callbacks.FAQ))]
