"""Opening databases safely, and the store's reads."""
import os
import sqlite3
import subprocess
import sys

import pytest

from app.store import schema
from app.store.database import (NotADatabase, StoreError, StoreLocked, StoreMissing, StoreTooNew,
                                open_store)
from app.store.errors import DuplicateReport
from store_fixtures import TEXT, add_sample, span


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "reviews.db") as opened:
        yield opened


# --- opening --------------------------------------------------------------------------------
def test_text_file_renamed_db_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库\n just some notes\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NotADatabase) as error:
        open_store(path)
    assert str(error.value) == f"{path} is not a Report Reviewer database (file is not a database)"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_damaged_sqlite_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    before = path.read_bytes()
    with pytest.raises(NotADatabase):
        open_store(path)
    assert path.read_bytes() == before


def test_other_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotADatabase, match="holds other tables"):
        open_store(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_unchanged(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer version"):
        open_store(path)
    assert path.read_bytes() == before


def test_missing_file_without_create(tmp_path):
    with pytest.raises(StoreMissing, match="does not exist"):
        open_store(tmp_path / "nowhere.db", create=False)
    assert not (tmp_path / "nowhere.db").exists()


def test_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)


def test_store_errors_are_one_line(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(StoreError) as error:
        open_store(path)
    assert "\n" not in str(error.value)


def test_new_database_uses_wal_and_foreign_keys(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema.current_version(store.conn) == schema.SCHEMA_VERSION


def test_migration_backs_up_the_older_file_first(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    with open_store(path) as old:
        add_sample(old)
    before = path.read_bytes()

    def v2(conn):
        conn.execute("ALTER TABLE reports ADD COLUMN reviewer_comment TEXT")
    old_version = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, v2])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", old_version + 1)
    with open_store(path) as upgraded:
        assert schema.current_version(upgraded.conn) == old_version + 1
        assert upgraded.report_count() == 1
        assert "reviewer_comment" in upgraded.db["reports"].columns_dict
    backup = tmp_path / f"old.db.bak-v{old_version}"
    assert backup.exists()
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    conn.close()
    assert len(before) > 0


def test_app_lock_held_by_live_process(tmp_path):
    path = tmp_path / "locked.db"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / "locked.db.lock").write_text(str(sleeper.pid))
        with open_store(path) as store:
            with pytest.raises(StoreLocked, match="another running copy"):
                store.acquire_app_lock()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_stale_app_lock_is_taken_over_and_released(tmp_path):
    path = tmp_path / "stale.db"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    lock = tmp_path / "stale.db.lock"
    lock.write_text(dead)
    store = open_store(path)
    store.acquire_app_lock()
    assert lock.read_text() == str(os.getpid())
    store.close()
    assert not lock.exists()


# --- reads ----------------------------------------------------------------------------------
def test_inserted_report_reads_back(store):
    report_id = add_sample(store)
    report = store.report(report_id)
    assert report.text == TEXT and report.agency == "某区卫生健康委员会"
    assert report.report_year == 2024 and report.encoding == "utf-8"
    assert [s.category for s in store.sections(report_id)] == ["measures", "problems", "plans"]
    figures = store.figures(report_id)
    assert [f.raw for f in figures] == ["120户次", "15件", "3.5万元", "2次", "10次"]
    assert all(TEXT[f.start:f.end] == f.raw for f in figures)
    assert [f.section_category for f in figures] == ["measures"] * 3 + ["problems", "plans"]
    assert figures[0].x_raw == "120户次" and figures[0].status == "pending"
    summary = store.list_reports()[0]
    assert (summary.n_figures, summary.n_reviewed, summary.has_warning) == (5, 0, False)


def test_same_bytes_twice_is_a_duplicate(store):
    add_sample(store, "same.txt")
    with pytest.raises(DuplicateReport):
        add_sample(store, "same.txt")
    assert store.report_count() == 1


def test_original_bytes_are_kept_compressed(store):
    import zlib
    report_id = add_sample(store, "orig.txt")
    blob = store.conn.execute("SELECT original FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
    assert zlib.decompress(blob) == (TEXT + "orig.txt").encode("utf-8")


def test_list_reports_filter_and_order(store):
    add_sample(store, "b.txt", agency="乙区卫健局", year=2023)
    add_sample(store, "a.txt", agency="甲区卫健委", year=2022)
    add_sample(store, "c.txt", agency="乙区卫健局", year=2021)
    agencies = [(r.agency, r.report_year) for r in store.list_reports()]
    assert agencies == sorted(agencies)
    assert [r.file_name for r in store.list_reports("乙区")] == ["c.txt", "b.txt"]
    assert [r.file_name for r in store.list_reports("2022")] == ["a.txt"]
    assert [r.file_name for r in store.list_reports("A.TXT")] == ["a.txt"]
    assert store.list_reports("%") == []


def test_search_finds_every_occurrence(store):
    first = add_sample(store, "a.txt")
    longer = TEXT + "再次开展监督检查。\n"
    second = add_sample(store, "b.txt", text=longer)
    hits = store.search("监督检查")
    assert sorted((h.report_id, h.start) for h in hits) == sorted(
        [(first, span(TEXT, "监督检查")[0]), (second, span(TEXT, "监督检查")[0]),
         (second, longer.index("再次") + 4)])
    assert all("监督检查" in hit.snippet for hit in hits)
    short = store.search("培训")
    assert len(short) == 2 * 3
    assert store.search("培训", limit=4) == short[:4]


def test_search_survives_punctuation_and_quotes(store):
    add_sample(store)
    for query in ('"', 'a"b', "120户次，", "NEAR(", "*", "-", "OR"):
        store.search(query)  # must not raise
    assert len(store.search("120户次，")) == 1
    assert store.search("不存在的词语") == []
    assert store.search("") == []


def test_progress_counts_statuses(store):
    report_id = add_sample(store)
    ids = [f.id for f in store.figures(report_id)]
    store.confirm(ids[:2])
    store.reject(ids[2:3])
    assert store.progress() == {"pending": 2, "confirmed": 2, "corrected": 0, "rejected": 1,
                                "added": 0}


def test_indicator_series_prefers_headline_then_reviewed(store):
    first = add_sample(store, "a.txt", year=2023)
    second = add_sample(store, "b.txt", agency="另一区卫健委", year=2024)
    training = [f.id for f in store.figures(first) if f.indicator == "training_sessions"]
    assert [p.value for p in store.indicator_series("training_sessions")] == [2, 2]
    store.confirm([training[1]])
    by_report = {p.report_id: p for p in store.indicator_series("training_sessions")}
    assert by_report[first].value == 10 and by_report[first].status == "confirmed"
    store.set_headline(training[0], True)
    by_report = {p.report_id: p for p in store.indicator_series("training_sessions")}
    assert by_report[first].value == 2 and by_report[first].headline
    assert by_report[second].value == 2 and not by_report[second].headline
    store.reject([f.id for f in store.figures(second) if f.indicator == "training_sessions"])
    assert [p.report_id for p in store.indicator_series("training_sessions")] == [first]


def test_next_pending_walks_reports_in_list_order_and_wraps(store):
    first = add_sample(store, "a.txt", agency="甲")
    second = add_sample(store, "b.txt", agency="乙")
    f1, f2 = store.figures(first), store.figures(second)
    assert store.next_pending(first) == (first, f1[0].id)
    assert store.next_pending(first, f1[0].start) == (first, f1[1].id)
    assert store.next_pending(first, f1[-1].start) == (second, f2[0].id)
    store.confirm([f.id for f in f2])
    assert store.next_pending(first, f1[-1].start) == (first, f1[0].id)
    store.confirm([f.id for f in f1])
    assert store.next_pending(first) is None


def test_settings_round_trip_and_survive_reopen(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        assert store.get_setting("last_report_id", 7) == 7
        store.set_setting("last_report_id", 3)
        store.set_setting("columns", ["raw", "值"])
    with open_store(path, create=False) as store:
        assert store.get_setting("last_report_id") == 3
        assert store.get_setting("columns") == ["raw", "值"]
