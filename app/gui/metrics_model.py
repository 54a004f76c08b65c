"""The metrics table model: one row per figure of the current report.

A thin adapter over a plain list of `FigureRow`s: data() reads the list, nothing is a widget.
setData() validates what the reviewer typed and writes it through the store at once
(store.correct / set_note / set_headline); the owner then refreshes the rows from the store,
because one write can change other rows too (a headline turns the others off).
"""
from __future__ import annotations

import math
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from app.core import codebook
from app.core.model import QUALIFIERS
from app.core.numerals import typed_value
from app.gui import theme
from app.gui.i18n import interface_language
from app.core.taught_cues import parse_reason
from app.gui.cues_view import taught_icon, taught_tooltip
from app.gui.roles import Role
from app.store.conflicts import open_conflicts
from app.store.errors import StoreError
from app.store.findings import previous_year_values

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole


class Column(IntEnum):
    LABEL = 0
    VALUE = 1
    UNIT = 2
    PREVIOUS = 3  # the same agency's value for the indicator a year before; read-only
    QUALIFIER = 4
    INDICATOR = 5
    STATUS = 6
    HEADLINE = 7
    CONFIDENCE = 8
    NOTE = 9
    SECTION = 10


HEADERS = {
    Column.LABEL: "Label", Column.VALUE: "Value", Column.UNIT: "Unit", Column.PREVIOUS: "Previous year",
    Column.QUALIFIER: "Qualifier", Column.INDICATOR: "Indicator", Column.STATUS: "Status",
    Column.HEADLINE: "Headline", Column.CONFIDENCE: "Confidence", Column.NOTE: "Note", Column.SECTION: "Section",
}
# Columns showing a name or a translated word sort by what the reviewer reads, not by the id
# or the English key stored (an indicator's display name, 已确认 for confirmed).
SORTED_AS_SHOWN = {Column.QUALIFIER, Column.INDICATOR, Column.STATUS, Column.SECTION}
EDITABLE = {Column.LABEL, Column.VALUE, Column.UNIT, Column.QUALIFIER, Column.INDICATOR, Column.NOTE}
N_COLUMNS = len(Column)
FIELDS = ("label", "value", "unit", None, "qualifier", "indicator", "status", "headline", "confidence", "note",
          "section_category")  # FigureRow attribute per column, in Column order (PREVIOUS has none)
_BASE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
FLAGS = tuple(_BASE_FLAGS | (Qt.ItemFlag.ItemIsEditable if c in EDITABLE else Qt.ItemFlag.NoItemFlags)
              | (Qt.ItemFlag.ItemIsUserCheckable if c == Column.HEADLINE else Qt.ItemFlag.NoItemFlags)
              for c in Column)
CHECK = Qt.ItemDataRole.CheckStateRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DECORATION = Qt.ItemDataRole.DecorationRole
HANDLED_ROLES = frozenset(int(role) for role in (
    DISPLAY, EDIT, CHECK, BACKGROUND, FOREGROUND, ALIGNMENT, DECORATION, Qt.ItemDataRole.ToolTipRole,
    Role.FIGURE_ID, Role.STATUS, Role.SORT, Role.FLAGGED, Role.TAUGHT_CUE))
PREVIOUS_ROLES = frozenset(int(role) for role in (
    DISPLAY, EDIT, ALIGNMENT, Qt.ItemDataRole.ToolTipRole, Role.SORT))  # the rest as for any cell
CONFLICT_ROLES = frozenset(int(role) for role in (DISPLAY, BACKGROUND, Qt.ItemDataRole.ToolTipRole))
MAX_UNIT_LENGTH = 8


def decision_text(decision) -> str:
    """One reviewer's decision on a line: status, and what a kept figure says."""
    if decision.status == "rejected":
        return tr("rejected") + (f" ({decision.reject_reason})" if decision.reject_reason else "")
    name = codebook.display_name(decision.indicator, interface_language()) or tr("(no indicator)")
    return f"{tr(decision.status)} · {format_value(decision.value)} {decision.unit or ''} · {name}"


def tr(text: str) -> str:
    return QCoreApplication.translate("MetricsModel", text)


