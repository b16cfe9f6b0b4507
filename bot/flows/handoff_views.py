"""What the handoff shows: plain functions from cases and messages to text (and keys).

Counsellors read German (``translations/de/staff.ftl``); newcomers read their own language.
Nothing here sends, stores or translates: the flows (``handoff``, ``counsellors``) and the
background jobs pass in what they know and send what comes back.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from telegram import InlineKeyboardMarkup

from bot import callbacks
from bot.callbacks import BookAction, HandoffAction, MenuAction
from bot.context import BotData
from bot.flows.common import View, button, esc, label_of, text_of
from bot.i18n import Catalogues, bidi, format_clock, format_day, language_name
from bot.services.booking import Booking
from bot.services.handoff import Case
from bot.services.schedule import Schedule

#: Recorded as the bot's "answer" when a message suggested an emergency (for the summary).
EMERGENCY = "emergency"


def german_language(code: str) -> str:
    """ "Persisch (fa)": a language as counsellors read it."""
    return f"{language_name(code, 'de')} ({code})"


def format_waiting(catalogues: Catalogues, delta: timedelta) -> str:
    """ "12 Min." or "2 Std. 5 Min." for counsellors."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return catalogues.staff_t("staff-minutes", minutes=minutes)
    return catalogues.staff_t("staff-hours", hours=minutes // 60, minutes=minutes % 60)


def topic_label(bot_data: BotData, answer: str) -> str:
    """A recent answer as German words for the summary ("Wohnsitz anmelden (eu)")."""
    question = bot_data.content.current.faqs.sources.get(answer)
    if question is not None:  # a frequent question ("registration/late")
        return question.question
    topic, _, variant = answer.partition(":")
    source = bot_data.content.current.sources.get(topic)
    if source is None:
        return answer
    option = source.options.get(variant) if variant else None
    return f"{source.title} ({option})" if option else source.title


def emergency_text(bot_data: BotData, lang: str) -> str:
    """The emergency numbers in the reader's language (HTML)."""
    words = bot_data.emergency
    numbers = words.numbers if words else {}
    return text_of(
        bot_data,
        lang,
        "handoff-emergency",
        emergency=numbers.get("emergency", "112"),
        police=numbers.get("police", "110"),
        crisis=numbers.get("crisis", ""),
    )


# -- newcomer side -------------------------------------------------------------------------------


def end_keyboard(bot_data: BotData, lang: str) -> InlineKeyboardMarkup:
    """Only "end the conversation"."""
    return InlineKeyboardMarkup(
        [[button(label_of(bot_data, lang, "handoff-end"), callbacks.HANDOFF, HandoffAction.END)]]
    )


def menu_keyboard(bot_data: BotData, lang: str) -> InlineKeyboardMarkup:
    """Only the way back to the menu."""
    return InlineKeyboardMarkup(
        [[button(label_of(bot_data, lang, "nav-menu"), callbacks.MENU, MenuAction.SHOW)]]
    )


def consent(bot_data: BotData, lang: str) -> View:
    """What is shared with the counsellors and for how long; agree or not."""
    keyboard = InlineKeyboardMarkup(
        [
            [
                button(
                    label_of(bot_data, lang, "handoff-consent-yes"),
                    callbacks.HANDOFF,
                    HandoffAction.YES,
                )
            ],
            [
                button(
                    label_of(bot_data, lang, "handoff-consent-no"),
                    callbacks.HANDOFF,
                    HandoffAction.NO,
                )
            ],
        ]
    )
    days = bot_data.settings.handoff_retention_days
    return View(text_of(bot_data, lang, "handoff-consent", days=days), keyboard)


def already_open(bot_data: BotData, lang: str, number: int) -> View:
    """The person has an open case already."""
    return View(
        text_of(bot_data, lang, "handoff-already-open", case=number), end_keyboard(bot_data, lang)
    )


def unavailable(bot_data: BotData, lang: str) -> View:
    """No counsellors in the chat (not set up, or storage down): MigraDO in person."""
    migrado = bot_data.content.current.offices.migrado
    text = text_of(
        bot_data, lang, "handoff-unavailable", name=migrado.name, address=migrado.address
    )
    return View(text, menu_keyboard(bot_data, lang))


def ask_subject(bot_data: BotData, lang: str) -> View:
    """The optional one-line description, with a skip button."""
    keyboard = InlineKeyboardMarkup(
        [
            [
                button(
                    label_of(bot_data, lang, "handoff-skip-subject"),
                    callbacks.HANDOFF,
                    HandoffAction.SKIP,
                )
            ]
        ]
    )
    return View(text_of(bot_data, lang, "handoff-ask-subject"), keyboard)


def opened(
    bot_data: BotData, lang: str, number: int, *, urgent: bool, opening: datetime | None, late: bool
) -> View:
    """The case is open: what to expect (now, or when counselling starts again)."""
    lines = [text_of(bot_data, lang, "handoff-opened", case=number)]
    if urgent:
        lines.append(text_of(bot_data, lang, "handoff-emergency-urgent"))
    if late:
        when = (
            f"{format_day(opening.date(), lang)}, {format_clock(opening, lang)}" if opening else "—"
        )
        lines.append(text_of(bot_data, lang, "handoff-expect-later", when=when))
        keyboard = InlineKeyboardMarkup(
            [
                [button(label_of(bot_data, lang, "menu-book"), callbacks.BOOK, BookAction.START)],
                [
                    button(
                        label_of(bot_data, lang, "handoff-end"),
                        callbacks.HANDOFF,
                        HandoffAction.END,
                    )
                ],
            ]
        )
    else:
        lines.append(text_of(bot_data, lang, "handoff-expect-now"))
        keyboard = end_keyboard(bot_data, lang)
    return View("\n\n".join(lines), keyboard)


def reply_to_newcomer(bot_data: BotData, lang: str, german: str, translated: str | None) -> str:
    """A counsellor's words for the newcomer: the translation, the German original beneath."""
    c = bot_data.catalogues
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
    return bidi(lang, body)


def notice(bot_data: BotData, case: Case, key: str, **args: object) -> str:
    """A short notice to the newcomer in their language (claimed, closed)."""
    args.setdefault("case", case.number)
    return html.escape(bot_data.catalogues.t(case.lang, key, **args), quote=False)


# -- counsellor side -----------------------------------------------------------------------------


def summary(
    bot_data: BotData,
    case: Case,
    recent: list[tuple[str, str]],
    bookings: list[Booking],
    schedule: Schedule | None,
) -> str:
    """The German first post of a case's topic."""
    c = bot_data.catalogues
    lines = [f"<b>{esc(c.staff_t('staff-case-new', case=case.number, name=case.name))}</b>"]
    if case.urgent:
        lines.append(f"<b>{esc(c.staff_t('staff-case-urgent'))}</b>")
    lines.append(esc(c.staff_t("staff-case-language", language=german_language(case.lang))))
    if case.topic:
        lines.append(esc(c.staff_t("staff-case-detected", topic=topic_label(bot_data, case.topic))))
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
            answered = (
                c.staff_t("staff-emergency-words")
                if answer == EMERGENCY
                else topic_label(bot_data, answer)
            )
            lines.append(
                esc(c.staff_t("staff-case-recent-line", question=question or "–", answer=answered))
            )
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


def relay_in(
    bot_data: BotData, lang: str, text: str, translated: str | None, *, no_engine: bool = False
) -> str:
    """A newcomer's message for the counsellors: the German translation, the original beneath.

    Untranslated, it says why: ``no_engine`` (no machine translation is set up for the
    language at all) or the translation service failed just now."""
    catalogues = bot_data.catalogues
    original = esc(catalogues.staff_t("staff-relay-original", language=lang))
    if lang == "de":
        return f"🗣 {esc(text)}"
    if translated is not None:
        return f"🗣 {esc(translated)}\n\n<i>{original}</i> {esc(text)}"
    if no_engine:
        why = catalogues.staff_t("staff-relay-no-engine", language=german_language(lang))
    else:
        why = catalogues.staff_t("staff-relay-untranslated")
    return f"{original} {esc(text)}\n<i>{esc(why)}</i>"


def relay_media(bot_data: BotData, caption_de: str) -> str:
    """The note under a file or photo a newcomer sent (its caption in German)."""
    note = bot_data.catalogues.staff_t("staff-relay-media")
    return note + ("\n" + esc(caption_de) if caption_de else "")


def sent_confirmation(
    bot_data: BotData,
    lang: str,
    german: str,
    translated: str | None,
    *,
    no_engine: bool = False,
) -> str:
    """What the counsellor is told after their words went out (plain text); untranslated, why
    (``no_engine``: no machine translation is set up for the language)."""
    catalogues = bot_data.catalogues
    sent = catalogues.staff_t("staff-sent", language=german_language(lang))
    if lang == "de":
        return f"{sent} {german}"
    if translated is not None:
        return f"{sent} {translated}"
    if no_engine:
        return catalogues.staff_t("staff-sent-no-engine", language=german_language(lang))
    return catalogues.staff_t("staff-sent-untranslated")


def case_line(catalogues: Catalogues, case: Case, waiting: str) -> str:
    """One line of /cases (HTML)."""
    line = catalogues.staff_t(
        "staff-cases-line",
        urgent="🚨 " if case.urgent else "",
        case=case.number,
        language=case.lang,
        waiting=waiting,
        who=case.claimed_name or catalogues.staff_t("staff-unclaimed"),
        subject=(case.subject_de or case.subject or catalogues.staff_t("staff-no-subject"))[:60],
    )
    return html.escape(line, quote=False)


def waiting_again(catalogues: Catalogues, case: Case, waiting: str) -> str:
    """The re-announcement of a case nobody has answered."""
    text = catalogues.staff_t(
        "staff-waiting-again", case=case.number, language=case.lang, waiting=waiting
    )
    return ("🚨 " if case.urgent else "") + text
