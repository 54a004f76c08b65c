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
from typing import Iterable, Optional, Sequence

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


def ranked(cues: Iterable[TaughtCue]) -> list[TaughtCue]:
    """The cues in the order they are tried: longest phrase first, then the latest taught."""
    usable = [cue for cue in cues if len(cue.phrase) >= MIN_PHRASE]
    return sorted(usable, key=lambda cue: (len(cue.phrase), cue.taught_at), reverse=True)


def deciding_cue(label: str, cues: Sequence[TaughtCue]) -> Optional[TaughtCue]:
    """The first of `cues` (already `ranked`) whose phrase the label holds."""
    if not label:
        return None
    return next((cue for cue in cues if cue.phrase in label), None)


def apply_taught(figures: list[Figure], cues: Iterable[TaughtCue]) -> None:
    """Override indicator, reason and confidence of the figures a taught cue matches, in place."""
    order = ranked(cues)
    if not order:
        return
    for figure in figures:
        cue = deciding_cue(figure.label, order)
        if cue is None:
            continue
        figure.indicator = cue.indicator
        figure.indicator_reason = cue.reason()
        if cue.decision == NOT_A_FIGURE:
            figure.confidence = min(figure.confidence, NOT_A_FIGURE_CONFIDENCE)
        else:
            figure.confidence = max(figure.confidence, TAUGHT_CONFIDENCE)
