"""The figure extractor against the hand-labelled seeds (tests/data/gold)."""
from __future__ import annotations

import pytest

from app.core.figures import find_figures
from tests.gold_scoring import FigureScores, load_gold, mismatches, score_figures

try:
    from app.core.sections import find_sections
except ImportError:  # sections are optional for figures; another module provides them
    find_sections = None

GOLD = load_gold()


def _predicted(text: str) -> list[dict]:
    sections = find_sections(text) if find_sections else None
    return [f.to_dict() for f in find_figures(text, sections)]


def _total_scores() -> FigureScores:
    total = FigureScores()
    for text, gold in GOLD:
        predicted = _predicted(text)
        scores = score_figures(gold["figures"], predicted)
        print(f"{gold['file']}: {scores.summary()}")
        for line in mismatches(gold["figures"], predicted):
            print(line)
        total.add(scores)
    print(f"ALL: {total.summary()}")
    return total


def test_gold_files_are_present():
    assert [gold["file"][:3] for _, gold in GOLD] == ["000", "001", "002", "003", "004"]
    for text, gold in GOLD:
        for figure in gold["figures"]:
            assert text[figure["start"]:figure["end"]] == figure["raw"]


def test_figures_match_gold():
    total = _total_scores()
    assert total.f1 >= 0.98
    assert total.value_accuracy >= 0.98
    assert total.unit_accuracy >= 0.98


def test_indicators_match_gold():
    total = _total_scores()
    assert total.indicator_precision >= 0.90
    assert total.indicator_recall >= 0.90


@pytest.mark.parametrize("index", range(len(GOLD)))
def test_every_extracted_span_is_its_raw_text(index):
    text, _ = GOLD[index]
    for figure in find_figures(text):
        assert text[figure.start:figure.end] == figure.raw
        assert 0.0 <= figure.confidence <= 1.0
