"""The Chinese interface shows indicators by their codebook names, never ids (issue 13.10):
the table, its filter, Add Figure, the charts and the check messages, which are translated
from the message key and args the database keeps (a migration converts older databases)."""
from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTableView

from review_fixtures import chinese, open_window  # noqa: F401
from test_reencoded_duplicates import SEED, v1_database
from test_typed_values import answer_dialog

from app.core import decode
from app.core.codebook import indicator, indicator_ids
from app.gui.findings_panel import Column as FindingColumn
from app.gui.metrics_model import Column
from app.gui.tasks import TaskRunner
from app.store.database import open_store
from app.store.importer import import_paths

REPORT = ("某市市场监督管理局2023年法治政府建设情况报告\n\n一、主要举措\n"
          "全年发放宣传资料3000份。开展普法活动，发放宣传资料5000份。查处案件12件、15件、9件。\n")
ID = re.compile("|".join(sorted(indicator_ids(), key=len, reverse=True)))
NAME = indicator("publicity_materials").name_zh


@pytest.fixture
def window(chinese, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    source = tmp_path / "某市市场监督管理局2023.txt"
    source.write_text(REPORT, encoding="utf-8")
    path = tmp_path / "names.sqlite"
    with open_store(str(path)) as store:
        import_paths(store, [str(source)])
    win = open_window(qtbot, path)
    yield win
    win.close()


def test_table_filter_and_charts_show_names_with_the_id_in_a_tooltip(qtbot, window):
    table = window.metrics.table
    cell = next(table.model().index(r, Column.INDICATOR) for r in range(table.model().rowCount())
                if table.model().index(r, Column.LABEL).data() == "发放宣传资料")
    assert cell.data() == NAME
    assert "publicity_materials" in cell.data(Qt.ItemDataRole.ToolTipRole)
    combos = (window.metrics.indicator_filter, window.charts.overview.indicator_combo)
    for combo in combos:
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert any(text.startswith(NAME) for text in texts)
        assert not any(ID.search(text) for text in texts)


def test_check_messages_name_the_indicator(qtbot, window):
    findings = window.findChild(QTableView, "findings_table").model()
    messages = [findings.index(r, FindingColumn.MESSAGE).data() for r in range(findings.rowCount())]
    conflict = next(m for m in messages if "3000份" in m)
    assert conflict.startswith(NAME) and not ID.search(conflict)


def test_add_figure_offers_names(qtbot, window):
    view = window.text_pane.view
    start = view.toPlainText().index("3000份")
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + 5, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    seen = {}

    def look(dialog):
        seen["combo"] = dialog.indicator_combo.currentText()
        seen["understood"] = dialog.understood_label.text()
        dialog.reject()
    failures = answer_dialog(look)
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert failures == []
    assert seen["combo"].startswith(NAME) and NAME in seen["understood"]


def test_bulk_decision_says_so_in_chinese(qtbot, window):
    table = window.metrics.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectAll()
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert message.startswith("确认") and not re.search(r"[A-Za-z]{2,}", message)


def test_an_old_databases_english_messages_are_converted_and_shown_in_chinese(chinese, qtbot, tmp_path):
    path = tmp_path / "old.sqlite"
    warning = decode.MESSAGES["low_confidence"].format(encoding="GB18030", confidence="0.41")
    v1_database(path, REPORT, decode_warning=warning,
                finding=("conflicting_values", "publicity_materials is stated with different values: 3000份, 5000份."))
    with open_store(str(path), create=False) as store:
        row = store.conn.execute("SELECT message_key, message_args FROM findings").fetchone()
        assert row[0] == "conflicting_values" and "publicity_materials" in row[1]
        report = store.report(1)
        assert report.decode_warning_key == "decode:low_confidence" and "0.41" in report.decode_warning_args
    win = open_window(qtbot, path)
    banner = win.metadata.warning_banner.text()
    assert "GB18030" in banner and "0.41" in banner and not re.search(r"[a-z]{3,}", banner)
    win.close()


def test_decode_warnings_of_new_imports_keep_their_key(tmp_path):
    source = tmp_path / "lossy.txt"  # a UTF-8 BOM, then bytes UTF-8 cannot read
    source.write_bytes(b"\xef\xbb\xbf" + REPORT.encode("utf-8") + b"\xff\xfe\xfd")
    with open_store(str(tmp_path / "w.sqlite")) as store:
        import_paths(store, [str(source)])
        report = store.report(store.report_ids()[0])
    assert report.decode_warning_key == "decode:lossy"
    assert report.decode_warning == decode.MESSAGES["lossy"].format(**json.loads(report.decode_warning_args))
