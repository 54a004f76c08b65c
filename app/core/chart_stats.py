"""Summaries the charts draw from plain values: box-plot statistics; a point of a trend.

Quartiles are the median of each half (Tukey's hinges); whiskers reach the furthest values
within 1.5 × IQR of the box; values beyond are outliers, each kept with its index so the
chart can name and open the report it came from.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
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
    """One sort, then every statistic is read off it by position (bisect for the whiskers)."""
    if not values:
        return None
    order = sorted(range(len(values)), key=values.__getitem__)
    ordered = [values[i] for i in order]
    n = len(ordered)
    half = n // 2  # each half leaves out the median of an odd count; one value is its own halves
    q1, median = _median(ordered, 0, half or n), _median(ordered, 0, n)
    q3 = _median(ordered, (n + 1) // 2 if half else 0, n)
    reach = WHISKER * (q3 - q1)
    first, last = bisect_left(ordered, q1 - reach), bisect_right(ordered, q3 + reach)
    outliers = tuple(sorted(order[:first] + order[last:]))
    return BoxStats(n, ordered[first], q1, median, q3, ordered[last - 1], outliers)


def _median(ordered: Sequence[float], start: int, stop: int) -> float:
    """The median of ordered[start:stop], as statistics.median gives it."""
    middle = (start + stop) // 2
    return ordered[middle] if (stop - start) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class TrendPoint:
    year: int
    median: float
    n: int
