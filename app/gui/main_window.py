"""The main window: assembles the panels, menus and status bar; the logic lives elsewhere.

Left: report list over the section outline. Centre: metadata above the report text.
Right: the metrics table above the consistency checks. A second tab holds the charts.
Review decisions go through ReviewController, the checks through ChecksController;
database, import and export commands through the File menu here.
"""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QProcess, Qt, QTimer
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QLineEdit, QMainWindow, QMessageBox, QSplitter, QTabWidget, QToolBar,
    QVBoxLayout, QWidget,
)

from app.core.names import shown
from app.gui import db_dialogs, focus, merge_dialog
from app.gui.actions import MENUS, TOOLBAR, ActionId, ActionRegistry, menu_title
from app.gui.chart_tabs import ChartsTabs
from app.gui.checks_controller import ChecksBox, ChecksController
from app.gui.cues_view import CueOfferBar, CuesDialog
from app.gui.export_dialog import ExportDialog
from app.gui.help_dialog import HelpDialog
from app.gui.i18n import plural
from app.gui.import_dialog import paths_from_drop, run_import
from app.gui.metadata_panel import MetadataPanel
from app.gui.metrics_panel import MetricsPanel
from app.gui.outline import OutlineTree
from app.gui.report_list import ReportListPanel
from app.gui.review_controller import ReviewController
from app.gui.search_dialog import SearchDialog
from app.gui.style import install_style
from app.gui.tasks import TaskRunner
from app.gui.text_view import TextPane
from app.gui.writable_again import WritableAgain
from app.store.database import HELD_ELSEWHERE, READ_ONLY_FILE, READ_ONLY_FOLDER
from app.store.errors import NotADatabase, StoreError

DEFAULT_SIZE = (1600, 900)
FRAME_ALLOWANCE = 40  # the window manager's title bar and borders, outside geometry()
# What a read-only database cannot do (undo and redo: the controller, from the history).
WRITE_ACTIONS = (ActionId.IMPORT_FILES, ActionId.IMPORT_FOLDER, ActionId.CONFIRM_NEXT, ActionId.REJECT_NEXT,
                 ActionId.REJECT_WITH_REASON, ActionId.EDIT_VALUE, ActionId.EDIT_INDICATOR, ActionId.TOGGLE_HEADLINE,
                 ActionId.ADD_FIGURE, ActionId.CONFIRM_SELECTED, ActionId.REJECT_SELECTED, ActionId.CONFIRM_ABOVE,
                 ActionId.APPLY_TAUGHT_CUE, ActionId.SETTLE_FIRST, ActionId.SETTLE_SECOND, ActionId.SETTLE_THIRD,
                 ActionId.REVIEWER_NAME, ActionId.MERGE_REVIEWS, ActionId.RUN_ALL_CHECKS)
IMPORT_FILTER = "Reports (*.txt *.html *.htm *.mht *.mhtml *.docx *.doc *.wps *.pdf *.jsonl);;All files (*)"


def restart_command() -> tuple[str, list[str]]:
    """How this program was started: the bundled binary, or Python running the app package."""
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    return sys.executable, ["-m", "app", *sys.argv[1:]]


