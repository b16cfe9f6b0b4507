"""MigraDO, the "lokal willkommen" offices and Dortmund's Stadtbezirke, from ``offices.yml``."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Office:
    """A place newcomers can go to, with the languages spoken there (ISO codes)."""

    id: str
    name: str
    address: str
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class District:
    """One of Dortmund's twelve Stadtbezirke and the welcome office serving it, if any."""

    id: str
    name: str
    centre: tuple[float, float]
    office_id: str | None = None


@dataclass(frozen=True)
class OfficeDirectory:
    """Looks up offices by district, by a shared location or by a typed district name."""

    migrado: Office
    offices: dict[str, Office]
    districts: dict[str, District]
    max_distance_km: float = 9.0
    problems: tuple[str, ...] = field(default=(), compare=False)

    def office_for(self, district_id: str) -> Office | None:
        """The welcome office serving the district, or None when none is known."""
        district = self.districts.get(district_id)
        if district is None or district.office_id is None:
            return None
        return self.offices.get(district.office_id)

    def district_at(self, latitude: float, longitude: float) -> District | None:
        """The district whose centre is nearest to the point, or None outside Dortmund."""
        best: tuple[float, District] | None = None
        for district in self.districts.values():
            distance = _haversine_km((latitude, longitude), district.centre)
            if best is None or distance < best[0]:
                best = (distance, district)
        if best is None or best[0] > self.max_distance_km:
            return None
        return best[1]

    def match_district(self, text: str) -> District | None:
        """The district a typed answer names ("Hörde", "hoerde", "Mengede!"), or None."""
        wanted = _fold(text)
        if not wanted:
            return None
        for district in self.districts.values():
            if wanted in {_fold(district.name), _fold(district.id)}:
                return district
        # A longer message that contains exactly one district name ("ich wohne in Eving").
        found = {
            d.id
            for d in self.districts.values()
            if re.search(rf"(^|\s){re.escape(_fold(d.name))}($|\s)", wanted)
        }
        if len(found) == 1:
            return self.districts[found.pop()]
        return None


def _fold(text: str) -> str:
    """Lower-cases, spells umlauts out and drops everything but letters and spaces."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("ß", "ss").replace("-", " ").replace("_", " ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if c.isalpha() or c.isspace())
    return " ".join(text.split())


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _office(raw: dict[str, Any]) -> Office:
    return Office(
        id=str(raw["id"]),
        name=str(raw["name"]),
        address=str(raw["address"]),
        languages=tuple(str(x) for x in raw.get("languages", ())),
    )


def load_offices(path: Path) -> OfficeDirectory:
    """Reads ``offices.yml``; structural problems are collected, not raised."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems: list[str] = []
    migrado = _office(raw["migrado"])
    offices: dict[str, Office] = {}
    for item in raw.get("offices", []):
        office = _office(item)
        if office.id in offices or office.id == migrado.id:
            problems.append(f"{path.name}: office id {office.id!r} is used twice")
        offices[office.id] = office
    districts: dict[str, District] = {}
    for item in raw.get("districts", []):
        lat, lon = item["centre"]
        district = District(
            id=str(item["id"]),
            name=str(item["name"]),
            centre=(float(lat), float(lon)),
            office_id=item.get("office"),
        )
        if district.office_id is not None and district.office_id not in offices:
            problems.append(
                f"{path.name}: district {district.id!r} names unknown office id "
                f"{district.office_id!r}"
            )
        districts[district.id] = district
    if len(districts) != 12:
        problems.append(f"{path.name}: expected Dortmund's 12 districts, found {len(districts)}")
    return OfficeDirectory(
        migrado=migrado,
        offices=offices,
        districts=districts,
        max_distance_km=float(raw.get("max_distance_km", 9)),
        problems=tuple(problems),
    )
