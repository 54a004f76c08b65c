"""Agreement between two reviewers who decided the same figures: share alike and Cohen's kappa.

Pure functions over plain pairs, so the numbers can be checked against a hand-computed table.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional


@dataclass(frozen=True)
class Agreement:
    indicator: Optional[str]  # None: every indicator together
    n_figures: int            # figure decisions compared (one per pair of reviewers per figure)
    n_alike: int              # of them, decided alike
    share: Optional[float]    # n_alike / n_figures; None without figures
    kappa: Optional[float]    # Cohen's kappa on the categories; None when chance agreement is total


def cohen_kappa(pairs: Iterable[tuple[str, str]]) -> Optional[float]:
    """(po - pe) / (1 - pe) over (first reviewer's category, second's) pairs.

    po is the share of pairs alike, pe the agreement expected by chance from each reviewer's
    own category shares. None when there are no pairs or pe is 1 (both always chose one
    and the same category: kappa is undefined)."""
    pairs = list(pairs)
    n = len(pairs)
    if not n:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def agreement(indicator: Optional[str], decisions: list[tuple[str, str, bool]]) -> Agreement:
    """From (first's category, second's category, decided alike) per compared figure.

    "Alike" is the whole decision (kept or rejected, value, unit, span, indicator); kappa is
    on the category (the indicator, or rejected)."""
    n = len(decisions)
    alike = sum(same for _, _, same in decisions)
    return Agreement(indicator, n, alike, alike / n if n else None,
                     cohen_kappa((a, b) for a, b, _ in decisions))
