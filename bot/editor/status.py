"""The status overview the dashboard shows: the same derivation as ``lotse content status``.

Topics from the content snapshot's ``status``, UI strings from the catalogue's per-key status,
booking texts from the schedule's: each row shows the worst state among its items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.i18n import Catalogues
from bot.languages import CODES
from bot.services.content import TOPIC_IDS, ContentSnapshot, Status

_SEVERITY = (Status.MISSING, Status.OUTDATED, Status.MACHINE_TRANSLATED, Status.UP_TO_DATE)


def worst(states: Iterable[Status]) -> Status:
    """The most urgent of several states (UP_TO_DATE when there are none)."""
    present = set(states)
    return next((s for s in _SEVERITY if s in present), Status.UP_TO_DATE)


@dataclass(frozen=True)
class StatusOverview:
    """Topics, UI strings and booking texts per language."""

    langs: tuple[str, ...]
    topics: dict[str, dict[str, Status]]
    ui: dict[str, Status]
    booking: dict[str, Status] = field(default_factory=dict)

    def counts(self) -> dict[Status, int]:
        """How many topic translations are in each state."""
        result = dict.fromkeys(Status, 0)
        for row in self.topics.values():
            for status in row.values():
                result[status] += 1
        return result


def status_overview(
    snapshot: ContentSnapshot, catalogues: Catalogues, langs: Iterable[str] = CODES
) -> StatusOverview:
    """Every topic, the UI strings and the booking texts, for each of ``langs``."""
    chosen = tuple(langs)
    topics = {t: {lang: snapshot.status(t, lang) for lang in chosen} for t in TOPIC_IDS}
    ui = {
        lang: worst(catalogues.status(lang).values())
        if lang in catalogues.entries
        else Status.MISSING
        for lang in chosen
    }
    booking: dict[str, Status] = {}
    if snapshot.booking is not None:
        schedule = snapshot.booking
        booking = {
            lang: worst(schedule.status(sid, lang) for sid in schedule.services) for lang in chosen
        }
    return StatusOverview(chosen, topics, ui, booking)
