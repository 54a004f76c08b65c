"""Custom item-data roles shared by our models, proxies and delegates."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt


class Role(IntEnum):
    FIGURE_ID = Qt.ItemDataRole.UserRole + 1
    REPORT_ID = Qt.ItemDataRole.UserRole + 2
    SORT = Qt.ItemDataRole.UserRole + 3  # a typed value for sorting (numbers stay numbers)
    STATUS = Qt.ItemDataRole.UserRole + 4
    FLAGGED = Qt.ItemDataRole.UserRole + 6  # a consistency check names this figure
    TAUGHT_CUE = Qt.ItemDataRole.UserRole + 20  # the taught cue's phrase that decided the indicator
