"""Callback data: namespaced and versioned (``topic:v1:registration``), parsed in one place.

Old buttons keep working as long as their version is understood; anything else (forged,
foreign, from an older release) parses to ``None`` and gets a polite answer.

Every button a flow makes names its namespace and, where the namespace has verbs, an action from
the namespace's enum (``BookAction.CONFIRM``). Handlers are routed with :func:`pattern`, the one
place a callback regex is written.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import TypeVar

VERSION = "v1"
_TOKEN = re.compile(r"^[a-z0-9_]{1,32}$")
_A = TypeVar("_A", bound=enum.StrEnum)


# Namespaces
LANG = "lang"
MENU = "menu"
TOPIC = "topic"
DISTRICT = "district"
BOOK = "book"
HANDOFF = "handoff"
PRIVACY = "privacy"
#: A frequent question: ``faq:v1:<topic>:<slug>``.
FAQ = "faq"
#: A vote on an answer, see :class:`FeedbackAction`.
FEEDBACK = "fb"


class MenuAction(enum.StrEnum):
    """``menu:v1:<action>``."""

    SHOW = "show"


class BookAction(enum.StrEnum):
    """``book:v1:<action>:…`` — booking an appointment and managing one's bookings."""

    #: Choose a service (no arguments).
    START = "start"
    #: The person's bookings (/mybookings).
    LIST = "list"
    #: ``svc:<service>`` a service was chosen: its checklist and the free days.
    SERVICE = "svc"
    #: ``day:<service>:<yyyymmdd>`` a day: its free times.
    DAY = "day"
    #: ``time:<service>:<slot>`` a time: hold it.
    TIME = "time"
    #: ``int:<language|none>`` the interpreter language.
    INTERPRETER = "int"
    #: Go on without a phone number.
    NO_PHONE = "nophone"
    #: Book the held time.
    CONFIRM = "confirm"
    #: Give the held time back.
    ABORT = "abort"
    #: ``cancel:<code>`` ask whether to cancel a booking.
    CANCEL = "cancel"
    #: ``cancelok:<code>`` cancel it.
    CANCEL_OK = "cancelok"
    #: ``keep:<code>`` keep it after all.
    KEEP = "keep"
    #: ``move:<code>`` move a booking: the free days.
    MOVE = "move"
    #: ``mday:<code>:<yyyymmdd>`` moving: a day's free times.
    MOVE_DAY = "mday"
    #: ``mtime:<code>:<slot>`` moving: hold the new time.
    MOVE_TIME = "mtime"
    #: ``rebook:<code>:<slot>`` the office closed the day: take this time instead.
    REBOOK = "rebook"


#: The actions of the typed steps and of the choosing before them (flows/booking.py); the rest
#: belong to the person's bookings (flows/mybookings.py).
BOOKING_ACTIONS = (
    BookAction.START,
    BookAction.SERVICE,
    BookAction.DAY,
    BookAction.TIME,
    BookAction.NO_PHONE,
    BookAction.CONFIRM,
    BookAction.ABORT,
)
MYBOOKINGS_ACTIONS = (
    BookAction.LIST,
    BookAction.CANCEL,
    BookAction.CANCEL_OK,
    BookAction.KEEP,
    BookAction.MOVE,
    BookAction.MOVE_DAY,
    BookAction.MOVE_TIME,
    BookAction.REBOOK,
)


class HandoffAction(enum.StrEnum):
    """``handoff:v1:<action>`` — talking to a person."""

    START = "start"
    YES = "yes"
    NO = "no"
    SKIP = "skip"
    END = "end"


class PrivacyAction(enum.StrEnum):
    """``privacy:v1:<action>`` — deleting one's data."""

    ASK = "ask"
    CONFIRM = "confirm"
    CANCEL = "cancel"


class FeedbackAction(enum.StrEnum):
    """``fb:v1:<action>…`` — 👍 / 👎 under an answer.

    ``up|down:<t|q>:<topic>:<variant or slug>:<answer key>``: ``t`` a topic answer (variant
    ``_`` for none), ``q`` a frequent question; the key is six hex digits of the German source
    hash, so a person votes once per version of an answer.
    """

    UP = "up"
    DOWN = "down"
    #: Not saying what was missing after 👎.
    SKIP = "skip"


#: The one "other language" entry of the language picker (``lang:v1:other``).
LANG_OTHER = "other"


@dataclass(frozen=True)
class Callback:
    """A parsed button: its namespace and arguments."""

    namespace: str
    args: tuple[str, ...]

    def action(self, actions: type[_A]) -> tuple[_A, tuple[str, ...]] | None:
        """The first argument as a member of ``actions`` and the rest, or None if it is not one."""
        if not self.args:
            return None
        try:
            return actions(self.args[0]), self.args[1:]
        except ValueError:
            return None


def make(namespace: str, *args: str) -> str:
    """Builds callback data; every part must be a short lower-case token."""
    for part in (namespace, *args):
        if not _TOKEN.match(part):
            raise ValueError(f"bad callback token {part!r}")
    data = ":".join((namespace, VERSION, *args))
    if len(data.encode()) > 64:  # Telegram's limit
        raise ValueError(f"callback data too long: {data!r}")
    return data


def parse(data: str | None, namespace: str) -> Callback | None:
    """Parses data of ``namespace`` in the current version, or returns None."""
    if not data:
        return None
    parts = data.split(":")
    if len(parts) < 2 or parts[0] != namespace or parts[1] != VERSION:
        return None
    args = tuple(parts[2:])
    if not all(_TOKEN.match(a) for a in args):
        return None
    return Callback(namespace, args)


def pattern(namespace: str, *first: str, whole: bool = False) -> str:
    """The regex a CallbackQueryHandler routes with.

    ``pattern(BOOK)``: every ``book:`` button, any version (an old one is then answered as
    stale by the flow). ``pattern(BOOK, BookAction.CONFIRM, BookAction.ABORT)``: the current
    version with one of these first arguments (more may follow). ``whole=True``: nothing may
    follow (``topic:v1:counselling`` but not ``topic:v1:counselling:x``).
    """
    if not first:
        return rf"^{re.escape(namespace)}:"
    alternatives = "|".join(re.escape(str(f)) for f in first)
    tail = "$" if whole else "(?::|$)"
    return rf"^{re.escape(namespace)}:{VERSION}:(?:{alternatives}){tail}"
