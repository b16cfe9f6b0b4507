"""Typed questions: detect the language, ask the NLU, then answer, ask back, or say so honestly.

What to do is decided as data (``Thresholds.plan``, thresholds in the settings). A sure topic and
a sure frequent question → that question's answer (``faq.send_faq_answer``); a sure topic only →
the topic's answer (entities pick the variant: citizenship → registration path, child's age →
Kita variant, district → welcome office), followed by its frequent questions as buttons; when a
second topic came close (rent paid by the Jobcenter: housing and benefits), it is offered beside
the answer. Middle → "did you mean …?" with the best
topics as buttons. Low or out of scope → say so, show the menu, offer a person; the question goes
to the editors' analytics stream. No NLU configured or reachable → the menu, never a hang.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import callbacks
from bot.budget import BudgetSpent, bounded, seconds_left
from bot.callbacks import BookAction, HandoffAction, MenuAction
from bot.context import LotseContext
from bot.flows import booking, counselling, faq, handoff, handoff_views, start
from bot.flows.common import (
    NEW_MESSAGE,
    PRIVATE,
    button,
    label,
    language_of,
    menu_keyboard,
    say,
    send_menu,
    t,
)
from bot.flows.topics import show_topic
from bot.languages import BY_CODE, curated_from_telegram
from bot.services.citizenship import registration_variant
from bot.services.content import TOPIC_IDS
from bot.services.emergency import suggests_emergency
from bot.services.entities import child_age, citizenship_of, is_school_age, kita_variant
from bot.services.nlu import Decision, NluResult, NluUnavailable
from bot.services.translator import TranslationFailed

log = logging.getLogger(__name__)

#: Messages longer than this are not sent to the NLU (a letter pasted in is not a question).
MAX_NLU_CHARS = 500


async def free_text(update: Update, context: LotseContext) -> None:
    """Understands a typed message and answers it, asks back, or shows the menu."""
    message = update.effective_message
    text = (message.text or "") if message else ""
    user_lang = language_of(update, context)
    if context.user_data is not None and context.user_data.awaiting_language:
        await start.language_typed(update, context, text)
        return
    user = update.effective_user
    if suggests_emergency(context.bot_data.emergency, text, [user_lang]):
        await emergency(update, context, user_lang)
        if user is not None:
            await handoff.remember(context, user.id, text[:300], handoff_views.EMERGENCY)
        return
    nlu = context.bot_data.nlu
    if nlu is None or len(text) > MAX_NLU_CHARS:
        await send_menu(
            update, context, user_lang, intro=t(context, user_lang, "fallback-free-text")
        )
        return
    lang = user_lang
    detector = context.bot_data.detector
    if detector is not None and user_lang in BY_CODE:
        user = update.effective_user
        phone = curated_from_telegram(user.language_code if user else None)
        lang = detector.detect(text, user_lang, phone).language
    try:
        result = await bounded(context, nlu.parse(text, budget=seconds_left(context)))
    except (NluUnavailable, BudgetSpent) as exc:
        log.warning("NLU unavailable (%s): answering with the menu", type(exc).__name__)
        await send_menu(update, context, user_lang, intro=t(context, user_lang, "nlu-unavailable"))
        return
    thresholds = context.bot_data.settings.nlu_thresholds
    plan = thresholds.plan(result)
    translator = context.bot_data.translator
    if plan.decision is not Decision.ANSWER and lang not in BY_CODE and translator is not None:
        # A language the model was not trained on: ask again in German.
        try:
            german = await bounded(
                context,
                translator.translate(
                    text,
                    lang,
                    "de",
                    explain_terms=False,
                    remember=False,
                    budget=seconds_left(context),
                ),
            )
            retry = await bounded(context, nlu.parse(german, budget=seconds_left(context)))
        except (TranslationFailed, NluUnavailable, BudgetSpent) as exc:
            log.info("no second reading via German (%s)", type(exc).__name__)
        else:
            if retry.confidence > result.confidence:
                result = retry
                plan = thresholds.plan(result)
    log.info(
        "free text: lang=%s intent=%s conf=%.2f decision=%s question=%s runner_up=%s",
        lang,
        result.intent,
        result.confidence,
        plan.decision,
        plan.question,
        plan.other_topic,
    )
    intent = plan.intent
    if user is not None:
        await handoff.remember(context, user.id, text, intent if intent in TOPIC_IDS else "")
    if plan.decision is Decision.ANSWER:
        # The frequent question itself when the plan is sure of it (an unknown id, e.g. a
        # question the content no longer has, falls back to its topic).
        handled = (
            plan.question is not None
            and not _entity_answers(context, intent, result)
            and await faq.send_faq_answer(update, context, lang, plan.question)
        )
        if not handled:
            # The topic's answer, followed by its frequent questions as buttons.
            handled = await act(update, context, lang, intent, result)
        if handled and plan.other_topic:
            await offer_other_topic(update, context, lang, plan.other_topic)
        if handled and lang != user_lang:
            await offer_switch(update, context, lang)
        if handled:
            return
    if plan.decision is Decision.CLARIFY:
        await clarify(update, context, lang, plan.candidates)
        return
    await not_understood(update, context, lang, text, intent, guess=result.intent)


def _entity_answers(context: LotseContext, intent: str, result: NluResult) -> bool:
    """True when an entity picks a more specific answer than a frequent question can give:
    a district named in a counselling question leads to that district's welcome office."""
    if intent != "counselling":
        return False
    district = result.entity("district")
    return district is not None and district in context.bot_data.content.current.offices.districts


