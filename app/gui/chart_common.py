"""What the chart tabs share: the indicator and grouping choosers, group names in the interface
language, and the bar under every chart that saves it as PNG or SVG and copies its data.

Export goes through pyqtgraph's own exporters (ImageExporter at EXPORT_WIDTH pixels,
SVGExporter) on the chart's PlotItem, so the file shows the chart as drawn, axes and labels
included. The data is copied as tab-separated text, which a spreadsheet pastes as a table.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import PySide6  # noqa: F401  (pyqtgraph uses the Qt binding already imported)
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.core.agency_types import agency_type_name
from app.core.codebook import display_name, indicators
from app.gui.i18n import interface_language

EXPORT_WIDTH = 1600  # pixels of a PNG export; the height keeps the chart's proportions
# points a scatter draws at most (an even sample beyond; outliers are drawn besides): more only
# overprint, and pyqtgraph styles every point it is given one by one
MAX_POINTS = 2000


def tr(text: str) -> str:
    return QCoreApplication.translate("charts", text)


def grouping_names() -> dict[str, str]:
    return {"province": tr("Province"), "city": tr("City"), "level": tr("Level"),
            "agency_type": tr("Agency type"), "report_year": tr("Report year")}


def level_name(level: str) -> str:
    return {"province": tr("Province"), "city": tr("City"), "district": tr("District"),
            "county": tr("County")}.get(level, level)


def group_name(grouping: str, group: str) -> str:
    """A group's value as shown: a level or agency type in words, a place or year as it is."""
    if not group:
        return tr("Unknown")
    if grouping == "level":
        return level_name(group)
    if grouping == "agency_type":
        return agency_type_name(group, interface_language())
    return group


def indicator_combo(parent: QWidget, name: str) -> QComboBox:
    """Every codebook indicator by its display name, its id as the item's data."""
    combo = QComboBox(parent, objectName=name)
    language = interface_language()
    for item in indicators():
        combo.addItem(f"{display_name(item.id, language)} ({item.unit})", item.id)
    return combo


def grouping_combo(parent: QWidget, name: str, groupings: list[str]) -> QComboBox:
    combo = QComboBox(parent, objectName=name)
    fill_groupings(combo, groupings)
    return combo


def lay_out_page(page: QWidget, controls: list[QWidget], plot: QWidget, export_bar: QWidget) -> None:
    """A chart page: its controls in a row above the plot, the export bar below."""
    row = QHBoxLayout()
    for widget in controls:
        row.addWidget(widget)
    row.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addLayout(row)
    layout.addWidget(plot, 1)
    layout.addWidget(export_bar)


def select_data(combo: QComboBox, data) -> None:
    """Choose the item holding `data`; nothing changes when no item does."""
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def fill_groupings(combo: QComboBox, groupings: list[str]) -> None:
    """Offer the groupings this database can answer, keeping the current one when it still can."""
    current = combo.currentData()
    names = grouping_names()
    combo.blockSignals(True)
    combo.clear()
    for grouping in groupings:
        combo.addItem(names[grouping], grouping)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else max(0, combo.findData("level")))
    combo.blockSignals(False)


def save_png(plot_item, path: str | Path) -> None:
    exporter = pyqtgraph.exporters.ImageExporter(plot_item)
    exporter.parameters()["width"] = EXPORT_WIDTH
    exporter.export(str(path))


def save_svg(plot_item, path: str | Path) -> None:
    _tolerate_close_path()
    pyqtgraph.exporters.SVGExporter(plot_item).export(str(path))


def _tolerate_close_path() -> None:
    """pyqtgraph 0.14's SVG exporter reads every path token as "x,y" and fails on the "Z"
    (close path) that Qt 6 writes after each rectangle (pyqtgraph issue #3485). Qt's paths
    already end on their first point, and SVG closes fills by itself, so the exporter is
    given the paths without it. Wrapped once, only when a chart is first saved as SVG."""
    module = sys.modules[pyqtgraph.exporters.SVGExporter.__module__]
    original = module.correctCoordinates
    if getattr(original, "drops_close_path", False):
        return

    def correct_coordinates(node, defs, item, options):
        for path in node.getElementsByTagName("path"):
            path.setAttribute("d", " ".join(t for t in path.getAttribute("d").split() if t not in ("Z", "z")))
        return original(node, defs, item, options)
    correct_coordinates.drops_close_path = True
    module.correctCoordinates = correct_coordinates


def as_tsv(header: list[str], rows: list[list]) -> str:
    """Tab-separated lines; tabs and line breaks inside a cell become spaces."""
    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            value = f"{value:g}"
        return " ".join(str(value).split())
    return "\n".join("\t".join(cell(value) for value in line) for line in [header, *rows]) + "\n"


class ExportBar(QWidget):
    """Save PNG…, Save SVG…, Copy Data, for one chart's PlotItem and its table of data."""

    saved = Signal(str)  # the path written

    def __init__(self, plot_widget: pg.PlotWidget, table: Callable[[], tuple[list[str], list[list]]],
                 base_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot_widget, self.table, self.base_name = plot_widget, table, base_name
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        for label, name, slot in ((tr("Save PNG…"), "save_png", lambda: self._save("png")),
                                  (tr("Save SVG…"), "save_svg", lambda: self._save("svg")),
                                  (tr("Copy Data"), "copy_data", self.copy_data)):
            button = QPushButton(label, self, objectName=f"{base_name}_{name}")
            button.clicked.connect(lambda _checked=False, s=slot: s())
            layout.addWidget(button)

    def _save(self, kind: str) -> None:
        title = tr("Save Chart as PNG") if kind == "png" else tr("Save Chart as SVG")
        file_filter = tr("PNG image (*.png)") if kind == "png" else tr("SVG drawing (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self, title, f"{self.base_name}.{kind}", file_filter)
        if path:
            self.save(path, kind)

    def save(self, path: str, kind: str) -> None:
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        plot_item = self.plot_widget.getPlotItem()
        if kind == "png":
            save_png(plot_item, path)
        else:
            save_svg(plot_item, path)
        self.saved.emit(path)

    def copy_data(self) -> None:
        QApplication.clipboard().setText(as_tsv(*self.table()))
