"""F1 lists every shortcut, and the README's key table is that same list."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication

from review_fixtures import seeded_db, seeded_template, window  # noqa: F401

from app.gui.help_dialog import HelpDialog

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_keys() -> list[tuple[str, str]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| key | action |") + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        keys, action = (cell.strip() for cell in line.strip("|").split("|"))
        rows.append((keys, action))
    return rows


def test_f1_lists_what_the_readme_lists(qtbot, window):
    shown = []

    def read_help():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HelpDialog):
            QTimer.singleShot(20, read_help)
            return
        table = dialog.table
        shown.extend((table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount()))
        dialog.reject()
    QTimer.singleShot(0, read_help)
    qtbot.keyClick(window.metrics.table, Qt.Key.Key_F1)
    assert shown and shown == readme_keys()
