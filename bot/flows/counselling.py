"""Counselling near you: asks the district (buttons, a typed name or a shared location) and names
the "lokal willkommen" office serving it, or MigraDO where none is known.

A persistent conversation, so a restart between question and answer loses nothing.
"""

from __future__ import annotations

import enum
import html
import warnings
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
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
from bot.callbacks import MenuAction
from bot.context import LotseContext
from bot.flows import booking, faq, feedback
from bot.flows.common import (
    NEW_MESSAGE,
    PRIVATE,
    answer_query,
    button,
    fallback_note,
    label,
    language_of,
    nav_keyboard,
    render_answer,
    rows,
    say,
    stale_button,
    t,
    topic_answer,
    topic_text,
)
from bot.i18n import bidi
from bot.languages import BY_CODE
from bot.services.offices import District

TOPIC = "counselling"


class State(enum.IntEnum):
    """Where the counselling conversation is."""

    ASK_DISTRICT = 1


async def ask_district(update: Update, context: LotseContext) -> State:
    """Asks for the district with one button each, and offers to share the location instead."""
    await answer_query(update)
    await send_district_question(update, context, language_of(update, context))
    raise ApplicationHandlerStop(State.ASK_DISTRICT)


async def send_district_question(update: Update, context: LotseContext, lang: str) -> None:
    """The district buttons and the 'share my location' keyboard (the buttons work anytime)."""
    snapshot = context.bot_data.content.current
    text, _ = await topic_text(context, TOPIC, lang)
    districts = sorted(snapshot.offices.districts.values(), key=lambda d: d.name)
    keyboard = rows([button(d.name, callbacks.DISTRICT, d.id) for d in districts], 2)
    keyboard.append([button(label(context, lang, "nav-menu"), callbacks.MENU, MenuAction.SHOW)])
    title = html.escape(text.title if text else "", quote=False)
    ask = html.escape(text.ask or "" if text else "", quote=False)
    text_lang = text.lang if text else lang
    await say(
        update, context, text_lang, f"<b>{title}</b>\n\n{ask}", InlineKeyboardMarkup(keyboard)
    )
    share = ReplyKeyboardMarkup(
        [
            [
                KeyboardButton(
                    label(context, lang, "counselling-location-button"), request_location=True
                )
            ]
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    await say(update, context, lang, t(context, lang, "counselling-share-location"), share)


async def send_office(
    update: Update,
    context: LotseContext,
    district: District,
    *,
    prefix: str = "",
    lang: str | None = None,
) -> None:
    """Names the office serving the district (or MigraDO), with the way back."""
    lang = lang or language_of(update, context)
    snapshot = context.bot_data.content.current
    office = snapshot.offices.office_for(district.id)
    if office is not None:
        languages = ", ".join(BY_CODE[c].native_name for c in office.languages if c in BY_CODE)
        answer, fell_back_to = await topic_answer(
            context,
            TOPIC,
            lang,
            "office",
            district=district.name,
            office_name=office.name,
            office_address=office.address,
            office_languages=languages,
        )
    else:
        answer, fell_back_to = await topic_answer(
            context, TOPIC, lang, "no_office", district=district.name
        )
    if answer is None:
        return
    body = fallback_note(context, lang, fell_back_to) + render_answer(context, answer, lang)
    if prefix:
        body = f"{bidi(lang, prefix)}\n\n{body}"
    # The answer closes the location keyboard; the way back follows in its own message.
    await say(update, context, lang, body, ReplyKeyboardRemove(), mark_direction=False)
    offers = booking.offer_buttons(context, lang, TOPIC)
    votes = feedback.row(context, lang, feedback.for_topic(context, TOPIC, answer.variant))
    await say(
        update,
        context,
        lang,
        t(context, lang, "menu-title"),
        nav_keyboard(context, lang, extra=votes + offers),
    )
    await faq.offer_questions(update, context, lang, TOPIC)


async def district_chosen(update: Update, context: LotseContext) -> int:
    """Answers for the district on the tapped button."""
    data = callbacks.parse(
        update.callback_query.data if update.callback_query else None, callbacks.DISTRICT
    )
    districts = context.bot_data.content.current.offices.districts
    if data is None or len(data.args) != 1 or data.args[0] not in districts:
        await stale_button(update, context)
        raise ApplicationHandlerStop(ConversationHandler.END)
    await answer_query(update)
    await send_office(update, context, districts[data.args[0]])
    raise ApplicationHandlerStop(ConversationHandler.END)


async def location_shared(update: Update, context: LotseContext) -> int:
    """Finds the district of a shared location and answers for it."""
    lang = language_of(update, context)
    location = update.effective_message.location if update.effective_message else None
    offices = context.bot_data.content.current.offices
    district = offices.district_at(location.latitude, location.longitude) if location else None
    if district is None:
        migrado = offices.migrado
        text = t(
            context,
            lang,
            "counselling-outside-dortmund",
            name=migrado.name,
            address=migrado.address,
        )
        await say(update, context, lang, text, ReplyKeyboardRemove())
        await say(
            update, context, lang, t(context, lang, "menu-title"), nav_keyboard(context, lang)
        )
        raise ApplicationHandlerStop(ConversationHandler.END)
    found = t(context, lang, "counselling-district-found", district=district.name)
    await send_office(update, context, district, prefix=found)
    raise ApplicationHandlerStop(ConversationHandler.END)


async def district_typed(update: Update, context: LotseContext) -> int:
    """Reads a typed district name; asks again when it is not one of the twelve."""
    text = update.effective_message.text if update.effective_message else None
    district = context.bot_data.content.current.offices.match_district(text or "")
    if district is None:
        lang = language_of(update, context)
        await say(update, context, lang, t(context, lang, "counselling-unknown-district"))
        raise ApplicationHandlerStop(State.ASK_DISTRICT)
    await send_office(update, context, district)
    raise ApplicationHandlerStop(ConversationHandler.END)


async def leave(update: Update, context: LotseContext) -> int:
    """Ends the question when the user does something else; the other handlers answer that."""
    return ConversationHandler.END


def build_handler(*, persistent: bool) -> ConversationHandler[LotseContext]:
    """The counselling conversation (group 0, before the stateless handlers)."""
    with warnings.catch_warnings():
        # PTB warns that with per_message=False callback queries are tracked per chat, not per
        # message. That is what we want: the question belongs to the chat, not to one message.
        warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")
        return ConversationHandler(
            entry_points=[
                CallbackQueryHandler(
                    ask_district, pattern=callbacks.pattern(callbacks.TOPIC, TOPIC, whole=True)
                )
            ],
            states={
                State.ASK_DISTRICT: [
                    CallbackQueryHandler(
                        district_chosen, pattern=callbacks.pattern(callbacks.DISTRICT)
                    ),
                    MessageHandler(filters.LOCATION & PRIVATE & NEW_MESSAGE, location_shared),
                    MessageHandler(
                        filters.TEXT & ~filters.COMMAND & PRIVATE & NEW_MESSAGE, district_typed
                    ),
                ]
            },
            fallbacks=[
                CallbackQueryHandler(leave),
                MessageHandler(filters.ALL, leave),
            ],
            name="counselling",
            persistent=persistent,
            allow_reentry=True,
        )


def build_handlers() -> list[BaseHandler[Update, LotseContext, Any]]:
    """Stateless counterparts: a district button or a location outside the conversation."""
    return [
        CallbackQueryHandler(district_chosen, pattern=callbacks.pattern(callbacks.DISTRICT)),
        MessageHandler(filters.LOCATION & PRIVATE & NEW_MESSAGE, location_shared),
    ]
