"""The taught cues in the window: the table's marker, the offer to apply a fresh cue, the Cues view.

A cue is taught when the reviewer changes a figure's indicator or rejects it (app.store.cues).
Right after that, `CueOfferBar` offers to decide the similar pending figures of the database
the same way, as one undo step. `CuesDialog` lists every cue (phrase, decision, figures
decided, taught by, when, from which report) where a phrase or decision is edited, a cue
switched off or removed. Indicators show by their codebook display names.
"""
from __future__ import annotations

from enum import IntEnum
from functools import lru_cache

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QStyledItemDelegate, QTableView, QToolButton, QVBoxLayout,
)

from app.core import codebook
from app.core.taught_cues import NO_INDICATOR, NOT_A_FIGURE, parse_reason
from app.store.errors import StoreError

MARKER_COLOUR = QColor("#1f8a70")
DISPLAY, EDIT, CHECK = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole


def tr(text: str) -> str:
    return QCoreApplication.translate("cues_view", text)


def interface_language() -> str:
    """"zh_CN" while the Chinese translation is installed, else "en" (its translators say so)."""
    return tr("language:en").split(":", 1)[-1]


def decision_text(decision: str | None, language: str | None = None) -> str:
    if decision == NO_INDICATOR:
        return tr("(no indicator)")
    if decision == NOT_A_FIGURE:
        return tr("(not a figure)")
    return codebook.display_name(decision, language or interface_language())


def taught_tooltip(reason: str | None) -> str | None:
    """What the table says of a figure a taught cue decided; None for any other figure."""
    parsed = parse_reason(reason)
    if parsed is None:
        return None
    return tr("Decided by the taught cue “{phrase}” (taught by {who} from figure {figure}), "
              "before the built-in cues; confidence raised to match").format(
        phrase=parsed["phrase"], who=parsed["who"], figure=parsed["figure_id"])


