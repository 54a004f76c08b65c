"""The rows the store hands out: plain dataclasses, so callers never see SQL or sqlite rows."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Optional


def _from_row(cls, row: dict):
    """Build `cls` from a database row, ignoring columns the dataclass does not carry."""
    return cls(**{f.name: row[f.name] for f in fields(cls)})


@dataclass
class ReportSummary:
    id: int
    file_name: str
    title: Optional[str]
    agency: Optional[str]
    region: Optional[str]
    level: Optional[str]
    province: Optional[str]
    report_year: Optional[int]
    n_figures: int
    n_reviewed: int  # figures whose status is not 'pending'
    has_warning: bool


@dataclass
class Report:
    id: int
    path: str
    file_name: str
    sha256: str
    encoding: str
    encoding_confidence: float
    encoding_overridden: bool
    decode_warning: Optional[str]
    text: str
    title: Optional[str]
    agency: Optional[str]
    region: Optional[str]
    level: Optional[str]
    province: Optional[str]
    city: Optional[str]
    county: Optional[str]
    division_code: Optional[str]
    report_year: Optional[int]
    publish_date: Optional[str]
    doc_type: Optional[str]
    imported_at: str
    decode_warning_key: Optional[str] = None  # "decode:<key>" / "ingest:<key>" of decode_warning's template
    decode_warning_args: Optional[str] = None  # its args, JSON
    page_starts: Optional[list[int]] = None  # a PDF's: where each page begins in the text

    @classmethod
    def from_row(cls, row: dict) -> "Report":
        report = _from_row(cls, row)
        report.encoding_overridden = bool(report.encoding_overridden)
        report.page_starts = json.loads(report.page_starts) if report.page_starts else None
        return report


@dataclass
class SectionRow:
    id: int
    report_id: int
    level: int
    title: str
    category: Optional[str]
    start: int
    end: int

    @classmethod
    def from_row(cls, row: dict) -> "SectionRow":
        return _from_row(cls, row)


@dataclass
class FigureRow:
    id: int
    report_id: int
    start: int
    end: int
    raw: str
    value: Optional[float]
    unit: Optional[str]
    qualifier: str
    label: Optional[str]
    indicator: Optional[str]
    x_start: Optional[int]
    x_end: Optional[int]
    x_raw: Optional[str]
    x_value: Optional[float]
    x_unit: Optional[str]
    x_qualifier: Optional[str]
    x_label: Optional[str]
    x_indicator: Optional[str]
    numeral: str
    confidence: float
    section_category: Optional[str]
    status: str
    headline: bool
    note: Optional[str]
    reject_reason: Optional[str]
    reviewed_at: Optional[str]
    indicator_reason: Optional[str] = None  # why the extractor (or a taught cue) chose the indicator

    @classmethod
    def from_row(cls, row: dict) -> "FigureRow":
        figure = _from_row(cls, row)
        figure.headline = bool(figure.headline)
        return figure


@dataclass
class SearchHit:
    report_id: int
    agency: Optional[str]
    report_year: Optional[int]
    file_name: str
    start: int
    end: int
    snippet: str


@dataclass(slots=True)
class IndicatorPoint:
    report_id: int
    agency: Optional[str]
    region: Optional[str]
    level: Optional[str]
    province: Optional[str]
    report_year: Optional[int]
    value: Optional[float]
    unit: Optional[str]
    status: str
    headline: bool


@dataclass
class EditResult:
    """What an undo or redo touched, so the window can show it."""

    description: str
    report_id: Optional[int]
    figure_ids: list[int] = field(default_factory=list)


@dataclass
class ImportSummary:
    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    duplicate_of: dict[str, str] = field(default_factory=dict)  # duplicate path -> the report it repeats
    warnings: list[tuple[str, str]] = field(default_factory=list)  # done, but the user should know

    def merge(self, other: "ImportSummary") -> None:
        self.imported.extend(other.imported)
        self.duplicates.extend(other.duplicates)
        self.failed.extend(other.failed)
        self.duplicate_of.update(other.duplicate_of)
        self.warnings.extend(other.warnings)

    def by_format(self) -> list[tuple[str, int, int, int]]:
        """(format, imported, duplicates, failed) per file format, by name: "pdf", "doc"…"""
        counts: dict[str, list[int]] = {}
        for column, paths in enumerate((self.imported, self.duplicates,
                                        [path for path, _ in self.failed])):
            for path in paths:
                counts.setdefault(file_format(path), [0, 0, 0])[column] += 1
        return [(name, *counts[name]) for name in sorted(counts)]


_SAME_FORMAT = {"htm": "html", "mhtml": "mht"}


def file_format(path: str) -> str:
    """A file's format as the import summary names it: its suffix, lower case, without the dot."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return _SAME_FORMAT.get(suffix, suffix) or "other"
