"""Search across all reports: Chinese queries typed through the input method, hits, opening one."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from review_fixtures import seeded_db, seeded_template  # noqa: F401

from app.gui.search_dialog import HIT_ROLE, Column, SearchDialog
from app.store.database import open_store


@pytest.fixture
def store(seeded_db):
    store = open_store(str(seeded_db), create=False)
    yield store
    store.close()


@pytest.fixture
def dialog(qtbot, store):
    dialog = SearchDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_chinese(qtbot, dialog, text: str) -> None:
    """As an input method commits a composed word; then wait for the search to run."""
    dialog.query_edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(dialog.query_edit, event)
    qtbot.waitUntil(lambda: dialog.model.query == text)


def texts_of(dialog, column: Column) -> list[str]:
    model = dialog.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_chinese_query_lists_every_occurrence_with_agency_and_year(qtbot, dialog, store):
    type_chinese(qtbot, dialog, "行政复议")
    expected = sum(store.report(rid).text.count("行政复议") for rid in store.report_ids())
    assert expected >= 3
    assert dialog.model.rowCount() == expected
    assert all("行政复议" in snippet for snippet in texts_of(dialog, Column.SNIPPET))
    agencies = set(texts_of(dialog, Column.AGENCY))
    assert any("卫生健康" in agency for agency in agencies)
    assert all(year.isdigit() for year in texts_of(dialog, Column.YEAR) if year)
    assert str(expected) in dialog.status_label.text()


def test_one_character_query_finds_hits_too(qtbot, dialog):
    type_chinese(qtbot, dialog, "法")
    assert dialog.model.rowCount() > 100
    assert all("法" in snippet for snippet in texts_of(dialog, Column.SNIPPET))


def test_query_without_hits_says_so(qtbot, dialog):
    type_chinese(qtbot, dialog, "量子纠缠")
    assert dialog.model.rowCount() == 0
    assert "0" in dialog.status_label.text()


def test_enter_on_a_hit_emits_its_report_and_span(qtbot, dialog, store):
    type_chinese(qtbot, dialog, "行政复议")
    dialog.results.setFocus()
    dialog.results.selectRow(1)
    hit = dialog.results.currentIndex().data(HIT_ROLE)
    with qtbot.waitSignal(dialog.hit_activated) as signal:
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    report_id, start, end = signal.args
    assert (report_id, start, end) == (hit.report_id, hit.start, hit.end)
    assert store.report(report_id).text[start:end] == "行政复议"
    assert dialog.isVisible()  # stays open for the next hit


def test_enter_in_the_query_moves_to_the_hits_and_enter_again_opens_one(qtbot, dialog):
    dialog.query_edit.setText("行政复议")
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert dialog.results.hasFocus()
    first = dialog.model.hits[0]
    with qtbot.waitSignal(dialog.hit_activated) as signal:
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert signal.args == [first.report_id, first.start, first.end]


def test_search_after_the_database_was_closed_says_so(qtbot, dialog, store):
    store.close()
    dialog.query_edit.setText("行政复议")
    dialog.search()
    assert dialog.model.rowCount() == 0
    assert "closed" in dialog.status_label.text()
