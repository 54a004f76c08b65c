"""The divisions in the window: the report list sorts and filters by province and level, and a
reviewer who edits the region sees the gazetteer's matches and picks one (one undo step)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.extract import extract
from app.core.model import Decoded
from app.gui.metadata_panel import MetadataPanel
from app.gui.report_list import ReportColumn, ReportListPanel
from app.store.database import open_store

REPORTS = {
    "yubei.txt": "重庆市渝北区卫生健康委员会关于2024年法治政府建设情况的报告",
    "zibo.txt": "淄博市司法局2023年法治政府建设年度报告",
    "sichuan.txt": "四川省司法厅2023年法治政府建设情况报告",
    "gulou.txt": "鼓楼区卫生健康局2023年法治政府建设情况报告",
}


@pytest.fixture
def store(tmp_path):
    store = open_store(str(tmp_path / "places.sqlite"))
    for name, title in REPORTS.items():
        text = f"{title}\n一、主要举措\n全年办理案件12件。\n二、存在问题\n不足。\n"
        store.add_report(name, text.encode("utf-8") + name.encode(), Decoded(text, "utf-8", 1.0), extract(text))
    yield store
    store.close()


def _id(store, file_name: str) -> int:
    return next(s.id for s in store.list_reports() if s.file_name == file_name)


def test_the_list_sorts_by_province_and_level_and_filters_by_them(qtbot, store):
    panel = ReportListPanel()
    qtbot.addWidget(panel)
    panel.set_store(store)

    def column(col):
        return [panel.proxy.index(row, col).data() for row in range(panel.proxy.rowCount())]
    panel.view.sortByColumn(ReportColumn.LEVEL, Qt.SortOrder.AscendingOrder)
    assert column(ReportColumn.LEVEL) == ["province", "city", "district", "district"]
    panel.view.sortByColumn(ReportColumn.PROVINCE, Qt.SortOrder.AscendingOrder)
    provinces = column(ReportColumn.PROVINCE)
    assert provinces[:3] == sorted(["四川省", "山东省", "重庆市"]) and provinces[3] == ""  # unknown last
    panel.filter_box.setText("山东")
    assert column(ReportColumn.AGENCY) == ["淄博市司法局"]
    panel.filter_box.setText("district")
    assert sorted(column(ReportColumn.AGENCY)) == ["重庆市渝北区卫生健康委员会", "鼓楼区卫生健康局"]


@pytest.fixture
def metadata_panel(qtbot, store):
    panel = MetadataPanel()
    qtbot.addWidget(panel)
    panel.store = store
    return panel


def test_a_region_in_several_cities_lists_them_and_the_pick_sets_the_division_in_one_step(metadata_panel, store):
    report_id = _id(store, "gulou.txt")
    metadata_panel.set_report(store.report(report_id))
    combo = metadata_panel.division_combo
    items = [combo.itemText(i) for i in range(1, combo.count())]
    assert "福建省 福州市 鼓楼区 350102" in items and len(items) == 4
    assert store.report(report_id).division_code is None
    with_signal = combo.findData("350102")
    combo.setCurrentIndex(with_signal)
    combo.activated.emit(with_signal)
    stored = store.report(report_id)
    assert (stored.province, stored.city, stored.county, stored.division_code) == ("福建省", "福州市", "鼓楼区", "350102")
    store.undo()
    stored = store.report(report_id)
    assert (stored.province, stored.division_code) == (None, None)  # the five fields were one step


def test_editing_the_region_to_one_match_takes_its_division_along(metadata_panel, store):
    report_id = _id(store, "zibo.txt")
    metadata_panel.set_report(store.report(report_id))
    metadata_panel.region_edit.setText("德清县")
    metadata_panel.region_edit.editingFinished.emit()
    stored = store.report(report_id)
    assert (stored.region, stored.level, stored.county, stored.division_code) == ("德清县", "county", "德清县", "330521")
    assert metadata_panel.division_combo.currentData() == "330521"
    assert metadata_panel.division_combo.currentText() == "浙江省 湖州市 德清县 330521"


def test_editing_the_region_to_a_repeated_name_clears_the_old_division(metadata_panel, store):
    report_id = _id(store, "zibo.txt")
    metadata_panel.set_report(store.report(report_id))
    metadata_panel.region_edit.setText("朝阳区")
    metadata_panel.region_edit.editingFinished.emit()
    stored = store.report(report_id)
    assert (stored.region, stored.province, stored.division_code) == ("朝阳区", None, None)
    assert metadata_panel.division_combo.count() == 3  # the prompt, 北京's and 长春's 朝阳区


def test_the_charts_colour_bars_by_province(qtbot, store):
    from app.gui.charts import ChartsPanel
    panel = ChartsPanel(lambda: store)
    qtbot.addWidget(panel)
    panel.set_indicator("cases_filed")
    panel.refresh()
    panel.colour_combo.setCurrentIndex(panel.colour_combo.findData("province"))
    legend = [label.text for _, label in panel.bar_legend.items]
    assert sorted(legend) == sorted(["四川省", "山东省", "重庆市", "Unknown"])  # 鼓楼区: no province
