"""Opening a database that cannot be used explains why in one dialog and changes nothing."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui import db_dialogs
from app.store.database import open_store


@pytest.fixture
def shown(qapp, monkeypatch) -> list[dict]:
    """Every message box that would have been shown, instead of blocking in exec()."""
    boxes: list[dict] = []

    def capture(box):
        boxes.append({"title": box.windowTitle(), "text": box.text(),
                      "informative": box.informativeText(), "details": box.detailedText(),
                      "icon": box.icon()})
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    return boxes


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "reports.sqlite"
    open_store(path).close()
    return path


def test_a_good_database_opens_and_holds_the_lock(shown, database):
    store = db_dialogs.open_store_or_explain(None, str(database), create=False)
    try:
        assert store is not None and shown == []
        assert store.lock_path.read_text().strip() == str(os.getpid())
    finally:
        store.close()
    assert not store.lock_path.exists()


def test_corrupt_file_is_explained_and_left_unchanged(shown, tmp_path):
    path = tmp_path / "notes.db"
    content = "这不是数据库，只是一段文字。\n".encode("utf-8") * 200
    path.write_bytes(content)
    assert db_dialogs.open_store_or_explain(None, str(path), create=False) is None
    assert len(shown) == 1
    assert shown[0]["title"] == "Not a Report Reviewer database"
    assert "is not a Report Reviewer database" in shown[0]["text"]
    assert "\n" not in shown[0]["text"]
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_missing_file_is_explained_not_created(shown, tmp_path):
    path = tmp_path / "gone.sqlite"
    assert db_dialogs.open_store_or_explain(None, str(path), create=False) is None
    assert shown[0]["title"] == "Database not found"
    assert "does not exist" in shown[0]["text"]
    assert not path.exists()


def test_database_from_a_newer_version_is_refused_unchanged(shown, database):
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = database.read_bytes()
    assert db_dialogs.open_store_or_explain(None, str(database), create=False) is None
    assert shown[0]["title"] == "Database from a newer version"
    assert "newer version" in shown[0]["text"]
    assert database.read_bytes() == before


@pytest.fixture
def other_process():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


def test_database_locked_by_another_running_copy(shown, database, other_process):
    lock = database.with_name(database.name + ".lock")
    lock.write_text(str(other_process))
    assert db_dialogs.open_store_or_explain(None, str(database), create=False) is None
    assert shown[0]["title"] == "Database in use"
    assert "another running copy" in shown[0]["text"]
    assert lock.read_text() == str(other_process)  # the other copy keeps its lock


def test_stale_lock_of_a_dead_process_is_taken_over(shown, database):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    database.with_name(database.name + ".lock").write_text(str(child.pid))
    store = db_dialogs.open_store_or_explain(None, str(database), create=False)
    assert store is not None and shown == []
    store.close()


def test_show_error_keeps_one_line_and_puts_the_rest_in_details(shown):
    db_dialogs.show_error(None, "Export failed", "disk full\nwhile writing out.csv")
    assert shown == [{"title": "Export failed", "text": "disk full", "informative": "",
                      "details": "while writing out.csv", "icon": QMessageBox.Icon.Warning}]


def test_crash_dialog_names_the_log_file(shown):
    db_dialogs.show_crash_dialog("KeyError: 'value'", "/home/u/logs/report-reviewer.log")
    assert shown[0]["text"] == "KeyError: 'value'"
    assert "/home/u/logs/report-reviewer.log" in shown[0]["informative"]
    assert shown[0]["icon"] == QMessageBox.Icon.Critical


def test_new_database_name_gets_a_suffix(monkeypatch, qapp, tmp_path):
    chosen = str(tmp_path / "法治报告")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (chosen, ""))
    assert db_dialogs.choose_new_database(None) == chosen + ".sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    assert db_dialogs.choose_new_database(None) is None
