"""Figures as intervals of true values, sentences, and the breakdowns a text states.

The ground the consistency checks (app/core/checks.py) stand on; pure, no store, no Qt.

Precision: each figure stands for an interval of true values (`bounds`). An exact figure
written with decimals or scaled by 万/亿 may be off by half its last written digit
(0.6万元 -> ±500 元); plain integers are exact; 余/以上/不少于 open the interval upwards,
以内 downwards, 约/近/左右 widen it by APPROX_SPREAD. Two statements disagree only when
their intervals do not meet, so an imprecise figure relaxes every check it is part of.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from app.core.codebook import lexicon

APPROX_SPREAD = 0.1
SENTENCE_STOPS = "。！？!?\n"
CLAUSE_STOPS = SENTENCE_STOPS + "；;"
_NUMBER = re.compile(r"\d[\d,，]*(?:\.\d+)?")


@dataclass
class CheckFigure:
    """The fields the checks read; `as_check_figure` builds it from a dict or a FigureRow."""

    id: int
    start: int
    end: int
    value: Optional[float]
    unit: Optional[str]
    qualifier: str = "exact"
    indicator: Optional[str] = None
    label: Optional[str] = None
    status: str = "pending"
    raw: str = ""
    headline: bool = False


def as_check_figure(item) -> CheckFigure:
    get = item.get if isinstance(item, dict) else (lambda name, default=None: getattr(item, name, default))
    return CheckFigure(
        id=get("id"), start=get("start"), end=get("end"), value=get("value"), unit=get("unit"),
        qualifier=get("qualifier") or "exact", indicator=get("indicator"), label=get("label"),
        status=get("status") or "pending", raw=get("raw") or "", headline=bool(get("headline", False)))


# --- precision ---------------------------------------------------------------------------
def place_value(figure: CheckFigure) -> float:
    """The value of one unit in the last written digit, after 万/亿 scaling (0.6万 -> 1000)."""
    match = _NUMBER.search(figure.raw)
    if not match or not figure.value:
        return 1.0
    written = match.group().replace(",", "").replace("，", "")
    number = float(written)
    decimals = len(written.split(".")[1]) if "." in written else 0
    scale = figure.value / number if number else 1.0
    return 10.0 ** -decimals * scale


def tolerance(figure: CheckFigure) -> float:
    place = place_value(figure)
    return 0.0 if place == 1.0 else place / 2  # an unscaled integer is exact


def bounds(figure: CheckFigure) -> tuple[float, float]:
    value, tol = figure.value, tolerance(figure)
    if figure.qualifier in ("more_than", "at_least"):
        return value - tol, math.inf
    if figure.qualifier == "at_most":
        return min(0.0, value), value + tol
    if figure.qualifier == "approx":
        spread = abs(value) * APPROX_SPREAD + tol
        return value - spread, value + spread
    return value - tol, value + tol


def meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4f}".rstrip("0")


# --- text ---------------------------------------------------------------------------------
@lru_cache(maxsize=8)
def _stop_positions(text: str, stops: str) -> list[int]:
    """Where the stops stand in a text; cached, as one report's figures ask again and again."""
    return [match.start() for match in _stop_pattern(stops).finditer(text)]


@lru_cache(maxsize=16)
def _stop_pattern(stops: str) -> re.Pattern:
    # one regex scan in C instead of a Python loop over every character of the report
    return re.compile(f"[{re.escape(stops)}]")


def sentence_start(text: str, pos: int, stops: str = CLAUSE_STOPS) -> int:
    """Just after the last stop before `pos` (0 if none)."""
    positions = _stop_positions(text, stops)
    index = bisect.bisect_left(positions, pos)
    return positions[index - 1] + 1 if index else 0


def sentence_end(text: str, pos: int, stops: str = CLAUSE_STOPS) -> int:
    """The first stop at or after `pos` (len(text) if none)."""
    positions = _stop_positions(text, stops)
    index = bisect.bisect_left(positions, pos)
    return positions[index] if index < len(positions) else len(text)


def sentence_around(text: str, start: int, end: int) -> str:
    """The clause holding a span: from the previous 。；\\n to the next one, stop included."""
    stop = sentence_end(text, end)
    closing = text[stop] if stop < len(text) and text[stop] != "\n" else ""
    return (text[sentence_start(text, start):stop] + closing).strip()


