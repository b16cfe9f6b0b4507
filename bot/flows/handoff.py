"""Talking to a person: a case per conversation, one forum topic per case, translated both ways.

Newcomer side: "talk to a person" → consent (what is shared, how long) → an optional one-line
description → the case opens with an honest expectation (office hours). While it is open,
everything they write goes to the case's topic in the counsellors' group, translated into German
with the original beneath; /end (or the button) closes it.

Counsellor side (the supergroup COUNSELLOR_CHAT_ID, with topics): the first post of a topic is a
German summary; a reply in the topic is translated into the newcomer's language and delivered,
and the counsellor sees what was sent. /claim, /release, /close [reason], /note (internal, never
sent), /cases. Only members of the group act as counsellors.

Safety: a message that suggests an emergency gets the emergency numbers at once and puts the
case at the top of the queue. Privacy: messages never enter the translation memory; closed
cases (transcript and topic) are deleted after HANDOFF_RETENTION_DAYS.
"""

from __future__ import annotations

import asyncio
import enum
import html
import logging
import warnings
from datetime import timedelta
from typing import Any

from redis.exceptions import RedisError
from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError
from telegram.ext import (
    Application,
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
from bot.context import LotseContext
from bot.flows.common import (
    NEW_MESSAGE,
    PRIVATE,
    answer_query,
    button,
    esc,
    label,
    language_of,
    say,
    stale_button,
    t,
)
from bot.flows.frontdesk import refuse, staff_reply
from bot.flows.staff import in_counsellor_group, is_counsellor
from bot.i18n import Catalogues, bidi, format_clock, format_day, language_name
from bot.render import MAX_MESSAGE_LENGTH
from bot.services.handoff import AlreadyOpen, Case, HandoffService
from bot.services.translator import TranslationFailed

log = logging.getLogger(__name__)

#: How often waiting cases and due deletions are looked at.
MAINTENANCE_INTERVAL_SECONDS = 60
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
#: Recorded as the bot's "answer" when a message suggested an emergency (for the summary).
EMERGENCY = "emergency"


class State(enum.IntEnum):
    """The one typed step before a case opens."""

    ASK_SUBJECT = 1


# -- helpers -------------------------------------------------------------------------------------


def _service(context: LotseContext) -> HandoffService | None:
    """The case store, when handoff is set up (Redis and a counsellors' group)."""
    if context.bot_data.settings.counsellor_chat_id is None:
        return None
    return context.bot_data.handoff


def _group(context: LotseContext) -> int:
    group = context.bot_data.settings.counsellor_chat_id
    assert group is not None
    return group


def chunks(text: str, size: int = MAX_MESSAGE_LENGTH - 200) -> list[str]:
    """Splits a long text at line breaks or spaces into parts Telegram accepts."""
    parts: list[str] = []
    while len(text) > size:
        cut = max(text.rfind("\n", 0, size), text.rfind(" ", 0, size))
        cut = cut if cut > size // 2 else size
        parts.append(text[:cut])
        text = text[cut:].lstrip()
    parts.append(text)
    return [p for p in parts if p]


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


def _end_keyboard(context: LotseContext, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(label(context, lang, "handoff-end"), callbacks.HANDOFF, "end")]]
    )


def _menu_keyboard(context: LotseContext, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(label(context, lang, "nav-menu"), callbacks.MENU, "show")]]
    )


async def _post(context: LotseContext, case: Case, text: str) -> None:
    """Posts HTML text into the case's topic (split when long)."""
    for part in chunks(text):
        await context.bot.send_message(
            _group(context), part, message_thread_id=case.thread_id, parse_mode=ParseMode.HTML
        )


def emergency_text(context: LotseContext, lang: str) -> str:
    """The emergency numbers in the reader's language."""
    words = context.bot_data.emergency
    numbers = words.numbers if words else {}
    return t(
        context,
        lang,
        "handoff-emergency",
        emergency=numbers.get("emergency", "112"),
        police=numbers.get("police", "110"),
        crisis=numbers.get("crisis", ""),
    )


