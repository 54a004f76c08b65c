"""The export's findings column is the same whether the checks run beside the writer in a
second process (large exports), in the export's own process (small ones), or in its own
process after the second one failed; each finding text is what the checks find."""
from __future__ import annotations

import csv
from concurrent.futures.process import BrokenProcessPool

import pytest

from app.store import export_checks
from app.store.database import open_store
from app.store.dataset import export_dataset
from app.store.findings import dismiss_finding, findings, refresh_findings
from dataset_fixtures import review, seed_gold
from store_fixtures import add_sample


@pytest.fixture
def reviewed(tmp_path):
    """The gold seeds reviewed, a dismissed finding, and an agency's two years with a jump."""
    store = open_store(tmp_path / "checks.sqlite")
    report_ids = seed_gold(store)
    review(store, report_ids[0])
    this_year = add_sample(store, "2024.txt", agency="某区卫生健康委员会", year=2024)
    add_sample(store, "2023.txt", agency="某区卫生健康委员会", year=2023)
    fines = next(f for f in store.figures(this_year) if f.indicator == "fines_yuan")
    store.correct(fines.id, value=fines.value * 10000)  # an extra 万: a year jump
    refresh_findings(store)
    dismissed = next(f for i in report_ids for f in findings(store, i) if f.rule == "breakdown_sum")
    dismiss_finding(store, dismissed.id, "the report's own numbers")
    yield store, fines.id, dismissed
    store.close()


def findings_column(path) -> dict[str, str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {row["figure_id"]: row["findings"] for row in csv.DictReader(handle)}


def test_the_second_process_finds_what_the_export_finds_itself(reviewed, tmp_path, monkeypatch):
    store, jumped, dismissed = reviewed
    here, beside = tmp_path / "here.csv", tmp_path / "beside.csv"
    export_dataset(store, here, "csv", "long", statuses="all")
    monkeypatch.setattr(export_checks, "PARALLEL_FROM_REPORTS", 0)
    monkeypatch.setattr(export_checks, "CHUNK_REPORTS", 2)  # several chunks, some waited for
    monkeypatch.setattr(export_checks, "CHUNKS_AHEAD", 1)
    export_dataset(store, beside, "csv", "long", statuses="all")
    assert beside.read_bytes() == here.read_bytes()
    column = findings_column(beside)
    assert "year_jump" in column[str(jumped)]
    # what the reviewer dismissed stays out of the column, the other findings stay in
    assert not any("breakdown_sum" in (column[str(i)] or "") for i in dismissed.figure_ids)
    open_ones = [f for report_id in store.report_ids() for f in findings(store, report_id) if not f.dismissed]
    assert all(f"{f.rule}: {f.message}" in column[str(f.figure_ids[0])] for f in open_ones)


def test_a_failed_second_process_leaves_the_checks_to_the_export(reviewed, tmp_path, monkeypatch):
    store, _jumped, _dismissed = reviewed
    here, fallback = tmp_path / "here.csv", tmp_path / "fallback.csv"
    export_dataset(store, here, "csv", "long", statuses="all")

    class BrokenPool:  # as a pool whose process died (or could not start) after the first chunk
        def __init__(self, *args, **kwargs):
            self.submitted = 0

        def submit(self, function, requests):
            self.submitted += 1
            if self.submitted > 1:
                raise BrokenProcessPool("the worker died")
            from concurrent.futures import Future
            future = Future()
            future.set_exception(BrokenProcessPool("the worker died"))
            return future

        def shutdown(self, wait=True, cancel_futures=False):
            pass

    monkeypatch.setattr(export_checks, "ProcessPoolExecutor", BrokenPool)
    monkeypatch.setattr(export_checks, "PARALLEL_FROM_REPORTS", 0)
    monkeypatch.setattr(export_checks, "CHUNK_REPORTS", 2)
    export_dataset(store, fallback, "csv", "long", statuses="all")
    assert fallback.read_bytes() == here.read_bytes()
