"""What the reviewer types is what is stored: values as the reports write them (issue 13.1)
and Add Figure on a selection that is no figure (13.2), driven from the keyboard."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication

from review_fixtures import figure_on_disk, open_window, seeded_db, seeded_template, window  # noqa: F401

from app.core.numerals import typed_value
from app.gui.delegates import ValueEdit

REPORT = "某区2023年法治政府建设情况报告\n全年无一起安全生产事故发生。查处违法案件12件，罚款3万元。\n"


def type_chinese(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_value_editor(qtbot, window) -> ValueEdit:
    table = window.metrics.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_E)
    editor = QApplication.focusWidget()
    assert isinstance(editor, ValueEdit)
    editor.selectAll()
    return editor


def stored_value(window, figure_id):
    return figure_on_disk(window.store.path, figure_id)["value"]


def test_typed_value_reads_what_reports_write():
    assert typed_value("1.2万") == 12000
    assert typed_value("三百二十") == 320
    assert typed_value("１，２３４") == 1234
    assert typed_value("1,234.5") == 1234.5
    assert typed_value("0.4亿") == 40000000
    assert typed_value("三万二千") == 32000
    assert typed_value("-3") == -3
    for wrong in ("", "twelve", "12,34", "1.2万元", "万", "1e5", "nan", "3 4"):
        assert typed_value(wrong) is None, wrong


def test_wan_typed_in_the_value_editor_is_stored_scaled(qtbot, window):
    figure_id = window.metrics.current_figure_id()
    editor = open_value_editor(qtbot, window)
    qtbot.keyClicks(editor, "1.2")
    type_chinese(editor, "万")
    assert editor.text() == "1.2万"
    assert editor.reading.text() == "= 12000"  # what will be stored, before Return
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_value(window, figure_id) == 12000)
    assert figure_on_disk(window.store.path, figure_id)["status"] == "corrected"


def test_chinese_numerals_and_full_width_digits(qtbot, window):
    figure_id = window.metrics.current_figure_id()
    editor = open_value_editor(qtbot, window)
    type_chinese(editor, "三百二十")
    assert editor.reading.text() == "= 320"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_value(window, figure_id) == 320)
    editor = open_value_editor(qtbot, window)
    type_chinese(editor, "１，２３４")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_value(window, figure_id) == 1234)


def test_what_does_not_parse_is_refused_visibly(qtbot, window):
    figure_id = window.metrics.current_figure_id()
    before = stored_value(window, figure_id)
    editor = open_value_editor(qtbot, window)
    qtbot.keyClicks(editor, "12,34")
    assert editor.text() == "12,34"  # no keystroke dropped
    assert editor.reading.text() == "not a number"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.metrics.table.state() == QAbstractItemView.State.EditingState  # Return refused
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert stored_value(window, figure_id) == before


# --- Add Figure ---------------------------------------------------------------------------
def report_db(tmp_path):
    from app.store.database import open_store
    from app.store.importer import import_paths
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    path = tmp_path / "one.sqlite"
    store = open_store(str(path))
    import_paths(store, [str(source)])
    store.close()
    return path


def select_in_text(qtbot, window, fragment: str):
    view = window.text_pane.view
    start = view.toPlainText().index(fragment)
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(fragment), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return view


def answer_dialog(callback):
    failures = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        try:
            callback(dialog)
        except Exception as error:
            failures.append(error)
            dialog.reject()
    QTimer.singleShot(0, answer)
    return failures


def added_figures(window):
    return [f for f in window.store.figures(window.controller.report_id) if f.status == "added"]


def test_add_figure_from_a_negation_prefills_nothing_wrong(qtbot, tmp_path):
    window = open_window(qtbot, report_db(tmp_path))
    view = select_in_text(qtbot, window, "无一起安全生产事故")

    def complete(dialog):
        assert dialog.value_edit.text() == "" and dialog.label_edit.text() == ""
        assert "No figure" in dialog.understood_label.text()
        assert dialog.focusWidget() is dialog.value_edit  # the reviewer types the value first
        qtbot.keyClicks(dialog.value_edit, "0")
        type_chinese(dialog.unit_edit, "起")
        type_chinese(dialog.label_edit, "无安全生产事故")
        qtbot.keyClick(dialog.value_edit, Qt.Key.Key_Return)
    failures = answer_dialog(complete)
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert failures == []
    qtbot.waitUntil(lambda: len(added_figures(window)) == 1)
    [added] = added_figures(window)
    assert (added.value, added.unit, added.label) == (0, "起", "无安全生产事故")
    window.close()


def test_add_figure_shows_what_it_understood_and_reads_wan(qtbot, tmp_path):
    window = open_window(qtbot, report_db(tmp_path))
    view = select_in_text(qtbot, window, "查处违法案件12件")

    def complete(dialog):
        understood = dialog.understood_label.text()
        assert "12 件" in understood and "cases_filed" not in understood  # a name, not the id
        dialog.value_edit.selectAll()
        qtbot.keyClicks(dialog.value_edit, "1.2")
        type_chinese(dialog.value_edit, "万")
        assert dialog.value_edit.reading.text() == "= 12000"
        qtbot.keyClick(dialog.value_edit, Qt.Key.Key_Return)
    failures = answer_dialog(complete)
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert failures == []
    qtbot.waitUntil(lambda: len(added_figures(window)) == 1)
    assert added_figures(window)[0].value == 12000
    window.close()
