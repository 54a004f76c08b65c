"""Opening the database file safely, and the `Store` that every reader and writer goes through.

`open_store` checks the file before SQLite may change a byte of it (header, schema version),
runs the migrations (with a backup), and only then switches the file to WAL. The `Store`
methods live in small mixins: reads in `reports`, review writes in `review`, undo/redo in
`history`, report insertion and re-extraction in `ingest`.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import sqlite_utils

from app.store import schema
from app.store.cues import CuesMixin
from app.store.errors import (InvalidEdit, NotADatabase, RowMissing, StoreError, StoreLocked,
                              StoreMissing, StoreTooNew)
from app.store.history import HistoryMixin
from app.store.ingest import IngestMixin
from app.store.reports import ReportReadsMixin
from app.store.review import ReviewMixin

__all__ = ["open_store", "Store", "StoreError", "StoreMissing", "NotADatabase", "StoreTooNew",
           "StoreLocked", "RowMissing", "InvalidEdit"]

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def open_store(path: str | Path, create: bool = True) -> "Store":
    """Open (or create) the database at `path`; raises a StoreError subclass, changing nothing."""
    path = Path(path)
    _check_file(path, create)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StoreError.of("cannot_open", path=path, reason=error) from None
    try:
        _prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return Store(path, conn)


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError.of("is_folder", path=path)
    if not path.exists():
        if not create:
            raise StoreMissing.of("missing", path=path)
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError.of("cannot_read", path=path, reason=error.strerror or error) from None
    # An empty file is what SQLite itself creates; anything else must be SQLite.
    if header and header != SQLITE_HEADER:
        raise NotADatabase.of("not_sqlite", path=path)


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Version checks and migration before WAL: both must leave a refused file untouched."""
    try:
        version = schema.current_version(conn)
        if version > schema.SCHEMA_VERSION:
            raise StoreTooNew.of("too_new", path=path, version=version, supported=schema.SCHEMA_VERSION)
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise NotADatabase.of("other_tables", path=path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        schema.migrate(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        if isinstance(error, sqlite3.OperationalError):  # locked, read-only, disk full, ...
            raise StoreError.of("cannot_open", path=path, reason=message) from None
        raise NotADatabase.of("not_ours", path=path, reason=message) from None


class Store(ReportReadsMixin, ReviewMixin, HistoryMixin, IngestMixin, CuesMixin):
    """One open database. Tied to the thread that opened it: one Store per thread."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._holds_lock = False

    def close(self) -> None:
        self.release_app_lock()
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed on leaving (IMMEDIATE: never a deadlock on upgrade)."""
        if self.conn.in_transaction:
            yield self.conn  # nested: the outer transaction commits
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _query(self, sql: str, params=()) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _recount(self, report_ids: Iterable[int]) -> None:
        """Keep reports.n_figures / n_reviewed in step with the figures table."""
        self.conn.executemany(
            "UPDATE reports SET n_figures = (SELECT count(*) FROM figures WHERE report_id = :id),"
            " n_reviewed = (SELECT count(*) FROM figures WHERE report_id = :id"
            " AND status != 'pending') WHERE id = :id",
            [{"id": report_id} for report_id in set(report_ids)])

    # --- the app lock: one running window per database -------------------------------------
    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def acquire_app_lock(self) -> None:
        """Write `<db>.lock` with our PID; a lock left by a dead process is taken over."""
        while True:
            try:
                fd = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _lock_holder(self.lock_path)
                if holder == os.getpid():
                    self._holds_lock = True
                    return
                if holder is not None and _pid_alive(holder):
                    raise StoreLocked.of("locked", path=self.path, pid=holder) from None
                self.lock_path.unlink(missing_ok=True)
                continue
            except OSError as error:
                raise StoreError.of("cannot_lock", path=self.lock_path, reason=error.strerror) from None
            with os.fdopen(fd, "w") as handle:
                handle.write(str(os.getpid()))
            self._holds_lock = True
            return

    def release_app_lock(self) -> None:
        if self._holds_lock and _lock_holder(self.lock_path) == os.getpid():
            self.lock_path.unlink(missing_ok=True)
        self._holds_lock = False


def _lock_holder(lock_path: Path) -> int | None:
    try:
        return int(lock_path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes  # os.kill(pid, 0) would terminate the process on Windows
        still_active = 259
        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == still_active
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
