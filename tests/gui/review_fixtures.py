"""Shared set-up for the review-window tests: a seeded database and the real window on it.

The seeds are imported once per session into a template file; each test works on its own
copy, so tests never see each other's edits.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def temp_settings(folder: Path):
    """The real Settings wrapper over an INI file of the test's own, never the user's settings."""
    from PySide6.QtCore import QSettings

    from app.gui.settings import Settings
    return Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    from app.store.database import open_store
    from app.store.importer import import_paths
    path = tmp_path_factory.mktemp("template") / "seeded.sqlite"
    store = open_store(str(path))
    summary = import_paths(store, [str(SEEDS)])
    assert len(summary.imported) == len(list(SEEDS.glob("*.txt")))
    store.close()
    return path


@pytest.fixture
def seeded_db(seeded_template, tmp_path) -> Path:
    path = tmp_path / "review.sqlite"
    shutil.copy2(seeded_template, path)
    return path


def open_window(qtbot, db_path: Path, settings=None):
    from app.gui.main_window import MainWindow
    from app.store.database import open_store
    store = open_store(str(db_path), create=False)
    store.acquire_app_lock()
    window = MainWindow(store, settings or temp_settings(Path(db_path).parent))
    qtbot.addWidget(window)
    window.resize(1400, 880)
    window.show()
    qtbot.waitExposed(window)
    # Keys go to the active window only. Being shown does not make it active at once (the
    # platform says so in a later event, and a window of the previous test can still hold
    # it): ask for it and wait until it is, so a test's setFocus() can take effect.
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


@pytest.fixture
def window(qtbot, seeded_db):
    win = open_window(qtbot, seeded_db)
    yield win
    win.close()


def audit_rows(db_path: Path, action: str | None = None) -> list[dict]:
    """The edits table read through a separate connection: what is really on disk."""
    connection = sqlite3.connect(str(db_path))
    connection.row_factory = sqlite3.Row
    try:
        query = "SELECT * FROM edits" + (" WHERE action = ?" if action else "") + " ORDER BY id"
        return [dict(row) for row in connection.execute(query, (action,) if action else ())]
    finally:
        connection.close()


def figure_on_disk(db_path: Path, figure_id: int) -> dict | None:
    connection = sqlite3.connect(str(db_path))
    connection.row_factory = sqlite3.Row
    try:
        row = connection.execute("SELECT * FROM figures WHERE id = ?", (figure_id,)).fetchone()
        return dict(row) if row else None
    finally:
        connection.close()


def press_return_to_commit(qtbot, table, editor) -> None:
    """Return in a cell editor, then wait until the model has written the edit (its `edited`).

    The delegate commits on a later pass of the event loop, and the table leaving its editing
    state proves nothing: an editor can close without writing. So wait for the write itself;
    an edit that writes nothing fails here, by name."""
    from PySide6.QtCore import Qt
    model = table.model().sourceModel()
    with qtbot.waitSignal(model.edited):
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def correct_value_by_keyboard(qtbot, table, text: str) -> None:
    """E on the table's current figure, type `text` over its value, Return, and wait until written."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit
    qtbot.keyClick(table, Qt.Key.Key_E)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    press_return_to_commit(qtbot, table, editor)


@pytest.fixture
def chinese(qapp):
    """The interface in Simplified Chinese for one test."""
    from PySide6.QtCore import QTranslator
    from app.gui.i18n import install_translator
    assert install_translator(qapp, "zh_CN")
    yield qapp
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