def suggests_emergency(context: LotseContext, text: str, *languages: str) -> bool:
    """True when the text contains a word of the emergency lists of these languages."""
    words = context.bot_data.emergency
    return bool(words and text and words.suggests_emergency(text, languages))


async def remember(context: LotseContext, user_id: int, question: str, answer: str) -> None:
    """Notes a question and the bot's answer for a possible handoff summary (best effort)."""
    service = _service(context)
    if service is None:
        return
    try:
        await service.remember(user_id, question, answer)
    except RedisError:
        log.warning("could not note a recent question", exc_info=True)


# -- newcomer side -------------------------------------------------------------------------------


async def start(update: Update, context: LotseContext) -> None:
    """Explains what is shared with the counsellors and asks for consent."""
    await answer_query(update)
    lang = language_of(update, context)
    service = _service(context)
    if service is None:
        await unavailable(update, context, lang)
        return
    user = update.effective_user
    assert user is not None
    case = await service.open_case_of(user.id)
    if case is not None:
        text = t(context, lang, "handoff-already-open", case=case.number)
        await say(update, context, lang, text, _end_keyboard(context, lang))
        return
    keyboard = InlineKeyboardMarkup(
        [
            [button(label(context, lang, "handoff-consent-yes"), callbacks.HANDOFF, "yes")],
            [button(label(context, lang, "handoff-consent-no"), callbacks.HANDOFF, "no")],
        ]
    )
    days = context.bot_data.settings.handoff_retention_days
    await say(update, context, lang, t(context, lang, "handoff-consent", days=days), keyboard)


async def unavailable(update: Update, context: LotseContext, lang: str) -> None:
    """No counsellors in the chat (not set up, or storage down): MigraDO in person."""
    migrado = context.bot_data.content.current.offices.migrado
    text = t(context, lang, "handoff-unavailable", name=migrado.name, address=migrado.address)
    await say(update, context, lang, text, _menu_keyboard(context, lang))


async def consented(update: Update, context: LotseContext) -> State | int:
    """Asks for an optional one-line description of the matter."""
    await answer_query(update)
    lang = language_of(update, context)
    service = _service(context)
    if service is None:
        await unavailable(update, context, lang)
        raise ApplicationHandlerStop(ConversationHandler.END)
    user = update.effective_user
    assert user is not None
    case = await service.open_case_of(user.id)
    if case is not None:
        text = t(context, lang, "handoff-already-open", case=case.number)
        await say(update, context, lang, text, _end_keyboard(context, lang))
        raise ApplicationHandlerStop(ConversationHandler.END)
    keyboard = InlineKeyboardMarkup(
        [[button(label(context, lang, "handoff-skip-subject"), callbacks.HANDOFF, "skip")]]
    )
    await say(update, context, lang, t(context, lang, "handoff-ask-subject"), keyboard)
    raise ApplicationHandlerStop(State.ASK_SUBJECT)


async def subject_typed(update: Update, context: LotseContext) -> int:
    """Opens the case with the typed description."""
    message = update.effective_message
    await open_case(update, context, (message.text or "") if message else "")
    raise ApplicationHandlerStop(ConversationHandler.END)


async def subject_not_text(update: Update, context: LotseContext) -> State:
    """A sticker or photo instead of a description: asks again."""
    lang = language_of(update, context)
    keyboard = InlineKeyboardMarkup(
        [[button(label(context, lang, "handoff-skip-subject"), callbacks.HANDOFF, "skip")]]
    )
    await say(update, context, lang, t(context, lang, "handoff-ask-subject"), keyboard)
    raise ApplicationHandlerStop(State.ASK_SUBJECT)


async def subject_skipped(update: Update, context: LotseContext) -> int:
    """Opens the case without a description."""
    await answer_query(update)
    await open_case(update, context, "")
    raise ApplicationHandlerStop(ConversationHandler.END)


