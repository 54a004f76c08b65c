"""The edits table as audit trail and undo history.

Every review write records one row per changed field (old and new as JSON) under one
`group_id`: one undo step. `undone` says where a group stands: 0 done, 1 undone (redo-able),
2 discarded (undone, then a new edit cut the redo branch), 3 done but sealed (a re-extraction
rebuilt the report, so stepping back over it would leave stale offsets). Undo and redo are
logged as bookkeeping rows of their own. Because history lives in the file, it survives a restart.
A step's description is English text for the CLI and the log; `undo_description()` gives it
as a template and args, so the GUI can show it translated.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from app.core.model import METADATA_FIELDS
from app.store.reviewers import reviewer_name
from app.store.rows import EditResult

DONE, UNDONE, DISCARDED, SEALED = 0, 1, 2, 3
ACTION_LABELS = {
    "confirm": "Confirm", "reject": "Reject", "reset": "Reset to pending", "correct": "Correct",
    "add": "Add figure", "headline": "Headline", "note": "Note", "metadata": "Edit metadata",
    "apply_cue": "Apply taught cue",
    "settle": "Settle conflict",
}
DESCRIPTIONS = {  # str.format templates of a step's description
    "one": "{action}", "figures": "{action} ({count} figures)", "metadata": "{action}: {fields}",
}
UNDOABLE_ACTIONS = tuple(ACTION_LABELS)
FIGURE_EDIT_COLUMNS = {"start", "end", "raw", "value", "unit", "qualifier", "label", "indicator",
                       "section_category", "status", "headline", "note", "reject_reason", "indicator_reason"}
_UNDOABLE_SQL = "action IN (" + ", ".join(f"'{action}'" for action in UNDOABLE_ACTIONS) + ")"


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Description:
    """An undo step in words: one of DESCRIPTIONS and its args. A str arg is a code word (an
    action label, a field name) and a tuple a list of them; numbers stay numbers."""

    template: str
    args: dict

    def text(self, translate: Callable[[str], str] = str, separator: str = ", ") -> str:
        """The words, by default English; `translate` turns the template and each code word."""
        def word(value):
            if isinstance(value, tuple):
                return separator.join(map(translate, value))
            return translate(value) if isinstance(value, str) else value
        return translate(self.template).format(**{name: word(value) for name, value in self.args.items()})


class EditLog:
    """Collects the changes of one write; `write()` stores them as one undo group."""

    def __init__(self, conn, action: str, who: str | None = None):
        self.conn = conn
        self.action = action
        self.who = who  # None: the database's reviewer (reviewers.py)
        self.entries: list[tuple] = []

    def record(self, report_id: int | None, figure_id: int | None, field: str | None,
               old, new) -> None:
        self.entries.append((report_id, figure_id, field, _to_json(old), _to_json(new)))

    def write(self, cut_redo: bool = True) -> int | None:
        """Store the group (nothing if nothing changed); a real edit discards the redo branch."""
        if not self.entries:
            return None
        if cut_redo:
            self.conn.execute("UPDATE edits SET undone = ? WHERE undone = ?", (DISCARDED, UNDONE))
        group_id = self.conn.execute("SELECT coalesce(max(group_id), 0) + 1 FROM edits").fetchone()[0]
        at, who = now_utc(), self.who or reviewer_name(self.conn)
        self.conn.executemany(
            "INSERT INTO edits (group_id, at, who, action, report_id, figure_id, field, old, new)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(group_id, at, who, self.action, *entry) for entry in self.entries])
        return group_id


def _to_json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _from_json(text: str | None):
    return None if text is None else json.loads(text)


class HistoryMixin:
    def can_undo(self) -> bool:
        return self._step_to_undo() is not None

    def can_redo(self) -> bool:
        return self._step_to_redo() is not None

    def undo_description(self) -> Description | None:
        group_id = self._step_to_undo()
        return None if group_id is None else self._describe(group_id, DONE)

    def redo_description(self) -> Description | None:
        group_id = self._step_to_redo()
        return None if group_id is None else self._describe(group_id, UNDONE)

    def undo(self) -> EditResult | None:
        with self.transaction():
            group_id = self._step_to_undo()
            if group_id is None:
                return None
            return self._replay(group_id, DONE, UNDONE, "undo")

    def redo(self) -> EditResult | None:
        with self.transaction():
            group_id = self._step_to_redo()
            if group_id is None:
                return None
            return self._replay(group_id, UNDONE, DONE, "redo")

    def _step_to_undo(self) -> int | None:
        row = self.conn.execute(f"SELECT group_id FROM edits WHERE undone = {DONE}"
                                f" AND {_UNDOABLE_SQL} ORDER BY group_id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def _step_to_redo(self) -> int | None:
        # undos go newest first, so the earliest undone group is the one undone last
        row = self.conn.execute(f"SELECT group_id FROM edits WHERE undone = {UNDONE}"
                                f" AND {_UNDOABLE_SQL} ORDER BY group_id LIMIT 1").fetchone()
        return row[0] if row else None

    def _group_edits(self, group_id: int, state: int) -> list[dict]:
        return self._query("SELECT * FROM edits WHERE group_id = ? AND undone = ? ORDER BY id",
                           (group_id, state))

    def _describe(self, group_id: int, state: int) -> Description:
        edits = self._group_edits(group_id, state)
        label = ACTION_LABELS.get(edits[0]["action"], edits[0]["action"])
        if edits[0]["action"] == "metadata":
            fields = tuple(sorted({edit["field"] for edit in edits}))
            return Description(DESCRIPTIONS["metadata"], {"action": label, "fields": fields})
        n_figures = len({edit["figure_id"] for edit in edits if edit["figure_id"] is not None})
        if n_figures > 1:
            return Description(DESCRIPTIONS["figures"], {"action": label, "count": n_figures})
        return Description(DESCRIPTIONS["one"], {"action": label})

    def _replay(self, group_id: int, state: int, new_state: int, action: str) -> EditResult:
        """Undo (old values, newest change first) or redo (new values, in order) one group."""
        description = self._describe(group_id, state).text()
        edits = self._group_edits(group_id, state)
        side = "old" if action == "undo" else "new"
        for edit in reversed(edits) if action == "undo" else edits:
            self._apply(edit, _from_json(edit[side]))
        self.conn.execute("UPDATE edits SET undone = ? WHERE group_id = ? AND undone = ?",
                          (new_state, group_id, state))
        report_ids = sorted({edit["report_id"] for edit in edits if edit["report_id"] is not None})
        log = EditLog(self.conn, action)
        for report_id in report_ids or [None]:
            log.record(report_id, None, None, None, {"group_id": group_id})
        log.write(cut_redo=False)
        self._recount(report_ids)
        figure_ids = sorted({edit["figure_id"] for edit in edits if edit["figure_id"] is not None})
        return EditResult(description, report_ids[0] if report_ids else None, figure_ids)

    def _apply(self, edit: dict, value) -> None:
        field, figure_id = edit["field"], edit["figure_id"]
        if figure_id is not None and field == "*":
            if value is None:  # the state without the figure: before an add
                self.conn.execute("DELETE FROM figures WHERE id = ?", (figure_id,))
            else:
                self.db["figures"].insert(value, replace=True)
        elif figure_id is not None and field in FIGURE_EDIT_COLUMNS:
            self.conn.execute(f'UPDATE figures SET "{field}" = ? WHERE id = ?', (value, figure_id))
            if field == "status":
                self.conn.execute("UPDATE figures SET reviewed_at = ? WHERE id = ?",
                                  (None if value == "pending" else now_utc(), figure_id))
        elif figure_id is None and field in METADATA_FIELDS:
            self.conn.execute(f'UPDATE reports SET "{field}" = ? WHERE id = ?',
                              (value, edit["report_id"]))
