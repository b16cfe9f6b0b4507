"""Bar charts as plain geometry; the templates draw them as inline SVG (no scripts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """One coloured part of a bar."""

    x: float
    width: float
    kind: str
    count: int


@dataclass(frozen=True)
class StackedRow:
    """One labelled bar made of segments (e.g. a language's topics by status)."""

    label: str
    y: float
    segments: tuple[Segment, ...]
    total: int


@dataclass(frozen=True)
class Column:
    """One bar of a column chart."""

    label: str
    x: float
    y: float
    width: float
    height: float
    count: int


def stacked(
    rows: Sequence[tuple[str, Sequence[tuple[str, int]]]],
    *,
    width: float = 420,
    row_height: float = 22,
) -> tuple[list[StackedRow], float]:
    """Rows of segments scaled to ``width`` (each row's total is the full width); and the
    chart's height."""
    result = []
    for index, (label, parts) in enumerate(rows):
        total = sum(count for _, count in parts)
        x = 0.0
        segments = []
        for kind, count in parts:
            if count <= 0:
                continue
            part = width * count / total if total else 0.0
            segments.append(Segment(round(x, 2), round(part, 2), kind, count))
            x += part
        result.append(StackedRow(label, index * row_height, tuple(segments), total))
    return result, len(rows) * row_height


def columns(
    values: Sequence[tuple[str, int]],
    *,
    height: float = 120,
    width: float = 560,
    gap: float = 4,
) -> list[Column]:
    """Columns scaled so the largest value fills ``height``."""
    if not values:
        return []
    top = max(count for _, count in values) or 1
    step = width / len(values)
    result = []
    for index, (label, count) in enumerate(values):
        bar = height * count / top
        result.append(
            Column(
                label,
                round(index * step + gap / 2, 2),
                round(height - bar, 2),
                round(max(step - gap, 1), 2),
                round(bar, 2),
                count,
            )
        )
    return result
