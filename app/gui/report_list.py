"""The report list: agency, province, level, year and review progress of every report, with a
filter box.

A plain list of ReportSummary rows behind a sort/filter proxy; the filter matches agency,
region, province, level, title, file name and year, like Store.list_reports(text_filter)
(which has no level words: the list's filter also knows them in the interface's language).
"""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLineEdit, QStyle, QTableView, QVBoxLayout, QWidget,
)

from app.core.model import LEVELS
from app.gui import theme
from app.gui.metrics_filter import refilter
from app.gui.roles import Role

DISPLAY = Qt.ItemDataRole.DisplayRole


class ReportColumn(IntEnum):
    AGENCY = 0
    PROVINCE = 1
    LEVEL = 2
    YEAR = 3
    PROGRESS = 4


SORT_KEYS = {
    ReportColumn.AGENCY: lambda s: s.agency or s.title or s.file_name or "",
    ReportColumn.PROVINCE: lambda s: s.province,
    ReportColumn.LEVEL: lambda s: LEVELS.index(s.level) if s.level in LEVELS else None,  # province first
    ReportColumn.YEAR: lambda s: s.report_year,
    ReportColumn.PROGRESS: lambda s: s.n_reviewed / s.n_figures if s.n_figures else 1.0,
}


HANDLED_ROLES = frozenset(int(role) for role in (
    DISPLAY, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Role.REPORT_ID, Role.SORT,
    Role.FILTER_TEXT))


def filter_text(summary, level_name: str = "") -> str:
    """What the filter box matches, as Store.list_reports(text_filter) does, and the level."""
    parts = (summary.agency, summary.region, summary.province, summary.level, level_name, summary.title,
             summary.file_name, summary.report_year)
    return " ".join(str(part) for part in parts if part).lower()


class ReportListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._row_of: dict[int, int] = {}
        self._warning_icon = None

    def set_rows(self, summaries: list) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {s.id: row for row, s in enumerate(self._rows)}
        self._filter_texts = [filter_text(s, self._level_name(s.level)) for s in self._rows]

    def _level_name(self, level: str | None) -> str:
        return self.tr(level) if level else ""

    def filter_text(self, row: int) -> str:
        return self._filter_texts[row]

    def sort(self, column, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the plain list itself: 2,000 rows in a millisecond, not through data() calls."""
        if not 0 <= column < len(ReportColumn):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self._rows[index.row()].id, index.column()) for index in persistent]
        key = SORT_KEYS[ReportColumn(column)]
        self._rows.sort(key=lambda s: (key(s) is None, key(s)), reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()
        self.changePersistentIndexList(persistent, [self.index(self._row_of[rid], col) for rid, col in kept])
        self.layoutChanged.emit()

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
            return (self.tr("Agency"), self.tr("Province"), self.tr("Level"), self.tr("Year"),
                    self.tr("Reviewed"))[section]
        return None

    def data(self, index, role=DISPLAY):
        if role not in HANDLED_ROLES or not index.isValid():  # most roles a view asks for are unused
            return None
        summary = self._rows[index.row()]
        column = ReportColumn(index.column())
        if role == DISPLAY:
            if column == ReportColumn.AGENCY:
                return summary.agency or summary.title or summary.file_name
            if column == ReportColumn.PROVINCE:
                return summary.province or ""
            if column == ReportColumn.LEVEL:
                return self._level_name(summary.level)
            if column == ReportColumn.YEAR:
                return "" if summary.report_year is None else str(summary.report_year)
            mark = theme.progress_mark(summary.n_reviewed, summary.n_figures)
            return f"{mark} {summary.n_reviewed}/{summary.n_figures}"
        if role == Role.REPORT_ID:
            return summary.id
        if role == Role.SORT:
            return SORT_KEYS[column](summary)
        if role == Role.FILTER_TEXT:
            return self._filter_texts[index.row()]
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
    """Rows whose filter text holds every word typed ("酉阳 2022": that county's 2022 reports)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: tuple[str, ...] = ()

    def set_text(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "_words", tuple(text.lower().split())))

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        haystack = self.sourceModel().filter_text(source_row)
        return all(word in haystack for word in self._words)

    def sort(self, column, order=Qt.SortOrder.AscendingOrder) -> None:
        # the source sorts its plain list; the proxy keeps the source's order (sort column -1)
        self.sourceModel().sort(column, order)


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
        self.filter_box.setPlaceholderText(self.tr("Filter: agency, region, province, level, year…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.view = QTableView(self)
        self.view.setObjectName("report_list")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the store's order until asked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several rows can be selected (Shift/Ctrl-click) for "export the selected reports"
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ReportColumn.AGENCY, QHeaderView.ResizeMode.Stretch)
        # fixed widths: ResizeToContents would measure every row of a 2,000-report list on each sort
        metrics = self.fontMetrics()
        for column, sample in ((ReportColumn.PROVINCE, "黑龙江省 "), (ReportColumn.LEVEL, "district "),
                               (ReportColumn.YEAR, "2024 "), (ReportColumn.PROGRESS, "◐ 888/888 ")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
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

    def selected_report_ids(self) -> list[int]:
        """The selected rows' reports in list order (the open report when nothing else is)."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda index: index.row())
        ids = [index.data(Role.REPORT_ID) for index in rows]
        current = self.current_report_id()
        return ids or ([current] if current is not None else [])

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid() and not self._syncing:
            self.report_selected.emit(current.data(Role.REPORT_ID))
