"""Issue 11's fault injection, through main.py: disk full, the write lock held by another
process, a read-only database, and kill -9 / kill -TERM during an import. Each checks that
the database passes PRAGMA integrity_check, that no earlier report or review changed, and
that no process is left.

Disk full and read-only use a small tmpfs mounted for the test (root in CI can mount; root
ignores file permissions, but not a read-only mount). Where mounting is not allowed, disk full
is covered by SQLite's own page limit (PRAGMA max_page_count) and the read-only test runs on
a file made immutable with `chattr +i` (which root cannot write either).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from safety_helpers import content, integrity, one_line_failure, run, seeded_db

WAIT_SECONDS = 60  # the most any wait below may take; each returns as soon as its condition holds


def wait_until(condition, what: str):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def many_reports(folder: Path, count: int) -> Path:
    """`count` distinct report files made from the seeds (a line of their own makes each new)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for number in range(count):
        text = seeds[number % len(seeds)].read_text(encoding="utf-8")
        (folder / f"report_{number:04d}.txt").write_text(f"{text}\n附：第{number}号副本。\n", encoding="utf-8")
    return folder


@pytest.fixture
def tmpfs(tmp_path):
    """A mounted tmpfs of 3 MB, or None where mounting is not allowed."""
    mount_point = tmp_path / "tmpfs"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
                             capture_output=True).returncode == 0
    yield mount_point if mounted else None
    if mounted:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


# --- 9: disk full ------------------------------------------------------------------------------
def test_disk_full_during_import_says_so_and_changes_nothing_else(tmpfs, tmp_path):
    if tmpfs is None:
        pytest.skip("cannot mount a tmpfs here; test_disk_full_by_page_limit covers the same path")
    db = seeded_db(tmpfs)
    before = content(db)
    files = many_reports(tmp_path / "many", 300)
    result = run("import", "--db", db, files, "--workers", "1")
    line = one_line_failure(result)
    assert line.startswith("error: the disk is full: ") and "reports were imported before it, nothing else changed" in line
    assert integrity(db) == "ok"
    after = content(db)
    assert after["reports"][:len(before["reports"])] == before["reports"]
    assert after["figures"][:len(before["figures"])] == before["figures"] and after["edits"] == before["edits"]


def test_disk_full_by_page_limit(tmp_path, monkeypatch):
    """The same path without a mount: SQLite's page limit makes the write fail as a full disk does."""
    from app.store import database
    from app.store.errors import StoreDiskFull
    from app.store.importer import import_paths
    db = seeded_db(tmp_path)
    before = content(db)
    store = database.open_store(db)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 40}")
    with pytest.raises(StoreDiskFull, match=r"^the disk is full: \d+ reports were imported before it, "
                                            r"nothing else changed$"):
        import_paths(store, [many_reports(tmp_path / "many", 60)], workers=1)
    store.close()
    assert integrity(db) == "ok"
    after = content(db)
    assert after["reports"][:len(before["reports"])] == before["reports"] and after["edits"] == before["edits"]


# --- 10: the write lock held by another process --------------------------------------------
HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def lock_holder(tmp_path):
    db = seeded_db(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    yield db
    holder.communicate("\n", timeout=30)


def test_import_while_another_process_holds_the_lock(lock_holder, tmp_path):
    db = lock_holder
    before = content(db)
    line = one_line_failure(run("import", "--db", db, many_reports(tmp_path / "few", 3)))
    assert "is in use by another program" in line and "0 reports were imported before it" in line
    assert content(db) == before
    assert integrity(db) == "ok"


# --- 11: a read-only database --------------------------------------------------------------
def read_only_copy(tmpfs, tmp_path) -> tuple[Path, callable]:
    """A seeded database in a read-only place, and how to make the place writable again."""
    if tmpfs is not None:
        db = seeded_db(tmpfs)
        subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
        return db, lambda: subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    db = seeded_db(tmp_path)
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.fail("neither a tmpfs mount nor chattr +i works here: no way to make a file read-only for root")
    return db, lambda: subprocess.run(["chattr", "-i", str(db)], check=True)


def test_read_only_database_exports_and_refuses_import_in_one_line(tmpfs, tmp_path):
    db, make_writable = read_only_copy(tmpfs, tmp_path)
    try:
        before = content(db)
        assert not os.access(db, os.W_OK)
        out = tmp_path / "out.csv"
        exported = run("export", "--db", db, "--out", out, "--status", "all")
        assert exported.returncode == 0, exported.stderr
        assert out.stat().st_size > 0
        line = one_line_failure(run("import", "--db", db, many_reports(tmp_path / "few", 2)))
        assert "cannot be written" in line and "nothing was imported" in line
        assert sorted(p.name for p in db.parent.iterdir()) == [db.name]  # no -wal, -shm, .lock
        assert content(db) == before
    finally:
        make_writable()
    assert integrity(db) == "ok"


# --- 12: kill -9 / kill -TERM of an import leaves no process --------------------------------
def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc (Linux)")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_killed_import_leaves_no_workers(tmp_path, how):
    db = seeded_db(tmp_path)
    before = content(db)
    files = many_reports(tmp_path / "many", 120)
    importer = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "import", "--db", str(db), str(files),
                                 "--workers", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    # the two workers and the resource tracker have started
    def started():
        found = descendants(importer.pid)
        return found if len(found) >= 3 else None
    workers = wait_until(started, "workers")
    importer.send_signal(how)
    out, err = importer.communicate(timeout=WAIT_SECONDS)
    if how == signal.SIGTERM:  # cancelled like Ctrl+C: a summary, exit 2
        assert importer.returncode == 2 and "(cancelled)" in out and "Traceback" not in err, (out, err)
    wait_until(lambda: not any(alive(pid) for pid in workers), "the workers to end")
    assert integrity(db) == "ok"
    after = content(db)
    assert after["reports"][:len(before["reports"])] == before["reports"] and after["edits"] == before["edits"]
