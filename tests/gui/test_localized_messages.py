"""In the Chinese interface, check findings and the undo step read in Chinese, not in the
English the core and the store produce (and keep for the CLI, exports and the database)."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from review_fixtures import chinese, correct_value_by_keyboard, open_window  # noqa: F401

from app.core.checks import MESSAGES, RULE_NAMES
from app.gui.actions import ActionId
from app.gui.findings_panel import Column, finding_message, tr
from app.gui.tasks import TaskRunner
from app.store.database import open_store
from app.store.findings import findings
from app.store.importer import import_paths

# 10 + 20 + 5 = 35, not the 50 cases stated
REPORT = "某市卫生健康委员会2023年法治政府建设情况报告\n\n一、主要举措\n全年查处案件50件。其中食品卫生10件，学校卫生20件，职业卫生5件。\n"
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def db_path(tmp_path):
    source = tmp_path / "某市卫生健康委员会2023年法治政府建设情况报告.txt"
    source.write_text(REPORT, encoding="utf-8")
    path = tmp_path / "review.sqlite"
    store = open_store(str(path))
    assert import_paths(store, [str(source)]).imported
    store.close()
    return path


@pytest.fixture
def window(chinese, qtbot, db_path, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    win = open_window(qtbot, db_path)
    win.controller.open_report(win.store.list_reports()[0].id)
    yield win
    win.close()


def findings_table(window) -> QTableView:
    return window.findChild(QTableView, "findings_table")


def rows_shown(window) -> list[tuple[str, str]]:
    model = findings_table(window).model()
    return [(model.index(row, Column.RULE).data(), model.index(row, Column.MESSAGE).data())
            for row in range(model.rowCount())]


def test_checks_pane_shows_the_finding_in_chinese_with_its_numbers(window):
    [(rule, message)] = rows_shown(window)
    assert rule == "分项之和不符"
    assert message == "分项之和小于合计：10 + 20 + 5 = 35件，合计为 查处案件50件。"
    # the database keeps the English message the CLI and exports use
    [stored] = findings(window.store, window.controller.report_id)
    assert stored.message.startswith("The parts do not add up to the total: 10 + 20 + 5 = 35 件")


def test_a_flagged_row_explains_its_finding_in_chinese(window):
    from app.gui.metrics_model import Column as MetricsColumn
    model = window.controller.metrics.model
    row = next(r for r in range(model.rowCount()) if model.figure_at(r).raw == "50件")
    tooltip = model.index(row, MetricsColumn.LABEL).data(Qt.ItemDataRole.ToolTipRole)
    assert "分项之和小于合计" in tooltip and not ENGLISH_WORD.search(tooltip)


def test_after_a_correction_undo_names_it_in_chinese(qtbot, window):
    total = next(f for f in window.store.figures(window.controller.report_id) if f.raw == "50件")
    assert window.metrics.select_figure(total.id)
    table = window.metrics.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    correct_value_by_keyboard(qtbot, table, "35")
    assert rows_shown(window) == []  # the parts add up now

    undo = window.registry.action(ActionId.UNDO)
    assert undo.isEnabled()
    assert "更正" in undo.text() and not ENGLISH_WORD.search(undo.text())
    undo.trigger()
    status = window.statusBar().currentMessage()
    assert status.startswith("已撤销：") and "更正数值" in status and "50件" in status
    assert [rule for rule, _ in rows_shown(window)] == ["分项之和不符"]  # the finding is back, still in Chinese
    redo = window.registry.action(ActionId.REDO)
    assert "更正" in redo.text() and not ENGLISH_WORD.search(redo.text())


def test_every_rule_name_and_message_has_a_chinese_translation(chinese):
    """A check added without a translation would show in English: the panel's lookup must turn each."""
    for name in RULE_NAMES.values():
        assert re.search(r"[\u4e00-\u9fff]", tr(name)), name
    for template in MESSAGES.values():
        assert tr(template) != template, template


def test_a_message_in_a_wording_the_checks_no_longer_use_shows_as_stored(chinese):
    from app.store.findings import FindingRow
    row = FindingRow(1, 1, "breakdown_sum", "The parts do not add up", [1], "warning", False, None)
    assert finding_message(row) == "The parts do not add up"
    row.message_key, row.message_args = "breakdown_sum/under", {"parts": "1 + 2"}  # args of another wording
    assert finding_message(row) == "The parts do not add up"


def test_undo_of_a_metadata_edit_names_the_field_in_chinese(qtbot, window):
    panel = window.findChild(QWidget, "metadata_panel")
    panel.agency_edit.setFocus()
    panel.agency_edit.setText("某市卫生健康委")  # keyClicks types ASCII only
    qtbot.keyClick(panel.agency_edit, Qt.Key.Key_Return)
    undo = window.registry.action(ActionId.UNDO).text()
    assert "修改报告信息" in undo and "机关" in undo and not ENGLISH_WORD.search(undo)
