"""Talking to a person, the newcomer's side: consent, a case, messages to the counsellors.

"talk to a person" → consent (what is shared, how long) → an optional one-line description →
the case opens with an honest expectation (office hours): a forum topic in the counsellors'
group with a German summary. While it is open, everything the newcomer writes goes to the
topic, translated into German with the original beneath; /end (or the button) closes it.

The counsellors' side (their commands and replies from the group) is ``flows/counsellors.py``;
what is shown, ``flows/handoff_views.py``; re-announcing and deleting old cases, ``bot/jobs.py``.
Safety: a message that suggests an emergency gets the emergency numbers at once and puts the
case at the top of the queue. Privacy: messages never enter the translation memory.
"""

from __future__ import annotations

import enum
import logging
import warnings
from typing import Any

from redis.exceptions import RedisError
from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot import callbacks
from bot.callbacks import HandoffAction
from bot.context import LotseContext
from bot.flows import handoff_views as views
from bot.flows.common import (
    NEW_MESSAGE,
    PRIVATE,
    answer_query,
    esc,
    language_of,
    say,
    show,
    stale_button,
    t,
)
from bot.render import split_message
from bot.services.coverage import no_engine_for
from bot.services.emergency import suggests_emergency
from bot.services.handoff import AlreadyOpen, Case, HandoffService
from bot.services.translator import TranslationFailed

log = logging.getLogger(__name__)

#: What passes from newcomer to counsellor unchanged (copied, with the caption translated).
PASS_THROUGH = (
    filters.PHOTO
    | filters.Document.ALL
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.LOCATION
)


class State(enum.IntEnum):
    """The one typed step before a case opens."""

    ASK_SUBJECT = 1


# -- shared with the counsellors' side -----------------------------------------------------------


def service_of(context: LotseContext) -> HandoffService | None:
    """The case store, when handoff is set up (Redis and a counsellors' group)."""
    if context.bot_data.settings.counsellor_chat_id is None:
        return None
    return context.bot_data.handoff


def group_of(context: LotseContext) -> int:
    """The counsellors' group (only called where handoff is set up)."""
    group = context.bot_data.settings.counsellor_chat_id
    assert group is not None
    return group


async def translate(
    context: LotseContext, text: str, source: str, target: str
) -> tuple[str | None, bool]:
    """(translation, ok): never remembered (personal messages); None when it failed."""
    if not text.strip() or source == target:
        return text, True
    translator = context.bot_data.translator
    if translator is None:
        return None, False
    try:
        translated = await translator.translate(
            text, source, target, explain_terms=False, remember=False
        )
    except TranslationFailed as exc:
        log.warning("handoff translation %s→%s failed: %s", source, target, exc)
        return None, False
    return translated, True


async def post(context: LotseContext, case: Case, text: str) -> None:
    """Posts HTML text into the case's topic (split when long)."""
    for part in split_message(text):
        await context.bot.send_message(
            group_of(context), part, message_thread_id=case.thread_id, parse_mode=ParseMode.HTML
        )


async def tell_newcomer(context: LotseContext, case: Case, key: str, **args: object) -> None:
    """A short notice to the newcomer in their language (claimed, closed)."""
    text = views.notice(context.bot_data, case, key, **args)
    try:
        await context.bot.send_message(case.chat_id, text, parse_mode=ParseMode.HTML)
    except TelegramError:
        log.warning("could not tell the newcomer of case %d", case.number, exc_info=True)


def kind_of(message: Message) -> str:
    """What kind of file a message carries ("photo", "voice", …) for the transcript."""
    for kind in ("photo", "document", "voice", "audio", "video", "video_note", "location"):
        if getattr(message, kind, None):
            return kind
    return "media"


async def remember(context: LotseContext, user_id: int, question: str, answer: str) -> None:
    """Notes a question and the bot's answer for a possible handoff summary (best effort)."""
    service = service_of(context)
    if service is None:
        return
    try:
        await service.remember(user_id, question, answer)
    except RedisError:
        log.warning("could not note a recent question", exc_info=True)


