"""The consistency checks beside the metrics table: findings of the open report, kept current.

When a report opens, and after every review edit, the report's checks are re-run
(`refresh_findings` for that one report: a few milliseconds, so on the UI thread) and the
findings panel and the metrics table's row marks are filled from the stored findings.

The checks also need a context read from every report (peer statistics for the outlier
rule): 0.1 to 0.3 s at 2,000 reports and growing with them, too long for the UI thread.
So the controller reads it on a worker with its own connection, when none fits the
database or it is older than CONTEXT_MAX_AGE (or, on a database where a read takes long,
READ_SHARE times as long as the last read took: the reads take at most a tenth of a core),
one read at a time, and keeps using the one it has meanwhile. Until the first one arrives, the stored findings show; the open report
is re-checked on arrival.
Running the checks on the whole database is a background task with its own Store.
"""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from app.gui.findings_panel import FindingsPanel, finding_message
from app.gui.tasks import TaskRunner, reads_ahead_pool
from app.store import findings as findings_store
from app.store.errors import StoreError
from app.store.findings import dismiss_finding, findings, refresh_findings

log = logging.getLogger(__name__)
READ_SHARE = 10  # a context serves at least this many times as long as reading it took


def read_context_in_worker(db_path: str) -> "findings_store.ContextSource":
    """Runs on a worker thread: its own connection, reads only (WAL lets it read beside the UI's)."""
    from app.store.database import open_store
    store = open_store(db_path, create=False)
    try:
        return findings_store.ContextSource(store, with_previous=False)  # read per report as it is checked
    finally:
        store.close()


def check_all_in_worker(db_path: str) -> int:
    """Runs on a worker thread, so it opens its own Store (one connection per thread)."""
    from app.store.database import open_store
    store = open_store(db_path, create=False)
    try:
        return refresh_findings(store)
    finally:
        store.close()


class ChecksBox(QGroupBox):
    """The findings panel under a title that counts the open findings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checks_box")
        self.panel = FindingsPanel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.panel)
        self.set_open_count(0)

    def set_open_count(self, count: int) -> None:
        self.setTitle(self.tr("Checks ({0} open)").format(count) if count else self.tr("Checks: nothing found"))


class ChecksController(QObject):
    message = Signal(str)  # one line for the status bar

    def __init__(self, window, review, box: ChecksBox, tasks):
        super().__init__(window)
        self.window, self.review, self.box, self.tasks = window, review, box, tasks
        self.reads_ahead = TaskRunner(self, reads_ahead_pool())  # the context, read ahead of need
        self.panel = box.panel
        self._context = None  # ContextSource of the current database, read on a worker
        self._context_read_at = 0.0
        self._context_serves = findings_store.CONTEXT_MAX_AGE  # seconds, see READ_SHARE
        self._context_reading = False  # one read at a time: a slow read never piles up behind another
        self._recheck_on_arrival = False  # the open report was shown without a context
        self._marks: dict[int, list[str]] = {}  # what the metrics table marks now
        review.report_opened.connect(self.refresh)
        review.data_changed.connect(lambda: self.refresh(review.report_id))
        self.panel.figure_activated.connect(self.show_figure)
        self.panel.dismiss_requested.connect(self.dismiss)

    def clear(self) -> None:
        """Nothing shown, e.g. while another database opens (it may hold no reports)."""
        self._context = None  # it belongs to the old database; a read still running is dropped on arrival
        self.panel.set_findings([])
        self._marks = {}
        self.review.metrics.model.set_flags({})
        self.box.set_open_count(0)

    def refresh(self, report_id: int | None) -> None:
        """Re-run the report's checks, then show its findings and mark their figures."""
        store = self.review.store
        if store is None or report_id is None:
            return
        fits = self._context is not None and self._context.fits(store)
        self._recheck_on_arrival = not fits
        if fits and not store.read_only:  # read-only: the stored findings are what there is
            try:
                self._recheck(store, report_id)
            except StoreError as error:  # e.g. the database is busy: the last stored findings still show
                self.message.emit(str(error))
        self._show(report_id)
        # Only now: the read holds the GIL for most of its time and would slow the recheck down.
        if not fits or time.monotonic() - self._context_read_at >= self._context_serves:
            self._read_context(store)

    def _recheck(self, store, report_id: int) -> None:
        refresh_findings(store, [report_id], self._context)  # ours: the store's own would be read here

    def _read_context(self, store) -> None:
        if self._context_reading:
            return
        self._context_reading = True
        read_at = time.monotonic()
        self.reads_ahead.run(read_context_in_worker, str(store.path),
                       on_done=lambda context, error: self._context_read(store, read_at, context, error))

    def _context_read(self, store, read_at: float, context, error) -> None:
        self._context_reading = False
        if self.window.store is None:  # the window closed meanwhile, and its database with it
            return
        if store is not self.review.store:  # the window switched database meanwhile
            if self.review.store is not None and self._recheck_on_arrival:
                self.refresh(self.review.report_id)
            return
        if error is not None:  # e.g. busy: keep the context we have; the next refresh asks again
            log.warning("reading the checks' context failed: %s", error)
            return
        self._context, self._context_read_at = context, read_at
        self._context_serves = max(findings_store.CONTEXT_MAX_AGE, READ_SHARE * (time.monotonic() - read_at))
        if self._recheck_on_arrival:
            self.refresh(self.review.report_id)

    def _show(self, report_id: int) -> None:
        rows = findings(self.review.store, report_id)
        model = self.review.metrics.model
        texts = {f.id: f.raw for f in model.figures()}
        self.panel.set_findings(rows, texts)
        marks: dict[int, list[str]] = {}
        for row in rows:
            if not row.dismissed:
                for figure_id in row.figure_ids:
                    marks.setdefault(figure_id, []).append(finding_message(row))
        if marks != self._marks:  # an unchanged re-check (say, on a context's arrival) repaints nothing
            self._marks = marks
            model.set_flags(marks)
        self.box.set_open_count(sum(not row.dismissed for row in rows))

    def show_figure(self, figure_id: int) -> None:
        """Select the figure's row; the table's selection scrolls the text to it."""
        if not self.review.metrics.select_figure(figure_id):
            self.message.emit(self.tr("That figure is hidden by the table's filters."))

    def dismiss(self, finding_id: int, note: str) -> None:
        try:
            dismiss_finding(self.review.store, finding_id, note)
        except StoreError as error:
            self.message.emit(str(error))
            return
        self._show(self.review.report_id)
        self.message.emit(self.tr("Finding dismissed."))

    def check_all(self) -> None:
        """Run every report's checks off the UI thread, then show the open report's again."""
        store = self.review.store
        if store is None:
            return
        self.message.emit(self.tr("Running the checks on all reports…"))
        self.tasks.run(check_all_in_worker, str(store.path), on_done=self._all_checked)

    def _all_checked(self, open_count, error) -> None:
        if error is not None:
            self.message.emit(self.tr("The checks failed: {0}").format(str(error).splitlines()[0] if str(error) else
                                                                       type(error).__name__))
            return
        if self.review.report_id is not None:
            self._show(self.review.report_id)
        self.message.emit(self.tr("Checks done: {0} open findings in the database.").format(open_count))
