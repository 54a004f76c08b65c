"""Consistency-check findings in the database: run the checks with context, keep dismissals.

The context of a report comes from the whole database: every report's value per indicator
(headline, else first reviewed, else first pending; as `Store.indicator_series`) gives the
robust spread for the outlier rule, and the same agency's report for the year before gives
the figures a figure may be compared with (app.core.year_match picks the one). A finding's
fingerprint is its rule plus the spans and raw text of its figures, not their ids, so a
dismissal survives both a re-run and a re-extraction.
"""
from __future__ import annotations

import hashlib
import json
import time
import weakref
from dataclasses import dataclass, field
from typing import Iterable, Optional

from app.core.breakdowns import CheckFigure
from app.core.checks import RULE_SEVERITY, CheckContext, Finding, PeerStats, PreviousValue, run_checks
from app.core.codebook import indicator as codebook_indicator
from app.core.year_match import match_previous
from app.store.history import EditLog

# Per report and indicator, its value as the charts take it; {where} narrows the reports.
_PRIMARY_SQL = (
    "SELECT report_id, indicator, value, unit FROM (SELECT report_id, indicator, value, unit,"
    " row_number() OVER (PARTITION BY report_id, indicator"
    " ORDER BY headline DESC, status = 'pending', start, id) AS rank FROM figures"
    " WHERE indicator IS NOT NULL AND status != 'rejected' AND value IS NOT NULL{where}) WHERE rank = 1")
# Every figure that may be compared with next year's (of a report whose agency has a report the
# year after), best first within its report (as _PRIMARY_SQL).
_CANDIDATES_SQL = (
    "SELECT report_id, indicator, value, unit, label, headline FROM figures"
    " WHERE report_id IN (SELECT r.id FROM reports r JOIN reports later ON later.agency = r.agency"
    " AND later.report_year = r.report_year + 1)"
    " AND indicator IS NOT NULL AND status != 'rejected' AND value IS NOT NULL"
    " ORDER BY report_id, headline DESC, status = 'pending', start, id")
CONTEXT_MAX_AGE = 30.0  # seconds a cached context serves; see context_source
_contexts: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


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
    message_key: Optional[str] = None  # the message's key in app.core.checks.MESSAGES, None if unknown
    message_args: dict = field(default_factory=dict)


class ContextSource:
    """Per-indicator peer statistics and previous-year figures, read once for many reports."""

    def __init__(self, store):
        years = {row[0]: (row[1], row[2]) for row in store.conn.execute(
            "SELECT id, agency, report_year FROM reports")}
        self.report_count = len(years)
        by_indicator: dict[str, list[float]] = {}
        for _report_id, indicator_id, value, _unit in store.conn.execute(_PRIMARY_SQL.format(where="")):
            by_indicator.setdefault(indicator_id, []).append(value)
        self.peers = {}
        for indicator_id, values in by_indicator.items():
            known = codebook_indicator(indicator_id)
            stats = PeerStats.from_values(values, known.unit if known else None)
            if stats:
                self.peers[indicator_id] = stats
        # Of each report, one figure per indicator, unit and label (later repeats are never chosen).
        self.by_agency_year: dict[tuple[str, int], dict[str, list[PreviousValue]]] = {}
        seen: set[tuple] = set()
        for report_id, indicator_id, value, unit, label, headline in store.conn.execute(_CANDIDATES_SQL):
            agency, year = years[report_id]
            if (report_id, indicator_id, unit, label) in seen:
                continue
            seen.add((report_id, indicator_id, unit, label))
            values = self.by_agency_year.setdefault((agency, year), {})
            values.setdefault(indicator_id, []).append(PreviousValue(year, value, unit, label, bool(headline)))

    def previous(self, agency: Optional[str], report_year: Optional[int]) -> dict[str, list[PreviousValue]]:
        if not agency or not report_year:
            return {}
        return self.by_agency_year.get((agency, report_year - 1), {})

    def context(self, agency: Optional[str], report_year: Optional[int]) -> CheckContext:
        return CheckContext(self.peers, self.previous(agency, report_year))


def context_source(store) -> ContextSource:
    """The store's context, rebuilt when reports come or go or after CONTEXT_MAX_AGE seconds.

    Building it reads every report's values (about a second for 10,000 reports), too slow
    for each review step; the checks always see the report's own current values, only the
    other reports' side may lag by the age limit.
    """
    cached = _contexts.get(store)
    count = store.conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    if cached and time.monotonic() - cached[0] < CONTEXT_MAX_AGE and cached[1].report_count == count:
        return cached[1]
    source = ContextSource(store)
    _contexts[store] = (time.monotonic(), source)
    return source


def fingerprint(rule: str, figures: Iterable[dict]) -> str:
    return _spans_fingerprint(rule, ((f["start"], f["end"], f["raw"]) for f in figures))


