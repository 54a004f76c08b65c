"""The keyboard across the panes (issue 13.5) and the status bar after undo/redo (13.6)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from review_fixtures import figure_on_disk, open_window, seeded_db, seeded_template, window  # noqa: F401

from app.gui.delegates import ValueEdit

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier


def focused():
    return QApplication.focusWidget()


def test_the_window_starts_on_the_first_pending_figure_and_c_confirms_it(qtbot, window):
    table = window.metrics.table
    qtbot.waitUntil(table.hasFocus)
    first_pending = next(f for f in window.metrics.model.figures() if f.status == "pending")
    assert window.metrics.current_figure_id() == first_pending.id
    qtbot.keyClick(focused(), Qt.Key.Key_C)
    qtbot.waitUntil(lambda: figure_on_disk(window.store.path, first_pending.id)["status"] == "confirmed")
    assert window.report_list.filter_box.text() == ""


def test_tab_walks_the_panes_in_order_without_changing_report(qtbot, window):
    report = window.controller.report_id
    qtbot.keyClick(focused(), Qt.Key.Key_1, ALT)  # jump to the report list
    qtbot.waitUntil(window.report_list.view.hasFocus)
    panes = {window.report_list.view: "list", window.text_pane.view: "text", window.metrics.table: "table",
             window.checks_box.panel.table: "checks"}
    visited = []
    for _ in range(40):  # the whole cycle, filters and metadata fields included
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        pane = panes.get(focused())
        if pane and (not visited or visited[-1] != pane):
            visited.append(pane)
    assert visited[:4] == ["text", "table", "checks", "list"]
    assert window.controller.report_id == report  # Tab never opened another report


def test_a_key_jumps_to_each_pane(qtbot, window):
    for key, widget in ((Qt.Key.Key_2, window.text_pane.view), (Qt.Key.Key_4, window.checks_box.panel.table),
                        (Qt.Key.Key_1, window.report_list.view), (Qt.Key.Key_3, window.metrics.table)):
        qtbot.keyClick(focused(), key, ALT)
        qtbot.waitUntil(widget.hasFocus)


def test_esc_in_a_filter_box_returns_to_the_table(qtbot, window):
    box = window.report_list.filter_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "c")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.metrics.table.hasFocus)
    window.metrics.status_filter.setFocus()
    qtbot.waitUntil(window.metrics.status_filter.hasFocus)
    qtbot.keyClick(window.metrics.status_filter, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.metrics.table.hasFocus)


def correct_current(qtbot, window, text: str) -> int:
    figure_id = window.metrics.current_figure_id()
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_E)
    editor = focused()
    assert isinstance(editor, ValueEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: figure_on_disk(window.store.path, figure_id)["value"] == float(text))
    return figure_id


def test_undo_and_redo_work_from_the_list_and_say_what_they_did(qtbot, window):
    qtbot.waitUntil(window.metrics.table.hasFocus)
    figure = window.store.figure(window.metrics.current_figure_id())
    original = figure.value
    correct_current(qtbot, window, "777")
    file_name = window.store.report(figure.report_id).file_name
    for widget in (window.report_list.view, window.report_list.filter_box):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: figure_on_disk(window.store.path, figure.id)["value"] == original)
        assert window.statusBar().currentMessage() == f"Undone: correct value of {figure.raw} (report {file_name})"
        qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL | SHIFT)
        qtbot.waitUntil(lambda: figure_on_disk(window.store.path, figure.id)["value"] == 777)
        assert window.statusBar().currentMessage() == f"Redone: correct value of {figure.raw} (report {file_name})"


def test_ctrl_z_in_a_cell_editor_undoes_the_typing_only(qtbot, window):
    qtbot.waitUntil(window.metrics.table.hasFocus)
    figure_id = window.metrics.current_figure_id()
    before = figure_on_disk(window.store.path, figure_id)["value"]
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_E)
    editor = focused()
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert window.store.can_undo() is False and figure_on_disk(window.store.path, figure_id)["value"] == before
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
