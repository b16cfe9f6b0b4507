"""The front desk's view of a day: rows for a list, a CSV file and an .ics file."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from bot.i18n import language_name
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


def interpreter_de(code: str) -> str:
    """The interpreter language in German ("Arabisch"), or "keins"."""
    return "keins" if code in {"", "none"} else language_name(code, "de")


def desk_rows(bookings: Iterable[Booking], schedule: Schedule) -> list[DeskRow]:
    """The bookings in time order, with German service and language names."""
    rows = []
    for booking in sorted(bookings, key=lambda b: (b.start, b.counter, b.code)):
        service = schedule.services.get(booking.service_id)
        interpreter = interpreter_de(booking.interpreter)
        rows.append(
            DeskRow(
                time=schedule.local(booking.start).strftime("%H:%M"),
                end=schedule.local(booking.end).strftime("%H:%M"),
                code=booking.display_code,
                service=service.short if service else booking.service_id,
                name=booking.name,
                phone=booking.phone,
                interpreter=interpreter,
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


def day_ics(bookings: Iterable[Booking], schedule: Schedule) -> bytes:
    """Every appointment of the day as calendar events (for the office's calendar)."""
    events = []
    for booking in bookings:
        service = schedule.services.get(booking.service_id)
        interpreter = interpreter_de(booking.interpreter)
        events.append(
            Event(
                uid=f"{booking.code}@lotse-dortmund",
                start=booking.start,
                end=booking.end,
                summary=f"{service.short if service else booking.service_id}: {booking.name}",
                description=(
                    f"Nr. {booking.display_code}\nDolmetschen: {interpreter}\n"
                    f"Telefon: {booking.phone or '-'}\nSchalter: {booking.counter}"
                ),
            )
        )
    return ics(events)