async def leave(update: Update, context: LotseContext) -> int:
    """Ends the description step when the person does something else."""
    return ConversationHandler.END


def _topic_label(context: LotseContext, answer: str) -> str:
    """A recent answer as German words for the summary ("Wohnsitz anmelden (eu)")."""
    question = context.bot_data.content.current.faqs.sources.get(answer)
    if question is not None:  # a frequent question ("registration/late")
        return question.question
    topic, _, variant = answer.partition(":")
    source = context.bot_data.content.current.sources.get(topic)
    if source is None:
        return answer
    option = source.options.get(variant) if variant else None
    return f"{source.title} ({option})" if option else source.title


async def open_case(update: Update, context: LotseContext, subject: str) -> None:
    """Opens the case: forum topic, German summary, and the newcomer's expectation."""
    lang = language_of(update, context)
    service = _service(context)
    user = update.effective_user
    chat = update.effective_chat
    if service is None or user is None or chat is None:
        await unavailable(update, context, lang)
        return
    try:
        number = await service.next_number(user.id)
    except AlreadyOpen as exc:
        text = t(context, lang, "handoff-already-open", case=exc.args[0])
        await say(update, context, lang, text, _end_keyboard(context, lang))
        return
    subject = " ".join(subject.split())[:1000]
    subject_de, _ = await translate(context, subject, lang, "de") if subject else ("", True)
    recent = await service.recent(user.id)
    urgent = suggests_emergency(context, subject, lang) or suggests_emergency(
        context, subject_de or "", "de"
    )
    urgent = urgent or any(answer == EMERGENCY for _, answer in recent)
    answers = [a for _, a in recent if a and a != EMERGENCY]
    topic = answers[-1] if answers else ""
    hours = context.bot_data.office_hours
    now = service.clock()
    out_of_hours = hours is not None and not hours.is_open(now)
    catalogues = context.bot_data.catalogues
    short = (subject_de or subject or catalogues.staff_t("staff-no-subject"))[:60]
    name = catalogues.staff_t("staff-case-topic", case=number, language=lang, subject=short)
    try:
        forum_topic = await context.bot.create_forum_topic(_group(context), name[:128])
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
        await context.bot.delete_forum_topic(_group(context), forum_topic.message_thread_id)
        text = t(context, lang, "handoff-already-open", case=exc.args[0])
        await say(update, context, lang, text, _end_keyboard(context, lang))
        return
    log.info("handoff case %d opened (lang=%s, urgent=%s)", case.number, lang, urgent)
    if urgent:
        await say(update, context, lang, emergency_text(context, lang))
    await _post(context, case, await summary(context, case, recent))
    if subject:
        await service.log(case.number, "in", subject, translation=subject_de or "")
    lines = [t(context, lang, "handoff-opened", case=case.number)]
    if urgent:
        lines.append(t(context, lang, "handoff-emergency-urgent"))
    if out_of_hours and hours is not None:
        opening = hours.next_opening(now)
        when = (
            f"{format_day(opening.date(), lang)}, {format_clock(opening, lang)}" if opening else "—"
        )
        lines.append(t(context, lang, "handoff-expect-later", when=when))
        keyboard = InlineKeyboardMarkup(
            [
                [button(label(context, lang, "menu-book"), callbacks.BOOK, "start")],
                [button(label(context, lang, "handoff-end"), callbacks.HANDOFF, "end")],
            ]
        )
    else:
        lines.append(t(context, lang, "handoff-expect-now"))
        keyboard = _end_keyboard(context, lang)
    await say(update, context, lang, "\n\n".join(lines), keyboard)


