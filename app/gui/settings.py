"""The user's preferences, read and written through one typed wrapper over QSettings.

Every key and its default is declared once here. QSettings hands back strings, None or a
lone string where a one-item list was stored (INI files), so each property turns the raw
value into its declared type and falls back to the default when the file holds nonsense.
Window geometry, dock/toolbar state and every named QSplitter are saved by objectName().

They live in an INI file beside the database, in the user's data folder (app.paths), so one
folder holds everything the program keeps. Earlier versions used the platform's own place
(~/.config/ReportReviewer/Report Reviewer.conf, the registry, a plist): those are copied
over the first time.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from app.paths import user_data_dir

LANGUAGES = ("system", "zh_CN", "en")
MAX_RECENT = 8

LAST_DATABASE = "database/last"
RECENT_DATABASES = "database/recent"
LANGUAGE = "ui/language"
EXPORT_FORMAT = "export/format"
EXPORT_LAYOUT = "export/layout"
EXPORT_STATUSES = "export/statuses"
EXPORT_PATH = "export/path"
SETTINGS_FILE = "settings.ini"


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self._qsettings = qsettings if qsettings is not None else user_settings()

    # --- databases --------------------------------------------------------------------
    @property
    def last_database(self) -> str | None:
        value = self._qsettings.value(LAST_DATABASE)
        return value if isinstance(value, str) and value else None

    @last_database.setter
    def last_database(self, path: str | None) -> None:
        if path:
            self._qsettings.setValue(LAST_DATABASE, str(path))
        else:
            self._qsettings.remove(LAST_DATABASE)

    @property
    def recent_databases(self) -> list[str]:
        """Most recent first, at most MAX_RECENT, no duplicates."""
        return _unique_paths(_as_list(self._qsettings.value(RECENT_DATABASES)))[:MAX_RECENT]

    @recent_databases.setter
    def recent_databases(self, paths: list[str]) -> None:
        self._qsettings.setValue(RECENT_DATABASES, _unique_paths(paths)[:MAX_RECENT])

    def add_recent(self, path: str) -> None:
        self.recent_databases = [str(path)] + self.recent_databases

    # --- language ---------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._qsettings.value(LANGUAGE)
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
        self._qsettings.setValue(LANGUAGE, language)

    # --- the export dialog's last choices ----------------------------------------------
    @property
    def export_choices(self) -> dict:
        """{"format", "layout", "path": str or None, "statuses": list or None}: None where nothing
        usable is stored, so the dialog keeps its own default."""
        def text(key):
            value = self._qsettings.value(key)
            return value if isinstance(value, str) and value else None
        statuses = _as_list(self._qsettings.value(EXPORT_STATUSES))
        return {"format": text(EXPORT_FORMAT), "layout": text(EXPORT_LAYOUT), "path": text(EXPORT_PATH),
                "statuses": statuses or None}

    def save_export_choices(self, fmt: str, layout: str, statuses, path: str) -> None:
        self._qsettings.setValue(EXPORT_FORMAT, fmt)
        self._qsettings.setValue(EXPORT_LAYOUT, layout)
        self._qsettings.setValue(EXPORT_STATUSES, list(statuses))
        self._qsettings.setValue(EXPORT_PATH, path)
        self._qsettings.sync()

    # --- window layout ----------------------------------------------------------------
    def save_window(self, window: QWidget) -> None:
        prefix = _window_prefix(window)
        self._qsettings.setValue(f"{prefix}/geometry", window.saveGeometry())
        if isinstance(window, QMainWindow):
            self._qsettings.setValue(f"{prefix}/state", window.saveState())
        for splitter in _named_splitters(window):
            self._qsettings.setValue(f"{prefix}/splitters/{splitter.objectName()}", splitter.saveState())
        self._qsettings.sync()

    def restore_window(self, window: QWidget) -> None:
        """Restore what save_window stored; missing or damaged entries leave the defaults."""
        prefix = _window_prefix(window)
        geometry = self._bytes(f"{prefix}/geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        state = self._bytes(f"{prefix}/state")
        if state is not None and isinstance(window, QMainWindow):
            window.restoreState(state)
        for splitter in _named_splitters(window):
            splitter_state = self._bytes(f"{prefix}/splitters/{splitter.objectName()}")
            if splitter_state is not None:
                splitter.restoreState(splitter_state)

    def sync(self) -> None:
        self._qsettings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qsettings.value(key)
        if isinstance(value, (bytes, bytearray)):
            value = QByteArray(bytes(value))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def user_settings(old: QSettings | None = None) -> QSettings:
    """The settings file in the user's data folder, filled from `old` on first use: by default
    QSettings(), where earlier versions kept them (the organisation and application names set at start)."""
    path = user_data_dir() / SETTINGS_FILE
    first_use = not path.exists()
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if first_use:
        old = old if old is not None else QSettings()
        for key in old.allKeys():
            settings.setValue(key, old.value(key))
        settings.sync()
    return settings


def _window_prefix(window: QWidget) -> str:
    return f"windows/{window.objectName() or type(window).__name__}"


def _named_splitters(window: QWidget) -> list[QSplitter]:
    # unnamed splitters cannot be matched again after a restart, so they are not saved
    return [splitter for splitter in window.findChildren(QSplitter) if splitter.objectName()]


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):  # an INI file gives back a one-item list as a plain string
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item]
    return []


def _unique_paths(paths) -> list[str]:
    seen: list[str] = []
    for path in map(str, paths):
        if path and path not in seen:
            seen.append(path)
    return seen
