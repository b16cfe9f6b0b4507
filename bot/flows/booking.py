"""Booking an appointment at MigraDO: choosing, the typed steps, confirming.

Buttons carry every choice (``book:v1:time:<service>:<slot>``), so the steps before and after
typing are stateless: a stale or forged button is checked against the schedule and the
person's own draft, never trusted. Only the two typed answers (name, phone) need a conversation
state, kept by a persistent ConversationHandler; the draft itself (service, time, interpreter,
name, phone) lives in Redis with the hold on the slot.

service → checklist + days → times → (hold) interpreter → name → phone → summary → confirm →
confirmation with the booking code, address, checklist, an .ics file and the map. The person's
own bookings (/mybookings: cancel, move) are ``flows/mybookings.py``; what is shown,
``flows/booking_views.py``; reminders and closed-day notices, ``bot/jobs.py``.
"""

from __future__ import annotations

import enum
import logging
import warnings
from datetime import date, datetime
from typing import Any

from telegram import InlineKeyboardButton, InputFile, Update
from telegram.error import TelegramError
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
from bot.callbacks import BookAction
from bot.context import LotseContext
from bot.flows import booking_views as views
from bot.flows.common import (
    NEW_MESSAGE,
    PRIVATE,
    answer_query,
    language_of,
    say,
    show,
    stale_button,
    t,
)
from bot.languages import BY_CODE
from bot.services.booking import Booking, BookingService
from bot.services.booking_errors import (
    HoldExpired,
    InvalidSlot,
    NoDraft,
    NotYours,
    Overlap,
    SlotUnavailable,
    TooMany,
)
from bot.services.calendar import ics
from bot.services.contact import valid_name, valid_phone
from bot.services.schedule import Schedule

log = logging.getLogger(__name__)


class State(enum.IntEnum):
    """The two typed steps of a booking."""

    ASK_NAME = 1
    ASK_PHONE = 2


# -- helpers ---------------------------------------------------------------------------------


def _service(context: LotseContext) -> BookingService | None:
    return context.bot_data.booking


def _schedule(context: LotseContext) -> Schedule | None:
    return context.bot_data.content.current.booking


def _ready(context: LotseContext) -> tuple[BookingService, Schedule] | None:
    """The booking service and the schedule, when booking is possible at all."""
    service, schedule = _service(context), _schedule(context)
    return (service, schedule) if service is not None and schedule is not None else None


def user_id_of(update: Update) -> int:
    """The person tapping or typing (booking updates always come from a user)."""
    user = update.effective_user
    assert user is not None, "booking updates come from a user"
    return user.id


def parse_day(text: str) -> date | None:
    """A ``yyyymmdd`` button argument as a date."""
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


async def unavailable(update: Update, context: LotseContext, lang: str) -> None:
    """Booking cannot be done now (no Redis, no schedule): says so, with MigraDO's address."""
    await show(update, context, lang, views.unavailable(context.bot_data, lang))


# -- choosing --------------------------------------------------------------------------------


async def start_booking(update: Update, context: LotseContext) -> None:
    """Offers MigraDO's services (menu button, the book_appointment intent)."""
    lang = language_of(update, context)
    ready = _ready(context)
    if ready is None:
        await unavailable(update, context, lang)
        return
    await show(update, context, lang, views.services(context.bot_data, lang, ready[1]))


async def show_days(
    update: Update, context: LotseContext, lang: str, service_id: str, *, moving: str = ""
) -> None:
    """The service's checklist and the days with a free slot (for a move: ``moving`` code)."""
    ready = _ready(context)
    if ready is None:
        await unavailable(update, context, lang)
        return
    service, schedule = ready
    free = await service.free_days(service_id)
    if not free:
        await show(update, context, lang, views.no_days(context.bot_data, lang, schedule))
        return
    view = views.days(context.bot_data, lang, schedule, service_id, free, moving=moving)
    await show(update, context, lang, view)


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
    ready = _ready(context)
    if ready is None:
        await unavailable(update, context, lang)
        return
    service, schedule = ready
    slots = await service.free_slots(service_id, day)
    if not slots:
        await say(update, context, lang, t(context, lang, "booking-no-times"))
        await show_days(update, context, lang, service_id, moving=moving)
        return
    view = views.times(context.bot_data, lang, schedule, service_id, day, slots, moving=moving)
    await show(update, context, lang, view)


