"""Reading and settling what a merge left open (merge.py): figures whose reviewers disagreed.

A conflict is open while its figure is pending: settling takes one reviewer's decision as an
ordinary, undoable review step ("settle"), and undoing it makes the figure pending, so the
conflict shows again. Any other decision on the figure (confirm, reject, correct) settles it too.
"""
from __future__ import annotations

from app.core.agreement import Agreement
from app.store.errors import InvalidEdit
from app.store.merge import DECISION_FIELDS, Decision, decision_changes
from app.store.review import section_category_at

# "+f.status": never through the status index, which SQLite otherwise picks over the report's
# (every pending figure of the database walked to open one report: 2 s at 100,000 reports)
_DECISION_SQL = ("SELECT d.figure_id, d.reviewer, d.source, " + ", ".join(f'd."{name}"' for name in DECISION_FIELDS)
                 + ", d.reviewed_at FROM reviewer_decisions d JOIN figure_conflicts c ON c.figure_id = d.figure_id"
                 " JOIN figures f ON f.id = d.figure_id WHERE +f.status = 'pending'")


def _decision(row: tuple) -> Decision:
    return Decision(row[1], row[2], *row[3:])


def open_conflicts(store, report_id: int) -> dict[int, list[Decision]]:
    """Figure id -> the reviewers' decisions, in the order the merge read them."""
    found: dict[int, list[Decision]] = {}
    for row in store.conn.execute(_DECISION_SQL + " AND f.report_id = ? ORDER BY d.id", (report_id,)):
        found.setdefault(row[0], []).append(_decision(row))
    return found


def conflict_count(store) -> int:
    return store.conn.execute("SELECT count(*) FROM figure_conflicts c JOIN figures f ON f.id = c.figure_id"
                              " WHERE f.status = 'pending'").fetchone()[0]


def settle_conflict(store, figure_id: int, choice: int) -> Decision:
    """Take the decision of the `choice`-th reviewer (0 first) of an open conflict, as one step."""
    decisions = [_decision(row) for row in store.conn.execute(
        _DECISION_SQL + " AND d.figure_id = ? ORDER BY d.id", (figure_id,))]
    if not 0 <= choice < len(decisions):
        raise InvalidEdit(f"figure {figure_id} has no open conflict with a decision {choice + 1}")
    chosen = decisions[choice]

    def settled(row: dict) -> dict:
        changes = decision_changes(row, chosen)
        if "start" in changes:
            changes["section_category"] = section_category_at(store.conn, row["report_id"], changes["start"])
        return changes
    store._change_figures("settle", [figure_id], settled)
    return chosen


def latest_agreement(store) -> list[Agreement]:
    """The agreement the last merge measured: overall first, then per indicator."""
    rows = store.conn.execute(
        "SELECT indicator, n_figures, n_alike, share, kappa FROM agreement"
        " WHERE merged_at = (SELECT max(merged_at) FROM agreement) ORDER BY indicator IS NOT NULL, indicator")
    return [Agreement(*row) for row in rows]
