"""How the Redis-backed services write times and read values: epoch milliseconds and text."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def to_ms(moment: datetime) -> int:
    """An aware datetime as epoch milliseconds (what the Lua scripts compare)."""
    return int(moment.timestamp() * 1000)


def from_ms(value: bytes | str | int | float) -> datetime:
    """Epoch milliseconds, as Redis returns them, as an aware UTC datetime."""
    return datetime.fromtimestamp(int(float(value)) / 1000, tz=UTC)


def text(value: Any) -> str:
    """A Redis reply (bytes, str or None) as text."""
    if value is None:
        return ""
    return value.decode() if isinstance(value, bytes) else str(value)
