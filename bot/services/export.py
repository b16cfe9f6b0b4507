"""The front desk's view of a day: rows for a list, a CSV file and an .ics file."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from bot.i18n import Catalogues, language_name
from bot.services.booking import Booking
from bot.services.calendar import Event, ics
from bot.services.schedule import Schedule

CSV_FIELDS = (
    "time",
    "end",
    "code",
    "service",
    "name",
    "phone",
    "interpreter",
    "language",
    "counter",
)


@dataclass(frozen=True)
class DeskRow:
    """One appointment as the front desk reads it (German)."""

    time: str
    end: str
    code: str
    service: str
    name: str
    phone: str
    interpreter: str
    language: str
    counter: str


def _in_order(bookings: Iterable[Booking]) -> list[Booking]:
    return sorted(bookings, key=lambda b: (b.start, b.counter, b.code))


def desk_rows(
    bookings: Iterable[Booking], schedule: Schedule, catalogues: Catalogues
) -> list[DeskRow]:
    """The bookings in time order, with German service and language names."""
    none = catalogues.staff_t("staff-interpreter-none")
    rows = []
    for booking in _in_order(bookings):
        service = schedule.services.get(booking.service_id)
        interpreter = booking.interpreter
        rows.append(
            DeskRow(
                time=schedule.local(booking.start).strftime("%H:%M"),
                end=schedule.local(booking.end).strftime("%H:%M"),
                code=booking.display_code,
                service=service.short if service else booking.service_id,
                name=booking.name,
                phone=booking.phone,
                interpreter=none
                if interpreter in {"", "none"}
                else language_name(interpreter, "de"),
                language=language_name(booking.lang, "de"),
                counter=booking.counter,
            )
        )
    return rows


def day_csv(rows: Iterable[DeskRow]) -> str:
    """CSV with a header line (UTF-8 text; spreadsheet programs open it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for row in rows:
        writer.writerow([getattr(row, f) for f in CSV_FIELDS])
    return out.getvalue()


def day_ics(bookings: Iterable[Booking], schedule: Schedule, catalogues: Catalogues) -> bytes:
    """Every appointment of the day as calendar events (for the office's calendar)."""
    ordered = _in_order(bookings)
    events = [
        Event(
            uid=f"{booking.code}@lotse-dortmund",
            start=booking.start,
            end=booking.end,
            summary=f"{row.service}: {row.name}",
            description=catalogues.staff_t(
                "staff-ics-description",
                code=row.code,
                interpreter=row.interpreter,
                phone=row.phone or "-",
                counter=row.counter,
            ),
        )
        for booking, row in zip(ordered, desk_rows(ordered, schedule, catalogues), strict=True)
    ]
    return ics(events)
