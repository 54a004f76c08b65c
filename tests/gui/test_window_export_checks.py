"""The window's export dialog and consistency checks, driven like a reviewer would."""
from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from review_fixtures import audit_rows, open_window, seeded_db, seeded_template  # noqa: F401

from app.core.checks import RULE_NAMES
from app.gui.actions import ActionId
from app.gui.export_dialog import ExportDialog
from app.gui.findings_panel import Column as FindingColumn
from app.gui.metrics_model import Column
from app.gui.roles import Role
from app.gui.tasks import TaskRunner

SEED_WITH_BREAKDOWN = "003_fc9581fd91370635.txt"
BREAKDOWN_SUM = RULE_NAMES["breakdown_sum"]  # as the checks pane names the rule


@pytest.fixture
def window(qtbot, seeded_db, monkeypatch):  # noqa: F811
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    win = open_window(qtbot, seeded_db)
    yield win
    win.close()


def open_seed(window, file_name: str) -> int:
    report_id = next(s.id for s in window.store.list_reports() if s.file_name == file_name)
    window.controller.open_report(report_id)
    return report_id


def confirm_two(qtbot, window) -> None:
    table = window.metrics.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C)
    qtbot.keyClick(table, Qt.Key.Key_C)


def open_export_dialog(window) -> ExportDialog:
    window.registry.action(ActionId.EXPORT).trigger()
    shown = [d for d in window.findChildren(ExportDialog) if d.isVisible()]  # a closed one awaits deletion
    assert len(shown) == 1
    return shown[0]


def test_file_export_opens_the_dialog_and_writes_the_confirmed_figures(qtbot, window, tmp_path):
    confirm_two(qtbot, window)
    confirmed = sorted(f.raw for f in window.store.figures(window.controller.report_id) if f.status == "confirmed")
    assert len(confirmed) == 2
    export_action = window.registry.action(ActionId.EXPORT)
    assert export_action.shortcut().toString() == "Ctrl+E"
    assert export_action in window.menuBar().actions()[0].menu().actions()
    dialog = open_export_dialog(window)
    out = tmp_path / "dataset.csv"
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2
    assert {row["status"] for row in rows} == {"confirmed"}
    assert sorted(row["raw"] for row in rows) == confirmed
    assert "Exported 2 rows" in window.statusBar().currentMessage()


def test_export_offers_the_selected_reports_and_the_filtered_figures(qtbot, window):
    dialog = open_export_dialog(window)
    assert dialog.selected_report_ids == [window.controller.report_id]
    assert dialog.filtered_figure_ids is None  # no table filter active
    assert not dialog.scope_buttons["filter"].isEnabled()
    dialog.close()
    window.metrics.status_filter.setCurrentIndex(window.metrics.status_filter.findData("pending"))
    shown = window.metrics.visible_figure_ids()
    dialog = open_export_dialog(window)
    assert dialog.filtered_figure_ids == shown and shown
    assert dialog.scope_buttons["filter"].isEnabled()
    dialog.close()


def breakdown_row(window) -> int:
    panel = window.checks_box.panel
    model = panel.table.model()
    rules = [model.index(row, FindingColumn.RULE).data() for row in range(model.rowCount())]
    assert BREAKDOWN_SUM in rules
    return rules.index(BREAKDOWN_SUM)


def test_checks_list_a_breakdown_that_does_not_add_up_and_mark_its_rows(qtbot, window):
    open_seed(window, SEED_WITH_BREAKDOWN)
    panel = window.checks_box.panel
    row = breakdown_row(window)
    finding = panel.model.rows[panel.proxy.mapToSource(panel.table.model().index(row, 0)).row()]
    metrics = window.metrics.model
    flagged = [f.id for f in metrics.figures() if metrics.index(metrics.row_of(f.id), 0).data(Role.FLAGGED)]
    assert set(finding.figure_ids) <= set(flagged)
    first = metrics.index(metrics.row_of(finding.figure_ids[0]), Column.LABEL)
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert finding.message in first.data(Qt.ItemDataRole.ToolTipRole)
    assert "open" in window.checks_box.title()

    panel.table.setCurrentIndex(panel.table.model().index(row, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    target = window.store.figure(finding.figure_ids[0])
    assert window.metrics.current_figure_id() == target.id
    cursor = window.text_pane.view.textCursor()
    assert target.start <= cursor.position() <= target.end


def test_dismissing_a_finding_with_a_note_is_written_with_its_audit_row(qtbot, window, seeded_db):  # noqa: F811
    report_id = open_seed(window, SEED_WITH_BREAKDOWN)
    panel = window.checks_box.panel
    panel.table.setCurrentIndex(panel.table.model().index(breakdown_row(window), 0))
    finding_id = panel.current_finding().id
    panel.note_edit.setText("来源原文如此")
    panel.dismiss_button.click()

    connection = sqlite3.connect(str(seeded_db))
    try:
        dismissed, note = connection.execute(
            "SELECT dismissed, note FROM findings WHERE report_id = ? AND rule = 'breakdown_sum'",
            (report_id,)).fetchone()
    finally:
        connection.close()
    assert (dismissed, note) == (1, "来源原文如此")
    audit = audit_rows(seeded_db, "dismiss_finding")
    assert len(audit) == 1 and json.loads(audit[0]["new"])["note"] == "来源原文如此"
    assert audit[0]["report_id"] == report_id and json.loads(audit[0]["old"])["id"] == finding_id
    rules = [panel.table.model().index(r, FindingColumn.RULE).data() for r in range(panel.table.model().rowCount())]
    assert BREAKDOWN_SUM not in rules  # dismissed findings are hidden

    confirm_two(qtbot, window)  # a review edit re-runs the checks: the dismissal stays
    panel.show_dismissed.setChecked(True)
    assert "breakdown_sum" in [panel.model.rows[i].rule for i in range(len(panel.model.rows))
                               if panel.model.rows[i].dismissed]


def test_a_correction_that_makes_the_parts_add_up_clears_the_finding(qtbot, window):
    open_seed(window, SEED_WITH_BREAKDOWN)
    panel = window.checks_box.panel
    row = breakdown_row(window)
    finding = panel.model.rows[panel.proxy.mapToSource(panel.table.model().index(row, 0)).row()]
    total_id = max(finding.figure_ids, key=lambda i: window.store.figure(i).value)
    parts = sum(window.store.figure(i).value for i in finding.figure_ids if i != total_id)
    model = window.metrics.model
    assert model.setData(model.index(model.row_of(total_id), Column.VALUE), str(int(parts)))
    rules = [r.rule for r in panel.model.rows if not r.dismissed]
    assert "breakdown_sum" not in rules


def test_run_checks_on_all_reports(qtbot, window):
    window.registry.action(ActionId.RUN_ALL_CHECKS).trigger()
    connection = sqlite3.connect(str(window.store.path))
    try:
        checked = {row[0] for row in connection.execute("SELECT DISTINCT report_id FROM findings")}
    finally:
        connection.close()
    assert len(checked) >= 2  # more than the open report
    assert "Checks done" in window.statusBar().currentMessage()
