"""The team commands of the File menu: the reviewer's name, merging reviews, splitting the work.

Merge and split run on a worker thread with their own Store (one SQLite connection per
thread) behind a progress dialog, like the import; the merge ends in a summary with the
agreement it measured. The English messages of the store (a file that is not an export)
are shown as they come, in one dialog; a bad line of a file is named in the interface language.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QInputDialog, QLineEdit, QMessageBox, QProgressDialog, QSpinBox, QWidget)

from app.core.codebook import display_name
from app.gui import db_dialogs
from app.gui.i18n import interface_language
from app.gui.import_dialog import file_message
from app.gui.tasks import TaskRunner
from app.store.reviewers import MAX_NAME_LENGTH, reviewer_name, set_reviewer_name

translate = QCoreApplication.translate


def tr(text: str) -> str:
    return translate("merge_dialog", text)


def ask_reviewer_name(parent: QWidget, store) -> str | None:
    """Ask for the name written into the audit trail and exports; the name set, or None."""
    name, ok = QInputDialog.getText(parent, tr("Reviewer Name"),
                                    tr("Your name, written with every decision and export:"),
                                    QLineEdit.EchoMode.Normal, reviewer_name(store.conn))
    if not ok:
        return None
    try:
        return set_reviewer_name(store, name[:MAX_NAME_LENGTH + 1])
    except ValueError:
        db_dialogs.show_error(parent, tr("Reviewer Name"),
                              tr("A reviewer name is one line of 1 to {0} characters.").format(MAX_NAME_LENGTH))
        return None


def _in_worker(db_path: str, work, progress):
    from app.store.database import open_store
    store = open_store(db_path, create=False)
    try:
        return work(store, progress)
    finally:
        store.close()


def run_with_progress(parent: QWidget, title: str, db_path: str, work):
    """Run work(store, progress) on a worker thread; (result, error) when it is done."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButton(None)  # one transaction: it completes or changes nothing
    dialog.setRange(0, 0)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    outcome: dict = {}
    loop = QEventLoop()

    def on_progress(done: int, total: int, current: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))
        dialog.setLabelText(f"{title}\n{current}")

    def on_done(result, error) -> None:
        outcome.update(result=result, error=error)
        loop.quit()

    runner = TaskRunner(dialog)
    runner.run(_in_worker, db_path, work, on_done=on_done, on_progress=on_progress)
    if not outcome:  # a synchronous runner (tests) is done already
        dialog.show()
        loop.exec()
    dialog.hide()
    dialog.deleteLater()
    return outcome["result"], outcome["error"]


def merge_reviews(parent: QWidget, db_path: str, paths: list[str] | None = None):
    """Merge reviewers' exports into the open database; the MergeSummary, or None."""
    from app.store.merge import merge_reviews as merge
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(parent, tr("Merge Reviews"), "", tr("JSONL exports (*.jsonl);;All files (*)"))
    if not paths:
        return None
    summary, error = run_with_progress(parent, tr("Merging reviews…"), db_path,
                                       lambda store, progress: merge(store, paths, progress))
    if error is not None:
        db_dialogs.show_error(parent, tr("Merge failed"), str(error))
        return None
    box = QMessageBox(QMessageBox.Icon.Information, tr("Reviews Merged"), merge_text(summary),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if summary.failed:
        box.setDetailedText("\n".join(failed_line(name, reason) for name, reason in summary.failed))
    box.setObjectName("merge_summary")
    box.open()
    return summary


def failed_line(name: str, reason: str) -> str:
    """"file: what: why", what and why in the interface language where they are the restore's
    own wording (a bad line of a file); other store messages as they come."""
    file, _, what = name.partition(": ")
    return f"{file}: {file_message(what)}: {file_message(reason)}" if what else f"{name}: {file_message(reason)}"


def merge_text(summary) -> str:
    reviewers = ", ".join(source.reviewer for source in summary.sources)
    lines = [tr("Reviewers: {0}").format(reviewers),
             tr("{0} figures took a decision, {1} are in conflict (filter the table by “In conflict”), "
                "{2} were already decided here; {3} reports added.").format(
                 summary.taken, summary.conflicts, summary.kept, summary.reports_added)]
    overall = summary.agreement[0] if summary.agreement else None
    if overall is None or not overall.n_figures:
        lines.append(tr("No figure was decided by two reviewers: no agreement to measure."))
        return "\n".join(lines)
    lines.append(tr("Agreement (figures decided by two reviewers):"))
    language = interface_language()
    for row in summary.agreement:
        name = tr("Overall") if row.indicator is None else display_name(row.indicator, language) or row.indicator
        kappa = "—" if row.kappa is None else f"{row.kappa:.2f}"
        lines.append(tr("{0}: {1} of {2} alike ({3:.0%}), kappa {4}").format(
            name, row.n_alike, row.n_figures, row.share, kappa))
    return "\n".join(lines)


class SplitDialog(QDialog):
    """How many reviewers, their names, the overlap and the folder."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Split for Reviewers"))
        self.count = QSpinBox(self, objectName="split_count", minimum=2, maximum=100, value=3)
        self.overlap = QDoubleSpinBox(self, objectName="split_overlap", minimum=0, maximum=100, value=10,
                                      suffix=" %", decimals=0)
        self.names = QLineEdit(self, objectName="split_names", placeholderText=tr("reviewer-1, reviewer-2, …"))
        form = QFormLayout(self)
        form.addRow(tr("Reviewers:"), self.count)
        form.addRow(tr("Reviewed by two:"), self.overlap)
        form.addRow(tr("Names (optional, comma-separated):"), self.names)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_names(self) -> list[str] | None:
        text = self.names.text().replace("，", ",")
        return [name for name in (part.strip() for part in text.split(",")) if name] or None


def split_reviews(parent: QWidget, db_path: str) -> None:
    from app.store.split import reviewer_names, split_for_reviewers
    dialog = SplitDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    n, overlap, names = dialog.count.value(), dialog.overlap.value(), dialog.chosen_names()
    try:
        reviewer_names(n, names)
    except ValueError:
        db_dialogs.show_error(parent, tr("Split for Reviewers"), tr("Give {0} different names, or none.").format(n))
        return
    folder = QFileDialog.getExistingDirectory(parent, tr("Folder for the Reviewers' Files"))
    if not folder:
        return
    assignments, error = run_with_progress(
        parent, tr("Writing the reviewers' files…"), db_path,
        lambda store, progress: split_for_reviewers(store, n, folder, overlap, names, progress))
    if error is not None:
        db_dialogs.show_error(parent, tr("Split failed"), str(error))
        return
    lines = [tr("{0}: {1} reports ({2} shared) in {3}").format(
        a.reviewer, len(a.report_ids), a.shared, Path(a.path).name) for a in assignments]
    QMessageBox.information(parent, tr("Split for Reviewers"), "\n".join(lines))
