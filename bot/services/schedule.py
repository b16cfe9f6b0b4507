"""MigraDO's bookable services and opening hours (``content/booking.yml``), as slots.

Pure calculation, no storage: which days are open (weekday hours, NRW public holidays, closed
days), which slots a service has on a day, whether a slot id is real. Times are computed in
absolute time (UTC) from local opening hours, so a day on which the clocks change has exactly
as many slots as fit into its real hours. A slot's id is its UTC start, ``YYYYMMDDHHMM``.

Service names and checklists are German; ``translations/<lang>/booking.yml`` holds their
translations, each with the hash of the German it was made from (status derived, like topics).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
import yaml

from bot.languages import CODES, FALLBACK_CHAIN, SOURCE_LANGUAGE
from bot.services.content_types import ERROR, MISSING, OUTDATED, Problem, Status

CONFIG = "booking.yml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SERVICE_ID = re.compile(r"^[a-z][a-z0-9_]{1,23}$")
_INTERVAL = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_SLOT_ID = re.compile(r"^\d{12}$")


class ScheduleError(Exception):
    """``booking.yml`` cannot be read at all."""


@dataclass(frozen=True)
class Service:
    """One bookable service, in German (the source)."""

    id: str
    name: str
    short: str
    duration: timedelta
    counters: tuple[str, ...]
    per_slot: int
    bring: tuple[str, ...]
    offered_after: tuple[str, ...] = ()

    @property
    def capacity(self) -> int:
        """People per slot: every counter serving it, each ``per_slot`` people."""
        return len(self.counters) * self.per_slot

    @property
    def source_hash(self) -> str:
        """Hash of what a translator translates (name and checklist)."""
        canonical = json.dumps(
            [self.name.strip(), self.short.strip(), [b.strip() for b in self.bring]]
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class ServiceText:
    """A service's name and checklist in one language."""

    service_id: str
    lang: str
    name: str
    short: str
    bring: tuple[str, ...]
    source_hash: str = ""
    machine_translated: bool = False
    reviewed: bool = True


@dataclass(frozen=True)
class Slot:
    """One bookable time of one service."""

    service_id: str
    start: datetime  # aware, UTC
    end: datetime

    @property
    def id(self) -> str:
        """The UTC start as ``YYYYMMDDHHMM``: unambiguous on days the clocks change."""
        return self.start.astimezone(UTC).strftime("%Y%m%d%H%M")


def slot_start(slot_id: str) -> datetime | None:
    """The UTC start a slot id stands for, or None when it is not one."""
    if not _SLOT_ID.match(slot_id):
        return None
    try:
        return datetime.strptime(slot_id, "%Y%m%d%H%M").replace(tzinfo=UTC)
    except ValueError:
        return None


