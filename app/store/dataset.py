"""The dataset export (long and wide rows, CSV / XLSX / JSONL) and the JSONL round trip.

Layouts
- long: one row per figure (LONG_COLUMNS): report metadata, the reviewed values beside
  the extracted ones (x_*), the sentence around the figure, and the open findings that
  name it (dismissed ones are left out).
- wide: one row per report (WIDE_COLUMNS): metadata, one column per codebook indicator
  holding the headline figure, else the first reviewed one, else the first pending one
  (the same choice as the charts), among the exported statuses; then n_pending, n_rejected.
XLSX holds both layouts (the chosen one first), a "columns" sheet naming the reviewer who
exported it and describing every column, and an "indicators" sheet with the codebook.
Long rows name the reviewer of each figure's last decision (reviewed_by).

JSONL
- wide: one object per report, keyed by the wide columns.
- long: line 1 is a header {"type": "header", "format": JSONL_FORMAT, "version": 2,
  "complete": bool, "statuses": [...], "reviewer": name (reviewers.py)} (a complete one also counts its "reports" and
  "figures"); the last line is {"type": "end", "reports": n, "figures": m, "sha256": hex of
  every byte before it}, so a restore (app/store/restore.py) knows a file cut short. After
  the header, one {"type": "cue"} line per taught cue (app/store/cues.py) and, in a complete
  export, one {"type": "agreement"} line per merge's agreement row (decision_records.py); then per report
  one {"type": "report"} line (metadata, sections, dismissed findings) followed by its {"type": "figure"} lines (the long columns
  plus every stored figure column) and, in a merged database, its {"type": "decision"} lines
  (each reviewer's decision on a figure and whether it is in conflict, app/store/decision_records.py;
  counted in the header, the report line's n_decisions and the closing line). An export is "complete" when made with status all and
  no figure filter; its report lines also carry the text, encoding evidence, sha256 and the
  original bytes (zlib, base64), so `restore_jsonl` can rebuild every report, section,
  figure (both versions, status, headline, note, reject reason, reviewed_at) and dismissal.
"""
from __future__ import annotations

import base64
import bisect
import json
import os
import functools
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from app.core.breakdowns import sentences_around
from app.core.codebook import indicator_ids, indicators
from app.core.export import Column, ExportCancelled, Sheet, write_csv, write_jsonl, write_xlsx
from app.core.model import STATUSES
from app.store.decision_records import agreement_records, decision_records, has_decisions
from app.core.names import shown
from app.store.errors import StoreError
from app.store.export_checks import with_findings
from app.store.restore import JSONL_FORMAT, JSONL_VERSION, MESSAGES, TEMPLATES, restore_jsonl  # noqa: F401
from app.store.reviewers import reviewer_name

DEFAULT_STATUSES = ("confirmed", "corrected", "added")
FORMATS = ("csv", "xlsx", "jsonl")
LAYOUTS = ("long", "wide")
REPORT_ORDER = "agency IS NULL, agency, report_year, file_name, id"  # the report list's order

_META = [Column("report_id", "database id of the report (stable within one database)"),
         Column("file", "file name the report was imported from"),
         Column("title", "report title"), Column("agency", "issuing body, full name"),
         Column("region", "place the agency governs, as written"),
         Column("level", "province / city / district / county"),
         Column("province", "province (or municipality) holding the region, from the gazetteer"),
         Column("city", "prefecture-level city holding the region (empty for a municipality's districts)"),
         Column("county", "county-level unit (county, district, county-level city) of the region"),
         Column("division_code", "six-digit division code of the most specific division (渝北区 500112)"),
         Column("report_year", "the year the report is about"),
         Column("publish_date", "ISO date signed or published"),
         Column("doc_type", "situation_report or accountability_report")]
