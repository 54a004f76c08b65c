"""The metrics table shows the same agency's previous-year value beside each figure.

The database holds one agency's reports for 2023 and 2024 and another agency's 2024 report;
the tests click through the report list and the table as a reviewer would.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from review_fixtures import correct_value_by_keyboard, open_window
from store_fixtures import add_sample

from app.gui.metrics_model import Column
from app.gui.report_list import ReportColumn
from app.gui.roles import Role

AGENCY = "某区卫生健康委员会"


@pytest.fixture
def two_years_db(tmp_path) -> Path:
    from app.store.database import open_store
    path = tmp_path / "two_years.sqlite"
    store = open_store(str(path))
    add_sample(store, "2023.txt", agency=AGENCY, year=2023)
    add_sample(store, "2024.txt", agency=AGENCY, year=2024)
    add_sample(store, "other.txt", agency="某县司法局", year=2024)
    store.close()
    return path


@pytest.fixture
def window(qtbot, two_years_db):
    win = open_window(qtbot, two_years_db)
    yield win
    win.close()


def open_report(qtbot, window, file_name: str) -> None:
    """Click the report's row in the list."""
    view = window.report_list.view
    model = view.model()
    row = next(r for r in range(model.rowCount())
               if window.store.report(model.index(r, 0).data(Role.REPORT_ID)).file_name == file_name)
    index = model.index(row, ReportColumn.AGENCY)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert window.store.report(window.controller.report_id).file_name == file_name


def table_row(window, indicator: str) -> int:
    table = window.metrics.table
    return next(r for r in range(table.model().rowCount())
                if window.metrics.model.figure_at(
                    window.metrics.proxy.mapToSource(table.model().index(r, 0)).row()).indicator == indicator)


def previous_cell(window, indicator: str):
    return window.metrics.table.model().index(table_row(window, indicator), Column.PREVIOUS)


def test_this_years_report_shows_last_years_value_beside_the_figure(qtbot, window):
    open_report(qtbot, window, "2024.txt")
    header = window.metrics.table.horizontalHeader()
    assert header.model().headerData(Column.PREVIOUS, Qt.Orientation.Horizontal) == "Previous year"
    assert not header.isSectionHidden(Column.PREVIOUS)
    assert header.visualIndex(Column.PREVIOUS) == header.visualIndex(Column.UNIT) + 1
    fines = previous_cell(window, "fines_yuan")
    assert fines.data() == "35000 元"
    assert fines.siblingAtColumn(Column.VALUE).data() == "35000"
    tooltip = fines.data(Qt.ItemDataRole.ToolTipRole)
    assert "2023" in tooltip and "2023.txt" in tooltip and "pending" in tooltip
    assert previous_cell(window, "inspections").data() == "120 户次"
    assert not fines.flags() & Qt.ItemFlag.ItemIsEditable


def test_a_report_without_a_previous_year_shows_nothing(qtbot, window):
    for file_name in ("2023.txt", "other.txt"):
        open_report(qtbot, window, file_name)
        table = window.metrics.table
        cells = [table.model().index(r, Column.PREVIOUS).data() for r in range(table.model().rowCount())]
        assert cells and set(cells) == {""}


def test_editing_last_years_value_shows_when_this_year_is_reopened(qtbot, window):
    open_report(qtbot, window, "2023.txt")
    table = window.metrics.table
    table.setCurrentIndex(table.model().index(table_row(window, "fines_yuan"), Column.VALUE))
    table.setFocus()
    correct_value_by_keyboard(qtbot, table, "41000")
    open_report(qtbot, window, "2024.txt")
    fines = previous_cell(window, "fines_yuan")
    assert fines.data() == "41000 元"
    assert "corrected" in fines.data(Qt.ItemDataRole.ToolTipRole)


def test_changing_the_reports_year_changes_its_previous_year(qtbot, window):
    open_report(qtbot, window, "2024.txt")
    window.metadata.year_edit.setText("2025")
    window.metadata.year_edit.editingFinished.emit()
    assert previous_cell(window, "fines_yuan").data() == ""  # nothing from 2024 of this agency
    window.controller.undo()
    assert previous_cell(window, "fines_yuan").data() == "35000 元"


def test_a_layout_saved_before_the_column_existed_still_shows_it(qtbot, two_years_db):
    first = open_window(qtbot, two_years_db)
    first.close()  # saves the window layout, which holds no table header state
    second = open_window(qtbot, two_years_db)
    header = second.metrics.table.horizontalHeader()
    assert header.count() == len(Column)
    assert not header.isSectionHidden(Column.PREVIOUS) and header.sectionSize(Column.PREVIOUS) > 0
    second.close()
