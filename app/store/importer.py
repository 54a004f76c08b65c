"""Importing report files: read, decode and extract on every core, write in batched transactions.

Workers get plain paths and return plain dicts (see `ingest.prepare_record`), so nothing
but picklable data crosses the process boundary. The parent alone touches the database:
one transaction per batch, duplicates (the same bytes, or the same text in other bytes such
as a GBK copy of a UTF-8 file; in the database or earlier in the same run) skipped and
named with the report they repeat, each failure kept with its one-line message.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import closing, contextmanager
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Iterable, Iterator

from app.core.decode import DecodeError
from app.core.readers import collect_files
from app.core.names import readable_name, shown
from app.store.errors import StoreError, StoreWriteFailed
from app.store.ingest import prepare_record, write_records
from app.store.rows import ImportSummary

BATCH_SIZE = 200  # reports per write transaction
IMPORT_CACHE_KB = 64 * 1024  # SQLite's page cache while importing
IMPORT_CHECKPOINT_PAGES = 10_000  # 40 MB of write-ahead log between checkpoints while importing
# Segments the search index merges at a time while importing (FTS5's automerge; its default
# is 4, set back afterwards): 10,000 reports indexed in 19 s of CPU instead of 26 s, searched
# as fast, the index 10% larger until later writes merge it further.
SEARCH_MERGE_WHILE_IMPORTING = 16
SEARCH_MERGE_DEFAULT = 4
CHUNKS_AHEAD_PER_WORKER = 4  # chunks a worker may have done or under way before they are written
IN_PROCESS_LIMIT = 8  # below this many files a process pool costs more than it saves
JSONL_SUFFIX = ".jsonl"
# English, made from these templates; shown translated in the window (app.core.messages)
MESSAGES = {
    "worker_stopped": "the extraction process stopped unexpectedly",
    "extraction_failed": "extraction failed: {error}",
}
TEMPLATES = tuple(MESSAGES.values())

_known_hashes: frozenset[str] = frozenset()  # set in each worker by _init_worker
_taught: tuple = ()  # the database's taught cues (app.core.taught_cues), set likewise


def import_paths(store, paths, progress: Callable[[int, int, str], None] | None = None,
                 should_cancel: Callable[[], bool] | None = None,
                 workers: int | None = None, accept_incomplete: bool = False) -> ImportSummary:
    """Import files and folders (recursively); a `.jsonl` of our own export is restored.

    A write SQLite refuses (disk full, another program holding the lock) stops the import:
    StoreWriteFailed, whose message says how many reports went in before it; the batch it
    met is rolled back whole, so nothing else changed."""
    summary = ImportSummary()
    paths = [Path(path) for path in paths]
    try:
        for path in [p for p in paths if p.suffix.lower() == JSONL_SUFFIX]:
            summary.merge(_restore(store, path, accept_incomplete))
        files, problems = collect_files([p for p in paths if p.suffix.lower() != JSONL_SUFFIX])
        summary.failed.extend(problems)
        writer = _BatchWriter(store, summary)
        taught = tuple(store.active_cues())  # read after a restore above: its cues count too
        with _bulk_writing(store, bool(files)), closing(_outcomes(files, writer.seen, workers, taught)) as outcomes:
            for done, (path, outcome) in enumerate(outcomes, start=1):
                writer.add(path, outcome)
                if progress:
                    progress(done, len(files), str(path))
                if should_cancel and should_cancel():
                    break
            writer.flush()
    except StoreWriteFailed as error:
        raise type(error)(error.cause, f"{len(summary.imported)} reports were imported before it, "
                                       "nothing else changed") from None
    return summary


@contextmanager
def _bulk_writing(store, writes: bool):
    """While importing: a page cache that holds the figures' indexes and the search index's
    merges (SQLite's default is 2 MB: at 100,000 reports each batch re-read them from disk),
    a checkpoint of the write-ahead log every IMPORT_CHECKPOINT_PAGES instead of after every
    batch, and, when the import `writes`, the search index merging SEARCH_MERGE_WHILE_IMPORTING
    segments at a time. All are set back afterwards, also after a failed import."""
    conn = store.conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    checkpoint = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KB}")
    conn.execute(f"PRAGMA wal_autocheckpoint = {IMPORT_CHECKPOINT_PAGES}")
    merging_wide = writes and _set_search_merge(store, SEARCH_MERGE_WHILE_IMPORTING)
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")
        if merging_wide:
            _set_search_merge(store, SEARCH_MERGE_DEFAULT)


def _set_search_merge(store, segments: int) -> bool:
    """FTS5's automerge for the search index; False when the database refuses the write (busy,
    full, read-only): the setting changes the speed of writing, never a result, so the import
    goes on as it would have (and meets the refusal itself, if it lasts)."""
    try:
        with store.transaction() as conn:
            conn.execute("INSERT INTO reports_fts(reports_fts, rank) VALUES ('automerge', ?)", (segments,))
        return True
    except StoreError:
        return False


def _restore(store, path: Path, accept_incomplete: bool) -> ImportSummary:
    from app.store.restore import restore_jsonl  # only needed for .jsonl
    try:
        return restore_jsonl(store, path, accept_incomplete=accept_incomplete)
    except StoreWriteFailed:
        raise
    except (StoreError, OSError, ValueError) as error:
        return ImportSummary(failed=[(shown(path), _one_line(error))])


class _BatchWriter:
    """Sorts outcomes into the summary and writes new reports BATCH_SIZE at a time."""

    def __init__(self, store, summary: ImportSummary):
        self.store = store
        self.summary = summary
        # both grow as we go: duplicates within one run too
        self.seen = store.known_hashes()  # sha256 of the bytes -> file name
        self.seen_text = store.known_text_hashes()  # sha256 of the stored text -> file name
        self.batch: list[dict] = []

    def add(self, path: Path, outcome: tuple) -> None:
        kind, payload = outcome
        if kind == "failed":
            self.summary.failed.append((readable_name(path), payload))
        elif kind == "duplicate":
            self._duplicate(path, self.seen.get(payload))
        elif payload["sha256"] in self.seen or payload["text_sha256"] in self.seen_text:
            self._duplicate(path, self.seen.get(payload["sha256"]) or self.seen_text[payload["text_sha256"]])
        else:
            self.seen[payload["sha256"]] = self.seen_text[payload["text_sha256"]] = payload["file_name"]
            self.batch.append(payload)
            if len(self.batch) >= BATCH_SIZE:
                self.flush()

    def _duplicate(self, path, existing: str | None) -> None:
        name = readable_name(path)
        self.summary.duplicates.append(name)
        if existing:
            self.summary.duplicate_of[name] = existing

    def flush(self) -> None:
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        with self.store.transaction():
            # another copy of the program may have imported some of these since we looked
            present = {record["path"]: existing for record in batch
                       if (existing := self.store.duplicate_of(record)) is not None}
            fresh = [record for record in batch if record["path"] not in present]
            write_records(self.store.conn, fresh)
        self.summary.imported.extend(record["path"] for record in fresh)
        for path, existing in present.items():
            self._duplicate(path, existing)


def _outcomes(files: list[Path], known: Iterable[str], workers: int | None,
              taught: tuple = ()) -> Iterator[tuple[Path, tuple]]:
    """(path, ("imported", record) | ("duplicate", sha) | ("failed", message)) in file order."""
    workers = max(1, workers or os.cpu_count() or 1)
    if workers == 1 or len(files) < IN_PROCESS_LIMIT:
        _init_worker(frozenset(known), taught)
        for path in files:
            yield path, read_and_extract(str(path))
        return
    chunksize = max(1, min(32, len(files) // (workers * 8)))
    chunks = (files[first:first + chunksize] for first in range(0, len(files), chunksize))
    # spawn, not fork: the GUI calls this from a thread, and forking a threaded process can hang
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_pool_worker, initargs=(frozenset(known), taught, os.getpid()))
    # A few chunks per worker ahead, not every file at once: when writing is slower than the
    # workers, finished extractions would otherwise pile up here (1 GB at 100,000 reports).
    in_flight: deque = deque()

    def submit_next() -> None:
        chunk = next(chunks, None)
        if chunk is not None:
            in_flight.append(pool.submit(_read_and_extract_chunk, [str(path) for path in chunk]))
    done = 0
    try:
        for _ in range(workers * CHUNKS_AHEAD_PER_WORKER):
            submit_next()
        while in_flight:
            outcomes = in_flight.popleft().result()
            submit_next()
            for outcome in outcomes:
                yield files[done], outcome
                done += 1
    except BrokenProcessPool:
        for path in files[done:]:
            yield path, ("failed", MESSAGES["worker_stopped"])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _init_pool_worker(known: frozenset[str], taught: tuple, parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent cancels, workers just finish
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent(parent)  # the parent's own pid: it may be gone already when this runs
    if hasattr(os, "nice"):  # not on Windows
        os.nice(WORKER_NICENESS)
    _init_worker(known, taught)


PARENT_CHECK_SECONDS = 0.5
# Workers yield the processor to the process that writes what they extract (and, in the
# window, draws it): with every core extracting, the writer got two thirds of one and
# became the bottleneck of a large import.
WORKER_NICENESS = 10


def _end_with_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9, a crash) ends too, rather than living on
    under PID 1: at once on Linux (PR_SET_PDEATHSIG), elsewhere within PARENT_CHECK_SECONDS."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _init_worker(known: frozenset[str], taught: tuple = ()) -> None:
    global _known_hashes, _taught
    _known_hashes, _taught = known, taught


def _read_and_extract_chunk(paths: list[str]) -> list[tuple[str, object]]:
    return [read_and_extract(path) for path in paths]


def read_and_extract(path: str) -> tuple[str, object]:
    """Runs in a worker: one file to a record, or why not. Never raises."""
    from app.core.extract import extract  # workers load the extractor; the GUI need not at start
    from app.core.readers import read_report
    try:
        data, decoded = read_report(path)
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in _known_hashes:
            return "duplicate", sha256
        # a name that is not UTF-8 (GBK from a Chinese zip) is stored as readable text
        return "imported", prepare_record(readable_name(path), data, decoded, extract(decoded.text, taught=_taught))
    except (DecodeError, OSError) as error:
        return "failed", _one_line(error)
    except Exception as error:  # an extractor bug must cost one file, not the whole import
        return "failed", MESSAGES["extraction_failed"].format(error=f"{type(error).__name__}: {_one_line(error)}")


def _one_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
