"""The welcome offices: the file, typed district names, locations."""

from __future__ import annotations

import pytest

from bot import PROJECT_ROOT
from bot.services.offices import load_offices

OFFICES = load_offices(PROJECT_ROOT / "content" / "offices.yml")


def test_offices_file_is_consistent() -> None:
    assert OFFICES.problems == ()
    assert len(OFFICES.districts) == 12
    assert OFFICES.migrado.address.startswith("Friedensplatz 7")
    assert OFFICES.office_for("mengede").address.endswith("Westerfilder Straße 11a, Dortmund")
    assert OFFICES.office_for("eving") is None


@pytest.mark.parametrize(
    ("typed", "district"),
    [
        ("Hörde", "hoerde"),
        ("hoerde", "hoerde"),
        ("HORDE", None),
        ("Lütgendortmund", "luetgendortmund"),
        ("luetgendortmund", "luetgendortmund"),
        ("Innenstadt-Nord", "innenstadt_nord"),
        ("innenstadt nord", "innenstadt_nord"),
        ("ich wohne in Eving!", "eving"),
        ("Mengede oder Huckarde", None),
        ("Berlin", None),
        ("", None),
    ],
)
def test_typed_district_names(typed: str, district: str | None) -> None:
    found = OFFICES.match_district(typed)
    assert (found.id if found else None) == district


def test_location_to_district() -> None:
    assert OFFICES.district_at(51.571, 7.385).id == "mengede"
    assert OFFICES.district_at(51.48, 7.56).id == "aplerbeck"
    assert OFFICES.district_at(48.14, 11.58) is None  # Munich