def sentences_around(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """sentence_around for each (start, end) of one text, the stops bisected in place: an
    export takes the sentence of every figure, and three calls per figure cost more than this."""
    positions = _stop_positions(text, CLAUSE_STOPS)
    count, size = len(positions), len(text)
    sentences = []
    for start, end in spans:
        after = bisect.bisect_left(positions, end)
        stop = positions[after] if after < count else size
        before = bisect.bisect_left(positions, start)
        closing = text[stop] if stop < size and text[stop] != "\n" else ""
        sentences.append((text[positions[before - 1] + 1 if before else 0:stop] + closing).strip())
    return sentences


def _in_parentheses(text: str, start: int, pos: int) -> bool:
    before = text[start:pos]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def unit_family(unit: Optional[str]) -> str:
    for members in lexicon("checks")["unit_families"]:
        if unit in members:
            return members[0]
    return unit or ""


def is_growth(figure: CheckFigure, text: str) -> bool:
    context = (figure.label or "") + text[max(0, figure.start - 8):figure.start]
    return any(word in context for word in lexicon("checks")["growth_words"])


def figure_text(figure: CheckFigure) -> str:
    return f"{figure.label or ''}{figure.raw}"


# --- breakdowns ---------------------------------------------------------------------------
@dataclass
class Breakdown:
    total: CheckFigure
    parts: list[CheckFigure]
    exhaustive: bool  # no 等 after the last part: the list claims to be complete


class FiguresByStart:
    """Figures sorted by start, with the ones starting in a range found by bisection: each rule
    looks at a clause's figures, and scanning all of a report's for each made the checks
    quadratic (a 19 MB report took over a minute)."""

    def __init__(self, figures):
        self.figures = sorted(figures, key=lambda f: f.start)
        self._starts = [f.start for f in self.figures]

    def starting_in(self, low: int, high: int) -> list:
        """The figures with low <= start < high, in order."""
        return self.figures[bisect.bisect_left(self._starts, low):bisect.bisect_left(self._starts, high)]

    def within(self, low: int, high: int) -> list:
        """The figures wholly inside [low, high]."""
        return [f for f in self.starting_in(low, high) if f.end <= high]


def find_breakdowns(figures: list[CheckFigure], text: str) -> list[Breakdown]:
    """Totals with their parts: after a cue (其中, 分别, 包括) and inside （…） after a figure.

    Consistent breakdowns are returned too: the other rules need to know what is a part.
    """
    ordered = FiguresByStart(figures)
    counts = FiguresByStart(f for f in ordered.figures if f.unit != "%")
    found = [b for m in _cue_pattern().finditer(text) for b in _cue_breakdowns(ordered, counts, text, m)]
    for total in counts.figures:
        if text[total.end:total.end + 1] in ("（", "("):
            close = sentence_end(text, total.end, "）)" + SENTENCE_STOPS)
            inner = counts.within(total.end + 1, close)
            parts = [f for f in inner if unit_family(f.unit) == unit_family(total.unit)]
            if len(parts) >= 2:
                found.append(Breakdown(total, parts, True))
    return found


def _cue_pattern() -> re.Pattern:
    cues = sorted(lexicon("checks")["breakdown_cues"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, cues)))


def _parts_after(ordered: FiguresByStart, text: str, start: int) -> list[CheckFigure]:
    """The figures a cue lists: its own clause, then following ；-clauses of the same shape.

    A clause joins while its first figure has the family of the first part and it holds no
    rate; a clause with its own rate is a new statement ("…，化解率为97.3%；收到纠纷39例…").
    """
    stop = sentence_end(text, start, SENTENCE_STOPS)
    parts: list[CheckFigure] = []
    clause_start = start
    while clause_start < stop:
        clause_end = min(sentence_end(text, clause_start), stop)
        clause = ordered.starting_in(clause_start, clause_end)
        if parts and (not clause or clause[0].unit == "%" or any(f.unit == "%" for f in clause)
                      or unit_family(clause[0].unit) != unit_family(parts[0].unit)):
            break
        parts += [f for f in clause if f.unit != "%"]
        clause_start = clause_end + 1
    return parts


def _cue_breakdowns(ordered: FiguresByStart, counts: FiguresByStart, text: str,
                    cue: re.Match) -> list[Breakdown]:
    after = _parts_after(ordered, text, cue.end())
    if not after:
        return []
    here = sentence_start(text, cue.start(), SENTENCE_STOPS)
    # mid-sentence the cue refers to the nearest figure before it; at a sentence start,
    # to the topic of the previous sentence, which is its first figure
    head = [f for f in counts.within(here, cue.start()) if not _in_parentheses(text, here, f.start)]
    nearest = True
    if not head and here > 0:
        previous = sentence_start(text, here - 1, SENTENCE_STOPS)
        head = [f for f in counts.within(previous, here) if not _in_parentheses(text, previous, f.start)]
        nearest = False
    marks = lexicon("checks")["non_exhaustive_marks"]
    result = []
    for family in dict.fromkeys(unit_family(f.unit) for f in after):
        parts = [f for f in after if unit_family(f.unit) == family]
        candidates = [f for f in head if unit_family(f.unit) == family]
        if not candidates:
            continue
        parts_sum = sum_bounds(parts)
        matching = [c for c in candidates if meet(bounds(c), parts_sum)] if len(parts) >= 2 else []
        total = matching[0] if matching else candidates[-1] if nearest else candidates[0]
        tail = text[parts[-1].end:parts[-1].end + 6]
        result.append(Breakdown(total, parts, not any(mark in tail for mark in marks)))
    return result


def sum_bounds(parts: list[CheckFigure]) -> tuple[float, float]:
    pairs = [bounds(p) for p in parts]
    return sum(lo for lo, _ in pairs), sum(hi for _, hi in pairs)
