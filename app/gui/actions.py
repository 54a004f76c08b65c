"""Every command of the window in one registry: id -> text, shortcut, tooltip.

Menus, the toolbar and the help dialog are built from lists of these ids, so a shortcut
is declared once and shown everywhere. Single-key review shortcuts only fire while the
metrics table or the text view has focus (see `ActionRegistry.bind_review_keys`), so
typing in a filter box or a cell editor never confirms a figure.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class ActionId(Enum):
    NEW_DATABASE = auto()
    OPEN_DATABASE = auto()
    IMPORT_FILES = auto()
    IMPORT_FOLDER = auto()
    EXPORT = auto()
    REVIEWER_NAME = auto()
    MERGE_REVIEWS = auto()
    SPLIT_REVIEWERS = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    SEARCH_ALL = auto()
    CONFIRM_NEXT = auto()
    REJECT_NEXT = auto()
    REJECT_WITH_REASON = auto()
    EDIT_VALUE = auto()
    EDIT_INDICATOR = auto()
    NEXT_FIGURE = auto()
    PREVIOUS_FIGURE = auto()
    NEXT_PENDING = auto()
    TOGGLE_HEADLINE = auto()
    ADD_FIGURE = auto()
    CONFIRM_SELECTED = auto()
    REJECT_SELECTED = auto()
    CONFIRM_ABOVE = auto()
    APPLY_TAUGHT_CUE = auto()
    SHOW_CUES = auto()
    SETTLE_FIRST = auto()
    SETTLE_SECOND = auto()
    SETTLE_THIRD = auto()
    RUN_ALL_CHECKS = auto()
    SHOW_CHARTS = auto()
    SHOW_REVIEW = auto()
    FOCUS_LIST = auto()
    FOCUS_TEXT = auto()
    FOCUS_TABLE = auto()
    FOCUS_CHECKS = auto()
    HELP_SHORTCUTS = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcuts: tuple[str, ...] = ()
    tooltip: str = ""
    review_key: bool = False  # a bare key: only live while the table or text view has focus


def _t(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def specs() -> dict[ActionId, ActionSpec]:
    """Built on call so the texts follow the installed translator."""
    A = ActionSpec
    return {
        ActionId.NEW_DATABASE: A(_t("&New Database…"), ("Ctrl+N",)),
        ActionId.OPEN_DATABASE: A(_t("&Open Database…"), ("Ctrl+O",)),
        ActionId.IMPORT_FILES: A(_t("&Import Files…"), ("Ctrl+I",), _t("Import report files (.txt, .html, .docx)")),
        ActionId.IMPORT_FOLDER: A(_t("Import &Folder…"), ("Ctrl+Shift+I",)),
        ActionId.EXPORT: A(_t("&Export Dataset…"), ("Ctrl+E",), _t("Write reviewed figures to CSV, XLSX or JSONL")),
        ActionId.REVIEWER_NAME: A(_t("Reviewer &Name…"), (), _t("The name written with every decision and export")),
        ActionId.MERGE_REVIEWS: A(_t("&Merge Reviews…"), (), _t("Merge reviewers' complete JSONL exports into this database")),
        ActionId.SPLIT_REVIEWERS: A(_t("S&plit for Reviewers…"), (), _t("Deal the reports to several reviewers, one file each")),
        ActionId.QUIT: A(_t("&Quit"), ("Ctrl+Q",)),
        ActionId.UNDO: A(_t("&Undo"), ("Ctrl+Z",)),
        ActionId.REDO: A(_t("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
        ActionId.FIND: A(_t("&Find in Text…"), ("Ctrl+F",)),
        ActionId.SEARCH_ALL: A(_t("&Search All Reports…"), ("Ctrl+Shift+F",)),
        ActionId.CONFIRM_NEXT: A(_t("&Confirm and Next"), ("C", "Space"), _t("Accept the figure as extracted"), True),
        ActionId.REJECT_NEXT: A(_t("&Reject and Next"), ("X", "R"), _t("Not a figure, or not wanted"), True),
        ActionId.REJECT_WITH_REASON: A(_t("Reject with Reason…"), ("Shift+X",), review_key=True),
        ActionId.EDIT_VALUE: A(_t("&Edit Value"), ("E", "F2"), _t("Correct the value in the table"), True),
        ActionId.EDIT_INDICATOR: A(_t("Change &Indicator"), ("I",),
                                   _t("Choose another indicator; the phrase becomes a taught cue"), True),
        ActionId.NEXT_FIGURE: A(_t("Next Figure"), ("J",), review_key=True),
        ActionId.PREVIOUS_FIGURE: A(_t("Previous Figure"), ("K",), review_key=True),
        ActionId.NEXT_PENDING: A(_t("Next &Pending Figure"), ("N",), _t("Across reports"), True),
        ActionId.TOGGLE_HEADLINE: A(_t("Toggle &Headline"), ("H",), _t("The figure the wide export uses"), True),
        ActionId.ADD_FIGURE: A(_t("&Add Figure from Selection…"), ("A",), _t("Mark a figure the extractor missed"), True),
        ActionId.CONFIRM_SELECTED: A(_t("Confirm Selected Rows"), ("Ctrl+Return",)),
        ActionId.REJECT_SELECTED: A(_t("Reject Selected Rows"), ("Ctrl+Delete",)),
        ActionId.CONFIRM_ABOVE: A(_t("Confirm All Above Confidence…"), ("Ctrl+Shift+C",)),
        ActionId.APPLY_TAUGHT_CUE: A(_t("Apply Taught Cue to Similar Figures"), ("Ctrl+Shift+A",),
                                     _t("Decide the similar pending figures as you just did, in one undo step")),
        ActionId.SHOW_CUES: A(_t("Taught &Cues…"), ("Ctrl+Shift+T",),
                              _t("The phrases your corrections taught: edit, switch off or remove them")),
        ActionId.SETTLE_FIRST: A(_t("Settle Conflict: First Reviewer"), ("1",), _t("Take the first reviewer's decision"), True),
        ActionId.SETTLE_SECOND: A(_t("Settle Conflict: Second Reviewer"), ("2",), _t("Take the second reviewer's decision"), True),
        ActionId.SETTLE_THIRD: A(_t("Settle Conflict: Third Reviewer"), ("3",), _t("Take the third reviewer's decision"), True),
        ActionId.RUN_ALL_CHECKS: A(_t("Run Checks on All Reports"), (),
                                   _t("Re-run the consistency checks of every report in the database")),
        ActionId.SHOW_REVIEW: A(_t("&Review"), ("Ctrl+1",)),
        ActionId.SHOW_CHARTS: A(_t("C&harts"), ("Ctrl+2",)),
        ActionId.FOCUS_LIST: A(_t("Go to the Report List"), ("Alt+1",)),
        ActionId.FOCUS_TEXT: A(_t("Go to the Report Text"), ("Alt+2",)),
        ActionId.FOCUS_TABLE: A(_t("Go to the Figure Table"), ("Alt+3",)),
        ActionId.FOCUS_CHECKS: A(_t("Go to the Checks"), ("Alt+4",)),
        ActionId.HELP_SHORTCUTS: A(_t("&Keyboard Shortcuts"), ("F1",)),
        ActionId.ABOUT: A(_t("&About Report Reviewer")),
    }


# None marks a separator.
# "recent" and "language" mark where those submenus go.
MENUS: list[tuple[str, list[ActionId | str | None]]] = [
    ("&File", [ActionId.NEW_DATABASE, ActionId.OPEN_DATABASE, "recent", None, ActionId.IMPORT_FILES,
               ActionId.IMPORT_FOLDER, ActionId.EXPORT, None, ActionId.REVIEWER_NAME, ActionId.SPLIT_REVIEWERS,
               ActionId.MERGE_REVIEWS, None, ActionId.QUIT]),
    ("&Edit", [ActionId.UNDO, ActionId.REDO, None, ActionId.FIND, ActionId.SEARCH_ALL]),
    ("&Review", [ActionId.CONFIRM_NEXT, ActionId.REJECT_NEXT, ActionId.REJECT_WITH_REASON,
                 ActionId.EDIT_VALUE, ActionId.EDIT_INDICATOR, ActionId.TOGGLE_HEADLINE, ActionId.ADD_FIGURE, None,
                 ActionId.NEXT_FIGURE, ActionId.PREVIOUS_FIGURE, ActionId.NEXT_PENDING, None,
                 ActionId.CONFIRM_SELECTED, ActionId.REJECT_SELECTED, ActionId.CONFIRM_ABOVE,
                 ActionId.APPLY_TAUGHT_CUE, None, ActionId.SETTLE_FIRST, ActionId.SETTLE_SECOND,
                 ActionId.SETTLE_THIRD, None, ActionId.RUN_ALL_CHECKS]),
    ("&View", [ActionId.SHOW_REVIEW, ActionId.SHOW_CHARTS, ActionId.SHOW_CUES, None, ActionId.FOCUS_LIST,
               ActionId.FOCUS_TEXT, ActionId.FOCUS_TABLE, ActionId.FOCUS_CHECKS, None, "language"]),
    ("&Help", [ActionId.HELP_SHORTCUTS, ActionId.ABOUT]),
]
TOOLBAR: list[ActionId | None] = [
    ActionId.UNDO, ActionId.REDO, None, ActionId.CONFIRM_NEXT, ActionId.REJECT_NEXT,
    ActionId.NEXT_PENDING, ActionId.TOGGLE_HEADLINE, ActionId.ADD_FIGURE, None, ActionId.SEARCH_ALL,
]


def other_keys() -> list[tuple[str, str]]:
    """Keys that are no command of their own, listed in the help after the commands."""
    return [("Tab, Shift+Tab", _t("Next / previous pane: report list, text, figure table, checks")),
            ("Esc", _t("From a filter box back to the figure table")),
            ("Up, Down", _t("Move between figures in the table"))]


def menu_title(title: str) -> str:
    return QCoreApplication.translate("menus", title)


class ActionRegistry(QObject):
    """Creates one QAction per id; `action(id)` is how the rest of the window reaches them."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._specs = specs()
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in self._specs.items():
            action = QAction(spec.text, parent)
            action.setObjectName(action_id.name.lower())
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
            if spec.tooltip:
                action.setToolTip(spec.tooltip)
                action.setStatusTip(spec.tooltip)
            if spec.review_key:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            else:
                parent.addAction(action)  # window-wide shortcut even when the menu bar is hidden
            self._actions[action_id] = action

    def action(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def bind_review_keys(self, *widgets: QWidget) -> None:
        """Let the single-key review shortcuts fire while one of these widgets has focus."""
        for action_id, spec in self._specs.items():
            if spec.review_key:
                for widget in widgets:
                    widget.addAction(self._actions[action_id])

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(keys, description) rows for the help dialog (and the README's key table), in menu order."""
        rows = []
        for _title, ids in MENUS:
            for action_id in ids:
                if isinstance(action_id, ActionId) and self._specs[action_id].shortcuts:
                    spec = self._specs[action_id]
                    keys = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                                     for k in spec.shortcuts)
                    rows.append((keys, spec.text.replace("&", "").rstrip("…")))
        return rows + other_keys()