async def offer_next(
    update: Update, context: LotseContext, lang: str, service_id: str, key: str
) -> None:
    """After a lost race: the sentence ``key`` and the next free times as buttons."""
    ready = _ready(context)
    if ready is None:
        await unavailable(update, context, lang)
        return
    service, schedule = ready
    slots = await service.next_free(service_id, limit=4)
    view = views.next_free(context.bot_data, lang, schedule, service_id, slots, key)
    await show(update, context, lang, view)


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
    ready = _ready(context)
    if ready is None:
        await unavailable(update, context, lang)
        return
    service, schedule = ready
    try:
        hold = await service.hold(
            user_id_of(update), service_id, slot_id, replaces=replaces, copy_from=copy_from
        )
    except SlotUnavailable:
        await offer_next(update, context, lang, service_id, "booking-full")
        return
    except InvalidSlot:
        await say(update, context, lang, t(context, lang, "booking-invalid-slot"))
        await show_days(update, context, lang, service_id, moving=replaces)
        return
    except NotYours:
        await not_yours(update, context, lang)
        return
    held = views.held(context.bot_data, lang, schedule, hold.start)
    if hold.name:  # a move or a rebooking: the details are known already
        await send_summary(update, context, lang, intro=held)
        return
    await show(update, context, lang, views.interpreter_question(context.bot_data, lang, held))


async def send_summary(
    update: Update, context: LotseContext, lang: str, *, intro: str = ""
) -> None:
    """Shows the draft with 'book it' and 'cancel' buttons."""
    ready = _ready(context)
    if ready is None:
        await unavailable(update, context, lang)
        return
    service, schedule = ready
    hold = await service.get_hold(user_id_of(update))
    if hold is None:
        await no_draft(update, context, lang)
        return
    await show(update, context, lang, views.summary(context.bot_data, lang, schedule, hold, intro))


async def no_draft(update: Update, context: LotseContext, lang: str) -> None:
    """A step of a booking that no longer exists: says so and offers to start again."""
    await say(update, context, lang, t(context, lang, "booking-no-draft"))
    await start_booking(update, context)


async def show_bookings(update: Update, context: LotseContext) -> None:
    """The person's upcoming appointments with cancel and move buttons (also /mybookings)."""
    lang = language_of(update, context)
    ready = _ready(context)
    if ready is None:
        await unavailable(update, context, lang)
        return
    service, schedule = ready
    bookings = await service.bookings_of(user_id_of(update))
    await show(update, context, lang, views.my_bookings(context.bot_data, lang, schedule, bookings))


async def not_yours(update: Update, context: LotseContext, lang: str) -> None:
    """A button about a booking that is not (or no longer) this person's: "no longer valid"
    and the menu, the same for a forged, a foreign and an old code, so a button never reveals
    whether someone else's booking exists. (The caller has answered the button already.)"""
    await stale_button(update, context, answered=True)


# -- the typed steps (conversation) ------------------------------------------------------------


async def interpreter_chosen(update: Update, context: LotseContext) -> State:
    """Stores the interpreter language and asks for the name."""
    await answer_query(update)
    lang = language_of(update, context)
    query = update.callback_query
    data = callbacks.parse(query.data if query else None, callbacks.BOOK)
    parsed = data.action(BookAction) if data else None
    code = parsed[1][0] if parsed and len(parsed[1]) == 1 else None
    service = _service(context)
    if service is None:
        await unavailable(update, context, lang)
        raise ApplicationHandlerStop(ConversationHandler.END)
    if code is None or not (code == "none" or code in BY_CODE or code == lang):
        await stale_button(update, context, answered=True)
        raise ApplicationHandlerStop(ConversationHandler.END)
    if await service.update_hold(user_id_of(update), interpreter=code) is None:
        await no_draft(update, context, lang)
        raise ApplicationHandlerStop(ConversationHandler.END)
    await show(update, context, lang, views.ask_name(context.bot_data, lang))
    raise ApplicationHandlerStop(State.ASK_NAME)


