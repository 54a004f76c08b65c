"""The window as a whole: what it shows on a seeded database and how the panes work together."""
from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from conftest import SEED_COUNT

from review_fixtures import (  # noqa: F401
    ROOT, audit_rows, temp_settings, open_window, seeded_db, seeded_template, window,
)

from conftest import SEEDS
from app.gui.actions import ActionId, specs
from app.gui.help_dialog import HelpDialog
from app.gui.report_list import ReportColumn
from app.gui.roles import Role
from app.gui.text_view import ReportTextView


def select_report_row(qtbot, window, row: int) -> int:
    view = window.report_list.view
    index = view.model().index(row, ReportColumn.AGENCY)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    return index.data(Role.REPORT_ID)


def test_window_shows_list_text_and_table(qtbot, window):
    store = window.store
    assert window.report_list.proxy.rowCount() == store.report_count() == SEED_COUNT
    report_id = window.controller.report_id
    report, figures = store.report(report_id), store.figures(report_id)
    assert window.text_pane.view.toPlainText() == report.text
    assert window.metrics.model.rowCount() == len(figures) > 0
    assert len(window.text_pane.view.extraSelections()) >= len(figures)
    assert window.outline.topLevelItemCount() > 0
    assert window.metadata.agency_edit.text() == (report.agency or "")
    assert not window.grab().isNull()


def test_text_is_plain_never_html(qtbot):
    view = ReportTextView()
    qtbot.addWidget(view)
    text = "<b>加粗</b> &amp; 共6次"
    view.set_report(text, [], [])
    assert view.toPlainText() == text


def test_selecting_a_row_shows_its_span_and_clicking_a_figure_selects_its_row(qtbot, window):
    model, view = window.metrics.model, window.text_pane.view
    target = model.figure_at(model.rowCount() - 1)
    window.metrics.select_figure(target.id)
    assert target.start <= view.textCursor().position() <= target.end
    window.metrics.select_figure(model.figure_at(0).id)
    cursor = QTextCursor(view.document())
    cursor.setPosition(target.start + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.metrics.current_figure_id() == target.id


def test_switching_reports_and_reopening_on_the_last_one(qtbot, seeded_db):
    first = open_window(qtbot, seeded_db)
    shown = first.controller.report_id
    row = next(r for r in range(first.report_list.proxy.rowCount())
               if first.report_list.proxy.index(r, 0).data(Role.REPORT_ID) != shown)
    chosen = select_report_row(qtbot, first, row)
    assert first.controller.report_id == chosen
    assert first.text_pane.view.toPlainText() == first.store.report(chosen).text
    assert all(f.report_id == chosen for f in first.metrics.model.figures())
    first.close()
    second = open_window(qtbot, seeded_db)
    assert second.controller.report_id == chosen
    second.close()


def test_filters_narrow_the_list_and_the_table(qtbot, window):
    summaries = window.store.list_reports()
    target = summaries[-1]
    window.report_list.filter_box.setText(str(target.agency or target.file_name)[:6])
    assert 1 <= window.report_list.proxy.rowCount() < len(summaries)
    window.report_list.filter_box.clear()
    assert window.report_list.proxy.rowCount() == len(summaries)
    table = window.metrics.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C)
    combo = window.metrics.status_filter
    combo.setCurrentIndex(combo.findData("confirmed"))
    assert window.metrics.proxy.rowCount() == 1


def test_metadata_edit_is_saved_with_its_audit_row(qtbot, window):
    from PySide6.QtGui import QInputMethodEvent
    report_id = window.controller.report_id
    edit = window.metadata.agency_edit
    edit.setFocus()
    edit.selectAll()
    event = QInputMethodEvent()
    event.setCommitString("某某市卫生健康委员会")
    QApplication.sendEvent(edit, event)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.store.report(report_id).agency == "某某市卫生健康委员会"
    rows = audit_rows(window.store.path, "metadata")
    assert rows and rows[-1]["report_id"] == report_id
    listed = window.report_list.view.currentIndex().siblingAtColumn(ReportColumn.AGENCY).data()
    assert listed == "某某市卫生健康委员会"
    window.metadata.year_edit.setText("1800")
    window.metadata.year_edit.editingFinished.emit()
    assert window.store.report(report_id).report_year != 1800  # refused, and put back
    assert window.metadata.year_edit.text() != "1800"


def test_outline_jumps_to_a_section(qtbot, window):
    outline = window.outline
    item = outline.topLevelItem(outline.topLevelItemCount() - 1)
    start, end = item.data(0, Qt.ItemDataRole.UserRole + 1)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualItemRect(item).center())
    assert start <= window.text_pane.view.textCursor().position() <= end


