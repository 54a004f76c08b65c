"""Review writes: audit rows, undo/redo (also after reopening), counts, re-extraction."""
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from app.core.model import Decoded, Figure
from app.store.database import open_store
from app.store.errors import InvalidEdit, RowMissing
from store_fixtures import TEXT, add_sample, extraction_of, span


@pytest.fixture
def path(tmp_path):
    return tmp_path / "reviews.db"


@pytest.fixture
def store(path):
    with open_store(path) as opened:
        yield opened


@pytest.fixture
def report_id(store):
    return add_sample(store)


def ids(store, report_id):
    return [f.id for f in store.figures(report_id)]


def statuses(store, report_id):
    return [f.status for f in store.figures(report_id)]


def edits(store):
    return store._query("SELECT * FROM edits ORDER BY id")


def counts(store, report_id):
    summary = next(s for s in store.list_reports() if s.id == report_id)
    return summary.n_figures, summary.n_reviewed


def test_confirm_writes_audit_rows_and_counts(store, report_id):
    store.confirm(ids(store, report_id)[:2])
    assert statuses(store, report_id)[:3] == ["confirmed", "confirmed", "pending"]
    rows = [row for row in edits(store) if row["field"] == "status"]
    assert len(rows) == 2 and len({row["group_id"] for row in rows}) == 1
    assert rows[0]["action"] == "confirm" and rows[0]["report_id"] == report_id
    assert json.loads(rows[0]["old"]) == "pending" and json.loads(rows[0]["new"]) == "confirmed"
    assert rows[0]["who"] and rows[0]["at"].endswith("+00:00")
    assert store.figure(ids(store, report_id)[0]).reviewed_at is not None
    assert counts(store, report_id) == (5, 2)


def test_undo_and_redo_a_bulk_confirm_as_one_step(store, report_id):
    figure_ids = ids(store, report_id)
    store.confirm(figure_ids)
    assert store.can_undo() and store.undo_description().text() == "Confirm (5 figures)"
    result = store.undo()
    assert result.figure_ids == figure_ids and result.report_id == report_id
    assert statuses(store, report_id) == ["pending"] * 5
    assert store.figure(figure_ids[0]).reviewed_at is None
    assert counts(store, report_id) == (5, 0)
    assert not store.can_undo() and store.can_redo()
    store.redo()
    assert statuses(store, report_id) == ["confirmed"] * 5
    assert counts(store, report_id) == (5, 5)
    actions = [row["action"] for row in edits(store)]
    assert actions.count("undo") == 1 and actions.count("redo") == 1


def test_undo_steps_back_in_order_and_redo_forward(store, report_id):
    a, b, c = ids(store, report_id)[:3]
    store.confirm([a])
    store.reject([b], "not a figure")
    store.set_note(c, "check the total")
    assert store.figure(b).reject_reason == "not a figure"
    store.undo()
    store.undo()
    assert store.figure(c).note is None and store.figure(b).status == "pending"
    assert store.figure(b).reject_reason is None and store.figure(a).status == "confirmed"
    assert store.redo_description().text() == "Reject"
    store.redo()
    assert store.figure(b).status == "rejected" and store.figure(c).note is None
    store.redo()
    assert store.figure(c).note == "check the total"
    assert not store.can_redo()


def test_new_edit_discards_the_redo_branch(store, report_id):
    a, b = ids(store, report_id)[:2]
    store.confirm([a])
    store.undo()
    store.reject([b])
    assert not store.can_redo() and store.redo() is None
    assert {row["undone"] for row in edits(store) if row["action"] == "confirm"} == {2}
    store.undo()
    assert store.figure(b).status == "pending"
    assert store.undo() is None and store.figure(a).status == "pending"


def test_history_survives_reopening(path, store, report_id):
    a = ids(store, report_id)[0]
    store.correct(a, value=130, unit="户次")
    store.close()
    with open_store(path, create=False) as reopened:
        assert reopened.figure(a).value == 130
        assert reopened.undo_description().text() == "Correct"
        reopened.undo()
    with open_store(path, create=False) as again:
        assert again.figure(a).value == 120 and again.figure(a).status == "pending"
        again.redo()
        assert again.figure(a).value == 130 and again.figure(a).status == "corrected"


def test_correct_keeps_extracted_values_and_rebuilds_raw(store, report_id):
    a = ids(store, report_id)[0]
    start, end = span(TEXT, "120户次")
    store.correct(a, start=start, end=end - 2, unit="户", indicator="random_inspections")
    figure = store.figure(a)
    assert (figure.raw, figure.unit, figure.status) == ("120", "户", "corrected")
    assert (figure.x_raw, figure.x_unit, figure.x_indicator) == ("120户次", "户次", "inspections")
    store.confirm([a])
    assert store.figure(a).status == "corrected"
    with pytest.raises(InvalidEdit):
        store.correct(a, start=0, end=10**6)
    with pytest.raises(InvalidEdit):
        store.correct(a, qualifier="roughly")
    with pytest.raises(InvalidEdit):
        store.correct(a, status="confirmed")
    assert store.figure(a).raw == "120"


def test_reset_to_pending_restores_extracted_values(store, report_id):
    a = ids(store, report_id)[0]
    store.correct(a, value=999)
    store.reset_to_pending([a])
    figure = store.figure(a)
    assert (figure.value, figure.status) == (120, "pending")
    store.undo()
    assert store.figure(a).value == 999


