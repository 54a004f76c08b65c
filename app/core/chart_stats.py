"""Summaries the charts draw, computed from plain values: box-plot statistics and trends.

Quartiles are the median of each half (Tukey's hinges); whiskers reach the furthest values
within 1.5 × IQR of the box; values beyond are outliers, each kept with its index so the
chart can name and open the report it came from.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Sequence

WHISKER = 1.5


@dataclass(frozen=True)
class BoxStats:
    n: int
    low: float        # lower whisker end
    q1: float
    median: float
    q3: float
    high: float       # upper whisker end
    outliers: tuple[int, ...] = field(default=())  # indexes into the values given


def box_stats(values: Sequence[float]) -> BoxStats | None:
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    half = n // 2
    lower, upper = ordered[:half] or ordered, ordered[(n + 1) // 2:] or ordered
    q1, median, q3 = statistics.median(lower), statistics.median(ordered), statistics.median(upper)
    reach = WHISKER * (q3 - q1)
    inside = [v for v in ordered if q1 - reach <= v <= q3 + reach]
    outliers = tuple(i for i, v in enumerate(values) if not q1 - reach <= v <= q3 + reach)
    return BoxStats(n, inside[0], q1, median, q3, inside[-1], outliers)


@dataclass(frozen=True)
class TrendPoint:
    year: int
    median: float
    n: int


def yearly_medians(points: Sequence[tuple[int, float]]) -> list[TrendPoint]:
    """(year, value) pairs -> the median and count of each year, in year order."""
    by_year: dict[int, list[float]] = {}
    for year, value in points:
        by_year.setdefault(year, []).append(value)
    return [TrendPoint(year, statistics.median(found), len(found)) for year, found in sorted(by_year.items())]