async def summary(context: LotseContext, case: Case, recent: list[tuple[str, str]]) -> str:
    """The German first post of a case's topic."""
    c = context.bot_data.catalogues
    lines = [f"<b>{esc(c.staff_t('staff-case-new', case=case.number, name=case.name))}</b>"]
    if case.urgent:
        lines.append(f"<b>{esc(c.staff_t('staff-case-urgent'))}</b>")
    lines.append(esc(c.staff_t("staff-case-language", language=_german_language(case.lang))))
    if case.topic:
        lines.append(esc(c.staff_t("staff-case-detected", topic=_topic_label(context, case.topic))))
    if case.subject:
        shown = case.subject_de or case.subject
        lines.append(f"{esc(c.staff_t('staff-case-subject'))} {esc(shown)}")
        if case.subject_de and case.subject_de != case.subject:
            original = c.staff_t("staff-case-subject-original")
            lines.append(f"<i>{esc(original)} {esc(case.subject)}</i>")
    questions = [(q, a) for q, a in recent if q or a]
    if questions:
        lines.append(esc(c.staff_t("staff-case-recent")))
        for question, answer in questions:
            label_ = (
                c.staff_t("staff-emergency-words")
                if answer == EMERGENCY
                else _topic_label(context, answer)
            )
            lines.append(
                esc(c.staff_t("staff-case-recent-line", question=question or "–", answer=label_))
            )
    booking_service = context.bot_data.booking
    schedule = context.bot_data.content.current.booking
    bookings = await booking_service.bookings_of(case.user_id) if booking_service else []
    if bookings and schedule is not None:
        shorts = {sid: service.short for sid, service in schedule.services.items()}
        described = "; ".join(
            f"{shorts.get(b.service_id, b.service_id)} "
            f"{schedule.local(b.start):%d.%m. %H:%M} (Nr. {b.display_code})"
            for b in bookings
        )
        lines.append(esc(c.staff_t("staff-case-bookings", bookings=described)))
    else:
        lines.append(esc(c.staff_t("staff-case-no-bookings")))
    if case.out_of_hours:
        lines.append(esc(c.staff_t("staff-case-out-of-hours")))
    lines.append(f"\n<i>{esc(c.staff_t('staff-case-hint'))}</i>")
    return "\n".join(lines)


def _german_language(code: str) -> str:
    return f"{language_name(code, 'de')} ({code})"


async def relay_from_newcomer(update: Update, context: LotseContext) -> None:
    """While a case is open: passes the newcomer's message to its topic, translated."""
    service = _service(context)
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
        if suggests_emergency(context, message.text, lang) and not case.urgent:
            await raise_alarm(update, context, case, lang)
    elif PASS_THROUGH.check_update(update):
        await context.bot.copy_message(
            _group(context), message.chat_id, message.message_id, message_thread_id=case.thread_id
        )
        caption = message.caption or ""
        note = context.bot_data.catalogues.staff_t("staff-relay-media")
        if caption:
            translated, _ = await translate(context, caption, lang, "de")
            note += "\n" + html.escape(translated or caption, quote=False)
        await _post(context, case, note)
        await service.log(case.number, "in", f"[{_kind(message)}] {caption}".strip())
    else:
        reader = language_of(update, context)
        await say(update, context, reader, t(context, reader, "handoff-media-not-sent"))
    raise ApplicationHandlerStop


def _kind(message: Message) -> str:
    for kind in ("photo", "document", "voice", "audio", "video", "video_note", "location"):
        if getattr(message, kind, None):
            return kind
    return "media"


async def relay_text(context: LotseContext, case: Case, text: str, lang: str) -> None:
    """One newcomer message into the topic: the German translation, the original beneath."""
    service = _service(context)
    assert service is not None
    catalogues = context.bot_data.catalogues
    translated, ok = await translate(context, text, lang, "de")
    original = esc(catalogues.staff_t("staff-relay-original", language=lang))
    if lang == "de":
        body = f"🗣 {esc(text)}"
    elif ok and translated is not None:
        body = f"🗣 {esc(translated)}\n\n<i>{original}</i> {esc(text)}"
    else:
        untranslated = esc(catalogues.staff_t("staff-relay-untranslated"))
        body = f"{original} {esc(text)}\n<i>{untranslated}</i>"
    await _post(context, case, body)
    await service.log(case.number, "in", text, translation=translated or "")


