"""Merging reviewers' exports, the agreement it measures, settling conflicts and the split,
with expectations computed by hand."""
from __future__ import annotations

import hashlib
import json

import pytest

from app.core.agreement import cohen_kappa
from app.store.conflicts import conflict_count, latest_agreement, open_conflicts, settle_conflict
from app.store.database import open_store
from app.store.dataset import export_dataset, restore_jsonl
from app.store.merge import MergeError, merge_reviews
from app.store.reviewers import set_reviewer_name
from app.store.split import reviewers_of, split_for_reviewers
from store_fixtures import TEXT, add_sample, span


def test_kappa_on_a_table_computed_by_hand():
    # x/x ×4, x/y, y/y ×2, y/z, z/z ×2: po = 8/10; margins x 5·4, y 3·3, z 2·3 -> pe = 35/100
    pairs = [("x", "x")] * 4 + [("x", "y")] + [("y", "y")] * 2 + [("y", "z")] + [("z", "z")] * 2
    assert cohen_kappa(pairs) == pytest.approx((0.8 - 0.35) / (1 - 0.35))  # 0.6923
    assert cohen_kappa([("a", "a")] * 3) is None  # one category only: chance explains everything
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)
    assert cohen_kappa([]) is None


def figure_at(store, report_id, raw):
    start, end = span(TEXT, raw)
    return next(f for f in store.figures(report_id) if (f.x_start, f.x_end) == (start, end))


def reviewer_copy(tmp_path, base, name, file_names):
    """A reviewer's own database made from the base export, holding only `file_names`."""
    store = open_store(tmp_path / f"{name}.sqlite")
    restore_jsonl(store, base)
    for report in store.list_reports():
        if report.file_name not in file_names:
            store.conn.execute("DELETE FROM reports WHERE id = ?", (report.id,))
    set_reviewer_name(store, name)
    return store, {r.file_name: r.id for r in store.list_reports()}


@pytest.fixture
def exports(tmp_path):
    with open_store(tmp_path / "base.sqlite") as base:
        add_sample(base, "one.txt")
        add_sample(base, "two.txt")
        export_dataset(base, tmp_path / "base.jsonl", "jsonl", statuses="all")
    ann, ann_ids = reviewer_copy(tmp_path, tmp_path / "base.jsonl", "Ann", {"one.txt", "two.txt"})
    bob, bob_ids = reviewer_copy(tmp_path, tmp_path / "base.jsonl", "Bob", {"one.txt"})
    one_a, one_b = ann_ids["one.txt"], bob_ids["one.txt"]
    ann.confirm([figure_at(ann, one_a, "120户次").id]); bob.confirm([figure_at(bob, one_b, "120户次").id])
    ann.confirm([figure_at(ann, one_a, "15件").id]); bob.reject([figure_at(bob, one_b, "15件").id], "not a count")
    ann.correct(figure_at(ann, one_a, "3.5万元").id, value=36000.0)
    bob.correct(figure_at(bob, one_b, "3.5万元").id, value=36000.0)
    ann.reject([figure_at(ann, one_a, "2次").id])  # Bob leaves it pending
    start, end = span(TEXT, "120")
    bob.add_figure(one_b, start, end, "120", 120.0, "户次", indicator="inspections")
    ann.confirm([figure_at(ann, ann_ids["two.txt"], "15件").id])  # a report only Ann has
    for store, name in ((ann, "ann"), (bob, "bob")):
        export_dataset(store, tmp_path / f"{name}.jsonl", "jsonl", statuses="all")
        store.close()
    return tmp_path / "ann.jsonl", tmp_path / "bob.jsonl"


