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


@dataclass(frozen=True)
class Problem:
    """One thing ``lotse content validate`` complains about."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