def format_value(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def parse_value(text) -> float | None:
    """A number as the reviewer typed it, read by the core's numeral code (1.2万, 三百二十, １，２３４)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text) if math.isfinite(text) else None
    return typed_value(str(text))


class MetricsModel(QAbstractTableModel):
    """Rows are FigureRow objects; `store` is where edits go."""

    write_failed = Signal(str)  # a one-line message for the status bar
    edited = Signal(int)  # report id whose figures changed through an edit in the table
    indicator_changed = Signal(int)  # figure id whose indicator the reviewer changed: it teaches a cue

    def __init__(self, store=None, parent=None):
        super().__init__(parent)
        self.store = store
        self._rows: list = []
        self._row_of: dict[int, int] = {}
        self._flags: dict[int, list[str]] = {}  # figure id -> messages of the open findings naming it
        self._previous: dict = {}  # figure id -> the same statement in the agency's previous year
        self._conflicts: dict = {}  # figure id -> the reviewers' decisions, while in conflict
        self._warning_icon = None

    # --- rows -------------------------------------------------------------------------
    def set_rows(self, figures: list) -> None:
        """Replace the rows; keeps views' selection when only the values changed."""
        same_ids = [f.id for f in figures] == [f.id for f in self._rows]
        self._conflicts = open_conflicts(self.store, figures[0].report_id) if self.store and figures else {}
        if same_ids and figures:
            self._rows = list(figures)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, N_COLUMNS - 1))
            return
        self.beginResetModel()
        self._rows = list(figures)
        self._row_of = {f.id: row for row, f in enumerate(self._rows)}
        self.endResetModel()

    def set_flags(self, flags: dict[int, list[str]]) -> None:
        """Mark the figures that open consistency-check findings name (id -> their messages)."""
        self._flags = dict(flags)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, N_COLUMNS - 1),
                                  [BACKGROUND, DECORATION, Qt.ItemDataRole.ToolTipRole, Role.FLAGGED])

    def load_previous_year(self, report_id: int | None) -> None:
        """Read the same agency's previous-year values for the report: once per report opened
        and after its agency or year changed, not per cell."""
        found = previous_year_values(self.store, report_id) if self.store and report_id is not None else {}
        if found == self._previous:
            return
        self._previous = found
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.PREVIOUS), self.index(len(self._rows) - 1, Column.PREVIOUS))

    def figures(self) -> list:
        return list(self._rows)

    def conflict_decisions(self, figure_id: int) -> list:
        """The reviewers' decisions on a figure in conflict (merge), in their order; [] if none."""
        return self._conflicts.get(figure_id, [])

    def figure_at(self, row: int):
        return self._rows[row]

    def row_of(self, figure_id: int) -> int | None:
        return self._row_of.get(figure_id)

    # --- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else N_COLUMNS

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[Column(section)])
        if role == DISPLAY and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return FLAGS[index.column()]

    def data(self, index, role=DISPLAY):
        # called thousands of times per repaint: unused roles leave first, no enum construction
        if role not in HANDLED_ROLES:
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._rows):
            return None
        figure = self._rows[row]
        if column == Column.PREVIOUS and role in PREVIOUS_ROLES:
            return self._previous_data(figure, role)
        if figure.id in self._conflicts and column == Column.STATUS and role in CONFLICT_ROLES:
            return self._conflict_data(figure, role)
        if role == DISPLAY:
            return self._display(figure, column)
        if role == EDIT:
            return getattr(figure, FIELDS[column])
        if role == CHECK and column == Column.HEADLINE:
            return Qt.CheckState.Checked if figure.headline else Qt.CheckState.Unchecked
        if role == BACKGROUND:
            if column == Column.STATUS:
                return theme.status_colour(figure.status)
            return theme.WARNING_BACKGROUND if figure.id in self._flags else None
        if role == DECORATION:
            if column == Column.INDICATOR and figure.indicator_reason:  # the marker: a taught cue decided it
                return taught_icon() if parse_reason(figure.indicator_reason) else None
            return self._warning() if column == Column.LABEL and figure.id in self._flags else None
        if role == FOREGROUND and figure.status == "rejected":
            return theme.REJECTED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.LABEL and figure.id in self._flags:
                return "\n".join(self._flags[figure.id])
            if column in (Column.INDICATOR, Column.CONFIDENCE) and figure.indicator_reason:
                return taught_tooltip(figure.indicator_reason) or self._tooltip(figure, column)
            return self._tooltip(figure, column)
        if role == ALIGNMENT and column in (Column.VALUE, Column.CONFIDENCE):
            return RIGHT_ALIGNED
        if role == Role.FIGURE_ID:
            return figure.id
        if role == Role.STATUS:
            return figure.status
        if role == Role.SORT:
            if column in SORTED_AS_SHOWN:
                return self._display(figure, column)
            return self._sort_key(figure, column)
        if role == Role.FLAGGED:
            return figure.id in self._flags
        if role == Role.TAUGHT_CUE:
            return (parse_reason(figure.indicator_reason) or {}).get("phrase")
        return None

    def _conflict_data(self, figure, role: int):
        if role == DISPLAY:
            return tr("conflict")
        if role == BACKGROUND:
            return theme.WARNING_BACKGROUND
        return "\n".join(tr("{key}  {reviewer}: {decision}").format(
            key=number, reviewer=decision.reviewer, decision=decision_text(decision))
            for number, decision in enumerate(self._conflicts[figure.id], start=1))

    def _warning(self):
        if self._warning_icon is None:  # the style exists only once the application does
            from PySide6.QtWidgets import QApplication, QStyle
            self._warning_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning_icon

    def _previous_data(self, figure, role: int):
        previous = self._previous.get(figure.id)
        if role == ALIGNMENT:
            return RIGHT_ALIGNED
        if role == Role.SORT:
            return previous.value if previous else -math.inf
        if previous is None:
            return "" if role == DISPLAY else None
        if role == DISPLAY:
            return f"{format_value(previous.value)} {previous.unit or ''}".rstrip()
        if role == EDIT:
            return previous.value
        return tr("Same agency, {year}: {file} ({status})").format(
            year=previous.report_year, file=previous.file_name, status=tr(previous.status))

    @staticmethod
    def _display(figure, column: int):
        if column == Column.VALUE:
            return format_value(figure.value)
        if column == Column.QUALIFIER:
            return tr(figure.qualifier or "exact")
        if column == Column.STATUS:
            if figure.status == "rejected" and figure.reject_reason:
                return tr("{0}: {1}").format(tr(figure.status), figure.reject_reason)
            return tr(figure.status)
        if column == Column.HEADLINE:
            return None
        if column == Column.CONFIDENCE:
            return f"{figure.confidence:.2f}"
        if column == Column.SECTION:
            return tr(figure.section_category) if figure.section_category else ""
        if column == Column.INDICATOR:
            return codebook.display_name(figure.indicator, interface_language())
        return getattr(figure, FIELDS[column]) or ""

    @staticmethod
    def _sort_key(figure, column: int):
        value = getattr(figure, FIELDS[column])
        if column in (Column.VALUE, Column.CONFIDENCE):
            return float(value) if value is not None else -math.inf
        if column == Column.HEADLINE:
            return int(bool(value))
        return str(value or "")

    @staticmethod
    def _tooltip(figure, column: Column):
        if column == Column.INDICATOR and figure.indicator:
            found = codebook.indicator(figure.indicator)
            return f"{figure.indicator}: {found.description}" if found else figure.indicator
        if column == Column.VALUE and figure.status == "corrected" and figure.x_raw is not None:
            return tr("Extracted: {raw} = {value} {unit}").format(
                raw=figure.x_raw, value=format_value(figure.x_value), unit=figure.x_unit or "")
        if column == Column.STATUS and figure.reject_reason:
            return figure.reject_reason
        return figure.raw

    # --- edits ------------------------------------------------------------------------
    def setData(self, index, value, role=EDIT):
        if not index.isValid():
            return False
        figure = self._rows[index.row()]
        column = Column(index.column())
        if role == CHECK and column == Column.HEADLINE:
            on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            return self._write(figure, lambda: self.store.set_headline(figure.id, on))
        if role != EDIT or column not in EDITABLE:
            return False
        change = self.validate(column, value)
        if change is None:
            self.write_failed.emit(tr("Not a valid {column}: {value}").format(
                column=tr(HEADERS[column]).lower(), value=value))
            return False
        if column == Column.NOTE:
            return self._write(figure, lambda: self.store.set_note(figure.id, change["note"]))
        if all(getattr(figure, key) == new for key, new in change.items()):
            return False  # nothing changed: no status change, no audit row
        written = self._write(figure, lambda: self.store.correct(figure.id, **change))
        if written and column == Column.INDICATOR:
            self.indicator_changed.emit(figure.id)
        return written

    @staticmethod
    def validate(column: Column, value) -> dict | None:
        """The store change for a typed value, or None when it is not acceptable."""
        if column == Column.VALUE:
            number = parse_value(value)
            return None if number is None else {"value": number}
        text = "" if value is None else str(value).strip()
        if column == Column.UNIT:
            ok = 0 < len(text) <= MAX_UNIT_LENGTH and not any(ch.isdigit() for ch in text)
            return {"unit": text} if ok else None
        if column == Column.QUALIFIER:
            return {"qualifier": text} if text in QUALIFIERS else None
        if column == Column.INDICATOR:
            if not text:
                return {"indicator": None}
            return {"indicator": text} if text in codebook.indicator_ids() else None
        if column == Column.LABEL:
            return {"label": text}
        if column == Column.NOTE:
            return {"note": text or None}
        return None

    def _write(self, figure, write) -> bool:
        try:
            write()
        except StoreError as error:  # its str() is one clear line for the status bar
            self.write_failed.emit(str(error))
            return False
        self._reload_report(figure.report_id)
        self.edited.emit(figure.report_id)
        return True

    def _reload_report(self, report_id: int) -> None:
        self.set_rows(self.store.figures(report_id))
        self.load_previous_year(report_id)  # a new unit or label may state something else
