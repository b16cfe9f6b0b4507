"""Talking to a person, the counsellors' side: their commands and replies in the group.

The supergroup COUNSELLOR_CHAT_ID has one forum topic per case. A reply in a case's topic is
translated into the newcomer's language and delivered (the German original beneath), and the
counsellor sees what was sent. /claim, /release, /close [reason], /note (internal, never sent),
/cases. Only members of the group act as counsellors; talk outside case topics is their own.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError
from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from bot.context import LotseContext
from bot.flows import handoff_views as views
from bot.flows.common import NEW_MESSAGE, esc
from bot.flows.handoff import (
    PASS_THROUGH,
    group_of,
    kind_of,
    service_of,
    tell_newcomer,
    translate,
)
from bot.flows.staff import in_counsellor_group, is_counsellor, refuse, staff_reply
from bot.render import split_message
from bot.services.coverage import no_engine_for
from bot.services.handoff import Case

log = logging.getLogger(__name__)


def _counsellor_name(update: Update) -> str:
    user = update.effective_user
    return (user.full_name if user else "") or "?"


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
    service = service_of(context)
    message = update.effective_message
    thread = message.message_thread_id if message and message.is_topic_message else None
    case = await service.case_of_thread(thread) if service and thread else None
    if case is None and need_case:
        await staff_reply(update, catalogues.staff_t("staff-not-a-case"))
    if case is not None and need_open and not case.open:
        await staff_reply(update, catalogues.staff_t("staff-case-closed-already", case=case.number))
        return None
    return case


async def claim(update: Update, context: LotseContext) -> None:
    """A counsellor takes the case of this topic (/claim)."""
    case = await _case_here(update, context, need_open=True)
    service = service_of(context)
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
        await staff_reply(update, esc(text))
        return
    await service.log(case.number, "system", "claimed", by=_counsellor_name(update))
    text = catalogues.staff_t(
        "staff-claimed", case=case.number, counsellor=_counsellor_name(update)
    )
    await staff_reply(update, esc(text))
    if before is not None and not before.claimed_by:
        await tell_newcomer(context, case, "handoff-claimed")


async def release(update: Update, context: LotseContext) -> None:
    """Gives the case back to the queue (/release)."""
    case = await _case_here(update, context)
    service = service_of(context)
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
    service = service_of(context)
    if case is None or service is None:
        return
    catalogues = context.bot_data.catalogues
    reason = " ".join(context.args or [])
    await service.close(case.number, by=_counsellor_name(update), reason=reason)
    await tell_newcomer(context, case, "handoff-closed", case_number=case.number)
    text = catalogues.staff_t(
        "staff-closed-case", case=case.number, counsellor=_counsellor_name(update), reason=reason
    )
    await staff_reply(update, esc(text))
    try:
        await context.bot.close_forum_topic(group_of(context), case.thread_id)
    except TelegramError:
        log.warning("could not close the forum topic of case %d", case.number, exc_info=True)


async def note(update: Update, context: LotseContext) -> None:
    """An internal note on the case (/note text): kept in the transcript, never sent."""
    case = await _case_here(update, context)
    service = service_of(context)
    if case is None or service is None:
        return
    text = " ".join(context.args or []).strip()
    catalogues = context.bot_data.catalogues
    if not text:
        await staff_reply(update, catalogues.staff_t("staff-note-usage"))
        return
    await service.log(case.number, "note", text, by=_counsellor_name(update))
    await staff_reply(update, catalogues.staff_t("staff-note-saved"))


async def list_cases(update: Update, context: LotseContext) -> None:
    """Open cases with waiting times, urgent first (/cases)."""
    if not await is_counsellor(update, context):
        await refuse(update, context)
        return
    service = service_of(context)
    catalogues = context.bot_data.catalogues
    cases = await service.open_cases() if service is not None else []
    if service is None or not cases:
        await staff_reply(update, catalogues.staff_t("staff-cases-empty"))
        return
    now = service.clock()
    lines = [catalogues.staff_t("staff-cases-title", count=len(cases))]
    for case in cases:
        waiting = (
            views.format_waiting(catalogues, now - service.waiting_since(case))
            if service.waiting(case)
            else "–"
        )
        lines.append(views.case_line(catalogues, case, waiting))
    await staff_reply(update, "\n".join(lines))


async def relay_from_counsellor(update: Update, context: LotseContext) -> None:
    """A counsellor's message in a case topic: translated, delivered, and confirmed in German."""
    service = service_of(context)
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
            shown = translated if ok else None
            body = views.reply_to_newcomer(context.bot_data, lang, message.text, shown)
            for part in split_message(body):
                await context.bot.send_message(case.chat_id, part, parse_mode=ParseMode.HTML)
            await service.log(
                case.number,
                "out",
                message.text,
                translation=translated or "",
                by=_counsellor_name(update),
            )
            no_engine = not ok and await no_engine_for(context.bot_data.translator, "de", lang)
            confirmation = views.sent_confirmation(
                context.bot_data, lang, message.text, shown, no_engine=no_engine
            )
        else:
            caption = message.caption or ""
            translated, _ = await translate(context, caption, "de", lang)
            shown_caption = (
                f"{translated}\n\n{caption}"
                if caption and translated and translated != caption
                else caption
            )
            await context.bot.copy_message(
                case.chat_id,
                message.chat_id,
                message.message_id,
                caption=shown_caption[:1024] or None,
            )
            await service.log(
                case.number,
                "out",
                f"[{kind_of(message)}] {caption}".strip(),
                by=_counsellor_name(update),
            )
            confirmation = catalogues.staff_t("staff-sent-media")
    except Forbidden:
        await staff_reply(update, catalogues.staff_t("staff-send-failed"))
        return
    for part in split_message(esc(confirmation)):
        await staff_reply(update, part)
    if first_claim:
        text = catalogues.staff_t(
            "staff-claimed", case=case.number, counsellor=_counsellor_name(update)
        )
        await staff_reply(update, esc(text))


def build_handlers(group_id: int | None) -> list[BaseHandler[Update, LotseContext, Any]]:
    """The counsellors' commands (anyone may try; only members are obeyed) and topic messages."""
    handlers: list[BaseHandler[Update, LotseContext, Any]] = [
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
