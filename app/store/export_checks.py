"""The consistency checks of an export: open findings per figure, computed as the rows go out.

Findings are checked at export time, so an exported file never shows stale ones. On a
large export the checks cost about as much as writing the rows, so they run beside the
writer in one spawned process: the writer reads each report's figures and text once,
sends them over, and writes a report's rows when its findings are back (a bounded number
of reports ahead, so memory does not grow with the export). The worker checks exactly the
figures the writer exports and builds the other reports' side (peer statistics, previous
year) from its own connection. Small exports check in-process: a process costs more there.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Optional

from app.core.breakdowns import CheckFigure
from app.core.checks import CheckContext
from app.store.findings import ContextSource, all_dismissed_fingerprints, checked_findings, previous_candidates_of

PARALLEL_FROM_REPORTS = 400  # fewer reports: checking in-process is quicker than starting a process
CHUNK_REPORTS = 50  # reports per message to the worker
CHUNKS_AHEAD = 16  # chunks the writer may read before it waits for the first findings

log = logging.getLogger(__name__)
_worker: Optional["Checker"] = None  # the worker process's own checker (its connection, context)


class Checker:
    """Open findings of reports, with the context and dismissals read once for the export.

    `positions` are the indices of id, start, end, value, unit, qualifier, indicator, label,
    status, raw and headline in the figure tuples of the requests."""

    def __init__(self, store, positions: tuple[int, ...]):
        # the reports' previous years are read with them, a chunk at a time: for every report at
        # once they would hold a value per figure of the database (hundreds of MB at 100,000)
        self.store, self.context = store, ContextSource(store, with_previous=False)
        self.dismissed = all_dismissed_fingerprints(store)
        self.positions = positions

    def texts_of(self, requests: list[Optional[tuple]]) -> list[dict[int, str]]:
        """For each request (report id, every figure, text; None when nothing of the report
        is exported): figure id -> its open findings, "rule: message | ...",
        dismissed ones left out. The reports' previous years are read in one query."""
        previous = previous_candidates_of(self.store, [request[0] for request in requests if request is not None])
        return [{} if request is None else self._texts(*request, previous.get(request[0], {}))
                for request in requests]

    def _texts(self, report_id: int, figures: list[tuple], text: str, previous: dict) -> dict[int, str]:
        """Checked now over every figure of the report: the checks need the pending ones too."""
        i_id, i_start, i_end, i_value, i_unit, i_qualifier, i_indicator, i_label, i_status, i_raw, i_headline = \
            self.positions
        checked = [CheckFigure(f[i_id], f[i_start], f[i_end], f[i_value], f[i_unit], f[i_qualifier] or "exact",
                               f[i_indicator], f[i_label], f[i_status] or "pending", f[i_raw] or "",
                               bool(f[i_headline])) for f in figures]
        dismissed = self.dismissed.get(report_id, ())
        found: dict[int, list[str]] = {}
        context = CheckContext(self.context.peers, previous)
        for finding, print_ in checked_findings(checked, text, context, with_fingerprints=bool(dismissed)):
            if print_ not in dismissed:
                for figure_id in finding.figure_ids:
                    found.setdefault(figure_id, []).append(f"{finding.rule}: {finding.message}")
        return {figure_id: " | ".join(texts) for figure_id, texts in found.items()}


def with_findings(store, positions: tuple[int, ...], items: Iterable[tuple], n_reports: int) -> Iterator[tuple]:
    """(item, figure id -> findings text) for each item (report, figures, text, ...), in order.

    `report` is a dict with the report's id; `figures` every figure of the report.
    An item whose figures are None needs no checks (nothing of it is exported)."""
    if n_reports < PARALLEL_FROM_REPORTS:
        yield from _here(Checker(store, positions), items)
        return
    # spawn, not fork: the window exports from a thread, and forking a threaded process can hang
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(str(store.path), positions, os.getpid()))
    chunks = _chunks(items)
    pending: deque = deque()  # [chunk, its future] in order, the future None until submitted
    try:
        try:
            for chunk in chunks:
                pending.append([chunk, None])
                pending[-1][1] = pool.submit(_check_chunk, [_request(item) for item in chunk])
                if len(pending) > CHUNKS_AHEAD:
                    yield from _results(pending)
            while pending:
                yield from _results(pending)
        except BrokenProcessPool:  # the worker could not start or died: the rest is checked here
            log.warning("the export's checks process stopped; checking in the export's own process")
            checker = Checker(store, positions)
            yield from _here(checker, (item for chunk, _ in pending for item in chunk))
            yield from _here(checker, (item for chunk in chunks for item in chunk))
    finally:  # also on cancel: queued chunks are dropped, the worker ends with its current one
        pool.shutdown(wait=True, cancel_futures=True)


def _here(checker: Checker, items: Iterable[tuple]) -> Iterator[tuple]:
    for chunk in _chunks(items):
        yield from zip(chunk, checker.texts_of([_request(item) for item in chunk]))


def _results(pending: deque) -> Iterator[tuple]:
    """The first pending chunk's items with their findings, once the worker has sent them."""
    chunk, future = pending[0]
    results = future.result()
    pending.popleft()
    return zip(chunk, results)


def _chunks(items: Iterable[tuple]) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK_REPORTS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _request(item: tuple) -> Optional[tuple]:
    report, figures, text = item[:3]
    return None if figures is None else (report["id"], figures, text)


def _start_worker(db_path: str, positions: tuple[int, ...], parent: int) -> None:
    import signal

    from app.store.database import open_store
    from app.store.importer import _end_with_parent  # the import workers' own guard
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent cancels, the worker just ends
    _end_with_parent(parent)
    global _worker
    store = open_store(db_path, create=False)
    _worker = Checker(store, positions)


def _check_chunk(requests: list[Optional[tuple]]) -> list[dict[int, str]]:
    return _worker.texts_of(requests)
