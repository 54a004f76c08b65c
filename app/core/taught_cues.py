"""Taught cues: a review team's own conventions, applied after the built-in lexicon.

A taught cue is a phrase that a reviewer's decision made into a rule: when the reviewer
changed a figure's indicator (or rejected it as not a figure), the phrase that named it now
decides every figure whose label holds it. `apply_taught` runs after app.core.labels has
decided and overrides its indicator where a cue matches: the longest matching phrase wins
(the most specific convention), then the one taught last. Each figure so decided says so in
`indicator_reason`, and its confidence says the reviewer's convention decided it.
The store derives the cues from the reviewed figures (app.store.cues); here they are plain data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from app.core.model import Figure

NO_INDICATOR = "none"  # the reviewer cleared the indicator: such figures count nothing in the codebook
NOT_A_FIGURE = "not_a_figure"  # the reviewer rejected the figure
MIN_PHRASE = 2  # one character would match nearly every label
TAUGHT_CONFIDENCE = 0.92  # the reviewer's own convention decided the indicator
NOT_A_FIGURE_CONFIDENCE = 0.2  # the reviewer rejected figures named like this one
REASON = "taught cue {phrase} (by {who}, figure {figure_id})"
REASON_PREFIX = "taught cue "
_REASON = re.compile(r"^taught cue (?P<phrase>.+) \(by (?P<who>.*), figure (?P<figure_id>\d*)\)$")


@dataclass(frozen=True)
class TaughtCue:
    phrase: str
    decision: str  # an indicator id, NO_INDICATOR or NOT_A_FIGURE
    taught_by: str = "unknown"
    figure_id: Optional[int] = None  # the figure it was taught from
    taught_at: str = ""  # ISO 8601 UTC

    @property
    def indicator(self) -> Optional[str]:
        return None if self.decision in (NO_INDICATOR, NOT_A_FIGURE) else self.decision

    def reason(self) -> str:
        return REASON.format(phrase=self.phrase, who=self.taught_by,
                             figure_id="" if self.figure_id is None else self.figure_id)


def parse_reason(reason: Optional[str]) -> Optional[dict]:
    """{"phrase", "who", "figure_id"} of a taught-cue reason; None for any other reason."""
    found = _REASON.match(reason or "")
    return found.groupdict() if found else None


def is_taught(reason: Optional[str]) -> bool:
    return bool(reason) and reason.startswith(REASON_PREFIX)


class CueMatcher:
    """Which cue decides a label: the longest phrase the label holds, then the latest taught.

    Phrases are found by their first two characters at each position of the label, so a
    label costs about the same however many cues a database has taught."""

    def __init__(self, cues: Iterable[TaughtCue] = ()):
        self._by_phrase: dict[str, TaughtCue] = {}
        self._lengths: dict[str, list[int]] = {}  # first two characters -> phrase lengths, longest first
        for cue in cues:
            self.add(cue)

    def __bool__(self) -> bool:
        return bool(self._by_phrase)

    def add(self, cue: TaughtCue) -> None:
        phrase = cue.phrase
        if len(phrase) < MIN_PHRASE:
            return
        known = self._by_phrase.get(phrase)
        if known is None or cue.taught_at >= known.taught_at:
            self._by_phrase[phrase] = cue
        lengths = self._lengths.setdefault(phrase[:MIN_PHRASE], [])
        if len(phrase) not in lengths:
            lengths.append(len(phrase))
            lengths.sort(reverse=True)

    def match(self, label: Optional[str]) -> Optional[TaughtCue]:
        label, best = label or "", None
        for i in range(len(label) - MIN_PHRASE + 1):
            lengths = self._lengths.get(label[i:i + MIN_PHRASE])
            if lengths is None:
                continue
            for length in lengths:  # the longest phrase starting here
                cue = self._by_phrase.get(label[i:i + length])
                if cue is not None:
                    if best is None or (len(cue.phrase), cue.taught_at) > (len(best.phrase), best.taught_at):
                        best = cue
                    break
        return best


def apply_taught(figures: list[Figure], cues: Iterable[TaughtCue]) -> None:
    """Override indicator, reason and confidence of the figures a taught cue matches, in place."""
    matcher = CueMatcher(cues)
    if not matcher:
        return
    for figure in figures:
        cue = matcher.match(figure.label)
        if cue is None:
            continue
        figure.indicator = cue.indicator
        figure.indicator_reason = cue.reason()
        if cue.decision == NOT_A_FIGURE:
            figure.confidence = min(figure.confidence, NOT_A_FIGURE_CONFIDENCE)
        else:
            figure.confidence = max(figure.confidence, TAUGHT_CONFIDENCE)
