"""The window fits a 1366×768 screen with the figure status in sight, and remembers its
geometry (issue 13.11)."""
from __future__ import annotations

from PySide6.QtCore import QRect, QTimer, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from review_fixtures import (  # noqa: F401
    chinese, figure_on_disk, open_window, seeded_db, seeded_template, temp_settings, window,
)

from app.gui.metrics_model import Column

SMALL_SCREEN = QRect(0, 0, 1366, 768)


def status_cell_in_sight(window) -> bool:
    table = window.metrics.table
    index = table.currentIndex().siblingAtColumn(Column.STATUS)
    rect = table.visualRect(index)
    return rect.width() > 40 and table.viewport().rect().contains(rect)


def reject_with_reason(qtbot, window, reason: str) -> int:
    table = window.metrics.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    figure_id = window.metrics.current_figure_id()

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        dialog.findChild(QLineEdit).setText(reason)
        dialog.accept()
    QTimer.singleShot(0, answer)
    qtbot.keyClick(table, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: figure_on_disk(window.store.path, figure_id)["status"] == "rejected")
    window.metrics.select_figure(figure_id)
    return figure_id


def check_small_screen(qtbot, window):
    window.fit_into(SMALL_SCREEN)
    qtbot.waitUntil(lambda: window.width() <= SMALL_SCREEN.width())
    assert SMALL_SCREEN.contains(window.geometry())
    assert status_cell_in_sight(window)
    reject_with_reason(qtbot, window, "page number")
    cell = window.metrics.table.currentIndex().siblingAtColumn(Column.STATUS)
    assert "page number" in cell.data()  # the reason in sight, not only in a tooltip


def test_small_screen_shows_status_and_reason(qtbot, window):
    check_small_screen(qtbot, window)


def test_small_screen_in_chinese(chinese, qtbot, seeded_db):
    window = open_window(qtbot, seeded_db)
    check_small_screen(qtbot, window)
    window.close()


def test_geometry_is_remembered(qtbot, seeded_db, tmp_path):
    from app.gui.main_window import MainWindow
    from app.store.database import open_store
    settings = temp_settings(tmp_path)
    first = open_window(qtbot, seeded_db, settings)
    first.resize(1340, 700)
    qtbot.waitUntil(lambda: first.width() == 1340)
    first.close()
    store = open_store(str(seeded_db), create=False)  # as the program starts, without the tests' resize
    store.acquire_app_lock()
    second = MainWindow(store, settings)
    qtbot.addWidget(second)
    # the height as left (a fresh window would take the screen's); restoreGeometry keeps the width
    # inside the 800-pixel offscreen screen
    assert second.height() == 700 and second.screen().availableGeometry().contains(second.geometry())
    second.close()
    third = MainWindow(open_store(str(tmp_path / "other.sqlite")), temp_settings(tmp_path / "fresh"))
    qtbot.addWidget(third)
    assert third.height() != 700
    third.close()


def test_switching_reports_never_moves_the_panes(qtbot, window):
    """The reports hold different numbers of figures (one digit or two in the table's row
    numbers, "9 figures" or "60 figures" under it): the panes' widths must stay where they are,
    or the report list jumps sideways with every report opened."""
    from PySide6.QtWidgets import QSplitter
    window.fit_into(SMALL_SCREEN)
    qtbot.waitUntil(lambda: window.width() <= SMALL_SCREEN.width())
    from app.core.extract import extract
    from app.core.model import Decoded
    text = "某县司法局2024年法治政府建设情况报告\n一、主要工作\n办理行政复议案件3件，培训2次，审查文件5件。\n"
    window.store.add_report("small.txt", text.encode("utf-8"), Decoded(text, "utf-8", 1.0), extract(text))
    window.report_list.reload()
    splitters = window.findChildren(QSplitter)
    ids = window.store.report_ids()
    counts = {len(window.store.figures(report_id)) for report_id in ids}
    assert min(counts) < 10 <= max(counts)

    def settled_sizes():
        QApplication.processEvents()
        return [splitter.sizes() for splitter in splitters]
    window.controller.open_report(ids[0])
    before = settled_sizes()
    for report_id in [*ids[1:], ids[0], *ids[1:]]:
        window.controller.open_report(report_id)
        qtbot.waitUntil(lambda: window.metrics.model.rowCount() == len(window.store.figures(report_id)))
        assert settled_sizes() == before, report_id
