"""Review writes. Each public method is one transaction, committed before it returns (so a
crash right after loses nothing), with its audit rows as one undo step (see history)."""
from __future__ import annotations

import re
from datetime import date
from typing import Callable, Iterable

from app.core.model import DOC_TYPES, LEVELS, METADATA_FIELDS, QUALIFIERS
from app.core.taught_cues import is_taught
from app.store.errors import InvalidEdit, RowMissing
from app.store.history import EditLog, now_utc

CORRECTABLE = ("value", "unit", "qualifier", "label", "indicator", "start", "end", "raw")
REVIEWED_ONCE = ("corrected", "added")  # confirming these keeps what they say about the figure
_DIGIT = re.compile(r"[0-9０-９]")


def section_category_at(conn, report_id: int, position: int) -> str | None:
    """Category of the level-1 section holding `position` (CODEBOOK §3)."""
    row = conn.execute("SELECT category FROM sections WHERE report_id = ? AND level = 1"
                       " AND start <= ? AND ? < \"end\" ORDER BY start DESC LIMIT 1",
                       (report_id, position, position)).fetchone()
    return row[0] if row else None


class ReviewMixin:
    def confirm(self, figure_ids: list[int]) -> None:
        self._change_figures("confirm", figure_ids, lambda row: {
            "status": row["status"] if row["status"] in REVIEWED_ONCE else "confirmed",
            "reject_reason": None})

    def reject(self, figure_ids: list[int], reason: str | None = None) -> None:
        self._change_figures("reject", figure_ids, lambda row: {
            "status": "rejected", "reject_reason": reason or None, "headline": 0,
            # a rejection overrules a taught cue, so the figure teaches its own (app.store.cues)
            "indicator_reason": None if is_taught(row["indicator_reason"]) else row["indicator_reason"]})

    def reset_to_pending(self, figure_ids: list[int]) -> None:
        """Back to the extractor's values; hand-added figures have none, so they stay as they are."""
        def pending(row: dict) -> dict:
            if row["x_raw"] is None:
                return {}
            # a taught cue applied to a reviewed figure (app.store.cues) no longer decides it
            applied = row["status"] in ("corrected", "rejected") and is_taught(row["indicator_reason"])
            return {"status": "pending", "reject_reason": None,
                    **{name: row[f"x_{name}"] for name in CORRECTABLE},
                    **({"indicator_reason": None} if applied else {})}
        self._change_figures("reset", figure_ids, pending)

    def correct(self, figure_id: int, **changes) -> None:
        unknown = set(changes) - set(CORRECTABLE)
        if unknown:
            raise InvalidEdit(f"cannot correct {', '.join(sorted(unknown))} of a figure")

        def corrected(row: dict) -> dict:
            new = {**row, **changes}
            if ("start" in changes or "end" in changes) and "raw" not in changes:
                new["raw"] = self._span_text(row["report_id"], new["start"], new["end"])
            self._validate_figure(row["report_id"], new)
            if new["start"] != row["start"]:
                new["section_category"] = section_category_at(self.conn, row["report_id"],
                                                              new["start"])
            fields = {name: new[name] for name in (*CORRECTABLE, "section_category")
                      if new[name] != row[name]}
            if fields and row["status"] != "added":
                fields["status"] = "corrected"
            if "indicator" in fields:  # the reviewer decided it: no extractor's reason applies
                fields["indicator_reason"] = None
            return fields
        self._change_figures("correct", [figure_id], corrected)

    def set_headline(self, figure_id: int, on: bool) -> None:
        """At most one headline per report and indicator: turning one on turns the others off."""
        def headline(row: dict) -> dict:
            if not on:
                return {"headline": 0} if row["id"] == figure_id else {}
            return {"headline": int(row["id"] == figure_id)}
        target = self._figure_dicts([figure_id])[0]
        siblings = [row[0] for row in self.conn.execute(
            "SELECT id FROM figures WHERE report_id = ? AND indicator IS ? AND headline = 1"
            " AND id != ?", (target["report_id"], target["indicator"], figure_id))]
        self._change_figures("headline", [figure_id, *siblings], headline)

    def set_note(self, figure_id: int, note: str | None) -> None:
        self._change_figures("note", [figure_id], lambda row: {"note": (note or "").strip() or None})

    def confirm_above(self, report_id: int, min_confidence: float) -> list[int]:
        """Confirm, as one step, the report's pending figures at or above the confidence."""
        figure_ids = [row[0] for row in self.conn.execute(
            "SELECT id FROM figures WHERE report_id = ? AND status = 'pending' AND confidence >= ?"
            " ORDER BY start", (report_id, min_confidence))]
        self.confirm(figure_ids)
        return figure_ids

    def add_figure(self, report_id: int, start: int, end: int, raw: str, value, unit: str,
                   qualifier: str = "exact", label: str = "", indicator: str | None = None) -> int:
        row = {"report_id": report_id, "start": start, "end": end, "raw": raw, "value": value,
               "unit": unit, "qualifier": qualifier, "label": label, "indicator": indicator}
        with self.transaction():
            self.report(report_id)  # raises RowMissing
            self._validate_figure(report_id, row)
            row.update(numeral="arabic" if _DIGIT.search(raw) else "chinese", confidence=1.0,
                       section_category=section_category_at(self.conn, report_id, start),
                       status="added", headline=0, reviewed_at=now_utc())
            columns = ", ".join('"%s"' % name for name in row)
            cursor = self.conn.execute(
                f"INSERT INTO figures ({columns}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()))
            figure_id = cursor.lastrowid
            log = EditLog(self.conn, "add")
            log.record(report_id, figure_id, "*", None, self._figure_dicts([figure_id])[0])
            log.write()
            self._recount([report_id])
        return figure_id

    def update_metadata(self, report_id: int, **fields) -> None:
        unknown = set(fields) - set(METADATA_FIELDS)
        if unknown:
            raise InvalidEdit(f"unknown report field {', '.join(sorted(unknown))}")
        fields = {name: (value.strip() or None) if isinstance(value, str) else value
                  for name, value in fields.items()}
        _validate_metadata(fields)
        with self.transaction():
            current = self.report(report_id)
            log = EditLog(self.conn, "metadata")
            for name, value in fields.items():
                if getattr(current, name) != value:
                    self.conn.execute(f'UPDATE reports SET "{name}" = ? WHERE id = ?',
                                      (value, report_id))
                    log.record(report_id, None, name, getattr(current, name), value)
            log.write()

    # --- helpers -----------------------------------------------------------------------------
    def _change_figures(self, action: str, figure_ids: Iterable[int],
                        changes_for: Callable[[dict], dict]) -> None:
        """Apply `changes_for(row)` to each figure, logging every changed field, in one step."""
        with self.transaction():
            rows = self._figure_dicts(list(dict.fromkeys(figure_ids)))
            log = EditLog(self.conn, action)
            now = now_utc()
            for row in rows:
                changes = {name: value for name, value in changes_for(row).items()
                           if row[name] != value}
                if not changes:
                    continue
                assignments = ", ".join(f'"{name}" = ?' for name in changes)
                self.conn.execute(f"UPDATE figures SET {assignments}, reviewed_at = ? WHERE id = ?",
                                  [*changes.values(), now, row["id"]])
                for name, value in changes.items():
                    log.record(row["report_id"], row["id"], name, row[name], value)
            if log.write() is not None:
                self._recount(row["report_id"] for row in rows)

    def _figure_dicts(self, figure_ids: list[int]) -> list[dict]:
        rows: list[dict] = []
        for start in range(0, len(figure_ids), 500):  # stay under SQLite's variable limit
            chunk = figure_ids[start:start + 500]
            rows += self._query(f"SELECT * FROM figures WHERE id IN ({', '.join('?' * len(chunk))})"
                                " ORDER BY id", chunk)
        missing = set(figure_ids) - {row["id"] for row in rows}
        if missing:
            raise RowMissing(f"figure {min(missing)} is not in the database")
        return rows

    def _span_text(self, report_id: int, start: int, end: int) -> str:
        row = self.conn.execute("SELECT substr(text, ? + 1, ? - ?) FROM reports WHERE id = ?",
                                (start, end, start, report_id)).fetchone()
        return row[0] if row else ""

    def _validate_figure(self, report_id: int, figure: dict) -> None:
        length = self.conn.execute("SELECT length(text) FROM reports WHERE id = ?",
                                   (report_id,)).fetchone()[0]
        start, end = figure["start"], figure["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
            raise InvalidEdit(f"span {start}-{end} is outside the report's text (0-{length})")
        if figure["qualifier"] not in QUALIFIERS:
            raise InvalidEdit(f"unknown qualifier {figure['qualifier']!r}")
        if figure["value"] is not None and not isinstance(figure["value"], (int, float)):
            raise InvalidEdit(f"value {figure['value']!r} is not a number")
        if not figure["raw"]:
            raise InvalidEdit("a figure needs its text as written (raw)")


def _validate_metadata(fields: dict) -> None:
    if fields.get("level") not in (None, *LEVELS):
        raise InvalidEdit(f"level must be one of {', '.join(LEVELS)}")
    if fields.get("doc_type") not in (None, *DOC_TYPES):
        raise InvalidEdit(f"document type must be one of {', '.join(DOC_TYPES)}")
    code = fields.get("division_code")
    if code is not None and not (isinstance(code, str) and len(code) == 6 and code.isdigit()):
        raise InvalidEdit(f"division code {code!r} is not six digits")
    year = fields.get("report_year")
    if year is not None and (not isinstance(year, int) or not 1949 <= year <= 2100):
        raise InvalidEdit(f"report year {year!r} is not a year")
    if fields.get("publish_date") is not None:
        try:
            date.fromisoformat(fields["publish_date"])
        except (TypeError, ValueError):
            raise InvalidEdit(f"publish date {fields['publish_date']!r} is not yyyy-mm-dd") from None
