"""The review logic behind the keys: decide on a figure, move on, undo, redo.

Every decision is one store call (one transaction, its audit rows, one undo step), written
at once; the controller then refreshes what the decision changed: the table rows, the text
highlights, the report's progress in the list and the undo/redo texts. Widgets stay dumb.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QInputDialog

from app.gui import db_dialogs
from app.gui.actions import ActionId
from app.gui.add_figure_dialog import AddFigureDialog
from app.gui.i18n import plural
from app.gui.metrics_model import Column
from app.gui.roles import Role
from app.store.errors import StoreError, StoreWriteFailed
from app.store.history import ACTION_LABELS

DEFAULT_THRESHOLD = 0.8
# What a correction may change, named in the status bar after its undo/redo (translated words)
CORRECTED_FIELDS = ("value", "unit", "qualifier", "label", "indicator")
FAILED = object()  # what _write returns when the store refused a write


class ReviewController(QObject):
    message = Signal(str)  # one line for the status bar
    report_opened = Signal(int)
    data_changed = Signal()  # anything in the database changed (charts refresh lazily)
    figure_rejected = Signal(int)  # by the reviewer, one figure: it teaches a cue (app.gui.cues_view)

    def __init__(self, window, registry, report_list, text_view, outline, metadata, metrics):
        super().__init__(window)
        self.window = window
        self.registry = registry
        self.report_list, self.text_view, self.outline = report_list, text_view, outline
        self.metadata, self.metrics = metadata, metrics
        self.store = None
        self.report_id: int | None = None
        self._report = None
        handlers = {
            ActionId.CONFIRM_NEXT: self.confirm_and_next, ActionId.REJECT_NEXT: self.reject_and_next,
            ActionId.REJECT_WITH_REASON: lambda: self.reject_and_next(ask_reason=True),
            ActionId.EDIT_VALUE: self.metrics.edit_current_value,
            ActionId.EDIT_INDICATOR: lambda: self.metrics.edit_current_value(Column.INDICATOR),
            ActionId.NEXT_FIGURE: lambda: self.step(1), ActionId.PREVIOUS_FIGURE: lambda: self.step(-1),
            ActionId.NEXT_PENDING: self.next_pending, ActionId.TOGGLE_HEADLINE: self.toggle_headline,
            ActionId.ADD_FIGURE: self.add_figure_from_selection, ActionId.UNDO: self.undo,
            ActionId.REDO: self.redo, ActionId.CONFIRM_SELECTED: lambda: self.bulk("confirm"),
            ActionId.REJECT_SELECTED: lambda: self.bulk("reject"), ActionId.CONFIRM_ABOVE: self.confirm_above,
            ActionId.SETTLE_FIRST: lambda: self.settle(0), ActionId.SETTLE_SECOND: lambda: self.settle(1),
            ActionId.SETTLE_THIRD: lambda: self.settle(2),
        }
        for action_id, handler in handlers.items():
            registry.action(action_id).triggered.connect(lambda _checked=False, h=handler: h())
        report_list.report_selected.connect(self.open_report)
        metrics.figure_selected.connect(self._show_figure)
        metrics.model.edited.connect(self._after_write)
        metrics.model.write_failed.connect(self.message)
        text_view.figure_clicked.connect(self._select_clicked)
        outline.section_activated.connect(text_view.show_span)
        metadata.metadata_changed.connect(self._after_metadata_edit)
        metadata.text_changed.connect(self._after_redecode)
        metadata.message.connect(self.message)

    # --- database and report ----------------------------------------------------------
    def set_store(self, store) -> None:
        self.store = store
        self.metrics.model.store = store
        self.metadata.store = store
        self.report_id, self._report = None, None
        self.report_list.set_store(store)
        last = store.get_setting("last_report_id")
        start = int(last) if last is not None and store.has_report(int(last)) else self._first_listed()
        if start is not None:
            self.open_report(start)
        else:  # an empty database: nothing of the previous one may stay on screen
            self._clear_report()
        self._update_history()

    def _clear_report(self) -> None:
        self.text_view.set_report("", [], [])
        self.outline.set_sections([])
        self.metadata.set_report(None)
        self.metrics.set_figures([])
        self.metrics.model.load_previous_year(None)

    def _first_listed(self) -> int | None:
        proxy = self.report_list.proxy
        return proxy.index(0, 0).data(Role.REPORT_ID) if proxy.rowCount() else None

    def open_report(self, report_id: int, figure_id: int | None = None) -> None:
        store = self.store
        report, sections, figures = store.report(report_id), store.sections(report_id), store.figures(report_id)
        self.report_id, self._report = report_id, report
        self.text_view.set_report(report.text, sections, figures, report.page_starts)
        self.outline.set_sections(sections)
        self.metadata.set_report(report)
        self.metrics.set_figures(figures)
        self.metrics.model.load_previous_year(report_id)
        self.report_list.select_report(report_id)
        if not store.read_only:
            try:
                store.set_setting("last_report_id", report_id)
            except StoreError:  # busy or full: where to start next time is not worth a dialog
                pass
        self._select_or_first_pending(figure_id, figures)
        self.report_opened.emit(report_id)

    def _select_or_first_pending(self, figure_id: int | None, figures: list) -> None:
        if figure_id is not None and self.metrics.select_figure(figure_id):
            return
        fallback = next((f.id for f in figures if f.status == "pending"), figures[0].id if figures else None)
        if fallback is not None:
            self.metrics.select_figure(fallback)

    def refresh_current(self, figure_id: int | None = None) -> None:
        """Re-read the open report after an undo/redo, keeping the text and its scroll position."""
        self._report = self.store.report(self.report_id)
        self.metadata.set_report(self._report)
        self.metrics.set_figures(self.store.figures(self.report_id))
        self.metrics.model.load_previous_year(self.report_id)  # an undone metadata edit moves the year
        self._after_write(self.report_id)
        self._select_or_first_pending(figure_id, self.metrics.model.figures())

    def _show_figure(self, figure_id: int) -> None:
        row = self.metrics.model.row_of(figure_id)
        if row is not None:
            figure = self.metrics.model.figure_at(row)
            self.text_view.show_span(figure.start, figure.end)

    def _select_clicked(self, figure_id: int) -> None:
        if not self.metrics.select_figure(figure_id):
            self.message.emit(self.tr("That figure is hidden by the table's filters."))

    # --- decisions --------------------------------------------------------------------
    def confirm_and_next(self) -> None:
        self._decide_and_next(lambda ids: self.store.confirm(ids))

    def reject_and_next(self, ask_reason: bool = False) -> None:
        reason = None
        if ask_reason:
            typed, ok = QInputDialog.getText(self.window, self.tr("Reject Figure"), self.tr("Reason (optional):"))
            if not ok:
                return
            reason = typed.strip() or None
        current = self.metrics.current_figure_id()
        self._decide_and_next(lambda ids: self.store.reject(ids, reason=reason))
        if current is not None and self.store.figure(current).status == "rejected":
            self.figure_rejected.emit(current)

    def _decide_and_next(self, decide) -> None:
        current = self.metrics.current_figure_id()
        if current is None:
            self.message.emit(self.tr("No figure selected."))
            return
        visible = self.metrics.visible_figure_ids()
        position = visible.index(current)
        following = visible[position + 1] if position + 1 < len(visible) else None
        if self._write(lambda: decide([current])) is FAILED:
            return
        now_visible = self.metrics.visible_figure_ids()
        if following is not None and following in now_visible:
            self.metrics.select_figure(following)
        elif now_visible:
            self.metrics.select_figure(now_visible[min(position, len(now_visible) - 1)])
            if following is None:
                self.message.emit(self.tr("Last figure of this report: N moves to the next pending figure."))

    def settle(self, choice: int) -> None:
        """Take the choice-th reviewer's decision on the current figure's conflict, and move on."""
        current = self.metrics.current_figure_id()
        decisions = self.metrics.model.conflict_decisions(current) if current is not None else []
        if choice >= len(decisions):
            self.message.emit(self.tr("This figure has no conflict with a decision {0}.").format(choice + 1))
            return
        from app.store.conflicts import settle_conflict
        self._decide_and_next(lambda ids: settle_conflict(self.store, ids[0], choice))
        if not self.metrics.model.conflict_decisions(current):
            self.message.emit(self.tr("Took {0}'s decision.").format(decisions[choice].reviewer))

    def toggle_headline(self) -> None:
        current = self.metrics.current_figure_id()
        if current is not None:
            figure = self.metrics.model.figure_at(self.metrics.model.row_of(current))
            self._write(lambda: self.store.set_headline(current, not figure.headline))

    def bulk(self, decision: str) -> None:
        ids = self.metrics.selected_figure_ids()
        if not ids:
            return
        write = self.store.confirm if decision == "confirm" else self.store.reject
        if self._write(lambda: write(ids)) is not FAILED:
            counted = plural(len(ids), self.tr("{0} figure"), self.tr("{0} figures"))
            self.message.emit(self.tr("{0}: {1} (one undo step).").format(self.tr(decision), counted))

    def confirm_above(self) -> None:
        if self.report_id is None:
            return
        threshold, ok = QInputDialog.getDouble(
            self.window, self.tr("Confirm All Above"), self.tr("Confirm every pending figure with confidence at least:"),
            DEFAULT_THRESHOLD, 0.0, 1.0, 2)
        if ok:
            confirmed = self._write(lambda: self.store.confirm_above(self.report_id, threshold))
            if confirmed is not FAILED:
                self.message.emit(plural(len(confirmed), self.tr("Confirmed {0} figure."),
                                         self.tr("Confirmed {0} figures.")))

    def apply_cue(self, key: str) -> None:
        """Decide the pending figures a taught cue matches, across reports, as one undo step."""
        applied = self._write(lambda: self.store.apply_cue(key))
        if applied is FAILED:
            return
        self.report_list.reload()
        if self.report_id is not None:
            self.report_list.select_report(self.report_id)
        self.message.emit(self.tr("Taught cue applied to {0} figures (one undo step).").format(len(applied)))

    def add_figure_from_selection(self) -> None:
        span = self.text_view.selection_span()
        if span is None or self.report_id is None:
            self.message.emit(self.tr("Select the figure's text in the report first."))
            return
        from app.core.figures import parse_selection  # the extractor's own parser
        text = self._report.text
        prefill = parse_selection(text, *span)
        start, end = (prefill.start, prefill.end) if prefill is not None else span
        dialog = AddFigureDialog(text[start:end], prefill, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        new_id = self._write(lambda: self.store.add_figure(self.report_id, start, end, text[start:end], **values))
        if new_id is not FAILED:
            self.metrics.select_figure(new_id)

    # --- moving -----------------------------------------------------------------------
    def step(self, delta: int) -> None:
        visible = self.metrics.visible_figure_ids()
        if not visible:
            return
        current = self.metrics.current_figure_id()
        position = visible.index(current) + delta if current in visible else 0
        self.metrics.select_figure(visible[max(0, min(position, len(visible) - 1))])

    def next_pending(self) -> None:
        if self.report_id is None:
            return
        current = self.metrics.current_figure_id()
        after = self.metrics.model.figure_at(self.metrics.model.row_of(current)).start if current else -1
        found = self.store.next_pending(self.report_id, after)
        if found is None:
            self.message.emit(self.tr("No pending figures left: every figure is reviewed."))
            return
        report_id, figure_id = found
        if report_id != self.report_id:
            self.open_report(report_id, figure_id)
        elif not self.metrics.select_figure(figure_id):
            self.message.emit(self.tr("The next pending figure is hidden by the table's filters."))

    # --- history ----------------------------------------------------------------------
    def undo(self) -> None:
        self._replay(self.store.undo, self.store.undo_description(), self.tr("Undone: {0}"),
                     self.tr("Nothing to undo."))

    def redo(self) -> None:
        self._replay(self.store.redo, self.store.redo_description(), self.tr("Redone: {0}"),
                     self.tr("Nothing to redo."))

    def _step_summary(self, description, before: dict, result) -> str:
        """What an undo/redo step did, for the status bar: "correct value of 6次 (report 2024.txt)"."""
        step = self._step_text(description)
        if len(result.figure_ids) == 1:
            figure_id = result.figure_ids[0]
            old = before.get(figure_id)
            try:
                new = self.store.figure(figure_id)
            except StoreError:  # an undone add: the figure is gone
                new = None
            changed = [name for name in CORRECTED_FIELDS if old and new and getattr(old, name) != getattr(new, name)]
            if changed and description.args.get("action") == ACTION_LABELS["correct"]:
                step = self.tr("{0} {1}").format(step, self._join(map(self.tr, changed)))
            shown = old or new
            if shown is not None:
                step = self.tr("{0} of {1}").format(step, shown.raw)
        if result.report_id is not None:
            step = self.tr("{0} (report {1})").format(step, self.store.report(result.report_id).file_name)
        return step[:1].lower() + step[1:] if step[:1].isascii() else step

    def _join(self, words) -> str:
        return self.tr("{0}, {1}").format("", "").join(words)

    def _step_text(self, description) -> str:
        """An undo step's description (app.store.history) in the interface language."""
        if description is None:
            return ""
        separator = self.tr("{0}, {1}").format("", "")  # between field names: "、" in Chinese
        return description.text(self.tr, separator)

    def _replay(self, step, description, done: str, nothing: str) -> None:
        before = {figure.id: figure for figure in self.metrics.model.figures()}
        result = self._write(step, refresh=False)
        if result is FAILED:
            return
        if result is None:
            self.message.emit(nothing)
            return
        summary = done.format(self._step_summary(description, before, result))
        self.report_list.reload()
        target = result.report_id if result.report_id is not None else self.report_id
        figure_id = result.figure_ids[0] if result.figure_ids else None
        if target == self.report_id:
            self.report_list.select_report(target)
            self.refresh_current(figure_id)
        elif target is not None:
            self.open_report(target, figure_id)
        self._update_history()
        self.data_changed.emit()
        self.message.emit(summary)

    def _write(self, write, refresh: bool = True):
        """Run one store write and return its result; on failure say why in one line, return FAILED."""
        try:
            result = write()
        except StoreWriteFailed as error:  # locked, full, read-only: said once, and the table
            self.message.emit(str(error))  # shows what is stored, not what was attempted
            if self.report_id is not None:
                self.metrics.set_figures(self.store.figures(self.report_id))
                self.text_view.set_figures(self.metrics.model.figures())
            db_dialogs.explain(self.window, error)
            return FAILED
        except StoreError as error:  # its str() is one clear line for the status bar
            self.message.emit(str(error))
            return FAILED
        if refresh and self.report_id is not None:
            self.metrics.set_figures(self.store.figures(self.report_id))
            self.metrics.model.load_previous_year(self.report_id)  # a headline is matched to last year's
            self._after_write(self.report_id)
        return result

    def _after_write(self, report_id: int) -> None:
        figures = self.metrics.model.figures()
        self.text_view.set_figures(figures)
        reviewed = sum(1 for f in figures if f.status != "pending")
        self.report_list.model.set_progress(report_id, len(figures), reviewed)
        self._update_history()
        self.data_changed.emit()

    def _after_metadata_edit(self, report_id: int) -> None:
        self._report = self.store.report(report_id)
        self.metrics.model.load_previous_year(report_id)  # another agency or year: another previous year
        self.report_list.reload()
        self.report_list.select_report(report_id)
        self._update_history()
        self.data_changed.emit()

    def _after_redecode(self, report_id: int) -> None:
        self.report_list.reload()
        self.open_report(report_id)
        self._update_history()
        self.data_changed.emit()

    def _update_history(self) -> None:
        undo, redo = self.registry.action(ActionId.UNDO), self.registry.action(ActionId.REDO)
        writable = bool(self.store and not self.store.read_only)
        can_undo, can_redo = writable and self.store.can_undo(), writable and self.store.can_redo()
        undo.setEnabled(can_undo)
        redo.setEnabled(can_redo)
        undo.setText(self.tr("&Undo {0}").format(self._step_text(self.store.undo_description()))
                     if can_undo else self.tr("&Undo"))
        redo.setText(self.tr("&Redo {0}").format(self._step_text(self.store.redo_description()))
                     if can_redo else self.tr("&Redo"))