def test_merge_takes_agreement_and_single_decisions_and_holds_conflicts(exports, tmp_path):
    with open_store(tmp_path / "team.sqlite") as team:
        summary = merge_reviews(team, exports)
        assert [s.reviewer for s in summary.sources] == ["Ann", "Bob"]
        assert summary.reports_added == 2
        ids = {r.file_name: r.id for r in team.list_reports()}
        one = ids["one.txt"]
        assert figure_at(team, one, "120户次").status == "confirmed"
        fines = figure_at(team, one, "3.5万元")
        assert (fines.status, fines.value) == ("corrected", 36000.0)
        assert figure_at(team, one, "2次").status == "rejected"  # only Ann decided
        assert figure_at(team, one, "10次").status == "pending"  # nobody did
        assert figure_at(team, ids["two.txt"], "15件").status == "confirmed"
        added = [f for f in team.figures(one) if f.x_raw is None]
        assert [(f.raw, f.status) for f in added] == [("120", "added")]
        cases = figure_at(team, one, "15件")
        assert cases.status == "pending"  # Ann confirmed, Bob rejected
        conflicts = open_conflicts(team, one)
        assert list(conflicts) == [cases.id]
        assert [(d.reviewer, d.status, d.reject_reason) for d in conflicts[cases.id]] == [
            ("Ann", "confirmed", None), ("Bob", "rejected", "not a count")]
        assert (summary.taken, summary.conflicts, summary.kept) == (5, 1, 0)

        who = {(action, figure_id, who) for action, figure_id, who in team.conn.execute(
            "SELECT action, figure_id, who FROM edits")}
        assert ("merge", fines.id, "Ann") in who and ("merge", fines.id, "Bob") in who
        assert ("merge_conflict", cases.id, "Ann") in who and ("merge_conflict", cases.id, "Bob") in who
        assert ("merge", added[0].id, "Bob") in who
        assert team.conn.execute("SELECT count(*) FROM reviewer_decisions").fetchone()[0] == 9

        # compared: 120户次 alike, 15件 inspections-vs-rejected, 3.5万元 alike; by hand:
        # po = 2/3, pe = 1/9 + 1/9 = 2/9, kappa = (2/3 - 2/9) / (7/9) = 4/7
        overall, *per_indicator = summary.agreement
        assert (overall.n_figures, overall.n_alike) == (3, 2)
        assert overall.share == pytest.approx(2 / 3) and overall.kappa == pytest.approx(4 / 7)
        by_name = {a.indicator: a for a in per_indicator}
        assert (by_name["cases_filed"].n_alike, by_name["cases_filed"].kappa) == (0, 0)
        assert by_name["inspections"].kappa is None  # one category: undefined
        assert latest_agreement(team) == summary.agreement


def test_a_conflict_is_settled_in_one_undoable_step(exports, tmp_path):
    with open_store(tmp_path / "team.sqlite") as team:
        merge_reviews(team, exports)
        set_reviewer_name(team, "Chen")
        one = {r.file_name: r.id for r in team.list_reports()}["one.txt"]
        cases = figure_at(team, one, "15件")
        assert settle_conflict(team, cases.id, 1).reviewer == "Bob"
        settled = team.figure(cases.id)
        assert (settled.status, settled.reject_reason) == ("rejected", "not a count")
        assert conflict_count(team) == 0
        assert team.conn.execute("SELECT who FROM edits WHERE action = 'settle'").fetchone()[0] == "Chen"
        team.undo()
        assert team.figure(cases.id).status == "pending" and conflict_count(team) == 1
        assert not team.can_undo()  # the merge itself is not stepped back over


