"""A merged database's reviewer decisions and conflicts travel in its JSONL export: restored
into a new database the conflict is still open with every decision, a bad decision line is
refused by line and field, and an export from before decision lines still restores."""
from __future__ import annotations

import hashlib
import json

import pytest

from app.store.conflicts import conflict_count, latest_agreement, open_conflicts, settle_conflict
from app.store.database import open_store
from app.store.dataset import export_dataset, restore_jsonl
from app.store.merge import merge_reviews
from test_merge import exports, figure_at  # noqa: F401  (the fixture: Ann and Bob disagree on 15件)


@pytest.fixture
def merged_export(exports, tmp_path):  # noqa: F811
    with open_store(tmp_path / "team.sqlite") as team:
        merge_reviews(team, exports)
        decisions = decisions_by_figure(team)
        export_dataset(team, tmp_path / "team.jsonl", "jsonl", statuses="all")
    return tmp_path / "team.jsonl", decisions


def decisions_by_figure(store) -> dict[tuple, list[tuple]]:
    """(report file, figure raw and span) -> [(reviewer, status, reject reason, in conflict)], by
    what the figure is rather than its id (a restore gives new ids)."""
    found: dict[tuple, list[tuple]] = {}
    for row in store.conn.execute(
            "SELECT r.file_name, f.raw, f.start, f.\"end\", d.reviewer, d.status, d.reject_reason,"
            " c.figure_id IS NOT NULL FROM reviewer_decisions d JOIN figures f ON f.id = d.figure_id"
            " JOIN reports r ON r.id = f.report_id LEFT JOIN figure_conflicts c ON c.figure_id = f.id"
            " ORDER BY d.id"):
        found.setdefault(row[:4], []).append(row[4:])
    return found


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_with_checksum(path, records: list[dict]) -> None:
    """The records as an export writes them, the closing line's checksum made anew: a file
    that checks out, so only the field checks can refuse it."""
    body = b"".join((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8") for r in records[:-1])
    end = {**records[-1], "sha256": hashlib.sha256(body).hexdigest()}
    path.write_bytes(body + (json.dumps(end) + "\n").encode("utf-8"))


def test_a_restore_keeps_every_decision_and_the_open_conflict(merged_export, tmp_path):
    path, decisions = merged_export
    records = lines(path)
    decision_lines = [r for r in records if r["type"] == "decision"]
    assert len(decision_lines) == sum(map(len, decisions.values())) == records[0]["decisions"]
    assert records[-1]["decisions"] == len(decision_lines)
    with open_store(tmp_path / "restored.sqlite") as restored:
        summary = restore_jsonl(restored, path)
        assert not summary.failed and not summary.warnings, (summary.failed, summary.warnings)
        assert decisions_by_figure(restored) == decisions
        one = {r.file_name: r.id for r in restored.list_reports()}["one.txt"]
        cases = figure_at(restored, one, "15件")
        assert cases.status == "pending" and conflict_count(restored) == 1
        assert [(d.reviewer, d.status, d.reject_reason) for d in open_conflicts(restored, one)[cases.id]] == [
            ("Ann", "confirmed", None), ("Bob", "rejected", "not a count")]
        assert settle_conflict(restored, cases.id, 0).reviewer == "Ann"
        assert restored.figure(cases.id).status == "confirmed" and conflict_count(restored) == 0


def agreement_rows(store) -> list[tuple]:
    return store.conn.execute("SELECT merged_at, reviewers, indicator, n_figures, n_alike, share, kappa"
                              " FROM agreement ORDER BY id").fetchall()


def test_the_merges_agreement_travels_with_the_export(exports, tmp_path):  # noqa: F811
    """Restored, the merged database's export still shows the agreement the merge measured;
    merged again with another file, the earlier merge's agreement is kept beside the new one."""
    with open_store(tmp_path / "team.sqlite") as team:
        merge_reviews(team, exports)
        measured, stored = latest_agreement(team), agreement_rows(team)
        export_dataset(team, tmp_path / "team.jsonl", "jsonl", statuses="all")
    assert measured and len(stored) == len(measured)
    assert sum(r["type"] == "agreement" for r in lines(tmp_path / "team.jsonl")) == len(stored)
    with open_store(tmp_path / "restored.sqlite") as restored:
        summary = restore_jsonl(restored, tmp_path / "team.jsonl")
        assert not summary.failed and not summary.warnings, (summary.failed, summary.warnings)
        assert agreement_rows(restored) == stored and latest_agreement(restored) == measured
        restore_jsonl(restored, tmp_path / "team.jsonl")  # again: duplicates, and no row twice
        assert agreement_rows(restored) == stored
    with open_store(tmp_path / "final.sqlite") as final:
        merge_reviews(final, [tmp_path / "team.jsonl", exports[0]])
        rows = agreement_rows(final)
        assert rows[:len(stored)] == stored and len(rows) > len(stored)  # the earlier merge's, then this one's


def test_a_bad_agreement_line_is_named_and_costs_only_itself(merged_export, tmp_path):
    path, decisions = merged_export
    records = lines(path)
    at = next(i for i, r in enumerate(records) if r["type"] == "agreement")
    records[at]["n_alike"] = records[at]["n_figures"] + 1
    write_with_checksum(tmp_path / "edited.jsonl", records)
    with open_store(tmp_path / "restored.sqlite") as restored:
        summary = restore_jsonl(restored, tmp_path / "edited.jsonl")
        assert summary.failed == [(f"agreement on line {at + 1}", f"line {at + 1}: n_alike must be between 0 and "
                                   f"{records[at]['n_figures']}, not {records[at]['n_alike']}; this agreement figure "
                                   "was left out")]
        assert len(summary.imported) == 2 and decisions_by_figure(restored) == decisions
        assert len(agreement_rows(restored)) == sum(r["type"] == "agreement" for r in records) - 1


def test_a_merge_names_a_bad_agreement_line_of_its_file_and_merges_the_rest(merged_export, exports,  # noqa: F811
                                                                            tmp_path):
    path, decisions = merged_export
    records = lines(path)
    at = next(i for i, r in enumerate(records) if r["type"] == "agreement")
    records[at]["share"] = "most"
    write_with_checksum(tmp_path / "edited.jsonl", records)
    with open_store(tmp_path / "final.sqlite") as final:
        summary = merge_reviews(final, [tmp_path / "edited.jsonl", exports[0]])
        assert summary.failed == [(f"edited.jsonl: agreement on line {at + 1}",
                                   f"line {at + 1}: share must be a number, not \"most\"; this agreement figure was left out")]
        earlier = [r for r in records if r["type"] == "agreement"]
        kept = [row for row in agreement_rows(final) if json.loads(row[1]) == earlier[0]["reviewers"]]
        assert len(kept) == len(earlier) - 1  # the earlier merge's rows, but the bad one
        assert conflict_count(final) == 1  # the file's figures and decisions merged all the same


@pytest.mark.parametrize("field, bad", [("status", "maybe"), ("reviewer", ""), ("figure_id", 10 ** 9),
                                        ("end", 10 ** 9), ("conflict", "yes"), ("merged_at", None)])
def test_a_bad_decision_line_is_refused_with_its_line_and_field(merged_export, tmp_path, field, bad):
    path, decisions = merged_export
    records = lines(path)
    at = next(i for i, r in enumerate(records) if r["type"] == "decision" and r["conflict"])
    records[at][field] = bad
    write_with_checksum(tmp_path / "edited.jsonl", records)
    report = next(r for r in reversed(records[:at]) if r["type"] == "report")
    with open_store(tmp_path / "restored.sqlite") as restored:
        summary = restore_jsonl(restored, tmp_path / "edited.jsonl")
        assert [name for name, _ in summary.failed] == [report["file"]]
        assert f"line {at + 1}: {field} " in summary.failed[0][1], summary.failed
        names = {r.file_name for r in restored.list_reports()}
        assert report["file"] not in names  # nothing of that report was written
        assert conflict_count(restored) == 0
        assert decisions_by_figure(restored) == {k: v for k, v in decisions.items() if k[0] != report["file"]}


def test_a_file_cut_inside_the_decisions_is_refused(merged_export, tmp_path):
    path, _ = merged_export
    records = lines(path)
    last = max(i for i, r in enumerate(records) if r["type"] == "decision")
    (tmp_path / "cut.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[:last]),
                                        encoding="utf-8")
    with open_store(tmp_path / "restored.sqlite") as restored:
        summary = restore_jsonl(restored, tmp_path / "cut.jsonl")
        assert summary.failed and "incomplete" in summary.failed[0][1]
        assert restored.report_count() == 0


def test_an_export_from_before_decision_lines_still_restores(merged_export, tmp_path):
    path, _ = merged_export
    records = [r for r in lines(path) if r["type"] != "decision"]
    del records[0]["decisions"]
    for record in records:
        record.pop("n_decisions", None)
        if record["type"] == "end":
            del record["decisions"]
    write_with_checksum(tmp_path / "old.jsonl", records)
    with open_store(tmp_path / "restored.sqlite") as restored:
        summary = restore_jsonl(restored, tmp_path / "old.jsonl")
        assert not summary.failed and len(summary.imported) == 2
        assert conflict_count(restored) == 0
