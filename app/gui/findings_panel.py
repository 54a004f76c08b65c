"""The consistency-check findings of the current report: a list to jump from and dismiss.

The window feeds it `set_findings(rows, figure_texts)` (FindingRow from app.store.findings,
and optionally figure id -> raw text so the involved figures read as written). Signals out:
`figure_activated(first figure id)` on double-click or Enter, and
`dismiss_requested(finding id, note)` from the Dismiss button with the note typed beside it.
The panel holds no database access; the window calls `dismiss_finding` and refreshes it.
Rules show by their short name and messages in the interface language, made from the
message key and args stored with each finding (indicators by their codebook name); one
without a known key shows as stored.
"""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from app.core.checks import MESSAGES, RULE_NAMES
from app.core.codebook import display_name
from app.gui.i18n import interface_language
from app.gui.roles import Role

INDICATOR_ARGS = frozenset({"indicator", "part_indicator", "whole_indicator"})  # args holding an indicator id
SEVERITY_COLOURS = {"error": QColor("#b00020"), "warning": QColor("#a15c00"), "info": QColor("#44617b")}
DISMISSED_COLOUR = QColor("#888888")


def tr(text: str) -> str:
    return QCoreApplication.translate("findings_panel", text)


def finding_message(row) -> str:
    """A stored finding (FindingRow) in the interface language, from its message key and args;
    indicators by their codebook name. One without a known key shows as stored."""
    template = MESSAGES.get(row.message_key or "")
    if template is None:
        return row.message
    language = interface_language()
    args = {name: display_name(value, language) if name in INDICATOR_ARGS else value
            for name, value in row.message_args.items()}
    try:
        return tr(template).format(**args)
    except (KeyError, IndexError):  # args of another version's wording
        return row.message


class Column(IntEnum):
    SEVERITY = 0
    RULE = 1
    MESSAGE = 2
    FIGURES = 3
    NOTE = 4


HEADERS = {Column.SEVERITY: "Severity", Column.RULE: "Check", Column.MESSAGE: "Finding",
           Column.FIGURES: "Figures", Column.NOTE: "Dismissal note"}


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.figure_texts: dict[int, str] = {}

    def set_rows(self, rows: list, figure_texts: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.figure_texts = dict(figure_texts or {})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[Column(section)])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = DISMISSED_COLOUR if row.dismissed else SEVERITY_COLOURS.get(row.severity)
            return QBrush(colour) if colour and (row.dismissed or column == Column.SEVERITY) else None
        if role == Role.FIGURE_ID:
            return row.figure_ids[0] if row.figure_ids else None
        if role == Role.REPORT_ID:
            return row.report_id
        return None

    def _text(self, row, column: Column) -> str:
        if column == Column.SEVERITY:
            return tr(row.severity) + (" · " + tr("dismissed") if row.dismissed else "")
        if column == Column.RULE:
            return tr(RULE_NAMES.get(row.rule, row.rule))
        if column == Column.MESSAGE:
            return finding_message(row)
        if column == Column.FIGURES:
            return ", ".join(self.figure_texts.get(i, f"#{i}") for i in row.figure_ids)
        return row.note or ""


class _OpenFilter(QSortFilterProxyModel):
    """Hides dismissed findings unless asked to show them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.show_dismissed = False

    def set_show_dismissed(self, on: bool) -> None:
        self.beginFilterChange()
        self.show_dismissed = on
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        return self.show_dismissed or not self.sourceModel().rows[source_row].dismissed


class FindingsPanel(QWidget):
    figure_activated = Signal(int)
    dismiss_requested = Signal(int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findings_panel")
        self.model = FindingsModel(self)
        self.proxy = _OpenFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self, objectName="findings_table")
        # always there, as in the figure table: no relayout when a report has more findings
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(Column.SEVERITY, 70)
        self.table.setColumnWidth(Column.RULE, 170)  # the longest rule names, English or Chinese
        self.table.setColumnWidth(Column.MESSAGE, 360)
        self.table.activated.connect(self._activate)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.note_edit = QLineEdit(self, objectName="dismiss_note")
        self.note_edit.setPlaceholderText(tr("Why this finding is fine (note)"))
        self.dismiss_button = QPushButton(tr("Dismiss"), self, objectName="dismiss_button")
        self.dismiss_button.clicked.connect(self._dismiss)
        self.show_dismissed = QCheckBox(tr("Show dismissed"), self, objectName="show_dismissed")
        self.show_dismissed.toggled.connect(self.proxy.set_show_dismissed)
        bar = QHBoxLayout()
        bar.addWidget(self.note_edit, 1)
        bar.addWidget(self.dismiss_button)
        bar.addWidget(self.show_dismissed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        self._update_buttons()

    def set_findings(self, rows: list, figure_texts: dict[int, str] | None = None) -> None:
        self.model.set_rows(rows, figure_texts)
        self._update_buttons()

    def flagged_figure_ids(self) -> set[int]:
        """Figures named by an open finding: the rows the metrics table may mark."""
        return {i for row in self.model.rows if not row.dismissed for i in row.figure_ids}

    def current_finding(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def _activate(self, index: QModelIndex) -> None:
        figure_id = index.data(Role.FIGURE_ID)
        if figure_id is not None:
            self.figure_activated.emit(figure_id)

    def _dismiss(self) -> None:
        finding = self.current_finding()
        if finding is not None and not finding.dismissed:
            self.dismiss_requested.emit(finding.id, self.note_edit.text().strip())
            self.note_edit.clear()

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        self.dismiss_button.setEnabled(finding is not None and not finding.dismissed)
