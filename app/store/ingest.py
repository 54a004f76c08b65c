"""Putting extractions into the database: new reports (one or a batch), re-extraction and
encoding overrides that rebuild a report's sections and pending figures but keep every
figure a reviewer has touched and every metadata field a reviewer has edited.
Messages are English, made from MESSAGES (the GUI translates them, app.core.messages)."""
from __future__ import annotations

import bisect
import hashlib
import json
import zlib
from pathlib import Path

from app.core.decode import DecodeError
from app.core.model import METADATA_FIELDS, Decoded, Extraction
from app.store.errors import DuplicateReport, InvalidEdit
from app.store.history import DISCARDED, DONE, SEALED, UNDONE, EditLog, now_utc
from app.store.schema import text_sha256

REPORT_COLUMNS = ("id", "path", "file_name", "sha256", "text_sha256", "original", "encoding",
                  "encoding_confidence", "decode_warning", "decode_warning_key", "decode_warning_args", "text",
                  *METADATA_FIELDS, "imported_at", "n_figures", "page_starts")
SECTION_COLUMNS = ("report_id", "level", "title", "category", "start", "end")
FIGURE_FIELDS = ("start", "end", "raw", "value", "unit", "qualifier", "label", "indicator")
FIGURE_COLUMNS = ("report_id", *FIGURE_FIELDS, *(f"x_{name}" for name in FIGURE_FIELDS),
                  "numeral", "confidence", "section_category", "indicator_reason")
# str.format templates; {reason} is a message of app.core.readers or app.core.decode.
MESSAGES = {
    "damaged": "some characters could not be decoded and were replaced",
    "duplicate": "{file_name} is already in the database as {existing} (the same text)",
    "unreadable_as": "cannot read {file_name} as {encoding}: {reason}",
}
TEMPLATES = tuple(MESSAGES.values())


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join('"%s"' % column for column in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


def prepare_record(path: str | Path, data: bytes, decoded: Decoded, extraction: Extraction) -> dict:
    """A report as plain, picklable data ready for `write_records` (built in worker processes)."""
    sections = [(s.level, s.title, s.category, s.start, s.end) for s in extraction.sections]
    categories = _category_finder(sections)
    figures = [(f.start, f.end, f.raw, f.value, f.unit, f.qualifier, f.label, f.indicator,
                f.numeral, f.confidence, categories(f.start), f.indicator_reason) for f in extraction.figures]
    warning, key, args = _warning(decoded)
    return {"path": str(path), "file_name": Path(path).name,
            "sha256": hashlib.sha256(data).hexdigest(), "text_sha256": text_sha256(decoded.text),
            "original": zlib.compress(data, 6),
            "encoding": decoded.encoding, "encoding_confidence": decoded.confidence,
            "decode_warning": warning, "decode_warning_key": key, "decode_warning_args": args,
            "text": decoded.text,
            "page_starts": json.dumps(list(decoded.page_starts)) if decoded.page_starts else None,
            "metadata": extraction.metadata.to_dict(), "sections": sections, "figures": figures}


def _warning(decoded: Decoded) -> tuple[str | None, str | None, str | None]:
    """The decode warning a report keeps: English text, message key and args (JSON)."""
    if decoded.warning:
        return decoded.warning, decoded.warning_key, json.dumps(decoded.warning_args, ensure_ascii=False)
    if decoded.damaged:
        return MESSAGES["damaged"], "ingest:damaged", "{}"
    return None, None, None


def _category_finder(sections: list[tuple]):
    """position -> category of the level-1 section holding it (CODEBOOK §3)."""
    level_one = sorted((start, end, category) for level, _, category, start, end in sections
                       if level == 1)
    starts = [start for start, _, _ in level_one]

    def category_at(position: int) -> str | None:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < level_one[index][1]:
            return level_one[index][2]
        return None
    return category_at


def write_records(conn, records: list[dict]) -> list[int]:
    """Insert prepared reports with their sections and figures; the caller holds the transaction."""
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM reports").fetchone()[0]
    imported_at = now_utc()
    ids = list(range(next_id, next_id + len(records)))
    # The per-row FTS trigger costs twice what one INSERT ... SELECT does: step it aside
    # inside this transaction (so it is back whatever happens) and index the batch at once.
    trigger_sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                               " AND name = 'reports_ai'").fetchone()[0]
    conn.execute("DROP TRIGGER reports_ai")
    conn.executemany(_insert_sql("reports", REPORT_COLUMNS), [
        (report_id, r["path"], r["file_name"], r["sha256"], r["text_sha256"], r["original"], r["encoding"],
         r["encoding_confidence"], r["decode_warning"], r["decode_warning_key"], r["decode_warning_args"], r["text"],
         *(r["metadata"].get(name) for name in METADATA_FIELDS), imported_at, len(r["figures"]),
         r["page_starts"])
        for report_id, r in zip(ids, records)])
    conn.execute("INSERT INTO reports_fts (rowid, text) SELECT id, text FROM reports"
                 " WHERE id >= ?", (next_id,))
    conn.execute(trigger_sql)
    _insert_extracted(conn, [(report_id, r["sections"], r["figures"])
                             for report_id, r in zip(ids, records)])
    return ids