@dataclass(frozen=True)
class Schedule:
    """Everything in ``booking.yml`` and its translations, loaded at one moment."""

    tz: ZoneInfo
    office_id: str
    services: Mapping[str, Service]
    hours: Mapping[int, tuple[tuple[time, time], ...]]  # weekday (0 = Monday) -> intervals
    closed_days: frozenset[date]
    lead_time: timedelta
    horizon_days: int
    hold: timedelta
    max_upcoming: int
    keep_after: timedelta
    holiday_country: str | None = None
    holiday_subdivision: str | None = None
    map_point: tuple[float, float] | None = None
    translations: Mapping[str, Mapping[str, ServiceText]] = field(default_factory=dict)
    facts: tuple[Mapping[str, Any], ...] = ()
    problems: tuple[str, ...] = ()

    # -- days ----------------------------------------------------------------------------
    def holiday(self, day: date) -> str | None:
        """The name of the public holiday on ``day``, or None."""
        if not self.holiday_country:
            return None
        return _holidays(self.holiday_country, self.holiday_subdivision, day.year).get(day)

    def is_open(self, day: date, extra_closed: Iterable[date] = ()) -> bool:
        """True when the office opens on ``day`` (hours, not a holiday, not closed)."""
        return (
            bool(self.hours.get(day.weekday()))
            and day not in self.closed_days
            and day not in set(extra_closed)
            and self.holiday(day) is None
        )

    def local_day(self, moment: datetime) -> date:
        """The office's calendar day at ``moment``."""
        return moment.astimezone(self.tz).date()

    def window(self, now: datetime) -> tuple[datetime, date]:
        """The earliest bookable start and the last bookable day, seen from ``now``."""
        return now + self.lead_time, self.local_day(now) + timedelta(days=self.horizon_days)

    # -- slots ---------------------------------------------------------------------------
    def slots(self, service_id: str, day: date) -> list[Slot]:
        """Every slot of a service on a day the office is open (free or not)."""
        service = self.services.get(service_id)
        if service is None or not self.is_open(day):
            return []
        result: list[Slot] = []
        for opens, closes in self.hours.get(day.weekday(), ()):
            # fold=0: a nonexistent local time (spring) maps forward, an ambiguous one (autumn)
            # to its first occurrence; stepping in UTC then follows the real clock.
            start = datetime.combine(day, opens, self.tz).astimezone(UTC)
            end = datetime.combine(day, closes, self.tz).astimezone(UTC)
            while start + service.duration <= end:
                result.append(Slot(service_id, start, start + service.duration))
                start += service.duration
        return result

    def slot(self, service_id: str, slot_id: str) -> Slot | None:
        """The slot behind an id from a button, or None when the schedule has no such slot."""
        start = slot_start(slot_id)
        if start is None or service_id not in self.services:
            return None
        for candidate in self.slots(service_id, self.local_day(start)):
            if candidate.start == start:
                return candidate
        return None

    def reminder_times(self, slot: Slot) -> dict[str, datetime]:
        """When to remind: 18:00 local the evening before, and two hours before the start."""
        local = slot.start.astimezone(self.tz)
        evening = datetime.combine(local.date() - timedelta(days=1), time(18, 0), self.tz)
        return {"day": evening.astimezone(UTC), "2h": slot.start - timedelta(hours=2)}

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the office's time zone."""
        return moment.astimezone(self.tz)

    # -- words ---------------------------------------------------------------------------
    def status(self, service_id: str, lang: str) -> Status:
        """Derived status of a service's translation."""
        service = self.services.get(service_id)
        if lang == SOURCE_LANGUAGE:
            return Status.UP_TO_DATE if service else Status.MISSING
        text = self.translations.get(lang, {}).get(service_id)
        if service is None or text is None:
            return Status.MISSING
        if text.source_hash != service.source_hash:
            return Status.OUTDATED
        if text.machine_translated or not text.reviewed:
            return Status.MACHINE_TRANSLATED
        return Status.UP_TO_DATE

    def text(self, service_id: str, lang: str) -> ServiceText | None:
        """Name and checklist in ``lang``, else along the fallback chain (never outdated)."""
        service = self.services.get(service_id)
        if service is None:
            return None
        for candidate in (lang, *FALLBACK_CHAIN):
            if candidate == SOURCE_LANGUAGE:
                return ServiceText(
                    service.id, SOURCE_LANGUAGE, service.name, service.short, service.bring
                )
            text = self.translations.get(candidate, {}).get(service_id)
            if text is not None and self.status(service_id, candidate) is not Status.OUTDATED:
                return text
        return None

    def services_for_topic(self, topic_id: str, variant: str = "") -> list[Service]:
        """Services an answer offers directly ("registration:eu" or "housing")."""
        keys = {topic_id, f"{topic_id}:{variant}"} if variant else {topic_id}
        return [s for s in self.services.values() if keys & set(s.offered_after)]

    @property
    def unverified_facts(self) -> list[str]:
        """Claims an editor still has to confirm."""
        return [str(f.get("claim")) for f in self.facts if not f.get("verified")]

    def validate(
        self, langs: Iterable[str] = CODES, topic_keys: Iterable[str] = ()
    ) -> list[Problem]:
        """Structural problems and missing, outdated or broken translations."""
        where = f"content/{CONFIG}"
        problems = [Problem(where, p) for p in self.problems]
        known = set(topic_keys)
        for service in self.services.values():
            for key in service.offered_after:
                if known and key not in known:
                    problems.append(Problem(where, f"service {service.id}: unknown answer {key!r}"))
        for lang in langs:
            if lang == SOURCE_LANGUAGE:
                continue
            path = f"translations/{lang}/{CONFIG}"
            for service in self.services.values():
                status = self.status(service.id, lang)
                if status is Status.MISSING:
                    problems.append(Problem(path, f"missing translation of {service.id}", MISSING))
                    continue
                # An outdated text is never shown, so what no longer fits is translation work.
                kind = OUTDATED if status is Status.OUTDATED else ERROR
                if status is Status.OUTDATED:
                    problems.append(
                        Problem(path, f"{service.id} outdated: the German changed since", OUTDATED)
                    )
                text = self.translations[lang][service.id]
                if not text.name.strip() or not text.short.strip():
                    problems.append(Problem(path, f"{service.id}: empty name or short", kind))
                if len(text.bring) != len(service.bring) or not all(b.strip() for b in text.bring):
                    problems.append(
                        Problem(
                            path,
                            f"{service.id}: checklist has {len(text.bring)} items, "
                            f"the German {len(service.bring)}",
                            kind,
                        )
                    )
        return problems


