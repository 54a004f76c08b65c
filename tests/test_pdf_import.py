"""PDF reports through the whole program: a mixed folder imports with progress and a summary per
format, bad PDFs cost one line each, page starts are stored, exported as a page column and
carried through a JSONL backup; a database from before page starts upgrades."""
import csv
import json
import sqlite3
from collections import Counter

import pytest
from docx import Document

import pdf_maker
from app import cli
from app.core import readers
from app.store import schema
from app.store.database import open_store
from app.store.dataset import export_dataset, restore_jsonl
from app.store.importer import import_paths
from app.store.rows import ImportSummary
from conftest import DATA, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
DOC = DATA / "doc" / "001_libreoffice.doc"


def seed_text(index: int) -> str:
    return SEED_FILES[index].read_text(encoding="utf-8")


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def mixed_folder(tmp_path):
    """One report in each format, and three PDFs that give no report."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_report.pdf").write_bytes(pdf_maker.text_pdf(seed_text(0), footer="- {page} -", indent=True))
    (folder / "b_scan.pdf").write_bytes(pdf_maker.scan_pdf())
    (folder / "c_locked.pdf").write_bytes(pdf_maker.encrypted_pdf(seed_text(0)))
    (folder / "d_cut.pdf").write_bytes(pdf_maker.damaged_pdf(seed_text(0)))
    (folder / "e_old.doc").write_bytes(DOC.read_bytes())
    document = Document()
    for line in seed_text(2).splitlines():
        document.add_paragraph(line)
    document.save(folder / "f_word.docx")
    (folder / "g_page.html").write_text("<html><body><h1>某县司法局2023年法治政府建设情况报告</h1>"
                                        "<p>全年办理行政复议案件35件。</p></body></html>", encoding="utf-8")
    (folder / "h_plain.txt").write_text("某区卫生健康委员会2024年法治政府建设情况报告\n全年受理投诉举报10件。",
                                        encoding="utf-8")
    return folder


def test_a_mixed_folder_imports_every_readable_format_and_names_each_bad_pdf(mixed_folder, tmp_path):
    seen = []
    with open_store(tmp_path / "review.sqlite") as store:
        summary = import_paths(store, [mixed_folder], progress=lambda done, total, path: seen.append((done, total, path)))
        texts = {row["file_name"]: row for row in store.db.query("SELECT file_name, text, page_starts FROM reports")}
    assert [done for done, _, _ in seen] == list(range(1, 9)) and {total for _, total, _ in seen} == {8}
    assert sorted(texts) == ["a_report.pdf", "e_old.doc", "f_word.docx", "g_page.html", "h_plain.txt"]
    failed = {path.rsplit("/", 1)[-1]: reason for path, reason in summary.failed}
    assert failed == {"b_scan.pdf": readers.MESSAGES["pdf_images_only"],
                      "c_locked.pdf": readers.MESSAGES["pdf_encrypted"],
                      "d_cut.pdf": failed["d_cut.pdf"]}
    assert failed["d_cut.pdf"].startswith("This PDF is damaged")
    assert summary.by_format() == [("doc", 1, 0, 0), ("docx", 1, 0, 0), ("html", 1, 0, 0),
                                   ("pdf", 1, 0, 3), ("txt", 1, 0, 0)]
    starts = json.loads(texts["a_report.pdf"]["page_starts"])
    assert len(starts) == len(pdf_maker.layout(seed_text(0))) and starts[0] == 0
    assert texts["f_word.docx"]["page_starts"] is None


def test_the_cli_prints_a_summary_per_format(tmp_path, capsys):
    (tmp_path / "report.pdf").write_bytes(pdf_maker.text_pdf(seed_text(0)))
    (tmp_path / "scan.pdf").write_bytes(pdf_maker.scan_pdf())
    (tmp_path / "report.txt").write_text(seed_text(1), encoding="utf-8")
    (tmp_path / "again.txt").write_text(seed_text(1), encoding="utf-8")
    code = cli.main(["import", str(tmp_path), "--db", str(tmp_path / "x.db")])
    lines = capsys.readouterr().out.splitlines()
    assert code == 2
    assert lines[0] == "imported 2, skipped 1 duplicates, failed 1"
    assert lines[1] == f"  {tmp_path / 'scan.pdf'}: {readers.MESSAGES['pdf_images_only']}"
    assert lines[-1] == "by format: pdf 1 imported, 1 failed; txt 1 imported, 1 duplicates"


def test_extract_on_a_seed_pdf_finds_the_seed_txt_figures_and_metadata(tmp_path, capsys):
    pdf, txt = tmp_path / "seed.pdf", tmp_path / "seed.txt"
    pdf.write_bytes(pdf_maker.text_pdf(seed_text(2), header="酉阳县卫生健康委员会", footer="- {page} -"))
    txt.write_text(seed_text(2), encoding="utf-8")
    assert cli.main(["extract", str(pdf), str(txt)]) == 0
    from_pdf, from_txt = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    want = Counter((f["value"], f["unit"]) for f in from_txt["figures"])
    got = Counter((f["value"], f["unit"]) for f in from_pdf["figures"])
    assert sum((want & got).values()) >= 0.95 * sum(want.values()) > 0
    assert from_pdf["metadata"] == from_txt["metadata"]
    assert len(from_pdf["page_starts"]) > 1 and "page_starts" not in from_txt


def test_summary_by_format_counts_duplicates_and_names_odd_suffixes_alike():
    summary = ImportSummary(imported=["a/x.PDF", "b.htm", "c.html"], duplicates=["d.pdf"],
                            failed=[("e.mhtml", "…"), ("folder", "No report files")])
    assert summary.by_format() == [("html", 2, 0, 0), ("mht", 0, 0, 1), ("other", 0, 0, 1),
                                   ("pdf", 1, 1, 0)]


@pytest.fixture
def pdf_store(tmp_path):
    path = tmp_path / "two_pages.pdf"
    path.write_bytes(pdf_maker.text_pdf(seed_text(1), header="泉州市卫生健康委员会", footer="第{page}页 共{pages}页"))
    store = open_store(tmp_path / "review.sqlite")
    import_paths(store, [path])
    yield store
    store.close()


def test_the_export_gives_the_page_each_figure_starts_on(pdf_store, tmp_path):
    (report_id, text, starts), = pdf_store.conn.execute("SELECT id, text, page_starts FROM reports")
    starts = json.loads(starts)
    assert len(starts) > 1
    out = tmp_path / "long.csv"
    export_dataset(pdf_store, out, "csv", "long", statuses="all")
    rows = read_csv(out)
    assert rows and all(row["page"] for row in rows)
    for row in rows:
        start = int(row["start"])
        page = int(row["page"])
        assert starts[page - 1] <= start and (page == len(starts) or start < starts[page])
    assert {row["page"] for row in rows} >= {"1", str(len(starts))}


def test_other_formats_leave_the_page_column_empty(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text(1), encoding="utf-8")
    with open_store(tmp_path / "review.sqlite") as store:
        import_paths(store, [path])
        export_dataset(store, tmp_path / "long.csv", "csv", "long", statuses="all")
    rows = read_csv(tmp_path / "long.csv")
    assert rows and {row["page"] for row in rows} == {""}


def test_a_jsonl_backup_carries_the_page_starts(pdf_store, tmp_path):
    out = tmp_path / "backup.jsonl"
    export_dataset(pdf_store, out, "jsonl", "long", statuses="all")
    with open_store(tmp_path / "restored.sqlite") as restored:
        summary = restore_jsonl(restored, out)
        assert len(summary.imported) == 1 and not summary.failed
        back = restored.conn.execute("SELECT page_starts FROM reports").fetchone()[0]
        restored_report = restored.report(restored.report_ids()[0])
    assert back == pdf_store.conn.execute("SELECT page_starts FROM reports").fetchone()[0]
    report = pdf_store.report(pdf_store.report_ids()[0])
    assert restored_report.page_starts == report.page_starts and len(report.page_starts) > 1


def test_a_database_from_before_page_starts_upgrades_and_keeps_its_reports(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    with conn:
        for step in schema.MIGRATIONS[:1]:
            step(conn)
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO reports (path, file_name, sha256, encoding, encoding_confidence, text,"
                     " imported_at) VALUES ('a.txt', 'a.txt', 'abc', 'utf-8', 1.0, '全年办理案件3件。', 'now')")
    conn.close()
    with open_store(path) as store:
        [report_id] = store.report_ids()
        assert store.report(report_id).page_starts is None
        assert schema.current_version(store.conn) == schema.SCHEMA_VERSION
