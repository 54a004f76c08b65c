"""The Charts tab: the overview (one indicator across reports, by year, review progress) and
the charts that compare groups: distribution by group, trend over the years, coverage.

Each chart reads the store when it is shown and the data changed since (the window marks
the tab stale after every edit), so an edit never waits for a chart it cannot see.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.gui.chart_common import ExportBar, tr
from app.gui.chart_coverage import CoverageChart
from app.gui.chart_distribution import DistributionChart
from app.gui.chart_trend import TrendChart
from app.gui.charts import ChartsPanel


class ChartsTabs(QTabWidget):
    report_activated = Signal(int)

    def __init__(self, store_provider: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("charts_tabs")
        self.overview = ChartsPanel(store_provider, self)
        self.distribution = DistributionChart(store_provider, self)
        self.trend = TrendChart(store_provider, self)
        self.coverage = CoverageChart(store_provider, self)
        self._pages = {"overview": self._overview_page(), "distribution": self.distribution,
                       "trend": self.trend, "coverage": self.coverage}
        for name, title in (("overview", tr("Overview")), ("distribution", tr("By group")),
                            ("trend", tr("Over the years")), ("coverage", tr("Coverage"))):
            self.addTab(self._pages[name], title)
        for chart in (self.overview, self.distribution, self.coverage):
            chart.report_activated.connect(self.report_activated)
        self._stale = set(self.charts())
        self.currentChanged.connect(lambda _index: self._refresh_current())

    def _overview_page(self) -> QWidget:
        """The overview with an export bar for its main chart, the bars of one indicator."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.overview, 1)
        self.overview_export = ExportBar(self.overview.indicator_plot, self._overview_table, "overview", page)
        layout.addWidget(self.overview_export)
        return page

    def _overview_table(self) -> tuple[list[str], list[list]]:
        header = [tr("Agency"), tr("Report year"), tr("Value"), tr("Unit"), tr("Status")]
        return header, [[p.agency, p.report_year, p.value, p.unit, p.status] for p in reversed(self.overview.bars)]

    def show_chart(self, name: str) -> None:
        self.setCurrentWidget(self._pages[name])

    def charts(self) -> dict[str, QWidget]:
        return {"overview": self.overview, "distribution": self.distribution, "trend": self.trend,
                "coverage": self.coverage}

    def set_indicator(self, indicator_id: str) -> None:
        for chart in (self.overview, self.distribution, self.trend):
            chart.set_indicator(indicator_id)

    def refresh(self) -> None:
        """The data changed: redraw the chart shown now, the others when they are shown."""
        self._stale = set(self.charts())
        self._refresh_current()

    def _refresh_current(self) -> None:
        name = next(name for name, page in self._pages.items() if page is self.currentWidget())
        if name in self._stale:
            self._stale.discard(name)
            self.charts()[name].refresh()
