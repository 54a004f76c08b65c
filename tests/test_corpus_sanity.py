"""The figure extractor stays sane on State Council work reports (dates, years, slogans galore)."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from app.core.codebook import indicator_ids, lexicon
from app.core.figures import find_figures
from app.core.model import QUALIFIERS

CORPUS = sorted((Path(__file__).resolve().parent / "data" / "corpus").glob("*.txt"))
DATE_OR_YEAR = re.compile(r"(年|月|(?<!工作)日|号|届|周年|岁)$")


@pytest.fixture(scope="module", params=CORPUS, ids=lambda p: p.stem[:4])
def report(request):
    text = request.param.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    return text, find_figures(text)


def test_corpus_is_present():
    assert len(CORPUS) >= 5


def test_spans_are_the_raw_text_and_values_are_finite(report):
    text, figures = report
    assert len(figures) > 20
    for f in figures:
        assert text[f.start:f.end] == f.raw
        assert math.isfinite(f.value) and f.value >= 0
        assert f.qualifier in QUALIFIERS
        assert f.indicator is None or f.indicator in indicator_ids()
        assert 0.0 <= f.confidence <= 1.0
        assert f.label == f.label.strip()


def test_no_dates_years_ordinals_or_titles(report):
    text, figures = report
    for f in figures:
        assert not DATE_OR_YEAR.search(f.raw), f.raw
        assert text[max(0, f.start - 1):f.start] != "第", f.raw
        assert f.unit not in ("年", "月", "日", "号", "届", "版")
        open_title = text.rfind("《", 0, f.start) > text.rfind("》", 0, f.start)
        assert not open_title, f.raw


def test_no_slogans(report):
    text, figures = report
    slogans = lexicon("slogans")["slogans"]
    for f in figures:
        around = text[max(0, f.start - 6):f.end + 6]
        assert not any(s in around and _overlaps(text, f, s) for s in slogans), f.raw


def _overlaps(text: str, figure, slogan: str) -> bool:
    for m in re.finditer(re.escape(slogan), text[max(0, figure.start - 10):figure.end + 10]):
        start = m.start() + max(0, figure.start - 10)
        if start < figure.end and figure.start < start + len(slogan):
            return True
    return False


def test_figures_do_not_overlap_and_come_in_text_order(report):
    _, figures = report
    for a, b in zip(figures, figures[1:]):
        assert a.end <= b.start


def test_known_figures_are_found_with_scaling():
    text = next(p for p in CORPUS if p.name.startswith("2024")).read_text(encoding="utf-8")
    by_raw = {}
    for f in find_figures(text):
        by_raw.setdefault(f.raw, f)
    assert by_raw["5.2%"].unit == "%" and by_raw["5.2%"].value == pytest.approx(5.2)
    assert by_raw["1244万人"].value == pytest.approx(12_440_000) and by_raw["1244万人"].unit == "人"
    assert by_raw["4.06万亿元"].value == pytest.approx(4.06e12) and by_raw["4.06万亿元"].unit == "元"
    assert by_raw["126万亿元"].qualifier == "more_than"


def test_work_reports_rarely_match_rule_of_law_indicators(report):
    _, figures = report
    with_indicator = [f for f in figures if f.indicator]
    assert len(with_indicator) <= 0.15 * len(figures)
