"""Booking an appointment at MigraDO, and the newcomer's /mybookings.

Buttons carry every choice (``book:v1:time:<service>:<slot>``), so the steps before and after
typing are stateless: a stale or forged button is checked against the schedule and the
person's own draft or booking, never trusted. Only the two typed answers (name, phone) need a
conversation state, kept by a persistent ConversationHandler; the draft itself (service, time,
interpreter, name, phone) lives in Redis with the hold on the slot.

service → checklist + days → times → (hold) interpreter → name → phone → summary → confirm →
confirmation with the booking code, address, checklist, an .ics file and the map; reminders
the day before and two hours before (a background task, from Redis, survives restarts).
"""

from __future__ import annotations

import asyncio
import enum
import html
import logging
import re
import unicodedata
import warnings
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote_plus

from redis.exceptions import RedisError
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
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
from bot.context import BotData, LotseContext
from bot.flows.common import (
    NEW_MESSAGE,
    PRIVATE,
    answer_query,
    button,
    esc,
    label,
    language_of,
    rows,
    say,
    stale_button,
    t,
)
from bot.i18n import bidi, format_clock, format_day, language_name
from bot.languages import BY_CODE, CODES
from bot.services import notices
from bot.services.booking import (
    Booking,
    BookingService,
    HoldExpired,
    InvalidSlot,
    NoDraft,
    NotYours,
    Overlap,
    SlotUnavailable,
    TooMany,
)
from bot.services.calendar import Event, ics
from bot.services.schedule import Schedule, Slot

log = logging.getLogger(__name__)

#: How often the reminder task looks for due reminders.
REMINDER_INTERVAL_SECONDS = 30
_NAME_EXTRA = set(" -'.’")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()/.-]{4,22}$")


class State(enum.IntEnum):
    """The two typed steps of a booking."""

    ASK_NAME = 1
    ASK_PHONE = 2


# -- helpers ---------------------------------------------------------------------------------


def _service(context: LotseContext) -> BookingService | None:
    return context.bot_data.booking


def _schedule(context: LotseContext) -> Schedule | None:
    return context.bot_data.content.current.booking


def _user_id(update: Update) -> int:
    user = update.effective_user
    assert user is not None, "booking updates come from a user"
    return user.id


def _args(update: Update) -> tuple[str, ...] | None:
    query = update.callback_query
    data = callbacks.parse(query.data if query else None, callbacks.BOOK)
    return data.args if data else None


def valid_name(text: str) -> str | None:
    """The name, tidied, when it looks like one (letters of any script, 2 to 80 characters)."""
    name = " ".join(text.split())
    if not 2 <= len(name) <= 80:
        return None
    if not any(c.isalpha() for c in name):
        return None
    if not all(c.isalpha() or c in _NAME_EXTRA or unicodedata.category(c) == "Mn" for c in name):
        return None
    return name


def valid_phone(text: str) -> str | None:
    """The phone number, tidied, when it looks like one (6 to 15 digits)."""
    phone = " ".join(text.split())
    digits = sum(c.isdigit() for c in phone)
    if not _PHONE.match(phone) or not 6 <= digits <= 15:
        return None
    return phone


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


async def unavailable(update: Update, context: LotseContext, lang: str) -> None:
    """Booking cannot be done now (no Redis, no schedule): says so, with MigraDO's address."""
    migrado = context.bot_data.content.current.offices.migrado
    text = t(context, lang, "booking-unavailable", name=migrado.name, address=migrado.address)
    await say(update, context, lang, text, _menu_row(context, lang))


def _menu_row(context: LotseContext, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(label(context, lang, "nav-menu"), callbacks.MENU, "show")]]
    )


