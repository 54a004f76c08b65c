"""Cell editors for the metrics table: choices from the codebook, values read as typed.

A value is read by the core's own numeral code (app.core.numerals.typed_value), so 1.2万,
三百二十 and １，２３４ are what the reports write; the editor shows the number it will
store ("= 12000") while the reviewer types, and Return does nothing while it reads none.
"""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator, QValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QStyledItemDelegate

from app.core import codebook
from app.core.model import QUALIFIERS
from app.core.numerals import typed_value
from app.gui.i18n import interface_language
from app.gui.metrics_model import MAX_UNIT_LENGTH, Column, format_value, tr

VALUE_EDITOR_MIN_WIDTH = 220  # room for the typed value and its reading beside it
UNIT_PATTERN = QRegularExpression(r"^[^0-9０-９\s]{0,%d}$" % MAX_UNIT_LENGTH)
_UNSET = object()  # an editor not filled yet


class TypedValueValidator(QValidator):
    """Acceptable when the core reads a number; never Invalid, so no keystroke (万, 亿, 三)
    is dropped silently: an unreadable text stays Intermediate and the reading says so."""

    def validate(self, text, pos):
        state = QValidator.State.Acceptable if typed_value(text) is not None else QValidator.State.Intermediate
        return state, text, pos


class ValueEdit(QLineEdit):
    """A line edit for a value with its reading beside it: "= 12000", or why not."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("value_editor")
        self.setValidator(TypedValueValidator(self))
        self.reading = QLabel(self, objectName="value_reading")
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self.reading.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addStretch(1)
        layout.addWidget(self.reading)
        self.textChanged.connect(self._show_reading)
        self._show_reading(self.text())

    def _show_reading(self, text: str) -> None:
        value = typed_value(text)
        if value is not None:
            self.reading.setText("= " + format_value(value))
            self.reading.setStyleSheet("color: #2e7d32;")
        else:
            self.reading.setText(tr("not a number") if text.strip() else tr("enter a number"))
            self.reading.setStyleSheet("color: #b00020;")
        self.setTextMargins(0, 0, self.reading.sizeHint().width() + 8, 0)


def indicator_combo(parent, with_none_text: str) -> QComboBox:
    """A combo of every codebook indicator by its name in the interface language (id and
    description as tooltip); data = id."""
    language = interface_language()
    combo = QComboBox(parent)
    combo.addItem(with_none_text, None)
    for indicator in codebook.indicators():
        combo.addItem(f"{codebook.display_name(indicator.id, language)}  ({indicator.unit})", indicator.id)
        combo.setItemData(combo.count() - 1, f"{indicator.id}: {indicator.description}",
                          Qt.ItemDataRole.ToolTipRole)
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
        if column == Column.VALUE:
            return ValueEdit(parent)
        editor = QLineEdit(parent)
        if column == Column.UNIT:
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

    def updateEditorGeometry(self, editor, option, index):
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, ValueEdit) and editor.width() < VALUE_EDITOR_MIN_WIDTH:
            editor.resize(VALUE_EDITOR_MIN_WIDTH, editor.height())

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            value = editor.currentData()
            model.setData(index, "" if value is None else value, Qt.ItemDataRole.EditRole)
        else:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
