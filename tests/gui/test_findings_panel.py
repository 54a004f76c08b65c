"""The findings panel: lists a report's findings, jumps to their figures, asks for dismissals."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.gui.findings_panel import Column, FindingsPanel
from app.store.findings import FindingRow


@pytest.fixture
def panel(qtbot):
    widget = FindingsPanel(None)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_findings([
        FindingRow(1, 7, "breakdown_sum", "The parts do not add up to the total", [28, 33, 35], "warning", False, None),
        FindingRow(2, 7, "conflicting_values", "inspections is stated with different values", [19, 21],
                   "info", True, "different activities"),
    ], {28: "105件", 33: "18件"})
    return widget


def cell(panel, row, column):
    return panel.table.model().index(row, column).data()


def test_shows_open_findings_with_their_figures(panel):
    assert panel.table.model().rowCount() == 1  # the dismissed one is hidden
    assert cell(panel, 0, Column.RULE) == "Parts do not add up"
    assert cell(panel, 0, Column.MESSAGE).startswith("The parts")
    assert cell(panel, 0, Column.FIGURES) == "105件, 18件, #35"
    assert panel.flagged_figure_ids() == {28, 33, 35}
    panel.show_dismissed.setChecked(True)
    assert panel.table.model().rowCount() == 2
    assert cell(panel, 1, Column.NOTE) == "different activities"


def test_activating_a_finding_jumps_to_its_first_figure(panel, qtbot):
    panel.table.setCurrentIndex(panel.table.model().index(0, 0))
    with qtbot.waitSignal(panel.figure_activated) as signal:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert signal.args == [28]


def test_dismiss_sends_the_note(panel, qtbot):
    panel.table.setCurrentIndex(panel.table.model().index(0, 0))
    panel.note_edit.setText("source error")
    with qtbot.waitSignal(panel.dismiss_requested) as signal:
        panel.dismiss_button.click()
    assert signal.args == [1, "source error"]
    assert panel.note_edit.text() == ""


def test_nothing_to_dismiss_without_an_open_finding(panel):
    panel.show_dismissed.setChecked(True)
    panel.table.setCurrentIndex(panel.table.model().index(1, 0))
    assert not panel.dismiss_button.isEnabled()  # already dismissed
    panel.set_findings([])
    assert panel.table.model().rowCount() == 0 and not panel.dismiss_button.isEnabled()