def _insert_extracted(conn, items: list[tuple[int, list[tuple], list[tuple]]]) -> None:
    """Sections and (pending) figures; a figure's x_* columns start equal to its values."""
    conn.executemany(_insert_sql("sections", SECTION_COLUMNS),
                     [(report_id, *section) for report_id, sections, _ in items
                      for section in sections])
    conn.executemany(_insert_sql("figures", FIGURE_COLUMNS),
                     [(report_id, *figure[:8], *figure[:8], *figure[8:])
                      for report_id, _, figures in items for figure in figures])


class IngestMixin:
    def known_hashes(self) -> dict[str, str]:
        """sha256 of the original bytes -> file name of the report that has them."""
        return {row[0]: row[1] for row in self.conn.execute("SELECT sha256, file_name FROM reports")}

    def known_text_hashes(self) -> dict[str, str]:
        """text_sha256 of the stored text -> file name of the first report that has it."""
        found: dict[str, str] = {}
        for digest, file_name in self.conn.execute(
                "SELECT text_sha256, file_name FROM reports WHERE text_sha256 IS NOT NULL ORDER BY id"):
            found.setdefault(digest, file_name)
        return found

    def duplicate_of(self, record: dict) -> str | None:
        """The file name of the report a prepared record repeats (same bytes, or the same text
        in other bytes), or None."""
        row = self.conn.execute(
            "SELECT file_name FROM reports WHERE sha256 = ? OR text_sha256 = ? ORDER BY id LIMIT 1",
            (record["sha256"], record["text_sha256"])).fetchone()
        return row[0] if row else None

    def add_report(self, path: str | Path, data: bytes, decoded: Decoded,
                   extraction: Extraction) -> int:
        """Insert one report; raises DuplicateReport when the same bytes or text are already in."""
        record = prepare_record(path, data, decoded, extraction)
        with self.transaction():
            existing = self.duplicate_of(record)
            if existing is not None:
                raise DuplicateReport(MESSAGES["duplicate"].format(file_name=record["file_name"], existing=existing))
            return write_records(self.conn, [record])[0]

    def reextract(self, report_id: int, extraction: Extraction) -> None:
        """Replace sections and pending figures from a new extraction of the same text."""
        with self.transaction():
            report = self.report(report_id)
            self._rebuild(report_id, report.text, report.text, extraction, "reextract", {})

    def override_encoding(self, report_id: int, encoding: str) -> None:
        """Decode the original bytes again as `encoding`, re-extract, keep the reviews."""
        from app.core.extract import extract
        from app.core.readers import text_from_bytes
        report = self.report(report_id)
        data = zlib.decompress(self.conn.execute("SELECT original FROM reports WHERE id = ?",
                                                 (report_id,)).fetchone()[0])
        try:
            decoded = text_from_bytes(data, Path(report.file_name).suffix.lower(), encoding)
        except (DecodeError, LookupError, ValueError) as error:
            reason = (str(error).splitlines() or [""])[0]
            raise InvalidEdit(MESSAGES["unreadable_as"].format(
                file_name=report.file_name, encoding=encoding, reason=reason)) from None
        extraction = extract(decoded.text, taught=self.active_cues())
        with self.transaction():
            self.conn.execute(
                "UPDATE reports SET text = ?, text_sha256 = ?, encoding = ?, encoding_confidence = ?,"
                " encoding_overridden = 1, decode_warning = ?, decode_warning_key = ?, decode_warning_args = ?"
                " WHERE id = ?",
                (decoded.text, text_sha256(decoded.text), decoded.encoding, decoded.confidence,
                 *_warning(decoded), report_id))
            self._rebuild(report_id, report.text, decoded.text, extraction, "encoding",
                          {"encoding": (report.encoding, decoded.encoding)})

    def _rebuild(self, report_id: int, old_text: str, text: str, extraction: Extraction,
                 action: str, logged: dict) -> None:
        kept = self._query("SELECT * FROM figures WHERE report_id = ? AND status != 'pending'",
                           (report_id,))
        if text != old_text:
            for figure in kept:
                _move_to_new_text(figure, old_text, text)
        self.conn.execute("DELETE FROM figures WHERE report_id = ? AND status = 'pending'",
                          (report_id,))
        self.conn.execute("DELETE FROM sections WHERE report_id = ?", (report_id,))
        record = prepare_record("", b"", Decoded(text, "", 1.0), extraction)
        reviewed_spans = [(f["start"], f["end"]) for f in kept]
        fresh = [figure for figure in record["figures"]
                 if not any(figure[0] < end and start < figure[1] for start, end in reviewed_spans)]
        _insert_extracted(self.conn, [(report_id, record["sections"], fresh)])
        categories = _category_finder(record["sections"])
        self.conn.executemany(
            'UPDATE figures SET start = ?, "end" = ?, x_start = ?, x_end = ?, section_category = ?'
            " WHERE id = ?", [(f["start"], f["end"], f["x_start"], f["x_end"],
                               categories(f["start"]), f["id"]) for f in kept])
        edited = {row[0] for row in self.conn.execute(
            "SELECT field FROM edits WHERE report_id = ? AND action = 'metadata' AND undone IN (?, ?)",
            (report_id, DONE, SEALED))}
        fresh_metadata = {name: value for name, value in record["metadata"].items()
                          if name not in edited}
        if fresh_metadata:
            assignments = ", ".join(f'"{name}" = ?' for name in fresh_metadata)
            self.conn.execute(f"UPDATE reports SET {assignments} WHERE id = ?",
                              [*fresh_metadata.values(), report_id])
        # Offsets changed under the history: this report's steps can no longer be undone.
        self.conn.execute("UPDATE edits SET undone = ? WHERE report_id = ? AND undone = ?",
                          (SEALED, report_id, DONE))
        self.conn.execute("UPDATE edits SET undone = ? WHERE report_id = ? AND undone = ?",
                          (DISCARDED, report_id, UNDONE))
        log = EditLog(self.conn, action)
        log.record(report_id, None, "figures", len(kept), len(kept) + len(fresh))
        for name, (old, new) in logged.items():
            log.record(report_id, None, name, old, new)
        log.write(cut_redo=False)
        self._recount([report_id])


def _move_to_new_text(figure: dict, old_text: str, text: str) -> None:
    """Re-anchor a reviewed figure after a re-decode: its raw text nearest its old place."""
    scale = len(text) / max(1, len(old_text))
    expected = round(figure["start"] * scale)
    best, position = None, text.find(figure["raw"])
    while position != -1:
        if best is None or abs(position - expected) < abs(best - expected):
            best = position
        position = text.find(figure["raw"], position + 1)
    if best is None:  # the raw text is gone: keep the place, inside the new text
        best = min(expected, max(0, len(text) - len(figure["raw"])))
    shift = best - figure["start"]
    figure["start"], figure["end"] = best, best + (figure["end"] - figure["start"])
    if figure["x_start"] is not None:
        figure["x_start"], figure["x_end"] = figure["x_start"] + shift, figure["x_end"] + shift
    figure["end"] = min(figure["end"], len(text))
