"""The metrics table of the current report with its filters and bulk buttons.

Signals out: figure_selected(id) when the current row changes. The review controller
asks it for the current/selected/visible figures and tells it which figure to select.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QTableView,
    QToolButton, QVBoxLayout, QWidget,
)

from app.core.model import QUALIFIERS, SECTION_CATEGORIES, STATUSES
from app.gui.delegates import MetricsDelegate, indicator_combo
from app.gui.i18n import plural
from app.gui.metrics_filter import CONFLICT, NO_INDICATOR, REVIEWED, MetricsFilterProxy
from app.gui.metrics_model import Column, MetricsModel, tr
from app.gui.roles import Role


class MetricsPanel(QWidget):
    figure_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("metrics_panel")
        self.model = MetricsModel(parent=self)
        self.proxy = MetricsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("metrics_table")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(MetricsDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # text order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # always there: one that came and went with the report's figure count would relayout
        # the pane, and show or hide the horizontal one with it, on every report switch
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.LABEL, 110), (Column.VALUE, 80), (Column.UNIT, 45),
                              (Column.PREVIOUS, 90), (Column.QUALIFIER, 70), (Column.INDICATOR, 130),
                              (Column.STATUS, 90), (Column.HEADLINE, 60), (Column.CONFIDENCE, 70),
                              (Column.NOTE, 100)):
            self.table.setColumnWidth(column, width)
        # the status (and a reject reason) first, so no pane width scrolls it out of sight
        header.moveSection(header.visualIndex(Column.STATUS), 0)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.count_label = QLabel(self)
        # a minimum width of its own: one that followed the count would change the pane's
        # minimum on every report switch, and the splitters would lay out the whole window again
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(tr("{0} figures").format(888)) + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # the table's row numbers likewise: three digits wide whatever the report's row count
        self.table.verticalHeader().setMinimumWidth(self.fontMetrics().horizontalAdvance("888") + 8)
        self.bulk_bar = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_bar())
        layout.addWidget(self.table)
        layout.addLayout(self.bulk_bar)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)

    def _filter_bar(self) -> QHBoxLayout:
        self.status_filter = self._choice("status_filter", [(tr("All states"), None), (tr("Reviewed"), REVIEWED)]
                                          + [(tr(s), s) for s in STATUSES] + [(tr("In conflict"), CONFLICT)], self.proxy.set_status)
        self.indicator_filter = indicator_combo(self, tr("All indicators"))
        self.indicator_filter.setObjectName("indicator_filter")
        self.indicator_filter.insertItem(1, tr("(no indicator)"), NO_INDICATOR)
        self.indicator_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_indicator(self.indicator_filter.currentData()))
        self.category_filter = self._choice("category_filter", [(tr("All sections"), None)]
                                            + [(tr(c), c) for c in SECTION_CATEGORIES], self.proxy.set_category)
        self.qualifier_filter = self._choice("qualifier_filter", [(tr("Any qualifier"), None)]
                                             + [(tr(q), q) for q in QUALIFIERS], self.proxy.set_qualifier)
        self.confidence_filter = QDoubleSpinBox(self, objectName="confidence_filter")
        self.confidence_filter.setRange(0.0, 1.0)
        self.confidence_filter.setSingleStep(0.05)
        self.confidence_filter.setPrefix("≥ ")
        self.confidence_filter.setToolTip(tr("Minimum confidence"))
        self.confidence_filter.valueChanged.connect(self.proxy.set_min_confidence)
        bar = QHBoxLayout()
        for combo in (self.status_filter, self.indicator_filter, self.category_filter, self.qualifier_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
        for widget in (self.status_filter, self.indicator_filter, self.category_filter,
                       self.qualifier_filter, self.confidence_filter):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def _choice(self, name: str, items: list, apply) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(lambda _i: apply(combo.currentData()))
        return combo

    def add_bulk_actions(self, actions: list) -> None:
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            self.bulk_bar.addWidget(button)
        self.bulk_bar.addStretch(1)
        self.bulk_bar.addWidget(self.count_label)

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = plural(total, tr("{0} figure"), tr("{0} figures"))
        else:
            text = (tr("{0} of {1} figure") if total == 1 else tr("{0} of {1} figures")).format(shown, total)
        self.count_label.setText(text)

    # --- what the controller asks ------------------------------------------------------
    def set_figures(self, figures: list) -> None:
        current = self.current_figure_id()
        self.model.set_rows(figures)
        self._update_count()
        if current is not None and self.model.row_of(current) is not None:
            self.select_figure(current, scroll=False)

    def current_figure_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(Role.FIGURE_ID) if index.isValid() else None

    def selected_figure_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        ids = [index.data(Role.FIGURE_ID) for index in sorted(rows, key=lambda i: i.row())]
        if not ids and self.current_figure_id() is not None:
            ids = [self.current_figure_id()]
        return ids

    def visible_figure_ids(self) -> list[int]:
        """Figure ids in the order the table shows them (filter and sort applied)."""
        return [self.proxy.index(row, 0).data(Role.FIGURE_ID) for row in range(self.proxy.rowCount())]

    def select_figure(self, figure_id: int, scroll: bool = True) -> bool:
        row = self.model.row_of(figure_id)
        if row is None:
            return False
        # the status column is the leftmost: making it current never scrolls the table sideways
        index = self.proxy.mapFromSource(self.model.index(row, Column.STATUS))
        if not index.isValid():
            return False  # filtered out
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.table.scrollTo(index)
        return True

    def edit_current_value(self, column: Column = Column.VALUE) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            index = index.siblingAtColumn(column)
            self.table.setCurrentIndex(index)
            self.table.setFocus()
            self.table.edit(index)

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.figure_selected.emit(current.data(Role.FIGURE_ID))
