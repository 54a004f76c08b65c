"""The reviewer's name: set in the database, written into the audit trail and every export."""
from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from app.store.database import open_store
from app.store.dataset import export_dataset
from app.store.reviewers import login_name, reviewer_name, set_reviewer_name
from store_fixtures import add_sample


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "r.sqlite") as opened:
        yield opened


def test_without_a_name_the_login_reviews(store):
    report_id = add_sample(store)
    store.confirm([store.figures(report_id)[0].id])
    assert reviewer_name(store.conn) == login_name()
    assert {row[0] for row in store.conn.execute("SELECT who FROM edits")} == {login_name()}


def test_the_name_set_goes_into_edits_and_every_export(store, tmp_path):
    report_id = add_sample(store)
    first, second = [f.id for f in store.figures(report_id)[:2]]
    store.confirm([first])  # before the name is set: the login made this decision
    assert set_reviewer_name(store, "  王  小明 ") == "王 小明"
    store.reject([second])
    who = dict(store.conn.execute("SELECT figure_id, who FROM edits"))
    assert who == {first: login_name(), second: "王 小明"}

    export_dataset(store, tmp_path / "all.jsonl", "jsonl", statuses="all")
    lines = [json.loads(line) for line in open(tmp_path / "all.jsonl", encoding="utf-8")]
    assert lines[0]["reviewer"] == "王 小明"
    by_id = {line["figure_id"]: line for line in lines if line["type"] == "figure"}
    assert by_id[first]["reviewed_by"] == login_name() and by_id[second]["reviewed_by"] == "王 小明"
    assert [line["reviewed_by"] for line in by_id.values()].count(None) == 3  # untouched ones

    export_dataset(store, tmp_path / "all.csv", "csv", statuses="all")
    with open(tmp_path / "all.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {int(row["figure_id"]): row for row in csv.DictReader(handle)}
    assert rows[second]["reviewed_by"] == "王 小明"

    export_dataset(store, tmp_path / "all.xlsx", "xlsx", statuses="all")
    sheet = openpyxl.load_workbook(tmp_path / "all.xlsx", read_only=True)["columns"]
    assert list(sheet.iter_rows(values_only=True))[1] == ("export", "reviewer", "王 小明")


@pytest.mark.parametrize("bad", ["", "   ", "x" * 61])
def test_a_bad_name_is_refused_and_nothing_changes(store, bad):
    set_reviewer_name(store, "Ann")
    with pytest.raises(ValueError):
        set_reviewer_name(store, bad)
    assert reviewer_name(store.conn) == "Ann"