def test_every_shortcut_is_in_the_help_dialog_and_the_menus(qtbot, window):
    dialog = HelpDialog(window.registry, window)
    qtbot.addWidget(dialog)
    listed = " ".join(dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount()))
    for action_id, spec in specs().items():
        if spec.shortcuts:
            assert window.registry.action(action_id).shortcut().toString() in listed
    menu_actions = {a for menu in window.menuBar().actions() for a in menu.menu().actions()}
    assert window.registry.action(ActionId.CONFIRM_NEXT) in menu_actions


def test_find_in_text(qtbot, window):
    view = window.text_pane.view
    needle = view.toPlainText()[40:44]
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.text_pane.find_bar.field
    qtbot.waitUntil(field.hasFocus)
    field.setText(needle)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert view.textCursor().selectedText() == needle


def test_first_run_creates_and_seeds_a_database(qtbot, tmp_path, monkeypatch):
    from app.gui import launch
    monkeypatch.setenv("REPORT_REVIEWER_HOME", str(tmp_path))
    settings = temp_settings(tmp_path)
    store = launch._open_start_database(settings)
    try:
        assert store.report_count() == SEED_COUNT
        assert settings.last_database == str(tmp_path / launch.DATABASE_NAME)
        assert settings.recent_databases == [settings.last_database]
    finally:
        store.release_app_lock()
        store.close()


def test_smoke_test_flag_boots_the_window_on_the_seeds():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from app.gui.launch import run_gui; "
                               "raise SystemExit(run_gui(['report-reviewer', '--smoke-test']))"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "smoke test ok" in result.stdout


def test_encoding_override_keeps_reviews_and_is_shown(qtbot, window):
    report_id = window.controller.report_id
    table = window.metrics.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C)
    combo = window.metadata.encoding_combo
    combo.setCurrentIndex(combo.findData("utf-8"))
    combo.activated.emit(combo.currentIndex())
    report = window.store.report(report_id)
    assert report.encoding_overridden
    assert "chosen by hand" in window.metadata.encoding_label.text()
    assert window.text_pane.view.toPlainText() == report.text
    # the review made before the re-read survived it, in the database and in the table
    assert any(f.status == "confirmed" for f in window.store.figures(report_id))
    assert any(f.status == "confirmed" for f in window.metrics.model.figures())


def test_pane_sizes_are_remembered(qtbot, seeded_db):
    from PySide6.QtWidgets import QSplitter
    first = open_window(qtbot, seeded_db)
    splitter = first.findChild(QSplitter, "main_splitter")
    splitter.setSizes([200, 900, 500])
    sizes = splitter.sizes()
    first.close()
    second = open_window(qtbot, seeded_db)
    assert second.findChild(QSplitter, "main_splitter").sizes() == sizes
    second.close()


def test_search_all_opens_the_report_at_the_hit(qtbot, window):
    from app.gui.search_dialog import SearchDialog
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.query_edit.setText("法治")
    dialog.search()
    last = dialog.model.rowCount() - 1
    dialog.results.setCurrentIndex(dialog.model.index(last, 0))
    hit = window.store.search("法治")[last]
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert window.controller.report_id == hit.report_id
    assert hit.start <= window.text_pane.view.textCursor().position() <= hit.end


def test_charts_tab_and_opening_a_report_from_a_bar(qtbot, window):
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.charts
    other = next(rid for rid in window.store.report_ids() if rid != window.controller.report_id)
    window.charts.report_activated.emit(other)
    assert window.tabs.currentIndex() == 0
    assert window.controller.report_id == other



def test_opening_a_report_highlights_its_figures_and_flashes_the_selected_one(qtbot, seeded_db, monkeypatch):
    from app.gui import text_view, theme
    monkeypatch.setattr(text_view, "FLASH_MS", 10 * 60 * 1000)  # the flash stays while a loaded machine looks
    window = open_window(qtbot, seeded_db)
    opened = select_report_row(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.controller.report_id == opened)
    view = window.text_pane.view
    figures = {f.id: f for f in window.store.figures(opened)}
    selected = figures[window.metrics.current_figure_id()]
    flashes = [s for s in view.extraSelections() if s.format.background().color() == theme.FLASH_COLOUR]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in flashes] == [(selected.start, selected.end)]
    assert len(view.extraSelections()) >= len(figures) + 1
    window.close()
