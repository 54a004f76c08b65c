"""Taught cues in the database: derived from the reviewed figures, edited in the Cues view.

A figure teaches a cue when the reviewer changed its indicator (status corrected, indicator
other than extracted) or rejected it as not a figure, unless a taught cue decided it (its
indicator_reason says so: a cue applied to a figure teaches nothing new) or the cues taught
before it already decide it the same way. The cue's key is the phrase that named the figure
(its label as extracted); the latest teaching of a key decides it. Because cues follow from
the figures, a database restored from a JSONL export of its figures teaches the same cues.
What the reviewer changes in the Cues view (phrase, decision, disabled, removed) is kept in
cue_overrides; a change older than a later teaching of the same key gives way to it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Optional

from app.core.codebook import indicator_ids
from app.core.taught_cues import MIN_PHRASE, NO_INDICATOR, NOT_A_FIGURE, CueMatcher, TaughtCue, parse_reason
from app.store.errors import InvalidEdit, RowMissing
from app.store.history import now_utc

DECISIONS = (NO_INDICATOR, NOT_A_FIGURE)  # besides the codebook's indicator ids
_TEACHES = ("f.x_raw IS NOT NULL"
            " AND (f.status = 'rejected' OR (f.status = 'corrected' AND f.indicator IS NOT f.x_indicator))"
            " AND (f.indicator_reason IS NULL OR f.indicator_reason NOT LIKE 'taught cue %')")
_OVERRIDE_FIELDS = ("phrase", "decision", "edited_at", "enabled", "removed_at", "taught_by", "taught_at")


@dataclass
class CueRow:
    key: str  # the phrase as taught
    phrase: str  # as the extractor matches it (the reviewer may have edited it)
    decision: str  # an indicator id, NO_INDICATOR or NOT_A_FIGURE
    taught_by: str
    taught_at: str
    figure_id: int  # the figure that taught it last
    file_name: str  # the report that figure is in
    enabled: bool = True
    removed: bool = False
    decision_edited: bool = False
    n_taught: int = 0  # reviewed figures that teach it
    n_decided: int = 0  # figures it decided: at import, or applied to them

    def cue(self) -> TaughtCue:
        return TaughtCue(self.phrase, self.decision, self.taught_by, self.figure_id, self.taught_at)


def _decision(status: str, indicator: Optional[str]) -> str:
    return NOT_A_FIGURE if status == "rejected" else (indicator or NO_INDICATOR)


class CuesMixin:
    # --- reading ----------------------------------------------------------------------
    def taught_cue_rows(self, include_removed: bool = False) -> list[CueRow]:
        """Every taught cue, latest taught first; removed ones only if asked.

        Derived again only when figures, edits or overrides changed since the last time
        (an offer after a decision, the Cues view and an import then share one derivation)."""
        token = self.conn.execute(
            "SELECT (SELECT max(id) FROM edits), (SELECT max(id) FROM figures), (SELECT count(*) FROM figures),"
            " (SELECT group_concat(key || phrase || decision || edited_at || enabled || removed_at, '|')"
            "  FROM (SELECT key, coalesce(phrase, '') AS phrase, coalesce(decision, '') AS decision,"
            "  coalesce(edited_at, '') AS edited_at, enabled, coalesce(removed_at, '') AS removed_at"
            "  FROM cue_overrides ORDER BY key))").fetchone()
        cached = getattr(self, "_cue_rows_cache", None)
        if cached is None or cached[0] != token:
            cached = self._cue_rows_cache = (token, self._derive_cue_rows())
        return [replace(row) for row in cached[1] if include_removed or not row.removed]

    def _derive_cue_rows(self) -> list[CueRow]:
        overrides = {row["key"]: row for row in self._query("SELECT * FROM cue_overrides")}
        taught_when = {row["figure_id"]: (row["who"], row["at"]) for row in self._query(
            f"SELECT e.figure_id, e.who, e.at FROM edits e JOIN figures f ON f.id = e.figure_id WHERE {_TEACHES}"
            " AND e.undone IN (0, 3) AND (e.field = 'indicator' OR (e.field = 'status' AND e.new = '\"rejected\"'))"
            " ORDER BY e.id")}
        teachings = []
        for row in self._query("SELECT f.id, f.x_label, f.label, f.indicator, f.status, f.reviewed_at, r.file_name"
                               f" FROM figures f JOIN reports r ON r.id = f.report_id WHERE {_TEACHES}"):
            key = (row["x_label"] or row["label"] or "").strip()
            if len(key) < MIN_PHRASE:
                continue
            override = overrides.get(key, {})
            who, at = taught_when.get(row["id"], (override.get("taught_by") or "unknown",
                                                  override.get("taught_at") or row["reviewed_at"] or ""))
            teachings.append((at, row["id"], key, _decision(row["status"], row["indicator"]), who,
                              row["file_name"]))
        cues: dict[str, CueRow] = {}
        active = CueMatcher()  # the cues taught so far
        for at, figure_id, key, decision, who, file_name in sorted(teachings):
            if key not in cues:
                known = active.match(key)
                if known is not None and known.decision == decision:
                    continue  # the cues taught before already decide it so
            n_taught = cues[key].n_taught + 1 if key in cues else 1
            cue = cues[key] = _effective(CueRow(key, key, decision, who, at, figure_id, file_name, n_taught=n_taught),
                                         overrides.get(key, {}))
            if cue.enabled and not cue.removed:
                active.add(cue.cue())
        decided = self._decided_counts()
        for cue in cues.values():
            cue.n_decided = decided.get(cue.phrase, 0) + (decided.get(cue.key, 0) if cue.key != cue.phrase else 0)
        return sorted(cues.values(), key=lambda cue: (cue.taught_at, cue.figure_id), reverse=True)

    def active_cues(self) -> list[TaughtCue]:
        """The cues the extractor uses: taught, enabled and not removed."""
        return [row.cue() for row in self.taught_cue_rows() if row.enabled]

    def cue_row(self, key: str) -> CueRow:
        found = next((row for row in self.taught_cue_rows() if row.key == key), None)
        if found is None:
            raise RowMissing(f"no taught cue {key}")
        return found

    def cue_for_figure(self, figure_id: int) -> Optional[CueRow]:
        """The active cue that decides a reviewed figure as the reviewer did, if any."""
        row = self._figure_dicts([figure_id])[0]
        if row["status"] not in ("corrected", "rejected"):
            return None
        rows = [cue for cue in self.taught_cue_rows() if cue.enabled]
        found = CueMatcher(cue.cue() for cue in rows).match((row["x_label"] or row["label"] or "").strip())
        if found is None or found.decision != _decision(row["status"], row["indicator"]):
            return None
        return next(cue for cue in rows if cue.phrase == found.phrase and cue.taught_at == found.taught_at)

    def cue_offer(self, figure_id: int) -> Optional[tuple[CueRow, list[int]]]:
        """The cue a just-reviewed figure teaches and the pending figures it would decide, if any.

        Pending figures that hold none of its phrases come first and cheap (one indexed query):
        most rejected figures have no like, and then no cue is derived at all."""
        row = self._figure_dicts([figure_id])[0]
        key = (row["x_label"] or row["label"] or "").strip()
        if row["status"] not in ("corrected", "rejected") or len(key) < MIN_PHRASE:
            return None
        edited = self.conn.execute("SELECT phrase FROM cue_overrides WHERE key = ?", (key,)).fetchone()
        phrases = {key, *([edited[0]] if edited and edited[0] else [])}
        if not any(self.conn.execute("SELECT 1 FROM figures WHERE status = 'pending' AND instr(label, ?) > 0"
                                     " AND id != ? LIMIT 1", (phrase, figure_id)).fetchone() for phrase in phrases):
            return None
        cue = self.cue_for_figure(figure_id)
        similar = self.similar_pending(cue.key) if cue is not None else []
        return (cue, similar) if similar else None

    def similar_pending(self, key: str) -> list[int]:
        """Pending figures the cue decides (the best-matching active cue) and would change."""
        return self._similar(self.cue_row(key), self.active_cues())

    def _similar(self, row: CueRow, active: list[TaughtCue]) -> list[int]:
        if not row.enabled:
            return []
        matcher, cue = CueMatcher(active), row.cue()
        found = []
        for figure in self._query("SELECT id, label, indicator FROM figures WHERE status = 'pending'"
                                  " AND instr(label, ?) > 0 ORDER BY report_id, start", (row.phrase,)):
            winner = matcher.match(figure["label"])
            if winner == cue and (cue.decision == NOT_A_FIGURE or figure["indicator"] != cue.indicator):
                found.append(figure["id"])
        return found

    def _decided_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for reason, n in self.conn.execute("SELECT indicator_reason, count(*) FROM figures"
                                           " WHERE indicator_reason LIKE 'taught cue %' GROUP BY 1"):
            parsed = parse_reason(reason)
            if parsed:
                counts[parsed["phrase"]] = counts.get(parsed["phrase"], 0) + n
        return counts

    # --- writing ----------------------------------------------------------------------
    def apply_cue(self, key: str) -> list[int]:
        """Decide the similar pending figures by the cue, as one undo step; their ids."""
        with self.transaction():
            row = self.cue_row(key)
            figure_ids = self._similar(row, self.active_cues())
            cue = row.cue()
            if cue.decision == NOT_A_FIGURE:
                changes = {"status": "rejected", "headline": 0, "indicator_reason": cue.reason()}
            else:
                changes = {"indicator": cue.indicator, "status": "corrected", "indicator_reason": cue.reason()}
            self._change_figures("apply_cue", figure_ids, lambda _row: changes)
        return figure_ids

    def edit_cue(self, key: str, phrase: Optional[str] = None, decision: Optional[str] = None) -> None:
        """Change what a cue matches or decides (InvalidEdit for a phrase too short or an unknown decision)."""
        changes: dict = {}
        if phrase is not None:
            phrase = phrase.strip()
            if len(phrase) < MIN_PHRASE:
                raise InvalidEdit(f"a cue needs a phrase of at least {MIN_PHRASE} characters")
            changes["phrase"] = None if phrase == key else phrase
        if decision is not None:
            if decision not in (*indicator_ids(), *DECISIONS):
                raise InvalidEdit(f"unknown decision {decision!r}")
            changes.update(decision=decision, edited_at=now_utc())
        self._override(key, changes)

    def set_cue_enabled(self, key: str, enabled: bool) -> None:
        self._override(key, {"enabled": int(bool(enabled))})

    def remove_cue(self, key: str) -> None:
        """Forget the cue; a later correction teaching the same phrase brings it back."""
        self._override(key, {"removed_at": now_utc()})

    def _override(self, key: str, changes: dict) -> None:
        with self.transaction():
            self.cue_row(key)  # raises RowMissing
            self.conn.execute("INSERT INTO cue_overrides (key) VALUES (?) ON CONFLICT(key) DO NOTHING", (key,))
            if changes:
                assignments = ", ".join(f'"{name}" = ?' for name in changes)
                self.conn.execute(f"UPDATE cue_overrides SET {assignments} WHERE key = ?", [*changes.values(), key])

    # --- the JSONL round trip (app.store.dataset) ---------------------------------------
    def cue_records(self) -> list[dict]:
        """One {"type": "cue"} record per cue, removed ones too (a restore must not revive them)."""
        overrides = {row["key"]: row for row in self._query("SELECT * FROM cue_overrides")}
        return [{"type": "cue", "key": row.key, "phrase": row.phrase, "decision": row.decision,
                 "decision_edited": row.decision_edited, "enabled": row.enabled,
                 "removed_at": overrides.get(row.key, {}).get("removed_at") if row.removed else None,
                 "edited_at": overrides.get(row.key, {}).get("edited_at"),
                 "taught_by": row.taught_by, "taught_at": row.taught_at, "file": row.file_name}
                for row in self.taught_cue_rows(include_removed=True)]

    def restore_cue_records(self, records: Iterable[dict]) -> None:
        """Keep what the exporting database knew of its cues; this database's own overrides win."""
        rows = []
        for record in records:
            key = record.get("key")
            if not isinstance(key, str) or len(key.strip()) < MIN_PHRASE:
                continue
            text = {name: record.get(name) if isinstance(record.get(name), str) else None
                    for name in ("phrase", "decision", "edited_at", "removed_at", "taught_by", "taught_at")}
            phrase, decision = text["phrase"], text["decision"] if record.get("decision_edited") else None
            rows.append((key, phrase if phrase and len(phrase.strip()) >= MIN_PHRASE and phrase != key else None,
                         decision if decision in (*indicator_ids(), *DECISIONS) else None,
                         text["edited_at"], int(record.get("enabled", True) is not False),
                         text["removed_at"], text["taught_by"], text["taught_at"]))
        with self.transaction():
            self.conn.executemany(f"INSERT INTO cue_overrides (key, {', '.join(_OVERRIDE_FIELDS)})"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING", rows)
            self._renumber_reasons()

    def _renumber_reasons(self) -> None:
        """Point the reasons of the figures a cue decided at its teaching figure in this database:
        a restore gives every figure a new id, so the exporting database's ids name other figures."""
        for row in self.taught_cue_rows(include_removed=True):
            reason = row.cue().reason()
            for phrase in {row.phrase, row.key}:
                prefix = f"taught cue {phrase} (by "
                self.conn.execute("UPDATE figures SET indicator_reason = ? WHERE substr(indicator_reason, 1, ?) = ?"
                                  " AND indicator_reason != ?", (reason, len(prefix), prefix, reason))


def _effective(row: CueRow, override: dict) -> CueRow:
    """The cue with the reviewer's changes; a change made before the latest teaching gives way."""
    if override:
        row.phrase = override["phrase"] or row.key
        row.enabled = bool(override["enabled"])
        if override["decision"] and (override["edited_at"] or "") >= row.taught_at:
            row.decision, row.decision_edited = override["decision"], True
        row.removed = bool(override["removed_at"]) and override["removed_at"] >= row.taught_at
    return row
