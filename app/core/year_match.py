"""Which of last year's figures a figure is to be compared with; pure, no store, no Qt.

An indicator is often stated several times in one report (罚没金额 and 罚款 are both
fines_yuan; 50张 and 5块 both count signs), so the indicator alone picks the wrong figure.
A figure is compared with a figure of last year only if both have the same indicator and
the same unit and either both are the headline of their indicator or their labels say the
same thing; when none qualifies there is no previous value: nothing rather than a wrong one.
Figures and candidates are any objects with `unit`, `label` and `headline`.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, TypeVar

MIN_LABEL_SIMILARITY = 0.5  # Dice coefficient of the labels' character pairs
_WORD_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # numbers and punctuation say nothing of the kind
Candidate = TypeVar("Candidate")


def _pairs(label: Optional[str]) -> set[str]:
    chars = "".join(_WORD_CHARS.findall(label or ""))
    return {chars[i:i + 2] for i in range(len(chars) - 1)} if len(chars) > 1 else set(chars)


def label_similarity(a: Optional[str], b: Optional[str]) -> float:
    """0 (nothing shared, or a label missing) to 1 (the same words): 罚没金额 / 罚款 -> 0."""
    pairs_a, pairs_b = _pairs(a), _pairs(b)
    if not pairs_a or not pairs_b:
        return 0.0
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b))


def match_previous(figure, candidates: Iterable[Candidate]) -> Optional[Candidate]:
    """The candidate (last year's figures of the same indicator, best first) that `figure`
    is the same statement as, or None."""
    same_unit = [c for c in candidates if (c.unit or "") == (figure.unit or "")]
    if getattr(figure, "headline", False):
        headline = next((c for c in same_unit if getattr(c, "headline", False)), None)
        if headline is not None:
            return headline
    best, best_score = None, MIN_LABEL_SIMILARITY
    for candidate in same_unit:
        score = label_similarity(figure.label, candidate.label)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = candidate, score
    return best
