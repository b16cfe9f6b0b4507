"""Menu and answers: a topic button asks the one question the answer depends on, then answers."""

from __future__ import annotations

import html

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.callbacks import MenuAction
from bot.context import LotseContext
from bot.flows import booking, faq, feedback, handoff
from bot.flows.common import (
    PRIVATE,
    answer_query,
    button,
    fallback_note,
    label,
    language_of,
    nav_keyboard,
    render_answer,
    say,
    send_menu,
    stale_button,
    t,
    topic_answer,
    topic_text,
)
from bot.i18n import bidi
from bot.services.content import NO_VARIANT, TOPIC_IDS


async def show_menu(update: Update, context: LotseContext) -> None:
    """Shows the topic menu (the /menu command and the menu button)."""
    await answer_query(update)
    await send_menu(update, context, language_of(update, context))


async def migrado_unavailable(update: Update, context: LotseContext, lang: str) -> None:
    """Says an answer cannot be shown and where to go instead (should never happen)."""
    migrado = context.bot_data.content.current.offices.migrado
    text = t(context, lang, "answer-unavailable", name=migrado.name, address=migrado.address)
    await say(update, context, lang, text, nav_keyboard(context, lang))


async def topic_chosen(update: Update, context: LotseContext) -> None:
    """Asks the topic's question with option buttons, or answers if there is none or it was."""
    query = update.callback_query
    data = callbacks.parse(query.data if query else None, callbacks.TOPIC)
    if data is None or not data.args or data.args[0] not in TOPIC_IDS or len(data.args) > 2:
        await stale_button(update, context)
        return
    await answer_query(update)
    option = data.args[1] if len(data.args) == 2 else None
    await show_topic(update, context, language_of(update, context), data.args[0], option)


async def show_topic(
    update: Update, context: LotseContext, lang: str, topic_id: str, option: str | None = None
) -> None:
    """Answers the topic for ``option``; asks its question first when the option is unknown."""
    text, fell_back_to = await topic_text(context, topic_id, lang)
    if text is None:
        await migrado_unavailable(update, context, lang)
        return
    if not text.options:
        await send_answer(update, context, lang, topic_id, NO_VARIANT)
        return
    if option is not None and option in text.options:
        await send_answer(update, context, lang, topic_id, option, reask=True)
        return
    # Ask (again): the first tap, or an option that no longer exists.
    keyboard = [[button(text.options[o], callbacks.TOPIC, topic_id, o)] for o in text.options]
    keyboard.append([button(label(context, lang, "nav-menu"), callbacks.MENU, MenuAction.SHOW)])
    question = fallback_note(context, lang, fell_back_to) + bidi(
        text.lang,
        f"<b>{html.escape(text.title, quote=False)}</b>\n\n"
        f"{html.escape(text.ask or '', quote=False)}",
    )
    await say(update, context, text.lang, question, InlineKeyboardMarkup(keyboard))


async def send_answer(
    update: Update,
    context: LotseContext,
    lang: str,
    topic_id: str,
    variant: str,
    *,
    reask: bool = False,
) -> None:
    """Sends one answer variant (👍 / 👎, the way on), then the topic's frequent questions."""
    answer, fell_back_to = await topic_answer(context, topic_id, lang, variant)
    if answer is None:
        await migrado_unavailable(update, context, lang)
        return
    if update.effective_user is not None:
        answered = f"{topic_id}:{variant}" if variant else topic_id
        await handoff.remember(context, update.effective_user.id, "", answered)
    offers = booking.offer_buttons(context, lang, topic_id, variant)
    votes = feedback.row(context, lang, feedback.for_topic(context, topic_id, variant))
    markup = nav_keyboard(
        context, lang, reask_topic=topic_id if reask else None, extra=votes + offers
    )
    body = fallback_note(context, lang, fell_back_to) + render_answer(context, answer, lang)
    await say(update, context, lang, body, markup, mark_direction=False)
    await faq.offer_questions(update, context, lang, topic_id)


def build_handlers() -> list[BaseHandler[Update, LotseContext, None]]:
    """/menu, the menu button and the topic buttons."""
    return [
        CommandHandler("menu", show_menu, filters=PRIVATE),
        CallbackQueryHandler(show_menu, pattern=callbacks.pattern(callbacks.MENU)),
        CallbackQueryHandler(topic_chosen, pattern=callbacks.pattern(callbacks.TOPIC)),
    ]