async def emergency(update: Update, context: LotseContext, lang: str) -> None:
    """Words that suggest danger: the emergency numbers at once, and a person offered."""
    keyboard = InlineKeyboardMarkup(
        [[button(label(context, lang, "menu-human"), callbacks.HANDOFF, HandoffAction.START)]]
    )
    text = (
        handoff_views.emergency_text(context.bot_data, lang)
        + "\n\n"
        + t(context, lang, "handoff-emergency-offer")
    )
    await say(update, context, lang, text, keyboard)


async def act(
    update: Update, context: LotseContext, lang: str, intent: str, result: NluResult
) -> bool:
    """Carries out a confidently understood intent; False when it has nothing to do."""
    if intent == "registration":
        await show_topic(
            update, context, lang, intent, registration_variant(citizenship_of(result))
        )
    elif intent == "kita":
        years = child_age(result)
        if is_school_age(years):
            await show_topic(update, context, lang, "school")
        else:
            await show_topic(update, context, lang, intent, kita_variant(years))
    elif intent == "counselling":
        district_id = result.entity("district")
        district = context.bot_data.content.current.offices.districts.get(district_id or "")
        if district is not None:
            await counselling.send_office(update, context, district, lang=lang)
        else:
            await counselling.send_district_question(update, context, lang)
    elif intent in TOPIC_IDS:
        await show_topic(update, context, lang, intent)
    elif intent == "book_appointment":
        await booking.start_booking(update, context)
    elif intent == "cancel_appointment":
        await booking.show_bookings(update, context)
    elif intent == "human_handoff":
        await handoff.start(update, context)
    elif intent == "change_language":
        # "I don't speak German, English please": the language named last is the one wanted.
        # Lookup files sometimes file a language word under its country code ("turc" -> TR).
        codes = [c for c in (curated_from_telegram(v) for v in result.values("language")) if c]
        code = codes[-1] if codes else None
        if code is not None and context.user_data is not None:
            context.user_data.language = code
            intro = t(context, code, "language-set", language=BY_CODE[code].native_name)
            await send_menu(update, context, code, intro=intro)
        else:
            await start.ask_language(update, context)
    elif intent in {"greet", "thanks", "goodbye"}:
        key = {"greet": "nlu-greet", "thanks": "nlu-thanks", "goodbye": "nlu-goodbye"}[intent]
        if intent == "goodbye":
            await say(update, context, lang, t(context, lang, key))
        else:
            await send_menu(update, context, lang, intro=t(context, lang, key))
    else:
        return False
    return True


def _choice_button(context: LotseContext, lang: str, intent: str) -> InlineKeyboardButton | None:
    if intent in TOPIC_IDS:
        return button(label(context, lang, f"topic-{intent}"), callbacks.TOPIC, intent)
    if intent == "book_appointment":
        return button(label(context, lang, "menu-book"), callbacks.BOOK, BookAction.START)
    if intent == "cancel_appointment":
        return button(label(context, lang, "command-mybookings"), callbacks.BOOK, BookAction.LIST)
    if intent == "human_handoff":
        return button(label(context, lang, "menu-human"), callbacks.HANDOFF, HandoffAction.START)
    return None


async def clarify(
    update: Update, context: LotseContext, lang: str, candidates: tuple[str, ...]
) -> None:
    """Offers the two or three most likely topics as buttons."""
    choices = [b for b in (_choice_button(context, lang, c) for c in candidates) if b is not None]
    keyboard = [[b] for b in choices]
    keyboard.append(
        [
            button(label(context, lang, "nav-menu"), callbacks.MENU, MenuAction.SHOW),
            button(label(context, lang, "nav-human"), callbacks.HANDOFF, HandoffAction.START),
        ]
    )
    await say(
        update, context, lang, t(context, lang, "nlu-did-you-mean"), InlineKeyboardMarkup(keyboard)
    )


async def offer_other_topic(update: Update, context: LotseContext, lang: str, topic: str) -> None:
    """Offers a second topic that came close, beside the answer to the better one."""
    choice = _choice_button(context, lang, topic)
    if choice is not None:
        keyboard = InlineKeyboardMarkup([[choice]])
        await say(update, context, lang, t(context, lang, "nlu-also-topic"), keyboard)


async def not_understood(
    update: Update, context: LotseContext, lang: str, text: str, intent: str, guess: str = ""
) -> None:
    """Says honestly that this is beyond Lotse, shows the menu, notes the question for editors."""
    await say(
        update, context, lang, t(context, lang, "nlu-not-understood"), menu_keyboard(context, lang)
    )
    analytics = context.bot_data.analytics
    if analytics is not None:
        try:
            await analytics.record_unanswered(text, lang, intent, guess)
        except Exception:
            log.warning("could not record an unanswered question", exc_info=True)


async def offer_switch(update: Update, context: LotseContext, lang: str) -> None:
    """Offers to keep writing in the language the user just wrote in."""
    native = BY_CODE[lang].native_name
    keyboard = InlineKeyboardMarkup([[button(native, callbacks.LANG, lang)]])
    await say(
        update, context, lang, t(context, lang, "language-switch-offer", language=native), keyboard
    )


def build_handlers() -> list[BaseHandler[Update, LotseContext, None]]:
    """Typed messages in private chats (before the catch-alls of `fallback`)."""
    return [MessageHandler(filters.TEXT & ~filters.COMMAND & PRIVATE & NEW_MESSAGE, free_text)]