def test_add_figure_undo_deletes_and_redo_restores_same_id(store, report_id):
    start, end = span(TEXT, "15件")
    new_id = store.add_figure(report_id, start, end - 1, "15", 15, "件", label="查处案件",
                              indicator="cases_closed")
    figure = store.figure(new_id)
    assert figure.status == "added" and figure.x_raw is None
    assert figure.section_category == "measures"
    assert counts(store, report_id) == (6, 1)
    assert store.undo().figure_ids == [new_id]
    with pytest.raises(RowMissing):
        store.figure(new_id)
    assert counts(store, report_id) == (5, 0)
    store.redo()
    assert store.figure(new_id).raw == "15" and store.figure(new_id).status == "added"
    assert counts(store, report_id) == (6, 1)
    with pytest.raises(InvalidEdit):
        store.add_figure(report_id, 5, 2, "x", 1, "件")


def test_headline_is_unique_per_report_and_indicator(store, report_id):
    two, ten = [f.id for f in store.figures(report_id) if f.indicator == "training_sessions"]
    store.set_headline(two, True)
    store.set_headline(ten, True)
    assert (store.figure(two).headline, store.figure(ten).headline) == (False, True)
    store.undo()
    assert (store.figure(two).headline, store.figure(ten).headline) == (True, False)
    store.set_headline(two, False)
    assert not store.figure(two).headline


def test_confirm_above_is_one_step(store, report_id):
    confirmed = store.confirm_above(report_id, 0.8)
    assert [store.figure(i).raw for i in confirmed] == ["120户次", "15件", "3.5万元"]
    store.undo()
    assert statuses(store, report_id) == ["pending"] * 5


def test_update_metadata_validates_and_undoes(store, report_id):
    store.update_metadata(report_id, agency="新名称", report_year=2023, level="county")
    report = store.report(report_id)
    assert (report.agency, report.report_year, report.level) == ("新名称", 2023, "county")
    assert store.undo_description().text() == "Edit metadata: agency, level, report_year"
    store.undo()
    assert store.report(report_id).agency == "某区卫生健康委员会"
    with pytest.raises(InvalidEdit):
        store.update_metadata(report_id, level="galaxy")
    with pytest.raises(InvalidEdit):
        store.update_metadata(report_id, publish_date="25 March")
    with pytest.raises(InvalidEdit):
        store.update_metadata(report_id, sha256="x")


def test_missing_figure_is_a_clear_error(store, report_id):
    with pytest.raises(RowMissing, match="figure 9999"):
        store.confirm([9999])


def test_reextract_keeps_reviewed_figures_and_edited_metadata(store, report_id):
    a, b = ids(store, report_id)[:2]
    store.confirm([a])
    store.reject([b])
    store.update_metadata(report_id, agency="审核者改的名称")
    fresh = extraction_of(TEXT, agency="新抽取的名称", year=2030)
    fresh.figures.append(Figure(*span(TEXT, "120户次"), "120户次", 120, "户次"))  # same as a
    store.reextract(report_id, fresh)
    figures = store.figures(report_id)
    assert [f.raw for f in figures] == ["120户次", "15件", "3.5万元", "2次", "10次"]
    assert store.figure(a).status == "confirmed" and store.figure(b).status == "rejected"
    assert [f.status for f in figures] == ["confirmed", "rejected"] + ["pending"] * 3
    report = store.report(report_id)
    assert report.agency == "审核者改的名称" and report.report_year == 2030
    assert counts(store, report_id) == (5, 2)
    assert not store.can_undo()  # offsets were rebuilt: earlier steps are sealed


def test_override_encoding_redecodes_and_keeps_reviews(store, monkeypatch):
    # what the extractor finds is not under test here: a stand-in finds the fixture's figures
    monkeypatch.setitem(sys.modules, "app.core.extract",
                        types.SimpleNamespace(extract=lambda text, taught=None: extraction_of(text)))
    data = TEXT.encode("gb18030")
    misread = "乱码" + TEXT  # as if the first decode had gone wrong at the start
    report_id = store.add_report("/r/gbk.txt", data, Decoded(misread, "big5", 0.3, warning="unsure"),
                                 extraction_of(misread))
    fifteen = next(f.id for f in store.figures(report_id) if f.raw == "15件")
    store.confirm([fifteen])
    store.override_encoding(report_id, "gb18030")
    report = store.report(report_id)
    assert report.text == TEXT and report.encoding_overridden and report.decode_warning is None
    figures = store.figures(report_id)
    assert [f.raw for f in figures] == ["120户次", "15件", "3.5万元", "2次", "10次"]
    kept = store.figure(fifteen)
    assert kept.status == "confirmed" and (kept.start, kept.end) == span(TEXT, "15件")
    assert store.search("乱码") == [] and store.search("监督检查")[0].report_id == report_id
    assert counts(store, report_id) == (5, 1)
    with pytest.raises(InvalidEdit):
        store.override_encoding(report_id, "no-such-codec")
    assert store.report(report_id).text == TEXT


CHILD = """
import os, sys
sys.path.insert(0, {root!r})
from app.store.database import open_store
store = open_store({path!r}, create=False)
store.confirm([{figure_id}])
os.kill(os.getpid(), 9)
"""


def test_a_write_survives_kill_9_right_after(path, store, report_id):
    a = ids(store, report_id)[0]
    store.close()
    root = str(Path(__file__).resolve().parent.parent)
    child = subprocess.run([sys.executable, "-c", CHILD.format(root=root, path=str(path),
                                                               figure_id=a)])
    assert child.returncode != 0
    with open_store(path, create=False) as reopened:
        assert reopened.figure(a).status == "confirmed"
        assert counts(reopened, report_id) == (5, 1)
        assert reopened.undo_description().text() == "Confirm"