def test_merging_again_changes_nothing_and_a_file_without_a_name_is_named_after_it(exports, tmp_path):
    ann, bob = exports
    lines = bob.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    del header["reviewer"]
    anonymous = tmp_path / "dana.jsonl"
    body = "".join(line + "\n" for line in [json.dumps(header)] + lines[1:-1])
    end = {**json.loads(lines[-1]), "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()}
    anonymous.write_text(body + json.dumps(end) + "\n", encoding="utf-8")  # a whole file, as exported
    with open_store(tmp_path / "team.sqlite") as team:
        first = merge_reviews(team, [ann, anonymous])
        assert [s.reviewer for s in first.sources] == ["Ann", "dana"]
        before = [(f.id, f.status, f.value) for r in team.list_reports() for f in team.figures(r.id)]
        again = merge_reviews(team, [ann, anonymous])
        assert again.reports_added == 0 and again.taken == 0 and again.conflicts == 1 and again.kept == 5
        assert [(f.id, f.status, f.value) for r in team.list_reports() for f in team.figures(r.id)] == before


def test_a_bad_file_stops_the_merge_before_anything_is_written(exports, tmp_path):
    broken = tmp_path / "notes.jsonl"
    broken.write_text('{"type": "note"}\n', encoding="utf-8")
    with open_store(tmp_path / "team.sqlite") as team:
        with pytest.raises(MergeError, match="notes.jsonl: not a Report Reviewer JSONL export"):
            merge_reviews(team, [exports[0], broken])
        assert team.report_count() == 0


def test_split_deals_by_hash_with_an_overlap(tmp_path):
    hashes = [f"{n:064x}" for n in range(0, 10 ** 60, 10 ** 57)][:1000]
    dealt = [reviewers_of(h, 3, 10) for h in hashes]
    assert dealt == [reviewers_of(h, 3, 10) for h in hashes]  # stable
    shared = sum(len(d) == 2 for d in dealt)
    assert 50 < shared < 150 and all(len(set(d)) == len(d) for d in dealt)
    assert all(len(reviewers_of(h, 3, 0)) == 1 for h in hashes)
    assert all(len(reviewers_of(h, 3, 100)) == 2 for h in hashes)

    with open_store(tmp_path / "all.sqlite") as store:
        for number in range(12):
            add_sample(store, f"r{number}.txt")
        assignments = split_for_reviewers(store, 3, tmp_path / "out", overlap=50, names=["甲", "乙", "丙"])
        sha = dict(store.conn.execute("SELECT id, sha256 FROM reports"))
    assert [a.path.name for a in assignments] == ["甲.jsonl", "乙.jsonl", "丙.jsonl"]
    for index, assignment in enumerate(assignments):
        assert assignment.report_ids == [i for i in sorted(sha) if index in reviewers_of(sha[i], 3, 50)]
        with open_store(tmp_path / f"{index}.sqlite") as own:
            assert len(restore_jsonl(own, assignment.path).imported) == len(assignment.report_ids)
    assert sum(len(a.report_ids) for a in assignments) == 12 + sum(a.shared for a in assignments) // 2


def decisions_on(store, figure_id) -> list[tuple[str, str]]:
    return sorted(store.conn.execute("SELECT reviewer, status FROM reviewer_decisions WHERE figure_id = ?",
                                     (figure_id,)).fetchall())


def test_a_merged_export_merged_again_keeps_every_reviewers_decision(exports, tmp_path):
    """A lead merges Ann and Bob, exports, and that file is merged with Chen's: the conflict
    Ann and Bob left stays a conflict, now with Chen's decision beside theirs; on the figures
    the merged file had settled, its decision counts and Ann's and Bob's are kept beside it."""
    with open_store(tmp_path / "team.sqlite") as team:
        merge_reviews(team, exports)
        set_reviewer_name(team, "Lead")
        export_dataset(team, tmp_path / "team.jsonl", "jsonl", statuses="all")
    chen, chen_ids = reviewer_copy(tmp_path, tmp_path / "base.jsonl", "Chen", {"one.txt"})
    chen.confirm([figure_at(chen, chen_ids["one.txt"], "15件").id])
    export_dataset(chen, tmp_path / "chen.jsonl", "jsonl", statuses="all")
    chen.close()
    with open_store(tmp_path / "final.sqlite") as final:
        summary = merge_reviews(final, [tmp_path / "team.jsonl", tmp_path / "chen.jsonl"])
        one = {r.file_name: r.id for r in final.list_reports()}["one.txt"]
        cases = figure_at(final, one, "15件")
        assert cases.status == "pending" and summary.conflicts == 1
        assert [(d.reviewer, d.status) for d in open_conflicts(final, one)[cases.id]] == [
            ("Ann", "confirmed"), ("Bob", "rejected"), ("Chen", "confirmed")]
        who = {w for (w,) in final.conn.execute(
            "SELECT who FROM edits WHERE action = 'merge_conflict' AND figure_id = ?", (cases.id,))}
        assert who == {"Ann", "Bob", "Chen"}
        visits = figure_at(final, one, "120户次")  # Ann and Bob alike: the lead's file decided it
        assert visits.status == "confirmed"
        assert decisions_on(final, visits.id) == [("Ann", "confirmed"), ("Bob", "confirmed"), ("Lead", "confirmed")]


def test_a_settled_conflict_merged_again_stays_settled_with_both_decisions_kept(exports, tmp_path):
    with open_store(tmp_path / "team.sqlite") as team:
        merge_reviews(team, exports)
        set_reviewer_name(team, "Lead")
        one = {r.file_name: r.id for r in team.list_reports()}["one.txt"]
        assert settle_conflict(team, figure_at(team, one, "15件").id, 1).reviewer == "Bob"
        export_dataset(team, tmp_path / "team.jsonl", "jsonl", statuses="all")
    with open_store(tmp_path / "final.sqlite") as final:
        summary = merge_reviews(final, [tmp_path / "team.jsonl"])
        one = {r.file_name: r.id for r in final.list_reports()}["one.txt"]
        cases = figure_at(final, one, "15件")
        assert (cases.status, cases.reject_reason, summary.conflicts) == ("rejected", "not a count", 0)
        assert decisions_on(final, cases.id) == [("Ann", "confirmed"), ("Bob", "rejected"), ("Lead", "rejected")]