def _spans_fingerprint(rule: str, spans: Iterable[tuple]) -> str:
    return hashlib.sha1(json.dumps([rule, sorted(spans)], ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _report_rows(store, report_ids: Optional[Iterable[int]]) -> list[dict]:
    sql = "SELECT id, agency, report_year, text FROM reports"
    if report_ids is None:
        return list(store.db.query(sql + " ORDER BY id"))
    return list(store.db.query(sql + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                               [json.dumps(list(report_ids))]))


def compute_findings(store, report_ids: Optional[Iterable[int]] = None,
                     context: Optional[ContextSource] = None) -> dict[int, list[tuple[Finding, str]]]:
    """Per report: (finding, fingerprint) pairs from the checks as they stand now. Reads only."""
    context = context or context_source(store)
    result = {}
    for report in _report_rows(store, report_ids):
        figures = list(store.db.query("SELECT * FROM figures WHERE report_id = ? ORDER BY start, id",
                                      [report["id"]]))
        result[report["id"]] = report_findings(report, figures, report["text"], context)
    return result


def report_findings(report: dict, figures: list[dict], text: str,
                    context: ContextSource) -> list[tuple[Finding, str]]:
    """(finding, fingerprint) pairs for one report whose figures (every status) the caller has read."""
    by_id = {f["id"]: f for f in figures}
    found = run_checks(figures, text, context.context(report["agency"], report["report_year"]))
    return [(f, fingerprint(f.rule, (by_id[i] for i in f.figure_ids))) for f in found]


def checked_findings(figures: list[CheckFigure], text: str, context: CheckContext,
                     with_fingerprints: bool = True) -> list[tuple[Finding, Optional[str]]]:
    """As report_findings, for figures already built as CheckFigure (a bulk export reads
    plain rows: building dicts first would cost more than the checks). Without
    fingerprints (a report with nothing dismissed needs none) each pair holds None."""
    if not with_fingerprints:
        return [(f, None) for f in run_checks(figures, text, context)]
    by_id = {f.id: f for f in figures}
    return [(f, _spans_fingerprint(f.rule, ((by_id[i].start, by_id[i].end, by_id[i].raw) for i in f.figure_ids)))
            for f in run_checks(figures, text, context)]


def all_dismissed_fingerprints(store) -> dict[int, set[str]]:
    """dismissed_fingerprints of every report, in one query."""
    dismissed: dict[int, set[str]] = {}
    for report_id, print_ in store.conn.execute("SELECT report_id, fingerprint FROM findings WHERE dismissed = 1"):
        dismissed.setdefault(report_id, set()).add(print_)
    return dismissed


def dismissed_fingerprints(store, report_id: int) -> set[str]:
    return {row["fingerprint"] for row in store.db.query(
        "SELECT fingerprint FROM findings WHERE report_id = ? AND dismissed = 1", [report_id])}


def refresh_findings(store, report_ids: Optional[Iterable[int]] = None,
                     context: Optional[ContextSource] = None) -> int:
    """Re-run the checks and store the findings, keeping dismissals; returns the open ones.

    Without a context the store's cached one serves (see context_source)."""
    computed = compute_findings(store, report_ids, context)
    open_count = 0
    with store.transaction() as conn:
        for report_id, pairs in computed.items():
            kept = {row["fingerprint"]: row for row in store.db.query(
                "SELECT fingerprint, dismissed, note FROM findings WHERE report_id = ?", [report_id])}
            conn.execute("DELETE FROM findings WHERE report_id = ?", (report_id,))
            rows = []
            for finding, print_ in pairs:
                old = kept.get(print_, {})
                rows.append((report_id, finding.rule, finding.message, finding.key or None,
                             json.dumps(finding.args, ensure_ascii=False), json.dumps(finding.figure_ids),
                             print_, old.get("dismissed", 0), old.get("note")))
                open_count += not old.get("dismissed", 0)
            conn.executemany("INSERT INTO findings (report_id, rule, message, message_key, message_args,"
                             " figure_ids, fingerprint, dismissed, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return open_count


def findings(store, report_id: int) -> list[FindingRow]:
    """A report's stored findings, open ones first, then by their first figure."""
    rows = store.db.query("SELECT * FROM findings WHERE report_id = ? ORDER BY dismissed, id", [report_id])
    return [FindingRow(row["id"], row["report_id"], row["rule"], row["message"],
                       json.loads(row["figure_ids"]), RULE_SEVERITY.get(row["rule"], "info"),
                       bool(row["dismissed"]), row["note"], row["message_key"],
                       json.loads(row["message_args"] or "{}")) for row in rows]


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


@dataclass
class PreviousYearValue(PreviousValue):
    """A previous-year value with the report and review status it comes from, to show beside this year's."""

    file_name: str = ""
    status: str = ""


def previous_year_values(store, report_id: int) -> dict[int, PreviousYearValue]:
    """Per figure id of this report: the same agency's figure of the year before that states
    the same thing (app.core.year_match: indicator, unit, and headline or label); a figure
    with no such figure is left out. Two statements, so the review window can afford it on
    every report switch; with two reports of that year, the first imported is tried first.
    """
    candidates: dict[str, list[PreviousYearValue]] = {}
    for indicator_id, value, unit, label, headline, status, file_name, year in store.conn.execute(
            "SELECT f.indicator, f.value, f.unit, f.label, f.headline, f.status, r.file_name, r.report_year"
            # CROSS JOIN keeps this join order and "(agency IS NULL) = 0" lets the list-order index
            # find the agency's reports: otherwise SQLite may walk every figure of the database
            " FROM reports this CROSS JOIN reports r ON (r.agency IS NULL) = 0 AND r.agency = this.agency"
            " AND r.report_year = this.report_year - 1 CROSS JOIN figures f ON f.report_id = r.id"
            " WHERE this.id = ? AND f.indicator IS NOT NULL AND f.status != 'rejected' AND f.value IS NOT NULL"
            " ORDER BY r.id, f.headline DESC, f.status = 'pending', f.start, f.id", (report_id,)):
        candidates.setdefault(indicator_id, []).append(
            PreviousYearValue(year, value, unit, label, bool(headline), file_name, status))
    if not candidates:
        return {}
    matched = {}
    for figure in store.conn.execute(
            "SELECT id, indicator, unit, label, headline FROM figures WHERE report_id = ?"
            " AND indicator IS NOT NULL", (report_id,)):
        found = match_previous(_Stated(*figure[2:]), candidates.get(figure[1], ()))
        if found is not None:
            matched[figure[0]] = found
    return matched


@dataclass
class _Stated:
    unit: Optional[str]
    label: Optional[str]
    headline: bool
