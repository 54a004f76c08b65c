"""View > Language says that the change needs a restart and offers one (issue 13.12)."""
from __future__ import annotations

from PySide6.QtCore import QProcess, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from review_fixtures import open_window, seeded_db, seeded_template, temp_settings  # noqa: F401

from app.gui import main_window


def choose_language(window, name: str, answer: str) -> list[str]:
    """Pick the language in the View menu; press `answer` in the dialog; return its text."""
    seen = []

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == answer).click()
    QTimer.singleShot(0, press)
    action = next(a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions() if a.text() == name)
    action.trigger()
    return seen


def test_later_keeps_the_choice_and_says_when(qtbot, seeded_db, tmp_path):
    settings = temp_settings(tmp_path)
    window = open_window(qtbot, seeded_db, settings)
    seen = choose_language(window, "简体中文", "Later")
    assert seen and "restart" in seen[0]
    assert settings.language == "zh_CN"
    assert "starts next" in window.statusBar().currentMessage()
    window.close()


def test_restart_now_closes_and_starts_the_program_again(qtbot, seeded_db, tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda *args: started.append(args) or True)
    settings = temp_settings(tmp_path)
    window = open_window(qtbot, seeded_db, settings)
    choose_language(window, "English", "Restart Now")
    assert settings.language == "en"
    assert window.store is None  # closed: the database released for the new process
    program, arguments = main_window.restart_command()
    assert started and started[0][0] == program and started[0][1] == arguments
