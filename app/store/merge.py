"""Merging several reviewers' complete JSONL exports of the same reports into one database.

Each file is one reviewer: the name in its header, else the file's name. A figure is the same
figure in every file when it has the same report (sha256) and the same extracted span
(x_start, x_end, x_raw); a figure a reviewer added is matched by its own span and text.
For each figure the merge keeps every reviewer's decision (reviewer_decisions) and then:
- one reviewer decided it, or all who did decided alike: the figure takes that decision;
- they decided differently: it stays pending, listed in figure_conflicts, for a third person
  to settle (settle_conflict: one undoable step);
- it is already decided in the target database: the target's decision stays.
A file that is itself a merge's export carries its reviewers' decisions (decision lines): a
figure it holds in conflict brings each of those decisions, under its own reviewer, to be
compared like any other; on its other figures the file's own decision counts and the
decision lines are kept beside it (reviewer_decisions), so nothing a reviewer decided is lost
when merges are merged again.
Every decision is written to the audit trail under its reviewer's name (edits.who): "merge"
rows for decisions taken, "merge_conflict" rows for those held back. Agreement between
reviewers on the figures two of them decided is stored per indicator and overall (agreement).
Every file is checked before anything is written. Reports the target lacks go in one
transaction each (as an import would); the decisions then go in as one transaction, short,
so the window's own writes never wait long behind a merge.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Callable, Optional

from app.core.agreement import Agreement, agreement
from app.store.decision_records import DECISION_FIELDS, insert_agreement
from app.store.restore import JSONL_FORMAT, _Broken, _insert_report, _parse, _Reading
from app.store.schema import text_sha256
from app.store.history import DONE, SEALED, EditLog, now_utc
from app.store.review import section_category_at

_VERDICT_FIELDS = ("indicator", "value", "unit", "qualifier", "start", "end")
NO_INDICATOR = "(none)"


class MergeError(Exception):
    """A file cannot be merged at all; the message is one line naming it."""


@dataclass(frozen=True)
class Decision:
    reviewer: str
    source: str
    status: str
    indicator: Optional[str]
    value: Optional[float]
    unit: Optional[str]
    qualifier: Optional[str]
    label: Optional[str]
    start: int
    end: int
    raw: str
    headline: bool
    note: Optional[str]
    reject_reason: Optional[str]
    reviewed_at: Optional[str]

    def verdict(self) -> tuple:
        """What must be equal for two decisions to be alike: kept or rejected, and if kept
        the indicator, value, unit, qualifier and span (a label or note may differ)."""
        if self.status == "rejected":
            return ("rejected",)
        return ("kept",) + tuple(getattr(self, name) for name in _VERDICT_FIELDS)

    def category(self) -> str:
        """The category Cohen's kappa compares: the indicator, or rejected."""
        return "rejected" if self.status == "rejected" else (self.indicator or NO_INDICATOR)


@dataclass
class Source:
    path: Path
    reviewer: str


@dataclass
class MergeSummary:
    sources: list[Source] = field(default_factory=list)
    reports_added: int = 0
    taken: int = 0          # figures that took a decision (one reviewer, or all alike)
    conflicts: int = 0      # figures left pending because reviewers disagreed
    kept: int = 0           # figures already decided in the target: left as they were
    unmatched: int = 0      # decisions on extracted figures the target does not have
    failed: list[tuple[str, str]] = field(default_factory=list)
    agreement: list[Agreement] = field(default_factory=list)  # overall first, then per indicator


def read_sources(paths) -> list[Source]:
    """Check every file's header before anything is written; names each file's reviewer."""
    sources: list[Source] = []
    for path in map(Path, paths):
        try:
            with open(path, encoding="utf-8") as handle:
                header = _parse(handle.readline(), 1)
        except (_Broken, UnicodeDecodeError):
            header = {}
        except OSError as error:
            raise MergeError(f"{path}: {error.strerror or error}") from None
        if header.get("type") != "header" or header.get("format") != JSONL_FORMAT:
            raise MergeError(f"{path}: not a Report Reviewer JSONL export")
        if not header.get("complete"):
            raise MergeError(f"{path}: not a complete export (export with status all and no filter)")
        name = str(header.get("reviewer") or "").strip() or path.stem
        if any(source.reviewer == name for source in sources):
            name = f"{name} ({path.stem})"  # two logins alike: still two reviewers
        sources.append(Source(path, name))
    if not sources:
        raise MergeError("no export to merge")
    return sources