async def forget_user(context: LotseContext, user_id: int) -> None:
    """Deletes the person's cases and their topics at once (/delete_my_data)."""
    service = service_of(context)
    if service is None:
        return
    case = await service.open_case_of(user_id)
    if case is not None:
        text = context.bot_data.catalogues.staff_t("staff-deleted-by-user", case=case.number)
        try:
            await context.bot.send_message(group_of(context), text)
        except TelegramError:
            log.warning("could not tell the group about a deletion", exc_info=True)
    for thread in await service.forget_user(user_id):
        try:
            await context.bot.delete_forum_topic(group_of(context), thread)
        except TelegramError:
            log.warning("could not delete a case topic", exc_info=True)


# -- consent and opening a case -------------------------------------------------------------


async def unavailable(update: Update, context: LotseContext, lang: str) -> None:
    """No counsellors in the chat (not set up, or storage down): MigraDO in person."""
    await show(update, context, lang, views.unavailable(context.bot_data, lang))


async def start(update: Update, context: LotseContext) -> None:
    """Explains what is shared with the counsellors and asks for consent."""
    await answer_query(update)
    lang = language_of(update, context)
    service = service_of(context)
    if service is None:
        await unavailable(update, context, lang)
        return
    user = update.effective_user
    assert user is not None
    case = await service.open_case_of(user.id)
    if case is not None:
        await show(update, context, lang, views.already_open(context.bot_data, lang, case.number))
        return
    await show(update, context, lang, views.consent(context.bot_data, lang))


async def consented(update: Update, context: LotseContext) -> State | int:
    """Asks for an optional one-line description of the matter."""
    await answer_query(update)
    lang = language_of(update, context)
    service = service_of(context)
    if service is None:
        await unavailable(update, context, lang)
        raise ApplicationHandlerStop(ConversationHandler.END)
    user = update.effective_user
    assert user is not None
    case = await service.open_case_of(user.id)
    if case is not None:
        await show(update, context, lang, views.already_open(context.bot_data, lang, case.number))
        raise ApplicationHandlerStop(ConversationHandler.END)
    await show(update, context, lang, views.ask_subject(context.bot_data, lang))
    raise ApplicationHandlerStop(State.ASK_SUBJECT)


async def subject_typed(update: Update, context: LotseContext) -> int:
    """Opens the case with the typed description."""
    message = update.effective_message
    await open_case(update, context, (message.text or "") if message else "")
    raise ApplicationHandlerStop(ConversationHandler.END)


async def subject_not_text(update: Update, context: LotseContext) -> State:
    """A sticker or photo instead of a description: asks again."""
    lang = language_of(update, context)
    await show(update, context, lang, views.ask_subject(context.bot_data, lang))
    raise ApplicationHandlerStop(State.ASK_SUBJECT)


async def subject_skipped(update: Update, context: LotseContext) -> int:
    """Opens the case without a description."""
    await answer_query(update)
    await open_case(update, context, "")
    raise ApplicationHandlerStop(ConversationHandler.END)


async def leave(update: Update, context: LotseContext) -> int:
    """Ends the description step when the person does something else."""
    return ConversationHandler.END


