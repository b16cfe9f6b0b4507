"""Figures the benchmarks share."""

from __future__ import annotations


def percentile(values: list[float], q: float) -> float:
    """The value at quantile ``q`` (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]
