"""Distribution of one indicator by group: a box per group over the reports' values as points.

Each group (level, agency type, year, province/city once the database has them) gets a box
from its first to third quartile, a median line, whiskers to 1.5 × IQR and its count under the
axis; every report is a faint point (a strip; an even sample of MAX_POINTS beyond that), and the
outliers are labelled with their agency and year. Clicking an outlier or a point emits `report_activated(report_id)`.
"""
from __future__ import annotations

from itertools import groupby
from operator import attrgetter
from typing import Callable

import numpy as np
import PySide6  # noqa: F401
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from app.core.chart_stats import box_stats
from app.gui.chart_common import (MAX_POINTS, ExportBar, fill_groupings, group_name, grouping_combo, indicator_combo,
                                  lay_out_page, select_data, tr)
from app.store import chart_queries

BOX_WIDTH = 0.6
MAX_LABELLED = 30  # outlier labels beyond this would cover each other; hovering still names them
LABEL_GAP = 0.03  # of the outliers' value range: labels closer than this in one group would overprint
BOX_BRUSH = QColor(78, 121, 167, 90)
BOX_PEN = QColor("#4e79a7")
MEDIAN_COLOUR = QColor("#d62728")
POINT_BRUSH = QColor(31, 119, 180, 70)
OUTLIER_BRUSH = QColor("#e15759")


