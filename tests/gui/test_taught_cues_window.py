"""Taught cues in the real window: teach from the keyboard, the offer to apply, one undo,
the table's marker, the Cues view (switch off, remove)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from review_fixtures import chinese, figure_on_disk, open_window, press_return_to_commit  # noqa: F401

from app.gui.cues_view import CueColumn
from app.gui.metrics_model import Column
from app.gui.roles import Role
from app.store.database import open_store
from app.store.importer import import_paths

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
HEAD = "某县司法局{year}年法治政府建设情况报告\n一、主要举措\n"
BODY = "全年开展法治电影放映{films}场，培育法律明白人{people}名，办理行政复议案件12件。\n"
FILMS, PEOPLE = "开展法治电影放映", "培育法律明白人"


@pytest.fixture
def cue_db(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, year, films in (("a", 2022, 35), ("b", 2023, 18), ("c", 2024, 40)):
        (folder / f"{name}.txt").write_text(HEAD.format(year=year) + BODY.format(films=films, people=100 + year % 10),
                                            encoding="utf-8")
    path = tmp_path / "cues.sqlite"
    with open_store(path) as store:
        import_paths(store, [folder], workers=1)
    return path


@pytest.fixture
def cue_window(qtbot, cue_db):
    win = open_window(qtbot, cue_db)
    yield win
    win.close()


def figure_ids(window, label: str) -> dict[str, int]:
    """file name -> id of the figure with this label, from the window's own store."""
    store = window.store
    return {r.file_name: next(f.id for f in store.figures(r.id) if f.label == label) for r in store.list_reports()}


def select_in_table(qtbot, window, file_name: str, figure_id: int):
    report_id = next(r.id for r in window.store.list_reports() if r.file_name == file_name)
    window.controller.open_report(report_id, figure_id)
    assert window.metrics.current_figure_id() == figure_id
    table = window.metrics.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    return table


def choose_indicator_by_keyboard(qtbot, table, indicator: str) -> None:
    """I on the current figure, arrow down the indicator list to `indicator`, Return."""
    qtbot.keyClick(table, Qt.Key.Key_I)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    for _ in range(editor.count()):
        if editor.currentData() == indicator:
            break
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert editor.currentData() == indicator
    press_return_to_commit(qtbot, table, editor)


def test_correcting_by_keyboard_offers_to_apply_as_one_undo_step(qtbot, cue_window):
    window, path = cue_window, cue_window.store.path
    films = figure_ids(window, FILMS)
    table = select_in_table(qtbot, window, "a.txt", films["a.txt"])
    choose_indicator_by_keyboard(qtbot, table, "publicity_events")
    qtbot.waitUntil(lambda: figure_on_disk(path, films["a.txt"])["indicator"] == "publicity_events")
    qtbot.waitUntil(window.cue_offer.isVisible)
    assert "2" in window.cue_offer.apply_button.text() and FILMS in window.cue_offer.label.text()
    qtbot.keyClick(table, Qt.Key.Key_A, CTRL_SHIFT)
    others = (films["b.txt"], films["c.txt"])
    qtbot.waitUntil(lambda: all(figure_on_disk(path, i)["status"] == "corrected" for i in others))
    assert not window.cue_offer.isVisible()
    assert all(figure_on_disk(path, i)["indicator"] == "publicity_events" for i in others)

    select_in_table(qtbot, window, "b.txt", films["b.txt"])
    model = window.metrics.model
    index = model.index(model.row_of(films["b.txt"]), Column.INDICATOR)
    assert index.data(Role.TAUGHT_CUE) == FILMS
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert FILMS in index.data(Qt.ItemDataRole.ToolTipRole)
    people = model.index(model.row_of(figure_ids(window, PEOPLE)["b.txt"]), Column.INDICATOR)
    assert people.data(Role.TAUGHT_CUE) is None and people.data(Qt.ItemDataRole.DecorationRole) is None

    qtbot.keyClick(window.metrics.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: all(figure_on_disk(path, i)["status"] == "pending" for i in others))
    assert all(figure_on_disk(path, i)["indicator"] is None for i in others)
    assert figure_on_disk(path, films["a.txt"])["status"] == "corrected"  # the teaching is its own step


def test_rejecting_teaches_and_the_cues_view_switches_off_and_removes(qtbot, cue_window):
    window, path = cue_window, cue_window.store.path
    people = figure_ids(window, PEOPLE)
    table = select_in_table(qtbot, window, "c.txt", people["c.txt"])
    qtbot.keyClick(table, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: figure_on_disk(path, people["c.txt"])["status"] == "rejected")
    qtbot.waitUntil(window.cue_offer.isVisible)
    window.cue_offer.withdraw()

    qtbot.keyClick(table, Qt.Key.Key_T, CTRL_SHIFT)
    dialog = window._cues_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, CueColumn.PHRASE).data() == PEOPLE
    assert model.index(0, CueColumn.DECISION).data() == "(not a figure)"
    assert model.index(0, CueColumn.SOURCE).data() == f"c.txt, figure {people['c.txt']}"
    source = model.index(0, CueColumn.SOURCE)
    window.controller.open_report(next(r.id for r in window.store.list_reports() if r.file_name == "a.txt"))
    dialog.table.doubleClicked.emit(source)  # the teaching figure, shown in the window
    assert window.metrics.current_figure_id() == people["c.txt"]
    enabled = model.index(0, CueColumn.ENABLED)
    assert model.setData(enabled, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.store.active_cues() == [] and model.rowCount() == 1
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert window.store.taught_cue_rows() == []


def test_the_offer_and_the_cues_view_speak_chinese_with_display_names(qtbot, chinese, cue_window):
    window = cue_window
    films = figure_ids(window, FILMS)
    window.store.correct(films["a.txt"], indicator="publicity_events")
    assert window.cue_offer.consider(window.store, films["a.txt"])
    assert "应用" in window.cue_offer.apply_button.text()
    window.show_cues()
    model = window._cues_dialog.model
    assert model.headerData(CueColumn.PHRASE, Qt.Orientation.Horizontal) == "短语"
    from app.core.codebook import indicator
    assert model.index(0, CueColumn.DECISION).data() == indicator("publicity_events").name_zh
