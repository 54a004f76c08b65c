"""Coverage: which reports state which indicators, coloured by how far their figures are reviewed.

Columns are reports (ordered by the chosen group, then as in the report list; the group
names stand under their columns), rows the codebook's indicators by display name. A cell is
empty when the report states nothing for the indicator, else coloured: reviewed (confirmed,
corrected or added), pending, or only rejected figures. A page holds COVERAGE_PAGE reports;
clicking a cell opens its report.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import PySide6  # noqa: F401
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.core.codebook import display_name, indicator_ids
from app.gui.chart_common import ExportBar, fill_groupings, group_name, grouping_combo, lay_out_page, tr
from app.gui.i18n import interface_language
from app.store import chart_queries
from app.store.chart_queries import NOT_STATED, PENDING, REJECTED, REVIEWED

COLOURS = {NOT_STATED: (255, 255, 255, 255), REJECTED: (225, 87, 89, 255), PENDING: (237, 201, 72, 255),
           REVIEWED: (89, 161, 79, 255)}


def state_names() -> dict[int, str]:
    return {NOT_STATED: tr("not stated"), REJECTED: tr("rejected only"), PENDING: tr("pending"),
            REVIEWED: tr("reviewed")}


class CoverageChart(QWidget):
    report_activated = Signal(int)

    def __init__(self, store_provider: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coverage_chart")
        self._store_provider = store_provider
        self.coverage: chart_queries.Coverage | None = None
        self.first = 0
        self.grouping = grouping_combo(self, "coverage_grouping", ["level"])
        self.previous_page = QPushButton(tr("◀ Previous"), self, objectName="coverage_previous")
        self.next_page = QPushButton(tr("Next ▶"), self, objectName="coverage_next")
        self.page_label = QLabel(self, objectName="coverage_page")
        self.plot = pg.PlotWidget(self, objectName="coverage_plot")
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.invertY(True)  # the first indicator on top, as in the codebook
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image)
        legend = item.addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 230), pen=pg.mkPen("#999999"))
        self._separators: list[pg.InfiniteLine] = []
        self._samples = []
        for state, name in state_names().items():
            if state != NOT_STATED:
                sample = pg.BarGraphItem(x=[], height=[], width=1, brush=pg.mkBrush(COLOURS[state]))
                self._samples.append(sample)
                legend.addItem(sample, name)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.export_bar = ExportBar(self.plot, self.table, "coverage", self)
        lay_out_page(self, [QLabel(tr("Reports grouped by:"), self), self.grouping, self.previous_page,
                       self.page_label, self.next_page], self.plot, self.export_bar)
        self.grouping.currentIndexChanged.connect(lambda _i: self.show_page(0))
        self.previous_page.clicked.connect(lambda: self.show_page(self.first - chart_queries.COVERAGE_PAGE))
        self.next_page.clicked.connect(lambda: self.show_page(self.first + chart_queries.COVERAGE_PAGE))

    def refresh(self) -> None:
        self.show_page(self.first)

    def show_page(self, first: int) -> None:
        store = self._store_provider()
        if store is None:
            return
        fill_groupings(self.grouping, chart_queries.available_groupings(store))
        grouping = self.grouping.currentData()
        self.first = max(0, first)
        self.coverage = chart_queries.coverage(store, indicator_ids(), grouping, self.first)
        if not self.coverage.reports and self.first:  # past the end after reports went away
            self.first = 0
            self.coverage = chart_queries.coverage(store, indicator_ids(), grouping, 0)
        self._draw(grouping)

    def _draw(self, grouping: str) -> None:
        coverage, item = self.coverage, self.plot.getPlotItem()
        states = np.zeros((len(coverage.indicators), max(1, len(coverage.reports))), dtype=np.uint8)
        if coverage.cells:
            rows, columns, found = np.array(coverage.cells).T
            states[columns, rows] = found
        palette = np.array([COLOURS[s] for s in (NOT_STATED, REJECTED, PENDING, REVIEWED)], dtype=np.uint8)
        self.image.setImage(palette[states], autoLevels=False)
        language = interface_language()
        item.getAxis("left").setTicks([[(i + 0.5, display_name(ind, language))
                                        for i, ind in enumerate(coverage.indicators)]])
        ticks = self._group_ticks(grouping)
        item.getAxis("bottom").setTicks([[(middle, name) for middle, name, _ in ticks], []])
        for line in self._separators:
            item.removeItem(line)
        self._separators = [pg.InfiniteLine(end, angle=90, pen=pg.mkPen("#333333", width=1)) for _, _, end in ticks[:-1]]
        for line in self._separators:
            item.addItem(line)
        last = coverage.first + len(coverage.reports)
        self.page_label.setText(tr("reports {0}–{1} of {2}").format(
            coverage.first + 1 if coverage.reports else 0, last, coverage.n_reports))
        self.previous_page.setEnabled(coverage.first > 0)
        self.next_page.setEnabled(last < coverage.n_reports)
        stated = len(coverage.cells)
        share = stated / (len(coverage.reports) * len(coverage.indicators)) if coverage.reports else 0
        item.setTitle(tr("Which reports state which indicators: {0:.0%} of the cells").format(share))
        item.setXRange(0, max(1, len(coverage.reports)), padding=0)
        item.setYRange(0, len(coverage.indicators), padding=0)

    def _group_ticks(self, grouping: str) -> list[tuple[float, str, int]]:
        """(middle, name and count, end) of each group's run of columns."""
        ticks, start = [], 0
        reports = self.coverage.reports
        for index in range(1, len(reports) + 1):
            if index == len(reports) or reports[index][2] != reports[start][2]:
                ticks.append(((start + index) / 2, f"{group_name(grouping, reports[start][2])} ({index - start})", index))
                start = index
        return ticks

    def cell_at(self, view_pos: QPointF):
        """(report id, indicator id) under a point of the plot's data coordinates, else None."""
        if self.coverage is None:
            return None
        column, row = int(np.floor(view_pos.x())), int(np.floor(view_pos.y()))
        if 0 <= column < len(self.coverage.reports) and 0 <= row < len(self.coverage.indicators):
            return self.coverage.reports[column][0], self.coverage.indicators[row]
        return None

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        view_box = self.plot.getPlotItem().getViewBox()
        if view_box.sceneBoundingRect().contains(event.scenePos()):
            cell = self.cell_at(view_box.mapSceneToView(event.scenePos()))
            if cell is not None:
                self.report_activated.emit(cell[0])

    def table(self) -> tuple[list[str], list[list]]:
        """A row per report of the page, a column per indicator: the state in words, empty if not stated."""
        coverage = self.coverage
        if coverage is None:
            return [], []
        language = interface_language()
        names = state_names()
        grid = [[""] * len(coverage.indicators) for _ in coverage.reports]
        for row, column, state in coverage.cells:
            grid[row][column] = names[state]
        grouping = self.grouping.currentData()
        header = [tr("Report"), tr("Group")] + [display_name(ind, language) for ind in coverage.indicators]
        return header, [[label, group_name(grouping, group), *cells]
                        for (_, label, group), cells in zip(coverage.reports, grid)]
