"""Consistency checks on one report's figures: pure functions, no store, no Qt.

`run_checks(figures, text, context)` returns `Finding`s; every finding names its figures.
Rule names are stable (they are stored and exported): see RULE_SEVERITY. Each finding's
English message is one of MESSAGES filled in with its args; the store keeps the message's
key and args beside it, so the GUI shows it translated from those (`message_parts` recovers
them from an English message only once, when an older database is migrated). Figures may be
dicts or objects (FigureRow) with id, start, end, value, unit, qualifier, indicator,
label, status, raw and optionally headline. Tolerances follow each figure's precision
(app/core/breakdowns.py); the cue words live in resources/lexicon/checks.json.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional

from app.core import messages
from app.core.breakdowns import (
    Breakdown, CheckFigure, FiguresByStart, as_check_figure, bounds, figure_text, find_breakdowns, fmt, is_growth,
    meet, place_value, sentence_start, sum_bounds, unit_family,
)
from app.core.codebook import lexicon
from app.core.year_match import match_previous

if TYPE_CHECKING:
    import numpy as np

RULE_SEVERITY = {
    "breakdown_sum": "warning",      # parts of a 其中/分别 breakdown do not add up to the total
    "part_gt_whole": "error",        # one part larger than its whole
    "rate_mismatch": "warning",      # a % that does not follow from the two counts before it
    "percent_over_100": "error",     # a share above 100% (growth rates excepted)
    "closed_gt_filed": "warning",    # cases_closed above cases_filed
    "negative_or_absurd": "error",   # below zero, or beyond any plausible size
    "conflicting_values": "info",    # one indicator stated with different values
    "outlier": "warning",            # far from what other reports show (median/MAD)
    "year_jump": "warning",          # about x10,000 from the agency's previous year: a lost or extra 万
}
RULE_NAMES = {  # short names for the interface; the GUI translates them
    "breakdown_sum": "Parts do not add up",
    "part_gt_whole": "Part larger than whole",
    "rate_mismatch": "Rate does not match counts",
    "percent_over_100": "Share above 100%",
    "closed_gt_filed": "More closed than filed",
    "negative_or_absurd": "Impossible value",
    "conflicting_values": "Conflicting values",
    "outlier": "Outlier among reports",
    "year_jump": "Jump from previous year",
}
# Message templates (str.format, named fields) by "rule" or "rule/variant". Keep the args
# formatted strings, so a translation moves them about but never re-formats a number.
MESSAGES = {
    "breakdown_sum/over": "The parts add up to more than the total: {parts} = {sum} {unit}, total {total}.",
    "breakdown_sum/under": "The parts do not add up to the total: {parts} = {sum} {unit}, total {total}.",
    "part_gt_whole/breakdown": "The part {part} is larger than its whole {whole}.",
    "part_gt_whole/indicators": "{part} ({part_indicator}) is larger than {whole} ({whole_indicator}).",
    "rate_mismatch": "{part} of {whole} is {rate}%, but the text says {stated}.",
    "percent_over_100": "{figure} is above 100%.",
    "closed_gt_filed": "More cases closed ({closed}) than filed ({filed}).",
    "negative_or_absurd/negative": "{figure} is negative.",
    "negative_or_absurd/absurd": "{figure} = {value} {unit} is beyond any plausible size.",
    "conflicting_values": "{indicator} is stated with different values: {values}.",
    "outlier": "{figure} is far from what {reports} reports show for {indicator} (median {median}).",
    "year_jump": "{indicator}: {previous} in {year}, {value} now (x{ratio}); a lost or extra 万?",
}
MIN_PEERS = 8
OUTLIER_Z = 3.5
YEAR_JUMP_RATIO = 3000.0
REVIEWED = ("confirmed", "corrected", "added")


@dataclass
class Finding:
    rule: str
    message: str  # English: template.format(**args), as stored and exported
    figure_ids: list[int]
    severity: str
    template: str = ""  # one of MESSAGES; empty for a finding built from a bare message
    args: dict[str, str] = field(default_factory=dict)
    key: str = ""  # the template's key in MESSAGES ("rule" or "rule/variant"), as stored


def message_parts(rule: str, message: str) -> tuple[str, dict[str, str]] | None:
    """The template and args a stored message was made from, or None (e.g. older wording)."""
    return messages.message_parts(_templates(rule), message)


@lru_cache(maxsize=None)
def _templates(rule: str) -> tuple[str, ...]:
    return tuple(template for key, template in MESSAGES.items() if key.split("/")[0] == rule)


@dataclass(frozen=True)
class PeerStats:
    """Robust centre and spread of one indicator across reports (log scale except for %)."""

    n: int
    median: float
    mad: float
    log_scale: bool

    @classmethod
    def from_values(cls, values: "Iterable[float] | np.ndarray", unit: Optional[str]) -> "PeerStats | None":
        """From the indicator's values across reports (None skipped): in numpy, because the
        window computes these on a worker thread for every indicator of the database, and a
        Python loop over millions of values would hold the GIL the window needs."""
        import numpy as np
        log_scale = unit != "%"
        points = values if isinstance(values, np.ndarray) else \
            np.array([v for v in values if v is not None], dtype=np.float64)
        points = points[points >= 0]
        if not len(points):
            return None
        if log_scale:
            points = np.log10(1 + points)
        centre = float(np.median(points))
        return cls(len(points), centre, float(np.median(np.abs(points - centre))), log_scale)


@dataclass
class PreviousValue:
    """A figure of the same agency's report for the year before (app.core.year_match picks
    the one a figure is compared with)."""

    report_year: int
    value: float
    unit: Optional[str] = None
    label: Optional[str] = None
    headline: bool = False


@dataclass
class CheckContext:
    peers: dict[str, PeerStats] = field(default_factory=dict)
    previous: dict[str, list[PreviousValue]] = field(default_factory=dict)  # per indicator, best first


def _scale(value: float, log_scale: bool) -> float:
    return math.log10(1 + value) if log_scale else value

def _breakdown_findings(breakdown: Breakdown) -> list[Finding]:
    total, parts = breakdown.total, breakdown.parts
    total_lo, total_hi = bounds(total)
    unit = total.unit or ""
    too_big = [p for p in parts if bounds(p)[0] > total_hi + 1e-9]
    if too_big:
        return [_finding("part_gt_whole/breakdown", [total.id, p.id], part=figure_text(p),
                         whole=figure_text(total)) for p in too_big]
    if len(parts) < 2:
        return []
    parts_lo, parts_hi = sum_bounds(parts)
    ids = [total.id] + [p.id for p in parts]
    described = {"parts": " + ".join(fmt(p.value) for p in parts), "sum": fmt(sum(p.value for p in parts)),
                 "unit": unit, "total": figure_text(total)}
    if parts_lo > total_hi + 1e-9:
        return [_finding("breakdown_sum/over", ids, **described)]
    if parts_hi < total_lo - 1e-9 and breakdown.exhaustive and len(parts) >= 3:
        return [_finding("breakdown_sum/under", ids, **described)]
    return []


# --- the rules ----------------------------------------------------------------------------
def _finding(message_key: str, figure_ids: list[int], **args: str) -> Finding:
    rule, template = message_key.split("/")[0], MESSAGES[message_key]
    return Finding(rule, template.format(**args), figure_ids, RULE_SEVERITY[rule], template, args, message_key)


def primary_figures(figures: Iterable) -> dict[str, CheckFigure]:
    """Per indicator: the headline, else the first reviewed, else the first pending figure."""
    def rank(f: CheckFigure):
        return (not f.headline, f.status not in REVIEWED, f.start)
    chosen: dict[str, CheckFigure] = {}
    for figure in sorted(map(_ensure, figures), key=rank):
        if figure.indicator and figure.status != "rejected" and figure.value is not None:
            chosen.setdefault(figure.indicator, figure)
    return chosen


def _ensure(item) -> CheckFigure:
    return item if isinstance(item, CheckFigure) else as_check_figure(item)


def _rate_findings(figures: list[CheckFigure], text: str, breakdowns: list[Breakdown]) -> list[Finding]:
    result = []
    ordered = FiguresByStart(figures)
    breakdowns_of: dict[int, set[int]] = {}  # figure -> the breakdowns it is a part of
    for number, breakdown in enumerate(breakdowns):
        for part in breakdown.parts:
            breakdowns_of.setdefault(id(part), set()).add(number)
    for rate in (f for f in ordered.figures if f.unit == "%" and not is_growth(f, text)):
        if text[rate.start - 1:rate.start] in ("从", "到", "至"):
            continue  # a rate moving from one level to another, not computed from counts here
        start = sentence_start(text, rate.start)
        before = ordered.within(start, rate.start)
        if len(before) < 2 or "%" in (before[-1].unit, before[-2].unit):
            continue
        first, second = before[-2], before[-1]
        if unit_family(first.unit) != unit_family(second.unit) or first.unit == "元":
            continue  # counts of one kind only; sums of money are seldom a rate's base
        if not any(cue in text[second.end:rate.start] for cue in lexicon("checks")["rate_cues"]):
            continue
        if breakdowns_of.get(id(first), set()) & breakdowns_of.get(id(second), set()):
            continue  # two parts of one breakdown are not a count and its base
        part, whole = sorted((first, second), key=lambda f: f.value)
        (part_lo, part_hi), (whole_lo, whole_hi) = bounds(part), bounds(whole)
        if whole_lo <= 0:
            continue
        implied = (part_lo / whole_hi * 100, part_hi / whole_lo * 100)
        place = place_value(rate)  # a stated rate may be rounded or cut at its last digit
        if not meet(implied, (rate.value - place, rate.value + place)):
            result.append(_finding("rate_mismatch", [rate.id, part.id, whole.id], part=fmt(part.value),
                                   whole=fmt(whole.value), rate=f"{part.value / whole.value * 100:.1f}",
                                   stated=rate.raw))
    return result


def _value_findings(figures: list[CheckFigure], text: str) -> list[Finding]:
    """Negative values; sizes no agency could report (only for indicator figures: a national
    report's 14亿人 or 126万亿元 is real, but no such figure belongs in an indicator column)."""
    result = []
    limits = lexicon("checks")["absurd_max"]
    for f in figures:
        if f.value < 0:
            result.append(_finding("negative_or_absurd/negative", [f.id], figure=figure_text(f)))
        elif f.indicator and f.unit != "%" and f.value > limits.get(f.unit or "", limits["default"]):
            result.append(_finding("negative_or_absurd/absurd", [f.id], figure=figure_text(f),
                                   value=fmt(f.value), unit=f.unit or ""))
        elif f.unit == "%" and bounds(f)[0] > 100 and not is_growth(f, text):
            result.append(_finding("percent_over_100", [f.id], figure=figure_text(f)))
    return result


def _pair_findings(primary: dict[str, CheckFigure]) -> list[Finding]:
    result = []
    filed, closed = primary.get("cases_filed"), primary.get("cases_closed")
    if filed and closed and bounds(closed)[0] > bounds(filed)[1] + 1e-9:
        result.append(_finding("closed_gt_filed", [closed.id, filed.id], closed=closed.raw, filed=filed.raw))
    for whole_id, part_id in lexicon("checks")["whole_part_indicators"]:
        whole, part = primary.get(whole_id), primary.get(part_id)
        if whole and part and bounds(part)[0] > bounds(whole)[1] + 1e-9:
            result.append(_finding("part_gt_whole/indicators", [whole.id, part.id], part=figure_text(part),
                                   part_indicator=part_id, whole=figure_text(whole), whole_indicator=whole_id))
    return result


def _conflict_findings(figures: list[CheckFigure], breakdowns: list[Breakdown]) -> list[Finding]:
    """Statements of one indicator, in one unit family, whose intervals cannot all be true."""
    parts = {id(p) for b in breakdowns for p in b.parts}
    groups: dict[tuple[str, str], list[CheckFigure]] = {}
    for f in figures:
        if f.indicator and id(f) not in parts:
            groups.setdefault((f.indicator, unit_family(f.unit)), []).append(f)
    result = []
    for (indicator, _), group in groups.items():
        if any(f.headline for f in group):
            continue  # the reviewer has chosen which statement counts
        spans = [bounds(f) for f in group]
        if max(lo for lo, _ in spans) > min(hi for _, hi in spans) + 1e-9:
            result.append(_finding("conflicting_values", [f.id for f in group], indicator=indicator,
                                   values=", ".join(f.raw for f in group)))
    return result


def _context_findings(primary: dict[str, CheckFigure], context: CheckContext) -> list[Finding]:
    result = []
    for indicator, f in primary.items():
        stats = context.peers.get(indicator)
        if stats and stats.n >= MIN_PEERS and stats.mad > 0 and f.value >= 0:
            z = 0.6745 * (_scale(f.value, stats.log_scale) - stats.median) / stats.mad
            if abs(z) > OUTLIER_Z:
                typical = 10 ** stats.median - 1 if stats.log_scale else stats.median
                result.append(_finding("outlier", [f.id], figure=figure_text(f), reports=str(stats.n),
                                       indicator=indicator, median=fmt(round(typical, 2))))
    return result


def _year_jump_findings(figures: list[CheckFigure], context: CheckContext) -> list[Finding]:
    """Every figure against the one of last year that states the same (app.core.year_match):
    a lost 万 hides in the second statement of an indicator as well as in the first."""
    result = []
    for f in figures:
        previous = match_previous(f, context.previous.get(f.indicator, ())) if f.indicator else None
        if previous and previous.value and previous.value > 0 and f.value > 0:
            ratio = f.value / previous.value
            if max(ratio, 1 / ratio) >= YEAR_JUMP_RATIO:
                result.append(_finding("year_jump", [f.id], indicator=f.indicator, previous=fmt(previous.value),
                                       year=str(previous.report_year), value=fmt(f.value),
                                       ratio=fmt(round(ratio, 4))))
    return result


def run_checks(figures: list, text: str, context: CheckContext | None = None) -> list[Finding]:
    """Every rule over one report's figures; rejected figures and figures without a value are ignored."""
    context = context or CheckContext()
    live = [f for f in map(_ensure, figures) if f.status != "rejected" and f.value is not None]
    breakdowns = find_breakdowns(live, text)
    primary = primary_figures(live)
    findings = [x for b in breakdowns for x in _breakdown_findings(b)]
    findings += _rate_findings(live, text, breakdowns)
    findings += _value_findings(live, text)
    findings += _pair_findings(primary)
    findings += _conflict_findings(live, breakdowns)
    findings += _context_findings(primary, context)
    findings += _year_jump_findings(live, context) if context.previous else []
    unique: dict[tuple, Finding] = {}
    for finding in findings:
        unique.setdefault((finding.rule, tuple(finding.figure_ids)), finding)
    return list(unique.values())
