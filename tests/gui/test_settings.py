"""Settings: declared defaults, typed values that survive a restart, window layout by name."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter

from app.gui.settings import MAX_RECENT, Settings


@pytest.fixture
def ini_path(tmp_path):
    return str(tmp_path / "settings.ini")


def fresh(ini_path) -> Settings:
    """A new Settings over the same file: what the next start of the program would read."""
    return Settings(QSettings(ini_path, QSettings.Format.IniFormat))


def test_defaults_on_first_start(ini_path):
    settings = fresh(ini_path)
    assert settings.last_database is None
    assert settings.recent_databases == []
    assert settings.language == "system"


def test_values_survive_a_restart_with_their_types(ini_path):
    settings = fresh(ini_path)
    settings.last_database = "/data/法治报告.sqlite"
    settings.add_recent("/data/only.sqlite")
    settings.language = "zh_CN"
    settings.sync()
    again = fresh(ini_path)
    assert again.last_database == "/data/法治报告.sqlite"
    assert again.recent_databases == ["/data/only.sqlite"]  # one item is still a list
    assert again.language == "zh_CN"


def test_recent_databases_most_recent_first_unique_and_capped(ini_path):
    settings = fresh(ini_path)
    for index in range(12):
        settings.add_recent(f"/db/{index}.sqlite")
    settings.add_recent("/db/5.sqlite")
    recent = fresh(ini_path).recent_databases
    assert len(recent) == MAX_RECENT
    assert recent[:3] == ["/db/5.sqlite", "/db/11.sqlite", "/db/10.sqlite"]
    assert len(set(recent)) == len(recent)


def test_garbage_in_the_file_falls_back_to_defaults(ini_path):
    raw = QSettings(ini_path, QSettings.Format.IniFormat)
    raw.setValue("ui/language", "klingon")
    raw.setValue("database/recent", 42)
    raw.sync()
    settings = fresh(ini_path)
    assert settings.language == "system"
    assert settings.recent_databases == []
    with pytest.raises(ValueError):
        settings.language = "klingon"


def make_window() -> QMainWindow:
    window = QMainWindow(objectName="main_window")
    splitter = QSplitter(Qt.Orientation.Horizontal, objectName="main_splitter")
    for text in ("left", "right"):
        splitter.addWidget(QLabel(text))
    window.setCentralWidget(splitter)
    window.resize(500, 400)
    return window


def test_window_geometry_and_splitter_sizes_are_restored(qtbot, ini_path):
    window = make_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(640, 480)  # the offscreen screen is 800 x 600
    splitter = window.findChild(QSplitter, "main_splitter")
    splitter.setSizes([250, 750])
    saved_sizes = splitter.sizes()
    fresh(ini_path).save_window(window)

    reopened = make_window()
    qtbot.addWidget(reopened)
    fresh(ini_path).restore_window(reopened)
    reopened.show()
    qtbot.waitExposed(reopened)
    assert (reopened.width(), reopened.height()) == (640, 480)
    assert reopened.findChild(QSplitter, "main_splitter").sizes() == saved_sizes


def test_settings_live_beside_the_database_and_the_old_ones_move_there(tmp_path, monkeypatch):
    from app.gui.settings import SETTINGS_FILE, user_settings
    home = tmp_path / "data"
    monkeypatch.setenv("REPORT_REVIEWER_HOME", str(home))
    old = QSettings(str(tmp_path / "old place.conf"), QSettings.Format.IniFormat)
    old.setValue("database/last", "/data/旧.sqlite")
    old.setValue("ui/language", "zh_CN")
    old.sync()
    settings = Settings(user_settings(old))
    assert (home / SETTINGS_FILE).is_file()
    assert settings.last_database == "/data/旧.sqlite" and settings.language == "zh_CN"
    settings.language = "en"
    settings.sync()
    again = Settings(user_settings(old))  # the old place is read only once
    assert again.language == "en"
