"""What the booking flows show: plain functions from bot data and booking state to text and keys.

Nothing here sends or stores; the flows (``booking``, ``mybookings``) and the background jobs
(reminders, closed-day notices) call these and send the result. Texts are Telegram HTML.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from urllib.parse import quote_plus

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.callbacks import BookAction, HandoffAction, MenuAction
from bot.context import BotData
from bot.flows.common import View, button, esc, label_of, rows, text_of
from bot.i18n import bidi, format_clock, format_day, language_name
from bot.languages import BY_CODE, CODES
from bot.services.booking import Booking, Hold
from bot.services.calendar import Event
from bot.services.schedule import Schedule, Slot

#: How far back a calendar entry reminds: the day before and two hours before (minutes).
CALENDAR_ALARMS = (24 * 60, 120)


def _book(text: str, action: BookAction, *args: str) -> InlineKeyboardButton:
    return button(text, callbacks.BOOK, action, *args)


def menu_button(bot_data: BotData, lang: str) -> InlineKeyboardButton:
    """Back to the topic menu."""
    return button(label_of(bot_data, lang, "nav-menu"), callbacks.MENU, MenuAction.SHOW)


def menu_row(bot_data: BotData, lang: str) -> InlineKeyboardMarkup:
    """Only the way back to the menu."""
    return InlineKeyboardMarkup([[menu_button(bot_data, lang)]])


def slot_label(schedule: Schedule, slot: Slot, lang: str, *, with_day: bool = False) -> str:
    """ "09:30", or "Do., 3. Dez. · 09:30" with the day."""
    local = schedule.local(slot.start)
    clock = format_clock(local, lang)
    return f"{format_day(local.date(), lang, short=True)} · {clock}" if with_day else clock


def interpreter_label(bot_data: BotData, code: str, lang: str) -> str:
    """The interpreter language as the reader calls it."""
    if not code or code == "none":
        return bot_data.catalogues.t(lang, "booking-interpreter-none")
    return language_name(code, lang)


def details(
    bot_data: BotData,
    lang: str,
    schedule: Schedule,
    service_id: str,
    start: datetime,
    *,
    interpreter: str,
    name: str,
    phone: str,
    code: str = "",
) -> str:
    """The appointment as labelled lines (HTML)."""
    text = schedule.text(service_id, lang)
    migrado = bot_data.content.current.offices.migrado
    local = schedule.local(start)

    def key(name: str) -> str:
        return text_of(bot_data, lang, f"booking-label-{name}")

    lines = [
        f"{key('service')}: <b>{esc(text.name if text else '')}</b>",
        f"{key('when')}: <b>{esc(format_day(local.date(), lang))}, "
        f"{esc(format_clock(local, lang))}</b>",
        f"{key('where')}: {esc(migrado.name)}, {esc(migrado.address)}",
        f"{key('interpreter')}: {esc(interpreter_label(bot_data, interpreter, lang))}",
        f"{key('name')}: {esc(name)}",
    ]
    if phone:
        lines.append(f"{key('phone')}: {esc(phone)}")
    if code:
        lines.append(f"{key('code')}: <b>{esc(code.upper())}</b>")
    return "\n".join(lines)


def booking_details(bot_data: BotData, lang: str, schedule: Schedule, booking: Booking) -> str:
    """A booking as labelled lines, with its code (HTML)."""
    return details(
        bot_data,
        lang,
        schedule,
        booking.service_id,
        booking.start,
        interpreter=booking.interpreter,
        name=booking.name,
        phone=booking.phone,
        code=booking.code,
    )


def checklist(bot_data: BotData, lang: str, schedule: Schedule, service_id: str) -> str:
    """What to bring to this service, as a bulleted list under its title."""
    text = schedule.text(service_id, lang)
    items = "\n".join(f"• {esc(b)}" for b in (text.bring if text else ()))
    return f"{text_of(bot_data, lang, 'booking-bring-title')}\n{items}"


def slot_buttons(
    schedule: Schedule,
    slots: list[Slot],
    lang: str,
    *,
    with_day: bool,
    action: BookAction,
    key: str,
) -> list[list[InlineKeyboardButton]]:
    """One button per free time (three to a row, or one per row with the day)."""
    buttons = [
        _book(slot_label(schedule, s, lang, with_day=with_day), action, key, s.id) for s in slots
    ]
    return rows(buttons, 1 if with_day else 3)


# -- choosing ----------------------------------------------------------------------------------


def unavailable(bot_data: BotData, lang: str) -> View:
    """Booking cannot be done now (no Redis, no schedule): MigraDO's address instead."""
    migrado = bot_data.content.current.offices.migrado
    text = text_of(
        bot_data, lang, "booking-unavailable", name=migrado.name, address=migrado.address
    )
    return View(text, menu_row(bot_data, lang))


