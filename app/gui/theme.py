"""Colours for review states and section categories, in one place.

The text view, the metrics table and the report list all take their colours from here,
so a figure looks the same wherever it appears.
"""
from __future__ import annotations

from PySide6.QtGui import QColor

# Figure highlight by review state: pending stands out most, reviewed ones quieten down.
STATUS_COLOURS = {
    "pending": QColor("#ffe08a"),
    "confirmed": QColor("#b7e4b0"),
    "corrected": QColor("#a8d4f5"),
    "rejected": QColor("#e3e3e3"),
    "added": QColor("#d9c2f0"),
}

# Light tints for level-1 sections, so the reader sees where a figure sits.
CATEGORY_TINTS = {
    "measures": QColor("#f3f9f1"),
    "responsibility": QColor("#f1f5fb"),
    "problems": QColor("#fdf2f0"),
    "plans": QColor("#f6f2fb"),
    "other": QColor("#f7f7f2"),
    "preamble": QColor("#fafafa"),
    "closing": QColor("#fafafa"),
    "boilerplate": QColor("#eeeeee"),
}

FLASH_COLOUR = QColor("#ff9f43")
REJECTED_TEXT = QColor("#8a8a8a")
HEADLINE_TEXT = QColor("#b00020")  # the figure the wide export takes for its indicator
HEADING_TEXT = QColor("#1a3d7c")
WARNING_BACKGROUND = QColor("#fff3cd")


def status_colour(status: str) -> QColor:
    return STATUS_COLOURS.get(status, STATUS_COLOURS["pending"])


def category_tint(category: str | None) -> QColor | None:
    return CATEGORY_TINTS.get(category or "")


def progress_mark(n_reviewed: int, n_figures: int) -> str:
    """A one-character summary of a report's review state for the list."""
    if n_figures == 0:
        return "·"
    if n_reviewed >= n_figures:
        return "✔"
    if n_reviewed == 0:
        return "○"
    return "◐"
