"""An indicator over the report years: the yearly median of each group, or one agency's values.

Choose a grouping to compare its largest groups (a line each), or an agency to follow it
alone; Copy Data gives each point's median and how many reports it stands for.
"""
from __future__ import annotations

from typing import Callable

import PySide6  # noqa: F401
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.gui.chart_common import (ExportBar, fill_groupings, group_name, grouping_combo, indicator_combo,
                                  lay_out_page, select_data, tr)
from app.store import chart_queries

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")
ALL_GROUPS = ""  # the agency chooser's first entry: compare groups instead


class TrendChart(QWidget):
    def __init__(self, store_provider: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trend_chart")
        self._store_provider = store_provider
        self.trends: list = []  # GroupTrend per line
        self.indicator = indicator_combo(self, "trend_indicator")
        self.grouping = grouping_combo(self, "trend_grouping", ["level"])
        self.agency = QComboBox(self, objectName="trend_agency")
        self.agency.setMinimumContentsLength(18)
        self.plot = pg.PlotWidget(self, objectName="trend_plot")
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setLabel("bottom", tr("Report year"))
        item.getAxis("bottom").setTickSpacing(1, 1)
        self.legend = item.addLegend(offset=(10, 10))
        # one line per group, made once; a redraw sets their data and shows as many as it needs
        self._pool = [pg.PlotDataItem(pen=pg.mkPen(colour, width=2), symbol="o", symbolBrush=colour,
                                      symbolPen=pg.mkPen("w"), symbolSize=8)
                      for colour in map(QColor, PALETTE[:chart_queries.MAX_TREND_GROUPS])]
        for line in self._pool:
            item.addItem(line)
        self._lines: list = []  # the lines shown, one per trend
        self._legend_names: list[str] = []
        self._agencies: list[str] = []
        self.export_bar = ExportBar(self.plot, self.table, "trend", self)
        lay_out_page(self, [QLabel(tr("Indicator:"), self), self.indicator, QLabel(tr("Compare groups by:"), self),
                       self.grouping, QLabel(tr("or one agency:"), self), self.agency], self.plot, self.export_bar)
        self.indicator.currentIndexChanged.connect(self.refresh)
        self.grouping.currentIndexChanged.connect(self.refresh)
        self.agency.currentIndexChanged.connect(self._draw)

    def set_indicator(self, indicator_id: str) -> None:
        select_data(self.indicator, indicator_id)

    def set_agency(self, agency: str) -> None:
        index = self._agency_index(agency)
        if index > 0:
            self.agency.setCurrentIndex(index)

    def _agency_index(self, agency: str) -> int:
        return self.agency.findText(agency, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive)

    def current_agency(self) -> str:
        """The agency followed alone, or ALL_GROUPS."""
        return self.agency.currentText() if self.agency.currentIndex() > 0 else ALL_GROUPS

    def refresh(self) -> None:
        """Re-read the agencies with a trend (one aggregate query), then draw."""
        store = self._store_provider()
        if store is None:
            return
        fill_groupings(self.grouping, chart_queries.available_groupings(store))
        agencies = chart_queries.agencies_with_trend(store, self.indicator.currentData())
        if agencies != self._agencies:  # thousands of agencies: refill only when they changed
            current = self.current_agency()
            self._agencies = agencies
            self.agency.blockSignals(True)
            self.agency.clear()
            self.agency.addItem(tr("(compare groups)"))
            self.agency.addItems(agencies)
            self.agency.setCurrentIndex(max(0, self._agency_index(current)) if current else 0)
            self.agency.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        store = self._store_provider()
        if store is None:
            return
        agency, grouping, indicator = self.current_agency(), self.grouping.currentData(), self.indicator.currentData()
        if agency:
            self.trends = [chart_queries.agency_trend(store, indicator, agency)]
        else:
            self.trends = chart_queries.group_trends(store, indicator, grouping)
        item = self.plot.getPlotItem()
        self._lines = self._pool[:len(self.trends)]
        for line, trend in zip(self._lines, self.trends):
            line.setData([p.year for p in trend.points], [p.median for p in trend.points])
            line.show()
        for line in self._pool[len(self.trends):]:
            line.setData([], [])
            line.hide()
        names = [trend.group if agency else group_name(grouping, trend.group) for trend in self.trends]
        if names != self._legend_names:  # a legend entry costs a text layout: rebuilt only when it changes
            self.legend.clear()
            for line, name in zip(self._lines, names):
                self.legend.addItem(line, name)
            self._legend_names = names
        years = sorted({p.year for trend in self.trends for p in trend.points})
        what = agency or tr("median by {0}").format(self.grouping.currentText().lower())
        item.setTitle(tr("{0} over the years: {1}").format(self.indicator.currentText(), what))
        item.setLabel("left", tr("Median value") if not agency else tr("Value"))
        if years:
            item.setXRange(years[0] - 0.5, years[-1] + 0.5, padding=0)
        item.enableAutoRange(axis="y")

    def table(self) -> tuple[list[str], list[list]]:
        grouping = self.grouping.currentData()
        agency = self.current_agency()
        header = [tr("Group"), tr("Report year"), tr("Median value"), tr("Reports")]
        rows = [[trend.group if agency else group_name(grouping, trend.group), p.year, p.median, p.n]
                for trend in self.trends for p in trend.points]
        return header, rows
