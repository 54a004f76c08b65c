"""Import with a progress dialog: work off the UI thread, cancel, and a summary naming bad files."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

import app.store.importer as importer
from app.gui import import_dialog
from app.gui.import_dialog import paths_from_drop, run_import
from app.gui.tasks import TaskRunner
from app.store.database import open_store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def background_threads(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)


@pytest.fixture
def shown(qapp, monkeypatch) -> list[QMessageBox]:
    boxes = []

    def capture(box):
        boxes.append({"title": box.windowTitle(), "text": box.text(),
                      "informative": box.informativeText(), "details": box.detailedText()})
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    return boxes


@pytest.fixture
def db_path(tmp_path) -> str:
    path = tmp_path / "reports.sqlite"
    open_store(path).close()
    return str(path)


def stored_files(db_path: str) -> list[str]:
    with open_store(db_path, create=False) as store:
        return sorted(summary.file_name for summary in store.list_reports())


def test_seeds_are_imported_on_a_worker_thread(shown, db_path, monkeypatch):
    real_import, threads = importer.import_paths, []

    def recording_import(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_import(*args, **kwargs)

    monkeypatch.setattr(importer, "import_paths", recording_import)
    summary = run_import(None, db_path, [str(SEEDS)])
    seed_names = sorted(path.name for path in SEEDS.glob("*.txt"))
    assert sorted(Path(path).name for path in summary.imported) == seed_names
    assert stored_files(db_path) == seed_names
    assert threads and threads[0] is not threading.main_thread()
    assert shown[-1]["title"] == "Import Finished"
    assert shown[-1]["text"].startswith(f"Imported {len(seed_names)} reports")


def test_duplicates_and_bad_files_are_listed_in_the_summary(shown, db_path, tmp_path):
    folder = tmp_path / "incoming"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 40)
    run_import(None, db_path, [str(SEEDS)])
    summary = run_import(None, db_path, [str(folder)])
    assert summary.imported == []
    assert len(summary.duplicates) == len(list(SEEDS.glob("*.txt")))
    assert sorted(Path(path).name for path, _ in summary.failed) == ["broken.txt", "empty.txt"]
    box = shown[-1]
    assert "2 files could not be imported" in box["text"]
    for path, reason in summary.failed:
        assert f"{Path(path).name}: {reason}" in box["details"]
    assert "000_bf3b68f4418ea0b0.txt" in box["details"]  # a skipped duplicate


def test_an_export_imported_with_a_warning_says_so(shown, db_path, tmp_path):
    """An export from an older version (no closing line, so it cannot be checked complete) is
    imported, and the summary says which file needs a look and why, not just "Imported"."""
    import json

    from app.store.dataset import export_dataset
    source = tmp_path / "source.sqlite"
    with open_store(source) as store:
        importer.import_paths(store, [str(SEEDS)])
        export_dataset(store, tmp_path / "full.jsonl", fmt="jsonl", statuses="all")
    lines = [json.loads(line) for line in (tmp_path / "full.jsonl").read_text(encoding="utf-8").splitlines()]
    lines[0] = {k: v for k, v in lines[0].items() if k not in ("reports", "figures")} | {"version": 1}
    old = tmp_path / "old.jsonl"
    old.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines[:-1]), encoding="utf-8")
    summary = run_import(None, db_path, [str(old)])
    assert len(summary.imported) == len(list(SEEDS.glob("*.txt"))) and summary.warnings
    box = shown[-1]
    assert "1 file needs a look" in box["text"]
    assert "old.jsonl: made by an older version" in box["details"]


def click_cancel_when(condition, clicked: threading.Event) -> QTimer:
    """Press the progress dialog's Cancel button, as a user would, once `condition(dialog)`."""
    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible() and condition(widget):
                widget.findChild(QPushButton).click()
                clicked.set()
                timer.stop()

    timer = QTimer(interval=20, timeout=poll)
    timer.start()
    return timer


def test_cancel_stops_the_import_and_keeps_what_was_done(shown, db_path, tmp_path, monkeypatch):
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(2):
        for seed in SEEDS.glob("*.txt"):
            (folder / f"{copy}_{seed.name}").write_bytes(seed.read_bytes() + f"\n{copy}".encode())
    real_import, clicked = importer.import_paths, threading.Event()

    def import_waiting_for_the_click(store, paths, progress=None, should_cancel=None, **kwargs):
        def progress_then_wait(done, total, current):
            progress(done, total, current)
            if done == 1:  # hold the worker until the user has pressed Cancel
                clicked.wait(10)
        return real_import(store, paths, progress=progress_then_wait, should_cancel=should_cancel, **kwargs)

    monkeypatch.setattr(importer, "import_paths", import_waiting_for_the_click)
    timer = click_cancel_when(lambda dialog: dialog.value() >= 1, clicked)
    summary = run_import(None, db_path, [str(folder)])
    timer.stop()
    assert clicked.is_set()
    assert len(summary.imported) == 1
    assert stored_files(db_path) == [Path(summary.imported[0]).name]
    assert shown[-1]["text"].startswith("Import cancelled.")


def test_an_unusable_database_gives_one_message_and_no_summary(shown, tmp_path):
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("plain text, not SQLite", encoding="utf-8")
    assert run_import(None, str(not_a_db), [str(SEEDS)]) is None
    assert [box["title"] for box in shown] == ["Import failed"]
    assert "not a Report Reviewer database" in shown[0]["text"]


def test_paths_from_drop_keeps_local_files_only(tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "报告.txt")), QUrl("https://example.org/a.txt"),
                  QUrl.fromLocalFile(str(tmp_path))])
    assert paths_from_drop(mime) == [str(tmp_path / "报告.txt"), str(tmp_path)]
    text_only = QMimeData()
    text_only.setText("/not/a/url")
    assert paths_from_drop(text_only) == []


def test_summary_lists_long_failures_briefly(shown):
    from app.store.rows import ImportSummary
    failed = [(f"/in/{index}.txt", "file is empty") for index in range(import_dialog.MAX_LISTED + 5)]
    import_dialog.show_summary(None, ImportSummary(failed=failed))
    assert shown[0]["details"].count("file is empty") == import_dialog.MAX_LISTED
    assert "… and 5 more" in shown[0]["details"]