def public_holiday(country: str, subdivision: str | None, day: date) -> str | None:
    """The name of the public holiday on ``day`` in the region, or None."""
    return _holidays(country, subdivision, day.year).get(day)


@cache
def _holidays(country: str, subdivision: str | None, year: int) -> Mapping[date, str]:
    return dict(holidays.country_holidays(country, subdiv=subdivision, years=year).items())


def parse_interval(text: str) -> tuple[time, time]:
    """ "08:30-12:30" as two times; ValueError when it is not such an interval."""
    match = _INTERVAL.match(text.strip())
    if not match:
        raise ValueError(f"opening hours {text!r} are not HH:MM-HH:MM")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    opens, closes = time(h1, m1), time(h2, m2)
    if closes <= opens:
        raise ValueError(f"opening hours {text!r} close before they open")
    return opens, closes


def _service(service_id: str, raw: Mapping[str, Any]) -> Service:
    return Service(
        id=service_id,
        name=str(raw.get("name") or ""),
        short=str(raw.get("short") or raw.get("name") or ""),
        duration=timedelta(minutes=int(raw.get("duration_minutes", 0))),
        counters=tuple(str(c) for c in raw.get("counters") or ()),
        per_slot=int(raw.get("per_slot", 1)),
        bring=tuple(str(b) for b in raw.get("bring") or ()),
        offered_after=tuple(str(o) for o in raw.get("offered_after") or ()),
    )


