"""What every flow needs: the user's language, strings, keyboards and sending a reply."""

from __future__ import annotations

import html
from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import filters

from bot import callbacks
from bot.budget import BudgetSpent, bounded
from bot.callbacks import BookAction, HandoffAction, MenuAction
from bot.context import BotData, LotseContext
from bot.i18n import bidi
from bot.languages import BY_CODE, curated_from_telegram
from bot.render import answer_html, clip
from bot.services.content import TOPIC_IDS, Answer, TopicText

#: Newcomer flows answer in private chats only; groups are for counsellors.
PRIVATE = filters.ChatType.PRIVATE
#: New messages only (edits are ignored: the answer to the first version stands).
NEW_MESSAGE = filters.UpdateType.MESSAGE

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove


@dataclass(frozen=True)
class View:
    """A message to show: HTML text and its keyboard. Views are built by plain functions
    (``booking_views``, ``handoff_views``) and sent by the flows with :func:`show`."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


def language_of(update: Update, context: LotseContext) -> str:
    """The user's chosen language, else Telegram's if curated, else English."""
    profile = context.user_data
    if profile is not None and profile.language:
        # A language beyond the twelve is kept only while a translator can serve it.
        if profile.language in BY_CODE or context.bot_data.translator is not None:
            return str(profile.language)
        return second_language(context)
    user = update.effective_user
    return curated_from_telegram(user.language_code if user else None) or "en"


def text_of(bot_data: BotData, lang: str, key: str, **args: object) -> str:
    """A UI string as HTML-safe text (for views, which have bot data but no update)."""
    return html.escape(bot_data.catalogues.t(lang, key, **args), quote=False)


def label_of(bot_data: BotData, lang: str, key: str, **args: object) -> str:
    """A UI string for a button (plain text: buttons are not HTML)."""
    return bot_data.catalogues.t(lang, key, **args)


def t(context: LotseContext, lang: str, key: str, **args: object) -> str:
    """A UI string as HTML-safe text."""
    return text_of(context.bot_data, lang, key, **args)


def esc(text: str) -> str:
    """Text (a typed name, a message) made safe for Telegram HTML."""
    return html.escape(text, quote=False)


def label(context: LotseContext, lang: str, key: str, **args: object) -> str:
    """A UI string for a button (plain text: buttons are not HTML)."""
    return label_of(context.bot_data, lang, key, **args)


def button(text: str, namespace: str, *args: str) -> InlineKeyboardButton:
    """An inline button with namespaced, versioned callback data."""
    return InlineKeyboardButton(text, callback_data=callbacks.make(namespace, *args))


def rows(buttons: list[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    """Lays buttons out ``width`` per row."""
    return [buttons[i : i + width] for i in range(0, len(buttons), width)]


def menu_keyboard(context: LotseContext, lang: str) -> InlineKeyboardMarkup:
    """The twelve topics, then booking and a person."""
    topics = [
        button(label(context, lang, f"topic-{tid}"), callbacks.TOPIC, tid) for tid in TOPIC_IDS
    ]
    return InlineKeyboardMarkup(
        [
            *rows(topics, 2),
            [button(label(context, lang, "menu-book"), callbacks.BOOK, BookAction.START)],
            [button(label(context, lang, "menu-human"), callbacks.HANDOFF, HandoffAction.START)],
        ]
    )


def nav_keyboard(
    context: LotseContext,
    lang: str,
    *,
    reask_topic: str | None = None,
    extra: list[list[InlineKeyboardButton]] | None = None,
) -> InlineKeyboardMarkup:
    """The way on (``extra``, e.g. booking), change the answer, menu, a person."""
    keyboard: list[list[InlineKeyboardButton]] = list(extra or [])
    if reask_topic:
        keyboard.append(
            [button(label(context, lang, "nav-other-answer"), callbacks.TOPIC, reask_topic)]
        )
    keyboard.append(
        [
            button(label(context, lang, "nav-menu"), callbacks.MENU, MenuAction.SHOW),
            button(label(context, lang, "nav-human"), callbacks.HANDOFF, HandoffAction.START),
        ]
    )
    return InlineKeyboardMarkup(keyboard)


async def say(
    update: Update,
    context: LotseContext,
    lang: str,
    text: str,
    markup: Markup | None = None,
    *,
    mark_direction: bool = True,
) -> None:
    """Sends HTML text to the chat of the update, marked RTL where the language needs it."""
    chat = update.effective_chat
    if chat is None:
        return
    await context.bot.send_message(
        chat.id,
        clip(bidi(lang, text) if mark_direction else text),
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )


async def show(update: Update, context: LotseContext, lang: str, view: View) -> None:
    """Sends a view to the chat of the update."""
    await say(update, context, lang, view.text, view.keyboard)


async def send_menu(
    update: Update, context: LotseContext, lang: str, intro: str | None = None
) -> None:
    """The topic menu, with an optional sentence before it."""
    text = t(context, lang, "menu-title")
    if intro:
        text = f"{intro}\n\n{text}"
    await say(update, context, lang, text, menu_keyboard(context, lang))


def render_answer(context: LotseContext, answer: Answer, lang: str) -> str:
    """Title, body and the honest notes (fallback language, machine translation) as HTML."""
    parts = [bidi(answer.lang, answer_html(answer.title, answer.markdown))]
    if answer.lang != lang and answer.lang in BY_CODE and lang in BY_CODE:
        parts.append(
            bidi(
                lang,
                t(context, lang, "answer-fallback-note", language=BY_CODE[answer.lang].native_name),
            )
        )
    if answer.machine_translated:
        parts.append(bidi(lang, f"<i>{t(context, lang, 'answer-machine-note')}</i>"))
    return "\n\n".join(parts)


async def answer_query(update: Update, text: str | None = None) -> None:
    """Always answers a button tap, so the client stops its spinner."""
    if update.callback_query is not None:
        await update.callback_query.answer(text)


async def stale_button(update: Update, context: LotseContext, *, answered: bool = False) -> None:
    """Answers a forged, foreign or outdated button politely, with the menu.

    ``answered``: the caller has already answered the callback query (a query is answered once).
    """
    lang = language_of(update, context)
    if not answered:
        await answer_query(update, context.bot_data.catalogues.t(lang, "fallback-stale-button"))
    await send_menu(update, context, lang, intro=t(context, lang, "fallback-stale-button"))


async def topic_text(
    context: LotseContext, topic_id: str, lang: str
) -> tuple[TopicText | None, str | None]:
    """A topic in ``lang`` (machine-translated beyond the twelve) and the fallback used, if any."""
    localizer = context.bot_data.localizer
    snapshot = context.bot_data.content.current
    if lang in BY_CODE or localizer is None:
        return snapshot.text(topic_id, lang if lang in BY_CODE else second_language(context)), None
    # Title, question and options only: answers are translated when asked for (topic_answer).
    try:
        localized = await bounded(
            context, localizer.topic(topic_id, lang, second_language(context), ())
        )
    except BudgetSpent:
        fallback = second_language(context)
        return snapshot.text(topic_id, fallback), fallback
    return localized.text, localized.fell_back_to


async def topic_answer(
    context: LotseContext, topic_id: str, lang: str, variant: str, **values: str
) -> tuple[Answer | None, str | None]:
    """An answer in ``lang`` (machine-translated beyond the twelve) and the fallback used."""
    localizer = context.bot_data.localizer
    snapshot = context.bot_data.content.current
    if lang in BY_CODE or localizer is None:
        target = lang if lang in BY_CODE else second_language(context)
        return snapshot.answer(topic_id, target, variant, **values), None
    try:
        return await bounded(
            context, localizer.answer(topic_id, lang, variant, second_language(context), **values)
        )
    except BudgetSpent:
        fallback = second_language(context)
        return snapshot.answer(topic_id, fallback, variant, **values), fallback


def second_language(context: LotseContext) -> str:
    """The curated language to fall back to for a reader of a language beyond the twelve."""
    profile = context.user_data
    second = profile.second_language if profile is not None else None
    return second if second in BY_CODE else "en"


def fallback_note(context: LotseContext, lang: str, fell_back_to: str | None) -> str:
    """One sentence saying why the text is not in the reader's language ('' when it is)."""
    if not fell_back_to:
        return ""
    native = BY_CODE[fell_back_to].native_name
    return bidi(lang, t(context, lang, "translation-unavailable", language=native)) + "\n\n"