def merge_reviews(store, paths, progress: Optional[Callable[[int, int, str], None]] = None) -> MergeSummary:
    """Merge the exports at `paths` into `store`; progress(bytes done, bytes total, file name)."""
    sources = read_sources(paths)
    summary = MergeSummary(sources=sources)
    total = sum(source.path.stat().st_size for source in sources)
    merged_at = now_utc()
    decisions: dict[int, dict[tuple, dict[str, Decision]]] = {}
    carried: dict[int, dict[tuple, list[tuple[Decision, str]]]] = {}  # kept beside: (decision, merged_at)
    done = 0
    readings = [_read_whole(source.path) for source in sources]  # all checked before any write
    for source, reading in zip(sources, readings):
        # a merge takes no taught cue lines (its figures teach the cues), so only agreement lines count
        summary.failed.extend((f"{source.path.name}: {name}", why) for kind, name, why in reading.bad_lines
                              if kind == "agreement")
        for group in reading.groups:
            _read_group(store, group, source, decisions, carried, summary)
        done += source.path.stat().st_size
        if progress:
            progress(done, total, source.path.name)
    with store.transaction() as conn:
        insert_agreement(conn, [line for reading in readings for line in reading.agreements])  # earlier merges'
        pairs = _apply(store, decisions, carried, merged_at, summary)
        summary.agreement = _agreement(pairs)
        _store_agreement(conn, summary, merged_at)
    return summary


def _read_whole(path: Path) -> _Reading:
    """The export read and checked line by line; one cut short or changed is refused whole."""
    try:
        with open(path, "rb") as handle:
            reading = _Reading(handle)
    except _Broken as error:
        raise MergeError(f"{path}: {error}") from None
    except OSError as error:
        raise MergeError(f"{path}: {error.strerror or error}") from None
    if reading.header.get("version", 1) >= 2 and (
            reading.end is None or not reading.checksum_ok or reading.figures != reading.header.get("figures")
            or not reading.decisions_counted()):
        raise MergeError(f"{path}: the export is cut short or changed (its closing line does not match); "
                         "nothing was merged")
    return reading


def _read_group(store, group, source: Source, decisions: dict, carried: dict, summary: MergeSummary) -> None:
    report = group.report
    name = f"{source.path.name}: {group.name}"
    if group.error:
        summary.failed.append((name, group.error))
        return
    try:
        found = store.conn.execute("SELECT id FROM reports WHERE sha256 = ?", (report["sha256"],)).fetchone()
        if found:
            report_id = found[0]
        else:
            with store.transaction() as conn:
                report_id = _insert_unreviewed(conn, report, group.figures)
            summary.reports_added += 1
        by_key = decisions.setdefault(report_id, {})
        keys = {line["figure_id"]: _key(line) for line in group.figures}
        # a figure the file holds in conflict: still pending there, its reviewers' decisions differ
        in_conflict = {record["figure_id"] for record in group.decisions if record["conflict"]} & {
            line["figure_id"] for line in group.figures if line["status"] == "pending"}
        for line in group.figures:
            if line["status"] != "pending":
                by_key.setdefault(_key(line), {})[source.reviewer] = _decision(line, source.reviewer,
                                                                               source.path.name)
        for record in group.decisions:
            decision = _decision(record, record["reviewer"], record.get("source") or source.path.name)
            key = keys[record["figure_id"]]
            if record["figure_id"] in in_conflict:
                by_key.setdefault(key, {})[record["reviewer"]] = decision
            else:
                carried.setdefault(report_id, {}).setdefault(key, []).append((decision, record["merged_at"]))
    except (KeyError, TypeError, ValueError, sqlite3.IntegrityError) as error:
        summary.failed.append((name, f"cannot be merged: {error}"))


