"""An indicator over the report years: the yearly median of each group, or one agency's values.

Choose a grouping to compare its largest groups (a line each), or an agency to follow it
alone; Copy Data gives each point's median and how many reports it stands for.
"""
from __future__ import annotations

from typing import Callable

import PySide6  # noqa: F401
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.gui.chart_common import (ExportBar, fill_groupings, group_name, grouping_combo, indicator_combo,
                                  select_data, tr)
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
        self._lines: list = []
        self.export_bar = ExportBar(self.plot, self.table, "trend", self)
        controls = QHBoxLayout()
        for widget in (QLabel(tr("Indicator:"), self), self.indicator, QLabel(tr("Compare groups by:"), self),
                       self.grouping, QLabel(tr("or one agency:"), self), self.agency):
            controls.addWidget(widget)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.export_bar)
        self._values: list = []  # the indicator's GroupedValues, grouped as chosen
        self.indicator.currentIndexChanged.connect(self.refresh)
        self.grouping.currentIndexChanged.connect(self.refresh)
        self.agency.currentIndexChanged.connect(self._draw)

    def set_indicator(self, indicator_id: str) -> None:
        select_data(self.indicator, indicator_id)

    def set_agency(self, agency: str) -> None:
        select_data(self.agency, agency)

    def refresh(self) -> None:
        """Re-read the indicator's values (one query) and the agencies with a trend, then draw."""
        store = self._store_provider()
        if store is None:
            return
        fill_groupings(self.grouping, chart_queries.available_groupings(store))
        self._values = chart_queries.indicator_values(store, self.indicator.currentData(),
                                                      self.grouping.currentData())
        current = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(tr("(compare groups)"), ALL_GROUPS)
        for agency in chart_queries.agencies_with_trend(self._values):
            self.agency.addItem(agency, agency)
        self.agency.setCurrentIndex(max(0, self.agency.findData(current)))
        self.agency.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        agency, grouping = self.agency.currentData(), self.grouping.currentData()
        if agency:
            self.trends = [chart_queries.agency_trend(self._values, agency)]
        else:
            self.trends = chart_queries.group_trends(self._values)
        item = self.plot.getPlotItem()
        for line in self._lines:
            item.removeItem(line)
        self.legend.clear()
        self._lines = []
        years = sorted({p.year for trend in self.trends for p in trend.points})
        for index, trend in enumerate(self.trends):
            colour = QColor(PALETTE[index % len(PALETTE)])
            line = pg.PlotDataItem([p.year for p in trend.points], [p.median for p in trend.points],
                                   pen=pg.mkPen(colour, width=2), symbol="o", symbolBrush=colour,
                                   symbolPen=pg.mkPen("w"), symbolSize=8)
            item.addItem(line)
            self._lines.append(line)
            name = trend.group if agency else group_name(grouping, trend.group)
            self.legend.addItem(line, name)
        what = agency or tr("median by {0}").format(self.grouping.currentText().lower())
        item.setTitle(tr("{0} over the years: {1}").format(self.indicator.currentText(), what))
        item.setLabel("left", tr("Median value") if not agency else tr("Value"))
        if years:
            item.setXRange(years[0] - 0.5, years[-1] + 0.5, padding=0)
        item.enableAutoRange(axis="y")

    def table(self) -> tuple[list[str], list[list]]:
        grouping = self.grouping.currentData()
        agency = self.agency.currentData()
        header = [tr("Group"), tr("Report year"), tr("Median value"), tr("Reports")]
        rows = [[trend.group if agency else group_name(grouping, trend.group), p.year, p.median, p.n]
                for trend in self.trends for p in trend.points]
        return header, rows
