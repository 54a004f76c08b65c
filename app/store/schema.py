"""The database schema and its migrations.

The schema version lives in `PRAGMA user_version`. Before a migration changes an existing
file, `migrate()` copies it to `<name>.bak-v<old>` so a failed upgrade loses nothing.
Each migration is a function from version N-1 to N; add new ones at the end, never edit old ones.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Callable

def _v1(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,               -- where it was imported from
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,      -- of the original bytes: the duplicate check
            encoding TEXT NOT NULL,
            encoding_confidence REAL NOT NULL,
            encoding_overridden INTEGER NOT NULL DEFAULT 0,
            decode_warning TEXT,              -- shown to the reviewer; NULL when the decode was sure
            title TEXT, agency TEXT, region TEXT, level TEXT,
            report_year INTEGER, publish_date TEXT, doc_type TEXT,
            imported_at TEXT NOT NULL,
            n_figures INTEGER NOT NULL DEFAULT 0,   -- kept in step by the store: the list needs
            n_reviewed INTEGER NOT NULL DEFAULT 0,  -- progress without counting figures each time
            -- the large columns last: reading the list never walks their overflow pages
            text TEXT NOT NULL,               -- CODEBOOK §1: every offset refers to this
            original BLOB                     -- zlib-compressed original bytes, for encoding overrides
        );
        -- the report list's order (reports.LIST_ORDER): ids in list order without reading rows
        CREATE INDEX reports_list_order ON reports(agency IS NULL, agency, report_year, file_name, id);
        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            level INTEGER NOT NULL,
            title TEXT NOT NULL,
            category TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        );
        CREATE INDEX sections_report ON sections(report_id, start);
        CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            -- reviewed values (what the export uses); equal to the extracted ones until corrected
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, raw TEXT NOT NULL,
            value REAL, unit TEXT, qualifier TEXT NOT NULL DEFAULT 'exact',
            label TEXT, indicator TEXT,
            -- as the extractor found them (NULL for figures the reviewer added)
            x_start INTEGER, x_end INTEGER, x_raw TEXT,
            x_value REAL, x_unit TEXT, x_qualifier TEXT, x_label TEXT, x_indicator TEXT,
            numeral TEXT NOT NULL DEFAULT 'arabic',
            confidence REAL NOT NULL DEFAULT 0.5,
            section_category TEXT,            -- category of the level-1 section holding the figure
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending','confirmed','corrected','rejected','added')),
            headline INTEGER NOT NULL DEFAULT 0,
            note TEXT,
            reject_reason TEXT,
            reviewed_at TEXT
        );
        CREATE INDEX figures_report ON figures(report_id, start);
        CREATE INDEX figures_status ON figures(status);
        CREATE INDEX figures_indicator ON figures(indicator);
        -- every change a reviewer makes: the audit trail and the undo history
        CREATE TABLE edits (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL,        -- one undo step (a bulk action is one group)
            at TEXT NOT NULL,                 -- ISO 8601 UTC
            who TEXT NOT NULL,
            action TEXT NOT NULL,             -- confirm, reject, correct, add, headline, note, metadata, undo, redo, ...
            report_id INTEGER REFERENCES reports(id) ON DELETE CASCADE,
            figure_id INTEGER,                -- no FK: the figure may be gone after an undone add
            field TEXT,                       -- column changed; '*' for a whole row added or removed
            old TEXT,                         -- JSON
            new TEXT,                         -- JSON
            undone INTEGER NOT NULL DEFAULT 0 -- 1 while undone (redo-able); 2 when discarded by a new edit;
                                              -- 3 done but sealed: a re-extraction rebuilt the report
        );
        CREATE INDEX edits_group ON edits(group_id);
        CREATE INDEX edits_undone ON edits(undone, group_id);  -- undo/redo find their step at once
        CREATE INDEX edits_report ON edits(report_id);
        -- consistency-check findings (issue: checks); dismissed ones keep their note
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            rule TEXT NOT NULL,
            message TEXT NOT NULL,
            figure_ids TEXT NOT NULL,         -- JSON list
            fingerprint TEXT NOT NULL,        -- rule + figures: a dismissal survives a re-run
            dismissed INTEGER NOT NULL DEFAULT 0,
            note TEXT
        );
        CREATE INDEX findings_report ON findings(report_id);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
        -- Chinese substrings: trigram tokenizer (STACK-FACTS); external content keeps one copy of the text
        CREATE VIRTUAL TABLE reports_fts USING fts5(
            text, content='reports', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER reports_ai AFTER INSERT ON reports BEGIN
            INSERT INTO reports_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER reports_ad AFTER DELETE ON reports BEGIN
            INSERT INTO reports_fts(reports_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER reports_au AFTER UPDATE OF text ON reports BEGIN
            INSERT INTO reports_fts(reports_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO reports_fts(rowid, text) VALUES (new.id, new.text);
        END;
        """
    )


