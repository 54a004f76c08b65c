"""Importing files into a database: extraction on all cores, duplicates, failures, cancel."""
import shutil
import sqlite3
import sys
import types
from pathlib import Path

import pytest

from app.store import importer
from app.store.database import open_store
from app.store.importer import import_paths
from app.store.rows import ImportSummary
from conftest import SEED_COUNT, SEEDS

pytest.importorskip("app.core.extract")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "import.db") as opened:
        yield opened



@pytest.fixture
def seed_folder(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    return folder


def many_reports(folder: Path, count: int) -> Path:
    """`count` distinct files (each seed with a different trailing line)."""
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(count):
        text = seeds[index % len(seeds)].read_text(encoding="utf-8")
        (folder / f"report_{index:03}.txt").write_text(f"{text}\n附件{index}\n", encoding="utf-8")
    return folder


def test_seeds_import_with_offsets_into_the_stored_text(store, seed_folder):
    summary = import_paths(store, [seed_folder])
    assert len(summary.imported) == SEED_COUNT and summary.duplicates == [] and summary.failed == []
    assert store.report_count() == SEED_COUNT
    for listed in store.list_reports():
        report = store.report(listed.id)
        figures = store.figures(listed.id)
        assert listed.n_figures == len(figures) > 0 and listed.n_reviewed == 0
        assert all(report.text[f.start:f.end] == f.raw for f in figures)
        assert store.sections(listed.id)
        assert report.text == (seed_folder / report.file_name).read_text(encoding="utf-8")


def test_second_import_skips_everything_as_duplicates(store, seed_folder):
    import_paths(store, [seed_folder])
    again = import_paths(store, [seed_folder])
    assert again.imported == [] and len(again.duplicates) == SEED_COUNT and again.failed == []
    assert store.report_count() == SEED_COUNT


def test_duplicates_within_one_run(store, seed_folder):
    first = sorted(seed_folder.glob("*.txt"))[0]
    shutil.copy(first, seed_folder / "copy_of_first.txt")
    summary = import_paths(store, [seed_folder])
    assert len(summary.imported) == SEED_COUNT and len(summary.duplicates) == 1
    assert store.report_count() == SEED_COUNT


def test_bad_files_are_reported_and_the_rest_imported(store, seed_folder, tmp_path):
    (seed_folder / "empty.txt").write_bytes(b"")
    (seed_folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    summary = import_paths(store, [seed_folder, tmp_path / "missing.txt"])
    assert len(summary.imported) == SEED_COUNT
    failed = dict(summary.failed)
    assert set(failed) == {str(seed_folder / "empty.txt"), str(seed_folder / "picture.txt"),
                           str(tmp_path / "missing.txt")}
    assert all(message and "\n" not in message for message in failed.values())


def test_process_pool_gives_the_same_result_as_one_process(tmp_path):
    folder = many_reports(tmp_path / "many", 12)
    results = {}
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.db") as store:
            summary = import_paths(store, [folder], workers=workers)
            assert len(summary.imported) == 12 and summary.failed == []
            results[workers] = {(s.file_name, s.agency, s.n_figures) for s in store.list_reports()}
    assert results[1] == results[2]


def test_batches_and_progress(store, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_SIZE", 4)
    folder = many_reports(tmp_path / "many", 10)
    calls = []
    summary = import_paths(store, [folder], progress=lambda *args: calls.append(args), workers=2)
    assert len(summary.imported) == 10 and store.report_count() == 10
    assert [done for done, _, _ in calls] == list(range(1, 11))
    assert {total for _, total, _ in calls} == {10}
    assert Path(calls[-1][2]).name == "report_009.txt"


def test_cancel_keeps_what_was_imported(store, tmp_path):
    folder = many_reports(tmp_path / "many", 10)
    seen = []
    summary = import_paths(store, [folder], progress=lambda done, *_: seen.append(done),
                           should_cancel=lambda: len(seen) >= 3, workers=2)
    assert len(summary.imported) == 3
    assert sorted(r.file_name for r in store.list_reports()) == sorted(
        Path(p).name for p in summary.imported)
    rest = import_paths(store, [folder])
    assert len(rest.imported) == 7 and len(rest.duplicates) == 3


def test_jsonl_goes_to_restore(store, tmp_path, monkeypatch):
    calls = []

    def restore_jsonl(target, path, accept_incomplete=False):
        calls.append((target, Path(path)))
        return ImportSummary(imported=["from jsonl"])
    monkeypatch.setitem(sys.modules, "app.store.restore",
                        types.SimpleNamespace(restore_jsonl=restore_jsonl))
    dataset = tmp_path / "export.jsonl"
    dataset.write_text("{}\n", encoding="utf-8")
    summary = import_paths(store, [dataset])
    assert calls == [(store, dataset)] and summary.imported == ["from jsonl"]


def test_reextract_of_an_imported_seed_keeps_the_reviews(store, seed_folder):
    from app.core.extract import extract
    import_paths(store, [seed_folder])
    report_id = store.report_ids()[0]
    before = store.figures(report_id)
    store.confirm([before[0].id])
    store.reject([before[1].id], "a date")
    store.update_metadata(report_id, agency="审核者写的机关")
    store.reextract(report_id, extract(store.report(report_id).text))
    after = store.figures(report_id)
    assert [(f.start, f.raw) for f in after] == [(f.start, f.raw) for f in before]
    assert [f.status for f in after][:2] == ["confirmed", "rejected"]
    assert store.report(report_id).agency == "审核者写的机关"


def test_an_import_leaves_the_connection_as_it_found_it(tmp_path):
    """The import's larger page cache and rarer checkpoints are its own: the window's
    connection is back to its settings afterwards, also after an import that found no files."""
    store = open_store(str(tmp_path / "settings.sqlite"))
    before = [store.conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("cache_size", "wal_autocheckpoint")]
    import_paths(store, [str(SEEDS)], workers=1)
    import_paths(store, [str(tmp_path / "missing-folder")], workers=1)
    assert [store.conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("cache_size", "wal_autocheckpoint")] \
        == before
    assert store.report_count() == SEED_COUNT
    store.close()


def search_merge(store) -> int | None:
    row = store.conn.execute("SELECT v FROM reports_fts_config WHERE k = 'automerge'").fetchone()
    return None if row is None else row[0]


def test_the_search_index_merges_wider_while_importing_and_as_before_afterwards(store, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_SIZE", 4)
    folder = many_reports(tmp_path / "many", 10)
    during = []
    import_paths(store, [folder], progress=lambda *_: during.append(search_merge(store)), workers=1)
    assert importer.SEARCH_MERGE_WHILE_IMPORTING in during
    assert search_merge(store) == importer.SEARCH_MERGE_DEFAULT
    assert {hit.report_id for hit in store.search("附件7")} == {
        r.id for r in store.list_reports() if r.file_name == "report_007.txt"}


def test_a_failed_import_sets_the_search_merge_back_too(store, tmp_path, monkeypatch):
    from app.store.errors import StoreWriteFailed
    folder = many_reports(tmp_path / "many", 10)
    monkeypatch.setattr(importer, "BATCH_SIZE", 4)
    calls = []
    real = importer.write_records

    def fails_on_the_second_batch(conn, records):
        calls.append(len(records))
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real(conn, records)
    monkeypatch.setattr(importer, "write_records", fails_on_the_second_batch)
    with pytest.raises(StoreWriteFailed):
        import_paths(store, [folder], workers=1)
    assert store.report_count() == 4
    assert search_merge(store) == importer.SEARCH_MERGE_DEFAULT
