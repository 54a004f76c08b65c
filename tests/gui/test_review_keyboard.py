"""The reviewer's keyboard work on the real window over a seeded database.

Each test presses keys as a reviewer would and then reads the database file through its
own connection: the figure's new state and the audit row that records it.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit

from review_fixtures import (  # noqa: F401
    audit_rows, correct_value_by_keyboard, figure_on_disk, open_window, press_return_to_commit, seeded_db,
    seeded_template, window,
)

from app.gui.actions import ActionId
from app.gui.metrics_model import Column
from app.gui.report_list import ReportColumn

NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focus_table(qtbot, window):
    table = window.metrics.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    return table


def db_path(window):
    return window.store.path


def when_dialog_opens(callback):
    """Answer the next modal dialog (opened by the key press that follows).

    The dialog is always closed, even when a check inside the callback fails, so a failing
    test reports its error instead of hanging on a modal dialog.
    """
    failures = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        try:
            callback(dialog)
        except Exception as error:  # re-raised by the test through the returned list
            failures.append(error)
            dialog.reject()
    QTimer.singleShot(0, answer)
    return failures


def type_chinese(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_confirm_and_reject_move_on_and_are_on_disk(qtbot, window):
    table = focus_table(qtbot, window)
    first = window.metrics.current_figure_id()
    qtbot.keyClick(table, Qt.Key.Key_C)
    second = window.metrics.current_figure_id()
    assert second != first
    qtbot.keyClick(table, Qt.Key.Key_X)
    third = window.metrics.current_figure_id()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    path = db_path(window)
    assert figure_on_disk(path, first)["status"] == "confirmed"
    assert figure_on_disk(path, second)["status"] == "rejected"
    assert figure_on_disk(path, third)["status"] == "confirmed"
    assert {row["figure_id"] for row in audit_rows(path, "confirm")} == {first, third}
    assert [row["figure_id"] for row in audit_rows(path, "reject")] == [second]
    # the list shows the new progress of the report
    report_row = window.report_list.view.currentIndex().siblingAtColumn(ReportColumn.PROGRESS)
    assert report_row.data().split()[-1].startswith("3/")


def test_reject_with_reason(qtbot, window):
    table = focus_table(qtbot, window)
    figure_id = window.metrics.current_figure_id()

    def give_reason(dialog):
        dialog.findChild(QLineEdit).setText("page number")
        dialog.accept()
    failures = when_dialog_opens(give_reason)
    qtbot.keyClick(table, Qt.Key.Key_X, SHIFT)
    assert failures == []
    stored = figure_on_disk(db_path(window), figure_id)
    assert stored["status"] == "rejected" and stored["reject_reason"] == "page number"


def test_correct_value_with_keyboard_keeps_extracted_value(qtbot, window):
    table = focus_table(qtbot, window)
    figure_id = window.metrics.current_figure_id()
    before = figure_on_disk(db_path(window), figure_id)
    correct_value_by_keyboard(qtbot, table, "1234.5")
    after = figure_on_disk(db_path(window), figure_id)
    assert after["value"] == 1234.5 and after["status"] == "corrected"
    assert after["x_value"] == before["x_value"]
    fields = {row["field"] for row in audit_rows(db_path(window), "correct") if row["figure_id"] == figure_id}
    assert "value" in fields


def test_row_marks_arriving_while_typing_keep_what_is_typed(qtbot, window):
    """The checks' context arrives from a worker at any moment and marks rows (dataChanged over
    the whole table): the value being typed must survive it and be written on Return."""
    table = focus_table(qtbot, window)
    figure_id = window.metrics.current_figure_id()
    qtbot.keyClick(table, Qt.Key.Key_E)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "1234.5")
    window.metrics.model.set_flags({figure_id: ["a finding of the context just read"]})
    assert editor.text() == "1234.5"
    press_return_to_commit(qtbot, table, editor)
    assert figure_on_disk(db_path(window), figure_id)["value"] == 1234.5


def test_invalid_value_is_refused_and_explained(qtbot, window):
    model = window.metrics.model
    row = model.row_of(window.metrics.current_figure_id())
    with qtbot.waitSignal(model.write_failed):
        assert not model.setData(model.index(row, Column.VALUE), "twelve")
    assert audit_rows(db_path(window), "correct") == []


def test_chinese_label_typed_through_an_input_method(qtbot, window):
    table = focus_table(qtbot, window)
    figure_id = window.metrics.current_figure_id()
    index = table.currentIndex().siblingAtColumn(Column.LABEL)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_chinese(editor, "查处违法案件")
    press_return_to_commit(qtbot, table, editor)
    assert figure_on_disk(db_path(window), figure_id)["label"] == "查处违法案件"


def test_bulk_confirm_is_one_undo_step(qtbot, window):
    table = focus_table(qtbot, window)
    ids = window.metrics.visible_figure_ids()[:3]
    table.selectRow(0)
    table.selectionModel().select(
        table.model().index(1, 0), table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows)
    table.selectionModel().select(
        table.model().index(2, 0), table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows)
    qtbot.keyClick(table, Qt.Key.Key_Return, CTRL)
    path = db_path(window)
    assert [figure_on_disk(path, i)["status"] for i in ids] == ["confirmed"] * 3
    assert len({row["group_id"] for row in audit_rows(path, "confirm")}) == 1
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert [figure_on_disk(path, i)["status"] for i in ids] == ["pending"] * 3
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [figure_on_disk(path, i)["status"] for i in ids] == ["confirmed"] * 3


def test_confirm_all_above_a_confidence(qtbot, window):
    table = focus_table(qtbot, window)
    report_id = window.controller.report_id
    figures = window.store.figures(report_id)
    expected = {f.id for f in figures if f.status == "pending" and f.confidence >= 0.5}

    def threshold(dialog):
        dialog.setDoubleValue(0.5)
        dialog.accept()
    failures = when_dialog_opens(threshold)
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL | SHIFT)
    assert failures == []
    confirmed = {f.id for f in window.store.figures(report_id) if f.status == "confirmed"}
    assert confirmed == expected and expected


def test_undo_and_redo_survive_reopening(qtbot, seeded_db):
    first = open_window(qtbot, seeded_db)
    table = focus_table(qtbot, first)
    figure_id = first.metrics.current_figure_id()
    qtbot.keyClick(table, Qt.Key.Key_C)
    first.close()
    assert figure_on_disk(seeded_db, figure_id)["status"] == "confirmed"

    second = open_window(qtbot, seeded_db)
    table = focus_table(qtbot, second)
    assert second.registry.action(ActionId.UNDO).isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert figure_on_disk(seeded_db, figure_id)["status"] == "pending"
    assert second.metrics.current_figure_id() == figure_id
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert figure_on_disk(seeded_db, figure_id)["status"] == "confirmed"
    second.close()


def test_headline_toggle(qtbot, window):
    table = focus_table(qtbot, window)
    figure_id = window.metrics.current_figure_id()
    qtbot.keyClick(table, Qt.Key.Key_H)
    assert figure_on_disk(db_path(window), figure_id)["headline"] == 1
    assert audit_rows(db_path(window), "headline")
    qtbot.keyClick(table, Qt.Key.Key_H)
    assert figure_on_disk(db_path(window), figure_id)["headline"] == 0


def test_add_figure_from_a_text_selection(qtbot, window):
    view = window.text_pane.view
    match = re.search(r"\d+(次|件|项|家|份|人次)", view.toPlainText())
    cursor = view.textCursor()
    cursor.setPosition(match.start())
    cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)

    def complete(dialog):
        assert dialog.value_edit.text() == match.group(0)[:-len(match.group(1))]  # pre-filled by the parser
        assert dialog.unit_edit.text() == match.group(1)
        dialog.indicator_combo.setCurrentIndex(dialog.indicator_combo.findData("study_sessions"))
        dialog.accept()
    failures = when_dialog_opens(complete)
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert failures == []
    added = audit_rows(db_path(window), "add")
    assert len(added) == 1
    stored = figure_on_disk(db_path(window), added[0]["figure_id"])
    assert stored["status"] == "added" and stored["indicator"] == "study_sessions"
    assert (stored["start"], stored["end"]) == match.span()
    assert window.metrics.current_figure_id() == added[0]["figure_id"]


def test_single_keys_do_nothing_while_typing_in_a_box(qtbot, window):
    before = window.store.progress()
    box = window.report_list.filter_box
    box.setFocus()
    qtbot.keyClicks(box, "cxh")
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_F, CTRL)
    find = window.text_pane.find_bar.field
    qtbot.waitUntil(find.hasFocus)
    qtbot.keyClicks(find, "c n")
    assert window.store.progress() == before
    assert audit_rows(db_path(window)) == []


def test_next_pending_moves_across_reports(qtbot, window):
    table = focus_table(qtbot, window)
    start_report = window.controller.report_id
    pending = [f.id for f in window.store.figures(start_report) if f.status == "pending"]
    window.store.confirm(pending)  # everything here reviewed: N must leave the report
    window.controller.open_report(start_report)
    table = focus_table(qtbot, window)
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert window.controller.report_id != start_report
    current = window.store.figure(window.metrics.current_figure_id())
    assert current.status == "pending" and current.report_id == window.controller.report_id
