"""The small dialog that completes a figure the reviewer marked in the text.

Value, unit and qualifier come pre-filled from the extractor's own parser
(app.core.figures.parse_selection), and a line says what it understood; when the selection
holds no figure the extractor would count (无一起…), nothing is pre-filled and the line says
so. The value is typed as the reports write it (1.2万, 三百二十) and read back beside it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from app.core.codebook import display_name
from app.gui.delegates import UNIT_PATTERN, ValueEdit, indicator_combo, qualifier_combo
from app.gui.i18n import interface_language
from app.gui.metrics_model import Column, MetricsModel, format_value, tr


class AddFigureDialog(QDialog):
    def __init__(self, raw: str, prefill=None, parent=None):
        super().__init__(parent)
        self.setObjectName("add_figure_dialog")
        self.setWindowTitle(self.tr("Add Figure"))
        self.raw = raw
        self.raw_label = QLabel(raw, self)
        self.raw_label.setTextFormat(Qt.TextFormat.PlainText)
        self.raw_label.setWordWrap(True)
        self.understood_label = QLabel(self._understood(prefill), self, objectName="understood")
        self.understood_label.setTextFormat(Qt.TextFormat.PlainText)
        self.understood_label.setWordWrap(True)
        self.value_edit = ValueEdit(self)
        self.value_edit.setObjectName("value")
        self.unit_edit = QLineEdit(self, objectName="unit")
        self.unit_edit.setValidator(QRegularExpressionValidator(UNIT_PATTERN, self.unit_edit))
        self.qualifier_combo = qualifier_combo(self)
        self.label_edit = QLineEdit(self, objectName="label")
        self.indicator_combo = indicator_combo(self, self.tr("(none)"))
        if prefill is not None:
            self.value_edit.setText(format_value(prefill.value))
            self.unit_edit.setText(prefill.unit or "")
            self.qualifier_combo.setCurrentIndex(max(self.qualifier_combo.findData(prefill.qualifier), 0))
            self.label_edit.setText(prefill.label or "")
            self.indicator_combo.setCurrentIndex(max(self.indicator_combo.findData(prefill.indicator), 0))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Text:"), self.raw_label)
        form.addRow(self.tr("Understood:"), self.understood_label)
        form.addRow(self.tr("Value:"), self.value_edit)
        form.addRow(self.tr("Unit:"), self.unit_edit)
        form.addRow(self.tr("Qualifier:"), self.qualifier_combo)
        form.addRow(self.tr("Label:"), self.label_edit)
        form.addRow(self.tr("Indicator:"), self.indicator_combo)
        form.addRow(self.error_label)
        form.addRow(buttons)
        (self.indicator_combo if prefill is not None else self.value_edit).setFocus()

    def _understood(self, prefill) -> str:
        if prefill is None:
            return self.tr("No figure: the selection holds no number the extractor would count. "
                           "Enter the value and unit yourself.")
        parts = [f"{format_value(prefill.value)} {prefill.unit}".strip()]
        if not prefill.unit:
            parts.append(self.tr("no unit"))
        if prefill.qualifier and prefill.qualifier != "exact":
            parts.append(tr(prefill.qualifier))
        if prefill.indicator:
            parts.append(display_name(prefill.indicator, interface_language()))
        return " · ".join(parts)

    def values(self) -> dict | None:
        """Keyword arguments for Store.add_figure (besides report, span and raw), or None if invalid."""
        value = MetricsModel.validate(Column.VALUE, self.value_edit.text())
        unit = MetricsModel.validate(Column.UNIT, self.unit_edit.text())
        if value is None or unit is None:
            return None
        return {**value, **unit, "qualifier": self.qualifier_combo.currentData(),
                "label": self.label_edit.text().strip(), "indicator": self.indicator_combo.currentData()}

    def accept(self) -> None:
        if self.values() is None:
            self.error_label.setText(
                self.tr("Enter a value such as 12, 1.2万 or 三百二十 and a unit such as 件 or %."))
            return
        super().accept()