@lru_cache(maxsize=1)
def taught_icon() -> QIcon:
    """A small green dot: this figure's indicator comes from a taught cue."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(MARKER_COLOUR)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class CueOfferBar(QFrame):
    """"Taught cue … → …  [Apply to 14 similar pending figures] [×]", shown after a teaching."""

    apply_requested = Signal(str)  # the cue's key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cue_offer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#cue_offer { background: #e6f4ef; }")
        self.key: str | None = None
        self.count = 0
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.apply_button = QPushButton(self, objectName="cue_offer_apply")
        self.apply_button.clicked.connect(self.accept)
        close = QToolButton(self, text="×", objectName="cue_offer_dismiss")
        close.setToolTip(tr("Not now"))
        close.clicked.connect(self.withdraw)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 3, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.apply_button)
        layout.addWidget(close)
        self.hide()

    def consider(self, store, figure_id: int) -> bool:
        """Offer the cue a just-reviewed figure teaches, if it would decide pending figures."""
        try:
            offer = store.cue_offer(figure_id)
        except StoreError:
            offer = None
        if offer is None:
            return False
        cue, similar = offer
        self.key, self.count = cue.key, len(similar)
        self.label.setText(tr("Taught cue “{phrase}” → {decision}").format(
            phrase=cue.phrase, decision=decision_text(cue.decision)))
        self.apply_button.setText(tr("Apply to {0} similar pending figures").format(self.count))
        self.show()
        return True

    def accept(self) -> None:
        if self.key is not None and self.isVisible():
            key = self.key
            self.withdraw()
            self.apply_requested.emit(key)

    def withdraw(self) -> None:
        self.key, self.count = None, 0
        self.hide()


class CueColumn(IntEnum):
    ENABLED = 0
    PHRASE = 1
    DECISION = 2
    DECIDED = 3
    TAUGHT_BY = 4
    WHEN = 5
    SOURCE = 6


HEADERS = {CueColumn.ENABLED: "On", CueColumn.PHRASE: "Phrase", CueColumn.DECISION: "Decision",
           CueColumn.DECIDED: "Figures decided", CueColumn.TAUGHT_BY: "Taught by", CueColumn.WHEN: "When",
           CueColumn.SOURCE: "Taught from"}


class CuesModel(QAbstractTableModel):
    """Rows are app.store.cues.CueRow; edits go to the store at once, then the rows are re-read."""

    write_failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.store = None
        self._rows: list = []

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.store.taught_cue_rows() if self.store is not None else []
        self.endResetModel()

    def cue_at(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(CueColumn)

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[CueColumn(section)])
        return None

    def flags(self, index):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CueColumn.ENABLED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (CueColumn.PHRASE, CueColumn.DECISION):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        cue, column = self._rows[index.row()], index.column()
        if role == CHECK and column == CueColumn.ENABLED:
            return Qt.CheckState.Checked if cue.enabled else Qt.CheckState.Unchecked
        if role == EDIT:
            return {CueColumn.PHRASE: cue.phrase, CueColumn.DECISION: cue.decision}.get(column)
        if role == Qt.ItemDataRole.ForegroundRole and not cue.enabled:
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.ToolTipRole and column == CueColumn.PHRASE and cue.phrase != cue.key:
            return tr("Taught as “{0}”").format(cue.key)
        if role == Qt.ItemDataRole.ToolTipRole and column == CueColumn.SOURCE:
            return tr("Double-click to show this figure")
        if role != DISPLAY:
            return None
        return {CueColumn.PHRASE: cue.phrase, CueColumn.DECISION: decision_text(cue.decision),
                CueColumn.DECIDED: str(cue.n_taught + cue.n_decided), CueColumn.TAUGHT_BY: cue.taught_by,
                CueColumn.WHEN: cue.taught_at[:16].replace("T", " "),
                CueColumn.SOURCE: tr("{file}, figure {figure}").format(file=cue.file_name, figure=cue.figure_id),
                }.get(column)

    def setData(self, index, value, role=EDIT):
        if not index.isValid() or self.store is None:
            return False
        cue, column = self._rows[index.row()], index.column()
        if role == CHECK and column == CueColumn.ENABLED:
            on = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
            return self._write(lambda: self.store.set_cue_enabled(cue.key, on))
        if role != EDIT or column not in (CueColumn.PHRASE, CueColumn.DECISION):
            return False
        if column == CueColumn.PHRASE:
            return self._write(lambda: self.store.edit_cue(cue.key, phrase=str(value)))
        return self._write(lambda: self.store.edit_cue(cue.key, decision=str(value)))

    def remove(self, row: int) -> None:
        key = self._rows[row].key
        self._write(lambda: self.store.remove_cue(key))

    def _write(self, write) -> bool:
        try:
            write()
        except StoreError as error:
            self.write_failed.emit(str(error))
            return False
        self.reload()
        return True


class DecisionDelegate(QStyledItemDelegate):
    """The decision column's editor: every indicator by its display name, or none, or not a figure."""

    def createEditor(self, parent, option, index):
        if index.column() != CueColumn.DECISION:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for decision in (NO_INDICATOR, NOT_A_FIGURE):
            combo.addItem(decision_text(decision), decision)
        for indicator in codebook.indicators():
            combo.addItem(decision_text(indicator.id), indicator.id)
            combo.setItemData(combo.count() - 1, indicator.description, Qt.ItemDataRole.ToolTipRole)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(EDIT))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), EDIT)
        else:
            super().setModelData(editor, model, index)


class CuesDialog(QDialog):
    """The Cues view: not modal, so the reviewer keeps reviewing beside it."""

    message = Signal(str)
    figure_activated = Signal(int)  # show the figure a cue was taught from

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cues_dialog")
        self.setWindowTitle(tr("Taught Cues"))
        self.model = CuesModel(self)
        self.model.write_failed.connect(self.message)
        self.table = QTableView(self, objectName="cues_table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(DecisionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._activated)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(tr("A cue is taught when you change a figure's indicator or reject it. Imports into this "
                         "database use the cues before the built-in ones. Double-click a phrase or decision "
                         "to edit it."), self)
        note.setWordWrap(True)
        self.remove_button = QPushButton(tr("&Remove Cue"), self, objectName="cues_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def set_store(self, store) -> None:
        self.model.store = store
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        self.remove_button.setEnabled(self.model.rowCount() > 0)

    def _activated(self, index) -> None:
        if index.column() == CueColumn.SOURCE:
            self.figure_activated.emit(self.model.cue_at(index.row()).figure_id)

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove(rows[0].row())
            self.remove_button.setEnabled(self.model.rowCount() > 0)
