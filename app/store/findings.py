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
import itertools
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

# Per report and indicator, its value as the charts take it (headline, else first reviewed,
# else first pending): partitioned by indicator first, so the rows come from the covering
# index in order instead of every figure's whole row.
_PEER_VALUES_SQL = (
    "SELECT indicator, value FROM (SELECT indicator, value, row_number() OVER (PARTITION BY indicator, report_id"
    " ORDER BY headline DESC, status = 'pending', start, id) AS rank FROM figures"
    " WHERE indicator IS NOT NULL AND status != 'rejected' AND value IS NOT NULL) WHERE rank = 1")
# An agency's reports of the year before `this` that its figures are compared with: the first
# imported few. More would be copies or a name shared by several agencies (县卫生健康局 without
# its place), and reading all of them made every check and export slower the more there were.
PREVIOUS_REPORTS = 3
_PREVIOUS_REPORTS_SQL = (
    "SELECT p.id FROM reports p INDEXED BY reports_list WHERE (p.agency IS NULL) = 0 AND p.agency = this.agency"
    f" AND p.report_year = this.report_year - 1 ORDER BY p.id LIMIT {PREVIOUS_REPORTS}")
# Every figure that may be compared with next year's (of the first PREVIOUS_REPORTS reports of an
# agency's year, when the agency has a report the year after), best first within its report
# (as _PEER_VALUES_SQL).
_CANDIDATES_SQL = (
    "SELECT report_id, indicator, value, unit, label, headline FROM figures"
    " WHERE report_id IN (SELECT r.id FROM (SELECT id, agency, report_year, row_number() OVER"
    " (PARTITION BY agency, report_year ORDER BY id) AS n FROM reports) r JOIN reports later"
    f" ON later.agency = r.agency AND later.report_year = r.report_year + 1 WHERE r.n <= {PREVIOUS_REPORTS})"
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
    """Per-indicator peer statistics and previous-year figures, read once for many reports.

    With `with_previous=False` the previous-year figures are left out and read per report
    when asked (`report_context`): the window checks one report at a time, and reading them
    for every report would hold the GIL for seconds on a large database while it does."""

    def __init__(self, store, with_previous: bool = True):
        self.report_count, self.newest_report = store.conn.execute(  # see fits()
            "SELECT count(*), max(id) FROM reports").fetchone()
        import numpy as np
        self.peers = {}
        # each indicator's values as one string: the window reads this on a worker, where a
        # Python row per figure (millions at 100,000 reports) would hold the GIL it needs
        for indicator_id, joined in store.conn.execute(
                f"SELECT indicator, group_concat(printf('%.17g', value)) FROM ({_PEER_VALUES_SQL}) GROUP BY indicator"):
            known = codebook_indicator(indicator_id)
            stats = PeerStats.from_values(np.fromstring(joined, sep=","), known.unit if known else None)
            if stats:
                self.peers[indicator_id] = stats
        self.by_agency_year: Optional[dict[tuple[str, int], dict[str, list[PreviousValue]]]] = None
        if with_previous:
            years = {row[0]: (row[1], row[2]) for row in store.conn.execute(
                "SELECT id, agency, report_year FROM reports")}
            self.by_agency_year = _by_agency_year((years[row[0]], row) for row in store.conn.execute(_CANDIDATES_SQL))

    def fits(self, store) -> bool:
        """Whether no report has come since this was read (by the newest id: counting the
        reports would cost a scan of them on every check)."""
        return self.newest_report == store.conn.execute("SELECT max(id) FROM reports").fetchone()[0]

    def previous(self, agency: Optional[str], report_year: Optional[int]) -> dict[str, list[PreviousValue]]:
        if not agency or not report_year:
            return {}
        return self.by_agency_year.get((agency, report_year - 1), {})

    def context(self, agency: Optional[str], report_year: Optional[int]) -> CheckContext:
        return CheckContext(self.peers, self.previous(agency, report_year))

    def report_context(self, store, report: dict) -> CheckContext:
        """The context of one report (id, agency, report_year); its previous-year figures
        from the store when they were not read here."""
        if self.by_agency_year is not None:
            return self.context(report["agency"], report["report_year"])
        return CheckContext(self.peers, previous_candidates(store, report["id"]))


def _by_agency_year(rows) -> dict[tuple, dict[str, list[PreviousValue]]]:
    """(agency, year) -> indicator -> values, from ((agency, year), candidate row) pairs in
    _CANDIDATES_SQL's order: of each report one figure per indicator, unit and label (later
    repeats are never chosen); two reports of one agency and year add to the same lists."""
    merged: dict[tuple, dict[str, list[PreviousValue]]] = {}
    seen: set[tuple] = set()
    for (agency, year), (report_id, indicator_id, value, unit, label, headline) in rows:
        if (report_id, indicator_id, unit, label) in seen:
            continue
        seen.add((report_id, indicator_id, unit, label))
        values = merged.setdefault((agency, year), {})
        values.setdefault(indicator_id, []).append(PreviousValue(year, value, unit, label, bool(headline)))
    return merged


def previous_candidates(store, report_id: int) -> dict[str, list[PreviousValue]]:
    """What ContextSource.previous gives for one report, read for it alone: the figures of its
    agency's reports of the year before, best first (as _CANDIDATES_SQL orders them)."""
    return previous_candidates_of(store, [report_id]).get(report_id, {})


def previous_candidates_of(store, report_ids: list[int]) -> dict[int, dict[str, list[PreviousValue]]]:
    """previous_candidates of several reports in one query (a report without any is left out)."""
    rows = store.conn.execute(
        "SELECT this.id, r.agency, r.report_year, f.report_id, f.indicator, f.value, f.unit, f.label, f.headline"
        # as in previous_year_values: this join order, and the list-order index finds the reports
        f" FROM reports this CROSS JOIN reports r ON r.id IN ({_PREVIOUS_REPORTS_SQL})"
        " CROSS JOIN figures f ON f.report_id = r.id"
        " WHERE this.id IN (SELECT value FROM json_each(?)) AND this.agency != '' AND f.indicator IS NOT NULL"
        " AND f.status != 'rejected' AND f.value IS NOT NULL"
        " ORDER BY this.id, f.report_id, f.headline DESC, f.status = 'pending', f.start, f.id",
        (json.dumps(report_ids),))
    found: dict[int, dict[str, list[PreviousValue]]] = {}
    for report_id, group in itertools.groupby(rows, key=lambda row: row[0]):
        found[report_id] = next(iter(_by_agency_year(((row[1], row[2]), row[3:]) for row in group).values()))
    return found


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
        result[report["id"]] = report_findings(
            figures, report["text"], context.report_context(store, report))
    return result


def report_findings(figures: list[dict], text: str, context: CheckContext) -> list[tuple[Finding, str]]:
    """(finding, fingerprint) pairs for one report whose figures (every status) the caller has read."""
    by_id = {f["id"]: f for f in figures}
    found = run_checks(figures, text, context)
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

    Without a context the store's cached one serves (see context_source). A report whose
    findings come out as stored is not written: opening a report re-checks it, and most
    re-checks change nothing."""
    computed = compute_findings(store, report_ids, context)
    open_count, changed = 0, []
    for report_id, pairs in computed.items():
        stored = _stored_rows(store.conn, report_id)
        rows = _finding_rows(report_id, pairs, stored)
        if rows == stored:
            open_count += sum(not row[_DISMISSED] for row in rows)
        else:
            changed.append(report_id)
    if not changed:
        return open_count
    with store.transaction() as conn:
        for report_id in changed:  # read again inside the transaction: a dismissal may have come
            rows = _finding_rows(report_id, computed[report_id], _stored_rows(conn, report_id))
            conn.execute("DELETE FROM findings WHERE report_id = ?", (report_id,))
            conn.executemany(f"INSERT INTO findings ({_ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            open_count += sum(not row[_DISMISSED] for row in rows)
    return open_count


_ROW_COLUMNS = "report_id, rule, message, message_key, message_args, figure_ids, fingerprint, dismissed, note"
_FINGERPRINT, _DISMISSED, _NOTE = 6, 7, 8


def _stored_rows(conn, report_id: int) -> list[tuple]:
    return conn.execute(f"SELECT {_ROW_COLUMNS} FROM findings WHERE report_id = ? ORDER BY id", (report_id,)).fetchall()


def _finding_rows(report_id: int, pairs: list[tuple[Finding, str]], stored: list[tuple]) -> list[tuple]:
    """The rows to store for a report's findings, each keeping the dismissal of its fingerprint."""
    kept = {row[_FINGERPRINT]: row for row in stored}
    rows = []
    for finding, print_ in pairs:
        old = kept.get(print_)
        rows.append((report_id, finding.rule, finding.message, finding.key or None,
                     json.dumps(finding.args, ensure_ascii=False), json.dumps(finding.figure_ids),
                     print_, old[_DISMISSED] if old else 0, old[_NOTE] if old else None))
    return rows


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
            f" FROM reports this CROSS JOIN reports r ON r.id IN ({_PREVIOUS_REPORTS_SQL})"
            " CROSS JOIN figures f ON f.report_id = r.id"
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