def text_sha256(text: str) -> str:
    """The duplicate key of a report's stored text: the same report re-encoded (a GBK copy of
    a UTF-8 file) has other bytes but this same hash."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _add_text_hash(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE reports ADD COLUMN text_sha256 TEXT")
    conn.create_function("text_sha256", 1, text_sha256, deterministic=True)
    conn.execute("UPDATE reports SET text_sha256 = text_sha256(text)")
    conn.execute("CREATE INDEX reports_text_sha256 ON reports(text_sha256)")


def finding_message_key(rule: str, message: str) -> tuple[str | None, str | None]:
    """(key, args as JSON) of a finding's English message, taken apart; (None, None) for a
    wording no template makes. For what was stored (or exported) before keys were kept."""
    from app.core.checks import MESSAGES, message_parts  # the checks own the templates
    parts = message_parts(rule, message)
    if parts is None:
        return None, None
    key = next(key for key, template in MESSAGES.items() if template == parts[0])
    return key, json.dumps(parts[1], ensure_ascii=False)


def decode_warning_key(warning: str | None) -> tuple[str | None, str | None]:
    """("decode:<key>" or "ingest:<key>", args as JSON) of a stored decode warning, likewise."""
    from app.core import decode, messages
    from app.store import ingest
    if warning is None:
        return None, None
    keys = {template: f"{module}:{key}" for module, table in (("decode", decode.MESSAGES), ("ingest", ingest.MESSAGES))
            for key, template in table.items()}
    parts = messages.message_parts(keys, warning)
    if parts is None:
        return None, None
    return keys[parts[0]], json.dumps(parts[1], ensure_ascii=False)


def _add_finding_message_keys(conn: sqlite3.Connection) -> None:
    """Findings keep their message's template key and args (JSON) beside the English text,
    so the interface translates from data; stored messages are taken apart this once."""
    conn.execute("ALTER TABLE findings ADD COLUMN message_key TEXT")
    conn.execute("ALTER TABLE findings ADD COLUMN message_args TEXT")
    rows = conn.execute("SELECT id, rule, message FROM findings").fetchall()
    conn.executemany("UPDATE findings SET message_key = ?, message_args = ? WHERE id = ?",
                     [(*finding_message_key(rule, message), finding_id) for finding_id, rule, message in rows])


def _add_decode_warning_keys(conn: sqlite3.Connection) -> None:
    """Reports keep their decode warning's message key ("decode:<key>" or "ingest:<key>") and
    args (JSON) beside the English text; stored warnings are taken apart this once."""
    conn.execute("ALTER TABLE reports ADD COLUMN decode_warning_key TEXT")
    conn.execute("ALTER TABLE reports ADD COLUMN decode_warning_args TEXT")
    rows = conn.execute("SELECT id, decode_warning FROM reports WHERE decode_warning IS NOT NULL").fetchall()
    conn.executemany("UPDATE reports SET decode_warning_key = ?, decode_warning_args = ? WHERE id = ?",
                     [(*decode_warning_key(warning), report_id) for report_id, warning in rows])


def _add_gazetteer_columns(conn: sqlite3.Connection) -> None:
    """province, city, county, division_code (CODEBOOK §2), filled for the reports already
    there from their stored region, agency and text (a reviewer's region edit included)."""
    from app.core.metadata import division_fields  # the gazetteer loads only when migrating

    for column in GAZETTEER_COLUMNS:
        conn.execute(f"ALTER TABLE reports ADD COLUMN {column} TEXT")
    ids = [row[0] for row in conn.execute("SELECT id FROM reports ORDER BY id")]
    for first in range(0, len(ids), MIGRATION_BATCH):  # texts a batch at a time, not all in memory
        batch = ids[first:first + MIGRATION_BATCH]
        rows = conn.execute("SELECT id, region, agency, text FROM reports WHERE id BETWEEN ? AND ?",
                            (batch[0], batch[-1])).fetchall()
        conn.executemany(
            f"UPDATE reports SET {', '.join(c + ' = ?' for c in GAZETTEER_COLUMNS)} WHERE id = ?",
            [(*division_fields(region, agency, text).values(), report_id)
             for report_id, region, agency, text in rows])


def _add_taught_cues(conn: sqlite3.Connection) -> None:
    # Taught cues are derived from the reviewed figures (app.store.cues); this table holds only
    # what the reviewer changed in the Cues view, and who taught a cue when the edits that
    # say so are not in the file (a database restored from an export).
    # one statement at a time: executescript would commit, and a migration is one transaction
    conn.execute("ALTER TABLE figures ADD COLUMN indicator_reason TEXT")  # why the extractor chose it
    conn.execute(
        """
        CREATE TABLE cue_overrides (
            key TEXT PRIMARY KEY,         -- the phrase as taught: the teaching figure's label
            phrase TEXT,                  -- the reviewer's edit of it; NULL: as taught
            decision TEXT,                -- the reviewer's edit of the decision; NULL: as taught
            edited_at TEXT,               -- a decision taught after this edit wins over the edit
            enabled INTEGER NOT NULL DEFAULT 1,
            removed_at TEXT,              -- removed; a teaching after this brings the cue back
            taught_by TEXT,
            taught_at TEXT
        )
        """
    )


def _add_page_starts(conn: sqlite3.Connection) -> None:
    """Where each page of a PDF report begins in its text (a JSON list of offsets; NULL for
    other formats), for the page markers and the exports' page column."""
    conn.execute("ALTER TABLE reports ADD COLUMN page_starts TEXT")


def _add_reviewer_tables(conn: sqlite3.Connection) -> None:
    """Several reviewers (app/store/merge.py): every reviewer's decision on a figure as merged
    from their exports, the figures whose reviewers disagreed, and each merge's agreement;
    and an index for the charts."""
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS reviewer_decisions (
            id INTEGER PRIMARY KEY,
            figure_id INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            source TEXT,                      -- the export file it came from
            status TEXT NOT NULL, indicator TEXT, value REAL, unit TEXT, qualifier TEXT,
            label TEXT, start INTEGER, "end" INTEGER, raw TEXT,
            headline INTEGER NOT NULL DEFAULT 0, note TEXT, reject_reason TEXT, reviewed_at TEXT,
            merged_at TEXT NOT NULL,
            UNIQUE (figure_id, reviewer)
        );
        -- a figure whose reviewers decided differently; open while the figure is pending
        CREATE TABLE IF NOT EXISTS figure_conflicts (
            figure_id INTEGER PRIMARY KEY REFERENCES figures(id) ON DELETE CASCADE,
            merged_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS agreement (
            id INTEGER PRIMARY KEY,
            merged_at TEXT NOT NULL,
            reviewers TEXT NOT NULL,          -- JSON list
            indicator TEXT,                   -- NULL: every indicator together
            n_figures INTEGER NOT NULL,       -- figures decided by two reviewers
            n_alike INTEGER NOT NULL,
            share REAL, kappa REAL
        );
        -- the charts (chart_queries.py): one indicator's values per report, and which report
        -- states which indicator, read from the index alone instead of every figure's row
        CREATE INDEX IF NOT EXISTS figures_indicator_report
            ON figures(indicator, report_id, headline, status, start, value, unit);
        -- the reports' groups without reading their rows (each row carries its text)
        CREATE INDEX IF NOT EXISTS reports_chart_groups
            ON reports(level, province, city, region, agency, report_year, file_name);
        """
    )


def _add_chart_report_index(conn: sqlite3.Connection) -> None:
    """The charts join each report's chosen figure to the report's group and name by id: an
    index led by id holding those columns answers that (and a scan) without reading a report's
    row, which carries its text and original bytes. It replaces reports_chart_groups, which
    served scans only."""
    conn.execute("CREATE INDEX IF NOT EXISTS reports_chart"
                 " ON reports(id, level, province, city, region, agency, report_year, file_name)")
    conn.execute("DROP INDEX IF EXISTS reports_chart_groups")


def _add_report_list_index(conn: sqlite3.Connection) -> None:
    """The report list filters, sorts and counts from one covering index (app/store/report_list.py):
    every column it reads, so 100,000 reports are listed without reading their rows (each row
    carries its text, and province comes after it). Its first columns are the list's own
    order (reports.LIST_ORDER), which makes the old index of that order redundant."""
    conn.execute("DROP INDEX IF EXISTS reports_list_order")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS reports_list ON reports(agency IS NULL, agency, report_year, file_name, id,"
        " title, region, level, province, n_figures, n_reviewed, decode_warning)")


def _add_report_summary_index(conn: sqlite3.Connection) -> None:
    """One index led by id holding every column the report list shows and the charts group by:
    a page of the list is read from it without reading the reports' rows, whose list columns
    come after the text and original bytes (SQLite walks their overflow pages to reach them:
    30 ms a page of 64 reports at 100,000). It replaces reports_chart, whose columns it holds."""
    conn.execute("CREATE INDEX IF NOT EXISTS reports_by_id ON reports(id, level, province, city, region, agency,"
                 " report_year, file_name, title, n_figures, n_reviewed, decode_warning)")
    conn.execute("DROP INDEX IF EXISTS reports_chart")


GAZETTEER_COLUMNS = ("province", "city", "county", "division_code")
MIGRATION_BATCH = 500
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1, _add_text_hash, _add_finding_message_keys, _add_decode_warning_keys, _add_gazetteer_columns,
    _add_taught_cues, _add_page_starts, _add_reviewer_tables, _add_chart_report_index,
    _add_report_list_index, _add_report_summary_index,
]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The file was written by a newer version of the program."""


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, db_path: Path | None) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it had before.

    Raises SchemaTooNew without touching anything when the file is newer than this program.
    Each step is one transaction (so a creation cut short by a full disk leaves an empty
    database, not a half-made one), and a process that waited for another creating the same
    file finds the work done. `conn` must be in autocommit mode (isolation_level None).
    """
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(version)
    if version == SCHEMA_VERSION:
        return version
    if version > 0 and db_path is not None and db_path.exists():
        # through SQLite, not a file copy: closing our own descriptor of the database would drop
        # the POSIX locks of this process's connections to it
        backup = sqlite3.connect(db_path.with_name(f"{db_path.name}.bak-v{version}"))
        try:
            conn.backup(backup)
        finally:
            backup.close()
    for step in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) == step:
                MIGRATIONS[step](_OneTransaction(conn))
                conn.execute(f"PRAGMA user_version = {step + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return version


class _OneTransaction:
    """The connection as a migration sees it, inside the caller's transaction: sqlite3's
    executescript() would COMMIT first, so scripts run statement by statement, and
    `with conn:` / commit() leave the committing to migrate()."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def executescript(self, script: str) -> None:
        statement = ""
        for line in script.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self._conn.execute(statement)
                statement = ""
        if statement.strip():
            self._conn.execute(statement)

    def commit(self) -> None:
        pass

    def __enter__(self) -> "_OneTransaction":
        return self

    def __exit__(self, *exc) -> bool:
        return False

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def table_columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Every table of the database (SQLite's own left out) with its column names."""
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {table: {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')} for table in tables}


@lru_cache(maxsize=None)
def _expected_columns(version: int) -> dict[str, frozenset[str]]:
    """The tables and columns a database of `version` has: the migrations run in memory."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in MIGRATIONS[:version]:
            step(memory)
        return {table: frozenset(columns) for table, columns in table_columns(memory).items()}
    finally:
        memory.close()


def missing_columns(found: dict[str, set[str]], version: int) -> list[tuple[str, str | None]]:
    """(table, None) for each missing table, (table, column) for each missing column."""
    missing: list[tuple[str, str | None]] = []
    for table, columns in _expected_columns(version).items():
        if table not in found:
            missing.append((table, None))
        else:
            missing.extend((table, column) for column in sorted(columns - found[table]))
    return missing
