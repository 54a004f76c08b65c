"""Opening the database file safely, and the `Store` that every reader and writer goes through.

`open_store` checks the file before SQLite may change a byte of it (header, schema version),
runs the migrations (with a backup), and only then switches the file to WAL. The `Store`
methods live in small mixins: reads in `reports`, review writes in `review`, undo/redo in
`history`, report insertion and re-extraction in `ingest`.
"""
from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import sqlite_utils

from app.store import schema
from app.core.agency_types import agency_type
from app.core.names import shown
from app.core.processes import pid_alive
from app.store.cues import CuesMixin
from app.store.errors import (InvalidEdit, NotADatabase, RowMissing, StoreBusy, StoreDiskFull, StoreError,
                              StoreLocked, StoreMissing, StoreReadOnly, StoreTooNew, StoreWriteFailed)
from app.store.history import HistoryMixin
from app.store.ingest import IngestMixin
from app.store.report_list import ReportListMixin
from app.store.reports import ReportReadsMixin
from app.store.review import ReviewMixin

__all__ = ["open_store", "Store", "StoreError", "StoreMissing", "NotADatabase", "StoreTooNew",
           "StoreLocked", "RowMissing", "InvalidEdit", "StoreBusy", "StoreDiskFull", "StoreReadOnly",
           "StoreWriteFailed"]

BUSY_TIMEOUT_MS = 5000
# The window never waits on another program's lock: a review write either goes in at once
# (or after a moment) or is refused and said so; the command line waits as it always did.
NO_WAIT_TIMEOUT_MS = 200
HELD_ELSEWHERE = "another program holds it"
READ_ONLY_FILE = "the file cannot be written"
READ_ONLY_FOLDER = "its folder cannot be written"


def open_store(path: str | Path, create: bool = True, wait: bool = True) -> "Store":
    """Open (or create) the database at `path`; raises a StoreError subclass, changing nothing.

    The file is checked through a read-only connection first (SQLite header, version, and
    the tables and columns of that version), so a file that is not ours is refused before
    SQLite may write a byte. A database that cannot be written (read-only file or folder,
    or with `wait=False` another program holding its write lock) is opened read-only:
    `Store.read_only` says why, and every write raises StoreReadOnly.
    """
    path = Path(path)
    is_new = _check_file(path, create)
    if is_new:
        path.parent.mkdir(parents=True, exist_ok=True)
        return _open_writable(path, wait, creating=True)
    version = _check_schema(path, wait)
    reason = _why_not_writable(path)
    if reason is None:
        return _open_writable(path, wait, creating=version == 0)
    if version < schema.SCHEMA_VERSION:
        raise StoreError.of("needs_upgrade", path=shown(path), reason=reason)
    return Store(path, _connect_read_only(path, wait), read_only=reason)


def _check_file(path: Path, create: bool) -> bool:
    """True when a new database is to be made at `path` (missing, or an empty file and create)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if not create:
            raise StoreMissing.of("missing", path=shown(path)) from None
        return True
    except OSError as error:  # a symlink loop, a name too long, no permission on the folder
        raise StoreError.of("cannot_open", path=shown(path), reason=error.strerror or error) from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError.of("is_folder", path=shown(path))
    if not stat.S_ISREG(info.st_mode):  # reading a FIFO would wait for ever
        raise StoreError.of("special_file", path=shown(path), kind=file_kind(info.st_mode))
    if info.st_size == 0:
        if create:  # what an interrupted creation leaves, or a file made for us by a save dialog
            return True
        raise NotADatabase.of("empty_file", path=shown(path))
    # The header is left to SQLite's read-only connection: closing a file descriptor of our own
    # here would drop the POSIX locks this process's other connections hold on the file, and
    # another program could then delete a WAL they are still using.
    return False


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_only_uri(path: Path) -> str:
    """A read-only URI; `immutable` when nothing is beside it, so SQLite creates no -wal/-shm
    (a WAL database otherwise gets both even when only read)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm", "-journal")):
        uri += "&immutable=1"  # no other connection has it open in WAL mode or is mid-write
    return uri


def _connect_read_only(path: Path, wait: bool) -> sqlite3.Connection:
    timeout = (BUSY_TIMEOUT_MS if wait else NO_WAIT_TIMEOUT_MS) / 1000
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True, isolation_level=None, timeout=timeout)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    except sqlite3.Error as error:
        raise StoreError.of("cannot_open", path=shown(path), reason=_first_line(error)) from None


