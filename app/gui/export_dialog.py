"""File > Export…: choose format, layout, statuses, scope and file; the export runs off the UI thread.

`ExportDialog(parent, db_path, selected_report_ids, filtered_figure_ids)`: the scope choices
"selected reports" and "current filter" are offered only when those lists are given and not
empty. The export runs through TaskRunner on a worker that opens its own Store on `db_path`;
the dialog shows progress and its Cancel button stops the export (no file is left behind).
Signal `exported(path, rows)` when a file was written; the dialog then closes itself.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from app.core.export import ExportCancelled
from app.core.names import shown
from app.core.model import STATUSES
from app.gui.tasks import TaskRunner
from app.store.dataset import overwrites_database

FORMATS = (("csv", "CSV (UTF-8, opens in Excel)"), ("xlsx", "Excel workbook"), ("jsonl", "JSON lines"))
DEFAULT_STATUSES = ("confirmed", "corrected", "added")
ALL_REPORTS, SELECTED_REPORTS, CURRENT_FILTER = "all", "selected", "filter"


def tr(text: str) -> str:
    return QCoreApplication.translate("export_dialog", text)


def export_in_worker(db_path: str, out_path: str, options: dict, progress, cancelled) -> int:
    """Runs on a worker thread: its own Store, plain data in and out."""
    from app.store.database import open_store
    from app.store.dataset import export_dataset
    store = open_store(db_path, create=False)
    try:
        return export_dataset(store, out_path, progress=progress, should_cancel=cancelled, **options)
    finally:
        store.close()


class ExportDialog(QDialog):
    exported = Signal(str, int)

    def __init__(self, parent: QWidget | None, db_path: str, selected_report_ids=None, filtered_figure_ids=None,
                 settings=None):
        super().__init__(parent)
        self.settings = settings  # app.gui.settings.Settings: the last export's choices come back
        self.setObjectName("export_dialog")
        self.setWindowTitle(tr("Export Dataset"))
        self.db_path = str(db_path)
        self.selected_report_ids = list(selected_report_ids or [])
        self.filtered_figure_ids = None if filtered_figure_ids is None else list(filtered_figure_ids)
        self.runner = TaskRunner(self)
        self.handle = None
        self.format_combo = QComboBox(self, objectName="format_combo")
        for fmt, text in FORMATS:
            self.format_combo.addItem(tr(text), fmt)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.layout_combo = QComboBox(self, objectName="layout_combo")
        self.layout_combo.addItem(tr("Long: one row per figure"), "long")
        self.layout_combo.addItem(tr("Wide: one row per report, a column per indicator"), "wide")
        self.status_boxes = {status: QCheckBox(tr(status), self, objectName=f"status_{status}") for status in STATUSES}
        for status, box in self.status_boxes.items():
            box.setChecked(status in DEFAULT_STATUSES)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons = {
            ALL_REPORTS: QRadioButton(tr("All reports"), self, objectName="scope_all"),
            SELECTED_REPORTS: QRadioButton(tr("Selected reports ({0})").format(len(self.selected_report_ids)),
                                           self, objectName="scope_selected"),
            CURRENT_FILTER: QRadioButton(tr("Figures the current filter shows ({0})").format(
                len(self.filtered_figure_ids or [])), self, objectName="scope_filter")}
        for button in self.scope_buttons.values():
            self.scope_group.addButton(button)
        self.scope_buttons[ALL_REPORTS].setChecked(True)
        self.scope_buttons[SELECTED_REPORTS].setEnabled(bool(self.selected_report_ids))
        self.scope_buttons[CURRENT_FILTER].setEnabled(bool(self.filtered_figure_ids))
        self.path_edit = QLineEdit(self, objectName="path_edit")
        browse = QPushButton(tr("Browse…"), self, objectName="browse_button")
        browse.clicked.connect(self._browse)
        self.progress_bar = QProgressBar(self, objectName="export_progress")
        self.progress_bar.setVisible(False)
        self.message = QLabel(self, objectName="export_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self._assemble(browse)
        self._restore_choices()

    def _restore_choices(self) -> None:
        if self.settings is None:
            return
        choices = self.settings.export_choices
        for combo, value in ((self.format_combo, choices["format"]), (self.layout_combo, choices["layout"])):
            if combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))
        if choices["statuses"] and set(choices["statuses"]) <= set(STATUSES):
            for status, box in self.status_boxes.items():
                box.setChecked(status in choices["statuses"])
        if choices["path"]:
            self.path_edit.setText(str(Path(choices["path"]).with_suffix("." + self.fmt())))

    def _assemble(self, browse: QPushButton) -> None:
        form = QFormLayout()
        form.addRow(tr("Format"), self.format_combo)
        form.addRow(tr("Layout"), self.layout_combo)
        statuses = QHBoxLayout()
        for box in self.status_boxes.values():
            statuses.addWidget(box)
        form.addRow(tr("Statuses"), statuses)
        scope = QVBoxLayout()
        for button in self.scope_buttons.values():
            scope.addWidget(button)
        form.addRow(tr("Scope"), scope)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form.addRow(tr("File"), file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # --- choices ------------------------------------------------------------------------
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def options(self) -> dict:
        """The export_dataset keyword arguments the dialog's choices stand for."""
        scope = next(key for key, button in self.scope_buttons.items() if button.isChecked())
        return {"fmt": self.fmt(), "layout": self.layout_combo.currentData(),
                "statuses": tuple(s for s, box in self.status_boxes.items() if box.isChecked()),
                "report_ids": self.selected_report_ids if scope == SELECTED_REPORTS else None,
                "figure_ids": self.filtered_figure_ids if scope == CURRENT_FILTER else None}

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix("." + self.fmt())))

    def _browse(self) -> None:
        suffix = self.fmt()
        path, _ = QFileDialog.getSaveFileName(self, tr("Export Dataset"), self.path_edit.text(),
                                              f"{self.format_combo.currentText()} (*.{suffix})")
        if path:
            self.path_edit.setText(path if path.lower().endswith("." + suffix) else f"{path}.{suffix}")

    # --- running ------------------------------------------------------------------------
    def start_export(self) -> None:
        options = self.options()
        path = self.path_edit.text().strip()
        if not options["statuses"]:
            self._say(tr("Choose at least one status to export."))
            return
        if not path:
            self._say(tr("Choose the file to write."))
            return
        if overwrites_database(self.db_path, path):
            self._say(tr("{0} is the database itself (or one of its files): choose another file name. "
                         "Nothing was written.").format(shown(path)))
            return
        if not Path(path).parent.is_dir():
            self._say(tr("The folder {0} does not exist.").format(str(Path(path).parent)))
            return
        self._set_running(True)
        self._say(tr("Exporting…"))
        handle = self.runner.run(export_in_worker, self.db_path, path, options, on_done=self._done,
                                 on_progress=self._progress, cancellable=True)
        self.handle = None if handle.finished() else handle  # a synchronous runner is done already

    def _progress(self, done: int, total: int, current: str) -> None:
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)
        self._say(tr("Exporting {0} of {1}: {2}").format(done, total, current))

    def _done(self, rows, error) -> None:
        self.handle = None
        self._set_running(False)
        if error is None:
            if self.settings is not None:
                options = self.options()
                self.settings.save_export_choices(options["fmt"], options["layout"], options["statuses"],
                                                  self.path_edit.text().strip())
            self._say(tr("Exported {0} rows.").format(rows))
            self.exported.emit(self.path_edit.text().strip(), rows)
            self.accept()
        elif isinstance(error, ExportCancelled):
            self._say(tr("Export cancelled; no file was written."))
        else:
            detail = str(error).splitlines()[0] if str(error) else type(error).__name__
            self._say(tr("Export failed: {0}").format(detail))

    def _cancel_or_close(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self._say(tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.handle is not None:  # closing the window while exporting: stop the export too
            self.handle.cancel()
        super().reject()

    def _set_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.export_button.setEnabled(not running)
        for widget in (self.format_combo, self.layout_combo, self.path_edit, *self.status_boxes.values(),
                       *self.scope_buttons.values()):
            widget.setEnabled(not running)
        if not running:
            self.scope_buttons[SELECTED_REPORTS].setEnabled(bool(self.selected_report_ids))
            self.scope_buttons[CURRENT_FILTER].setEnabled(bool(self.filtered_figure_ids))

    def _say(self, text: str) -> None:
        self.message.setText(text)
