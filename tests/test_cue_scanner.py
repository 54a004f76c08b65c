"""The indicator cues' scanner skips positions where no cue can start: it must still find
every cue occurrence the plain alternation finds, on real reports and on each cue itself."""
from __future__ import annotations

import re

import pytest

from app.core.labels import _cues
from app.core.pattern_starts import first_characters, sre_parser, starts_with_one_of
from conftest import SEEDS


def occurrences(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in pattern.finditer(text)]


def test_the_scanner_finds_what_the_plain_alternation_finds_in_every_seed():
    scanner = _cues().scanner
    plain = re.compile(scanner.pattern[len(starts_with_one_of([p.pattern for p, _ in _cues().patterns])):])
    assert plain.pattern.startswith("(?=((?:") and len(plain.pattern) < len(scanner.pattern)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        assert occurrences(scanner, text) == occurrences(plain, text) != [], seed.name


@pytest.mark.parametrize("pattern, firsts", [
    ("执法检查", {"执"}), ("(?:班子成员|领导干部)", {"班", "领"}), ("[审复]核\\D{0,4}案件", {"审", "复"}),
    ("(?:现行|存量)[^，。]{0,12}审查", {"现", "存"}), ("\\D{0,4}学习", None), ("[^，]审查", None), (".法", None)])
def test_first_characters_of_a_cue(pattern, firsts):
    assert first_characters(sre_parser.parse(pattern)) == firsts
    assert starts_with_one_of([pattern, "学习"]) == ("" if firsts is None else
                                                      "(?=[" + "".join(sorted(firsts | {"学"})) + "])")
