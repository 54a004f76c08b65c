"""Issue 13.13 as a reviewer meets it: the search dialog steps off the hit it opens, the export
dialog remembers its choices, counts read "1 figure", and the report filter takes words."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from review_fixtures import open_window, seeded_db, seeded_template, temp_settings  # noqa: F401

from app.gui.export_dialog import ExportDialog
from app.gui.search_dialog import HIT_ROLE
from app.gui.tasks import TaskRunner

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def type_chinese(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def window(qtbot, seeded_db, tmp_path, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    win = open_window(qtbot, seeded_db, temp_settings(tmp_path))
    yield win
    win.close()


def test_the_search_dialog_steps_off_the_hit_it_opens(qtbot, window):
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = window._search_dialog
    qtbot.waitExposed(dialog)
    view = window.text_pane.view
    centre = view.mapToGlobal(view.rect().center())
    dialog.resize(360, 160)
    dialog.move(centre.x() - 180, centre.y() - 80)  # right over the middle of the text, where hits land
    type_chinese(dialog.query_edit, "行政复议")
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.results.hasFocus)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    hit = dialog.results.currentIndex().data(HIT_ROLE)
    area = view.span_area(hit.start, hit.end)
    assert area.isValid() and area.intersects(QRect(centre.x() - 180, centre.y() - 80, 360, 160))
    assert not dialog.frameGeometry().intersects(area)
    dialog.close()


def export_once(qtbot, window, path, fmt: str) -> ExportDialog:
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_E, CTRL)
    dialog = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    dialog.path_edit.setText(str(path))
    dialog.status_boxes["added"].setChecked(False)
    dialog.status_boxes["pending"].setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: path.exists())
    return dialog


def test_the_export_dialog_remembers_format_path_and_statuses(qtbot, window, tmp_path):
    export_once(qtbot, window, tmp_path / "out.jsonl", "jsonl")
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_E, CTRL)
    again = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    assert again.fmt() == "jsonl"
    assert again.path_edit.text() == str(tmp_path / "out.jsonl")
    assert {s for s, box in again.status_boxes.items() if box.isChecked()} == {"pending", "confirmed", "corrected"}
    again.reject()


def test_counts_read_one_figure(qtbot, window):
    table = window.metrics.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Return, CTRL)  # one row selected
    assert window.statusBar().currentMessage() == "confirm: 1 figure (one undo step)."


def test_the_report_filter_matches_every_word(qtbot, window):
    box = window.report_list.filter_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    type_chinese(box, "酉阳")
    qtbot.keyClicks(box, " 2023")
    proxy = window.report_list.proxy
    assert proxy.rowCount() == 1
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "4")  # 酉阳 2024: no such report
    assert proxy.rowCount() == 0