def services(bot_data: BotData, lang: str, schedule: Schedule) -> View:
    """MigraDO's services, one button each."""
    migrado = bot_data.content.current.offices.migrado
    keyboard = [
        [_book(found.short, BookAction.SERVICE, sid)]
        for sid in schedule.services
        if (found := schedule.text(sid, lang)) is not None
    ]
    keyboard.append([menu_button(bot_data, lang)])
    text = text_of(bot_data, lang, "booking-choose-service", address=migrado.address)
    return View(text, InlineKeyboardMarkup(keyboard))


def no_days(bot_data: BotData, lang: str, schedule: Schedule) -> View:
    """Nothing free within the horizon: the menu or a person."""
    text = text_of(bot_data, lang, "booking-no-days", days=schedule.horizon_days)
    keyboard = InlineKeyboardMarkup(
        [
            [
                menu_button(bot_data, lang),
                button(
                    label_of(bot_data, lang, "nav-human"), callbacks.HANDOFF, HandoffAction.START
                ),
            ]
        ]
    )
    return View(text, keyboard)


def days(
    bot_data: BotData,
    lang: str,
    schedule: Schedule,
    service_id: str,
    free_days: list[date],
    *,
    moving: str = "",
) -> View:
    """The days with a free time; for a new booking with the service's duration and checklist."""
    if moving:
        day_buttons = [
            _book(format_day(d, lang, short=True), BookAction.MOVE_DAY, moving, f"{d:%Y%m%d}")
            for d in free_days
        ]
        text = text_of(bot_data, lang, "mybookings-move-day")
    else:
        day_buttons = [
            _book(format_day(d, lang, short=True), BookAction.DAY, service_id, f"{d:%Y%m%d}")
            for d in free_days
        ]
        service_text = schedule.text(service_id, lang)
        minutes = int(schedule.services[service_id].duration.total_seconds() // 60)
        text = "\n\n".join(
            [
                f"<b>{esc(service_text.name if service_text else '')}</b>\n"
                + text_of(bot_data, lang, "booking-duration", minutes=minutes),
                checklist(bot_data, lang, schedule, service_id),
                text_of(bot_data, lang, "booking-choose-day"),
            ]
        )
    day_rows = rows(day_buttons, 2)
    day_rows.append([menu_button(bot_data, lang)])
    return View(text, InlineKeyboardMarkup(day_rows))


def times(
    bot_data: BotData,
    lang: str,
    schedule: Schedule,
    service_id: str,
    day: date,
    slots: list[Slot],
    *,
    moving: str = "",
) -> View:
    """The free times of one day, and the way back to the days."""
    action, key = (BookAction.MOVE_TIME, moving) if moving else (BookAction.TIME, service_id)
    keyboard = slot_buttons(schedule, slots, lang, with_day=False, action=action, key=key)
    other_day = label_of(bot_data, lang, "booking-other-day")
    back = (
        _book(other_day, BookAction.MOVE, moving)
        if moving
        else _book(other_day, BookAction.SERVICE, service_id)
    )
    keyboard.append([back])
    text = text_of(bot_data, lang, "booking-choose-time", day=format_day(day, lang))
    return View(text, InlineKeyboardMarkup(keyboard))


def next_free(
    bot_data: BotData, lang: str, schedule: Schedule, service_id: str, slots: list[Slot], key: str
) -> View:
    """After a lost race: the sentence ``key`` and the next free times as buttons."""
    keyboard = slot_buttons(
        schedule, slots, lang, with_day=True, action=BookAction.TIME, key=service_id
    )
    keyboard.append(
        [_book(label_of(bot_data, lang, "booking-other-day"), BookAction.SERVICE, service_id)]
    )
    return View(text_of(bot_data, lang, key), InlineKeyboardMarkup(keyboard))


def held(bot_data: BotData, lang: str, schedule: Schedule, start: datetime) -> str:
    """ "The time is yours for five minutes" (HTML)."""
    local = schedule.local(start)
    return text_of(
        bot_data,
        lang,
        "booking-held",
        time=format_clock(local, lang),
        day=format_day(local.date(), lang),
        minutes=int(schedule.hold.total_seconds() // 60),
    )


def interpreter_question(bot_data: BotData, lang: str, intro: str) -> View:
    """Which interpreter language is needed; the reader's own language first."""
    ordered = [lang] if lang not in BY_CODE else []
    ordered += sorted(CODES, key=lambda c: (c != lang, CODES.index(c)))
    ordered = [c for c in ordered if c != "de"]
    keyboard = rows(
        [_book(interpreter_label(bot_data, c, lang), BookAction.INTERPRETER, c) for c in ordered],
        2,
    )
    keyboard.append(
        [_book(label_of(bot_data, lang, "booking-no-interpreter"), BookAction.INTERPRETER, "none")]
    )
    text = f"{intro}\n\n{text_of(bot_data, lang, 'booking-choose-interpreter')}"
    return View(text, InlineKeyboardMarkup(keyboard))


def ask_name(bot_data: BotData, lang: str) -> View:
    """The name question."""
    return View(text_of(bot_data, lang, "booking-ask-name"))


def name_invalid(bot_data: BotData, lang: str) -> View:
    """The name question again, saying what a name looks like."""
    return View(text_of(bot_data, lang, "booking-name-invalid"))


def _skip_phone(bot_data: BotData, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[_book(label_of(bot_data, lang, "booking-skip-phone"), BookAction.NO_PHONE)]]
    )


def ask_phone(bot_data: BotData, lang: str, schedule: Schedule | None) -> View:
    """The optional phone number: why, and how long it is kept."""
    keep = schedule.keep_after.days if schedule else 30
    return View(
        text_of(bot_data, lang, "booking-ask-phone", days=keep), _skip_phone(bot_data, lang)
    )


def phone_invalid(bot_data: BotData, lang: str) -> View:
    """The phone question again."""
    return View(text_of(bot_data, lang, "booking-phone-invalid"), _skip_phone(bot_data, lang))


def summary(bot_data: BotData, lang: str, schedule: Schedule, hold: Hold, intro: str = "") -> View:
    """The draft with "book it" and "cancel"."""
    text = details(
        bot_data,
        lang,
        schedule,
        hold.service_id,
        hold.start,
        interpreter=hold.interpreter,
        name=hold.name,
        phone=hold.phone,
    )
    parts = [intro] if intro else []
    parts += [text_of(bot_data, lang, "booking-summary"), text]
    keyboard = InlineKeyboardMarkup(
        [
            [_book(label_of(bot_data, lang, "booking-confirm"), BookAction.CONFIRM)],
            [_book(label_of(bot_data, lang, "booking-abort"), BookAction.ABORT)],
        ]
    )
    return View("\n\n".join(parts), keyboard)


def aborted(bot_data: BotData, lang: str) -> View:
    """Nothing was booked."""
    return View(text_of(bot_data, lang, "booking-aborted"), menu_row(bot_data, lang))


def confirmation(
    bot_data: BotData, lang: str, schedule: Schedule, booking: Booking, *, moved_from: str = ""
) -> View:
    """The booking code, details, checklist and a map link."""
    migrado = bot_data.content.current.offices.migrado
    head = (
        text_of(bot_data, lang, "mybookings-moved", code=moved_from.upper())
        if moved_from
        else text_of(bot_data, lang, "booking-confirmed")
    )
    map_url = "https://www.openstreetmap.org/search?query=" + quote_plus(migrado.address)
    link = f'<a href="{html.escape(map_url)}">{text_of(bot_data, lang, "booking-map-link")}</a>'
    text = "\n\n".join(
        [
            f"✅ <b>{head}</b>",
            booking_details(bot_data, lang, schedule, booking),
            checklist(bot_data, lang, schedule, booking.service_id),
            link,
        ]
    )
    keyboard = InlineKeyboardMarkup(
        [
            [_book(label_of(bot_data, lang, "command-mybookings"), BookAction.LIST)],
            [menu_button(bot_data, lang)],
        ]
    )
    return View(text, keyboard)


def calendar_event(bot_data: BotData, schedule: Schedule, booking: Booking, lang: str) -> Event:
    """The calendar entry of a booking, in the reader's language."""
    text = schedule.text(booking.service_id, lang)
    migrado = bot_data.content.current.offices.migrado
    catalogues = bot_data.catalogues
    bring = "\n".join(f"- {b}" for b in (text.bring if text else ()))
    description = (
        f"{catalogues.t(lang, 'booking-label-code')}: {booking.display_code}\n"
        f"{catalogues.t(lang, 'booking-bring-title')}\n{bring}"
    ).replace("\u200f", "")
    return Event(
        uid=f"{booking.code}@lotse-dortmund",
        start=booking.start,
        end=booking.end,
        summary=f"MigraDO: {text.short if text else booking.service_id}",
        location=f"{migrado.name}, {migrado.address}",
        description=description,
        alarms=CALENDAR_ALARMS,
    )


def offer_buttons(
    bot_data: BotData, lang: str, schedule: Schedule, topic_id: str, variant: str = ""
) -> list[list[InlineKeyboardButton]]:
    """Buttons that book a MigraDO service straight from an answer that leads there."""
    result = []
    for service in schedule.services_for_topic(topic_id, variant):
        text = schedule.text(service.id, lang)
        if text is not None:
            offer = label_of(bot_data, lang, "booking-offer", service=text.short)
            result.append([_book(offer, BookAction.SERVICE, service.id)])
    return result


# -- the person's bookings ----------------------------------------------------------------------


def my_bookings(bot_data: BotData, lang: str, schedule: Schedule, bookings: list[Booking]) -> View:
    """The person's upcoming appointments with move and cancel buttons (or none)."""
    book_button = _book(label_of(bot_data, lang, "menu-book"), BookAction.START)
    if not bookings:
        keyboard = InlineKeyboardMarkup([[book_button], [menu_button(bot_data, lang)]])
        return View(text_of(bot_data, lang, "mybookings-none"), keyboard)
    blocks = [text_of(bot_data, lang, "mybookings-title")]
    buttons: list[list[InlineKeyboardButton]] = []
    for booking in bookings:
        blocks.append(booking_details(bot_data, lang, schedule, booking))
        code = booking.display_code
        buttons.append(
            [
                _book(
                    label_of(bot_data, lang, "mybookings-move", code=code),
                    BookAction.MOVE,
                    booking.code,
                ),
                _book(
                    label_of(bot_data, lang, "mybookings-cancel", code=code),
                    BookAction.CANCEL,
                    booking.code,
                ),
            ]
        )
    buttons.append([book_button])
    return View("\n\n".join(blocks), InlineKeyboardMarkup(buttons))


def cancel_question(bot_data: BotData, lang: str, schedule: Schedule, booking: Booking) -> View:
    """ "Really cancel?" with the booking's details."""
    keyboard = InlineKeyboardMarkup(
        [
            [
                _book(
                    label_of(bot_data, lang, "mybookings-cancel-yes"),
                    BookAction.CANCEL_OK,
                    booking.code,
                )
            ],
            [
                _book(
                    label_of(bot_data, lang, "mybookings-cancel-no"), BookAction.KEEP, booking.code
                )
            ],
        ]
    )
    text = (
        f"{text_of(bot_data, lang, 'mybookings-cancel-ask')}\n\n"
        f"{booking_details(bot_data, lang, schedule, booking)}"
    )
    return View(text, keyboard)


def cancelled(bot_data: BotData, lang: str, booking: Booking) -> View:
    """The booking is cancelled: book again, or the menu."""
    keyboard = InlineKeyboardMarkup(
        [
            [_book(label_of(bot_data, lang, "menu-book"), BookAction.START)],
            [menu_button(bot_data, lang)],
        ]
    )
    return View(
        text_of(bot_data, lang, "mybookings-cancelled", code=booking.display_code), keyboard
    )


def kept(bot_data: BotData, lang: str) -> View:
    """The booking stays."""
    return View(text_of(bot_data, lang, "mybookings-kept"), menu_row(bot_data, lang))


# -- background ---------------------------------------------------------------------------------


def reminder(bot_data: BotData, schedule: Schedule, booking: Booking, kind: str) -> str:
    """A reminder in the language the person booked in (HTML, direction-marked)."""
    lang = booking.lang
    key = "booking-reminder-day" if kind == "day" else "booking-reminder-2h"
    text = (
        f"⏰ <b>{text_of(bot_data, lang, key)}</b>\n\n"
        f"{booking_details(bot_data, lang, schedule, booking)}"
    )
    return bidi(lang, text)


def closed_day_notice(
    bot_data: BotData, schedule: Schedule, booking: Booking, day: date, slots: list[Slot]
) -> View:
    """The office cancelled this booking's day: the next free times to rebook in one tap."""
    lang = booking.lang
    day_text = format_day(day, lang)
    if slots:
        text = text_of(
            bot_data, lang, "booking-office-closed", day=day_text, code=booking.display_code
        )
        keyboard = InlineKeyboardMarkup(
            [
                [
                    _book(
                        slot_label(schedule, s, lang, with_day=True),
                        BookAction.REBOOK,
                        booking.code,
                        s.id,
                    )
                ]
                for s in slots
            ]
        )
    else:
        text = text_of(
            bot_data, lang, "booking-office-closed-none", day=day_text, code=booking.display_code
        )
        keyboard = InlineKeyboardMarkup(
            [[_book(label_of(bot_data, lang, "menu-book"), BookAction.START)]]
        )
    return View(text, keyboard)