LONG_COLUMNS = _META + [
    Column("section_category", "category of the level-1 section holding the figure"),
    Column("figure_id", "database id of the figure"),
    Column("indicator", "codebook indicator id (reviewed)"),
    Column("label", "phrase naming what is counted (reviewed)"),
    Column("value", "number after 万/亿 scaling (reviewed)"),
    Column("unit", "measure word after scaling (reviewed)"),
    Column("qualifier", "exact / more_than / at_least / approx / at_most (reviewed)"),
    Column("status", "pending / confirmed / corrected / rejected / added"),
    Column("headline", "1 if this is the figure the wide table takes for its indicator"),
    Column("x_indicator", "indicator as extracted (empty for added figures)"),
    Column("x_label", "label as extracted"), Column("x_value", "value as extracted"),
    Column("x_unit", "unit as extracted"), Column("x_qualifier", "qualifier as extracted"),
    Column("raw", "the figure's text as written (reviewed span)"),
    Column("x_raw", "the text as extracted"),
    Column("start", "start offset in the report text (code points)"),
    Column("end", "end offset, exclusive"),
    Column("page", "page of the PDF the figure starts on (1 is the first); empty for other formats"),
    Column("sentence", "the clause around the figure, from the previous 。；or line break to the next"),
    Column("note", "reviewer's note"), Column("reject_reason", "why it was rejected"),
    Column("reviewed_at", "when it was last reviewed (UTC)"),
    Column("findings", "open consistency-check findings naming this figure: rule: message"),
    Column("reviewed_by", "reviewer of the figure's last decision, from the audit trail"),
]
WIDE_COLUMNS = _META + [Column(ind.id, f"{ind.description} [{ind.unit}]") for ind in indicators()] + [
    Column("n_pending", "figures still pending review"), Column("n_rejected", "figures rejected")]
_RESTORE_FIELDS = ("x_start", "x_end", "numeral", "confidence", "indicator_reason")
# A figure as _FIGURES_SQL reads it: the long columns taken from the table, in LONG_COLUMNS
# order (the computed sentence and findings go in at _SENTENCE_AT and _FINDINGS_AT), then
# the fields only the round trip needs.
_FIGURE_FIELDS_READ = (("section_category", "id", "indicator", "label", "value", "unit", "qualifier", "status",
                        "headline", "x_indicator", "x_label", "x_value", "x_unit", "x_qualifier", "raw", "x_raw",
                        "start", "end", "note", "reject_reason", "reviewed_at") + _RESTORE_FIELDS)
_FIGURES_SQL = ("SELECT " + ", ".join('"' + name + '"' for name in _FIGURE_FIELDS_READ)
                + " FROM figures WHERE report_id = ? ORDER BY start, id")
_SENTENCE_AT, _FINDINGS_AT = _FIGURE_FIELDS_READ.index("end") + 1, _FIGURE_FIELDS_READ.index("reviewed_at") + 1
(_ID, _INDICATOR, _LABEL, _VALUE, _UNIT, _QUALIFIER, _STATUS, _HEADLINE, _RAW, _START, _END) = (
    _FIGURE_FIELDS_READ.index(name) for name in
    ("id", "indicator", "label", "value", "unit", "qualifier", "status", "headline", "raw", "start", "end"))
# where the checks find their fields in a figure tuple (app.store.export_checks.Checker)
_CHECK_POSITIONS = tuple(_FIGURE_FIELDS_READ.index(name) for name in (
    "id", "start", "end", "value", "unit", "qualifier", "indicator", "label", "status", "raw", "headline"))
_LIGHT_REPORT_COLUMNS = ("id, path, file_name, sha256, encoding, encoding_confidence, encoding_overridden,"
                         " decode_warning, title, agency, region, level, province, city, county, division_code,"
                         " report_year, publish_date, doc_type,"
                         " imported_at")


def parse_statuses(statuses) -> tuple[str, ...]:
    """("all",), a list, or "confirmed,corrected" -> the statuses; ValueError names a bad one."""
    names = statuses.split(",") if isinstance(statuses, str) else list(statuses)
    names = [name.strip() for name in names if name.strip()]
    if not names:
        raise ValueError("no status chosen for the export")
    if "all" in names:
        return STATUSES
    unknown = [name for name in names if name not in STATUSES]
    if unknown:
        raise ValueError(f"unknown status {unknown[0]!r}; use {', '.join(STATUSES)} or all")
    return tuple(dict.fromkeys(names))


