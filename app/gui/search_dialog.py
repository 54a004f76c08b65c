"""Searching the text of every report (Ctrl+Shift+F): a non-modal dialog with a hit list.

Typing searches after a short pause (Enter searches at once); the store answers from its
trigram index, or scans for one- and two-character queries. Each hit shows its agency,
year and the text around it with the match in bold; activating a hit emits
`hit_activated(report_id, start, end)` and the dialog stays open for the next one.
"""
from __future__ import annotations

import sqlite3
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHeaderView, QLabel, QLineEdit, QStyle, QStyledItemDelegate,
    QTableView, QVBoxLayout,
)

from app.store.rows import SearchHit

SEARCH_LIMIT = 500
TYPING_PAUSE_MS = 250
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
QUERY_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    AGENCY = 0
    YEAR = 1
    SNIPPET = 2


class SearchHitsModel(QAbstractTableModel):
    """The hits of the last query, as plain data; the view never parses display text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[SearchHit] = []
        self.query = ""

    def set_hits(self, query: str, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.query, self.hits = query, hits
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {Column.AGENCY: self.tr("Agency"), Column.YEAR: self.tr("Year"),
                Column.SNIPPET: self.tr("Text")}[Column(section)]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == QUERY_ROLE:
            return self.query
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = Column(index.column())
            if column == Column.AGENCY:
                return hit.agency or hit.file_name
            if column == Column.YEAR:
                return "" if hit.report_year is None else str(hit.report_year)
            return hit.snippet
        return None


class SnippetDelegate(QStyledItemDelegate):
    """Draws the snippet as plain text with the query's first occurrence in bold."""

    def paint(self, painter, option, index):
        self.initStyleOption(option, index)
        snippet, query = option.text, index.data(QUERY_ROLE) or ""
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        at = snippet.lower().find(query.lower()) if query else -1
        parts = [(snippet, False)] if at < 0 else [
            (snippet[:at], False), (snippet[at:at + len(query)], True), (snippet[at + len(query):], False)]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        rect = option.rect.adjusted(4, 0, -4, 0)
        x = rect.left()
        for text, bold in parts:
            font = QFont(option.font)
            font.setBold(bold)
            painter.setFont(font)
            width = painter.fontMetrics().horizontalAdvance(text)
            painter.drawText(QRect(x, rect.top(), max(0, rect.right() - x), rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                             | int(Qt.TextFlag.TextSingleLine), text)
            x += width
            if x >= rect.right():
                break
        painter.restore()


class SearchDialog(QDialog):
    hit_activated = Signal(int, int, int)  # report_id, start, end

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setObjectName("search_dialog")
        self.setWindowTitle(self.tr("Search All Reports"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self.query_edit = QLineEdit(self, objectName="search_query")
        self.query_edit.setPlaceholderText(self.tr("Words to find in every report, e.g. 行政复议"))
        self.query_edit.setClearButtonEnabled(True)
        self.status_label = QLabel(self, objectName="search_status")
        self.model = SearchHitsModel(self)
        self.results = QTableView(self, objectName="search_results")
        self.results.setModel(self.model)
        self.results.setItemDelegateForColumn(Column.SNIPPET, SnippetDelegate(self.results))
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(Column.AGENCY, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.YEAR, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.results.setColumnWidth(Column.AGENCY, 220)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status_label)
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS, timeout=self.search)
        self.query_edit.textChanged.connect(self._typing_timer.start)
        self.query_edit.returnPressed.connect(self._search_and_go_to_hits)
        # double-click and Enter both arrive as activated; the dialog stays open
        self.results.activated.connect(self._activate)
        self.resize(820, 520)

    def search(self) -> None:
        self._typing_timer.stop()
        query = self.query_edit.text().strip()
        try:
            hits = self.store.search(query, limit=SEARCH_LIMIT) if query else []
        except sqlite3.ProgrammingError:  # the window has switched to another database since
            self.model.set_hits(query, [])
            self.status_label.setText(self.tr("This database was closed. Open the search again."))
            return
        self.model.set_hits(query, hits)
        if not query:
            self.status_label.clear()
        elif len(hits) >= SEARCH_LIMIT:
            self.status_label.setText(self.tr("The first {0} hits are shown.").format(SEARCH_LIMIT))
        else:
            self.status_label.setText(self.tr("Hits: %n", "", len(hits)))
        if hits:
            self.results.selectRow(0)

    def _search_and_go_to_hits(self) -> None:
        """Enter in the query box: search now and move to the first hit, where Enter opens it."""
        self.search()
        if self.model.rowCount():
            self.results.setFocus()

    def step_aside(self, area: QRect) -> None:
        """Move off `area` (global coordinates: the text where a hit is shown), below or above
        it, else beside it, staying on the screen; where nothing fits, stay."""
        frame = self.frameGeometry()
        if not frame.intersects(area):
            return
        screen = (self.screen() or self.parentWidget().screen()).availableGeometry()
        gap = 8
        for top_left in (QPoint(frame.x(), area.bottom() + gap), QPoint(frame.x(), area.top() - gap - frame.height()),
                         QPoint(area.right() + gap, frame.y()), QPoint(area.left() - gap - frame.width(), frame.y())):
            moved = QRect(top_left, frame.size())
            if screen.contains(moved) and not moved.intersects(area):
                self.move(self.pos() + (top_left - frame.topLeft()))
                return

    def _activate(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE) if index.isValid() else None
        if hit is not None:
            self.hit_activated.emit(hit.report_id, hit.start, hit.end)
