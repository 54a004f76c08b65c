"""The Previous year column shows last year's figure that states the same thing, or nothing
(issue 13.3): the reviewer walks the figures of this year's report with J."""
from __future__ import annotations

from PySide6.QtCore import Qt

from review_fixtures import open_window
from test_year_match import LAST_YEAR, THIS_YEAR, add_report

from app.gui.metrics_model import Column


def test_walking_the_table_shows_only_matching_previous_values(qtbot, tmp_path):
    from app.store.database import open_store
    path = tmp_path / "years.sqlite"
    store = open_store(str(path))
    add_report(store, 2023, LAST_YEAR)
    this_year = add_report(store, 2024, THIS_YEAR)
    store.close()
    window = open_window(qtbot, path)
    window.controller.open_report(this_year)
    table = window.metrics.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(table.model().index(0, Column.LABEL))
    seen = {}
    for _ in range(table.model().rowCount()):
        row = table.currentIndex().row()
        label = table.model().index(row, Column.LABEL).data()
        seen[label] = table.model().index(row, Column.PREVIOUS).data()
        qtbot.keyClick(table, Qt.Key.Key_J)
    assert seen == {"罚款": "40000 元", "罚没金额": "1276000 元", "制作宣传展板": "",
                    "发放宣传资料": "3000 份", "开展执法检查": ""}
    window.close()
