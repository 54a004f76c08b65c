"""The report list keeps compact columns and reads its rows from the store a block at a time:
what the reviewer sees must be what a plain list of every report, sorted and filtered in
Python, would show (more rows than one block, missing values, ties, words in any case)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.core.extract import extract
from app.core.model import LEVELS, Decoded
from app.gui import report_list
from app.gui.list_columns import ALL_COLUMNS, FilterTexts
from app.gui.report_list import BLOCK, ReportColumn, ReportListPanel
from app.gui.roles import Role
from app.store.database import open_store

PLACES = ("重庆市渝北区", "淄博市", "四川省", "鼓楼区", "酉阳县", "杭州市西湖区", "广东省", "")
AGENCIES = ("卫生健康委员会", "司法局", "市场监督管理局", "教育局")
N_REPORTS = BLOCK * 2 + 37  # rows past the first block are read as the view reaches them


def _text(number: int) -> str:
    place, agency = PLACES[number % len(PLACES)], AGENCIES[number // len(PLACES) % len(AGENCIES)]
    year = 2019 + number % 6
    title = f"{place}{agency}关于{year}年法治政府建设情况的报告" if number % 11 else "年度工作总结"
    return f"{title}\n一、主要举措\n全年办理案件{number + 1}件，培训{number % 7}次。\n二、存在问题\n不足。\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("list") / "list.sqlite"))
    for number in range(N_REPORTS):
        text = _text(number)
        name = f"Report-{number:03d}.TXT" if number % 5 == 0 else f"报告{number:03d}.txt"
        store.add_report(name, text.encode("utf-8") + name.encode(), Decoded(text, "utf-8", 1.0), extract(text))
    for report_id in store.report_ids()[::3]:  # a third of the reports partly or wholly reviewed
        figures = store.figures(report_id)
        store.confirm([f.id for f in figures[:1 + report_id % len(figures)]])
    yield store
    store.close()


@pytest.fixture(params=["read_when_first_needed", "read_ahead_on_a_worker"])
def panel(request, qtbot, store, monkeypatch):
    """The list as a small database has it (columns read at the first filter or sort) and as
    a big one does (read on a worker thread as soon as the reports are listed)."""
    ahead = request.param == "read_ahead_on_a_worker"
    if ahead:
        monkeypatch.setattr(report_list, "PREFETCH_FROM", 0)
    panel = ReportListPanel()
    qtbot.addWidget(panel)
    panel.set_store(store)
    if ahead:
        qtbot.waitUntil(lambda: panel.reads_ahead.pending() == 0)
        assert set(ALL_COLUMNS) <= set(panel.model._columns)  # the worker's read arrived
    return panel


def shown(panel, column=ReportColumn.AGENCY) -> list:
    model = panel.view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def shown_ids(panel) -> list[int]:
    model = panel.view.model()
    return [model.index(row, 0).data(Role.REPORT_ID) for row in range(model.rowCount())]


KEYS = {  # what each column sorts by, as the list has always defined it
    ReportColumn.AGENCY: lambda s: s.agency or s.title or s.file_name or "",
    ReportColumn.PROVINCE: lambda s: s.province,
    ReportColumn.LEVEL: lambda s: LEVELS.index(s.level) if s.level in LEVELS else None,
    ReportColumn.YEAR: lambda s: s.report_year,
    ReportColumn.PROGRESS: lambda s: s.n_reviewed / s.n_figures if s.n_figures else 1.0,
}


def python_sorted(summaries, column, descending):
    key = KEYS[column]
    return sorted(summaries, key=lambda s: (key(s) is None, key(s)), reverse=descending)


def test_every_row_shows_its_report_past_the_first_block(panel, store):
    summaries = store.list_reports()
    assert len(summaries) == N_REPORTS > BLOCK
    assert shown_ids(panel) == [s.id for s in summaries]
    assert shown(panel) == [s.agency or s.title or s.file_name for s in summaries]
    assert shown(panel, ReportColumn.YEAR) == ["" if s.report_year is None else str(s.report_year) for s in summaries]
    assert shown(panel, ReportColumn.PROGRESS)[-1].endswith(f"{summaries[-1].n_reviewed}/{summaries[-1].n_figures}")


@pytest.mark.parametrize("column", list(ReportColumn))
def test_each_column_sorts_both_ways_as_a_plain_sort_of_every_report(panel, store, column):
    summaries = store.list_reports()
    keys = [KEYS[column](s) for s in summaries]
    assert len(set(keys)) < len(keys)  # ties, kept in the list's own order
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        panel.view.sortByColumn(column, order)
        expected = python_sorted(summaries, column, order == Qt.SortOrder.DescendingOrder)
        assert shown_ids(panel) == [s.id for s in expected], (column, order)
    panel.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert shown_ids(panel) == [s.id for s in summaries]


def test_missing_values_sort_last_and_first_when_descending(panel, store):
    panel.view.sortByColumn(ReportColumn.PROVINCE, Qt.SortOrder.AscendingOrder)
    provinces = shown(panel, ReportColumn.PROVINCE)
    assert "" in provinces and provinces[-1] == "" and provinces[0] != ""
    panel.view.sortByColumn(ReportColumn.PROVINCE, Qt.SortOrder.DescendingOrder)
    assert shown(panel, ReportColumn.PROVINCE)[0] == ""


def matching(panel, summaries, typed: str) -> list:
    """The reports whose agency, region, province, level (code or shown name), title, file
    name or year hold every typed word, in any case."""
    def haystack(s):
        parts = [s.agency, s.region, s.province, s.level, panel.model.tr(s.level) if s.level else "",
                 s.title, s.file_name, s.report_year]
        return " ".join(str(part) for part in parts if part).lower()
    return [s for s in summaries if all(word.lower() in haystack(s) for word in typed.split())]


def test_the_filter_matches_every_word_in_any_part_and_any_case(panel, store):
    summaries = store.list_reports()

    def expected(typed):
        return [s.id for s in matching(panel, summaries, typed)]

    for typed in ("司法局", "卫生健康 2023", "report-0", "REPORT-01", "district", "2021 county", "报告01"):
        panel.filter_box.setText(typed)
        assert shown_ids(panel) == expected(typed) != [], typed
    panel.filter_box.setText("没有这样的机关")
    assert panel.view.model().rowCount() == 0
    panel.filter_box.clear()
    assert shown_ids(panel) == [s.id for s in summaries]


def test_a_filter_keeps_the_sort_and_a_sort_keeps_the_filter(panel, store):
    summaries = matching(panel, store.list_reports(), "司法局")
    panel.filter_box.setText("司法局")
    panel.view.sortByColumn(ReportColumn.YEAR, Qt.SortOrder.DescendingOrder)
    assert shown_ids(panel) == [s.id for s in python_sorted(summaries, ReportColumn.YEAR, True)]
    panel.filter_box.setText("司法局 2020")
    assert shown_ids(panel) == [s.id for s in python_sorted(matching(panel, summaries, "司法局 2020"),
                                                            ReportColumn.YEAR, True)] != []


def test_a_filter_that_hides_the_open_report_opens_the_next_one_still_listed(qtbot, panel, store):
    summaries = store.list_reports()
    ids = [s.id for s in summaries]
    listed = [s.id for s in matching(panel, summaries, "司法局")]
    open_id = next(rid for rid in ids[ids.index(listed[0]):] if rid not in listed)  # hidden by the filter
    panel.select_report(open_id)
    following = next(rid for rid in ids[ids.index(open_id):] if rid in listed)
    with qtbot.waitSignal(panel.report_selected) as opened:
        panel.filter_box.setText("司法局")
    assert opened.args == [following]
    assert panel.current_report_id() == following


def test_the_open_report_keeps_its_row_through_sorts(panel, store):
    report_id = store.list_reports()[BLOCK + 5].id
    panel.select_report(report_id)
    for column in (ReportColumn.YEAR, ReportColumn.LEVEL, ReportColumn.AGENCY):
        panel.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        assert panel.current_report_id() == report_id
        assert panel.view.selectionModel().isRowSelected(panel.view.currentIndex().row())


def test_a_decision_shows_in_the_row_and_in_the_next_progress_sort(qtbot, tmp_path):
    store = open_store(str(tmp_path / "progress.sqlite"))
    for number in range(6):
        text = _text(number)
        store.add_report(f"{number}.txt", text.encode("utf-8"), Decoded(text, "utf-8", 1.0), extract(text))
    panel = ReportListPanel()
    qtbot.addWidget(panel)
    panel.set_store(store)
    panel.view.sortByColumn(ReportColumn.PROGRESS, Qt.SortOrder.DescendingOrder)
    last = shown_ids(panel)[-1]
    figures = store.figures(last)
    store.confirm([f.id for f in figures])
    panel.model.set_progress(last, len(figures), len(figures))
    row = panel.model.row_of(last)
    assert panel.model.index(row, ReportColumn.PROGRESS).data().endswith(f"{len(figures)}/{len(figures)}")
    panel.view.sortByColumn(ReportColumn.PROGRESS, Qt.SortOrder.DescendingOrder)
    assert shown_ids(panel)[0] == last  # wholly reviewed now: first, before the unreviewed
    store.close()


def test_the_status_bar_totals_are_the_figures_counted(store):
    counts = store.progress()
    assert store.review_totals() == (store.report_count(), sum(counts.values()),
                                     sum(counts.values()) - counts["pending"])


def test_the_filter_finds_words_of_any_script_and_none_across_two_reports(qtbot, tmp_path):
    """Every report's filter text is searched as one array of characters: a word must be found
    whatever its characters (Latin in any case, CJK, beyond the 16-bit range) and never by
    joining the end of one report to the start of the next."""
    store = open_store(str(tmp_path / "scripts.sqlite"))
    titles = ("𠮷野家区Health报告", "司法局年度报告", "局年度")
    for number, title in enumerate(titles):
        text = f"{title}\n一、主要举措\n办理案件{number + 3}件。\n"
        store.add_report(f"r{number}.txt", text.encode("utf-8"), Decoded(text, "utf-8", 1.0), extract(text))
    panel = ReportListPanel()
    qtbot.addWidget(panel)
    panel.set_store(store)
    file_of = {s.id: s.file_name for s in store.list_reports()}
    for typed, expected in (("𠮷野", {"r0.txt"}), ("HEALTH", {"r0.txt"}), ("年度报告", {"r1.txt"}),
                            ("r2.txt", {"r2.txt"}), ("报告r", set())):
        panel.filter_box.setText(typed)
        assert {file_of[report_id] for report_id in shown_ids(panel)} == expected, typed
    store.close()
    texts = FilterTexts(np.array([7, 8]), "司法局2023\x1f卫生健康委", np.array([7, 8]))
    assert texts.holding("2023卫生").tolist() == [False, False]  # the end of one, the start of the next
    assert texts.holding("局2023").tolist() == [True, False] and texts.holding("委").tolist() == [False, True]


def test_a_report_another_program_adds_is_listed_after_the_next_reload(qtbot, tmp_path):
    """The columns are read apart from the ids: a report written by another program between
    the two reads is left out until the list reloads, never shown in another report's row."""
    path = str(tmp_path / "two.sqlite")
    store, other = open_store(path), None
    for number in range(3):
        text = f"卫生健康局报告{number}\n一、主要举措\n办理案件{number + 3}件。\n"
        store.add_report(f"r{number}.txt", text.encode("utf-8"), Decoded(text, "utf-8", 1.0), extract(text))
    panel = ReportListPanel()
    qtbot.addWidget(panel)
    panel.set_store(store)
    other = open_store(path)
    text = "卫生健康局另一份报告\n一、主要举措\n办理案件9件。\n"
    added = other.add_report("late.txt", text.encode("utf-8"), Decoded(text, "utf-8", 1.0), extract(text))
    panel.filter_box.setText("卫生健康")
    assert len(shown_ids(panel)) == 3 and added not in shown_ids(panel)
    panel.view.sortByColumn(ReportColumn.YEAR, Qt.SortOrder.DescendingOrder)
    assert len(shown_ids(panel)) == 3
    panel.reload()
    assert added in shown_ids(panel) and len(shown_ids(panel)) == 4
    other.close()
    store.close()