async def name_typed(update: Update, context: LotseContext) -> State | int:
    """Stores a valid name and asks for a phone number; asks again otherwise."""
    lang = language_of(update, context)
    service = _service(context)
    if service is None or await service.get_hold(user_id_of(update)) is None:
        return ConversationHandler.END  # the draft is gone: the message is an ordinary one
    message = update.effective_message
    name = valid_name(message.text or "") if message else None
    if name is None:
        await show(update, context, lang, views.name_invalid(context.bot_data, lang))
        raise ApplicationHandlerStop(State.ASK_NAME)
    await service.update_hold(user_id_of(update), name=name)
    await show(update, context, lang, views.ask_phone(context.bot_data, lang, _schedule(context)))
    raise ApplicationHandlerStop(State.ASK_PHONE)


async def not_a_name(update: Update, context: LotseContext) -> State | int:
    """A sticker, photo or voice message where the name was asked: asks again."""
    service = _service(context)
    if service is None or await service.get_hold(user_id_of(update)) is None:
        return ConversationHandler.END
    lang = language_of(update, context)
    await show(update, context, lang, views.name_invalid(context.bot_data, lang))
    raise ApplicationHandlerStop(State.ASK_NAME)


async def phone_typed(update: Update, context: LotseContext) -> State | int:
    """Stores a valid phone number and shows the summary; asks again otherwise."""
    lang = language_of(update, context)
    service = _service(context)
    if service is None or await service.get_hold(user_id_of(update)) is None:
        return ConversationHandler.END
    message = update.effective_message
    phone = valid_phone(message.text or "") if message and message.text else None
    if phone is None:
        await show(update, context, lang, views.phone_invalid(context.bot_data, lang))
        raise ApplicationHandlerStop(State.ASK_PHONE)
    await service.update_hold(user_id_of(update), phone=phone)
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
        return
    hold = await service.get_hold(user_id_of(update))
    if hold is None or not hold.name:
        await no_draft(update, context, lang)
        return
    await service.update_hold(user_id_of(update), phone="")
    await send_summary(update, context, lang)


async def leave(update: Update, context: LotseContext) -> int:
    """Ends the typed steps when the person does something else; other handlers answer it."""
    return ConversationHandler.END


# -- confirming --------------------------------------------------------------------------------


async def confirm(update: Update, context: LotseContext) -> None:
    """Books the draft; on a lost race offers the next free times."""
    lang = language_of(update, context)
    ready = _ready(context)
    if ready is None:
        await unavailable(update, context, lang)
        return
    service, schedule = ready
    user_id = user_id_of(update)
    hold = await service.get_hold(user_id)
    if hold is None:
        # Typically a second tap on "book it": show what is booked rather than an error.
        if await service.bookings_of(user_id):
            await show_bookings(update, context)
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
        count = schedule.max_upcoming
        await say(update, context, lang, t(context, lang, "booking-too-many", count=count))
        return
    except (NoDraft, InvalidSlot):
        await no_draft(update, context, lang)
        return
    except NotYours:
        await not_yours(update, context, lang)
        return
    log.info("booked %s (%s)", booking.service_id, "moved" if hold.replaces else "new")
    await send_confirmation(update, context, lang, booking, schedule, moved_from=hold.replaces)


