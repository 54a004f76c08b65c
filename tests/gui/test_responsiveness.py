"""The window stays responsive: the checks' context is read off the UI thread, a drop returns at
once, and a database switch leaves no search dialog pointing into the old database."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from review_fixtures import ROOT, open_window, seeded_db, seeded_template, window  # noqa: F401
from store_fixtures import add_sample

from conftest import SEED_COUNT

from app.gui import db_dialogs, import_dialog
from app.gui import main_window as main_window_module
from app.gui.actions import ActionId
from app.gui.search_dialog import SearchDialog
from app.gui.tasks import TaskRunner
from app.store import findings as findings_store
from app.store.database import open_store

CASES_FILED = [10, 12, 15, 18, 20, 14, 16, 11, 150000]  # the last is far from the others


@pytest.fixture
def background_tasks(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)


@pytest.fixture
def context_threads(monkeypatch) -> list[bool]:
    """For each ContextSource read: was it on the UI thread?"""
    on_ui_thread = []

    class RecordingContextSource(findings_store.ContextSource):
        def __init__(self, store, *args, **kwargs):
            on_ui_thread.append(threading.current_thread() is threading.main_thread())
            super().__init__(store, *args, **kwargs)

    monkeypatch.setattr(findings_store, "ContextSource", RecordingContextSource)
    return on_ui_thread


@pytest.fixture
def outlier_db(tmp_path):
    """Nine district reports of cases filed; the last one's count is far from the others."""
    path = tmp_path / "outliers.sqlite"
    store = open_store(path)
    for i, value in enumerate(CASES_FILED):
        report_id = add_sample(store, f"{i}.txt", agency=f"第{i}区卫生健康委员会")
        figure = next(f for f in store.figures(report_id) if f.indicator == "cases_filed")
        store.correct(figure.id, value=value)
    store.close()
    return path


def shown_rules(window) -> list[str]:
    return [row.rule for row in window.checks_box.panel.model.rows if not row.dismissed]


def test_the_checks_context_is_read_in_the_background_and_finds_the_outlier(
        qtbot, outlier_db, background_tasks, context_threads, monkeypatch):
    window = open_window(qtbot, outlier_db)
    outlier = window.store.report_ids()[-1]
    window.controller.open_report(outlier)
    qtbot.waitUntil(lambda: "outlier" in shown_rules(window))
    assert context_threads and not any(context_threads)

    # Half a minute later the context is due again: the next check uses the one it has at once
    # and reads a new one in the background, never two at a time.
    real_clock = time.monotonic
    monkeypatch.setattr(time, "monotonic", lambda: real_clock() + 60)
    reads_before = len(context_threads)
    window.checks.refresh(outlier)
    assert "outlier" in shown_rules(window)
    window.checks.refresh(outlier)
    assert window.checks.reads_ahead.pending() == 1
    qtbot.waitUntil(lambda: window.checks.reads_ahead.pending() == 0)
    assert len(context_threads) == reads_before + 1 and not any(context_threads)
    window.checks.refresh(outlier)
    assert "outlier" in shown_rules(window)
    window.close()


def test_a_dropped_report_is_imported_after_the_drop_returns(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    monkeypatch.setattr(import_dialog, "show_summary", lambda *args: None)
    started = []
    real_run_import = main_window_module.run_import
    monkeypatch.setattr(main_window_module, "run_import",
                        lambda *args: started.append(args) or real_run_import(*args))
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    new_report = tmp_path / "新报告.txt"
    new_report.write_text(seed.read_text(encoding="utf-8") + "\n附：补充说明。\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(new_report))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    before = window.store.report_count()
    window.dropEvent(event)
    assert event.isAccepted()
    assert not started and window.store.report_count() == before
    qtbot.waitUntil(lambda: window.report_list.proxy.rowCount() == before + 1)
    assert window.store.report_count() == before + 1


def visible_search_dialogs(window) -> list[SearchDialog]:
    return [d for d in window.findChildren(SearchDialog) if d.isVisible()]


def test_switching_database_closes_the_search_dialog(qtbot, window, tmp_path, monkeypatch):
    search = window.registry.action(ActionId.SEARCH_ALL)
    search.trigger()
    [old_dialog] = visible_search_dialogs(window)
    old_dialog.query_edit.setText("法治")
    old_dialog.search()
    assert old_dialog.model.rowCount() > 0
    monkeypatch.setattr(db_dialogs, "choose_new_database", lambda parent: str(tmp_path / "empty.sqlite"))
    window.registry.action(ActionId.NEW_DATABASE).trigger()
    assert window.store.report_count() == 0
    assert visible_search_dialogs(window) == []

    search.trigger()
    [new_dialog] = visible_search_dialogs(window)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old dialog is deleted now
    search.trigger()  # the window still knows its one dialog
    assert visible_search_dialogs(window) == [new_dialog]
    new_dialog.query_edit.setText("法治")
    new_dialog.search()
    assert new_dialog.model.rowCount() == 0


def test_a_context_that_takes_long_to_read_serves_longer(qtbot, outlier_db, context_threads, monkeypatch):
    """A read that takes 10 s (a large database) serves 100 s, so reading takes at most a
    tenth of the time; one that takes no time serves the usual 30 s."""
    from app.gui import checks_controller
    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    real_init = findings_store.ContextSource.__init__

    def slow_read(self, store, *args, **kwargs):
        real_init(self, store, *args, **kwargs)
        now[0] += 10  # the clock moves on while the worker reads
    monkeypatch.setattr(findings_store.ContextSource, "__init__", slow_read)
    window = open_window(qtbot, outlier_db)
    report = window.store.report_ids()[-1]
    qtbot.waitUntil(lambda: window.checks.reads_ahead.pending() == 0)
    reads = len(context_threads)
    assert reads and checks_controller.READ_SHARE * 10 > findings_store.CONTEXT_MAX_AGE
    now[0] += 60  # past the usual 30 s: still served
    window.checks.refresh(report)
    qtbot.waitUntil(lambda: window.checks.reads_ahead.pending() == 0)
    assert len(context_threads) == reads
    now[0] += 41  # 101 s after the read ended: read again
    window.checks.refresh(report)
    qtbot.waitUntil(lambda: window.checks.reads_ahead.pending() == 0)
    assert len(context_threads) == reads + 1
    window.close()
