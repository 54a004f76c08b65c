"""One report's text in, everything the reviewer starts from out: outline, metadata, figures."""
from __future__ import annotations

from app.core.figures import find_figures
from app.core.metadata import extract_metadata
from app.core.model import Extraction
from app.core.sections import find_sections


def extract(text: str) -> Extraction:
    """Sections, metadata and figures of a stored report text (CODEBOOK §1 offsets)."""
    sections = find_sections(text)
    metadata = extract_metadata(text, sections)
    return Extraction(metadata=metadata, sections=sections, figures=find_figures(text, sections))