async def send_confirmation(
    update: Update,
    context: LotseContext,
    lang: str,
    booking: Booking,
    schedule: Schedule,
    *,
    moved_from: str = "",
) -> None:
    """The booking code, details and checklist; the .ics file; the place on the map."""
    view = views.confirmation(context.bot_data, lang, schedule, booking, moved_from=moved_from)
    await show(update, context, lang, view)
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
    event = views.calendar_event(context.bot_data, schedule, booking, lang)
    await context.bot.send_document(
        chat_id,
        InputFile(ics([event]), filename=f"migrado-{booking.display_code}.ics"),
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
    if service is None:
        await unavailable(update, context, lang)
        return
    await service.release_hold(user_id_of(update))
    await show(update, context, lang, views.aborted(context.bot_data, lang))


async def tapped(
    update: Update, context: LotseContext
) -> tuple[BookAction, tuple[str, ...]] | None:
    """The action and arguments of a ``book:v1:`` button, with the tap answered once; None
    (after the polite stale answer) for anything that is not a current booking button."""
    query = update.callback_query
    data = callbacks.parse(query.data if query else None, callbacks.BOOK)
    parsed = data.action(BookAction) if data else None
    if parsed is None:
        await stale_button(update, context)
        return None
    await answer_query(update)  # once, here: the steps after it never answer it again
    return parsed


async def on_button(update: Update, context: LotseContext) -> None:
    """Routes the choosing buttons (``book:v1:svc|day|time|nophone|confirm|abort|start``)."""
    parsed = await tapped(update, context)
    if parsed is None:
        return
    action, rest = parsed
    lang = language_of(update, context)
    if action is BookAction.START and not rest:
        await start_booking(update, context)
        return
    schedule = _schedule(context)
    if _service(context) is None or schedule is None:
        await unavailable(update, context, lang)
        return
    services = schedule.services
    if action is BookAction.SERVICE and len(rest) == 1 and rest[0] in services:
        await show_days(update, context, lang, rest[0])
    elif (
        action is BookAction.DAY
        and len(rest) == 2
        and rest[0] in services
        and (day := parse_day(rest[1]))
    ):
        await show_times(update, context, lang, rest[0], day)
    elif action is BookAction.TIME and len(rest) == 2 and rest[0] in services:
        await hold_time(update, context, lang, rest[0], rest[1])
    elif action is BookAction.NO_PHONE and not rest:
        await skip_phone(update, context)
    elif action is BookAction.CONFIRM and not rest:
        await confirm(update, context)
    elif action is BookAction.ABORT and not rest:
        await abort(update, context)
    else:
        await stale_button(update, context, answered=True)


def offer_buttons(
    context: LotseContext, lang: str, topic_id: str, variant: str = ""
) -> list[list[InlineKeyboardButton]]:
    """Buttons that book a MigraDO service straight from an answer that leads there."""
    ready = _ready(context)
    if ready is None:
        return []
    return views.offer_buttons(context.bot_data, lang, ready[1], topic_id, variant)


# -- registration -------------------------------------------------------------------------------


def build_handler(*, persistent: bool) -> ConversationHandler[LotseContext]:
    """The typed steps of a booking (its own group, before the handoff relay)."""
    with warnings.catch_warnings():
        # Tracked per chat, not per message: the question belongs to the chat.
        warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")
        return ConversationHandler(
            entry_points=[
                CallbackQueryHandler(
                    interpreter_chosen,
                    pattern=callbacks.pattern(callbacks.BOOK, BookAction.INTERPRETER),
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
                        phone_skipped,
                        pattern=callbacks.pattern(callbacks.BOOK, BookAction.NO_PHONE, whole=True),
                    ),
                ],
            },
            fallbacks=[CallbackQueryHandler(leave), MessageHandler(filters.ALL, leave)],
            name="booking",
            persistent=persistent,
            allow_reentry=True,
        )


def build_handlers() -> list[BaseHandler[Update, LotseContext, Any]]:
    """The choosing buttons; the person's bookings are ``mybookings``."""
    return [
        CallbackQueryHandler(
            on_button, pattern=callbacks.pattern(callbacks.BOOK, *callbacks.BOOKING_ACTIONS)
        ),
    ]
