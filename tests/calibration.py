"""Confidence against correctness: how often figures at a confidence are right (figure and
indicator), on the gold seeds, the hand-labelled full reports and the indicator variants.

`python tests/calibration.py` prints the table; tests/test_confidence_calibration.py checks it.
A figure is right when it matches a labelled figure (overlapping span, same value and unit)
and has the labelled indicator (null included); an extracted figure with no label is wrong.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.extract import extract  # noqa: E402
from app.core.figures import find_figures  # noqa: E402
from tests.gold_scoring import load_gold, match_by_overlap  # noqa: E402

THRESHOLD = 0.9
VARIANT_MODULES = ("test_indicator_variants", "test_codebook_rules", "test_agency_sentences",
                   "test_subtotal_indicators",
                   "test_list_indicators")


def _judged(gold: list[dict], predicted: list[dict]) -> list[tuple[float, bool]]:
    pairs = {id(p): g for g, p in match_by_overlap(gold, predicted)}
    judged = []
    for p in predicted:
        g = pairs.get(id(p))
        right = (g is not None and abs(float(g["value"]) - float(p["value"])) <= 1e-6 * max(1.0, abs(g["value"]))
                 and g["unit"] == p["unit"] and g.get("indicator") == p.get("indicator"))
        judged.append((p["confidence"], right))
    return judged


def gold_seeds() -> list[tuple[float, bool]]:
    judged = []
    for text, gold in load_gold():
        judged += _judged(gold["figures"], [f.to_dict() for f in extract(text).figures])
    return judged


def full_reports() -> list[tuple[float, bool]]:
    from tests.full_reports_data import REPORTS
    judged = []
    for report in REPORTS:
        text = "\n".join(report.header + report.body + report.footer)
        gold, taken = [], set()
        for prefix, raw, value, unit, _, indicator in report.figures:
            start = text.find(prefix + raw)
            while start in taken and start >= 0:
                start = text.find(prefix + raw, start + 1)
            taken.add(start)
            start += len(prefix)
            gold.append({"start": start, "end": start + len(raw), "raw": raw, "value": value,
                         "unit": unit, "indicator": indicator})
        judged += _judged(gold, [f.to_dict() for f in extract(text).figures])
    return judged


def variant_sentences() -> list[tuple[float, bool]]:
    """The named figure of each (sentence, raw, indicator) case of the variant tests."""
    judged = []
    for name in VARIANT_MODULES:
        module = importlib.import_module(f"tests.{name}")
        for test in vars(module).values():
            for mark in getattr(test, "pytestmark", ()):
                if mark.name != "parametrize" or mark.args[0] != "sentence, raw, indicator":
                    continue
                for sentence, raw, indicator in mark.args[1]:
                    figure = next((f for f in find_figures(sentence) if f.raw == raw), None)
                    if figure is not None:
                        judged.append((figure.confidence, figure.indicator == indicator))
    return judged


def calibration(judged: list[tuple[float, bool]], threshold: float = THRESHOLD) -> tuple[float, float]:
    """(share of the figures at or above the threshold that are right, share of figures there)."""
    sure = [right for confidence, right in judged if confidence >= threshold]
    return (sum(sure) / len(sure) if sure else 1.0), len(sure) / max(len(judged), 1)


def table(judged: list[tuple[float, bool]]) -> list[str]:
    rows = []
    for level in sorted({c for c, _ in judged}, reverse=True):
        at = [right for c, right in judged if c == level]
        rows.append(f"  {level:.2f}: {sum(at)}/{len(at)} right")
    return rows


if __name__ == "__main__":
    for name, source in (("gold seeds", gold_seeds), ("full reports", full_reports),
                         ("variant sentences", variant_sentences)):
        judged = source()
        precision, coverage = calibration(judged)
        print(f"{name}: {len(judged)} figures; at confidence >= {THRESHOLD}: {precision:.3f} right, "
              f"covering {coverage:.3f}")
        print(*table(judged), sep="\n")
