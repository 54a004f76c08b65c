"""Confidence means what it says: figures at confidence >= 0.9 are right (figure and
indicator) at least 97% of the time and are at least half of all figures, on the gold seeds
and on the hand-labelled full reports (tests/calibration.py computes it)."""
from __future__ import annotations

import pytest

from tests.calibration import THRESHOLD, calibration, full_reports, gold_seeds, table


@pytest.mark.parametrize("source", [gold_seeds, full_reports], ids=["gold seeds", "full reports"])
def test_figures_at_high_confidence_are_right_and_many(source):
    judged = source()
    precision, coverage = calibration(judged)
    print(f"\n{source.__name__}: {precision:.3f} right at >= {THRESHOLD}, covering {coverage:.3f}",
          *table(judged), sep="\n")
    assert precision >= 0.97
    assert coverage >= 0.5


def test_every_figure_has_a_confidence_and_an_indicator_has_its_reason():
    from app.core.figures import find_figures
    text = "全年受理行政复议案件12件，开展法治讲座3场。某地户籍人口52.6万人。"
    for figure in find_figures(text):
        assert 0.0 <= figure.confidence <= 1.0
        assert (figure.indicator_reason is not None) == (figure.indicator is not None)
    first = find_figures(text)[0]
    assert (first.indicator, first.indicator_reason) == ("reconsideration_cases", "cue 行政复议")


def test_the_figures_the_extractor_gets_wrong_are_below_the_sure_level():
    """Where the extractor is wrong on the labelled reports, it must not claim to be sure:
    a confidence that is high everywhere would pass the share test but fail here."""
    wrong = [confidence for confidence, right in gold_seeds() + full_reports() if not right]
    if not wrong:
        pytest.skip("the extractor gets every labelled figure right")
    assert max(wrong) < THRESHOLD