class MainWindow(QMainWindow):
    def __init__(self, store, settings):
        install_style(QApplication.instance())  # before any widget: each is polished by it once
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings
        self.store = None
        self.registry = ActionRegistry(self)
        self.tasks = TaskRunner(self)
        self._search_dialog: SearchDialog | None = None
        self.report_list = ReportListPanel(self)
        self.outline = OutlineTree(self)
        self.text_pane = TextPane(self)
        self.metadata = MetadataPanel(self)
        self.metrics = MetricsPanel(self)
        self.checks_box = ChecksBox(self)
        self.cue_offer = CueOfferBar(self)
        self._cues_dialog: CuesDialog | None = None
        self.charts = self._make_charts()
        self.tabs = QTabWidget(self, objectName="main_tabs")
        self.tabs.addTab(self._review_tab(), self.tr("Review"))
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.setCentralWidget(self.tabs)
        self.controller = ReviewController(self, self.registry, self.report_list, self.text_pane.view,
                                           self.outline, self.metadata, self.metrics)
        self.checks = ChecksController(self, self.controller, self.checks_box, self.tasks)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self._arrange_focus()
        self.setAcceptDrops(True)
        available = self.screen().availableGeometry()
        self.fit_into(available)
        self.set_store(store)
        self.settings.restore_window(self)
        if not available.contains(self.geometry()):  # saved on a larger or another screen
            self.fit_into(available)
        self.metrics.table.setFocus()  # on the first pending figure: C confirms it at once

    # --- assembly ---------------------------------------------------------------------
    def _review_tab(self) -> QWidget:
        left = QSplitter(Qt.Orientation.Vertical, self, objectName="left_splitter")
        left.addWidget(self.report_list)
        left.addWidget(self.outline)
        left.setSizes([520, 280])
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.metadata)
        layout.addWidget(self.text_pane, 1)
        right = QSplitter(Qt.Orientation.Vertical, self, objectName="right_splitter")
        self.metrics.layout().insertWidget(0, self.cue_offer)  # the offer right above the table
        right.addWidget(self.metrics)
        right.addWidget(self.checks_box)
        right.setStretchFactor(0, 1)
        right.setSizes([620, 220])
        main = QSplitter(Qt.Orientation.Horizontal, self, objectName="main_splitter")
        for widget in (left, centre, right):
            main.addWidget(widget)
        main.setStretchFactor(1, 1)
        main.setSizes([330, 620, 650])
        self.registry.bind_review_keys(self.metrics.table, self.text_pane.view)
        self.text_pane.view.add_context_action(self.registry.action(ActionId.ADD_FIGURE))
        self.metrics.add_bulk_actions([self.registry.action(a) for a in (
            ActionId.CONFIRM_SELECTED, ActionId.REJECT_SELECTED, ActionId.CONFIRM_ABOVE)])
        return main

    def _arrange_focus(self) -> None:
        """Tab through the panes, Esc from a filter back to the table, undo from anywhere."""
        table, findings = self.metrics.table, self.checks_box.panel
        metrics_filters = [self.metrics.status_filter, self.metrics.indicator_filter, self.metrics.category_filter,
                           self.metrics.qualifier_filter, self.metrics.confidence_filter]
        focus.chain_tab_order([self.report_list.filter_box, self.report_list.view, self.outline,
                               self.text_pane.view, table, findings.table, findings.note_edit,
                               findings.dismiss_button, findings.show_dismissed, *metrics_filters])
        focus.escape_to(table, [self.report_list.filter_box, findings.note_edit, *metrics_filters], self)
        focus.pass_history_keys([self.report_list.filter_box, self.text_pane.find_bar.field, findings.note_edit,
                                 *self.metadata.findChildren(QLineEdit)], self)

    def _focus_pane(self, widget) -> None:
        self.tabs.setCurrentIndex(0)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def fit_into(self, available) -> None:
        """The default size, shrunk to fit the screen's free area (1366×768 included), centred."""
        width = min(DEFAULT_SIZE[0], available.width() - FRAME_ALLOWANCE)
        height = min(DEFAULT_SIZE[1], available.height() - FRAME_ALLOWANCE)
        self.resize(max(width, self.minimumSizeHint().width()), max(height, self.minimumSizeHint().height()))
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())

    def _make_charts(self) -> ChartsTabs:
        charts = ChartsTabs(lambda: self.store, self)
        charts.report_activated.connect(self._open_from_chart)
        return charts

    def _build_menus(self) -> None:
        for title, ids in MENUS:
            menu = self.menuBar().addMenu(menu_title(title))
            for action_id in ids:
                if action_id is None:
                    menu.addSeparator()
                elif action_id == "recent":
                    self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
                    self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
                elif action_id == "language":
                    self._build_language_menu(menu.addMenu(self.tr("&Language")))
                else:
                    menu.addAction(self.registry.action(action_id))

    def _build_language_menu(self, menu) -> None:
        group = QActionGroup(self)
        for code, name in (("system", self.tr("System")), ("zh_CN", "简体中文"), ("en", "English")):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
            group.addAction(action)

    def _set_language(self, code: str) -> None:
        """Keep the choice and say it takes a restart (every window text is set once, when
        built); offer to restart now: the reviews are in the database already."""
        if code == self.settings.language:
            return
        self.settings.language = code
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"),
                          self.tr("The language changes when Report Reviewer restarts."),
                          QMessageBox.StandardButton.NoButton, self)
        restart = box.addButton(self.tr("Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.exec()
        if box.clickedButton() is restart:
            self.restart()
        else:
            self.statusBar().showMessage(self.tr("The language changes when Report Reviewer starts next."), 8000)

    def restart(self) -> None:
        """Close (saving the layout, releasing the database) and start the program again."""
        program, arguments = restart_command()
        if self.close():
            QProcess.startDetached(program, arguments, str(Path.cwd()))

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Review"), self, objectName="review_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action_id in TOOLBAR:
            if action_id is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.registry.action(action_id))
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        self.read_only_label = QLabel(self, objectName="read_only_label")
        self.read_only_label.setStyleSheet("font-weight: bold")
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.progress_label = QLabel(self, objectName="progress_label")
        self.statusBar().addPermanentWidget(self.progress_label)
        self._progress_timer = QTimer(self, singleShot=True, interval=250, timeout=self._update_progress)
        self.writable_again = WritableAgain(self)
        self.writable_again.freed.connect(self._take_back_writable)

    def _connect(self) -> None:
        act = self.registry.action
        handlers = {
            ActionId.NEW_DATABASE: self.new_database, ActionId.OPEN_DATABASE: self.open_database,
            ActionId.IMPORT_FILES: self.import_files, ActionId.IMPORT_FOLDER: self.import_folder,
            ActionId.EXPORT: self.export_dataset, ActionId.QUIT: self.close,
            ActionId.REVIEWER_NAME: lambda: merge_dialog.ask_reviewer_name(self, self.store),
            ActionId.MERGE_REVIEWS: self.merge_reviews,
            ActionId.SPLIT_REVIEWERS: lambda: merge_dialog.split_reviews(self, str(self.store.path)),
            ActionId.FIND: self.text_pane.find_bar.open_bar, ActionId.SEARCH_ALL: self.search_all,
            ActionId.RUN_ALL_CHECKS: self.checks.check_all,
            ActionId.APPLY_TAUGHT_CUE: self.cue_offer.accept, ActionId.SHOW_CUES: self.show_cues,
            ActionId.SHOW_REVIEW: lambda: self.tabs.setCurrentIndex(0),
            ActionId.SHOW_CHARTS: lambda: self.tabs.setCurrentIndex(1),
            ActionId.FOCUS_LIST: lambda: self._focus_pane(self.report_list.view),
            ActionId.FOCUS_TEXT: lambda: self._focus_pane(self.text_pane.view),
            ActionId.FOCUS_TABLE: lambda: self._focus_pane(self.metrics.table),
            ActionId.FOCUS_CHECKS: lambda: self._focus_pane(self.checks_box.panel.table),
            ActionId.HELP_SHORTCUTS: lambda: HelpDialog(self.registry, self).exec(),
            ActionId.ABOUT: self._about,
        }
        for action_id, handler in handlers.items():
            act(action_id).triggered.connect(lambda _checked=False, h=handler: h())
        for source in (self.controller, self.checks):
            source.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.controller.data_changed.connect(self._progress_timer.start)
        self.controller.data_changed.connect(self._mark_charts_stale)
        self.tabs.currentChanged.connect(self._refresh_charts_if_shown)
        self.metrics.model.indicator_changed.connect(self._offer_cue)
        self.controller.figure_rejected.connect(self._offer_cue)
        self.cue_offer.apply_requested.connect(self.controller.apply_cue)
        for step in (ActionId.UNDO, ActionId.REDO):  # the offer was about the step before
            act(step).triggered.connect(self.cue_offer.withdraw)
        self.controller.data_changed.connect(self._refresh_cues)

    # --- database ---------------------------------------------------------------------
    def set_store(self, store) -> None:
        """Show another database; the window owns the store (and its app lock) from here on.

        The new database is read for the panes before anything of the old one is let go: if
        reading it fails, the window stays entirely on the old one (and the error is raised)."""
        old = self.store
        try:
            self.controller.set_store(store)  # clears every pane, then shows the first report
        except BaseException:
            if old is not None:
                self.controller.set_store(old)
            raise
        self.store = store
        dialog, self._search_dialog = self._search_dialog, None
        if dialog is not None:  # its hits are report ids of the old database
            dialog.destroyed.disconnect()  # deleted later: it must not forget a newer dialog then
            dialog.close()
        if old is not None:
            old.release_app_lock()
            old.close()
        self._show_writability(store)
        self.checks.clear()
        self.cue_offer.withdraw()
        if self._cues_dialog is not None:
            self._cues_dialog.set_store(store)
        self.checks.refresh(self.controller.report_id)
        self._charts_stale = True
        self._refresh_charts_if_shown()
        self._update_progress()

    def _show_writability(self, store) -> None:
        """Title, status bar and review actions say whether this database can be changed."""
        name = Path(store.path).name
        if store.read_only:
            note = self.tr("read-only: {0}").format(self._read_only_reason(store.read_only))
            self.setWindowTitle(self.tr("Report Reviewer — {0} ({1})").format(name, note))
            self.read_only_label.setText(note)
        else:
            self.setWindowTitle(self.tr("Report Reviewer — {0}").format(name))
            self.read_only_label.setText("")
        self.read_only_label.setVisible(bool(store.read_only))
        for action_id in WRITE_ACTIONS:
            self.registry.action(action_id).setEnabled(not store.read_only)
        self.writable_again.watch(store)

    def _take_back_writable(self, store) -> None:
        """The other program let go: the same report and figure, now writable."""
        report_id, figure_id = self.controller.report_id, self.metrics.current_figure_id()
        try:
            self.set_store(store)
        except (StoreError, sqlite3.DatabaseError):  # unreadable now: stay on the read-only copy
            store.release_app_lock()
            store.close()
            return
        if report_id is not None and report_id in store.report_ids():
            self.controller.open_report(report_id, figure_id)
        self.statusBar().showMessage(self.tr("The other program let go of the database: you can review again."))

    def _read_only_reason(self, reason: str) -> str:
        return {HELD_ELSEWHERE: self.tr("another program holds it"),
                READ_ONLY_FILE: self.tr("the file cannot be written"),
                READ_ONLY_FOLDER: self.tr("its folder cannot be written")}.get(reason, reason)

    def _switch_to(self, path: str | None, create: bool) -> None:
        if not path:
            return
        store = db_dialogs.open_store_or_explain(self, path, create)  # also takes the app lock
        if store is None:
            return
        try:
            self.set_store(store)
        except (StoreError, sqlite3.DatabaseError) as error:  # unreadable past its first pages
            store.release_app_lock()
            store.close()
            db_dialogs.explain(self, error if isinstance(error, StoreError) else NotADatabase(
                self.tr("{0} cannot be read ({1}); the window stays on {2}").format(
                    shown(path), str(error).splitlines()[0] if str(error) else type(error).__name__,
                    shown(Path(self.store.path).name) if self.store else "")))
            return
        self.settings.last_database = str(store.path)
        self.settings.add_recent(str(store.path))

    def new_database(self) -> None:
        self._switch_to(db_dialogs.choose_new_database(self), create=True)

    def open_database(self) -> None:
        self._switch_to(db_dialogs.choose_open_database(self), create=False)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_databases:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self._switch_to(p, create=False))
        self.recent_menu.setEnabled(True)
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # --- import, export, search -------------------------------------------------------
    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import Reports"), "", IMPORT_FILTER)
        self.import_paths(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a Folder of Reports"))
        self.import_paths([folder] if folder else [])

    def import_paths(self, paths: list[str]) -> None:
        if not paths:
            return
        summary = run_import(self, str(self.store.path), paths)
        if summary is None:
            return
        self.controller.set_store(self.store)
        self._charts_stale = True
        self._update_progress()
        self.statusBar().showMessage(plural(len(summary.imported), self.tr("Imported {0} report."),
                                            self.tr("Imported {0} reports.")), 10000)

    def merge_reviews(self, paths: list[str] | None = None) -> None:
        if merge_dialog.merge_reviews(self, str(self.store.path), paths) is not None:
            self.controller.set_store(self.store)  # new reports, decisions and conflicts
            self._charts_stale = True
            self._update_progress()

    def export_dataset(self) -> None:
        """The export dialog, offering the selected reports and the table's filtered figures as scopes."""
        filtered = self.metrics.visible_figure_ids() if self.metrics.proxy.is_filtering() else None
        dialog = ExportDialog(self, str(self.store.path), self.report_list.selected_report_ids(), filtered,
                              settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._export_done)
        dialog.open()  # window-modal without a nested event loop; the export itself runs off the UI thread

    def _export_done(self, path: str, rows: int) -> None:
        exported = self.tr("Exported 1 row to {1}.") if rows == 1 else self.tr("Exported {0} rows to {1}.")
        self.statusBar().showMessage(exported.format(rows, path), 10000)

    def search_all(self) -> None:
        if self._search_dialog is None:  # one dialog; it deletes itself when closed
            self._search_dialog = SearchDialog(self.store, self)
            self._search_dialog.hit_activated.connect(self._open_hit)
            self._search_dialog.destroyed.connect(lambda: setattr(self, "_search_dialog", None))
        self._search_dialog.show()
        self._search_dialog.raise_()
        self._search_dialog.activateWindow()

    # --- taught cues ------------------------------------------------------------------
    def _offer_cue(self, figure_id: int) -> None:
        self.cue_offer.consider(self.store, figure_id)

    def show_cues(self) -> None:
        if self._cues_dialog is None:
            self._cues_dialog = CuesDialog(self)
            self._cues_dialog.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
            self._cues_dialog.figure_activated.connect(self._open_figure)
            self._cues_dialog.set_store(self.store)
        else:
            self._cues_dialog.refresh()
        self._cues_dialog.show()
        self._cues_dialog.raise_()

    def _open_figure(self, figure_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.controller.open_report(self.store.figure(figure_id).report_id, figure_id)

    def _refresh_cues(self) -> None:
        if self._cues_dialog is not None and self._cues_dialog.isVisible():
            self._cues_dialog.refresh()

    def _open_hit(self, report_id: int, start: int, end: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.controller.open_report(report_id)
        self.text_pane.view.show_span(start, end)
        if self._search_dialog is not None:  # never over the line the hit is shown in
            self._search_dialog.step_aside(self.text_pane.view.span_area(start, end))

    def _open_from_chart(self, report_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.controller.open_report(report_id)

    # --- status and charts ------------------------------------------------------------
    def _update_progress(self) -> None:
        if self.store is None:  # closed while the timer was pending
            return
        reports, total, reviewed = self.store.review_totals()
        self.progress_label.setText(self.tr("{0} reports · {1}/{2} figures reviewed").format(
            reports, reviewed, total))

    def _mark_charts_stale(self) -> None:
        self._charts_stale = True

    def _refresh_charts_if_shown(self, *_args) -> None:
        if self.tabs.currentWidget() is self.charts and self._charts_stale:
            self.charts.refresh()
            self._charts_stale = False

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Report Reviewer"), self.tr(
            "Report Reviewer turns rule-of-law annual reports into a reviewed dataset.\n"
            "Everything stays on this computer."))

    # --- window events ----------------------------------------------------------------
    def dragEnterEvent(self, event):
        if paths_from_drop(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = paths_from_drop(event.mimeData())
        if paths:
            event.acceptProposedAction()
            # after the drop returns: a modal progress dialog opened in here blocks the drag source
            QTimer.singleShot(0, self, lambda: self.import_paths(paths))

    def closeEvent(self, event):
        self._progress_timer.stop()
        self.settings.save_window(self)
        if self.store is not None:
            self.store.release_app_lock()
            self.store.close()
            self.store = None
        super().closeEvent(event)