def _check_schema(path: Path, wait: bool) -> int:
    """The file's schema version, once its tables and columns are those of that version."""
    conn = _connect_read_only(path, wait)
    try:
        version = schema.current_version(conn)
        if version > schema.SCHEMA_VERSION:
            raise StoreTooNew.of("too_new", path=shown(path), version=version, supported=schema.SCHEMA_VERSION)
        found = schema.table_columns(conn)
        if version == 0:
            if found:
                raise NotADatabase.of("other_tables", path=shown(path))
            return 0
        missing = [f"{table}.{column}" if column else table
                   for table, column in schema.missing_columns(found, version)]
        if missing:
            raise NotADatabase.of("lacks_columns", path=shown(path),
                                  missing=f"{', '.join(missing[:3])}{' …' if len(missing) > 3 else ''}")
        return version
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
            raise StoreBusy(f"{shown(path)} is in use by another program", "it was not opened") from None
        if str(error) == "file is not a database":
            raise NotADatabase.of("not_sqlite", path=shown(path)) from None
        raise NotADatabase.of("damaged", path=shown(path), reason=_first_line(error)) from None
    finally:
        conn.close()


def _why_not_writable(path: Path) -> str | None:
    """Why SQLite could not write here, or None. os.access also sees read-only mounts and
    immutable files, which root's permissions do not override."""
    if not os.access(path, os.W_OK):
        return READ_ONLY_FILE
    journals = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
    if any(journal.exists() and not os.access(journal, os.W_OK) for journal in journals):
        return READ_ONLY_FILE
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return READ_ONLY_FOLDER
    return None


def _open_writable(path: Path, wait: bool, creating: bool) -> "Store":
    try:
        conn = sqlite3.connect(str(path), isolation_level=None,
                               timeout=(BUSY_TIMEOUT_MS if wait else NO_WAIT_TIMEOUT_MS) / 1000)
    except sqlite3.Error as error:
        raise StoreError.of("cannot_open", path=shown(path), reason=_first_line(error)) from None
    try:
        read_only = _prepare(conn, path, wait)
    except BaseException:
        conn.close()
        if creating:
            _remove_if_empty(path)
        raise
    return Store(path, conn, read_only=read_only)


def _remove_if_empty(path: Path) -> None:
    """A creation that failed leaves no empty file to be puzzled over (or refused) later."""
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except OSError:
        pass


def _prepare(conn: sqlite3.Connection, path: Path, wait: bool) -> str | None:
    """Migration (atomic, with a backup) and WAL, once the file is known to be ours; returns
    HELD_ELSEWHERE when, not waiting, another program holds the write lock."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS if wait else NO_WAIT_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not wait and _write_lock_held(conn):
            if schema.current_version(conn) < schema.SCHEMA_VERSION:
                raise StoreBusy(f"{shown(path)} is in use by another program", "it was not opened")
            return HELD_ELSEWHERE
        schema.migrate(conn, path)
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        raise write_error(error, path, "nothing was changed") from None
    return None


def _write_lock_held(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return True
        raise
    conn.execute("ROLLBACK")
    return False


def write_error(error: sqlite3.Error, path: Path, not_saved: str = "the last action was not saved") -> StoreError:
    """The StoreError a failed SQLite write stands for, in words the user can act on."""
    message = _first_line(error)
    lowered = message.lower()
    if "full" in lowered:
        return StoreDiskFull("the disk is full", not_saved)
    if "locked" in lowered or "busy" in lowered:
        return StoreBusy(f"{shown(path)} is in use by another program", not_saved)
    if "readonly" in lowered or "read-only" in lowered:
        return StoreReadOnly(f"{shown(path)} cannot be written", not_saved)
    if isinstance(error, sqlite3.OperationalError):
        return StoreWriteFailed(f"cannot write {shown(path)}: {message}", not_saved)
    return NotADatabase(f"{shown(path)} is damaged ({message}); {not_saved}")


def _first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


class Store(ReportReadsMixin, ReportListMixin, ReviewMixin, HistoryMixin, IngestMixin, CuesMixin):
    """One open database. Tied to the thread that opened it: one Store per thread."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: str | None = None):
        self.path = path
        self.conn = conn
        # the charts group reports by the kind of agency in SQL (app.store.chart_queries)
        conn.create_function("agency_type", 1, agency_type, deterministic=True)
        self.db = sqlite_utils.Database(conn)
        self.read_only = read_only  # why it cannot be written (HELD_ELSEWHERE, ...), or None
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
        if self.read_only:
            raise StoreReadOnly(f"{shown(self.path)} is open read-only ({self.read_only})")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self._rollback()
                raise
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:  # locked, disk full, read-only: said plainly
            self._rollback()
            raise write_error(error, self.path) from None

    def _rollback(self) -> None:
        # SQLite has already rolled back on some errors (disk full): a second ROLLBACK would
        # replace the real error with "cannot rollback - no transaction is active"
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

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
        """Write `<db>.lock` with our PID; a lock left by a dead process is taken over.
        A read-only database needs none: this copy cannot change it."""
        while not self.read_only:
            try:
                fd = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _lock_holder(self.lock_path)
                if holder == os.getpid():
                    self._holds_lock = True
                    return
                if holder is not None and pid_alive(holder):
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
