"""The charts' aggregated reads on hand-made reports: the value a report gives an indicator,
groups (with the region standing in for a province column that is missing), trends, coverage."""
from __future__ import annotations

import pytest

from app.store import chart_queries as q
from app.store.database import open_store
from store_fixtures import add_sample


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "c.sqlite") as opened:
        yield opened


def inspections(store, report_id):
    return next(f for f in store.figures(report_id) if f.indicator == "inspections")


def test_values_follow_the_headline_then_reviewed_rule_and_skip_rejected(store):
    a = add_sample(store, "a.txt", agency="甲区卫生健康委员会", year=2023)
    b = add_sample(store, "b.txt", agency="乙区司法局", year=2024)
    c = add_sample(store, "c.txt", agency="丙区司法局", year=2024)
    store.correct(inspections(store, a).id, value=500.0)
    store.reject([inspections(store, c).id])
    values = {v.report_id: v for v in q.indicator_values(store, "inspections", "agency_type")}
    assert set(values) == {a, b}  # c's only inspections figure is rejected
    assert values[a].value == 500 and values[a].group == "health" and values[b].group == "justice"
    # training_sessions appears twice per report (2次, 10次): the first in the text, unless one is the headline
    second = [f for f in store.figures(b) if f.indicator == "training_sessions"][1]
    store.set_headline(second.id, True)
    training = {v.report_id: v.value for v in q.indicator_values(store, "training_sessions", "level")}
    assert training == {a: 2, b: 10, c: 2}
    assert training == {p.report_id: p.value for p in store.indicator_series("training_sessions")}


def test_groupings_use_the_region_while_province_and_city_columns_are_missing(store):
    add_sample(store, "a.txt")
    groupings = q.available_groupings(store)
    assert groupings[:2] == ["province", "city"] and "agency_type" in groupings
    columns = {row[1] for row in store.conn.execute("PRAGMA table_info(reports)")}
    grouped = q.indicator_values(store, "inspections", "province")
    expected = "province" if "province" in columns else "region"
    assert grouped[0].group == (store.conn.execute(f"SELECT {expected} FROM reports").fetchone()[0] or "")
    with pytest.raises(ValueError):
        q.indicator_values(store, "inspections", "colour")


def test_trends_and_coverage(store):
    ids = [add_sample(store, f"{n}.txt", agency="某区卫生健康委员会", year=2020 + n) for n in range(3)]
    store.correct(inspections(store, ids[2]).id, value=300.0)
    trend = q.agency_trend(store, "inspections", "某区卫生健康委员会")
    assert [(p.year, p.median, p.n) for p in trend.points] == [(2020, 120, 1), (2021, 120, 1), (2022, 300, 1)]
    assert q.agencies_with_trend(store, "inspections") == ["某区卫生健康委员会"]
    by_level = q.group_trends(store, "inspections", "level")
    assert [t.group for t in by_level] == ["district"] and len(by_level[0].points) == 3

    store.reject([f.id for f in store.figures(ids[0]) if f.indicator == "training_sessions"])
    store.confirm([inspections(store, ids[1]).id])
    cover = q.coverage(store, ("inspections", "training_sessions", "petitions"), "level")
    row = {report_id: index for index, (report_id, _, _) in enumerate(cover.reports)}
    cells = {(r, c): s for r, c, s in cover.cells}
    assert cells[(row[ids[0]], 1)] == q.REJECTED and cells[(row[ids[1]], 0)] == q.REVIEWED
    assert cells[(row[ids[0]], 0)] == q.PENDING and not any(c == 2 for _, c in cells)
    page = q.coverage(store, ("inspections",), "level", first=1, limit=1)
    assert (page.n_reports, page.first, [r[0] for r in page.reports]) == (3, 1, [cover.reports[1][0]])


def test_a_yearly_median_of_an_even_count_is_the_mean_of_the_middle_two(store):
    ids = [add_sample(store, f"{n}.txt", agency=f"第{n}区司法局", year=2023) for n in range(4)]
    for report_id, value in zip(ids, (40.0, 10.0, 30.0, 1000.0)):
        store.correct(inspections(store, report_id).id, value=value)
    (trend,) = q.group_trends(store, "inspections", "agency_type")
    assert trend.group == "justice" and [(p.year, p.median, p.n) for p in trend.points] == [(2023, 35, 4)]
    assert q.agencies_with_trend(store, "inspections") == []  # one year each


@pytest.mark.parametrize("grouping", ["province", "level", "agency_type", "report_year"])
def test_chart_reads_never_touch_a_reports_row(store, grouping):
    """A report's row carries its text and original bytes (overflow pages): the charts read the
    index reports_by_id instead, whatever the grouping."""
    add_sample(store, "a.txt")
    from app.store.chart_queries import _MEDIANS, _valued, chosen_sql
    queries = [_valued(store, grouping), _MEDIANS.format(valued=_valued(store, grouping), where=""),
               f"SELECT r.id FROM {q.REPORTS} ORDER BY r.agency", chosen_sql()]
    for sql in queries:
        plan = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, {"indicator": "inspections"})]
        touching = [step for step in plan if " r " in f" {step} " or "reports" in step]
        assert all("COVERING INDEX reports_by_id" in step for step in touching), plan
        assert all("figures USING COVERING INDEX" in step for step in plan if "figures" in step), plan
