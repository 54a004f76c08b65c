"""The report text: read-only plain text with highlights laid over it.

Highlights are ExtraSelections by kind (section tint < heading < figure < flash), rebuilt in
one pass; the text itself is never rewritten and never interpreted as HTML.
Offsets from the store count code points; Qt counts UTF-16 units, so `OffsetMap` converts.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from contextlib import contextmanager

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction, QColor, QFont, QGuiApplication, QPainter, QPen, QTextCharFormat, QTextCursor, QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout, QLineEdit, QPlainTextEdit, QTextEdit, QToolButton, QVBoxLayout, QWidget,
)

from app.core.sections import heading_end
from app.gui import theme

FLASH_MS = 900
PAGE_MARKER = QColor("#9aa5b1")  # a PDF's page breaks: a thin dashed line, quieter than any highlight
ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # characters Qt stores as two UTF-16 units


class OffsetMap:
    """Code-point offsets <-> Qt (UTF-16) positions; identity unless the text has astral chars."""

    def __init__(self, text: str):
        self._astral = [match.start() for match in ASTRAL.finditer(text)]
        self._astral_qt = [offset + k for k, offset in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        # a position inside a surrogate pair maps to the start of that character
        return position - bisect_left(self._astral_qt, position) if self._astral else position


class ReportTextView(QPlainTextEdit):
    figure_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("report_text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # always there: one that came and went with the report's length would relayout the view
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        font = self.font()
        font.setPointSize(font.pointSize() + 2)
        self.setFont(font)
        self._text = ""
        self._map = OffsetMap("")
        self._sections: list = []
        self._base: list[QTextEdit.ExtraSelection] = []  # sections + headings: fixed per report
        self._figure_selections: list[QTextEdit.ExtraSelection] = []
        self._figure_starts: list[int] = []
        self._figures: list = []
        self._flash: QTextEdit.ExtraSelection | None = None
        self._context_actions: list[QAction] = []
        self._page_marks: list[tuple[int, int]] = []  # (page number, Qt position) from page 2 on
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS, timeout=self._end_flash)

    # --- content ----------------------------------------------------------------------
    def set_report(self, text: str, sections: list, figures: list,
                   page_starts: list[int] | None = None) -> None:
        """`page_starts`: a PDF's page start offsets, marked where each page after the first begins."""
        self._text = text
        self._map = OffsetMap(text)
        self.setPlainText(text)  # plain text only: reports may contain '<' and '&'
        self._page_marks = [(number, self._map.to_qt(start))
                            for number, start in enumerate(page_starts or [], start=1) if number > 1]
        self.document().setUndoRedoEnabled(False)
        self._sections = sections
        with self._batch():
            self._base = self._section_selections(sections)
            self.set_figures(figures)

    @contextmanager
    def _batch(self):
        """Inside an edit block a cursor skips laying out text to find its x position,
        which makes placing a hundred highlight cursors several times faster."""
        guard = QTextCursor(self.document())
        guard.beginEditBlock()
        try:
            yield
        finally:
            guard.endEditBlock()

    def set_figures(self, figures: list) -> None:
        """Re-colour the figures after a review decision (the text stays as it is)."""
        self._figures = sorted(figures, key=lambda f: (f.start, f.end))
        self._figure_starts = [f.start for f in self._figures]
        with self._batch():
            self._figure_selections = [self._selection(f.start, f.end, self._figure_format(f)) for f in self._figures]
        self._apply()

    def plain_text(self) -> str:
        return self._text

    def page_marks(self) -> list[tuple[int, QRect]]:
        """(page number, where its marker goes in the viewport) for the page starts in view."""
        if not self._page_marks:
            return []
        first = self.firstVisibleBlock().position()
        last = self.cursorForPosition(QPoint(self.viewport().width(), self.viewport().height())).position()
        marks = []
        for number, position in self._page_marks:
            if first <= position <= last:
                cursor = QTextCursor(self.document())
                cursor.setPosition(position)
                marks.append((number, self.cursorRect(cursor)))
        return marks

    def paintEvent(self, event):
        super().paintEvent(event)
        marks = self.page_marks()
        if not marks:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QPen(PAGE_MARKER, 1, Qt.PenStyle.DashLine))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 0.75)
        painter.setFont(font)
        width = self.viewport().width()
        for number, rect in marks:
            # a tick where the page's text begins, a dashed rule from there and its number at the right
            painter.drawLine(rect.left(), rect.top(), rect.left(), rect.bottom())
            painter.drawLine(rect.left(), rect.top(), width, rect.top())
            label = self.tr("p. {0}").format(number)
            painter.drawText(QRect(0, rect.top(), width - 4, rect.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), label)
        painter.end()

    def _apply(self) -> None:
        extra = self._base + self._figure_selections
        if self._flash is not None:
            extra.append(self._flash)
        self.setExtraSelections(extra)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(start, end)
        selection.format = fmt
        return selection

    def _section_selections(self, sections: list) -> list:
        """Level-1 tints as extra selections; headings made bold in the document itself.

        ExtraSelections in a QPlainTextEdit can only change colours, not the font, so the
        headings' weight goes into the document's character formats (the text is untouched).
        Those formats lie under every extra selection, so a figure inside a heading keeps
        its status colour.
        """
        selections = []
        for section in sections:
            tint = theme.category_tint(section.category) if section.level == 1 else None
            if tint is not None:
                fmt = QTextCharFormat()
                fmt.setBackground(tint)
                selections.append(self._selection(section.start, section.end, fmt))
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setForeground(theme.HEADING_TEXT)
        for section in sections:
            if section.category in ("preamble", "closing", "boilerplate"):
                continue  # unheaded parts: no heading line to stand out
            line_end = self._text.find("\n", section.start)
            line_end = min(len(self._text) if line_end < 0 else line_end, section.end)
            self._cursor(section.start, heading_end(self._text, section.start, line_end)).mergeCharFormat(heading)
        return selections

    @staticmethod
    def _figure_format(figure) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(theme.status_colour(figure.status))
        if figure.status == "rejected":
            fmt.setForeground(theme.REJECTED_TEXT)
        if figure.headline:
            fmt.setForeground(theme.HEADLINE_TEXT)
        return fmt

    # --- navigation -------------------------------------------------------------------
    def show_span(self, start: int, end: int) -> None:
        """Scroll the span into the middle of the view and flash it briefly."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(min(end, len(self._text))))
        self.setTextCursor(cursor)
        self.centerCursor()
        fmt = QTextCharFormat()
        fmt.setBackground(theme.FLASH_COLOUR)
        self._flash = self._selection(start, end, fmt)
        self._apply()
        self._flash_timer.start()

    def span_area(self, start: int, end: int) -> QRect:
        """Where the text start..end shows on the screen (global coordinates), its lines whole."""
        first, last = QTextCursor(self.document()), QTextCursor(self.document())
        first.setPosition(self._map.to_qt(min(start, len(self._text))))
        last.setPosition(self._map.to_qt(min(end, len(self._text))))
        area = self.cursorRect(first).united(self.cursorRect(last))
        area.setLeft(0)
        area.setRight(self.viewport().width())
        return QRect(self.viewport().mapToGlobal(area.topLeft()), area.size())

    def _end_flash(self) -> None:
        self._flash = None
        self._apply()

    def figure_at(self, offset: int):
        index = bisect_right(self._figure_starts, offset) - 1
        while index >= 0:
            figure = self._figures[index]
            if figure.start <= offset < figure.end:
                return figure
            if offset - figure.start > 200:  # spans are short; stop looking far back
                return None
            index -= 1
        return None

    def selection_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.from_qt(cursor.selectionStart()), self._map.from_qt(cursor.selectionEnd())

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self._map.from_qt(self.cursorForPosition(event.position().toPoint()).position())
            figure = self.figure_at(offset)
            if figure is not None:
                self.figure_clicked.emit(figure.id)

    def add_context_action(self, action: QAction) -> None:
        self._context_actions.append(action)

    def contextMenuEvent(self, event):
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        for action in self._context_actions:
            menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()


class FindBar(QWidget):
    """Ctrl+F: find in the current report's text; Enter = next, Shift+Enter = previous."""

    def __init__(self, view: ReportTextView, parent=None):
        super().__init__(parent)
        self.view = view
        self.field = QLineEdit(self)
        self.field.setObjectName("find_field")
        self.field.setPlaceholderText(self.tr("Find in this report…"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self._on_return)
        self.field.textEdited.connect(lambda _text: self.find_next(from_start=True))
        previous = QToolButton(self, text="↑", toolTip=self.tr("Previous (Shift+Enter)"))
        following = QToolButton(self, text="↓", toolTip=self.tr("Next (Enter)"))
        close = QToolButton(self, text="✕", toolTip=self.tr("Close (Esc)"))
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for widget in (self.field, previous, following, close):
            layout.addWidget(widget)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def find_next(self, from_start: bool = False) -> bool:
        return self._find(QTextDocument.FindFlag(0), from_start)

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward, False)

    def _find(self, flags, from_start: bool) -> bool:
        needle = self.field.text()
        if not needle:
            return False
        if from_start:
            self.view.moveCursor(QTextCursor.MoveOperation.Start)
        found = self.view.find(needle, flags)
        if not found:  # wrap around once
            backward = bool(flags & QTextDocument.FindFlag.FindBackward)
            self.view.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = self.view.find(needle, flags)
        self.field.setStyleSheet("" if found else "background: #f8d7da;")
        return found

    def _on_return(self) -> None:
        if QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            self.find_next()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)


class TextPane(QWidget):
    """The text view with its find bar underneath."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = ReportTextView(self)
        self.find_bar = FindBar(self.view, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view)
        layout.addWidget(self.find_bar)
