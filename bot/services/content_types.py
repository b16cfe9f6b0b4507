"""Small types every content file kind shares: a derived status and a validation problem."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Status(enum.StrEnum):
    """Derived state of one translation of one piece of content."""

    MISSING = "MISSING"
    OUTDATED = "OUTDATED"
    MACHINE_TRANSLATED = "MACHINE_TRANSLATED"
    UP_TO_DATE = "UP_TO_DATE"


#: Kinds of problem. A MISSING or OUTDATED translation is work to do, not a fault: the bot
#: falls back to another language for it. Every other problem is an ERROR (a broken file, an
#: empty text, a lost placeholder) that must not be published.
ERROR = "error"
MISSING = "missing"
OUTDATED = "outdated"


@dataclass(frozen=True)
class Problem:
    """One thing ``lotse content validate`` complains about."""

    where: str
    message: str
    kind: str = ERROR

    @property
    def blocking(self) -> bool:
        """True when this must be fixed before publishing (not just translation work)."""
        return self.kind == ERROR

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
