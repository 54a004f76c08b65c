"""A re-encoded copy of a report (a GBK copy of a UTF-8 file) is a duplicate (issue 13.4):
recognised by the hash of the stored text, named with the report it repeats, both by the
import and on a database from before the text hash existed."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.gui.import_dialog import run_import
from app.store import schema
from app.store.database import open_store
from app.store.importer import import_paths

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


@pytest.fixture
def shown(qapp, monkeypatch) -> list[dict]:
    boxes = []

    def capture(box):
        boxes.append({"text": box.text(), "details": box.detailedText()})
        return int(QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "exec", capture)
    return boxes


def gbk_copy(tmp_path) -> Path:
    copy = tmp_path / "copy-gbk.txt"
    copy.write_bytes(SEED.read_text(encoding="utf-8").encode("gbk"))
    assert copy.read_bytes() != SEED.read_bytes()
    return copy


def test_a_gbk_copy_is_skipped_and_names_the_original(shown, tmp_path):
    db = tmp_path / "reports.sqlite"
    open_store(db).close()
    run_import(None, str(db), [str(SEED)])
    summary = run_import(None, str(db), [str(gbk_copy(tmp_path))])
    assert summary.imported == [] and len(summary.duplicates) == 1
    assert shown[-1]["text"].startswith("Imported 0 reports. Skipped 1 duplicate.")
    assert f"copy-gbk.txt (same as {SEED.name})" in shown[-1]["details"]
    with open_store(db, create=False) as store:
        assert store.report_count() == 1


def v1_database(path: Path, text: str, decode_warning: str | None = None, finding: tuple | None = None) -> None:
    """A database as the first version wrote it, holding one report (and a finding)."""
    connection = sqlite3.connect(path)
    schema.MIGRATIONS[0](connection)
    connection.execute(
        "INSERT INTO reports (id, path, file_name, sha256, encoding, encoding_confidence, decode_warning,"
        " text, imported_at) VALUES (1, ?, ?, 'bytes-hash', 'utf-8', 1.0, ?, ?, '2025-01-01')",
        (str(SEED), SEED.name, decode_warning, text))
    if finding:
        connection.execute("INSERT INTO findings (report_id, rule, message, figure_ids, fingerprint)"
                           " VALUES (1, ?, ?, '[]', 'f')", finding)
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()


def test_the_copy_is_recognised_in_a_database_from_before_the_text_hash(tmp_path):
    db = tmp_path / "old.sqlite"
    with open_store(tmp_path / "scratch.sqlite") as scratch:  # the text exactly as an import stores it
        import_paths(scratch, [str(SEED)])
        text = scratch.report(scratch.report_ids()[0]).text
    v1_database(db, text)
    with open_store(db, create=False) as store:
        [digest] = [row[0] for row in store.conn.execute("SELECT text_sha256 FROM reports")]
        assert digest == schema.text_sha256(text)
        summary = import_paths(store, [str(gbk_copy(tmp_path))])
        assert summary.duplicate_of == {str(tmp_path / "copy-gbk.txt"): SEED.name}
        assert store.report_count() == 1


def test_two_copies_in_one_run_are_one_report(tmp_path):
    with open_store(tmp_path / "r.sqlite") as store:
        summary = import_paths(store, [str(SEED), str(gbk_copy(tmp_path))])
        assert len(summary.imported) == 1 and summary.duplicate_of == {str(tmp_path / "copy-gbk.txt"): SEED.name}
