"""The dataset export read back with real readers, and the JSONL round trip into a fresh database."""
from __future__ import annotations

import csv
import json
import sqlite3

import openpyxl
import pytest

from app.core.codebook import indicator_ids
from app.core.export import ExportCancelled, escape_row
from app.store.database import open_store
from app.store.dataset import LONG_COLUMNS, WIDE_COLUMNS, export_dataset, restore_jsonl
from app.store.findings import dismiss_finding, findings, refresh_findings
from dataset_fixtures import GOLD_NAMES, review, seed_gold

WITH_BREAKDOWN = GOLD_NAMES.index("003_fc9581fd91370635")  # its gold holds a breakdown that does not add up


@pytest.fixture
def reviewed(tmp_path):
    store = open_store(tmp_path / "review.sqlite")
    report_ids = seed_gold(store)
    roles = review(store, report_ids[0])
    yield store, report_ids, roles
    store.close()


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_long_csv_holds_reviewed_figures_with_both_versions(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    out = tmp_path / "long.csv"
    written = export_dataset(store, out, "csv", "long")
    rows = {int(row["figure_id"]): row for row in read_csv(out)}
    assert written == len(rows) == 7  # 5 confirmed, 1 corrected, 1 added; pending and rejected stay out
    assert {row["status"] for row in rows.values()} == {"confirmed", "corrected", "added"}
    assert roles["rejected"] not in rows
    corrected = rows[roles["corrected"]]
    assert float(corrected["value"]) == 10 * float(corrected["x_value"])
    assert corrected["label"] == "'=SUM(A1:A9)"  # formula made inert
    assert corrected["x_label"] != corrected["label"]
    assert rows[roles["confirmed"]]["note"] == "'-checked twice"
    added = rows[roles["added"]]
    assert added["value"] == "-5" and added["x_value"] == "" and added["label"] == "'+added"
    assert "negative_or_absurd" in added["findings"]
    assert rows[roles["headline"]]["headline"] == "1"
    confirmed = rows[roles["confirmed"]]
    assert confirmed["raw"] in confirmed["sentence"]
    assert confirmed["agency"] == "重庆市渝北区卫生健康委员会" and confirmed["report_year"] == "2024"
    assert list(read_csv(out)[0]) == [c.name for c in LONG_COLUMNS]


def test_statuses_and_scope(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    out = tmp_path / "out.csv"
    n_all = sum(len(store.figures(i)) for i in report_ids)
    assert export_dataset(store, out, "csv", "long", statuses=("all",)) == n_all
    assert export_dataset(store, out, "csv", "long", statuses="rejected") == 1
    assert read_csv(out)[0]["reject_reason"] == "not a figure"
    pending_second = export_dataset(store, out, "csv", "long", statuses=["pending"], report_ids=[report_ids[1]])
    assert pending_second == len(store.figures(report_ids[1]))
    chosen = [roles["corrected"], roles["added"], roles["rejected"]]
    assert export_dataset(store, out, "csv", "long", figure_ids=chosen) == 2
    assert {int(r["figure_id"]) for r in read_csv(out)} == {roles["corrected"], roles["added"]}
    with pytest.raises(ValueError, match="unknown status"):
        export_dataset(store, out, "csv", "long", statuses=["done"])
    with pytest.raises(ValueError, match="unknown format"):
        export_dataset(store, out, "pdf", "long")


def test_findings_column_follows_the_latest_edit_and_every_figure(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    everything, reviewed_only = tmp_path / "all.csv", tmp_path / "reviewed.csv"
    export_dataset(store, everything, "csv", "long", statuses="all")
    export_dataset(store, reviewed_only, "csv", "long")
    # the checks of a partial export still see the pending figures beside the exported ones
    by_id = {row["figure_id"]: row["findings"] for row in read_csv(everything)}
    assert {row["figure_id"]: row["findings"] for row in read_csv(reviewed_only)} == {
        row["figure_id"]: by_id[row["figure_id"]] for row in read_csv(reviewed_only)}
    refresh_findings(store)
    store.correct(roles["confirmed"], value=-1)  # no refresh: the export must not show stale findings
    export_dataset(store, everything, "csv", "long", statuses="all")
    row = next(r for r in read_csv(everything) if int(r["figure_id"]) == roles["confirmed"])
    assert "negative_or_absurd" in row["findings"]


def test_wide_takes_the_headline_then_the_first_reviewed(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    out = tmp_path / "wide.csv"
    assert export_dataset(store, out, "csv", "wide") == len(report_ids)
    rows = {int(row["report_id"]): row for row in read_csv(out)}
    assert list(read_csv(out)[0]) == [c.name for c in WIDE_COLUMNS]
    first = rows[report_ids[0]]
    headline = store.figure(roles["headline"])
    assert float(first[headline.indicator]) == headline.value
    corrected = store.figure(roles["corrected"])
    if corrected.indicator != headline.indicator:
        assert float(first[corrected.indicator]) == corrected.value
    figures = store.figures(report_ids[0])
    assert int(first["n_pending"]) == sum(f.status == "pending" for f in figures)
    assert int(first["n_rejected"]) == 1
    # nothing reviewed in the other reports: their indicator cells stay empty
    assert all(rows[report_ids[1]][i] == "" for i in indicator_ids())
    export_dataset(store, out, "csv", "wide", statuses=("all",))
    second = {int(row["report_id"]): row for row in read_csv(out)}[report_ids[1]]
    first_cases = next(f for f in store.figures(report_ids[1]) if f.indicator == "cases_filed")
    assert float(second["cases_filed"]) == first_cases.value


def test_xlsx_has_both_layouts_and_the_reference_sheets(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    out = tmp_path / "data.xlsx"
    assert export_dataset(store, out, "xlsx", "wide") == len(report_ids)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["wide", "long", "columns", "indicators"]
    header, *rows = list(book["long"].iter_rows(values_only=True))
    by_id = {row[header.index("figure_id")]: dict(zip(header, row)) for row in rows}
    corrected = by_id[roles["corrected"]]
    assert corrected["status"] == "corrected"
    assert corrected["value"] == 10 * corrected["x_value"]
    assert corrected["label"] == "'=SUM(A1:A9)"
    assert by_id[roles["added"]]["value"] == -5  # a number cell, not text
    assert all(cell.data_type != "f" for row in book["long"].iter_rows() for cell in row)
    _, exported_by, *described_rows = list(book["columns"].iter_rows(values_only=True))
    assert exported_by[:2] == ("export", "reviewer") and exported_by[2]
    described = {(layout, name) for layout, name, _ in described_rows}
    assert described == {("long", c.name) for c in LONG_COLUMNS} | {("wide", c.name) for c in WIDE_COLUMNS}
    assert [row[0] for row in list(book["indicators"].iter_rows(values_only=True))[1:]] == list(indicator_ids())


def test_every_long_column_holds_its_figure_field(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    out = tmp_path / "all.jsonl"
    export_dataset(store, out, "jsonl", "long", statuses=("all",))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    figures = [line for line in lines if line["type"] == "figure"]
    assert len(figures) == sum(len(store.figures(i)) for i in report_ids)
    for line in figures:
        stored = next(store.db.query("SELECT * FROM figures WHERE id = ?", [line["figure_id"]]))
        assert {name: line[name] for name in stored if name in line} == {
            name: value for name, value in stored.items() if name in line}
        assert line["report_id"] == stored["report_id"]
        report = store.report(stored["report_id"])
        assert (line["file"], line["agency"], line["report_year"]) == (
            report.file_name, report.agency, report.report_year)


def test_xlsx_sheets_hold_the_rows_of_the_other_formats(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    export_dataset(store, tmp_path / "data.xlsx", "xlsx", "long", statuses=("all",))
    export_dataset(store, tmp_path / "long.jsonl", "jsonl", "long", statuses=("all",))
    export_dataset(store, tmp_path / "wide.jsonl", "jsonl", "wide", statuses=("all",))
    book = openpyxl.load_workbook(tmp_path / "data.xlsx")
    assert book.sheetnames == ["long", "wide", "columns", "indicators"]
    for sheet, name, columns in (("long", "long.jsonl", LONG_COLUMNS), ("wide", "wide.jsonl", WIDE_COLUMNS)):
        records = [json.loads(line) for line in (tmp_path / name).read_text(encoding="utf-8").splitlines()]
        expected = [tuple(escape_row([record[c.name] for c in columns])) for record in records
                    if record.get("type", "figure") == "figure"]
        header, *rows = list(book[sheet].iter_rows(values_only=True))
        assert header == tuple(c.name for c in columns) and rows == expected


def test_jsonl_long_and_wide(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    out = tmp_path / "long.jsonl"
    assert export_dataset(store, out, "jsonl", "long") == 7
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["type"] == "header" and lines[0]["complete"] is False
    figures = {line["figure_id"]: line for line in lines if line["type"] == "figure"}
    assert figures[roles["corrected"]]["label"] == "=SUM(A1:A9)"  # data, not a spreadsheet
    assert figures[roles["added"]]["value"] == -5
    reports = [line for line in lines if line["type"] == "report"]
    assert [r["report_id"] for r in reports] == [report_ids[0]] and "text" not in reports[0]
    wide = tmp_path / "wide.jsonl"
    export_dataset(store, wide, "jsonl", "wide")
    assert [json.loads(line)["report_id"] for line in wide.read_text(encoding="utf-8").splitlines()] \
        == sorted(report_ids, key=lambda i: store.report(i).agency)


def test_cancel_leaves_no_file(reviewed, tmp_path):
    store, _, _ = reviewed
    seen = []
    for fmt in ("csv", "xlsx", "jsonl"):
        out = tmp_path / f"cancelled.{fmt}"
        with pytest.raises(ExportCancelled):
            export_dataset(store, out, fmt, "long", statuses=("all",),
                           progress=lambda done, total, name: seen.append((done, total, name)),
                           should_cancel=lambda: len(seen) >= 1)
        seen.clear()
    assert list(tmp_path.glob("cancelled*")) == [] and list(tmp_path.glob(".cancelled*")) == []


def _rows(path, sql) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


REPORTS_SQL = ("SELECT path, file_name, sha256, original, encoding, encoding_confidence, encoding_overridden,"
               " decode_warning, text, title, agency, region, level, report_year, publish_date, doc_type,"
               " imported_at, n_figures, n_reviewed FROM reports ORDER BY sha256")
SECTIONS_SQL = ('SELECT r.sha256, s.level, s.title, s.category, s.start, s."end" FROM sections s'
                " JOIN reports r ON r.id = s.report_id ORDER BY r.sha256, s.start, s.level, s.title")
FIGURES_SQL = ('SELECT r.sha256, f.start, f."end", f.raw, f.value, f.unit, f.qualifier, f.label, f.indicator,'
               " f.x_start, f.x_end, f.x_raw, f.x_value, f.x_unit, f.x_qualifier, f.x_label, f.x_indicator,"
               " f.numeral, f.confidence, f.section_category, f.status, f.headline, f.note, f.reject_reason,"
               " f.reviewed_at FROM figures f JOIN reports r ON r.id = f.report_id"
               " ORDER BY r.sha256, f.start, f.id")
FINDINGS_SQL = ("SELECT r.sha256, f.rule, f.fingerprint, f.note, f.message_key, f.message_args FROM findings f JOIN reports r"
                " ON r.id = f.report_id WHERE f.dismissed = 1 ORDER BY r.sha256, f.fingerprint")


def test_round_trip_restores_every_report_figure_and_decision(reviewed, tmp_path):
    store, report_ids, roles = reviewed
    refresh_findings(store)
    to_dismiss = next(f for f in findings(store, report_ids[WITH_BREAKDOWN]) if f.rule == "breakdown_sum")
    dismiss_finding(store, to_dismiss.id, "the report itself is wrong")
    out = tmp_path / "everything.jsonl"
    export_dataset(store, out, "jsonl", "long", statuses=("all",))
    fresh = open_store(tmp_path / "fresh.sqlite")
    summary = restore_jsonl(fresh, out)
    assert sorted(summary.imported) == sorted(store.report(i).file_name for i in report_ids)
    assert summary.failed == [] and summary.duplicates == []
    for sql in (REPORTS_SQL, SECTIONS_SQL, FIGURES_SQL, FINDINGS_SQL):
        before, after = _rows(str(store.path), sql), _rows(str(fresh.path), sql)
        assert before and after == before
    # the restored dismissal still silences its finding after a re-run of the checks
    refresh_findings(fresh)
    restored_id = next(r.id for r in fresh.list_reports() if r.file_name == store.report(report_ids[WITH_BREAKDOWN]).file_name)
    assert [f.dismissed for f in findings(fresh, restored_id) if f.rule == "breakdown_sum"] == [True]
    assert restore_jsonl(fresh, out).duplicates == summary.imported
    fresh.close()


def test_restore_refuses_what_it_cannot_restore(reviewed, tmp_path):
    store, _, _ = reviewed
    partial = tmp_path / "partial.jsonl"
    export_dataset(store, partial, "jsonl", "long")
    fresh = open_store(tmp_path / "fresh.sqlite")
    [(name, message)] = restore_jsonl(fresh, partial).failed
    assert "status all" in message
    csv_file = tmp_path / "data.csv"
    export_dataset(store, csv_file, "csv", "long")
    assert "not a Report Reviewer JSONL export" in restore_jsonl(fresh, csv_file).failed[0][1]
    full = tmp_path / "full.jsonl"
    export_dataset(store, full, "jsonl", "long", statuses=("all",))
    lines = full.read_text(encoding="utf-8").splitlines()
    second_report = [i for i, line in enumerate(lines) if '"type": "report"' in line][1]
    lines[second_report + 1] = "{broken"
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = sum('"type": "report"' in line for line in lines)
    refused = restore_jsonl(fresh, damaged)  # the checksum sees the change: nothing goes in
    assert refused.imported == [] and "checksum" in refused.failed[0][1] and fresh.report_count() == 0
    summary = restore_jsonl(fresh, damaged, accept_incomplete=True)
    assert len(summary.imported) == reports - 1 and len(summary.failed) == 1
    assert "not valid JSON" in summary.failed[0][1]
    assert fresh.report_count() == reports - 1  # the damaged report left nothing half-restored
    assert restore_jsonl(fresh, tmp_path / "missing.jsonl").failed[0][1].startswith("cannot read")
    fresh.close()
