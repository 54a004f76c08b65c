"""Reports unlike the seeds: other agencies, levels, layouts and ways of writing numbers.

Each test is a short snippet in the style of a 法治政府建设情况报告 or 述法报告, and asserts what
the codebook says a reviewer should get from it.
"""
from __future__ import annotations

import pytest

from app.core.figures import find_figures
from app.core.numerals import number_value


def figures_by_raw(text: str) -> dict:
    return {f.raw: f for f in find_figures(text)}


# -- values ------------------------------------------------------------------------------------

@pytest.mark.parametrize("number, magnitude, value", [
    ("8.2", "万亿", 8_200_000_000_000),
    ("4.06", "万亿", 4_060_000_000_000),
    ("1.2", "亿", 120_000_000),
    ("127.6118", "万", 1_276_118),
])
def test_scaled_decimals_are_exact(number, magnitude, value):
    assert number_value(number, magnitude) == value
