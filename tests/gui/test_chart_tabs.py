"""The group charts on a generated database: what they draw comes from the store's values,
an outlier opens its report, every chart saves PNG and SVG and copies its data."""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_charts import build_database  # noqa: E402

from app.core.chart_stats import box_stats
from app.gui.chart_tabs import ChartsTabs
from app.store import chart_queries
from app.store.database import open_store


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("charts") / "charts.sqlite"
    build_database(path, 120)
    return path


@pytest.fixture
def tabs(qtbot, generated):
    store = open_store(generated, create=False)
    tabs = ChartsTabs(lambda: store)
    qtbot.addWidget(tabs)
    tabs.resize(1200, 700)
    tabs.show()
    qtbot.waitExposed(tabs)
    tabs.set_indicator("inspections")
    yield tabs, store
    store.close()


def test_boxes_are_the_store_values_by_group_and_an_outlier_opens_its_report(qtbot, tabs):
    tabs, store = tabs
    tabs.show_chart("distribution")
    chart = tabs.distribution
    values = chart_queries.indicator_values(store, "inspections", "level")
    by_level = {}
    for value in values:
        by_level.setdefault(value.group, []).append(value.value)
    assert [group for group, _, _ in chart.groups] == sorted(by_level)
    for group, box, _ in chart.groups:
        assert box == box_stats(by_level[group])
    assert list(chart.boxes.opts["y0"]) == [box.q1 for _, box, _ in chart.groups]
    assert chart.outliers, "lognormal values should give outliers"
    outlier = chart.outliers[0]
    spot = next(p for p in chart.outlier_points.points() if p.data() == outlier.report_id)
    view_box = chart.plot.getPlotItem().getViewBox()
    at = chart.plot.mapFromScene(view_box.mapViewToScene(spot.pos()))
    with qtbot.waitSignal(tabs.report_activated) as opened:
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert opened.args == [outlier.report_id]


def test_coverage_cells_are_the_reports_figures(qtbot, tabs):
    tabs, store = tabs
    tabs.show_chart("coverage")
    coverage = tabs.coverage.coverage
    assert coverage.n_reports == 120 and len(coverage.reports) == 120
    row_of = {report_id: row for row, (report_id, _, _) in enumerate(coverage.reports)}
    column = coverage.indicators.index("inspections")
    stated = {row for row, col, _ in coverage.cells if col == column}
    has = {row_of[r] for (r,) in store.conn.execute("SELECT DISTINCT report_id FROM figures WHERE indicator = ?",
                                                     ("inspections",))}
    assert stated == has
    report_id = coverage.reports[3][0]
    assert tabs.coverage.cell_at(QPointF(3.5, column + 0.5)) == (report_id, "inspections")


@pytest.mark.parametrize("name", ["overview", "distribution", "trend", "coverage"])
def test_every_chart_saves_png_and_svg_and_copies_its_data(qtbot, tabs, tmp_path, name):
    tabs, _ = tabs
    chart = tabs.charts()[name]
    tabs.show_chart(name)
    bar = getattr(chart, "export_bar", None) or tabs.overview_export
    bar.save(str(tmp_path / "chart.png"), "png")
    bar.save(str(tmp_path / "chart"), "svg")  # the suffix is added
    image = QImage(str(tmp_path / "chart.png"))
    assert image.width() == 1600 and image.height() > 200
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "</svg>" in svg
    bar.copy_data()
    lines = QApplication.clipboard().text().splitlines()
    header, rows = bar.table()
    assert lines[0].split("\t") == header and len(lines) == 1 + len(rows) and rows


def yearly(values) -> dict[str, dict[int, tuple[float, int]]]:
    """group -> year -> (median, count), worked out from the store's values one by one."""
    found: dict[str, dict[int, list[float]]] = {}
    for value in values:
        found.setdefault(value.group, {}).setdefault(value.report_year, []).append(value.value)
    return {group: {year: (statistics.median(v), len(v)) for year, v in years.items()}
            for group, years in found.items()}


def test_trend_lines_are_yearly_medians_by_group_or_for_one_agency(qtbot, tabs):
    tabs, store = tabs
    tabs.show_chart("trend")
    chart = tabs.trend
    values = chart_queries.indicator_values(store, "inspections", "level")
    expected = yearly(values)
    assert len(chart.trends) == len(expected) == 4
    for trend, line in zip(chart.trends, chart._lines):
        assert {p.year: (p.median, p.n) for p in trend.points} == expected[trend.group]
        assert list(line.xData) == [p.year for p in trend.points]
        assert list(line.yData) == [p.median for p in trend.points]
    years: dict[str, set[int]] = {}
    for value in values:
        years.setdefault(value.agency, set()).add(value.report_year)
    agency = min(name for name, found in years.items() if len(found) >= 2)
    chart.set_agency(agency)
    (trend,) = chart.trends
    alone = yearly([v for v in values if v.agency == agency])
    assert {p.year: (p.median, p.n) for p in trend.points} == next(iter(alone.values()))
    assert len(chart._lines) == 1 and chart._lines[0].isVisible()
    assert [label.text for _, label in chart.legend.items] == [agency]