async def raise_alarm(update: Update, context: LotseContext, case: Case, lang: str) -> None:
    """Emergency words: the numbers to the newcomer at once, the case to the top."""
    service = _service(context)
    assert service is not None
    await service.mark_urgent(case.number)
    await say(
        update,
        context,
        lang,
        emergency_text(context, lang) + "\n\n" + t(context, lang, "handoff-emergency-urgent"),
    )
    text = context.bot_data.catalogues.staff_t("staff-case-urgent")
    await _post(context, case, f"<b>{html.escape(text, quote=False)}</b>")
    log.warning("handoff case %d marked urgent (emergency words)", case.number)


async def end_by_newcomer(update: Update, context: LotseContext) -> None:
    """Closes the newcomer's open case (/end or the button)."""
    await answer_query(update)
    lang = language_of(update, context)
    service = _service(context)
    user = update.effective_user
    if service is None or user is None:
        await unavailable(update, context, lang)
        return
    case = await service.open_case_of(user.id)
    if case is None:
        await say(
            update,
            context,
            lang,
            t(context, lang, "handoff-no-case"),
            _menu_keyboard(context, lang),
        )
        return
    await service.close(case.number, by="newcomer")
    text = context.bot_data.catalogues.staff_t("staff-ended-by-newcomer", case=case.number)
    try:
        await _post(context, case, html.escape(text, quote=False))
        await context.bot.close_forum_topic(_group(context), case.thread_id)
    except TelegramError:
        log.warning("could not close the forum topic of case %d", case.number, exc_info=True)
    await say(
        update,
        context,
        lang,
        t(context, lang, "handoff-ended-by-you"),
        _menu_keyboard(context, lang),
    )


async def on_button(update: Update, context: LotseContext) -> None:
    """Routes ``handoff:v1:…`` buttons outside the description step."""
    query = update.callback_query
    data = callbacks.parse(query.data if query else None, callbacks.HANDOFF)
    action = data.args[0] if data and len(data.args) == 1 else None
    if action == "start":
        await start(update, context)
    elif action == "end":
        await end_by_newcomer(update, context)
    elif action == "no":
        await answer_query(update)
        lang = language_of(update, context)
        await say(
            update,
            context,
            lang,
            t(context, lang, "handoff-declined"),
            _menu_keyboard(context, lang),
        )
    elif action == "skip":
        # The description step was left (or the bot restarted): open it without one.
        await answer_query(update)
        await open_case(update, context, "")
    else:
        await stale_button(update, context)


# -- counsellor side -------------------------------------------------------------------------------


async def _case_here(
    update: Update, context: LotseContext, *, need_case: bool = True, need_open: bool = False
) -> Case | None:
    """The case of the topic a counsellor command came from, after checking who and where."""
    if not await is_counsellor(update, context):
        await refuse(update, context)
        return None
    catalogues = context.bot_data.catalogues
    if not in_counsellor_group(update, context):
        await staff_reply(update, catalogues.staff_t("staff-use-group"))
        return None
    service = _service(context)
    message = update.effective_message
    thread = message.message_thread_id if message and message.is_topic_message else None
    case = await service.case_of_thread(thread) if service and thread else None
    if case is None and need_case:
        await staff_reply(update, catalogues.staff_t("staff-not-a-case"))
    if case is not None and need_open and not case.open:
        await staff_reply(update, catalogues.staff_t("staff-case-closed-already", case=case.number))
        return None
    return case


def _counsellor_name(update: Update) -> str:
    user = update.effective_user
    return (user.full_name if user else "") or "?"


