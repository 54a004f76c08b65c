"""The report list: agency, province, level, year and review progress of every report, with a
filter box.

The model keeps compact columns, not a Python object per report (100,000 reports as list
rows cost seconds and hundreds of MB): the reports' ids in the list's own order (agency,
year, file name), and the text the filter matches and each sort key as numpy arrays in that
same order (app/gui/list_columns.py), read on a worker as soon as a big list is listed.
Filtering and sorting make an array of the rows shown; the rows' fields are read a block at
a time as the view paints them.
The filter matches agency, region, province, level (its code or its name in the
interface's language), title, file name and year: every word typed, in any case.
"""
from __future__ import annotations

from enum import IntEnum

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLineEdit, QStyle, QTableView, QVBoxLayout, QWidget,
)

from app.core.model import LEVELS
from app.gui import theme
from app.gui.roles import Role
from app.gui.list_columns import FILTER, read_list_columns, read_list_columns_in_worker, sort_ranks
from app.gui.tasks import TaskRunner, reads_ahead_pool
from app.store.report_list import SORT_KEYS

DISPLAY = Qt.ItemDataRole.DisplayRole
BLOCK = 64  # rows read from the store at once: a screen or two of the list (each read walks its rows)
CACHE_LIMIT = 4096  # rows kept; past it the cache starts afresh
PREFETCH_FROM = 2000  # reports from which the filter and sort columns are read ahead on a worker


class ReportColumn(IntEnum):
    AGENCY = 0
    PROVINCE = 1
    LEVEL = 2
    YEAR = 3
    PROGRESS = 4


# the store's list column each column sorts by: SORT_KEYS is in ReportColumn's order
SORT_COLUMNS = dict(zip(ReportColumn, SORT_KEYS))
HANDLED_ROLES = frozenset(int(role) for role in (
    DISPLAY, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Role.REPORT_ID))


class ReportListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.store = None
        self._base = np.zeros(0, dtype=np.int64)  # every report's id, in the list's own order
        self._ids = self._base  # the rows shown, in display order
        self._previous_ids = self._ids  # before the last filter or sort: where a hidden row stood
        self._columns: dict[str, object] = {}  # per report, in _base's order: filter texts, sort values
        self._generation = 0  # reloads so far: a prefetch read before the last one is stale
        self._words: tuple[str, ...] = ()
        self._sort: tuple[str, bool] | None = None  # (list column, descending)
        self._cache: dict = {}  # report id -> ReportSummary
        self._warning_icon = None

    def set_store(self, store) -> None:
        self.store = store
        self.reload()

    def reload(self) -> None:
        """Read the list again (reports added, metadata edited), keeping the filter and sort."""
        self.beginResetModel()
        self._cache, self._columns = {}, {}
        self._generation += 1
        self._base = self.store.listed_ids() if self.store is not None else np.zeros(0, dtype=np.int64)
        self._ids = self._previous_ids = self._shown()
        self.endResetModel()

    def _column(self, name: str):
        """A list column in _base's order, read from the store the first time it is needed
        (unless the worker started by prefetch() read it first)."""
        if name not in self._columns:
            self._columns.update(read_list_columns(self.store, self._base, (name,)))
        return self._columns[name]

    def prefetch(self, runner) -> None:
        """Read every filter and sort column on a worker thread, so that the first filter or
        sort of a big list is as quick as the next ones; a reload before it is done drops it."""
        if self.store is None or len(self._base) < PREFETCH_FROM:
            return
        generation = self._generation

        def done(columns, error) -> None:
            if error is None and generation == self._generation:
                for name, column in columns.items():
                    self._columns.setdefault(name, column)
        runner.run(read_list_columns_in_worker, str(self.store.path), self._base, on_done=done)

    def _shown(self) -> np.ndarray:
        """The ids of the rows shown: the filter's words, in the sort's order."""
        if self.store is None or not len(self._base):
            return self._base
        positions = None
        if self._sort is not None:
            name, descending = self._sort
            ranks = sort_ranks(self._column(name))
            # stable, so ties keep the list's own order; descending puts the missing first,
            # as Python's reverse sort of (missing, value) did
            positions = np.argsort(-ranks if descending else ranks, kind="stable")
        if self._words:
            keep = self._matching()
            positions = np.flatnonzero(keep) if positions is None else positions[keep[positions]]
        return self._base if positions is None else self._base[positions]

    def _matching(self) -> np.ndarray:
        """Which reports hold every word typed (in any part, or in their level's name)."""
        texts = self._column(FILTER)
        keep = np.ones(len(self._base), dtype=bool)
        for word in self._words:
            found = texts.holding(word)
            named = [rank for rank, code in enumerate(LEVELS) if word in self._level_name(code).lower()]
            if named:
                found |= np.isin(self._column("level"), named)  # the level's place in LEVELS
            keep &= found
        return keep

    def set_text(self, text: str) -> None:
        """Show the reports holding every word of `text` (empty: all of them)."""
        self._words = tuple(text.lower().split())
        self._relayout()

    def sort(self, column, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (-1: the list's own order: agency, year, file name), which also
        orders ties."""
        if column >= len(ReportColumn):
            return
        self._sort = (SORT_COLUMNS[ReportColumn(column)], order == Qt.SortOrder.DescendingOrder) \
            if column >= 0 else None
        self._relayout()

    def _relayout(self) -> None:
        """The rows a filter or sort leaves, as one layout change: the view's current and
        selected rows follow their reports; a report no longer listed loses its rows."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(int(self._ids[index.row()]), index.column()) for index in persistent]
        self._previous_ids, self._ids = self._ids, self._shown()
        rows = [self.row_of(report_id) for report_id, _ in kept]
        self.changePersistentIndexList(persistent, [
            self.index(row, column) if row is not None else QModelIndex()
            for row, (_, column) in zip(rows, kept)])
        self.layoutChanged.emit()

    def row_of(self, report_id: int) -> int | None:
        found = np.flatnonzero(self._ids == report_id)
        return int(found[0]) if len(found) else None

    def kept_neighbour(self, report_id: int) -> int | None:
        """The row that takes over from a report the last filter hid, as Qt moves the current
        row when rows are removed: the first still listed after it, else the last before it."""
        where = np.flatnonzero(self._previous_ids == report_id)
        if not len(where):
            return None
        position = int(where[0])
        still = np.isin(self._previous_ids, self._ids)
        after = np.flatnonzero(still[position + 1:])
        if len(after):
            return self.row_of(int(self._previous_ids[position + 1 + after[0]]))
        before = np.flatnonzero(still[:position])
        return self.row_of(int(self._previous_ids[before[-1]])) if len(before) else None

    def _level_name(self, level: str | None) -> str:
        return self.tr(level) if level else ""

    def summary(self, row: int):
        """The ReportSummary of a listed row, read with its block when not at hand (None: the
        report is no longer in the database)."""
        report_id = int(self._ids[row])
        found = self._cache.get(report_id)
        if found is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache = {}
            first = row - row % BLOCK
            self._cache.update(self.store.report_summaries(self._ids[first:first + BLOCK]))
            found = self._cache.get(report_id)
        return found

    def set_progress(self, report_id: int, n_figures: int, n_reviewed: int) -> None:
        """Update one row after a review decision, without a query and without a reset."""
        summary = self._cache.get(report_id)
        if summary is not None:
            summary.n_figures, summary.n_reviewed = n_figures, n_reviewed
        progress, where = self._columns.get("progress"), np.flatnonzero(self._base == report_id)
        if progress is not None and len(where):  # the next progress sort needs no read
            progress[where[0]] = n_reviewed / n_figures if n_figures else 1.0  # as report_list.SORT_VALUES
        row = self.row_of(report_id)
        if row is not None:
            index = self.index(row, ReportColumn.PROGRESS)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

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
        if role == Role.REPORT_ID:
            return int(self._ids[index.row()])
        summary = self.summary(index.row())
        if summary is None:
            return None
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


class ReportListPanel(QWidget):
    report_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("report_list_panel")
        self._syncing = False
        self._current_before: int | None = None
        self.model = ReportListModel(self)
        self.reads_ahead = TaskRunner(self, reads_ahead_pool())
        self.model.layoutAboutToBeChanged.connect(self._remember_current)
        self.model.layoutChanged.connect(self._keep_a_current)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("report_filter")
        self.filter_box.setPlaceholderText(self.tr("Filter: agency, region, province, level, year…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.model.set_text)
        self.view = QTableView(self)
        self.view.setObjectName("report_list")
        self.view.setModel(self.model)
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

    @property
    def proxy(self):
        """What the view lists, filtered and sorted: the model itself, which has the store do both."""
        return self.model

    def set_store(self, store) -> None:
        self.model.set_store(store)
        self.model.prefetch(self.reads_ahead)

    def reload(self) -> None:
        """List the reports again after the database changed (imports, metadata, undo)."""
        self.model.reload()
        self.model.prefetch(self.reads_ahead)

    def select_report(self, report_id: int) -> bool:
        """Make the report current without emitting report_selected again."""
        row = self.model.row_of(report_id)
        if row is None and self.filter_box.text() and self.model.store.has_report(report_id):
            self.filter_box.clear()  # hidden by the filter: clear it so the reviewer sees where they are
            row = self.model.row_of(report_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
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

    def _remember_current(self) -> None:
        self._current_before = self.current_report_id()

    def _keep_a_current(self) -> None:
        """A filter that hid the open report opens the row next to where it stood, as Qt's
        own proxy did when it removed the rows (the open report always has its row)."""
        before, self._current_before = self._current_before, None
        if before is None or self.model.row_of(before) is not None:
            return
        row = self.model.kept_neighbour(before)
        if row is not None:
            self.view.selectionModel().setCurrentIndex(self.model.index(row, 0),
                                                       QItemSelectionModel.SelectionFlag.NoUpdate)

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid() and not self._syncing:
            self.report_selected.emit(current.data(Role.REPORT_ID))
