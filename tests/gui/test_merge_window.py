"""A merged database in the window: conflicts shown side by side, filtered, settled with one key;
File > Merge Reviews through the same worker as the import."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from review_fixtures import chinese, figure_on_disk, open_window, seeded_db, seeded_template  # noqa: F401

from app.gui.metrics_filter import CONFLICT
from app.gui.metrics_model import Column
from app.gui.tasks import TaskRunner
from app.store.database import open_store
from app.store.dataset import export_dataset, restore_jsonl
from app.store.merge import merge_reviews
from app.store.reviewers import set_reviewer_name
from conftest import SEED_COUNT


@pytest.fixture
def exports(seeded_db, tmp_path):
    """Ann confirms and Bob rejects the first figure of the first report; both confirm the second."""
    with open_store(seeded_db) as base:
        export_dataset(base, tmp_path / "base.jsonl", "jsonl", statuses="all")
    paths = []
    for name, decide in (("Ann", "confirm"), ("Bob", "reject")):
        with open_store(tmp_path / f"{name}.sqlite") as own:
            restore_jsonl(own, tmp_path / "base.jsonl")
            set_reviewer_name(own, name)
            report = own.list_reports()[0]
            first, second = own.figures(report.id)[:2]
            getattr(own, decide)([first.id])
            own.confirm([second.id])
            export_dataset(own, tmp_path / f"{name}.jsonl", "jsonl", statuses="all")
        paths.append(tmp_path / f"{name}.jsonl")
    return paths


def show_the_conflict(qtbot, window, report_id: int, figure_id: int):
    """Filter the report's table to its conflicts, check it lists both reviewers' decisions
    side by side, and put the keyboard on the conflicted figure; returns the metrics panel."""
    window.controller.open_report(report_id)
    metrics = window.metrics
    metrics.status_filter.setCurrentIndex(metrics.status_filter.findData(CONFLICT))
    assert metrics.visible_figure_ids() == [figure_id]
    cell = metrics.proxy.index(0, Column.STATUS)
    assert cell.data() == "conflict"
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "1  Ann: confirmed" in tooltip and "2  Bob: rejected" in tooltip
    metrics.select_figure(figure_id)
    metrics.table.setFocus()
    qtbot.waitUntil(metrics.table.hasFocus)
    return metrics


def settle_with_key(qtbot, window, db, report_id: int, figure_id: int, key, status: str):
    """Settle the conflicted figure with one key: its status on disk, gone from the conflicts."""
    metrics = show_the_conflict(qtbot, window, report_id, figure_id)
    qtbot.keyClick(metrics.table, key)
    qtbot.waitUntil(lambda: figure_on_disk(db, figure_id)["status"] == status)
    assert metrics.visible_figure_ids() == []
    return metrics


def test_one_key_settles_a_conflict_and_undo_reopens_it(qtbot, seeded_db, exports):
    with open_store(seeded_db) as store:
        merge_reviews(store, exports)
        report = store.list_reports()[0]
        conflicted = store.figures(report.id)[0]
    window = open_window(qtbot, seeded_db)
    try:
        metrics = settle_with_key(qtbot, window, seeded_db, report.id, conflicted.id, Qt.Key.Key_2, "rejected")
        qtbot.keyClick(metrics.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: figure_on_disk(seeded_db, conflicted.id)["status"] == "pending")
        assert metrics.visible_figure_ids() == [conflicted.id]
    finally:
        window.close()


def test_a_third_reviewer_restoring_the_merged_export_settles_its_conflict_with_one_key(
        qtbot, seeded_db, exports, tmp_path):
    with open_store(seeded_db) as store:
        merge_reviews(store, exports)
        export_dataset(store, tmp_path / "merged.jsonl", "jsonl", statuses="all")
    third = tmp_path / "third.sqlite"
    with open_store(third) as store:
        summary = restore_jsonl(store, tmp_path / "merged.jsonl")
        assert not summary.failed and len(summary.imported) == SEED_COUNT
        report = store.list_reports()[0]
        conflicted = store.figures(report.id)[0]
    window = open_window(qtbot, third)
    try:
        settle_with_key(qtbot, window, third, report.id, conflicted.id, Qt.Key.Key_1, "confirmed")
    finally:
        window.close()


def test_file_merge_reviews_runs_off_the_ui_thread_and_reloads(qtbot, seeded_db, exports, monkeypatch):
    window = open_window(qtbot, seeded_db)
    try:
        pending_before = window.store.progress()["pending"]
        monkeypatch.setattr(TaskRunner, "synchronous", True)
        window.merge_reviews([str(path) for path in exports])
        box = window.findChild(object, "merge_summary")
        assert box is not None and "Ann, Bob" in box.text() and "1 are in conflict" in box.text()
        assert window.store.progress()["pending"] == pending_before - 1  # the second figure, alike
        box.close()
    finally:
        window.close()


def test_reviewer_name_and_split_from_the_file_menu(qtbot, seeded_db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    from app.gui.actions import ActionId
    from app.gui.merge_dialog import SplitDialog
    window = open_window(qtbot, seeded_db)
    try:
        monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("  Chen  ", True))
        window.registry.action(ActionId.REVIEWER_NAME).trigger()
        with open_store(seeded_db) as other:
            assert other.get_setting("reviewer_name") == "Chen"

        def accept(dialog):
            dialog.count.setValue(2)
            dialog.overlap.setValue(100)
            dialog.names.setText("甲，乙")  # a Chinese comma separates names too
            return QDialog.DialogCode.Accepted
        monkeypatch.setattr(SplitDialog, "exec", accept)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(tmp_path / "out"))
        shown = []
        monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
        monkeypatch.setattr(TaskRunner, "synchronous", True)
        window.registry.action(ActionId.SPLIT_REVIEWERS).trigger()
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["乙.jsonl", "甲.jsonl"]
        assert f"甲: {SEED_COUNT} reports ({SEED_COUNT} shared)" in shown[0]  # 100% overlap: every seed
    finally:
        window.close()


def test_a_bad_line_of_a_merged_file_is_named_in_chinese(chinese):
    from app.gui.merge_dialog import failed_line
    shown = failed_line("team.jsonl: agreement on line 3",
                        'line 3: share must be a number, not "most"; this agreement figure was left out')
    assert shown.startswith("team.jsonl: 第 3 行的审核人一致性统计: 第 3 行：share")
    assert shown.endswith("这条审核人一致性统计已略去")
    assert failed_line("one.jsonl: two.txt", "cannot be merged: 'x'") == "one.jsonl: two.txt: cannot be merged: 'x'"