async def claim(update: Update, context: LotseContext) -> None:
    """A counsellor takes the case of this topic (/claim)."""
    case = await _case_here(update, context, need_open=True)
    service = _service(context)
    if case is None or service is None:
        return
    catalogues = context.bot_data.catalogues
    user = update.effective_user
    assert user is not None
    before = await service.claim(case.number, user.id, _counsellor_name(update))
    if before is not None and before.claimed_by and before.claimed_by != user.id:
        text = catalogues.staff_t(
            "staff-already-claimed", case=case.number, counsellor=before.claimed_name
        )
        await staff_reply(update, html.escape(text, quote=False))
        return
    await service.log(case.number, "system", "claimed", by=_counsellor_name(update))
    text = catalogues.staff_t(
        "staff-claimed", case=case.number, counsellor=_counsellor_name(update)
    )
    await staff_reply(update, html.escape(text, quote=False))
    if before is not None and not before.claimed_by:
        await _tell_newcomer(context, case, t_key="handoff-claimed")


async def release(update: Update, context: LotseContext) -> None:
    """Gives the case back to the queue (/release)."""
    case = await _case_here(update, context)
    service = _service(context)
    if case is None or service is None:
        return
    await service.release(case.number)
    await service.log(case.number, "system", "released", by=_counsellor_name(update))
    await staff_reply(
        update, context.bot_data.catalogues.staff_t("staff-released", case=case.number)
    )


async def close(update: Update, context: LotseContext) -> None:
    """Closes the case (/close [reason]); the newcomer hears it in their language."""
    case = await _case_here(update, context, need_open=True)
    service = _service(context)
    if case is None or service is None:
        return
    catalogues = context.bot_data.catalogues
    reason = " ".join(context.args or [])
    await service.close(case.number, by=_counsellor_name(update), reason=reason)
    await _tell_newcomer(context, case, t_key="handoff-closed", case_number=case.number)
    text = catalogues.staff_t(
        "staff-closed-case", case=case.number, counsellor=_counsellor_name(update), reason=reason
    )
    await staff_reply(update, html.escape(text, quote=False))
    try:
        await context.bot.close_forum_topic(_group(context), case.thread_id)
    except TelegramError:
        log.warning("could not close the forum topic of case %d", case.number, exc_info=True)


async def note(update: Update, context: LotseContext) -> None:
    """An internal note on the case (/note text): kept in the transcript, never sent."""
    case = await _case_here(update, context)
    service = _service(context)
    if case is None or service is None:
        return
    text = " ".join(context.args or []).strip()
    catalogues = context.bot_data.catalogues
    if not text:
        await staff_reply(update, catalogues.staff_t("staff-note-usage"))
        return
    await service.log(case.number, "note", text, by=_counsellor_name(update))
    await staff_reply(update, catalogues.staff_t("staff-note-saved"))


