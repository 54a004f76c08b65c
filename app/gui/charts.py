"""The charts tab: one indicator across all reports, the same indicator by year, review progress.

Charts read typed rows from the store (`indicator_series`, `progress`), never display
strings. Every plot item is created once; `refresh()` only sets new data. The bar chart is
horizontal so the Chinese agency names can stand beside their bars; clicking a bar (or a
point in the year chart) emits `report_activated(report_id)`.
"""
from __future__ import annotations

import statistics
from collections import Counter
from typing import Callable

import numpy as np
import PySide6  # noqa: F401  (pyqtgraph uses the Qt binding already imported)
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QToolTip, QVBoxLayout, QWidget

from app.core.codebook import display_name, indicators
from app.core.model import LEVELS, STATUSES
from app.gui.chart_common import MAX_POINTS
from app.gui.i18n import interface_language
from app.gui.theme import status_colour

MAX_NAMED_BARS = 40  # beyond this the names would overlap: hovering still tells them
MAX_NAME_WIDTH = 320  # pixels of the left axis given to agency names; longer ones are elided
# a qualitative palette (Tableau 10): neighbouring regions stay distinguishable
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
BAR_HEIGHT = 0.8
UNKNOWN_COLOUR = QColor("#9e9e9e")
OTHER_COLOUR = QColor("#d3d3d3")
OTHER_GROUP = "\x00other"  # not a region name: the regions beyond the palette, in one colour
LEVEL_COLOURS = dict(zip(LEVELS, PALETTE))
POINT_COLOUR = QColor(31, 119, 180, 150)
MEDIAN_COLOUR = QColor("#d62728")


_configured = False


def _configure_pyqtgraph() -> None:
    global _configured
    if not _configured:
        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        _configured = True


def _indicator_label(item) -> str:
    """"Inspections (户次)": the codebook's name in the interface language and the unit."""
    return f"{display_name(item.id, interface_language())} ({item.unit})"


class _LegendSample(pg.ItemSample):
    """A legend sample that only shows its colour: the samples are the bar items themselves,
    and pyqtgraph's would hide a group's bars on a click (while they stay clickable)."""

    def mouseClickEvent(self, event) -> None:
        event.ignore()


