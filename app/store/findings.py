"""Consistency-check findings in the database: run the checks with context, keep dismissals.

The context of a report comes from the whole database: every report's value per indicator
(headline, else first reviewed, else first pending; as `Store.indicator_series`) gives the
robust spread for the outlier rule, and the same agency's report for the year before gives
the previous values. A finding's fingerprint is its rule plus the spans and raw text of its
figures, not their ids, so a dismissal survives both a re-run and a re-extraction.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterable, Optional

from app.core.checks import RULE_SEVERITY, CheckContext, Finding, PeerStats, PreviousValue, run_checks
from app.core.codebook import indicator as codebook_indicator
from app.store.history import EditLog

_PRIMARY_SQL = (
    "SELECT f.report_id, f.indicator, f.value, f.unit, r.agency, r.report_year FROM ("
    " SELECT *, row_number() OVER (PARTITION BY report_id, indicator"
    " ORDER BY headline DESC, status = 'pending', start, id) AS rank FROM figures"
    " WHERE indicator IS NOT NULL AND status != 'rejected' AND value IS NOT NULL) AS f"
    " JOIN reports r ON r.id = f.report_id WHERE f.rank = 1")


@dataclass
class FindingRow:
    id: int
    report_id: int
    rule: str
    message: str
    figure_ids: list[int]
    severity: str  # error, warning or info (from the rule)
    dismissed: bool
    note: Optional[str]


class ContextSource:
    """Per-indicator peer statistics and previous-year values, read once for many reports."""

    def __init__(self, store):
        by_indicator: dict[str, list[float]] = {}
        self.by_agency_year: dict[tuple[str, int], dict[str, PreviousValue]] = {}
        for row in store.db.query(_PRIMARY_SQL):
            by_indicator.setdefault(row["indicator"], []).append(row["value"])
            if row["agency"] and row["report_year"]:
                values = self.by_agency_year.setdefault((row["agency"], row["report_year"]), {})
                values.setdefault(row["indicator"], PreviousValue(row["report_year"], row["value"], row["unit"]))
        self.peers = {}
        for indicator_id, values in by_indicator.items():
            known = codebook_indicator(indicator_id)
            stats = PeerStats.from_values(values, known.unit if known else None)
            if stats:
                self.peers[indicator_id] = stats

    def previous(self, agency: Optional[str], report_year: Optional[int]) -> dict[str, PreviousValue]:
        if not agency or not report_year:
            return {}
        return self.by_agency_year.get((agency, report_year - 1), {})

    def context(self, agency: Optional[str], report_year: Optional[int]) -> CheckContext:
        return CheckContext(self.peers, self.previous(agency, report_year))


def fingerprint(rule: str, figures: Iterable[dict]) -> str:
    spans = sorted((f["start"], f["end"], f["raw"]) for f in figures)
    return hashlib.sha1(json.dumps([rule, spans], ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _report_rows(store, report_ids: Optional[Iterable[int]]) -> list[dict]:
    sql = "SELECT id, agency, report_year, text FROM reports"
    if report_ids is None:
        return list(store.db.query(sql + " ORDER BY id"))
    return list(store.db.query(sql + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                               [json.dumps(list(report_ids))]))


def compute_findings(store, report_ids: Optional[Iterable[int]] = None,
                     context: Optional[ContextSource] = None) -> dict[int, list[tuple[Finding, str]]]:
    """Per report: (finding, fingerprint) pairs from the checks as they stand now. Reads only."""
    context = context or ContextSource(store)
    result = {}
    for report in _report_rows(store, report_ids):
        figures = list(store.db.query("SELECT * FROM figures WHERE report_id = ? ORDER BY start, id",
                                      [report["id"]]))
        by_id = {f["id"]: f for f in figures}
        found = run_checks(figures, report["text"], context.context(report["agency"], report["report_year"]))
        result[report["id"]] = [(f, fingerprint(f.rule, (by_id[i] for i in f.figure_ids))) for f in found]
    return result


def dismissed_fingerprints(store, report_id: int) -> set[str]:
    return {row["fingerprint"] for row in store.db.query(
        "SELECT fingerprint FROM findings WHERE report_id = ? AND dismissed = 1", [report_id])}


def refresh_findings(store, report_ids: Optional[Iterable[int]] = None) -> int:
    """Re-run the checks and store the findings, keeping dismissals; returns the open ones."""
    computed = compute_findings(store, report_ids)
    open_count = 0
    with store.transaction() as conn:
        for report_id, pairs in computed.items():
            kept = {row["fingerprint"]: row for row in store.db.query(
                "SELECT fingerprint, dismissed, note FROM findings WHERE report_id = ?", [report_id])}
            conn.execute("DELETE FROM findings WHERE report_id = ?", (report_id,))
            rows = []
            for finding, print_ in pairs:
                old = kept.get(print_, {})
                rows.append((report_id, finding.rule, finding.message, json.dumps(finding.figure_ids),
                             print_, old.get("dismissed", 0), old.get("note")))
                open_count += not old.get("dismissed", 0)
            conn.executemany("INSERT INTO findings (report_id, rule, message, figure_ids, fingerprint,"
                             " dismissed, note) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return open_count


def findings(store, report_id: int) -> list[FindingRow]:
    """A report's stored findings, open ones first, then by their first figure."""
    rows = store.db.query("SELECT * FROM findings WHERE report_id = ? ORDER BY dismissed, id", [report_id])
    return [FindingRow(row["id"], row["report_id"], row["rule"], row["message"],
                       json.loads(row["figure_ids"]), RULE_SEVERITY.get(row["rule"], "info"),
                       bool(row["dismissed"]), row["note"]) for row in rows]


def dismiss_finding(store, finding_id: int, note: str) -> None:
    """Mark a finding as judged fine, with the reviewer's note; logged in the audit trail."""
    with store.transaction() as conn:
        row = conn.execute("SELECT report_id, dismissed, note FROM findings WHERE id = ?",
                           (finding_id,)).fetchone()
        if row is None:
            return  # already replaced by a re-run: nothing to dismiss
        conn.execute("UPDATE findings SET dismissed = 1, note = ? WHERE id = ?", (note, finding_id))
        log = EditLog(conn, "dismiss_finding")  # audit only: not an undo step
        log.record(row[0], None, "finding", {"id": finding_id, "dismissed": bool(row[1]), "note": row[2]},
                   {"id": finding_id, "dismissed": True, "note": note})
        log.write(cut_redo=False)


def previous_year_values(store, report_id: int) -> dict[str, PreviousValue]:
    """The same agency's values, per indicator, in the year before this report's year."""
    report = next(iter(store.db.query("SELECT agency, report_year FROM reports WHERE id = ?", [report_id])), None)
    if not report or not report["agency"] or not report["report_year"]:
        return {}
    rows = store.db.query(_PRIMARY_SQL + " AND r.agency = ? AND r.report_year = ? ORDER BY r.id",
                          [report["agency"], report["report_year"] - 1])
    values: dict[str, PreviousValue] = {}
    for row in rows:
        values.setdefault(row["indicator"], PreviousValue(row["report_year"], row["value"], row["unit"]))
    return values
