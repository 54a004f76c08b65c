"""The report list: agency, year and review progress of every report, with a filter box.

A plain list of ReportSummary rows behind a sort/filter proxy; the filter matches agency,
region, title, file name and year, like Store.list_reports(text_filter).
"""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLineEdit, QStyle, QTableView, QVBoxLayout, QWidget,
)

from app.gui import theme
from app.gui.metrics_filter import refilter
from app.gui.roles import Role

DISPLAY = Qt.ItemDataRole.DisplayRole


class ReportColumn(IntEnum):
    AGENCY = 0
    YEAR = 1
    PROGRESS = 2


class ReportListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._row_of: dict[int, int] = {}
        self._warning_icon = None

    def set_rows(self, summaries: list) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self._row_of = {s.id: row for row, s in enumerate(self._rows)}
        self.endResetModel()

    def summary(self, row: int):
        return self._rows[row]

    def row_of(self, report_id: int) -> int | None:
        return self._row_of.get(report_id)

    def set_progress(self, report_id: int, n_figures: int, n_reviewed: int) -> None:
        """Update one row after a review decision, without a query and without a reset."""
        row = self._row_of.get(report_id)
        if row is None:
            return
        summary = self._rows[row]
        summary.n_figures, summary.n_reviewed = n_figures, n_reviewed
        index = self.index(row, ReportColumn.PROGRESS)
        self.dataChanged.emit(index, index)

    def update_summary(self, summary) -> None:
        """Replace one row (e.g. after a metadata edit changed agency or year)."""
        row = self._row_of.get(summary.id)
        if row is not None:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(ReportColumn) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(ReportColumn)

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Agency"), self.tr("Year"), self.tr("Reviewed"))[section]
        return None

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = ReportColumn(index.column())
        if role == DISPLAY:
            if column == ReportColumn.AGENCY:
                return summary.agency or summary.title or summary.file_name
            if column == ReportColumn.YEAR:
                return "" if summary.report_year is None else str(summary.report_year)
            mark = theme.progress_mark(summary.n_reviewed, summary.n_figures)
            return f"{mark} {summary.n_reviewed}/{summary.n_figures}"
        if role == Role.REPORT_ID:
            return summary.id
        if role == Role.SORT:
            if column == ReportColumn.AGENCY:
                return summary.agency or summary.title or summary.file_name or ""
            if column == ReportColumn.YEAR:
                return summary.report_year or 0
            return summary.n_reviewed / summary.n_figures if summary.n_figures else 1.0
        if role == Role.FILTER_TEXT:
            return " ".join(str(part) for part in (summary.agency, summary.region, summary.title,
                                                   summary.file_name, summary.report_year) if part).lower()
        if role == Qt.ItemDataRole.DecorationRole and column == ReportColumn.AGENCY and summary.has_warning:
            return self._warning()
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{summary.title or ''}\n{summary.file_name}"
            return tip + ("\n" + self.tr("The text may not have decoded cleanly.") if summary.has_warning else "")
        return None

    def _warning(self):
        if self._warning_icon is None:
            from PySide6.QtWidgets import QApplication
            self._warning_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning_icon


class ReportFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self.setFilterRole(Role.FILTER_TEXT)
        self._needle = ""

    def set_text(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "_needle", text.strip().lower()))

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in index.data(Role.FILTER_TEXT)


class ReportListPanel(QWidget):
    report_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("report_list_panel")
        self._syncing = False
        self.model = ReportListModel(self)
        self.proxy = ReportFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("report_filter")
        self.filter_box.setPlaceholderText(self.tr("Filter: agency, region, year, file…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.view = QTableView(self)
        self.view.setObjectName("report_list")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the store's order until asked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ReportColumn.AGENCY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReportColumn.YEAR, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReportColumn.PROGRESS, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)

    def set_reports(self, summaries: list) -> None:
        self.model.set_rows(summaries)

    def select_report(self, report_id: int) -> bool:
        """Make the report current without emitting report_selected again."""
        row = self.model.row_of(report_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the filter: clear it so the reviewer sees where they are
            self.filter_box.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._syncing = True
        try:
            self.view.setCurrentIndex(index)
        finally:
            self._syncing = False
        self.view.scrollTo(index)
        return True

    def current_report_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Role.REPORT_ID) if index.isValid() else None

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid() and not self._syncing:
            self.report_selected.emit(current.data(Role.REPORT_ID))
