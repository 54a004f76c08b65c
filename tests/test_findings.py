"""Findings in the database: checks run with context from other reports, dismissals persist."""
from __future__ import annotations

import pytest

from app.store.database import open_store
from app.store.findings import (compute_findings, dismiss_finding, findings, previous_year_values,
                                refresh_findings)
from dataset_fixtures import seed_gold
from store_fixtures import add_sample


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "findings.sqlite")
    yield opened
    opened.close()


def figure_of(store, report_id, indicator):
    return next(f for f in store.figures(report_id) if f.indicator == indicator)


def test_refresh_finds_the_seed_breakdown_and_keeps_a_dismissal(store):
    report_ids = seed_gold(store)
    undo_before = store.undo_description()
    assert refresh_findings(store) > 0
    seed_003 = next(i for i in report_ids if store.report(i).file_name.startswith("003"))
    [breakdown] = [f for f in findings(store, seed_003) if f.rule == "breakdown_sum"]
    assert store.figure(breakdown.figure_ids[0]).raw == "105件"
    assert breakdown.severity == "warning" and not breakdown.dismissed
    dismiss_finding(store, breakdown.id, "the report's own numbers")
    refresh_findings(store)
    [again] = [f for f in findings(store, seed_003) if f.rule == "breakdown_sum"]
    assert again.dismissed and again.note == "the report's own numbers"
    audit = list(store.db.query("SELECT * FROM edits WHERE action = 'dismiss_finding'"))
    assert len(audit) == 1 and audit[0]["report_id"] == seed_003
    assert store.undo_description() == undo_before  # a dismissal is audited, not an undo step


def test_compute_findings_reads_only(store):
    seed_gold(store)
    assert any(compute_findings(store).values())
    assert store.db["findings"].count == 0


def test_year_jump_against_the_same_agency_last_year(store):
    this_year = add_sample(store, "2024.txt", agency="某区卫生健康委员会", year=2024)
    fines = figure_of(store, this_year, "fines_yuan")
    store.correct(fines.id, value=35000 * 10000)  # an extra 万
    refresh_findings(store)
    assert not [f for f in findings(store, this_year) if f.rule == "year_jump"]  # no previous year yet
    last_year = add_sample(store, "2023.txt", agency="某区卫生健康委员会", year=2023)
    assert previous_year_values(store, this_year)[fines.id].value == 35000
    assert previous_year_values(store, last_year) == {}
    refresh_findings(store)  # a new report: the cached context is rebuilt
    jumps = [f for f in findings(store, this_year) if f.rule == "year_jump"]
    assert [f.figure_ids for f in jumps] == [[fines.id]]
    assert "35000" in jumps[0].message and "2023" in jumps[0].message
    assert not [f for f in findings(store, last_year) if f.rule == "year_jump"]


def test_outlier_across_enough_reports(store):
    report_ids = [add_sample(store, f"{i}.txt", agency=f"第{i}区卫生健康委员会") for i in range(9)]
    for report_id, value in zip(report_ids, [10, 12, 15, 18, 20, 14, 16, 11, 150000]):
        store.correct(figure_of(store, report_id, "cases_filed").id, value=value)
    refresh_findings(store)
    flagged = [i for i in report_ids if any(f.rule == "outlier" for f in findings(store, i))]
    assert flagged == [report_ids[-1]]


def test_imported_seeds_show_the_breakdown_of_003(store):
    from app.store.importer import import_paths
    from dataset_fixtures import SEEDS
    import_paths(store, [str(SEEDS / "003_fc9581fd91370635.txt")], workers=1)
    [report_id] = store.report_ids()
    refresh_findings(store)
    [finding] = [f for f in findings(store, report_id) if f.rule == "breakdown_sum"]
    assert store.figure(finding.figure_ids[0]).raw == "105件"


def test_a_recheck_that_changes_nothing_writes_nothing(store):
    report_ids = seed_gold(store)
    refresh_findings(store)
    before = {i: [(f.id, f.message) for f in findings(store, i)] for i in report_ids}
    changes = store.conn.total_changes
    open_count = sum(not f.dismissed for i in report_ids for f in findings(store, i))
    assert refresh_findings(store, report_ids) == open_count
    assert store.conn.total_changes == changes
    assert {i: [(f.id, f.message) for f in findings(store, i)] for i in report_ids} == before
    figure = figure_of(store, report_ids[0], "cases_filed")
    store.correct(figure.id, value=-3)  # now it changes: that report's findings are written again
    refresh_findings(store, [report_ids[0]])
    assert any(f.rule == "negative_or_absurd" for f in findings(store, report_ids[0]))


def test_one_reports_context_read_alone_is_the_one_read_for_all(store):
    from app.store.findings import ContextSource
    agency = "某区卫生健康委员会"
    this_year = add_sample(store, "2024.txt", agency=agency, year=2024)
    for name in ("2023.txt", "2023-second.txt"):  # two reports of the year before: both count
        add_sample(store, name, agency=agency, year=2023)
    add_sample(store, "other.txt", agency="另一区卫生健康委员会", year=2023)
    store.correct(figure_of(store, this_year + 2, "fines_yuan").id, value=7)
    full, alone = ContextSource(store), ContextSource(store, with_previous=False)
    for report_id in store.report_ids():
        report = {"id": report_id, "agency": store.report(report_id).agency,
                  "report_year": store.report(report_id).report_year}
        assert alone.report_context(store, report) == full.report_context(store, report)
    report = {"id": this_year, "agency": agency, "report_year": 2024}
    previous = alone.report_context(store, report).previous["fines_yuan"]
    assert [p.value for p in previous] == [35000, 7]  # the first imported first; not the other agency's


def test_only_the_first_imported_reports_of_the_year_before_are_compared(store):
    """An agency name shared by many reports of one year (copies, or 县卫生健康局 without its
    place) must not make every check read all of them: the first PREVIOUS_REPORTS imported
    count, in the window, in a single report's check and in the context read for all."""
    from app.store.findings import PREVIOUS_REPORTS, ContextSource
    agency = "某县卫生健康局"
    this_year = add_sample(store, "2024.txt", agency=agency, year=2024)
    earlier = [add_sample(store, f"2023-{n}.txt", agency=agency, year=2023) for n in range(PREVIOUS_REPORTS + 2)]
    for number, report_id in enumerate(earlier, start=1):
        store.correct(figure_of(store, report_id, "fines_yuan").id, value=number)
    report = {"id": this_year, "agency": agency, "report_year": 2024}
    alone = ContextSource(store, with_previous=False).report_context(store, report).previous["fines_yuan"]
    full = ContextSource(store).report_context(store, report).previous["fines_yuan"]
    expected = list(range(1, PREVIOUS_REPORTS + 1))
    assert [p.value for p in alone] == [p.value for p in full] == expected
    fines = figure_of(store, this_year, "fines_yuan")
    assert previous_year_values(store, this_year)[fines.id].value == 1  # the first imported