def _details(
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
    """The appointment as labelled lines (HTML). Takes bot data, so reminders (no update)
    render it too."""
    text = schedule.text(service_id, lang)
    migrado = bot_data.content.current.offices.migrado
    local = schedule.local(start)

    def key(name: str) -> str:
        return esc(bot_data.catalogues.t(lang, f"booking-label-{name}"))

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


def _booking_details(bot_data: BotData, lang: str, schedule: Schedule, booking: Booking) -> str:
    """A booking as labelled lines, with its code (HTML)."""
    return _details(
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


def _checklist(context: LotseContext, lang: str, schedule: Schedule, service_id: str) -> str:
    text = schedule.text(service_id, lang)
    items = "\n".join(f"• {html.escape(b, quote=False)}" for b in (text.bring if text else ()))
    return f"{t(context, lang, 'booking-bring-title')}\n{items}"


def _slot_buttons(
    schedule: Schedule, slots: list[Slot], lang: str, *, with_day: bool, action: str, key: str
) -> list[list[InlineKeyboardButton]]:
    buttons = [
        button(slot_label(schedule, s, lang, with_day=with_day), callbacks.BOOK, action, key, s.id)
        for s in slots
    ]
    return rows(buttons, 1 if with_day else 3)


# -- choosing --------------------------------------------------------------------------------


async def start_booking(update: Update, context: LotseContext) -> None:
    """Offers MigraDO's services (menu button, the book_appointment intent)."""
    lang = language_of(update, context)
    schedule = _schedule(context)
    if _service(context) is None or schedule is None:
        await unavailable(update, context, lang)
        return
    migrado = context.bot_data.content.current.offices.migrado
    keyboard = [
        [button(found.short, callbacks.BOOK, "svc", sid)]
        for sid in schedule.services
        if (found := schedule.text(sid, lang)) is not None
    ]
    keyboard.append([button(label(context, lang, "nav-menu"), callbacks.MENU, "show")])
    text = t(context, lang, "booking-choose-service", address=migrado.address)
    await say(update, context, lang, text, InlineKeyboardMarkup(keyboard))


async def show_days(
    update: Update, context: LotseContext, lang: str, service_id: str, *, moving: str = ""
) -> None:
    """The service's checklist and the days with a free slot (for a move: ``moving`` code)."""
    service = _service(context)
    schedule = _schedule(context)
    if service is None or schedule is None:
        await unavailable(update, context, lang)
        return
    days = await service.free_days(service_id)
    if not days:
        text = t(context, lang, "booking-no-days", days=schedule.horizon_days)
        keyboard = InlineKeyboardMarkup(
            [
                [
                    button(label(context, lang, "nav-menu"), callbacks.MENU, "show"),
                    button(label(context, lang, "nav-human"), callbacks.HANDOFF, "start"),
                ]
            ]
        )
        await say(update, context, lang, text, keyboard)
        return
    if moving:
        day_buttons = [
            button(format_day(d, lang, short=True), callbacks.BOOK, "mday", moving, f"{d:%Y%m%d}")
            for d in days
        ]
        text = t(context, lang, "mybookings-move-day")
    else:
        day_buttons = [
            button(
                format_day(d, lang, short=True), callbacks.BOOK, "day", service_id, f"{d:%Y%m%d}"
            )
            for d in days
        ]
        service_text = schedule.text(service_id, lang)
        minutes = int(schedule.services[service_id].duration.total_seconds() // 60)
        text = "\n\n".join(
            [
                f"<b>{html.escape(service_text.name if service_text else '', quote=False)}</b>\n"
                + t(context, lang, "booking-duration", minutes=minutes),
                _checklist(context, lang, schedule, service_id),
                t(context, lang, "booking-choose-day"),
            ]
        )
    day_rows = rows(day_buttons, 2)
    day_rows.append([button(label(context, lang, "nav-menu"), callbacks.MENU, "show")])
    await say(update, context, lang, text, InlineKeyboardMarkup(day_rows))


def _day(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


async def show_times(
    update: Update,
    context: LotseContext,
    lang: str,
    service_id: str,
    day: date,
    *,
    moving: str = "",
) -> None:
    """The free times of one day (a day that filled up meanwhile: the days again)."""
    service = _service(context)
    schedule = _schedule(context)
    assert service is not None and schedule is not None
    slots = await service.free_slots(service_id, day)
    if not slots:
        await say(update, context, lang, t(context, lang, "booking-no-times"))
        await show_days(update, context, lang, service_id, moving=moving)
        return
    action, key = ("mtime", moving) if moving else ("time", service_id)
    keyboard = _slot_buttons(schedule, slots, lang, with_day=False, action=action, key=key)
    back = (
        button(label(context, lang, "booking-other-day"), callbacks.BOOK, "move", moving)
        if moving
        else button(label(context, lang, "booking-other-day"), callbacks.BOOK, "svc", service_id)
    )
    keyboard.append([back])
    text = t(context, lang, "booking-choose-time", day=format_day(day, lang))
    await say(update, context, lang, text, InlineKeyboardMarkup(keyboard))


async def offer_next(
    update: Update, context: LotseContext, lang: str, service_id: str, key: str
) -> None:
    """After a lost race: the sentence ``key`` and the next free times as buttons."""
    service = _service(context)
    schedule = _schedule(context)
    assert service is not None and schedule is not None
    slots = await service.next_free(service_id, limit=4)
    keyboard = _slot_buttons(schedule, slots, lang, with_day=True, action="time", key=service_id)
    keyboard.append(
        [button(label(context, lang, "booking-other-day"), callbacks.BOOK, "svc", service_id)]
    )
    await say(update, context, lang, t(context, lang, key), InlineKeyboardMarkup(keyboard))


async def hold_time(
    update: Update,
    context: LotseContext,
    lang: str,
    service_id: str,
    slot_id: str,
    *,
    replaces: str = "",
    copy_from: str = "",
) -> None:
    """Holds the tapped time; then asks for the interpreter (or, with details, summarises)."""
    service = _service(context)
    schedule = _schedule(context)
    assert service is not None and schedule is not None
    try:
        hold = await service.hold(
            _user_id(update), service_id, slot_id, replaces=replaces, copy_from=copy_from
        )
    except SlotUnavailable:
        await offer_next(update, context, lang, service_id, "booking-full")
        return
    except InvalidSlot:
        await say(update, context, lang, t(context, lang, "booking-invalid-slot"))
        await show_days(update, context, lang, service_id, moving=replaces)
        return
    except NotYours:
        await say(update, context, lang, t(context, lang, "mybookings-not-yours"))
        await show_my_bookings(update, context)
        return
    local = schedule.local(hold.start)
    minutes = int(schedule.hold.total_seconds() // 60)
    held = t(
        context,
        lang,
        "booking-held",
        time=format_clock(local, lang),
        day=format_day(local.date(), lang),
        minutes=minutes,
    )
    if hold.name:  # a move or a rebooking: the details are known already
        await send_summary(update, context, lang, intro=held)
        return
    await ask_interpreter(update, context, lang, intro=held)


async def ask_interpreter(update: Update, context: LotseContext, lang: str, intro: str) -> None:
    """Asks which interpreter language is needed; the reader's own language first."""
    ordered = [lang] if lang not in BY_CODE else []
    ordered += sorted(CODES, key=lambda c: (c != lang, CODES.index(c)))
    ordered = [c for c in ordered if c != "de"]
    keyboard = rows(
        [
            button(interpreter_label(context.bot_data, c, lang), callbacks.BOOK, "int", c)
            for c in ordered
        ],
        2,
    )
    keyboard.append(
        [button(label(context, lang, "booking-no-interpreter"), callbacks.BOOK, "int", "none")]
    )
    text = f"{intro}\n\n{t(context, lang, 'booking-choose-interpreter')}"
    await say(update, context, lang, text, InlineKeyboardMarkup(keyboard))


async def send_summary(
    update: Update, context: LotseContext, lang: str, *, intro: str = ""
) -> None:
    """Shows the draft with 'book it' and 'cancel' buttons."""
    service = _service(context)
    schedule = _schedule(context)
    assert service is not None and schedule is not None
    hold = await service.get_hold(_user_id(update))
    if hold is None:
        await no_draft(update, context, lang)
        return
    details = _details(
        context.bot_data,
        lang,
        schedule,
        hold.service_id,
        hold.start,
        interpreter=hold.interpreter,
        name=hold.name,
        phone=hold.phone,
    )
    parts = [intro] if intro else []
    parts += [t(context, lang, "booking-summary"), details]
    keyboard = InlineKeyboardMarkup(
        [
            [button(label(context, lang, "booking-confirm"), callbacks.BOOK, "confirm")],
            [button(label(context, lang, "booking-abort"), callbacks.BOOK, "abort")],
        ]
    )
    await say(update, context, lang, "\n\n".join(parts), keyboard)


async def no_draft(update: Update, context: LotseContext, lang: str) -> None:
    """A step of a booking that no longer exists: says so and offers to start again."""
    await say(update, context, lang, t(context, lang, "booking-no-draft"))
    await start_booking(update, context)


# -- the typed steps (conversation) ------------------------------------------------------------


async def interpreter_chosen(update: Update, context: LotseContext) -> State:
    """Stores the interpreter language and asks for the name."""
    await answer_query(update)
    lang = language_of(update, context)
    args = _args(update)
    code = args[1] if args and len(args) == 2 else None
    service = _service(context)
    if service is None:
        await unavailable(update, context, lang)
        raise ApplicationHandlerStop(ConversationHandler.END)
    if code is None or not (code == "none" or code in BY_CODE or code == lang):
        await stale_button(update, context, answered=True)
        raise ApplicationHandlerStop(ConversationHandler.END)
    if await service.update_hold(_user_id(update), interpreter=code) is None:
        await no_draft(update, context, lang)
        raise ApplicationHandlerStop(ConversationHandler.END)
    await say(update, context, lang, t(context, lang, "booking-ask-name"))
    raise ApplicationHandlerStop(State.ASK_NAME)


async def name_typed(update: Update, context: LotseContext) -> State | int:
    """Stores a valid name and asks for a phone number; asks again otherwise."""
    lang = language_of(update, context)
    service = _service(context)
    if service is None or await service.get_hold(_user_id(update)) is None:
        return ConversationHandler.END  # the draft is gone: the message is an ordinary one
    message = update.effective_message
    name = valid_name(message.text or "") if message else None
    if name is None:
        await say(update, context, lang, t(context, lang, "booking-name-invalid"))
        raise ApplicationHandlerStop(State.ASK_NAME)
    await service.update_hold(_user_id(update), name=name)
    schedule = _schedule(context)
    days = schedule.keep_after.days if schedule else 30
    keyboard = InlineKeyboardMarkup(
        [[button(label(context, lang, "booking-skip-phone"), callbacks.BOOK, "nophone")]]
    )
    await say(update, context, lang, t(context, lang, "booking-ask-phone", days=days), keyboard)
    raise ApplicationHandlerStop(State.ASK_PHONE)


async def not_a_name(update: Update, context: LotseContext) -> State | int:
    """A sticker, photo or voice message where the name was asked: asks again."""
    service = _service(context)
    if service is None or await service.get_hold(_user_id(update)) is None:
        return ConversationHandler.END
    lang = language_of(update, context)
    await say(update, context, lang, t(context, lang, "booking-name-invalid"))
    raise ApplicationHandlerStop(State.ASK_NAME)


async def phone_typed(update: Update, context: LotseContext) -> State | int:
    """Stores a valid phone number and shows the summary; asks again otherwise."""
    lang = language_of(update, context)
    service = _service(context)
    if service is None or await service.get_hold(_user_id(update)) is None:
        return ConversationHandler.END
    message = update.effective_message
    phone = valid_phone(message.text or "") if message and message.text else None
    if phone is None:
        keyboard = InlineKeyboardMarkup(
            [[button(label(context, lang, "booking-skip-phone"), callbacks.BOOK, "nophone")]]
        )
        await say(update, context, lang, t(context, lang, "booking-phone-invalid"), keyboard)
        raise ApplicationHandlerStop(State.ASK_PHONE)
    await service.update_hold(_user_id(update), phone=phone)
    await send_summary(update, context, lang)
    raise ApplicationHandlerStop(ConversationHandler.END)


async def phone_skipped(update: Update, context: LotseContext) -> int:
    """Goes on without a phone number: the summary."""
    await answer_query(update)
    await skip_phone(update, context)
    raise ApplicationHandlerStop(ConversationHandler.END)


async def skip_phone(update: Update, context: LotseContext) -> None:
    """The summary without a phone number (also for the button outside the typed steps)."""
    lang = language_of(update, context)
    service = _service(context)
    if service is None:
        await unavailable(update, context, lang)
    else:
        hold = await service.get_hold(_user_id(update))
        if hold is None or not hold.name:
            await no_draft(update, context, lang)
        else:
            await service.update_hold(_user_id(update), phone="")
            await send_summary(update, context, lang)


async def leave(update: Update, context: LotseContext) -> int:
    """Ends the typed steps when the person does something else; other handlers answer it."""
    return ConversationHandler.END


# -- booking, cancelling, moving --------------------------------------------------------------


async def confirm(update: Update, context: LotseContext) -> None:
    """Books the draft; on a lost race offers the next free times."""
    lang = language_of(update, context)
    service = _service(context)
    assert service is not None
    user_id = _user_id(update)
    hold = await service.get_hold(user_id)
    if hold is None:
        # Typically a second tap on "book it": show what is booked rather than an error.
        if await service.bookings_of(user_id):
            await show_my_bookings(update, context)
        else:
            await no_draft(update, context, lang)
        return
    chat = update.effective_chat
    try:
        booking = await service.confirm(user_id, chat_id=chat.id if chat else user_id, lang=lang)
    except HoldExpired:
        await offer_next(update, context, lang, hold.service_id, "booking-expired")
        return
    except SlotUnavailable:
        await offer_next(update, context, lang, hold.service_id, "booking-full")
        return
    except Overlap as exc:
        text = t(context, lang, "booking-overlap", code=str(exc).upper())
        await say(update, context, lang, text)
        await show_days(update, context, lang, hold.service_id)
        return
    except TooMany:
        schedule = _schedule(context)
        count = schedule.max_upcoming if schedule else 3
        await say(update, context, lang, t(context, lang, "booking-too-many", count=count))
        return
    except (NoDraft, InvalidSlot):
        await no_draft(update, context, lang)
        return
    except NotYours:
        await say(update, context, lang, t(context, lang, "mybookings-not-yours"))
        await show_my_bookings(update, context)
        return
    log.info("booked %s (%s)", booking.service_id, "moved" if hold.replaces else "new")
    await send_confirmation(update, context, lang, booking, moved_from=hold.replaces)


def booking_event(context: LotseContext, booking: Booking, lang: str) -> Event:
    """The calendar entry of a booking, in the reader's language."""
    schedule = _schedule(context)
    assert schedule is not None
    text = schedule.text(booking.service_id, lang)
    migrado = context.bot_data.content.current.offices.migrado
    catalogues = context.bot_data.catalogues
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
        alarms=(24 * 60, 120),
    )


async def send_confirmation(
    update: Update, context: LotseContext, lang: str, booking: Booking, *, moved_from: str = ""
) -> None:
    """The booking code, details and checklist; the .ics file; the place on the map."""
    schedule = _schedule(context)
    assert schedule is not None
    migrado = context.bot_data.content.current.offices.migrado
    head = (
        t(context, lang, "mybookings-moved", code=moved_from.upper())
        if moved_from
        else t(context, lang, "booking-confirmed")
    )
    details = _booking_details(context.bot_data, lang, schedule, booking)
    map_url = "https://www.openstreetmap.org/search?query=" + quote_plus(migrado.address)
    link = f'<a href="{html.escape(map_url)}">{t(context, lang, "booking-map-link")}</a>'
    text = "\n\n".join(
        [
            f"✅ <b>{head}</b>",
            details,
            _checklist(context, lang, schedule, booking.service_id),
            link,
        ]
    )
    keyboard = InlineKeyboardMarkup(
        [
            [button(label(context, lang, "command-mybookings"), callbacks.BOOK, "list")],
            [button(label(context, lang, "nav-menu"), callbacks.MENU, "show")],
        ]
    )
    await say(update, context, lang, text, keyboard)
    chat = update.effective_chat
    assert chat is not None
    try:
        await _send_extras(context, chat.id, lang, booking, schedule)
    except TelegramError:
        # The booking stands and its confirmation was sent; the extras are a convenience.
        log.warning("calendar file or map not delivered", exc_info=True)


async def _send_extras(
    context: LotseContext, chat_id: int, lang: str, booking: Booking, schedule: Schedule
) -> None:
    """The .ics file and the place on the map, after a confirmation."""
    migrado = context.bot_data.content.current.offices.migrado
    await context.bot.send_document(
        chat_id,
        InputFile(
            ics([booking_event(context, booking, lang)]),
            filename=f"migrado-{booking.display_code}.ics",
        ),
        caption=context.bot_data.catalogues.t(lang, "booking-calendar"),
    )
    if schedule.map_point is not None:
        latitude, longitude = schedule.map_point
        await context.bot.send_venue(
            chat_id, latitude, longitude, title=migrado.name, address=migrado.address
        )


async def abort(update: Update, context: LotseContext) -> None:
    """Gives the held time back and says nothing was booked."""
    lang = language_of(update, context)
    service = _service(context)
    assert service is not None
    await service.release_hold(_user_id(update))
    await say(update, context, lang, t(context, lang, "booking-aborted"), _menu_row(context, lang))


async def show_my_bookings(update: Update, context: LotseContext) -> None:
    """Lists the person's upcoming appointments with cancel and move buttons (/mybookings)."""
    lang = language_of(update, context)
    service = _service(context)
    schedule = _schedule(context)
    if service is None or schedule is None:
        await unavailable(update, context, lang)
        return
    bookings = await service.bookings_of(_user_id(update))
    if not bookings:
        empty = InlineKeyboardMarkup(
            [
                [button(label(context, lang, "menu-book"), callbacks.BOOK, "start")],
                [button(label(context, lang, "nav-menu"), callbacks.MENU, "show")],
            ]
        )
        await say(update, context, lang, t(context, lang, "mybookings-none"), empty)
        return
    blocks = [t(context, lang, "mybookings-title")]
    keyboard: list[list[InlineKeyboardButton]] = []
    for booking in bookings:
        blocks.append(_booking_details(context.bot_data, lang, schedule, booking))
        code = booking.display_code
        keyboard.append(
            [
                button(
                    label(context, lang, "mybookings-move", code=code),
                    callbacks.BOOK,
                    "move",
                    booking.code,
                ),
                button(
                    label(context, lang, "mybookings-cancel", code=code),
                    callbacks.BOOK,
                    "cancel",
                    booking.code,
                ),
            ]
        )
    keyboard.append([button(label(context, lang, "menu-book"), callbacks.BOOK, "start")])
    await say(update, context, lang, "\n\n".join(blocks), InlineKeyboardMarkup(keyboard))


async def _own_active(update: Update, context: LotseContext, code: str) -> Booking | None:
    """The person's own active booking with this code, else None (after saying so)."""
    service = _service(context)
    assert service is not None
    booking = await service.get(code)
    if booking is None or booking.user_id != _user_id(update) or not booking.active:
        lang = language_of(update, context)
        await say(update, context, lang, t(context, lang, "mybookings-not-yours"))
        await show_my_bookings(update, context)
        return None
    return booking


async def ask_cancel(update: Update, context: LotseContext, code: str) -> None:
    """Asks whether to really cancel the booking."""
    lang = language_of(update, context)
    booking = await _own_active(update, context, code)
    schedule = _schedule(context)
    if booking is None or schedule is None:
        return
    details = _booking_details(context.bot_data, lang, schedule, booking)
    keyboard = InlineKeyboardMarkup(
        [
            [
                button(
                    label(context, lang, "mybookings-cancel-yes"),
                    callbacks.BOOK,
                    "cancelok",
                    booking.code,
                )
            ],
            [
                button(
                    label(context, lang, "mybookings-cancel-no"),
                    callbacks.BOOK,
                    "keep",
                    booking.code,
                )
            ],
        ]
    )
    text = f"{t(context, lang, 'mybookings-cancel-ask')}\n\n{details}"
    await say(update, context, lang, text, keyboard)


async def do_cancel(update: Update, context: LotseContext, code: str) -> None:
    """Cancels the person's own booking (never anyone else's)."""
    lang = language_of(update, context)
    service = _service(context)
    assert service is not None
    try:
        booking = await service.cancel(code, user_id=_user_id(update))
    except NotYours:
        await say(update, context, lang, t(context, lang, "mybookings-not-yours"))
        await show_my_bookings(update, context)
        return
    log.info("booking cancelled by its owner")
    text = t(context, lang, "mybookings-cancelled", code=booking.display_code)
    keyboard = InlineKeyboardMarkup(
        [
            [button(label(context, lang, "menu-book"), callbacks.BOOK, "start")],
            [button(label(context, lang, "nav-menu"), callbacks.MENU, "show")],
        ]
    )
    await say(update, context, lang, text, keyboard)


async def on_button(update: Update, context: LotseContext) -> None:
    """Routes every ``book:v1:…`` button; anything unexpected gets the polite stale answer."""
    args = _args(update)
    lang = language_of(update, context)
    if args is None or not args:
        await stale_button(update, context)
        return
    await answer_query(update)  # once, here: the steps below never answer it again
    action, rest = args[0], args[1:]
    if action == "start" and not rest:
        await start_booking(update, context)
        return
    if action == "list" and not rest:
        await show_my_bookings(update, context)
        return
    service = _service(context)
    schedule = _schedule(context)
    if service is None or schedule is None:
        await unavailable(update, context, lang)
        return
    services = schedule.services
    if action == "svc" and len(rest) == 1 and rest[0] in services:
        await show_days(update, context, lang, rest[0])
    elif action == "day" and len(rest) == 2 and rest[0] in services and (day := _day(rest[1])):
        await show_times(update, context, lang, rest[0], day)
    elif action == "time" and len(rest) == 2 and rest[0] in services:
        await hold_time(update, context, lang, rest[0], rest[1])
    elif action == "nophone" and not rest:
        await skip_phone(update, context)
    elif action == "confirm" and not rest:
        await confirm(update, context)
    elif action == "abort" and not rest:
        await abort(update, context)
    elif action == "cancel" and len(rest) == 1:
        await ask_cancel(update, context, rest[0])
    elif action == "cancelok" and len(rest) == 1:
        await do_cancel(update, context, rest[0])
    elif action == "keep" and len(rest) == 1:
        await say(
            update, context, lang, t(context, lang, "mybookings-kept"), _menu_row(context, lang)
        )
    elif action == "move" and len(rest) == 1:
        if (booking := await _own_active(update, context, rest[0])) is not None:
            await show_days(update, context, lang, booking.service_id, moving=booking.code)
    elif action == "mday" and len(rest) == 2 and (day := _day(rest[1])):
        if (booking := await _own_active(update, context, rest[0])) is not None:
            await show_times(update, context, lang, booking.service_id, day, moving=booking.code)
    elif action == "mtime" and len(rest) == 2:
        if (booking := await _own_active(update, context, rest[0])) is not None:
            await hold_time(
                update, context, lang, booking.service_id, rest[1], replaces=booking.code
            )
    elif action == "rebook" and len(rest) == 2:
        old = await service.get(rest[0])
        if old is None or old.user_id != _user_id(update):
            await say(update, context, lang, t(context, lang, "mybookings-not-yours"))
            await show_my_bookings(update, context)
        else:
            await hold_time(update, context, lang, old.service_id, rest[1], copy_from=old.code)
    else:
        await stale_button(update, context, answered=True)


def offer_buttons(
    context: LotseContext, lang: str, topic_id: str, variant: str = ""
) -> list[list[InlineKeyboardButton]]:
    """Buttons that book a MigraDO service straight from an answer that leads there."""
    schedule = _schedule(context)
    if _service(context) is None or schedule is None:
        return []
    result = []
    for service in schedule.services_for_topic(topic_id, variant):
        text = schedule.text(service.id, lang)
        if text is not None:
            result.append(
                [
                    button(
                        label(context, lang, "booking-offer", service=text.short),
                        callbacks.BOOK,
                        "svc",
                        service.id,
                    )
                ]
            )
    return result


# -- reminders and office closures ----------------------------------------------------------------


async def send_reminder(
    app: Application[Any, Any, Any, Any, Any, Any], booking: Booking, kind: str
) -> None:
    """One reminder, in the language the person booked in."""
    bot_data = app.bot_data
    schedule = bot_data.content.current.booking
    catalogues = bot_data.catalogues
    lang = booking.lang
    key = "booking-reminder-day" if kind == "day" else "booking-reminder-2h"
    details = _booking_details(bot_data, lang, schedule, booking)
    text = f"⏰ <b>{esc(catalogues.t(lang, key))}</b>\n\n{details}"
    await app.bot.send_message(booking.chat_id, bidi(lang, text), parse_mode="HTML")


async def send_due_reminders(app: Application[Any, Any, Any, Any, Any, Any]) -> int:
    """Sends every reminder whose time has come; returns how many were sent."""
    service: BookingService | None = app.bot_data.booking
    if service is None:
        return 0
    sent = 0
    for reminder in await service.due_reminders():
        try:
            await send_reminder(app, reminder.booking, reminder.kind)
            sent += 1
        except Forbidden:
            log.info("reminder not delivered: the person blocked the bot")
        except RetryAfter as exc:
            wait = exc.retry_after
            await service.retry_reminder(
                reminder, wait if isinstance(wait, timedelta) else timedelta(seconds=wait)
            )
        except (NetworkError, TimedOut):
            await service.retry_reminder(reminder, timedelta(minutes=1))
        except TelegramError:
            log.warning("reminder not delivered", exc_info=True)
    return sent


async def reminder_loop(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Runs for the life of the bot: sends due reminders every half minute (first after one)."""
    while True:
        await asyncio.sleep(REMINDER_INTERVAL_SECONDS)
        try:
            await send_due_reminders(app)
            await deliver_closed_day_notices(app)
        except RedisError:
            log.warning("reminders: storage unavailable, trying again shortly", exc_info=True)
        except Exception:  # the loop must survive any single failure
            log.exception("reminders: unexpected error")


async def deliver_closed_day_notices(app: Application[Any, Any, Any, Any, Any, Any]) -> int:
    """Tells the people whose day was closed elsewhere (the editors' page); returns how many."""
    redis, service = app.bot_data.redis, app.bot_data.booking
    if redis is None or service is None:
        return 0
    told = 0
    for notice in await notices.take_closed_day(redis):
        found = await service.get(notice.code)
        if found is not None:
            told += await notify_closed(app, [found], notice.day)
    return told


async def notify_closed(
    app: Application[Any, Any, Any, Any, Any, Any], cancelled: list[Booking], day: date
) -> int:
    """Tells everyone whose booking the office cancelled, offering the next free times."""
    service: BookingService | None = app.bot_data.booking
    schedule: Schedule | None = app.bot_data.content.current.booking
    if service is None or schedule is None:
        return 0
    catalogues = app.bot_data.catalogues
    told = 0
    for booking in cancelled:
        lang = booking.lang
        slots = await service.next_free(booking.service_id, limit=4)
        day_text = format_day(day, lang)
        if slots:
            text = catalogues.t(
                lang, "booking-office-closed", day=day_text, code=booking.display_code
            )
            keyboard = InlineKeyboardMarkup(
                [
                    [
                        button(
                            slot_label(schedule, s, lang, with_day=True),
                            callbacks.BOOK,
                            "rebook",
                            booking.code,
                            s.id,
                        )
                    ]
                    for s in slots
                ]
            )
        else:
            text = catalogues.t(
                lang, "booking-office-closed-none", day=day_text, code=booking.display_code
            )
            keyboard = InlineKeyboardMarkup(
                [[button(catalogues.t(lang, "menu-book"), callbacks.BOOK, "start")]]
            )
        try:
            await app.bot.send_message(
                booking.chat_id,
                html.escape(text, quote=False),
                reply_markup=keyboard,
                parse_mode="HTML",
            )
            told += 1
        except TelegramError:
            log.warning(
                "could not tell a person that their appointment was cancelled", exc_info=True
            )
    return told


# -- registration -------------------------------------------------------------------------------


def build_handler(*, persistent: bool) -> ConversationHandler[LotseContext]:
    """The typed steps of a booking (its own group, before the handoff relay)."""
    with warnings.catch_warnings():
        # Tracked per chat, not per message: the question belongs to the chat.
        warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")
        return ConversationHandler(
            entry_points=[
                CallbackQueryHandler(
                    interpreter_chosen, pattern=rf"^{callbacks.BOOK}:{callbacks.VERSION}:int:"
                )
            ],
            states={
                State.ASK_NAME: [
                    MessageHandler(
                        filters.TEXT & ~filters.COMMAND & PRIVATE & NEW_MESSAGE, name_typed
                    ),
                    MessageHandler(
                        ~filters.TEXT & ~filters.COMMAND & PRIVATE & NEW_MESSAGE, not_a_name
                    ),
                ],
                State.ASK_PHONE: [
                    MessageHandler(
                        filters.TEXT & ~filters.COMMAND & PRIVATE & NEW_MESSAGE, phone_typed
                    ),
                    CallbackQueryHandler(
                        phone_skipped, pattern=rf"^{callbacks.BOOK}:{callbacks.VERSION}:nophone$"
                    ),
                ],
            },
            fallbacks=[CallbackQueryHandler(leave), MessageHandler(filters.ALL, leave)],
            name="booking",
            persistent=persistent,
            allow_reentry=True,
        )


def build_handlers() -> list[BaseHandler[Update, LotseContext, Any]]:
    """/mybookings and every booking button."""
    return [
        CommandHandler("mybookings", show_my_bookings, filters=PRIVATE),
        CallbackQueryHandler(on_button, pattern=callbacks.pattern(callbacks.BOOK)),
    ]
