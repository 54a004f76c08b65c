"""One report's text in, everything the reviewer starts from out: outline, metadata, figures."""
from __future__ import annotations

from typing import Iterable, Optional

from app.core.figures import find_figures
from app.core.metadata import extract_metadata
from app.core.model import Extraction
from app.core.sections import find_sections
from app.core.taught_cues import TaughtCue, apply_taught


def extract(text: str, taught: Optional[Iterable[TaughtCue]] = None) -> Extraction:
    """Sections, metadata and figures of a stored report text (CODEBOOK §1 offsets).

    `taught`: a database's taught cues, which decide a figure's indicator before the lexicon."""
    sections = find_sections(text)
    metadata = extract_metadata(text, sections)
    figures = find_figures(text, sections)
    if taught:
        apply_taught(figures, taught)
    return Extraction(metadata=metadata, sections=sections, figures=figures)
