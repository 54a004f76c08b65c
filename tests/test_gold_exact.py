"""`extract` on the five bundled seeds gives exactly their gold labels (issue 12's "matches
their gold"): every figure with its span, value, unit, qualifier and indicator, every level-1
section with its category, every metadata field. The scored tests beside this one
(test_gold_figures, test_gold_structure) print the rates; this one names each difference."""
from __future__ import annotations

import pytest

from app.core.extract import extract
from tests.gold_scoring import load_gold

GOLD = load_gold()
FIGURE_FIELDS = ("start", "end", "raw", "value", "unit", "qualifier", "indicator")


def _figures(figures: list[dict]) -> list[tuple]:
    return [tuple(float(f[k]) if k == "value" else f.get(k, "exact" if k == "qualifier" else None)
                  for k in FIGURE_FIELDS) for f in figures]


@pytest.mark.parametrize("index", range(len(GOLD)), ids=[g["file"][:3] for _, g in GOLD])
def test_extract_gives_the_gold_labels(index):
    text, gold = GOLD[index]
    got = extract(text)
    assert _figures([f.to_dict() for f in got.figures]) == _figures(gold["figures"])
    level1 = [(s.start, s.title, s.category) for s in got.sections if s.level == 1]
    assert level1 == [(s["start"], s["title"], s["category"]) for s in gold["sections"] if s["level"] == 1]
    metadata = got.metadata.to_dict()
    assert {k: metadata[k] for k in gold["metadata"]} == gold["metadata"]
