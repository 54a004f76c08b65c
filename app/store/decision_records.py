"""Reviewers' decisions in the JSONL round trip: what a merge kept (app/store/merge.py) travels
with the figures, so a restored database, or the third reviewer who receives the file, still
has every reviewer's decision and the figures in conflict.

A complete export writes, after a report's figure lines, one {"type": "decision"} line per
row of reviewer_decisions on its figures: the figure's export id (`figure_id`, as on its
figure line), the reviewer, the decision's fields (DECISION_FIELDS), when it was made and
merged, and `conflict`: whether the figure is listed in figure_conflicts. A restore checks
each line like every other (check_decision) and writes the rows under the figures' new ids.

Each merge's agreement (the agreement table: overall and per indicator) travels too, as one
{"type": "agreement"} line per row after the taught cues: a restore, or a later merge of the
file, keeps it, skipping a row it already holds (same merge time, reviewers and indicator).
"""
from __future__ import annotations

import json

from app.core.model import QUALIFIERS, STATUSES
from app.store.jsonl_fields import _Bad, _choice, _flag, _integer, _number, _span, _text

# what a reviewer decided about a figure (the merge compares and takes these; merge.py)
DECISION_FIELDS = ("status", "indicator", "value", "unit", "qualifier", "label", "start", "end", "raw",
                   "headline", "note", "reject_reason")
_COLUMNS = ("reviewer", "source") + DECISION_FIELDS + ("reviewed_at", "merged_at")
_QUOTED = ", ".join(f'"{name}"' for name in _COLUMNS)
_EXPORT_SQL = ("SELECT d.figure_id, " + ", ".join(f'd."{name}"' for name in _COLUMNS) + ", c.figure_id IS NOT NULL"
               " FROM reviewer_decisions d JOIN figures f ON f.id = d.figure_id"
               " LEFT JOIN figure_conflicts c ON c.figure_id = d.figure_id WHERE f.report_id = ? ORDER BY d.id")


def has_decisions(conn) -> bool:
    """Whether any merge left decisions here (most databases never merge: no query per report)."""
    return conn.execute("SELECT 1 FROM reviewer_decisions LIMIT 1").fetchone() is not None


def decision_records(conn, report_id: int) -> list[dict]:
    """The report's decision lines, in the order the merge wrote them."""
    return [{"type": "decision", "figure_id": row[0], **dict(zip(_COLUMNS, row[1:-1])),
             "headline": bool(row[1 + _COLUMNS.index("headline")]), "conflict": bool(row[-1])}
            for row in conn.execute(_EXPORT_SQL, (report_id,))]


def check_decision(record: dict, report: dict) -> None:
    length = len(report["text"])
    _integer(record.get("figure_id"), "figure_id", 1)
    _text(record.get("reviewer"), "reviewer")
    if not record["reviewer"].strip():
        raise _Bad("reviewer", "must name the reviewer")
    _choice(record.get("status"), "status", STATUSES)
    _choice(record.get("qualifier"), "qualifier", QUALIFIERS, optional=True)
    _span(record, "start", "end", length)
    _text(record.get("raw"), "raw")
    _text(record.get("merged_at"), "merged_at")
    for name in ("source", "indicator", "unit", "label", "note", "reject_reason", "reviewed_at"):
        _text(record.get(name), name, optional=True)
    _number(record.get("value"), "value", optional=True)
    _flag(record.get("headline"), "headline")
    _flag(record.get("conflict"), "conflict")


def insert_decisions(conn, records: list[dict], new_ids: dict[int, int]) -> None:
    """The decisions under their figures' ids in this database; conflicts listed again."""
    conn.executemany(
        f"INSERT INTO reviewer_decisions (figure_id, {_QUOTED}) VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
        [(new_ids[r["figure_id"]], *(int(bool(r[n])) if n == "headline" else r.get(n) for n in _COLUMNS))
         for r in records])
    conn.executemany("INSERT OR IGNORE INTO figure_conflicts (figure_id, merged_at) VALUES (?, ?)",
                     [(new_ids[r["figure_id"]], r["merged_at"]) for r in records if r.get("conflict")])


_AGREEMENT_COLUMNS = ("merged_at", "reviewers", "indicator", "n_figures", "n_alike", "share", "kappa")


def agreement_records(conn) -> list[dict]:
    """One {"type": "agreement"} line per stored agreement row, in the order the merges wrote them."""
    return [{"type": "agreement", **dict(zip(_AGREEMENT_COLUMNS, row)), "reviewers": json.loads(row[1])}
            for row in conn.execute(f"SELECT {', '.join(_AGREEMENT_COLUMNS)} FROM agreement ORDER BY id")]


def check_agreement(record: dict) -> None:
    _text(record.get("merged_at"), "merged_at")
    reviewers = record.get("reviewers")
    if not isinstance(reviewers, list) or not reviewers or not all(isinstance(r, str) for r in reviewers):
        raise _Bad("reviewers", "must be a list of the reviewers' names")
    _text(record.get("indicator"), "indicator", optional=True)
    _integer(record.get("n_figures"), "n_figures", 0)
    _integer(record.get("n_alike"), "n_alike", 0, record["n_figures"])
    _number(record.get("share"), "share", 0, 1, optional=True)
    _number(record.get("kappa"), "kappa", -1, 1, optional=True)


def insert_agreement(conn, records: list[dict]) -> None:
    """Agreement lines (checked) into the agreement table; a row already there is not doubled."""
    conn.executemany(
        f"INSERT INTO agreement ({', '.join(_AGREEMENT_COLUMNS)}) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7"
        " WHERE NOT EXISTS (SELECT 1 FROM agreement WHERE merged_at = ?1 AND reviewers = ?2 AND indicator IS ?3)",
        [(r["merged_at"], json.dumps(r["reviewers"], ensure_ascii=False), r.get("indicator"), r["n_figures"],
          r["n_alike"], r.get("share"), r.get("kappa")) for r in records])