async def open_case(update: Update, context: LotseContext, subject: str) -> None:
    """Opens the case: forum topic, German summary, and the newcomer's expectation."""
    lang = language_of(update, context)
    service = service_of(context)
    user = update.effective_user
    chat = update.effective_chat
    if service is None or user is None or chat is None:
        await unavailable(update, context, lang)
        return
    bot_data = context.bot_data
    try:
        number = await service.next_number(user.id)
    except AlreadyOpen as exc:
        await show(update, context, lang, views.already_open(bot_data, lang, exc.args[0]))
        return
    subject = " ".join(subject.split())[:1000]
    subject_de, _ = await translate(context, subject, lang, "de") if subject else ("", True)
    recent = await service.recent(user.id)
    urgent = suggests_emergency(bot_data.emergency, subject, [lang]) or suggests_emergency(
        bot_data.emergency, subject_de or "", ["de"]
    )
    urgent = urgent or any(answer == views.EMERGENCY for _, answer in recent)
    answers = [a for _, a in recent if a and a != views.EMERGENCY]
    topic = answers[-1] if answers else ""
    hours = bot_data.office_hours
    now = service.clock()
    out_of_hours = hours is not None and not hours.is_open(now)
    catalogues = bot_data.catalogues
    short = (subject_de or subject or catalogues.staff_t("staff-no-subject"))[:60]
    name = catalogues.staff_t("staff-case-topic", case=number, language=lang, subject=short)
    try:
        forum_topic = await context.bot.create_forum_topic(group_of(context), name[:128])
    except TelegramError:
        log.exception("could not open a forum topic in the counsellors' group")
        await unavailable(update, context, lang)
        return
    try:
        case = await service.open_case(
            number,
            user_id=user.id,
            chat_id=chat.id,
            lang=lang,
            name=user.first_name or "",
            subject=subject,
            subject_de=subject_de or "",
            topic=topic,
            thread_id=forum_topic.message_thread_id,
            urgent=urgent,
            out_of_hours=out_of_hours,
        )
    except AlreadyOpen as exc:  # a double tap opened one a moment ago: drop the spare topic
        await context.bot.delete_forum_topic(group_of(context), forum_topic.message_thread_id)
        await show(update, context, lang, views.already_open(bot_data, lang, exc.args[0]))
        return
    log.info("handoff case %d opened (lang=%s, urgent=%s)", case.number, lang, urgent)
    if urgent:
        await say(update, context, lang, views.emergency_text(bot_data, lang))
    booking_service = bot_data.booking
    bookings = await booking_service.bookings_of(case.user_id) if booking_service else []
    schedule = bot_data.content.current.booking
    await post(context, case, views.summary(bot_data, case, recent, bookings, schedule))
    if subject:
        await service.log(case.number, "in", subject, translation=subject_de or "")
    opening = hours.next_opening(now) if out_of_hours and hours is not None else None
    view = views.opened(
        bot_data, lang, case.number, urgent=urgent, opening=opening, late=out_of_hours
    )
    await show(update, context, lang, view)


# -- an open case ----------------------------------------------------------------------------


async def relay_from_newcomer(update: Update, context: LotseContext) -> None:
    """While a case is open: passes the newcomer's message to its topic, translated."""
    service = service_of(context)
    user = update.effective_user
    message = update.effective_message
    if service is None or user is None or message is None:
        return
    case = await service.open_case_of(user.id)
    if case is None:
        return  # no case: the other handlers answer
    lang = case.lang
    if message.text:
        await relay_text(context, case, message.text, lang)
        if suggests_emergency(context.bot_data.emergency, message.text, [lang]) and not case.urgent:
            await raise_alarm(update, context, case, lang)
    elif PASS_THROUGH.check_update(update):
        await context.bot.copy_message(
            group_of(context),
            message.chat_id,
            message.message_id,
            message_thread_id=case.thread_id,
        )
        caption = message.caption or ""
        caption_de = ""
        if caption:
            translated, _ = await translate(context, caption, lang, "de")
            caption_de = translated or caption
        await post(context, case, views.relay_media(context.bot_data, caption_de))
        await service.log(case.number, "in", f"[{kind_of(message)}] {caption}".strip())
    else:
        reader = language_of(update, context)
        await say(update, context, reader, t(context, reader, "handoff-media-not-sent"))
    raise ApplicationHandlerStop


async def relay_text(context: LotseContext, case: Case, text: str, lang: str) -> None:
    """One newcomer message into the topic: the German translation, the original beneath."""
    service = service_of(context)
    assert service is not None
    translated, ok = await translate(context, text, lang, "de")
    no_engine = not ok and await no_engine_for(context.bot_data.translator, lang, "de")
    body = views.relay_in(
        context.bot_data, lang, text, translated if ok else None, no_engine=no_engine
    )
    await post(context, case, body)
    await service.log(case.number, "in", text, translation=translated or "")


