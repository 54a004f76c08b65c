"""Choosing and opening database files, and the program's one route to error dialogs.

`open_store_or_explain` turns every refusal of the store (missing, locked by another
running copy, not a database, written by a newer version) into a message box with the
store's one-line message and what to do next; it returns None and the file is left as it
was. `show_error` and `show_crash_dialog` are the only other places that show errors.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from app.store.database import open_store
from app.store.errors import MESSAGES as STORE_MESSAGES
from app.store.errors import (NotADatabase, StoreError, StoreLocked, StoreMissing, StoreTooNew,
                              StoreWriteFailed)

# lupdate finds strings only in calls named translate() or tr()
translate = QCoreApplication.translate

DEFAULT_SUFFIX = ".sqlite"
DATABASE_SUFFIXES = (".sqlite", ".db")



def _database_filter() -> str:
    return translate("db_dialogs", "Report Reviewer databases (*.sqlite *.db);;All files (*)")


def choose_new_database(parent: QWidget | None) -> str | None:
    """A path for a new database (".sqlite" added when the name has no suffix), or None."""
    title = translate("db_dialogs", "New Database")
    # no "replace it?" question: opening never overwrites, an existing database is simply opened
    path, _ = QFileDialog.getSaveFileName(parent, title, "", _database_filter(),
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    if Path(path).suffix.lower() not in DATABASE_SUFFIXES:
        path += DEFAULT_SUFFIX
    return path


def choose_open_database(parent: QWidget | None) -> str | None:
    title = translate("db_dialogs", "Open Database")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", _database_filter())
    return path or None


def open_store_or_explain(parent: QWidget | None, path: str, create: bool):
    """The opened Store holding the app lock, or None after telling the user why not.

    Never waits on another program's lock: a database it holds opens read-only
    (`store.read_only`), and the window says so."""
    try:
        store = open_store(path, create=create, wait=False)
    except StoreError as error:
        _explain(parent, error)
        return None
    try:
        store.acquire_app_lock()
    except StoreError as error:
        store.close()
        _explain(parent, error)
        return None
    return store


def _refusals() -> list[tuple[type, str, str]]:
    """(error class, dialog title, what to do next), most specific first."""
    return [
        (StoreMissing, translate("db_dialogs", "Database not found"), translate(
            "db_dialogs", "The file may have been moved or deleted. "
                          "Open another database or create a new one.")),
        (StoreLocked, translate("db_dialogs", "Database in use"), translate(
            "db_dialogs", "Close the other copy of Report Reviewer that has this database open, "
                          "then try again.")),
        (NotADatabase, translate("db_dialogs", "Not a Report Reviewer database"), translate(
            "db_dialogs", "The file was not changed. Choose a database made by Report Reviewer, "
                          "or create a new one.")),
        (StoreTooNew, translate("db_dialogs", "Database from a newer version"), translate(
            "db_dialogs", "The file was not changed. "
                          "Install the newer version of Report Reviewer to open it.")),
        (StoreWriteFailed, translate("db_dialogs", "Not saved"), translate(
            "db_dialogs", "The window shows what the database holds now. Try again once the other "
                          "program has finished, or free some disk space.")),
        (StoreError, translate("db_dialogs", "Cannot open the database"),
         translate("db_dialogs", "The file was not changed.")),
    ]


def explain(parent: QWidget | None, error: StoreError) -> None:
    """One dialog for a store error: its message, under a title and advice for its kind."""
    _explain(parent, error)


def _explain(parent: QWidget | None, error: StoreError) -> None:
    """The store's own one-line message, under a title and advice chosen by the kind of refusal."""
    title, advice = next((title, advice) for kind, title, advice in _refusals() if isinstance(error, kind))
    _message(parent, QMessageBox.Icon.Warning, title, store_error_text(error), advice)


def store_error_text(error: StoreError) -> str:
    """The store's one-line message in the interface language, from its key and args."""
    template = STORE_MESSAGES.get(error.message_key or "")
    if template is None:
        return str(error)
    return translate("store_errors", template).format(**error.message_args)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """One error, one line of text; a longer message goes into the details box."""
    lines = str(message).strip().splitlines() or [""]
    _message(parent, QMessageBox.Icon.Warning, title, lines[0], details="\n".join(lines[1:]))


def show_crash_dialog(message: str, log_path: str) -> None:
    """For the excepthook: what went wrong in one line, and where the full report was logged."""
    if QApplication.instance() is None:  # too early or too late for a window
        print(f"Report Reviewer: {message} (details in {log_path})", file=sys.stderr)
        return
    advice = translate("db_dialogs", "Your reviews are saved as you go. "
                                     "The full details were written to:\n{0}").format(log_path)
    _message(None, QMessageBox.Icon.Critical, translate("db_dialogs", "Unexpected error"), message, advice)


def _message(parent, icon, title: str, text: str, informative: str = "", details: str = "") -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    # report text and file names are data, never markup
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.exec()