class _Export:
    """One export's selection, with progress and cancel checked once per report.

    Figures are read as plain tuples (_FIGURES_SQL) and long rows built as tuples: an export
    of every figure reads some 300,000 of them, and a dict per figure and per row cost about
    as much as writing the CSV itself.
    """

    def __init__(self, store, statuses, report_ids, figure_ids, progress, should_cancel, passes):
        self.store = store
        self.statuses = parse_statuses(statuses)
        self.figure_ids = None if figure_ids is None else json.dumps(list(figure_ids))
        self.chosen_figures = None if figure_ids is None else set(figure_ids)
        self.complete = set(self.statuses) == set(STATUSES) and figure_ids is None
        self.reports = self._reports(report_ids)
        self.progress, self.should_cancel = progress, should_cancel
        self.done, self.total = 0, len(self.reports) * passes
        self.indicator_ids = indicator_ids()
        self.figure_lines = self.report_lines = self.decision_lines = 0
        self.reviewer = reviewer_name(store.conn)
        # the reports with a decision in the audit trail: only theirs are asked who decided
        self.decided = {row[0] for row in store.conn.execute(
            "SELECT DISTINCT report_id FROM edits")}  # from the index alone

    def _reports(self, report_ids) -> list[dict]:
        # text and original bytes are read one report at a time: all at once they can fill memory
        sql, params = f"SELECT {_LIGHT_REPORT_COLUMNS} FROM reports WHERE 1", []
        if report_ids is not None:
            sql += " AND id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(report_ids)))
        if self.figure_ids is not None:
            sql += " AND id IN (SELECT report_id FROM figures WHERE id IN (SELECT value FROM json_each(?)))"
            params.append(self.figure_ids)
        return list(self.store.db.query(f"{sql} ORDER BY {REPORT_ORDER}", params))

    def long_count(self) -> int:
        """How many long rows the export writes: the chosen figures of the chosen reports."""
        sql = "SELECT count(*) FROM figures WHERE report_id IN (SELECT value FROM json_each(?))"
        params = [json.dumps([report["id"] for report in self.reports])]
        if not self.complete:
            sql += " AND status IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(self.statuses)))
        if self.figure_ids is not None:
            sql += " AND id IN (SELECT value FROM json_each(?))"
            params.append(self.figure_ids)
        return self.store.conn.execute(sql, params).fetchone()[0]

    def step(self, report: dict) -> None:
        if self.should_cancel and self.should_cancel():
            raise ExportCancelled("export cancelled")
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, report["file_name"])

    def exported(self, figures: list[tuple]) -> list[tuple]:
        """The figures of the chosen statuses (and ids), from a report's figure tuples."""
        if self.complete:
            return figures
        statuses, chosen = self.statuses, self.chosen_figures
        return [f for f in figures if f[_STATUS] in statuses and (chosen is None or f[_ID] in chosen)]

    def long_reports(self, restore_fields: bool = False,
                     wide_rows: Optional[list] = None) -> Iterator[tuple[dict, list[tuple]]]:
        """(report, its long rows in LONG_COLUMNS order, then _RESTORE_FIELDS if asked).

        Given a list, also appends each report's wide row to it (from the figures already read)."""
        for (report, figures, text, exported, page_starts), texts in with_findings(
                self.store, _CHECK_POSITIONS, self._read_reports(wide_rows), len(self.reports)):
            if not exported:
                yield report, []
                continue
            deciders = self.deciders(report["id"]) if report["id"] in self.decided else {}
            meta = tuple(_meta(report).values())
            page = _page_finder(page_starts)
            sentences = sentences_around(text, [(f[_START], f[_END]) for f in exported])
            yield report, [meta + f[:_SENTENCE_AT] + (page(f[_START]), sentence)
                           + f[_SENTENCE_AT:_FINDINGS_AT] + (texts.get(f[_ID]), deciders.get(f[_ID]))
                           + (f[_FINDINGS_AT:] if restore_fields else ())
                           for f, sentence in zip(exported, sentences)]

    def _read_reports(self, wide_rows: Optional[list]) -> Iterator[tuple]:
        """(report, every figure, text, the exported figures, page starts) per report; figures
        and text None when none of its figures is exported (there is nothing to check)."""
        conn = self.store.conn
        for report in self.reports:
            self.step(report)
            figures = conn.execute(_FIGURES_SQL, (report["id"],)).fetchall()
            if wide_rows is not None:
                wide_rows.append(self.wide_row(report, figures))
            exported = self.exported(figures)
            if not exported:
                yield report, None, None, exported, None
                continue
            text, page_starts = conn.execute("SELECT text, page_starts FROM reports WHERE id = ?",
                                             (report["id"],)).fetchone()
            yield report, figures, text, exported, page_starts

    def deciders(self, report_id: int) -> dict[int, str]:
        """Figure id -> who made its last decision still in force (undone ones do not count)."""
        return dict(self.store.conn.execute(
            "SELECT figure_id, who FROM edits WHERE report_id = ? AND figure_id IS NOT NULL"
            " AND undone IN (0, 3) AND action NOT IN ('undo', 'redo', 'merge_conflict') ORDER BY id",
            (report_id,)).fetchall())

    def _column(self, report_id: int, name: str):
        return self.store.conn.execute(f"SELECT {name} FROM reports WHERE id = ?", (report_id,)).fetchone()[0]

    def long_rows(self, wide_rows: Optional[list] = None) -> Iterator[tuple]:
        for _, rows in self.long_reports(wide_rows=wide_rows):
            yield from rows

    def wide_rows(self) -> Iterator[list]:
        conn = self.store.conn
        for report in self.reports:
            self.step(report)
            yield self.wide_row(report, conn.execute(_FIGURES_SQL, (report["id"],)).fetchall())

    def wide_row(self, report: dict, figures: list[tuple]) -> list:
        """The report's wide row from its figure tuples (every status)."""
        counts = Counter(f[_STATUS] for f in figures)
        chosen: dict[str, float] = {}
        ranked = sorted((f for f in self.exported(figures) if f[_STATUS] != "rejected"),
                        key=lambda f: (not f[_HEADLINE], f[_STATUS] == "pending", f[_START], f[_ID]))
        for figure in ranked:
            if figure[_INDICATOR]:
                chosen.setdefault(figure[_INDICATOR], figure[_VALUE])
        return (list(_meta(report).values()) + [chosen.get(i) for i in self.indicator_ids]
                + [counts["pending"], counts["rejected"]])

    def jsonl_records(self) -> Iterator[dict]:
        header = {"type": "header", "format": JSONL_FORMAT, "version": JSONL_VERSION,
                  "complete": self.complete, "statuses": list(self.statuses), "reviewer": self.reviewer}
        if self.complete:  # what a restore checks the file against: a cut file says so
            header["reports"] = len(self.reports)
            header["figures"] = self.store.conn.execute(
                "SELECT count(*) FROM figures WHERE report_id IN (SELECT value FROM json_each(?))",
                [json.dumps([r["id"] for r in self.reports])]).fetchone()[0]
        decided = self.complete and has_decisions(self.store.conn)
        if decided:
            header["decisions"] = self.store.conn.execute(
                "SELECT count(*) FROM reviewer_decisions d JOIN figures f ON f.id = d.figure_id"
                " WHERE f.report_id IN (SELECT value FROM json_each(?))",
                [json.dumps([r["id"] for r in self.reports])]).fetchone()[0]
        yield header
        # the taught cues (app.store.cues) first: a file cut short still carries the conventions
        yield from self.store.cue_records()
        if self.complete:
            yield from agreement_records(self.store.conn)
        names = ("type",) + tuple(c.name for c in LONG_COLUMNS) + _RESTORE_FIELDS
        for report, rows in self.long_reports(restore_fields=True):
            if not rows and not self.complete:
                continue  # an analysis file lists only reports that have exported figures
            self.report_lines += 1
            # a merge's decisions on the report's figures (decision_records.py), after them
            decisions = decision_records(self.store.conn, report["id"]) if decided else []
            yield {**self.report_record(report), "n_figures": len(rows),
                   **({"n_decisions": len(decisions)} if decisions else {})}
            for row in rows:
                self.figure_lines += 1
                yield dict(zip(names, ("figure",) + row))
            self.decision_lines += len(decisions)
            yield from decisions

    def report_record(self, report: dict) -> dict:
        record = {"type": "report", **_meta(report)}
        record["sections"] = list(self.store.db.query(
            'SELECT level, title, category, start, "end" FROM sections WHERE report_id = ?'
            " ORDER BY start, level, id", [report["id"]]))
        record["dismissed_findings"] = [
            {**row, "figure_ids": json.loads(row["figure_ids"])} for row in self.store.db.query(
                "SELECT rule, message, figure_ids, fingerprint, note FROM findings"
                " WHERE report_id = ? AND dismissed = 1 ORDER BY id", [report["id"]])]
        if self.complete:
            for name in ("path", "sha256", "encoding", "encoding_confidence", "decode_warning", "imported_at"):
                record[name] = report[name]
            record["text"] = self._column(report["id"], "text")
            page_starts = self._column(report["id"], "page_starts")
            record["page_starts"] = json.loads(page_starts) if page_starts else None
            record["encoding_overridden"] = bool(report["encoding_overridden"])
            original = self._column(report["id"], "original")
            record["original_zlib_base64"] = None if original is None else base64.b64encode(original).decode("ascii")
        return record


