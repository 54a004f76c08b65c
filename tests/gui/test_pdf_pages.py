"""A PDF report in the window: page breaks marked in the text, and a mixed import summed up
per format."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

import pdf_maker
from app.gui.import_dialog import run_import
from app.gui.tasks import TaskRunner
from app.gui.text_view import PAGE_MARKER, ReportTextView
from app.store.database import open_store
from app.store.importer import import_paths
from conftest import SEEDS
from review_fixtures import open_window

SEED_TEXT = sorted(SEEDS.glob("*.txt"))[1].read_text(encoding="utf-8")


def marker_pixels(view: ReportTextView, y: int) -> int:
    image = view.viewport().grab().toImage()
    return sum(image.pixelColor(x, y) == PAGE_MARKER for x in range(image.width()))


def test_page_starts_are_marked_where_each_page_begins_and_nowhere_else(qtbot):
    view = ReportTextView()
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    text = "一、第一页的标题\n全年办理案件3件。\n第二页从这里开始，共6次。\n第三页。"
    second, third = text.index("第二页"), text.index("第三页")
    view.set_report(text, [], [], page_starts=[0, second, third])
    qtbot.waitUntil(lambda: len(view.page_marks()) == 2)
    assert view.toPlainText() == text  # the marker is painted over the text, not written into it
    (two, rect_two), (three, rect_three) = view.page_marks()
    assert (two, three) == (2, 3) and rect_two.top() < rect_three.top()
    assert marker_pixels(view, rect_two.top()) > 20
    first_line = view.cursorRect(view.textCursor()).top()  # the cursor sits at the start
    assert first_line < rect_two.top() and marker_pixels(view, first_line) == 0
    view.set_report(text, [], [])
    assert view.page_marks() == []


def test_a_pdf_opened_in_the_window_shows_its_pages(qtbot, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_maker.text_pdf(SEED_TEXT, footer="- {page} -", lines_per_page=15))
    db = tmp_path / "review.sqlite"
    with open_store(db) as store:
        import_paths(store, [path])
        pages = len(store.report(store.report_ids()[0]).page_starts)
    window = open_window(qtbot, db)
    view = window.text_pane.view
    qtbot.waitUntil(lambda: view.toPlainText() != "")
    assert [number for number, _ in view._page_marks] == list(range(2, pages + 1)) and pages > 2
    window.close()


@pytest.fixture
def shown(qapp, monkeypatch) -> list[dict]:
    boxes = []

    def capture(box):
        boxes.append({"text": box.text(), "details": box.detailedText()})
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    return boxes


def test_the_import_summary_counts_each_format(shown, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(pdf_maker.text_pdf(SEED_TEXT))
    (folder / "b.pdf").write_bytes(pdf_maker.scan_pdf())
    other_seed = sorted(SEEDS.glob("*.txt"))[0]  # another report: the same text would be a duplicate
    (folder / "c.txt").write_bytes(other_seed.read_bytes())
    db = tmp_path / "review.sqlite"
    open_store(db).close()
    run_import(None, str(db), [str(folder)])
    [box] = shown
    lines = box["text"].splitlines()
    assert "PDF: 1 imported, 0 skipped, 1 failed" in lines
    assert "TXT: 1 imported, 0 skipped, 0 failed" in lines
    assert "b.pdf: This PDF holds images only; it needs OCR (text recognition) before it can be read." \
        in box["details"].splitlines()
