"""Importing files and folders with a cancellable progress dialog and a summary at the end.

The import runs on a worker thread that opens its own Store on the database file (one
SQLite connection per thread; WAL lets the window keep reading meanwhile) and calls the
importer with progress and cancel callbacks. The UI thread only moves the progress bar.
Why a file failed comes in English from the core and the store (the CLI prints it as is);
`file_message` shows it in the interface language.
"""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QMimeData, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.core import decode, readers
from app.core.messages import localize
from app.gui import db_dialogs
from app.gui.i18n import plural
from app.gui.tasks import TaskRunner
from app.store import dataset, importer, ingest
from app.store.rows import ImportSummary

# lupdate finds strings only in calls named translate() or tr()
translate = QCoreApplication.translate

MAX_LISTED = 200  # files named in the details box; a huge failed folder stays readable
# English messages about reading, decoding and storing a file (str.format templates)
FILE_MESSAGES = (*readers.TEMPLATES, *decode.TEMPLATES, *ingest.TEMPLATES, *importer.TEMPLATES,
                 *dataset.TEMPLATES)


def file_message(message: str) -> str:
    """A reason a file could not be read, or a decode warning, in the interface language;
    as it is when its wording is not one of FILE_MESSAGES (an OS error text stays as is)."""
    return localize(message, FILE_MESSAGES, tr_file_text)


# a decode warning's stored key -> its template (app.store.ingest keeps them so)
KEYED_WARNINGS = {**{f"decode:{key}": template for key, template in decode.MESSAGES.items()},
                  **{f"ingest:{key}": template for key, template in ingest.MESSAGES.items()}}


def decode_warning_text(report) -> str:
    """A report's decode warning in the interface language, from its stored key and args; as
    stored when it has no known key (a report restored from an export)."""
    template = KEYED_WARNINGS.get(report.decode_warning_key or "")
    if template is None:
        return report.decode_warning or ""
    try:
        return tr_file_text(template).format(**json.loads(report.decode_warning_args or "{}"))
    except (KeyError, IndexError, ValueError):
        return report.decode_warning or ""


def tr_file_text(text: str) -> str:
    return translate("file_messages", text)


def import_in_worker(db_path: str, paths: list[str], progress, cancelled) -> tuple[ImportSummary, bool]:
    """Runs on a worker thread: its own Store, plain data in and out."""
    from app.store.database import open_store
    from app.store.importer import import_paths
    store = open_store(db_path, create=False)
    try:
        summary = import_paths(store, paths, progress=progress, should_cancel=cancelled)
    finally:
        store.close()
    return summary, cancelled()


def run_import(parent: QWidget | None, db_path: str, paths: list[str]) -> ImportSummary | None:
    """Import `paths` into the database at `db_path`; returns what was done (also after a
    cancel: the reports imported until then stay), or None if the import could not run."""
    dialog = QProgressDialog(parent)
    dialog.setLabelText(translate("import_dialog", "Looking for report files…"))
    dialog.setCancelButtonText(translate("import_dialog", "Cancel"))
    dialog.setRange(0, 0)  # busy until the first file is done
    dialog.setWindowTitle(translate("import_dialog", "Importing Reports"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    outcome: dict = {}
    loop = QEventLoop()

    def on_progress(done: int, total: int, current: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        label = translate("import_dialog", "Imported {0} of {1} files\n{2}")
        dialog.setLabelText(label.format(done, total, Path(current).name))

    def on_done(result, error) -> None:
        outcome.update(result=result, error=error)
        loop.quit()

    runner = TaskRunner(dialog)
    handle = runner.run(import_in_worker, db_path, [str(p) for p in paths],
                        on_done=on_done, on_progress=on_progress, cancellable=True)
    dialog.canceled.connect(handle.cancel)
    cancelling = translate("import_dialog", "Cancelling after the current file…")
    dialog.canceled.connect(lambda: dialog.setLabelText(cancelling))
    if not outcome:  # still running (a synchronous runner, in tests, is done already)
        dialog.show()
        loop.exec()
    dialog.hide()
    dialog.deleteLater()
    if outcome["error"] is not None:
        db_dialogs.show_error(parent, translate("import_dialog", "Import failed"), str(outcome["error"]))
        return None
    summary, was_cancelled = outcome["result"]
    show_summary(parent, summary, was_cancelled)
    return summary


def show_summary(parent: QWidget | None, summary: ImportSummary, cancelled: bool = False) -> None:
    """Counts in the text; every failure, warning and duplicate (with its reason) in the details box."""
    text = " ".join((
        plural(len(summary.imported), translate("import_dialog", "Imported {0} report."),
               translate("import_dialog", "Imported {0} reports.")),
        plural(len(summary.duplicates), translate("import_dialog", "Skipped {0} duplicate."),
               translate("import_dialog", "Skipped {0} duplicates.")),
        plural(len(summary.failed), translate("import_dialog", "{0} file could not be imported."),
               translate("import_dialog", "{0} files could not be imported."))))
    if summary.warnings:
        text += " " + plural(len(summary.warnings), translate("import_dialog", "{0} file needs a look (see the details)."),
                             translate("import_dialog", "{0} files need a look (see the details)."))
    if cancelled:
        text = translate("import_dialog", "Import cancelled.") + " " + text
    formats = summary.by_format()
    if len(formats) > 1:
        text += "\n\n" + "\n".join(translate("import_dialog", "{0}: {1} imported, {2} skipped, {3} failed")
                                   .format(name.upper(), *counts) for name, *counts in formats)
    icon = QMessageBox.Icon.Warning if summary.failed or summary.warnings else QMessageBox.Icon.Information
    box = QMessageBox(icon, translate("import_dialog", "Import Finished"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if cancelled:
        kept = translate("import_dialog", "The reports imported before cancelling were kept.")
        box.setInformativeText(kept)
    details = _details(summary)
    if details:
        box.setDetailedText(details)
    box.exec()


def _details(summary: ImportSummary) -> str:
    parts = []
    if summary.failed:
        lines = [f"{Path(path).name}: {file_message(reason)}" for path, reason in summary.failed[:MAX_LISTED]]
        heading = translate("import_dialog", "Could not be imported:")
        parts.append(heading + "\n" + "\n".join(lines) + _more(summary.failed))
    if summary.warnings:
        # imported, but not as the user may think: an export cut short, damaged or unchecked
        lines = [f"{Path(path).name}: {file_message(reason)}" for path, reason in summary.warnings[:MAX_LISTED]]
        heading = translate("import_dialog", "Imported, but read this:")
        parts.append(heading + "\n" + "\n".join(lines) + _more(summary.warnings))
    if summary.duplicates:
        lines = [translate("import_dialog", "{0} (same as {1})").format(Path(path).name, summary.duplicate_of[path])
                 if path in summary.duplicate_of else Path(path).name for path in summary.duplicates[:MAX_LISTED]]
        heading = translate("import_dialog", "Already in the database (skipped):")
        parts.append(heading + "\n" + "\n".join(lines) + _more(summary.duplicates))
    return "\n\n".join(parts)


def _more(items: list) -> str:
    hidden = len(items) - MAX_LISTED
    return "\n" + translate("import_dialog", "… and {0} more").format(hidden) if hidden > 0 else ""


def paths_from_drop(mime_data: QMimeData) -> list[str]:
    """Local files and folders from a drag and drop; anything else (web links, text) is ignored."""
    if not mime_data.hasUrls():
        return []
    return [url.toLocalFile() for url in mime_data.urls() if url.isLocalFile() and url.toLocalFile()]
