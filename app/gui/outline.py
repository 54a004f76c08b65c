"""The section outline of the current report; activating a section jumps the text there."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from app.core.sections import heading_end
from app.gui import theme

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
# unheaded parts have no title of their own: name them for the reader
UNHEADED = {"preamble": "(opening)", "closing": "(signature and date)", "boilerplate": "(web page text)"}


class OutlineTree(QTreeWidget):
    """A few dozen headings per report: a QTreeWidget is the simple fit (not database rows)."""

    section_activated = Signal(int, int)  # start, end

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        # Scroll bars that come and go with each report's length relayout the pane (and repaint
        # it twice) on every switch: the vertical one stays, long headings are cut with "…"
        # (their tooltip has them whole) instead of scrolling sideways.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)

    def set_sections(self, sections: list) -> None:
        self.clear()
        parents: dict[int, QTreeWidgetItem] = {}
        for section in sorted(sections, key=lambda s: (s.start, s.level)):
            title = section.title[:heading_end(section.title, 0, len(section.title))]  # not a run-in body
            if section.category in UNHEADED:
                title = QCoreApplication.translate("OutlineTree", UNHEADED[section.category])
            parent = next((parents[level] for level in range(section.level - 1, 0, -1) if level in parents), None)
            item = QTreeWidgetItem(parent if parent is not None else self, [title])
            item.setData(0, SPAN_ROLE, (section.start, section.end))
            item.setToolTip(0, section.title)
            tint = theme.category_tint(section.category) if section.level == 1 else None
            if tint is not None:
                item.setBackground(0, tint)
            if section.category in UNHEADED:
                item.setForeground(0, theme.REJECTED_TEXT)
            parents[section.level] = item
            for deeper in [level for level in parents if level > section.level]:
                del parents[deeper]
        self.expandAll()

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        start, end = item.data(0, SPAN_ROLE)
        self.section_activated.emit(start, end)
