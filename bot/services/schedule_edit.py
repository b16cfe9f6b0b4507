"""Changing MigraDO's schedule in ``content/booking.yml`` from a form, keeping the file readable.

Only the parts the page edits are rewritten — the ``hours`` block, the ``closed_days`` block and
each service's ``counters`` and ``per_slot`` — so the comments editors and developers rely on
stay where they are. The result is checked by loading it as the bot does
(``schedule.load_schedule``) before it becomes a draft.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from bot.services.schedule import WEEKDAYS, parse_interval

_COUNTER = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


class ScheduleFormError(ValueError):
    """A value typed into the form is not usable; ``code`` and ``details`` say which."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Capacity:
    """Who serves one service: its counters and how many people each takes per slot."""

    counters: tuple[str, ...]
    per_slot: int


@dataclass(frozen=True)
class ScheduleForm:
    """What the page shows and edits."""

    hours: Mapping[str, str]  # weekday -> "08:30-12:30, 13:30-15:30" ("" = closed)
    closed_days: tuple[date, ...]
    capacity: Mapping[str, Capacity]
    names: Mapping[str, str]  # service id -> German name


def read_form(text: str) -> ScheduleForm:
    """The editable values of a ``booking.yml`` text."""
    raw: dict[str, Any] = yaml.safe_load(text) or {}
    hours_raw = raw.get("hours") or {}
    hours = {day: ", ".join(str(i) for i in hours_raw.get(day) or ()) for day in WEEKDAYS}
    closed = tuple(sorted(d for d in raw.get("closed_days") or () if isinstance(d, date)))
    capacity: dict[str, Capacity] = {}
    names: dict[str, str] = {}
    for service_id, item in (raw.get("services") or {}).items():
        if isinstance(item, dict):
            capacity[str(service_id)] = Capacity(
                tuple(str(c) for c in item.get("counters") or ()), int(item.get("per_slot", 1))
            )
            names[str(service_id)] = str(item.get("name") or service_id)
    return ScheduleForm(hours, closed, capacity, names)


def parse_hours(day: str, value: str) -> list[str]:
    """ "08:30-12:30, 13:30-15:30" as a list of intervals (checked); "" means closed."""
    intervals = [part.strip() for part in re.split(r"[,;\n]", value) if part.strip()]
    for interval in intervals:
        try:
            parse_interval(interval)
        except ValueError:
            raise ScheduleFormError("bad-hours", day=day, value=interval) from None
    return intervals


def parse_days(value: str) -> list[date]:
    """One date (YYYY-MM-DD) per line or separated by commas."""
    days = []
    for part in re.split(r"[,;\s]+", value.strip()):
        if not part:
            continue
        try:
            days.append(date.fromisoformat(part))
        except ValueError:
            raise ScheduleFormError("bad-day", value=part) from None
    return sorted(set(days))


def parse_capacity(service_id: str, counters: str, per_slot: str) -> Capacity:
    """Counters as a comma list of short names, people per slot as a number 1 to 20."""
    names = tuple(c.strip() for c in re.split(r"[,\s]+", counters) if c.strip())
    if not names or not all(_COUNTER.match(c) for c in names):
        raise ScheduleFormError("bad-counters", service=service_id)
    try:
        people = int(per_slot)
    except ValueError:
        raise ScheduleFormError("bad-per-slot", service=service_id) from None
    if not 1 <= people <= 20:
        raise ScheduleFormError("bad-per-slot", service=service_id)
    return Capacity(names, people)


def _block_end(lines: list[str], start: int) -> int:
    """The index after a top-level block that starts at ``start`` (its indented lines)."""
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    # Blank lines at the end belong to what follows.
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _replace_block(lines: list[str], key: str, new: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if re.match(rf"^{re.escape(key)}:(\s|$)", line):
            return [*lines[:i], *new, *lines[_block_end(lines, i) :]]
    return [*lines, *new]


def _set_service_field(lines: list[str], service_id: str, field: str, value: str) -> list[str]:
    start = next((i for i, ln in enumerate(lines) if re.match(r"^services:\s*$", ln)), None)
    if start is None:
        raise ScheduleFormError("no-services")
    end = _block_end(lines, start)
    head = next(
        (
            i
            for i in range(start + 1, end)
            if re.match(rf"^  {re.escape(service_id)}:\s*$", lines[i])
        ),
        None,
    )
    if head is None:
        raise ScheduleFormError("unknown-service", service=service_id)
    stop = head + 1
    while stop < end and (lines[stop].startswith("    ") or not lines[stop].strip()):
        stop += 1
    for i in range(head + 1, stop):
        if re.match(rf"^    {field}:", lines[i]):
            lines[i] = f"    {field}: {value}"
            return lines
    return [*lines[: head + 1], f"    {field}: {value}", *lines[head + 1 :]]


def apply_form(
    text: str,
    hours: Mapping[str, Sequence[str]],
    closed_days: Sequence[date],
    capacity: Mapping[str, Capacity],
) -> str:
    """``booking.yml`` with new hours, closed days and capacities; everything else unchanged."""
    lines = text.splitlines()
    hour_lines = ["hours:"]
    for day in WEEKDAYS:
        intervals = hours.get(day) or ()
        if intervals:
            quoted = ", ".join(f'"{interval}"' for interval in intervals)
            hour_lines.append(f"  {day}: [{quoted}]")
    if len(hour_lines) == 1:
        hour_lines = ["hours: {}"]
    lines = _replace_block(lines, "hours", hour_lines)
    day_lines = ["closed_days:", *(f"  - {d.isoformat()}" for d in sorted(closed_days))]
    if len(day_lines) == 1:
        day_lines = ["closed_days: []"]
    lines = _replace_block(lines, "closed_days", day_lines)
    for service_id, cap in capacity.items():
        lines = _set_service_field(lines, service_id, "counters", f"[{', '.join(cap.counters)}]")
        lines = _set_service_field(lines, service_id, "per_slot", str(cap.per_slot))
    return "\n".join(lines) + "\n"
