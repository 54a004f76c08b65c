"""Keyboard focus across the review panes: Tab order, Esc back to the table, undo from anywhere.

Tab walks the panes in reading order (report list, text, figure table, checks) instead of
the cells of one table; Esc in a filter box or filter combo goes back to the figure table;
Ctrl+Z / Ctrl+Shift+Z reach the review history from every widget except a line edit that
has typing of its own to undo (a cell editor, a metadata field).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QWidget


class EscapeTo(QObject):
    """Esc in one of the watched widgets moves the focus to `target`."""

    def __init__(self, target: QWidget, parent=None):
        super().__init__(parent)
        self.target = target

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape \
                and not (isinstance(watched, QComboBox) and watched.view().isVisible()):
            self.target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return False


class HistoryKeysPassThrough(QObject):
    """A line edit with nothing of its own to undo or redo lets Ctrl+Z / Ctrl+Shift+Z go on
    to the window's Undo / Redo instead of swallowing them."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit):
            if (event.matches(QKeySequence.StandardKey.Undo) and not watched.isUndoAvailable()) or \
                    (event.matches(QKeySequence.StandardKey.Redo) and not watched.isRedoAvailable()):
                event.ignore()
                return True
        return False


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab goes through `widgets` in this order; tables and the text hand Tab on instead of
    using it inside (moving between cells, inserting a tab)."""
    for widget in widgets:
        if isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)
        elif isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


def escape_to(target: QWidget, widgets: list[QWidget], parent: QObject) -> EscapeTo:
    escape = EscapeTo(target, parent)
    for widget in widgets:
        widget.installEventFilter(escape)
    return escape


def pass_history_keys(widgets: list[QWidget], parent: QObject) -> HistoryKeysPassThrough:
    passing = HistoryKeysPassThrough(parent)
    for widget in widgets:
        widget.installEventFilter(passing)
    return passing