async def raise_alarm(update: Update, context: LotseContext, case: Case, lang: str) -> None:
    """Emergency words: the numbers to the newcomer at once, the case to the top."""
    service = service_of(context)
    assert service is not None
    await service.mark_urgent(case.number)
    await say(
        update,
        context,
        lang,
        views.emergency_text(context.bot_data, lang)
        + "\n\n"
        + t(context, lang, "handoff-emergency-urgent"),
    )
    text = context.bot_data.catalogues.staff_t("staff-case-urgent")
    await post(context, case, f"<b>{esc(text)}</b>")
    log.warning("handoff case %d marked urgent (emergency words)", case.number)


async def end_by_newcomer(update: Update, context: LotseContext) -> None:
    """Closes the newcomer's open case (/end or the button)."""
    await answer_query(update)
    lang = language_of(update, context)
    service = service_of(context)
    user = update.effective_user
    if service is None or user is None:
        await unavailable(update, context, lang)
        return
    menu = views.menu_keyboard(context.bot_data, lang)
    case = await service.open_case_of(user.id)
    if case is None:
        await say(update, context, lang, t(context, lang, "handoff-no-case"), menu)
        return
    await service.close(case.number, by="newcomer")
    text = context.bot_data.catalogues.staff_t("staff-ended-by-newcomer", case=case.number)
    try:
        await post(context, case, esc(text))
        await context.bot.close_forum_topic(group_of(context), case.thread_id)
    except TelegramError:
        log.warning("could not close the forum topic of case %d", case.number, exc_info=True)
    await say(update, context, lang, t(context, lang, "handoff-ended-by-you"), menu)


async def on_button(update: Update, context: LotseContext) -> None:
    """Routes ``handoff:v1:…`` buttons outside the description step."""
    query = update.callback_query
    data = callbacks.parse(query.data if query else None, callbacks.HANDOFF)
    parsed = data.action(HandoffAction) if data else None
    action = parsed[0] if parsed and not parsed[1] else None
    if action is HandoffAction.START:
        await start(update, context)
    elif action is HandoffAction.END:
        await end_by_newcomer(update, context)
    elif action is HandoffAction.NO:
        await answer_query(update)
        lang = language_of(update, context)
        menu = views.menu_keyboard(context.bot_data, lang)
        await say(update, context, lang, t(context, lang, "handoff-declined"), menu)
    elif action is HandoffAction.SKIP:
        # The description step was left (or the bot restarted): open it without one.
        await answer_query(update)
        await open_case(update, context, "")
    else:
        await stale_button(update, context)


# -- registration -------------------------------------------------------------------------------


def build_relay_handler() -> BaseHandler[Update, LotseContext, None]:
    """Private messages of a newcomer with an open case (before every other flow)."""
    return MessageHandler(PRIVATE & NEW_MESSAGE & ~filters.COMMAND, relay_from_newcomer)


def build_handler(*, persistent: bool) -> ConversationHandler[LotseContext]:
    """Consent given → the description step (its own group)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")
        return ConversationHandler(
            entry_points=[
                CallbackQueryHandler(
                    consented,
                    pattern=callbacks.pattern(callbacks.HANDOFF, HandoffAction.YES, whole=True),
                )
            ],
            states={
                State.ASK_SUBJECT: [
                    MessageHandler(
                        filters.TEXT & ~filters.COMMAND & PRIVATE & NEW_MESSAGE, subject_typed
                    ),
                    MessageHandler(
                        ~filters.TEXT & ~filters.COMMAND & PRIVATE & NEW_MESSAGE, subject_not_text
                    ),
                    CallbackQueryHandler(
                        subject_skipped,
                        pattern=callbacks.pattern(
                            callbacks.HANDOFF, HandoffAction.SKIP, whole=True
                        ),
                    ),
                ]
            },
            fallbacks=[CallbackQueryHandler(leave), MessageHandler(filters.ALL, leave)],
            name="handoff",
            persistent=persistent,
            allow_reentry=True,
        )


def build_handlers() -> list[BaseHandler[Update, LotseContext, Any]]:
    """The newcomer's buttons and /end."""
    return [
        CommandHandler("end", end_by_newcomer, filters=PRIVATE),
        CallbackQueryHandler(on_button, pattern=callbacks.pattern(callbacks.HANDOFF)),
    ]