def _page_finder(page_starts: Optional[str]) -> Callable[[int], Optional[int]]:
    """offset -> 1-based page of a PDF report (from its page_starts JSON); None for others."""
    if not page_starts:
        return lambda offset: None
    starts = json.loads(page_starts)
    return lambda offset: max(1, bisect.bisect_right(starts, offset))


def _meta(report: dict) -> dict:
    return {"report_id": report["id"], "file": report["file_name"], "title": report["title"],
            "agency": report["agency"], "region": report["region"], "level": report["level"],
            "province": report["province"], "city": report["city"], "county": report["county"],
            "division_code": report["division_code"],
            "report_year": report["report_year"], "publish_date": report["publish_date"],
            "doc_type": report["doc_type"]}


def _reference_sheets(reviewer: str) -> list[Sheet]:
    columns = [("export", "reviewer", reviewer)] + [
        (layout, c.name, c.description) for layout, cs in (("long", LONG_COLUMNS), ("wide", WIDE_COLUMNS))
        for c in cs]
    return [Sheet("columns", [Column("layout", ""), Column("column", ""), Column("description", "")], columns),
            Sheet("indicators", [Column("id", ""), Column("group", ""), Column("unit", ""),
                                 Column("description", "")],
                  [(i.id, i.group, i.unit, i.description) for i in indicators()])]


DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")


def database_files(db_path: str | Path) -> list[Path]:
    """The database file and the files SQLite and the program keep beside it."""
    db_path = Path(db_path)
    return [db_path.with_name(db_path.name + suffix) for suffix in DATABASE_COMPANIONS]


def overwrites_database(db_path: str | Path, out_path: str | Path) -> bool:
    """True when writing `out_path` would replace the database or one of its files: the same
    path once resolved (sub/../r.db, symlinks), or the same file under another name."""
    out = Path(out_path)
    target = out.resolve()
    for own in database_files(db_path):
        if own.resolve() == target:
            return True
        try:
            if out.exists() and own.exists() and os.path.samefile(own, out):
                return True
        except OSError:
            continue
    return False


def _in_one_snapshot(export_function):
    """Run an export in one read transaction: its counts (an XLSX sheet's size, written
    before its rows) and its rows come from the same state of the database, even while the
    window goes on writing to it."""
    @functools.wraps(export_function)
    def exporting(store, *args, **kwargs):
        if store.conn.in_transaction:
            return export_function(store, *args, **kwargs)
        store.conn.execute("BEGIN")
        try:
            return export_function(store, *args, **kwargs)
        finally:
            store.conn.execute("ROLLBACK")  # nothing was written: only the snapshot ends
    return exporting


@_in_one_snapshot
def export_dataset(store, out_path: str | Path, fmt: str = "csv", layout: str = "long",
                   statuses: Iterable[str] | str = DEFAULT_STATUSES,
                   report_ids: Optional[Iterable[int]] = None, figure_ids: Optional[Iterable[int]] = None,
                   progress: Optional[Callable[[int, int, str], None]] = None,
                   should_cancel: Optional[Callable[[], bool]] = None) -> int:
    """Write the dataset; returns the rows written (figures for long, reports for wide).

    progress(done, total, current_file_name) is called per report; should_cancel() -> True
    stops the export with ExportCancelled and leaves no file behind. The file appears only
    when complete (temporary name + rename). ValueError for a bad format, layout or status.
    """
    if overwrites_database(store.path, out_path):
        raise StoreError(f"{shown(out_path)} is the database itself (or one of its files); "
                         "choose another file name: nothing was written")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; use long or wide")
    export = _Export(store, statuses, None if report_ids is None else list(report_ids),
                     None if figure_ids is None else list(figure_ids), progress, should_cancel,
                     passes=2 if fmt == "xlsx" and layout == "wide" else 1)
    if fmt == "xlsx" and layout == "long":
        # one pass: the long sheet, written first, collects the wide rows as it goes
        wide_rows: list[list] = []
        sheets = [Sheet("long", LONG_COLUMNS, export.long_rows(wide_rows), count=export.long_count()),
                  Sheet("wide", WIDE_COLUMNS, wide_rows)]
        return write_xlsx(out_path, sheets + _reference_sheets(export.reviewer))[0]
    if fmt == "xlsx":
        sheets = [Sheet("wide", WIDE_COLUMNS, export.wide_rows(), count=len(export.reports)),
                  Sheet("long", LONG_COLUMNS, export.long_rows(), count=export.long_count())]
        return write_xlsx(out_path, sheets + _reference_sheets(export.reviewer))[0]
    if fmt == "csv":
        return write_csv(out_path, *((LONG_COLUMNS, export.long_rows()) if layout == "long"
                                     else (WIDE_COLUMNS, export.wide_rows())))
    if layout == "wide":
        return write_jsonl(out_path, (dict(zip((c.name for c in WIDE_COLUMNS), row))
                                      for row in export.wide_rows()))
    write_jsonl(out_path, export.jsonl_records(), closing=lambda digest: {
        "type": "end", "reports": export.report_lines, "figures": export.figure_lines,
        "decisions": export.decision_lines, "sha256": digest})
    return export.figure_lines
