"""The charts tab on a seeded database: bars, years and progress come from the store;
a click opens a report."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from review_fixtures import seeded_db, seeded_template  # noqa: F401

from app.core.codebook import indicator_ids
from app.core.model import STATUSES
from app.gui.charts import ChartsPanel
from app.store.database import open_store


@pytest.fixture
def store(seeded_db):
    store = open_store(str(seeded_db), create=False)
    yield store
    store.close()


@pytest.fixture
def panel(qtbot, store):
    panel = ChartsPanel(lambda: store)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def richest_indicator(store) -> str:
    """The indicator with values in the most reports: the one worth charting."""
    return max(indicator_ids(), key=lambda ind: sum(p.value is not None for p in store.indicator_series(ind)))


def valued_points(store, indicator: str):
    return [p for p in store.indicator_series(indicator) if p.value is not None]


def bar_widths(panel) -> list[float]:
    """The bars' lengths from bottom to top, over the items of every colour."""
    bars = sorted((y, width) for item in panel.bar_items
                  for y, width in zip(np.atleast_1d(item.opts["y"]), np.atleast_1d(item.opts["width"])))
    assert [y for y, _ in bars] == list(range(len(bars)))
    return [width for _, width in bars]


def test_bars_show_every_report_with_a_value_sorted(panel, store):
    indicator = richest_indicator(store)
    expected = valued_points(store, indicator)
    assert len(expected) >= 2, "the seeds should give some indicator values in two reports"
    panel.set_indicator(indicator)
    panel.refresh()
    assert sorted(p.report_id for p in panel.bars) == sorted(p.report_id for p in expected)
    values = [p.value for p in panel.bars]
    assert values == sorted(values)
    assert bar_widths(panel) == values
    ticks = panel.indicator_plot.getPlotItem().getAxis("left")._tickLevels[0]
    for (_, name), point in zip(ticks, panel.bars):  # each bar is named by agency, year and value
        assert name.startswith((point.agency or "(agency unknown)")[:6]) and name.endswith(f"{point.report_year}: {point.value:g}")
    years = sorted({p.report_year for p in expected if p.report_year})
    assert list(panel.year_median.xData) == years


def test_progress_counts_follow_the_review(panel, store):
    panel.refresh()
    assert list(panel.progress_item.opts["height"]) == [store.progress()[s] for s in STATUSES]
    bar_items = list(panel.bar_items)
    figure_id = next(f.id for rid in store.report_ids() for f in store.figures(rid))
    store.confirm([figure_id])
    panel.refresh()
    heights = dict(zip(STATUSES, panel.progress_item.opts["height"]))
    assert heights["confirmed"] == 1
    assert heights["pending"] == store.progress()["pending"]
    assert "1 of" in panel.progress_plot.getPlotItem().titleLabel.text
    assert panel.bar_items == bar_items  # data is set on the items built once


def test_clicking_a_bar_emits_its_report(qtbot, panel, store):
    panel.set_indicator(richest_indicator(store))
    panel.refresh()
    for index, point in enumerate(panel.bars):
        with qtbot.waitSignal(panel.report_activated) as signal:
            panel.activate_bar_at(QPointF(point.value / 2, index))
        assert signal.args == [point.report_id]
    with qtbot.assertNotEmitted(panel.report_activated):
        panel.activate_bar_at(QPointF(panel.bars[0].value * 3 + 1, 0))  # right of the bar


def test_a_real_mouse_click_on_the_top_bar(qtbot, panel, store):
    panel.set_indicator(richest_indicator(store))
    panel.refresh()
    top = len(panel.bars) - 1
    view_box = panel.indicator_plot.getPlotItem().getViewBox()

    def every_bar_in_view():  # pyqtgraph applies the auto range when it next paints
        (_left, right), (bottom, upper) = view_box.viewRange()
        return right >= max(bar.value for bar in panel.bars) and bottom <= 0 and upper >= top
    qtbot.waitUntil(every_bar_in_view)
    scene_pos = view_box.mapViewToScene(QPointF(panel.bars[top].value / 2, top))
    widget_pos = panel.indicator_plot.mapFromScene(scene_pos)
    with qtbot.waitSignal(panel.report_activated) as signal:
        qtbot.mouseClick(panel.indicator_plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos)
    assert signal.args == [panel.bars[top].report_id]


def test_colour_by_level_changes_the_legend(panel, store):
    panel.set_indicator(richest_indicator(store))
    panel.refresh()

    def legend_names():
        return [label.text for _, label in panel.bar_legend.items]

    region_names = legend_names()
    panel.colour_combo.setCurrentIndex(panel.colour_combo.findData("level"))
    level_names = legend_names()
    assert level_names != region_names
    levels = {p.level for p in panel.bars}
    assert len(level_names) == len(levels)


def test_an_indicator_without_values_says_so(panel, store):
    # the seeds may give every indicator a value: rejected figures give none
    empty = min(indicator_ids(), key=lambda ind: len(valued_points(store, ind)))
    store.reject([f.id for rid in store.report_ids() for f in store.figures(rid) if f.indicator == empty])
    assert not valued_points(store, empty)
    panel.set_indicator(empty)
    panel.refresh()
    assert panel.bars == []
    assert "No figures" in panel.empty_text.textItem.toPlainText()


def test_many_regions_share_the_palette_and_the_rest_is_grouped(qtbot, tmp_path):
    from store_fixtures import add_sample

    from app.gui.charts import PALETTE
    store = open_store(tmp_path / "regions.sqlite")
    try:
        for index in range(len(PALETTE) + 5):
            report_id = add_sample(store, f"r{index}.txt", agency=f"第{index}区卫生健康委员会")
            store.update_metadata(report_id, region=f"第{index}区")
        panel = ChartsPanel(lambda: store)
        qtbot.addWidget(panel)
        panel.set_indicator("inspections")
        panel.refresh()
        names = [label.text for _, label in panel.bar_legend.items]
        assert len(panel.bars) == len(PALETTE) + 5
        assert len(names) == len(PALETTE) + 1 and names[-1] == "Other regions"
    finally:
        store.close()


def test_clicking_the_legend_leaves_the_bars_shown(qtbot, panel, store):
    panel.set_indicator(richest_indicator(store))
    panel.refresh()
    sample, _label = panel.bar_legend.items[0]
    qtbot.waitUntil(lambda: sample.isVisible())
    at = panel.indicator_plot.mapFromScene(sample.sceneBoundingRect().center())
    qtbot.mouseClick(panel.indicator_plot.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert all(item.isVisible() for item in panel.bar_items)