def format_waiting(catalogues: Catalogues, delta: timedelta) -> str:
    """ "12 Min." or "2 Std. 5 Min." for counsellors."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return catalogues.staff_t("staff-minutes", minutes=minutes)
    return catalogues.staff_t("staff-hours", hours=minutes // 60, minutes=minutes % 60)


async def list_cases(update: Update, context: LotseContext) -> None:
    """Open cases with waiting times, urgent first (/cases)."""
    if not await is_counsellor(update, context):
        await refuse(update, context)
        return
    service = _service(context)
    catalogues = context.bot_data.catalogues
    if service is None:
        await staff_reply(update, catalogues.staff_t("staff-cases-empty"))
        return
    cases = await service.open_cases()
    if not cases:
        await staff_reply(update, catalogues.staff_t("staff-cases-empty"))
        return
    now = service.clock()
    lines = [catalogues.staff_t("staff-cases-title", count=len(cases))]
    for case in cases:
        waiting = (
            format_waiting(catalogues, now - service.waiting_since(case))
            if service.waiting(case)
            else "–"
        )
        line = catalogues.staff_t(
            "staff-cases-line",
            urgent="🚨 " if case.urgent else "",
            case=case.number,
            language=case.lang,
            waiting=waiting,
            who=case.claimed_name or catalogues.staff_t("staff-unclaimed"),
            subject=(case.subject_de or case.subject or catalogues.staff_t("staff-no-subject"))[
                :60
            ],
        )
        lines.append(html.escape(line, quote=False))
    await staff_reply(update, "\n".join(lines))


async def relay_from_counsellor(update: Update, context: LotseContext) -> None:
    """A counsellor's message in a case topic: translated, delivered, and confirmed in German."""
    service = _service(context)
    message = update.effective_message
    user = update.effective_user
    if service is None or message is None or user is None or user.is_bot:
        return
    thread = message.message_thread_id if message.is_topic_message else None
    case = await service.case_of_thread(thread) if thread else None
    if case is None:
        return  # the counsellors' own talk, outside any case
    catalogues = context.bot_data.catalogues
    if not case.open:
        await staff_reply(update, catalogues.staff_t("staff-case-closed-already", case=case.number))
        return
    before = await service.claim(case.number, user.id, _counsellor_name(update))
    first_claim = before is not None and not before.claimed_by
    lang = case.lang
    try:
        if message.text:
            translated, ok = await translate(context, message.text, "de", lang)
            await _deliver_text(context, case, message.text, translated if ok else None)
            await service.log(
                case.number,
                "out",
                message.text,
                translation=translated or "",
                by=_counsellor_name(update),
            )
            sent = catalogues.staff_t("staff-sent", language=_german_language(lang))
            if lang == "de":
                confirmation = f"{sent} {message.text}"
            elif ok and translated is not None:
                confirmation = f"{sent} {translated}"
            else:
                confirmation = catalogues.staff_t("staff-sent-untranslated")
        else:
            caption = message.caption or ""
            translated, _ = await translate(context, caption, "de", lang)
            shown = (
                f"{translated}\n\n{caption}"
                if caption and translated and translated != caption
                else caption
            )
            await context.bot.copy_message(
                case.chat_id, message.chat_id, message.message_id, caption=shown[:1024] or None
            )
            await service.log(
                case.number,
                "out",
                f"[{_kind(message)}] {caption}".strip(),
                by=_counsellor_name(update),
            )
            confirmation = catalogues.staff_t("staff-sent-media")
    except Forbidden:
        await staff_reply(update, catalogues.staff_t("staff-send-failed"))
        return
    for part in chunks(html.escape(confirmation, quote=False)):
        await staff_reply(update, part)
    if first_claim:
        text = catalogues.staff_t(
            "staff-claimed", case=case.number, counsellor=_counsellor_name(update)
        )
        await staff_reply(update, html.escape(text, quote=False))


async def _deliver_text(
    context: LotseContext, case: Case, german: str, translated: str | None
) -> None:
    """The counsellor's words to the newcomer: the translation, the German original beneath."""
    lang = case.lang
    c = context.bot_data.catalogues
    if lang == "de":
        body = f"<b>{esc(c.t(lang, 'handoff-reply'))}</b>\n{esc(german)}"
    elif translated is not None:
        body = (
            f"<b>{esc(c.t(lang, 'handoff-reply'))}</b>\n{esc(translated)}\n\n"
            f"<i>{esc(c.t(lang, 'handoff-original'))}</i>\n{esc(german)}"
        )
    else:
        note = esc(c.t(lang, "handoff-not-translated"))
        body = f"<b>{esc(c.t(lang, 'handoff-reply'))}</b>\n<i>{note}</i>\n{esc(german)}"
    for part in chunks(bidi(lang, body)):
        await context.bot.send_message(case.chat_id, part, parse_mode=ParseMode.HTML)


async def _tell_newcomer(context: LotseContext, case: Case, *, t_key: str, **args: object) -> None:
    """A short notice to the newcomer in their language (claimed, closed)."""
    args.setdefault("case", case.number)
    text = html.escape(context.bot_data.catalogues.t(case.lang, t_key, **args), quote=False)
    try:
        await context.bot.send_message(case.chat_id, text, parse_mode=ParseMode.HTML)
    except TelegramError:
        log.warning("could not tell the newcomer of case %d", case.number, exc_info=True)


