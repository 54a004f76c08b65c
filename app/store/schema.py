"""The database schema and its migrations.

The schema version lives in `PRAGMA user_version`. Before a migration changes an existing
file, `migrate()` copies it to `<name>.bak-v<old>` so a failed upgrade loses nothing.
Each migration is a function from version N-1 to N; add new ones at the end, never edit old ones.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Callable

SCHEMA_VERSION = 2


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
        -- the reports' groups without reading their rows (each row carries its text); the
        -- gazetteer's province and city belong in here when they come
        CREATE INDEX IF NOT EXISTS reports_chart_groups
            ON reports(level, region, agency, report_year, file_name);
        """
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _add_reviewer_tables]
assert len(MIGRATIONS) == SCHEMA_VERSION


class SchemaTooNew(Exception):
    """The file was written by a newer version of the program."""


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, db_path: Path | None) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it had before.

    Raises SchemaTooNew without touching anything when the file is newer than this program.
    """
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(version)
    if version == SCHEMA_VERSION:
        return version
    if version > 0 and db_path is not None and db_path.exists():
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(db_path, db_path.with_name(f"{db_path.name}.bak-v{version}"))
    for step in range(version, SCHEMA_VERSION):
        with conn:
            MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")
    return version
