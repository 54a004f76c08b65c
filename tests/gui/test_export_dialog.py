"""The export dialog on a reviewed database: choices become the export, progress, cancel, errors."""
from __future__ import annotations

import csv
import threading

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog

from app.gui import export_dialog
from app.gui.export_dialog import ExportDialog
from app.gui.tasks import TaskRunner
from app.store.database import open_store
from dataset_fixtures import review, seed_gold


@pytest.fixture
def reviewed_db(tmp_path):
    path = tmp_path / "review.sqlite"
    store = open_store(path)
    report_ids = seed_gold(store)
    roles = review(store, report_ids[0])
    store.close()
    return path, report_ids, roles


@pytest.fixture
def synchronous():
    TaskRunner.synchronous = True
    yield
    TaskRunner.synchronous = False


def make_dialog(qtbot, db_path, selected=None, filtered=None) -> ExportDialog:
    dialog = ExportDialog(None, str(db_path), selected, filtered)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_defaults_and_scopes_offered(qtbot, reviewed_db):
    db_path, report_ids, _ = reviewed_db
    dialog = make_dialog(qtbot, db_path)
    checked = {s for s, box in dialog.status_boxes.items() if box.isChecked()}
    assert checked == {"confirmed", "corrected", "added"}
    assert dialog.scope_buttons["all"].isChecked()
    assert not dialog.scope_buttons["selected"].isEnabled() and not dialog.scope_buttons["filter"].isEnabled()
    dialog = make_dialog(qtbot, db_path, selected=report_ids[:1], filtered=[1, 2])
    assert dialog.scope_buttons["selected"].isEnabled() and dialog.scope_buttons["filter"].isEnabled()


def test_export_csv_writes_the_reviewed_figures(qtbot, reviewed_db, tmp_path, synchronous):
    db_path, _, roles = reviewed_db
    dialog = make_dialog(qtbot, db_path)
    out = tmp_path / "dataset.csv"
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exported) as signal:
        dialog.export_button.click()
    assert signal.args == [str(out), 7]
    assert dialog.result() == QDialog.DialogCode.Accepted
    rows = read_csv(out)
    assert {int(r["figure_id"]) for r in rows} >= {roles["corrected"], roles["added"], roles["confirmed"]}
    assert {r["status"] for r in rows} == {"confirmed", "corrected", "added"}


def test_selected_reports_to_wide_xlsx(qtbot, reviewed_db, tmp_path, synchronous):
    db_path, report_ids, _ = reviewed_db
    dialog = make_dialog(qtbot, db_path, selected=report_ids[1:], filtered=[])
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("wide"))
    dialog.scope_buttons["selected"].setChecked(True)
    dialog.status_boxes["pending"].setChecked(True)
    out = tmp_path / "wide.xlsx"
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    sheet = openpyxl.load_workbook(out)["wide"]
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert sorted(row[header.index("report_id")] for row in rows) == sorted(report_ids[1:])


def test_current_filter_exports_exactly_those_figures(qtbot, reviewed_db, tmp_path, synchronous):
    db_path, _, roles = reviewed_db
    dialog = make_dialog(qtbot, db_path, filtered=[roles["corrected"], roles["added"]])
    dialog.scope_buttons["filter"].setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "subset.csv"))
    dialog.export_button.click()
    assert {int(r["figure_id"]) for r in read_csv(tmp_path / "subset.csv")} == {roles["corrected"], roles["added"]}


def test_format_change_follows_the_file_suffix(qtbot, reviewed_db, tmp_path):
    dialog = make_dialog(qtbot, reviewed_db[0])
    dialog.path_edit.setText(str(tmp_path / "data.csv"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jsonl"))
    assert dialog.path_edit.text() == str(tmp_path / "data.jsonl")


def test_bad_choices_are_explained_and_write_nothing(qtbot, reviewed_db, tmp_path, synchronous):
    dialog = make_dialog(qtbot, reviewed_db[0])
    for box in dialog.status_boxes.values():
        box.setChecked(False)
    dialog.path_edit.setText(str(tmp_path / "x.csv"))
    dialog.export_button.click()
    assert "at least one status" in dialog.message.text()
    dialog.status_boxes["confirmed"].setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "missing" / "x.csv"))
    dialog.export_button.click()
    assert "does not exist" in dialog.message.text()
    assert dialog.isVisible() and list(tmp_path.glob("*.csv")) == []


def test_a_database_that_is_gone_fails_with_one_line(qtbot, tmp_path, synchronous):
    dialog = make_dialog(qtbot, tmp_path / "gone.sqlite")
    dialog.path_edit.setText(str(tmp_path / "x.csv"))
    dialog.export_button.click()
    assert dialog.message.text().startswith("Export failed:") and "\n" not in dialog.message.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, reviewed_db, tmp_path, monkeypatch):
    release = threading.Event()
    real_worker = export_dialog.export_in_worker

    def held_worker(*args, **kwargs):
        release.wait(10)
        return real_worker(*args, **kwargs)

    monkeypatch.setattr(export_dialog, "export_in_worker", held_worker)
    dialog = make_dialog(qtbot, reviewed_db[0])
    out = tmp_path / "big.csv"
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    assert not dialog.export_button.isEnabled() and dialog.progress_bar.isVisible()
    dialog.cancel_button.click()  # the export is running: Cancel stops it, the dialog stays
    release.set()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    assert "cancelled" in dialog.message.text()
    assert dialog.isVisible() and list(tmp_path.glob("*big*")) == [] and list(tmp_path.glob(".big*")) == []
