"""What can go wrong when booking at MigraDO: each refusal the flows answer in its own words."""

from __future__ import annotations


class BookingError(Exception):
    """A booking step cannot be done; ``reason`` says why, for the flow to explain."""

    reason = "error"


class SlotUnavailable(BookingError):
    """The slot is full (booked, or held by others while they confirm)."""

    reason = "full"


class InvalidSlot(BookingError):
    """The slot is not in the schedule, in the past, too soon, too far ahead, or closed."""

    reason = "invalid"


class HoldExpired(SlotUnavailable):
    """The person's hold lapsed while they typed, and someone else took the place."""

    reason = "expired"


class NoDraft(BookingError):
    """There is nothing to confirm: no draft (never started, booked already, or long gone)."""

    reason = "no_draft"


class Overlap(BookingError):
    """The person already has a booking at an overlapping time."""

    reason = "overlap"


class TooMany(BookingError):
    """The person already has the maximum number of upcoming bookings."""

    reason = "too_many"


class NotYours(BookingError):
    """The booking does not exist, belongs to someone else, or is no longer active."""

    reason = "not_yours"
