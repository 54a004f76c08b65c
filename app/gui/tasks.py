"""Background work: run a plain function on a thread pool, get its outcome back on the UI thread.

    runner.run(fn, *args, on_done=lambda result, error: ..., on_progress=None, cancellable=False)

`fn` runs on a QThreadPool worker. It takes and returns plain data and never touches a
widget (open your own Store there: one SQLite connection per thread). `on_done(result,
error)` is called on the UI thread with exactly one of the two set. If `on_progress` is
given, `fn` gets a `progress(*values)` keyword and `on_progress(*values)` is called on the
UI thread with the latest values (bursts are coalesced, so a fast loop cannot flood the
event queue). If `cancellable` is true, `fn` gets a `cancelled()` keyword to poll; the
returned `TaskHandle.cancel()` sets it.

Only a bare "something happened" signal crosses threads: results stay in the Python object
that the worker filled, so no Python value is marshalled through Qt. Tests set
`TaskRunner.synchronous = True` to run everything inline, callbacks included.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any, "BaseException | None"], None]


class TaskHandle:
    """What the caller keeps of a running task: a way to ask it to stop."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._finished = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def finished(self) -> bool:
        return self._finished.is_set()

    def _mark_finished(self) -> None:
        self._finished.set()


class _Task:
    """One call of `fn`: the worker thread writes the outcome here, the UI thread reads it."""

    def __init__(self, fn, args, on_done, on_progress, cancellable):
        self.fn, self.args = fn, args
        self.on_done, self.on_progress = on_done, on_progress
        self.cancellable = cancellable
        self.handle = TaskHandle()
        self.result: Any = None
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._progress_values: tuple | None = None

    def execute(self, report_progress: Callable[[], None]) -> None:
        kwargs = {}
        if self.on_progress is not None:
            def progress(*values):
                with self._lock:
                    first = self._progress_values is None
                    self._progress_values = values
                if first:  # the UI has taken the previous values: tell it there are new ones
                    report_progress()
            kwargs["progress"] = progress
        if self.cancellable:
            kwargs["cancelled"] = self.handle.cancelled
        try:
            self.result = self.fn(*self.args, **kwargs)
        except Exception as error:  # handed to on_done: the caller decides how to explain it
            log.debug("background task %s failed", getattr(self.fn, "__name__", self.fn), exc_info=True)
            self.error = error

    def take_progress(self) -> tuple | None:
        with self._lock:
            values, self._progress_values = self._progress_values, None
        return values


class _Signals(QObject):
    progressed = Signal(int)
    finished = Signal(int)


class _Worker(QRunnable):
    def __init__(self, task: _Task, task_id: int, signals: _Signals):
        super().__init__()
        self.setAutoDelete(True)
        self.task, self.task_id, self.signals = task, task_id, signals

    def run(self) -> None:
        self.task.execute(lambda: self._emit(self.signals.progressed))
        self._emit(self.signals.finished)

    def _emit(self, signal) -> None:
        try:
            signal.emit(self.task_id)
        except RuntimeError:  # the runner (and its window) closed meanwhile: nobody waits
            pass


_reads_ahead: QThreadPool | None = None


def reads_ahead_pool() -> QThreadPool:
    """One thread for what the window reads ahead of need (the report list's columns, the
    checks' context): one after the other, so the window's own thread always has a core to
    itself on a two-core machine while they run."""
    global _reads_ahead
    if _reads_ahead is None:
        _reads_ahead = QThreadPool()
        _reads_ahead.setMaxThreadCount(1)
    return _reads_ahead


class TaskRunner(QObject):
    """Runs functions off the UI thread; see the module docstring."""

    synchronous = False  # tests: run inline, callbacks included, before run() returns

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._tasks: dict[int, _Task] = {}
        self._next_id = 0
        # Created on the UI thread, so queued emits from workers are delivered here.
        self._signals = _Signals(self)
        self._signals.progressed.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.finished.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable, *args, on_done: DoneCallback | None = None,
            on_progress: Callable[..., None] | None = None, cancellable: bool = False) -> TaskHandle:
        task = _Task(fn, args, on_done, on_progress, cancellable)
        if self.synchronous:
            task.execute(lambda: self._call_progress(task))
            self._finish(task)
            return task.handle
        self._next_id += 1
        self._tasks[self._next_id] = task
        self._pool.start(_Worker(task, self._next_id, self._signals))
        return task.handle

    def pending(self) -> int:
        """Tasks started whose on_done has not run yet."""
        return len(self._tasks)

    def _deliver_progress(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            self._call_progress(task)

    def _deliver_done(self, task_id: int) -> None:
        task = self._tasks.pop(task_id, None)
        if task is not None:
            self._finish(task)

    @staticmethod
    def _call_progress(task: _Task) -> None:
        values = task.take_progress()
        if values is not None and task.on_progress is not None:
            task.on_progress(*values)

    @staticmethod
    def _finish(task: _Task) -> None:
        task.handle._mark_finished()
        TaskRunner._call_progress(task)  # a last value that arrived just before the end
        if task.on_done is not None:
            task.on_done(task.result, task.error)