def _decision(line: dict, reviewer: str, source: str) -> Decision:
    """A reviewer's decision from a figure line or a decision line of an export."""
    return Decision(reviewer, source, **{name: line[name] for name in DECISION_FIELDS},
                    reviewed_at=line.get("reviewed_at"))


def _key(figure: dict) -> tuple:
    if figure["x_raw"] is None:
        return ("added", figure["start"], figure["end"], figure["raw"])
    return ("extracted", figure["x_start"], figure["x_end"], figure["x_raw"])


def _insert_unreviewed(conn, report: dict, figures: list[dict]) -> int:
    """A report no database of the merge holds yet: its figures as extracted, all pending
    (the reviewers' decisions go on afterwards like any other)."""
    extracted = [{**line, "start": line["x_start"], "end": line["x_end"], "raw": line["x_raw"],
                  "value": line["x_value"], "unit": line["x_unit"], "qualifier": line["x_qualifier"] or "exact",
                  "label": line["x_label"], "indicator": line["x_indicator"], "status": "pending",
                  "headline": False, "note": None, "reject_reason": None, "reviewed_at": None}
                 for line in figures if line["x_raw"] is not None]
    kept = {line["figure_id"] for line in extracted}
    dismissed = [d for d in report.get("dismissed_findings", []) if set(d["figure_ids"]) <= kept]
    _insert_report(conn, {**report, "dismissed_findings": dismissed, "text_sha256": text_sha256(report["text"])},
                   extracted)
    report_id = conn.execute("SELECT id FROM reports WHERE sha256 = ?", (report["sha256"],)).fetchone()[0]
    conn.execute("UPDATE reports SET n_reviewed = 0 WHERE id = ?", (report_id,))
    for figure_id, start in conn.execute("SELECT id, start FROM figures WHERE report_id = ?",
                                         (report_id,)).fetchall():
        conn.execute("UPDATE figures SET section_category = ? WHERE id = ?",
                     (section_category_at(conn, report_id, start), figure_id))
    return report_id


def _apply(store, decisions: dict, carried: dict, merged_at: str, summary: MergeSummary) -> list[tuple]:
    """Write every decision; returns (indicator, first's category, second's, alike) per pair.
    The carried decisions are recorded beside their figures, after the compared ones (which
    win where a reviewer has both)."""
    conn = store.conn
    logs: dict[tuple[str, str], EditLog] = {}
    pairs: list[tuple] = []

    def log(action: str, reviewer: str) -> EditLog:
        return logs.setdefault((action, reviewer), EditLog(conn, action, who=reviewer))

    touched = sorted({report_id for report_id, by_key in decisions.items() if by_key} | set(carried))
    conn.executemany(f"UPDATE edits SET undone = {SEALED} WHERE undone = {DONE} AND report_id = ?",
                     [(report_id,) for report_id in touched])  # undo must not step back under the merge
    for report_id in touched:
        rows = {_key(row): row for row in store._query("SELECT * FROM figures WHERE report_id = ?", (report_id,))}
        for key, by_reviewer in decisions.get(report_id, {}).items():
            row = rows.get(key)
            first = next(iter(by_reviewer.values()))
            alike = len({d.verdict() for d in by_reviewer.values()}) == 1
            if row is None and key[0] == "extracted":
                summary.unmatched += 1
                continue
            if row is None:
                row = rows[key] = _insert_added(store, report_id, first)  # pending: the decision goes on below
            indicator = row["x_indicator"] or first.indicator
            for one, other in combinations(by_reviewer.values(), 2):
                pairs.append((indicator, one.category(), other.category(), one.verdict() == other.verdict()))
            _keep_decisions(conn, "REPLACE", row["id"], [(d, merged_at) for d in by_reviewer.values()])
            if row["status"] != "pending":
                summary.kept += 1
                continue
            changes = decision_changes(row, first)
            if not alike:
                conn.execute("INSERT OR IGNORE INTO figure_conflicts (figure_id, merged_at) VALUES (?, ?)",
                             (row["id"], merged_at))
                summary.conflicts += 1
            else:
                _write_changes(conn, row, changes, first.reviewed_at or merged_at)
                summary.taken += 1
            for decision in by_reviewer.values():
                entries = log("merge" if alike else "merge_conflict", decision.reviewer)
                for name, value in decision_changes(row, decision).items():
                    entries.record(report_id, row["id"], name, row[name], value)
        _record_carried(conn, rows, carried.get(report_id, {}), decisions.get(report_id, {}), summary)
    for index, entries in enumerate(logs.values()):
        entries.write(cut_redo=index == 0)
    store._recount(touched)
    return pairs


