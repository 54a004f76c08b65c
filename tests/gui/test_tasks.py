"""TaskRunner: work runs off the UI thread, outcomes and progress come back on it."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from app.gui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)
    return TaskRunner()


def wait_for(qtbot, outcomes: list, count: int = 1) -> None:
    qtbot.waitUntil(lambda: len(outcomes) >= count)


def test_result_arrives_on_ui_thread_from_a_worker_thread(qtbot, runner):
    ui_thread = QThread.currentThread()
    worker_threads, outcomes = [], []

    def square(value):
        worker_threads.append(threading.current_thread())
        return value * value

    runner.run(square, 7, on_done=lambda result, error: outcomes.append(
        (result, error, QThread.currentThread() is ui_thread)))
    wait_for(qtbot, outcomes)
    assert outcomes == [(49, None, True)]
    assert worker_threads[0] is not threading.main_thread()
    assert runner.pending() == 0


def test_error_is_handed_to_on_done_not_raised(qtbot, runner):
    outcomes = []

    def broken():
        raise ValueError("bad input file")

    runner.run(broken, on_done=lambda result, error: outcomes.append((result, error)))
    wait_for(qtbot, outcomes)
    result, error = outcomes[0]
    assert result is None
    assert isinstance(error, ValueError) and str(error) == "bad input file"


def test_progress_reaches_ui_thread_and_ends_with_last_value(qtbot, runner):
    ui_thread = QThread.currentThread()
    seen, outcomes = [], []

    def count(n, progress):
        for done in range(1, n + 1):
            progress(done, n)
        return n

    def on_progress(done, total):
        seen.append((done, total, QThread.currentThread() is ui_thread))

    runner.run(count, 500, on_done=lambda r, e: outcomes.append(r), on_progress=on_progress)
    wait_for(qtbot, outcomes)
    assert outcomes == [500]
    assert seen, "no progress was reported"
    assert seen[-1] == (500, 500, True)
    assert all(on_ui for _, _, on_ui in seen)
    assert [done for done, _, _ in seen] == sorted(done for done, _, _ in seen)


def test_cancel_stops_a_cancellable_task(qtbot, runner):
    started, outcomes = threading.Event(), []

    def loop(cancelled):
        started.set()
        rounds = 0
        while not cancelled():
            rounds += 1
            threading.Event().wait(0.001)
        return "stopped"

    handle = runner.run(loop, on_done=lambda r, e: outcomes.append(r), cancellable=True)
    assert started.wait(5)
    assert not handle.finished()
    handle.cancel()
    wait_for(qtbot, outcomes)
    assert outcomes == ["stopped"]
    assert handle.finished()


def test_fn_gets_only_the_keywords_asked_for(qtbot, runner):
    outcomes = []
    runner.run(lambda **kwargs: sorted(kwargs), on_done=lambda r, e: outcomes.append(r))
    runner.run(lambda **kwargs: sorted(kwargs), on_done=lambda r, e: outcomes.append(r),
               on_progress=lambda *v: None, cancellable=True)
    wait_for(qtbot, outcomes, 2)
    assert sorted(outcomes) == [[], ["cancelled", "progress"]]


def test_synchronous_mode_runs_inline_with_callbacks(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    runner = TaskRunner()
    seen, outcomes = [], []

    def work(progress):
        progress(1, 2)
        progress(2, 2)
        return threading.current_thread()

    runner.run(work, on_done=lambda r, e: outcomes.append((r, e)), on_progress=lambda *v: seen.append(v))
    assert outcomes == [(threading.current_thread(), None)]
    assert seen == [(1, 2), (2, 2)]
