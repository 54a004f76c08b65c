"""Plain data passed between the core, the store, the CLI and the GUI.

Field names follow CODEBOOK.md; offsets are code-point indices into the stored text
(CODEBOOK §1), `end` exclusive.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

QUALIFIERS = ("exact", "more_than", "at_least", "approx", "at_most")
STATUSES = ("pending", "confirmed", "corrected", "rejected", "added")
LEVELS = ("province", "city", "district", "county")
DOC_TYPES = ("situation_report", "accountability_report")
SECTION_CATEGORIES = (
    "measures", "responsibility", "problems", "plans", "other",
    "preamble", "closing", "boilerplate",
)
METADATA_FIELDS = ("title", "agency", "region", "level", "province", "city", "county", "division_code",
                   "report_year", "publish_date", "doc_type")


@dataclass
class Decoded:
    """A file's bytes turned into the stored text, with the evidence of how."""

    text: str
    encoding: str
    confidence: float  # 1.0 for a BOM or strict UTF-8; chardet's confidence otherwise
    damaged: bool = False  # replacement characters were needed somewhere
    warning: Optional[str] = None  # shown to the reviewer; None when the decode is sure
    warning_key: Optional[str] = None  # "decode:<key of decode.MESSAGES>", so it is translated from data
    warning_args: dict = field(default_factory=dict)

    def warn(self, key: str, template: str, **args: str) -> "Decoded":
        """Set the warning: `template` (MESSAGES[key] of app.core.decode) filled in, with its key and args."""
        self.warning, self.warning_key, self.warning_args = template.format(**args), f"decode:{key}", args
        return self
    page_starts: Optional[tuple[int, ...]] = None  # a PDF's: where each page's text begins


@dataclass
class Metadata:
    title: Optional[str] = None
    agency: Optional[str] = None
    region: Optional[str] = None
    level: Optional[str] = None
    # the gazetteer's divisions holding the region (None where the level has none) and the
    # six-digit code of the most specific one (渝北区 500112)
    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None
    division_code: Optional[str] = None
    report_year: Optional[int] = None
    publish_date: Optional[str] = None  # ISO yyyy-mm-dd
    doc_type: Optional[str] = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Section:
    level: int  # 1, 2 or 3
    title: str
    category: Optional[str]  # level 1 only; see SECTION_CATEGORIES
    start: int
    end: int


@dataclass
class Figure:
    start: int
    end: int
    raw: str
    value: float
    unit: str
    qualifier: str = "exact"
    label: str = ""
    indicator: Optional[str] = None
    numeral: str = "arabic"  # or "chinese"
    confidence: float = 0.5  # how sure the extractor is of the figure and its indicator
    # why the indicator was chosen ("cue 行政复议"); None when there is no indicator
    indicator_reason: Optional[str] = None

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def unit_implied(self) -> bool:
        """The text lost the measure word (对3代拟的规范性文件): raw is the bare number."""
        return bool(self.unit) and self.raw.isdigit()


@dataclass
class Extraction:
    metadata: Metadata
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