# -- background: re-announcing, deleting -----------------------------------------------------------


async def run_maintenance(app: Application[Any, Any, Any, Any, Any, Any]) -> tuple[int, int]:
    """Announces long-waiting cases again (during office hours) and deletes expired ones."""
    bot_data = app.bot_data
    service: HandoffService | None = bot_data.handoff
    group = bot_data.settings.counsellor_chat_id
    if service is None or group is None:
        return 0, 0
    announced = 0
    hours = bot_data.office_hours
    if hours is None or hours.is_open(service.clock()):
        after = timedelta(minutes=bot_data.settings.handoff_reannounce_minutes)
        for case in await service.due_announcements(after):
            duration = format_waiting(
                bot_data.catalogues, service.clock() - service.waiting_since(case)
            )
            text = bot_data.catalogues.staff_t(
                "staff-waiting-again", case=case.number, language=case.lang, waiting=duration
            )
            try:
                await app.bot.send_message(group, ("🚨 " if case.urgent else "") + text)
                announced += 1
            except TelegramError:
                log.warning("could not announce a waiting case", exc_info=True)
    deleted = 0
    for thread in await service.due_purges():
        deleted += 1
        try:
            await app.bot.delete_forum_topic(group, thread)
        except TelegramError:
            log.warning("could not delete an expired case topic", exc_info=True)
    return announced, deleted


async def maintenance_loop(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Runs for the life of the bot (first after one interval)."""
    while True:
        await asyncio.sleep(MAINTENANCE_INTERVAL_SECONDS)
        try:
            await run_maintenance(app)
        except RedisError:
            log.warning("handoff maintenance: storage unavailable", exc_info=True)
        except Exception:  # the loop must survive any single failure
            log.exception("handoff maintenance: unexpected error")


async def forget_user(context: LotseContext, user_id: int) -> None:
    """Deletes the person's cases and their topics at once (/delete_my_data)."""
    service = _service(context)
    if service is None:
        return
    case = await service.open_case_of(user_id)
    if case is not None:
        text = context.bot_data.catalogues.staff_t("staff-deleted-by-user", case=case.number)
        try:
            await context.bot.send_message(_group(context), text)
        except TelegramError:
            log.warning("could not tell the group about a deletion", exc_info=True)
    for thread in await service.forget_user(user_id):
        try:
            await context.bot.delete_forum_topic(_group(context), thread)
        except TelegramError:
            log.warning("could not delete a case topic", exc_info=True)


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
                    consented, pattern=rf"^{callbacks.HANDOFF}:{callbacks.VERSION}:yes$"
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
                        subject_skipped, pattern=rf"^{callbacks.HANDOFF}:{callbacks.VERSION}:skip$"
                    ),
                ]
            },
            fallbacks=[CallbackQueryHandler(leave), MessageHandler(filters.ALL, leave)],
            name="handoff",
            persistent=persistent,
            allow_reentry=True,
        )


def build_handlers(group_id: int | None) -> list[BaseHandler[Update, LotseContext, Any]]:
    """Newcomer buttons and /end; the counsellors' commands and topic messages."""
    handlers: list[BaseHandler[Update, LotseContext, Any]] = [
        CommandHandler("end", end_by_newcomer, filters=PRIVATE),
        CallbackQueryHandler(on_button, pattern=callbacks.pattern(callbacks.HANDOFF)),
        CommandHandler("claim", claim),
        CommandHandler("release", release),
        CommandHandler("close", close),
        CommandHandler("note", note),
        CommandHandler("cases", list_cases),
    ]
    if group_id is not None:
        handlers.append(
            MessageHandler(
                filters.Chat(chat_id=group_id)
                & NEW_MESSAGE
                & ~filters.COMMAND
                & (filters.TEXT | PASS_THROUGH),
                relay_from_counsellor,
            )
        )
    return handlers