def _record_carried(conn, rows: dict, carried: dict, compared: dict, summary: MergeSummary) -> None:
    """A merged file's decision lines on figures it had settled: kept as they were made."""
    for key, kept in carried.items():
        row = rows.get(key)
        if row is None:
            summary.unmatched += key not in compared  # counted once with the compared ones
            continue
        _keep_decisions(conn, "IGNORE", row["id"], kept)


def _keep_decisions(conn, on_conflict: str, figure_id: int, kept: list[tuple[Decision, str]]) -> None:
    """(decision, merged_at) rows for a figure; a reviewer's row already there is replaced or kept."""
    conn.executemany(
        f"INSERT OR {on_conflict} INTO reviewer_decisions (figure_id, reviewer, source, status, indicator,"
        ' value, unit, qualifier, label, start, "end", raw, headline, note, reject_reason, reviewed_at,'
        " merged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(figure_id, d.reviewer, d.source, *(getattr(d, name) for name in DECISION_FIELDS), d.reviewed_at, when)
         for d, when in kept])


def decision_changes(row: dict, decision: Decision) -> dict:
    """The figure columns that taking `decision` changes."""
    new = {name: getattr(decision, name) for name in DECISION_FIELDS}
    new["headline"] = int(bool(new["headline"]))
    if row["status"] == "added" or row["x_raw"] is None:
        new["status"] = "added" if decision.status != "rejected" else "rejected"
    return {name: value for name, value in new.items() if row[name] != value}


def _write_changes(conn, row: dict, changes: dict, reviewed_at: str) -> None:
    if not changes:
        return
    if "start" in changes:
        changes = {**changes, "section_category": section_category_at(conn, row["report_id"], changes["start"])}
    if changes.get("headline"):  # at most one headline per report and indicator
        conn.execute("UPDATE figures SET headline = 0 WHERE report_id = ? AND indicator IS ? AND id != ?",
                     (row["report_id"], changes.get("indicator", row["indicator"]), row["id"]))
    assignments = ", ".join(f'"{name}" = ?' for name in changes)
    conn.execute(f"UPDATE figures SET {assignments}, reviewed_at = ? WHERE id = ?",
                 [*changes.values(), reviewed_at, row["id"]])


def _insert_added(store, report_id: int, decision: Decision) -> dict:
    conn = store.conn
    cursor = conn.execute(
        'INSERT INTO figures (report_id, start, "end", raw, value, unit, qualifier, label, indicator,'
        " numeral, confidence, section_category, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1.0, ?, ?)",
        (report_id, decision.start, decision.end, decision.raw, decision.value, decision.unit,
         decision.qualifier or "exact", decision.label, decision.indicator,
         "arabic" if any(ch.isdigit() for ch in decision.raw) else "chinese",
         section_category_at(conn, report_id, decision.start), "pending"))
    return store._query("SELECT * FROM figures WHERE id = ?", (cursor.lastrowid,))[0]


def _agreement(pairs: list[tuple]) -> list[Agreement]:
    overall = [agreement(None, [(a, b, same) for _, a, b, same in pairs])]
    by_indicator: dict[str, list] = {}
    for indicator, a, b, same in pairs:
        by_indicator.setdefault(indicator or NO_INDICATOR, []).append((a, b, same))
    return overall + [agreement(name, found) for name, found in sorted(by_indicator.items())]


def _store_agreement(conn, summary: MergeSummary, merged_at: str) -> None:
    reviewers = [source.reviewer for source in summary.sources]
    insert_agreement(conn, [{"merged_at": merged_at, "reviewers": reviewers, "indicator": a.indicator,
                             "n_figures": a.n_figures, "n_alike": a.n_alike, "share": a.share, "kappa": a.kappa}
                            for a in summary.agreement if a.n_figures])
