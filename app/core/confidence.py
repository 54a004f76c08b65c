"""How sure the extractor is of a figure and its indicator (Figure.confidence).

The confidence follows from how the indicator was decided (a Verdict from app.core.labels)
and the figure's unit; the levels are data (indicator_cues.json, _settings.confidence),
calibrated so that figures at 0.9 or more are right at least 97% of the time on the labelled
reports (tests/calibration.py, tests/test_confidence_calibration.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from app.core.model import Figure


@dataclass
class Verdict:
    """How a figure's indicator was decided, for its reason and its confidence."""

    # "cue"; "rule"; "veto"; "weak" (cues in the figure's words, none enough or fit); "unnamed"
    # (cues of its unit elsewhere in the sentence, none in its words); "no_cue" (no cue in the
    # sentence could count it)
    kind: str
    score: float = 0.0
    margin: float = 0.0


def confidence(fig: Figure, verdict: Verdict, table: dict, rare_units: frozenset) -> float:
    """How likely the figure and its indicator are both right (calibrated on the gold seeds,
    tests/test_confidence_calibration.py): sure units and a clear cue, or no cue at all, score
    high; a rule's decision, a near tie or a rare unit score lower."""
    if fig.unit == "":
        return table["no_unit"]
    base = table[verdict.kind]
    if verdict.kind == "cue":
        sure = verdict.score >= table["sure_score"] and verdict.margin >= table["sure_margin"]
        base = table["cue_sure" if sure else "cue"]
    if fig.numeral == "chinese":
        base = min(base, table["chinese"])
    if fig.unit_implied:
        base = min(base, table["implied_unit"])
    if fig.unit in rare_units:
        base *= table["rare_unit_factor"]
    return round(base, 2)
