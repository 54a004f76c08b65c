"""Starting the window: application, translator, crash dialog, database, first run.

`run_gui(argv)` is what `python main.py` calls. On the first run there is no database yet:
one is created in the user's data folder and the bundled seeds are imported, so a newcomer
sees real reports at once. `--smoke-test` boots the real window on the seeds in a throwaway
folder and checks that it drew (exit 0) or says what is missing (exit 1).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import paths
from app.gui import db_dialogs
from app.gui.i18n import install_translator
from app.gui.main_window import MainWindow
from app.gui.settings import Settings
from app.logging_setup import install_excepthook

ORGANIZATION = "ReportReviewer"
APPLICATION = "Report Reviewer"
DATABASE_NAME = "reports.sqlite"


def run_gui(argv: list[str]) -> int:
    smoke_test = "--smoke-test" in argv
    if not _display_available():
        if not smoke_test:
            print("Report Reviewer needs a desktop session: no display was found "
                  "(set QT_QPA_PLATFORM=offscreen to run without one).", file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a smoke test on a server draws offscreen
    if smoke_test:
        # a throwaway home: the smoke test must not touch the user's settings or data
        home = tempfile.mkdtemp(prefix="report-reviewer-smoke-")
        os.environ["REPORT_REVIEWER_HOME"] = home
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)
    app = QApplication.instance() or QApplication([argv[0] if argv else "report-reviewer"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "app.png"))))
    app.setDesktopFileName("report-reviewer")  # Wayland takes the menu entry's icon from it
    settings = Settings()
    install_translator(app, settings.language)
    _install_excepthook()
    if smoke_test:
        return _smoke_test(app, settings)
    store = _open_start_database(settings)
    if store is None:
        return 1
    window = MainWindow(store, settings)
    window.show()
    return app.exec()


def _display_available() -> bool:
    """Qt aborts the process without a display; on Linux, check before it tries."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def data_dir() -> Path:
    """The user's data folder: the same one the log file uses (REPORT_REVIEWER_HOME overrides).

    app.paths mirrors the platform's standard per-user data location; going through it rather
    than QStandardPaths keeps the database, settings and logs in one folder.
    """
    return paths.user_data_dir()


def _open_start_database(settings):
    """The last database if it is still there, else the default one (created and seeded once)."""
    last = settings.last_database
    if last and Path(last).exists():
        path, create = Path(last), False
    else:
        path = data_dir() / DATABASE_NAME
        create = not path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
    store = db_dialogs.open_store_or_explain(None, str(path), create)  # also takes the app lock
    if store is None:
        return None
    if create and store.report_count() == 0:
        seed_database(store)
    settings.last_database = str(path)
    settings.add_recent(str(path))
    return store


def seed_database(store) -> None:
    """First run: the bundled sample reports, so the window is never empty."""
    from app.store.importer import import_paths
    seeds = paths.seeds_dir()
    if seeds.is_dir():
        import_paths(store, [str(seeds)])


def _install_excepthook() -> None:
    install_excepthook(db_dialogs.show_crash_dialog)


def _smoke_test(app, settings) -> int:
    from app.store.database import open_store
    store = open_store(str(data_dir() / DATABASE_NAME), create=True)
    seed_database(store)
    window = MainWindow(store, settings)
    window.show()
    for _ in range(5):
        app.processEvents()
    problems = []
    if window.grab().isNull():
        problems.append("the window did not draw")
    if window.report_list.proxy.rowCount() == 0:
        problems.append("the report list is empty (were the seeds imported?)")
    if not window.text_pane.view.toPlainText().strip():
        problems.append("no report text is shown")
    if window.metrics.model.rowCount() == 0:
        problems.append("the figure table is empty")
    rows = window.report_list.proxy.rowCount()
    window.close()  # closes the store too
    shutil.rmtree(data_dir(), ignore_errors=True)
    if problems:
        print("smoke test FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"smoke test ok: {rows} reports listed, text and figures shown")
    return 0
