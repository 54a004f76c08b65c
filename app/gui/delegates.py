"""Cell editors for the metrics table: choices from the codebook, numbers validated as typed."""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from app.core import codebook
from app.core.model import QUALIFIERS
from app.gui.metrics_model import MAX_UNIT_LENGTH, Column, format_value, tr

# Digits (half- or full-width), one decimal point, optional thousands commas.
NUMBER_PATTERN = QRegularExpression(r"^-?[0-9０-９,，]*([.．][0-9０-９]*)?$")
UNIT_PATTERN = QRegularExpression(r"^[^0-9０-９\s]{0,%d}$" % MAX_UNIT_LENGTH)
_UNSET = object()  # an editor not filled yet


def indicator_combo(parent, with_none_text: str) -> QComboBox:
    """A combo of every codebook indicator (id shown, description as tooltip); data = id."""
    combo = QComboBox(parent)
    combo.addItem(with_none_text, None)
    for indicator in codebook.indicators():
        combo.addItem(f"{indicator.id}  ({indicator.unit})", indicator.id)
        combo.setItemData(combo.count() - 1, indicator.description, Qt.ItemDataRole.ToolTipRole)
    return combo


def qualifier_combo(parent) -> QComboBox:
    combo = QComboBox(parent)
    for qualifier in QUALIFIERS:
        combo.addItem(tr(qualifier), qualifier)
    return combo


class MetricsDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        column = Column(index.column())
        if column == Column.INDICATOR:
            return indicator_combo(parent, tr("(none)"))
        if column == Column.QUALIFIER:
            return qualifier_combo(parent)
        editor = QLineEdit(parent)
        if column == Column.VALUE:
            editor.setValidator(QRegularExpressionValidator(NUMBER_PATTERN, editor))
        elif column == Column.UNIT:
            editor.setValidator(QRegularExpressionValidator(UNIT_PATTERN, editor))
        return editor

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        # Qt calls this again on every dataChanged over an open editor's cell, whatever the
        # role (a check's row marks arriving from the background, say): only a new value may
        # replace what the reviewer is typing.
        if getattr(editor, "started_from", _UNSET) == value:
            return
        editor.started_from = value
        if isinstance(editor, QComboBox):
            position = editor.findData(value)
            editor.setCurrentIndex(max(position, 0))
        elif Column(index.column()) == Column.VALUE:
            editor.setText(format_value(value))
        else:
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            value = editor.currentData()
            model.setData(index, "" if value is None else value, Qt.ItemDataRole.EditRole)
        else:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