class ChartsPanel(QWidget):
    report_activated = Signal(int)

    def __init__(self, store_provider: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        _configure_pyqtgraph()
        self.setObjectName("charts_panel")
        self._store_provider = store_provider
        self.bars: list = []  # IndicatorPoints in bar order, bottom (smallest) to top
        self.year_points: list = []
        self._points_by_report: dict = {}  # report id -> IndicatorPoint, for tooltips
        self.progress_counts: dict[str, int] = {}
        self._unit = ""  # the axis label of the indicator's values
        self._build_controls()
        self._build_indicator_plot()
        self._build_year_plot()
        self._build_progress_plot()
        right = QSplitter(Qt.Orientation.Vertical, self, objectName="charts_right_splitter")
        right.addWidget(self.year_plot)
        right.addWidget(self.progress_plot)
        splitter = QSplitter(Qt.Orientation.Horizontal, self, objectName="charts_splitter")
        splitter.addWidget(self.indicator_plot)
        splitter.addWidget(right)
        splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls)
        layout.addWidget(splitter, 1)

    # --- building, once ---------------------------------------------------------------
    def _build_controls(self) -> None:
        self.indicator_combo = QComboBox(self, objectName="indicator_combo")
        for item in indicators():
            self.indicator_combo.addItem(_indicator_label(item), item.id)
            self.indicator_combo.setItemData(self.indicator_combo.count() - 1, f"{item.id}: {item.description}",
                                             Qt.ItemDataRole.ToolTipRole)
        self.colour_combo = QComboBox(self, objectName="colour_combo")
        self.colour_combo.addItem(self.tr("Region"), "region")
        self.colour_combo.addItem(self.tr("Level"), "level")
        self.colour_combo.addItem(self.tr("Province"), "province")
        self.summary_label = QLabel(self, objectName="charts_summary")
        self._controls = QHBoxLayout()
        self._controls.addWidget(QLabel(self.tr("Indicator:"), self))
        self._controls.addWidget(self.indicator_combo)
        self._controls.addWidget(QLabel(self.tr("Colour bars by:"), self))
        self._controls.addWidget(self.colour_combo)
        self._controls.addWidget(self.summary_label, 1)
        self.indicator_combo.currentIndexChanged.connect(self.refresh_indicator)
        self.colour_combo.currentIndexChanged.connect(self._draw_bars)

    def _build_indicator_plot(self) -> None:
        self.indicator_plot = pg.PlotWidget(self)
        self.indicator_plot.setObjectName("indicator_plot")
        plot = self.indicator_plot.getPlotItem()
        plot.setMenuEnabled(False)
        plot.showGrid(x=True, y=False, alpha=0.15)
        # one item per colour group (each draws its bars in one call, where bars of many colours
        # in one item are drawn one by one): enough for the palette, "unknown" and "other"
        self.bar_items = [pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT, pen=None)
                          for _ in range(len(PALETTE) + 2)]
        for bar_item in self.bar_items:
            plot.addItem(bar_item)
        # bottom right: the smallest bars leave that corner empty
        self.bar_legend = plot.addLegend(offset=(-10, -10), sampleType=_LegendSample)
        self._legend_shown: list = []  # (name, colour) of each legend entry, to rebuild it only on a change
        self.empty_text = pg.TextItem(anchor=(0.5, 0.5), color="#666666")
        plot.addItem(self.empty_text)
        self.indicator_plot.scene().sigMouseClicked.connect(self._on_bar_scene_click)
        self._hover = pg.SignalProxy(self.indicator_plot.scene().sigMouseMoved, rateLimit=30,
                                     slot=self._on_bar_hover)

    def _build_year_plot(self) -> None:
        self.year_plot = pg.PlotWidget(self)
        self.year_plot.setObjectName("year_plot")
        plot = self.year_plot.getPlotItem()
        plot.setMenuEnabled(False)
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setLabel("bottom", self.tr("Report year"))
        plot.getAxis("bottom").setTickSpacing(1, 1)
        legend = plot.addLegend(offset=(-10, 10))
        self.year_scatter = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w"), brush=pg.mkBrush(POINT_COLOUR),
                                               hoverable=True, tip=self._point_tip)
        self.year_median = pg.PlotDataItem(pen=pg.mkPen(MEDIAN_COLOUR, width=2), symbol="d",
                                           symbolBrush=MEDIAN_COLOUR, symbolPen=MEDIAN_COLOUR)
        self.year_median.setZValue(1)  # the line stays readable over thousands of points
        plot.addItem(self.year_median)
        plot.addItem(self.year_scatter)
        legend.addItem(self.year_scatter, self.tr("one report"))
        legend.addItem(self.year_median, self.tr("median of the year"))
        self.year_scatter.sigClicked.connect(self._on_point_clicked)

    def _build_progress_plot(self) -> None:
        self.progress_plot = pg.PlotWidget(self)
        self.progress_plot.setObjectName("progress_plot")
        plot = self.progress_plot.getPlotItem()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.setLabel("left", self.tr("Figures"))
        plot.getAxis("bottom").setTicks([[(i, self.status_name(s)) for i, s in enumerate(STATUSES)]])
        brushes = [pg.mkBrush(status_colour(status)) for status in STATUSES]
        pens = [pg.mkPen(status_colour(status).darker(160)) for status in STATUSES]
        self.progress_item = pg.BarGraphItem(x=list(range(len(STATUSES))), height=[0] * len(STATUSES),
                                             width=0.7, brushes=brushes, pens=pens)
        plot.addItem(self.progress_item)
        self.progress_labels = [pg.TextItem(anchor=(0.5, 1.0), color="k") for _ in STATUSES]
        for label in self.progress_labels:
            plot.addItem(label)

    # --- data ---------------------------------------------------------------------------
    def current_indicator(self) -> str:
        return self.indicator_combo.currentData()

    def _indicator_name(self) -> str:
        return display_name(self.current_indicator(), interface_language())

    def set_indicator(self, indicator_id: str) -> None:
        index = self.indicator_combo.findData(indicator_id)
        if index >= 0:
            self.indicator_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        """Re-read everything from the store (the window calls this when the tab is shown)."""
        self.refresh_indicator()
        self._draw_progress()

    def refresh_indicator(self) -> None:
        store = self._store_provider()
        points = store.indicator_series(self.current_indicator()) if store is not None else []
        points = [point for point in points if point.value is not None]
        self.bars = sorted(points, key=lambda point: (point.value, point.agency or ""))
        self.year_points = [point for point in points if point.report_year is not None]
        self._points_by_report = {point.report_id: point for point in points}
        self._unit = self._unit_label()
        self._draw_bars()
        self._draw_years()

    def _unit_label(self) -> str:
        units = Counter(point.unit for point in self.bars if point.unit)
        unit = units.most_common(1)[0][0] if units else ""
        return self.tr("Value") + (f" ({unit})" if unit else "")

    def _draw_bars(self) -> None:
        plot = self.indicator_plot.getPlotItem()
        key = self.colour_combo.currentData()
        bar_groups = self._bar_groups(key)
        groups = sorted(set(bar_groups), key=lambda g: (g == "", g == OTHER_GROUP,
                                                        LEVELS.index(g) if g in LEVELS else 0, g))
        colours = self._group_colours(key, groups)
        outlined = len(self.bars) <= MAX_NAMED_BARS  # outlines would blacken thousands of thin bars
        widths = np.fromiter((point.value for point in self.bars), dtype=float, count=len(self.bars))
        position = {group: index for index, group in enumerate(groups)}
        of_group = np.fromiter((position[g] for g in bar_groups), dtype=int, count=len(bar_groups))
        for index, bar_item in enumerate(self.bar_items):
            rows = np.flatnonzero(of_group == index) if index < len(groups) else np.empty(0, dtype=int)
            colour = colours[groups[index]] if index < len(groups) else UNKNOWN_COLOUR
            bar_item.setOpts(x0=0, y=rows, width=widths[rows], height=BAR_HEIGHT, brush=pg.mkBrush(colour),
                             pen=pg.mkPen(colour.darker(140)) if outlined else None)
        self._fill_legend(groups, colours, key)
        self._name_bars(plot.getAxis("left"))
        plot.setLabel("bottom", self._unit)
        plot.setTitle(self.tr("{0}: one bar per report, sorted").format(self._indicator_name()))
        plot.enableAutoRange()
        self.empty_text.setText("" if self.bars else self.tr("No figures for this indicator yet"))
        self.empty_text.setPos(0.5, 0.5)
        self.summary_label.setText(self.tr("Reports with a value: %n", "", len(self.bars)))

    def _bar_groups(self, key: str) -> list[str]:
        """Each bar's colour group: its level, or its region (province) if that is one of the most
        frequent (a legend of 160 regions helps nobody); the other regions share one grey."""
        values = [getattr(point, key) or "" for point in self.bars]
        if key == "level":
            return values
        frequent = {region for region, _ in Counter(v for v in values if v).most_common(len(PALETTE))}
        return [value if not value or value in frequent else OTHER_GROUP for value in values]

    def _name_bars(self, axis) -> None:
        """Agency and year beside each bar when they fit; the axis drops labels wider than itself."""
        if not self.bars or len(self.bars) > MAX_NAMED_BARS:
            axis.setTicks([[]])
            axis.setWidth(None)
            return
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        names = [self._bar_name(point, metrics) for point in self.bars]
        axis.setTicks([list(enumerate(names))])
        axis.setWidth(max(metrics.horizontalAdvance(name) for name in names) + 24)

    def _group_colours(self, key: str, groups: list[str]) -> dict[str, QColor]:
        colours = {"": UNKNOWN_COLOUR, OTHER_GROUP: OTHER_COLOUR}
        named = [group for group in groups if group and group != OTHER_GROUP]
        for index, group in enumerate(named):
            if key == "level" and group in LEVEL_COLOURS:
                colours[group] = QColor(LEVEL_COLOURS[group])
            else:
                colours[group] = QColor(PALETTE[index % len(PALETTE)])
        return colours

    def _fill_legend(self, groups: list[str], colours: dict[str, QColor], key: str) -> None:
        """A legend entry per group, its bars as the sample; rebuilt only when the groups change
        (each entry lays out its text)."""
        names = []
        for group in groups:
            if key == "level":
                names.append(self.level_name(group))
            else:
                names.append(self.tr("Other regions") if group == OTHER_GROUP else (group or self.tr("Unknown")))
        shown = [(name, colours[group].name()) for name, group in zip(names, groups)]
        if shown == self._legend_shown:
            return
        self.bar_legend.clear()
        for bar_item, name in zip(self.bar_items, names):
            self.bar_legend.addItem(bar_item, name)
        self._legend_shown = shown

    def _draw_years(self) -> None:
        plot = self.year_plot.getPlotItem()
        # thousands of points overprint each other: an even sample shows the same cloud (the
        # medians use every report), and pyqtgraph styles each point it is given one by one
        shown = self.year_points[::max(1, -(-len(self.year_points) // MAX_POINTS))]
        ids = np.fromiter((p.report_id for p in shown), dtype=np.int64, count=len(shown))
        years_of = np.fromiter((p.report_year for p in shown), dtype=float, count=len(shown))
        # a fixed sideways offset within ±0.3 year, so reports with equal values do not hide each other
        self.year_scatter.setData(x=years_of + ((ids * 0.618034) % 1.0 - 0.5) * 0.6,
                                  y=np.fromiter((p.value for p in shown), dtype=float, count=len(shown)), data=ids)
        by_year: dict[int, list[float]] = {}
        for point in self.year_points:
            by_year.setdefault(point.report_year, []).append(point.value)
        years = sorted(by_year)
        medians = [statistics.median(by_year[year]) for year in years]
        self.year_median.setData(x=years, y=medians)
        plot.setLabel("left", self._unit)
        plot.setTitle(self.tr("{0} by report year").format(self._indicator_name()))
        if years:
            plot.setXRange(years[0] - 0.5, years[-1] + 0.5, padding=0)
        plot.enableAutoRange(axis="y")

    def _draw_progress(self) -> None:
        store = self._store_provider()
        self.progress_counts = store.progress() if store is not None else {}
        counts = [self.progress_counts.get(status, 0) for status in STATUSES]
        self.progress_item.setOpts(height=counts)
        for index, (label, count) in enumerate(zip(self.progress_labels, counts)):
            label.setText(str(count))
            label.setPos(index, count)
        total = sum(counts)
        reviewed = total - self.progress_counts.get("pending", 0)
        self.progress_plot.getPlotItem().setTitle(
            self.tr("Review progress: {0} of {1} figures reviewed").format(reviewed, total))
        self.progress_plot.getPlotItem().setYRange(0, max(counts + [1]) * 1.15, padding=0)

    # --- interaction ------------------------------------------------------------------
    def bar_at(self, view_pos: QPointF):
        """The IndicatorPoint whose bar covers this point of the plot's data coordinates."""
        index = round(view_pos.y())
        if not 0 <= index < len(self.bars) or abs(view_pos.y() - index) > BAR_HEIGHT / 2:
            return None
        value = self.bars[index].value
        return self.bars[index] if min(0, value) <= view_pos.x() <= max(0, value) else None

    def activate_bar_at(self, view_pos: QPointF) -> None:
        point = self.bar_at(view_pos)
        if point is not None:
            self.report_activated.emit(point.report_id)

    def _on_bar_scene_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        view_box = self.indicator_plot.getPlotItem().getViewBox()
        if view_box.sceneBoundingRect().contains(event.scenePos()):
            self.activate_bar_at(view_box.mapSceneToView(event.scenePos()))

    def _on_bar_hover(self, args) -> None:
        view_box = self.indicator_plot.getPlotItem().getViewBox()
        point = self.bar_at(view_box.mapSceneToView(args[0]))
        if point is not None:
            tip = self._point_tip(None, None, point.report_id)
            QToolTip.showText(QCursor.pos(), tip, self.indicator_plot)

    def _on_point_clicked(self, _item, points, _event=None) -> None:
        if len(points):
            self.report_activated.emit(int(points[0].data()))

    def _point_tip(self, x, y, data) -> str:
        point = self._points_by_report.get(data)
        if point is None:
            return ""
        agency = point.agency or self.tr("(agency unknown)")
        year = "" if point.report_year is None else f" · {point.report_year}"
        return f"{agency}{year}\n{point.value:g} {point.unit or ''} · {self.status_name(point.status)}"

    def _bar_name(self, point, metrics: QFontMetrics) -> str:
        """"重庆市渝北区卫生健康委员会 2024: 20"; a long name loses its end, never the numbers."""
        year = f" {point.report_year}" if point.report_year else ""
        suffix = f"{year}: {point.value:g}"
        agency = point.agency or self.tr("(agency unknown)")
        room = MAX_NAME_WIDTH - metrics.horizontalAdvance(suffix)
        return metrics.elidedText(agency, Qt.TextElideMode.ElideRight, room) + suffix

    def status_name(self, status: str) -> str:
        return {"pending": self.tr("Pending"), "confirmed": self.tr("Confirmed"),
                "corrected": self.tr("Corrected"), "rejected": self.tr("Rejected"),
                "added": self.tr("Added")}.get(status, status)

    def level_name(self, level: str) -> str:
        return {"province": self.tr("Province"), "city": self.tr("City"), "district": self.tr("District"),
                "county": self.tr("County")}.get(level, self.tr("Unknown"))

