"""Issue 11 through main.py as a user runs it: every bad input or fault ends in one line,
exit 2, no traceback, and the data already there unchanged."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from app.store import schema
from safety_helpers import file_hash, one_line_failure, run, seeded_db


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    return seeded_db(tmp_path_factory.mktemp("seeded"))


@pytest.fixture
def db(tmp_path, seeded):
    import shutil
    copy = tmp_path / "r.db"
    shutil.copy(seeded, copy)
    return copy


# --- 1: an export never replaces its own database ------------------------------------------
@pytest.mark.parametrize("out", ["r.db", "sub/../r.db", "r.db-wal", "r.db-shm", "hard.db"])
def test_export_refuses_to_write_over_its_own_database(db, out):
    (db.parent / "sub").mkdir()
    (db.parent / "hard.db").hardlink_to(db)
    before = file_hash(db)
    line = one_line_failure(run("export", "--db", "r.db", "--out", out, "--format", "jsonl", cwd=db.parent))
    assert "is the database itself" in line and "nothing was written" in line
    assert file_hash(db) == before


# --- 4: another program's SQLite file, or a damaged one, is refused untouched ---------------
def test_other_programs_database_with_user_version_1_is_refused_unchanged(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = file_hash(other)
    for command in (("export", "--db", other, "--out", tmp_path / "o.csv"),
                    ("import", "--db", other, tmp_path / "nothing.txt")):
        line = one_line_failure(run(*command))
        assert "not a Report Reviewer database" in line
    assert file_hash(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, -shm, export
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_page_damaged_database_is_refused_unchanged(db, tmp_path):
    data = bytearray(db.read_bytes())
    page = 4096
    data[page:page * 3] = b"\xa5" * (page * 2)  # sqlite_master's children and more: garbage
    db.write_bytes(bytes(data))
    before = file_hash(db)
    line = one_line_failure(run("export", "--db", db, "--out", tmp_path / "o.csv"))
    assert "damaged" in line or "not a Report Reviewer database" in line
    assert file_hash(db) == before
    assert not (tmp_path / "o.csv").exists()


# --- 5: creating a database is one transaction ----------------------------------------------
def test_a_failed_creation_leaves_no_half_made_database(tmp_path, monkeypatch):
    from app.store.database import open_store

    def fail_half_way(conn):
        conn.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY)")
        raise sqlite3.OperationalError("database or disk is full")

    path = tmp_path / "new.db"
    monkeypatch.setattr(schema, "MIGRATIONS", [fail_half_way, *schema.MIGRATIONS[1:]])
    with pytest.raises(Exception, match="disk is full"):
        open_store(path)
    monkeypatch.undo()
    with open_store(path) as store:  # not "holds other tables": the creation starts afresh
        assert store.report_count() == 0


def test_v1_schema_script_runs_inside_the_callers_transaction(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    schema.MIGRATIONS[0](schema._OneTransaction(conn))
    assert conn.in_transaction  # executescript would have committed
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


# --- 19: a read never creates a database ------------------------------------------------------
def test_export_from_an_empty_file_creates_no_database(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    line = one_line_failure(run("export", "--db", empty, "--out", tmp_path / "o.csv"))
    assert "empty file" in line
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


# --- 6, 7, 8, 16: odd names and odd files cost one line each, never the import -------------
@pytest.fixture
def odd_folder(tmp_path):
    from conftest import SEEDS
    folder = tmp_path / "reports"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    gbk_name = os.fsdecode("报告".encode("gbk") + b".txt")  # as a Chinese Windows zip leaves it
    (folder / gbk_name).write_bytes(seeds[0].read_bytes())
    (folder / "a\nb\x1b[31mforged.txt").write_bytes(seeds[1].read_bytes())
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_import_survives_odd_names_loops_and_fifos(odd_folder, tmp_path):
    result = run("import", "--db", tmp_path / "r.db", odd_folder, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.startswith("imported 2, skipped 0 duplicates, failed 3"), result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 5 and lines[-1].startswith("by format: ")  # a name's newline forged no line
    assert any("loop1.txt" in line and "loop" in line.split(":", 1)[1] for line in lines)
    assert any("pipe.txt" in line and "named pipe (FIFO)" in line for line in lines)
    assert "\x1b" not in result.stdout
    names = {row[0] for row in sqlite3.connect(tmp_path / "r.db").execute("SELECT file_name FROM reports")}
    assert "报告.txt" in names


def test_extract_skips_loops_and_fifos_with_a_message(odd_folder):
    result = run("extract", odd_folder, odd_folder / "pipe.txt", timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    errors = {Path(o["path"]).name: o["error"] for o in objects if "error" in o}
    assert "loop" in errors["loop1.txt"] and "named pipe" in errors["pipe.txt"]
    assert sum("figures" in o for o in objects) == 2
    assert any(Path(o["path"]).name == "报告.txt" for o in objects)


def test_database_path_that_is_a_fifo_is_named_and_refused(tmp_path):
    os.mkfifo(tmp_path / "fifo.db")
    line = one_line_failure(run("export", "--db", tmp_path / "fifo.db", "--out", tmp_path / "o.csv", timeout=60))
    assert "named pipe (FIFO)" in line


# --- 13, 18: a .docx that unpacks to too much is stopped early and named for what it is -----
def docx_with(path, document_xml_chunks, declared_small=False):
    """A .docx whose document.xml is written from chunks (never held whole in memory)."""
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            for chunk in document_xml_chunks:
                stream.write(chunk)
    return path


W_HEAD = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          b"<w:body>")


# The peak of this process's own memory (VmHWM: ru_maxrss would include the pytest process it
# was forked from, which Linux carries over across exec).
PROBE = ("import sys; from app.core.readers import read_report, ReadError\n"
         "try:\n    read_report(sys.argv[1])\nexcept ReadError as e:\n    print(e)\n"
         "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
         "print(int(peak) // 1024)")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the memory peak from /proc (Linux)")
@pytest.mark.parametrize("name, chunks", [
    ("text", [W_HEAD, *[b"<w:p><w:r><w:t>" + "全年办理案件一百件。".encode() * 2000 + b"</w:t></w:r></w:p>"] * 1100]),
    ("empty_paragraphs", [W_HEAD, *[b"<w:p/>" * 100_000] * 6, b"</w:body></w:document>"]),
    ("runs_in_one_paragraph", [W_HEAD, b"<w:p>", *[b"<w:r/>" * 100_000] * 25]),
    ("bomb", [W_HEAD, *[b"<w:p><w:r><w:t>" + b"0" * (1 << 20) + b"</w:t></w:r></w:p>"] * 70]),
])
def test_docx_that_unpacks_to_too_much_is_refused_in_bounded_memory(tmp_path, name, chunks):
    import subprocess
    import sys
    from conftest import ROOT
    docx = docx_with(tmp_path / f"{name}.docx", chunks)
    assert docx.stat().st_size < 5 * 1024 * 1024
    result = subprocess.run([sys.executable, "-c", PROBE, str(docx)], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    message, peak_mb = result.stdout.splitlines()
    assert "zip bomb" in message and "damaged" not in message, message
    assert int(peak_mb) < 300, peak_mb
    extracted = run("extract", docx)
    assert extracted.returncode == 2 and "zip bomb" in json.loads(extracted.stdout)["error"]


# --- 15: a <meta charset> the bytes contradict ------------------------------------------------
def test_meta_charset_contradicted_by_the_bytes_is_not_believed(tmp_path):
    text = "某區司法局二零二三年法治政府建設年度報告。全年辦理行政復議案件一百二十件，開展法治宣傳活動三十場次。"
    page = tmp_path / "big5.html"
    page.write_bytes(f'<html><head><meta charset="gb2312"></head><body><p>{text}</p></body></html>'.encode("big5"))
    result = run("extract", page)
    found = json.loads(result.stdout)
    assert found["encoding"].startswith("big5")
    assert "declares GB2312" in found["warning"]


# --- 17: export errors name the user's file; no .part is left; permissions are kept ----------
def test_export_error_names_the_users_file_and_leaves_no_part(db):
    (db.parent / "out.csv").mkdir()  # a folder where the file should go: the rename fails
    line = one_line_failure(run("export", "--db", db, "--out", db.parent / "out.csv"))
    assert "out.csv" in line and ".part" not in line
    assert not list(db.parent.glob(".*.part"))


def test_stale_part_files_are_removed_and_permissions_kept(db):
    out = db.parent / "out.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    stale = db.parent / ".out.csv.999999999.deadbeef.part"
    stale.write_text("left by a killed export", encoding="utf-8")
    result = run("export", "--db", db, "--out", out, "--status", "all")
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert out.stat().st_mode & 0o777 == 0o640 and out.read_text(encoding="utf-8-sig") != "old"


# --- 20: XLSX sheets carry their <dimension> ---------------------------------------------------
def test_xlsx_sheets_have_a_dimension(db):
    import openpyxl
    out = db.parent / "out.xlsx"
    result = run("export", "--db", db, "--out", out, "--status", "all")
    assert result.returncode == 0, result.stderr
    rows = int(result.stdout.split()[1])
    book = openpyxl.load_workbook(out, read_only=True)
    sheet = book["long"]
    assert sheet.max_row == rows + 1 and sheet.max_column == len(next(sheet.iter_rows(max_row=1)))


def test_two_processes_creating_one_database_at_once(tmp_path):
    """Both finish: one creates and imports, the other waits for the creation and finds the
    reports there (no "holds other tables", no half-made schema)."""
    import subprocess
    import sys
    from conftest import ROOT, SEEDS
    db = tmp_path / "new.db"
    command = [sys.executable, str(ROOT / "main.py"), "import", "--db", str(db), str(SEEDS), "--workers", "1"]
    first, second = (subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(2))
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    assert [process.returncode for process in (first, second)] == [0, 0], outputs
    assert "Traceback" not in "".join(out + err for out, err in outputs)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == len(list(SEEDS.glob("*.txt")))