def _read_yaml(path: Path) -> Mapping[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ScheduleError(f"{path}: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise ScheduleError(f"{path}: expected a mapping at the top")
    return raw


def _translations(
    translations_dir: Path, services: Mapping[str, Service]
) -> tuple[dict[str, dict[str, ServiceText]], list[str]]:
    result: dict[str, dict[str, ServiceText]] = {}
    problems: list[str] = []
    if not translations_dir.is_dir():
        return result, problems
    for lang_dir in sorted(p for p in translations_dir.iterdir() if p.is_dir()):
        path = lang_dir / CONFIG
        if lang_dir.name == SOURCE_LANGUAGE or not path.is_file():
            continue
        try:
            raw = _read_yaml(path)
        except ScheduleError as exc:
            problems.append(str(exc))
            continue
        machine = bool(raw.get("machine_translated", True))
        reviewed = bool(raw.get("reviewed", False))
        for service_id, item in (raw.get("services") or {}).items():
            if service_id not in services or not isinstance(item, Mapping):
                problems.append(f"{path}: unknown service {service_id!r}")
                continue
            result.setdefault(lang_dir.name, {})[service_id] = ServiceText(
                service_id=service_id,
                lang=lang_dir.name,
                name=str(item.get("name") or ""),
                short=str(item.get("short") or ""),
                bring=tuple(str(b) for b in item.get("bring") or ()),
                source_hash=str(item.get("source_hash") or ""),
                machine_translated=machine,
                reviewed=reviewed,
            )
    return result, problems


def load_schedule(content_dir: Path, translations_dir: Path) -> Schedule:
    """Reads ``booking.yml`` and its translations; structural problems are collected."""
    raw = _read_yaml(content_dir / CONFIG)
    problems: list[str] = []
    try:
        tz = ZoneInfo(str(raw.get("timezone", "Europe/Berlin")))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError(f"{CONFIG}: unknown timezone ({exc})") from exc
    services: dict[str, Service] = {}
    counters_seen: dict[str, str] = {}
    for service_id, item in (raw.get("services") or {}).items():
        service_id = str(service_id)
        if not _SERVICE_ID.match(service_id) or not isinstance(item, Mapping):
            problems.append(f"service id {service_id!r} must be a short lower-case token")
            continue
        try:
            service = _service(service_id, item)
        except (TypeError, ValueError) as exc:
            problems.append(f"service {service_id}: {exc}")
            continue
        if not service.name.strip():
            problems.append(f"service {service_id}: empty name")
        if service.duration <= timedelta(0) or service.duration > timedelta(hours=4):
            problems.append(f"service {service_id}: duration_minutes must be 1–240")
        if service.capacity <= 0:
            problems.append(f"service {service_id}: needs at least one counter and per_slot ≥ 1")
        if not service.bring:
            problems.append(f"service {service_id}: empty checklist (bring)")
        for counter in service.counters:
            if counter in counters_seen:
                problems.append(
                    f"counter {counter} serves {counters_seen[counter]} and {service_id}; "
                    "a counter serves one service"
                )
            counters_seen[counter] = service_id
        services[service_id] = service
    if not services:
        problems.append("no services")
    hours: dict[int, tuple[tuple[time, time], ...]] = {}
    for name, intervals in (raw.get("hours") or {}).items():
        if name not in WEEKDAYS:
            problems.append(f"hours: unknown weekday {name!r} (use {', '.join(WEEKDAYS)})")
            continue
        try:
            parsed = tuple(sorted(parse_interval(str(i)) for i in intervals or ()))
        except ValueError as exc:
            problems.append(f"hours {name}: {exc}")
            continue
        for (_, first_close), (second_open, _) in itertools.pairwise(parsed):
            if second_open < first_close:
                problems.append(f"hours {name}: intervals overlap")
        hours[WEEKDAYS.index(name)] = parsed
    closed: set[date] = set()
    for item in raw.get("closed_days") or ():
        if isinstance(item, date):
            closed.add(item)
        else:
            problems.append(f"closed_days: {item!r} is not a date (YYYY-MM-DD)")
    holiday_cfg = raw.get("holidays") or {}
    country = holiday_cfg.get("country")
    subdivision = holiday_cfg.get("subdivision")
    if country:
        try:
            holidays.country_holidays(str(country), subdiv=subdivision)
        except NotImplementedError as exc:
            problems.append(f"holidays: {exc}")
            country = None
    point = raw.get("map") or None
    map_point = (float(point["latitude"]), float(point["longitude"])) if point else None
    translations, translation_problems = _translations(translations_dir, services)
    return Schedule(
        tz=tz,
        office_id=str(raw.get("office", "migrado")),
        services=services,
        hours=hours,
        closed_days=frozenset(closed),
        lead_time=timedelta(minutes=int(raw.get("lead_time_minutes", 0))),
        horizon_days=int(raw.get("horizon_days", 14)),
        hold=timedelta(minutes=float(raw.get("hold_minutes", 5))),
        max_upcoming=int(raw.get("max_upcoming_per_person", 3)),
        keep_after=timedelta(days=int(raw.get("keep_days_after", 30))),
        holiday_country=str(country) if country else None,
        holiday_subdivision=str(subdivision) if subdivision else None,
        map_point=map_point,
        translations=translations,
        facts=tuple(raw.get("facts") or ()),
        problems=tuple(problems + translation_problems),
    )
