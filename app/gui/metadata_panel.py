"""The current report's metadata, editable, with its encoding and any decode warning.

Each field is written through store.update_metadata as soon as the reviewer leaves it
(one field, one undo step); a value that does not parse is put back and explained.
Beside the region, the gazetteer's matches for it (浙江省 湖州市 德清县 330521): a region edit
that matches one division takes its province, city, county and code with it; when several
match (鼓楼区), the reviewer picks one (one undo step for the five fields).
"""
from __future__ import annotations

import datetime

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QLabel, QLineEdit, QWidget

from app.core.gazetteer import Division, gazetteer
from app.core.model import DOC_TYPES, LEVELS
from app.core.regions import region_matches
from app.gui import theme
from app.gui.import_dialog import decode_warning_text, file_message
from app.store.errors import StoreError

YEAR_RANGE = (1949, 2100)
OVERRIDE_ENCODINGS = ("utf-8", "gb18030", "big5hkscs", "utf-16")


class MetadataPanel(QWidget):
    metadata_changed = Signal(int)  # report id
    text_changed = Signal(int)  # report id: re-decoded with another encoding, text and figures new
    message = Signal(str)  # one line for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("metadata_panel")
        self.store = None
        self._report = None
        self.title_edit = self._line("title")
        self.agency_edit = self._line("agency")
        self.region_edit = self._line("region")
        self.division_combo = QComboBox(self, objectName="division")
        self.division_combo.setToolTip(self.tr("The gazetteer's divisions for this region: pick the one meant"))
        self.division_combo.activated.connect(self._pick_division)
        self.year_edit = self._line("report_year")
        self.year_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,4}$"), self.year_edit))
        self.date_edit = self._line("publish_date")
        self.date_edit.setPlaceholderText("yyyy-mm-dd")
        self.date_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("2025-03-25") + 16)
        self.level_combo = self._combo("level", LEVELS)
        self.type_combo = self._combo("doc_type", DOC_TYPES)
        self.encoding_label = QLabel(self)
        self.encoding_label.setObjectName("encoding_label")
        self.encoding_combo = QComboBox(self, objectName="encoding_override")
        self.encoding_combo.addItem(self.tr("Re-read as…"), None)
        for encoding in OVERRIDE_ENCODINGS:
            self.encoding_combo.addItem(encoding, encoding)
        self.encoding_combo.setToolTip(self.tr("Decode the original file again with another encoding; "
                                               "reviewed figures are kept"))
        self.encoding_combo.activated.connect(self._override_encoding)
        self.year_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("2024") + 16)
        self.warning_banner = QLabel(self)
        self.warning_banner.setObjectName("warning_banner")
        self.warning_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_banner.setWordWrap(True)
        self.warning_banner.setStyleSheet(
            f"background: {theme.WARNING_BACKGROUND.name()}; padding: 3px; border-radius: 3px;")
        self.warning_banner.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        rows = [
            [(self.tr("Title"), self.title_edit, 7)],
            [(self.tr("Agency"), self.agency_edit, 4), (self.tr("Region"), self.region_edit, 2)],
            [(self.tr("Division"), self.division_combo, 7)],
            [(self.tr("Level"), self.level_combo, 1), (self.tr("Year"), self.year_edit, 1),
             (self.tr("Date"), self.date_edit, 1), (self.tr("Type"), self.type_combo, 1)],
        ]
        for row, fields in enumerate(rows):
            column = 0
            for caption, widget, span in fields:
                grid.addWidget(QLabel(caption, self), row, column)
                grid.addWidget(widget, row, column + 1, 1, span)
                column += 1 + span
        grid.addWidget(self.encoding_label, 3, 8)
        grid.addWidget(self.encoding_combo, 1, 8)
        grid.addWidget(self.warning_banner, 4, 0, 1, 9)
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)
        self.setEnabled(False)

    def _line(self, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.editingFinished.connect(lambda: self._commit(field, edit.text()))
        return edit

    def _combo(self, field: str, choices: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(field)
        combo.addItem("—", None)
        for choice in choices:
            combo.addItem(self.tr(choice), choice)
        combo.activated.connect(lambda _i: self._commit(field, combo.currentData()))
        return combo

    def set_report(self, report) -> None:
        self._report = report
        self.setEnabled(report is not None)
        if report is None:
            return
        self.title_edit.setText(report.title or "")
        self.agency_edit.setText(report.agency or "")
        self.region_edit.setText(report.region or "")
        self.year_edit.setText("" if report.report_year is None else str(report.report_year))
        self.date_edit.setText(report.publish_date or "")
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(report.level), 0))
        self._show_divisions(report)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(report.doc_type), 0))
        overridden = self.tr(" (chosen by hand)") if report.encoding_overridden else ""
        self.encoding_label.setText(self.tr("Encoding: {0}{1}").format(report.encoding, overridden))
        self.encoding_label.setToolTip(self.tr("Detection confidence {0:.2f}").format(report.encoding_confidence))
        self.warning_banner.setText("⚠ " + decode_warning_text(report))
        self.warning_banner.setVisible(bool(report.decode_warning))

    def _show_divisions(self, report) -> None:
        """The gazetteer's matches for the region, the report's own division selected."""
        if self.region_edit.completer() is None:  # the gazetteer loads with the first report shown
            names = sorted({d.name for d in gazetteer().divisions()})
            self.region_edit.setCompleter(QCompleter(names, self.region_edit))
        matches = region_matches(report.region, report.text)
        if report.division_code and report.division_code not in [d.code for d in matches]:
            own = gazetteer().get(report.division_code)
            matches = ([own] if own else []) + matches
        self.division_combo.clear()
        if not matches:
            first = self.tr("— no match —")
        elif len(matches) > 1 and not report.division_code:
            first = self.tr("— {0} matches: pick one —").format(len(matches))
        else:
            first = self.tr("— no division —")
        self.division_combo.addItem(first, None)
        for division in matches:
            self.division_combo.addItem(f"{division.full_name} {division.code}", division.code)
        self.division_combo.setCurrentIndex(max(self.division_combo.findData(report.division_code), 0))

    def _pick_division(self, _index: int) -> None:
        code = self.division_combo.currentData()
        self._set_division(gazetteer().get(code) if code else None)

    def _set_division(self, division: Division | None) -> None:
        """province, city, county, code and level of the division, in one step."""
        if self._report is None or self.store is None:
            return
        names = {d.kind: d.name for d in division.path()} if division else {}
        fields = {"province": names.get("province"), "city": names.get("city"), "county": names.get("area"),
                  "division_code": division.code if division else None}
        if division:
            fields["level"] = division.level
        if all(getattr(self._report, name) == value for name, value in fields.items()):
            return
        try:
            self.store.update_metadata(self._report.id, **fields)
        except StoreError as error:
            self.message.emit(str(error))
            return
        self._report = self.store.report(self._report.id)
        self.set_report(self._report)
        self.metadata_changed.emit(self._report.id)

    def _commit(self, field: str, raw) -> None:
        if self._report is None or self.store is None:
            return
        value = self._parse(field, raw)
        if value is _INVALID:
            self.set_report(self._report)  # put the stored value back
            return
        if getattr(self._report, field) == value:
            return
        try:
            self.store.update_metadata(self._report.id, **{field: value})
        except StoreError as error:  # its str() is one clear line for the status bar
            self.message.emit(str(error))
            self.set_report(self._report)
            return
        self._report = self.store.report(self._report.id)
        if field == "region":
            self._show_divisions(self._report)
            matches = region_matches(value, self._report.text)
            if len(matches) == 1:  # one division meant: take it along (several: the reviewer picks)
                self._set_division(matches[0])
                return
            if self._report.division_code and self._report.division_code not in [d.code for d in matches]:
                self._set_division(None)  # the old division is no longer the region's
                return
        self.metadata_changed.emit(self._report.id)

    def _override_encoding(self, _index: int) -> None:
        encoding = self.encoding_combo.currentData()
        self.encoding_combo.setCurrentIndex(0)
        if encoding is None or self._report is None or self.store is None:
            return
        try:
            self.store.override_encoding(self._report.id, encoding)
        except StoreError as error:
            self.message.emit(file_message(str(error)))
            return
        self.text_changed.emit(self._report.id)

    def _parse(self, field: str, raw):
        text = (raw or "").strip() if isinstance(raw, str) or raw is None else raw
        if field == "report_year":
            if not text:
                return None
            year = int(text)
            if YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
                return year
            self.message.emit(self.tr("A report year must lie between {0} and {1}.").format(*YEAR_RANGE))
            return _INVALID
        if field == "publish_date" and text:
            try:
                return datetime.date.fromisoformat(text).isoformat()
            except ValueError:
                self.message.emit(self.tr("Write the date as yyyy-mm-dd, e.g. 2025-03-25."))
                return _INVALID
        return text or None


_INVALID = object()