class DistributionChart(QWidget):
    report_activated = Signal(int)

    def __init__(self, store_provider: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("distribution_chart")
        self._store_provider = store_provider
        self.groups: list[tuple[str, object, list]] = []  # (group, BoxStats, its GroupedValues)
        self.outliers: list = []  # GroupedValues labelled as outliers
        self.indicator = indicator_combo(self, "distribution_indicator")
        self.grouping = grouping_combo(self, "distribution_grouping", ["level"])
        self.log_scale = QCheckBox(tr("Log scale"), self, objectName="distribution_log")
        self.plot = pg.PlotWidget(self, objectName="distribution_plot")
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.showGrid(x=False, y=True, alpha=0.15)
        self.boxes = pg.BarGraphItem(x=[], y0=[], height=[], width=BOX_WIDTH, brush=BOX_BRUSH, pen=BOX_PEN)
        self.whiskers = pg.PlotDataItem(connect="pairs", pen=pg.mkPen(BOX_PEN, width=1))
        self.medians = pg.PlotDataItem(connect="pairs", pen=pg.mkPen(MEDIAN_COLOUR, width=3))
        self.points = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(POINT_BRUSH), hoverable=True,
                                         tip=self._tip)
        self.outlier_points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w"), brush=pg.mkBrush(OUTLIER_BRUSH),
                                                 hoverable=True, tip=self._tip)
        for part in (self.boxes, self.whiskers, self.points, self.medians, self.outlier_points):
            item.addItem(part)
        self.medians.setZValue(2)
        self.outlier_points.setZValue(3)
        self._labels = [pg.TextItem(anchor=(0, 0.5), color="#444444") for _ in range(MAX_LABELLED)]
        for label in self._labels:
            label.hide()
            item.addItem(label)
        self._by_report: dict[int, object] = {}
        self.points.sigClicked.connect(self._clicked)
        self.outlier_points.sigClicked.connect(self._clicked)
        self.export_bar = ExportBar(self.plot, self.table, "distribution", self)
        lay_out_page(self, [QLabel(tr("Indicator:"), self), self.indicator, QLabel(tr("Group by:"), self),
                       self.grouping, self.log_scale], self.plot, self.export_bar)
        self.indicator.currentIndexChanged.connect(self.refresh)
        self.grouping.currentIndexChanged.connect(self.refresh)
        self.log_scale.toggled.connect(self.refresh)

    def set_indicator(self, indicator_id: str) -> None:
        select_data(self.indicator, indicator_id)

    def refresh(self) -> None:
        store = self._store_provider()
        if store is None:
            return
        fill_groupings(self.grouping, chart_queries.available_groupings(store))
        grouping = self.grouping.currentData()
        values = chart_queries.indicator_values(store, self.indicator.currentData(), grouping)
        if self.log_scale.isChecked():
            values = [v for v in values if v.value > 0]  # no logarithm of zero
        # the store gives each group's values together (and sorted): one box per run
        self.groups = []
        for group, found in groupby(values, key=attrgetter("group")):
            found = list(found)
            self.groups.append((group, box_stats(self._ys(found).tolist()), found))
        self._by_report = {v.report_id: v for v in values}
        self._draw(grouping)

    def _ys(self, values: list) -> np.ndarray:
        ys = np.fromiter((v.value for v in values), dtype=float, count=len(values))
        return np.log10(ys) if self.log_scale.isChecked() else ys

    def _draw(self, grouping: str) -> None:
        item = self.plot.getPlotItem()
        boxes = [box for _, box, _ in self.groups]
        xs = np.arange(len(self.groups), dtype=float)
        self.boxes.setOpts(x=xs, y0=[b.q1 for b in boxes], height=[b.q3 - b.q1 for b in boxes], width=BOX_WIDTH)
        half = BOX_WIDTH / 2
        self.medians.setData(x=np.repeat(xs, 2) + np.tile([-half, half], len(xs)),
                             y=np.repeat([b.median for b in boxes], 2))
        # per box: the stem from whisker to whisker (through the box) and a cap at each end
        self.whiskers.setData(x=(xs[:, None] + [0, 0, 0, 0, -half / 2, half / 2, -half / 2, half / 2]).ravel(),
                              y=np.array([[b.low, b.q1, b.q3, b.high, b.low, b.low, b.high, b.high]
                                          for b in boxes]).ravel())
        self.outliers, outlier_x, plain, plain_x = [], [], [], []
        for x, (_, box, found) in enumerate(self.groups):
            out = set(box.outliers)
            self.outliers += [found[i] for i in box.outliers]
            outlier_x += [x] * len(box.outliers)
            plain += [v for i, v in enumerate(found) if i not in out]
            plain_x += [x] * (len(found) - len(out))
        step = max(1, -(-len(plain) // MAX_POINTS))  # beyond that a strip is a smear: a sample shows it
        plain, plain_x = plain[::step], np.array(plain_x[::step], dtype=float)
        ids = np.fromiter((v.report_id for v in plain), dtype=np.int64, count=len(plain))
        self.points.setData(x=plain_x + ((ids * 0.618034) % 1.0 - 0.5) * BOX_WIDTH * 0.8, y=self._ys(plain), data=ids)
        self.outlier_points.setData(x=np.array(outlier_x, dtype=float), y=self._ys(self.outliers),
                                    data=np.array([v.report_id for v in self.outliers], dtype=np.int64))
        self._label_outliers(dict(zip((v.report_id for v in self.outliers), outlier_x)))
        item.getAxis("bottom").setTicks([[(x, f"{group_name(grouping, group)} (n = {box.n})")
                                          for x, (group, box, _) in enumerate(self.groups)]])
        unit = next((v.unit for _, _, found in self.groups for v in found if v.unit), "")
        axis_label = tr("Value") + (f" ({unit})" if unit else "")
        item.setLabel("left", (tr("log₁₀ of {0}").format(axis_label)) if self.log_scale.isChecked() else axis_label)
        n = sum(box.n for box in boxes)
        item.setTitle(tr("{0}: {1} reports in {2} groups, {3} outliers").format(
            self.indicator.currentText(), n, len(self.groups), len(self.outliers)))
        if len(xs):
            item.setXRange(-0.6, len(xs) - 0.4, padding=0)
        item.enableAutoRange(axis="y")

    def _label_outliers(self, x_of: dict) -> None:
        """Name the furthest outliers, on labels made once (a new TextItem costs a text layout)."""
        furthest = sorted(self.outliers, key=lambda v: -abs(v.value))[:MAX_LABELLED]
        middle = (len(self.groups) - 1) / 2
        ys = self._ys(self.outliers)
        gap = (ys.max() - ys.min()) * LABEL_GAP if len(ys) else 0
        placed: dict[int, list[float]] = {}
        labels = iter(self._labels)
        for value, y in zip(furthest, self._ys(furthest)):
            x = x_of[value.report_id]
            if any(abs(y - other) < gap for other in placed.get(x, [])):
                continue  # it would overprint a label already there; hovering names it
            placed.setdefault(x, []).append(y)
            right_half = x > middle  # labels point inwards, so the last group's stay on the chart
            label = next(labels)
            label.setText(self._short_name(value))
            label.setAnchor((1 if right_half else 0, 0.5))
            label.setPos(x - 0.08 if right_half else x + 0.08, y)
            label.show()
        for label in labels:
            label.hide()

    @staticmethod
    def _short_name(value) -> str:
        agency = value.agency or value.file_name
        year = f" {value.report_year}" if value.report_year else ""
        return f"{agency[:14]}{'…' if len(agency) > 14 else ''}{year}: {value.value:g}"

    def _tip(self, x, y, data) -> str:
        value = self._by_report.get(data)
        if value is None:
            return ""
        return f"{value.agency or value.file_name} {value.report_year or ''}\n{value.value:g} {value.unit or ''}"

    def _clicked(self, _item, points, _event=None) -> None:
        if len(points):
            self.report_activated.emit(int(points[0].data()))

    def table(self) -> tuple[list[str], list[list]]:
        """One row per group: its count and box, for the clipboard."""
        header = [tr("Group"), "n", tr("Minimum (whisker)"), "Q1", tr("Median"), "Q3", tr("Maximum (whisker)"),
                  tr("Outliers")]
        grouping = self.grouping.currentData()
        rows = [[group_name(grouping, group), box.n, box.low, box.q1, box.median, box.q3, box.high,
                 "; ".join(self._short_name(found[i]) for i in box.outliers)]
                for group, box, found in self.groups]
        return header, rows
