"""The Charts tab: the overview (one indicator across reports, by year, review progress) and
the charts that compare groups: distribution by group, trend over the years, coverage.

Each chart reads the store when it is shown and the data changed since (the window marks
the tab stale after every edit), so an edit never waits for a chart it cannot see.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from app.gui.chart_common import tr
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
        for chart, title in ((self.overview, tr("Overview")), (self.distribution, tr("By group")),
                             (self.trend, tr("Over the years")), (self.coverage, tr("Coverage"))):
            self.addTab(chart, title)
        for chart in (self.overview, self.distribution, self.coverage):
            chart.report_activated.connect(self.report_activated)
        self._stale = set(self.charts())
        self.currentChanged.connect(lambda _index: self._refresh_current())

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
        name = next(name for name, chart in self.charts().items() if chart is self.currentWidget())
        if name in self._stale:
            self._stale.discard(name)
            self.currentWidget().refresh()
