"""Issue 11, case 14: the consistency checks read each figure a bounded number of times, so
their cost grows with the number of figures, not its square (a 19 MB report took 77 s).
Counted, not timed: the count of figure attribute reads is the same on any machine."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from app.core.breakdowns import CheckFigure
from app.core.checks import run_checks
from app.core.extract import extract
from conftest import SEEDS


class CountedFigure(CheckFigure):
    reads = 0

    def __getattribute__(self, name):
        if name in CHECKED_FIELDS:
            CountedFigure.reads += 1
        return super().__getattribute__(name)


CHECKED_FIELDS = frozenset(f.name for f in fields(CheckFigure))


def reads_for(copies: int) -> tuple[int, int]:
    seed = sorted(Path(SEEDS).glob("*.txt"))[0].read_text(encoding="utf-8")
    text = seed * copies
    figures = [CountedFigure(i, f.start, f.end, f.value, f.unit, f.qualifier, f.indicator, f.label)
               for i, f in enumerate(extract(text).figures, start=1)]
    CountedFigure.reads = 0
    run_checks(figures, text)
    return len(figures), CountedFigure.reads


def test_checks_read_each_figure_a_bounded_number_of_times():
    small_n, small_reads = reads_for(10)
    large_n, large_reads = reads_for(40)
    assert large_n >= 3.5 * small_n
    per_figure_small, per_figure_large = small_reads / small_n, large_reads / large_n
    # linear (with log factors from sorting): reads per figure hardly grow; quadratic: they grow 4x
    assert per_figure_large < 1.5 * per_figure_small, (per_figure_small, per_figure_large)
