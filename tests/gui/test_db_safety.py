"""Issue 11 in the window, and issue 13 points 7-9: switching databases clears every pane, a
database that cannot be written opens read-only and says so, a failed open leaves the window
on the previous database, and a write refused by another program's lock is said in one
dialog while the window keeps showing what is stored."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from app.gui.actions import ActionId
from app.store import database
from review_fixtures import figure_on_disk, seeded_db, seeded_template, window  # noqa: F401  (fixtures)

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def boxes(qapp, monkeypatch) -> list[dict]:
    """Every message box the window would have shown, instead of blocking in exec()."""
    shown: list[dict] = []

    def capture(box):
        shown.append({"title": box.windowTitle(), "text": box.text(), "informative": box.informativeText()})
        return int(QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "exec", capture)
    return shown


class LockHolder:
    """Another process holding the database's write lock until released."""

    def __init__(self, db_path):
        self.process = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "locked"

    def release(self):
        if self.process.poll() is None:
            self.process.communicate("\n", timeout=30)


def state(window) -> dict:
    return {"title": window.windowTitle(), "store": window.store, "path": str(window.store.path),
            "text": window.text_pane.view.toPlainText(), "rows": window.metrics.model.rowCount(),
            "undo": window.registry.action(ActionId.UNDO).text(),
            "undo_enabled": window.registry.action(ActionId.UNDO).isEnabled(),
            "progress": window.progress_label.text()}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 13.7: every pane is cleared on a switch ------------------------------------------------
def test_new_database_clears_every_pane(qtbot, window, tmp_path, boxes):
    window.controller.confirm_and_next()  # something to undo in the old database
    from app.store.findings import findings, refresh_findings
    refresh_findings(window.store)
    window.checks.panel.set_findings(findings(window.store, window.controller.report_id))
    assert window.registry.action(ActionId.UNDO).isEnabled()
    window._switch_to(str(tmp_path / "new.sqlite"), create=True)
    assert window.store.path.name == "new.sqlite" and boxes == []
    assert window.text_pane.view.toPlainText() == ""
    assert window.metrics.model.rowCount() == 0 and window.outline.topLevelItemCount() == 0
    assert not window.metadata.isEnabled() and window.report_list.proxy.rowCount() == 0
    assert not window.registry.action(ActionId.UNDO).isEnabled()
    assert window.checks.panel.model.rowCount() == 0
    window.controller.confirm_and_next()  # C on the empty database: nothing to decide, no stale id
    assert not any("is not in the database" in box["text"] for box in boxes)


# --- 13.9 and 19: a failed open leaves the window entirely on the previous database --------
def test_failed_open_leaves_the_window_on_the_previous_database(qtbot, window, tmp_path, boxes):
    window.controller.confirm_and_next()
    before = state(window)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    for path in (other, empty):
        window._switch_to(str(path), create=False)
    assert [box["title"] for box in boxes] == ["Not a Report Reviewer database"] * 2
    assert "empty file" in boxes[1]["text"]
    assert state(window) == before
    assert empty.stat().st_size == 0  # a read never creates a database


def test_database_damaged_past_its_schema_leaves_the_window_as_it_was(qtbot, window, seeded_db, tmp_path, boxes):
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(seeded_db.read_bytes())
    data[4096:4096 * 4] = b"\xa5" * (4096 * 3)
    damaged.write_bytes(bytes(data))
    before = state(window)
    window._switch_to(str(damaged), create=False)
    assert len(boxes) == 1 and state(window) == before


# --- 13.8 and 10: another program holds the lock ---------------------------------------------
@pytest.fixture
def held_copy(seeded_db, tmp_path, monkeypatch):
    """(path, holder): a copy of the seeded database whose write lock another process holds."""
    import shutil
    locked = tmp_path / "locked.sqlite"
    shutil.copy(seeded_db, locked)
    holder = LockHolder(locked)
    # a wait on the lock would now take ten minutes: the test's timeout fails it, never the clock
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 600_000)
    yield locked, holder
    holder.release()


def test_database_locked_by_another_program_opens_read_only_at_once(qtbot, window, held_copy, boxes):
    locked, _holder = held_copy
    window._switch_to(str(locked), create=False)
    assert boxes == []
    assert "read-only: another program holds it" in window.windowTitle()
    assert window.read_only_label.text() == "read-only: another program holds it"
    for action_id in (ActionId.CONFIRM_NEXT, ActionId.REJECT_NEXT, ActionId.ADD_FIGURE, ActionId.IMPORT_FILES):
        assert not window.registry.action(action_id).isEnabled()
    assert window.metrics.model.rowCount() > 0  # it still shows what is there


def test_the_window_becomes_writable_when_the_other_program_lets_go(qtbot, window, held_copy, boxes):
    locked, holder = held_copy
    window._switch_to(str(locked), create=False)
    assert window.store.read_only
    window.writable_again._timer.setInterval(20)  # the retry's period is not what is tested
    second = window.store.report_ids()[1]
    window.controller.open_report(second)
    figure_id = window.metrics.current_figure_id()
    holder.release()
    qtbot.waitUntil(lambda: not window.store.read_only)
    assert "read-only" not in window.windowTitle() and not window.read_only_label.isVisible()
    assert window.registry.action(ActionId.CONFIRM_NEXT).isEnabled()
    assert (window.controller.report_id, window.metrics.current_figure_id()) == (second, figure_id)
    assert window.store.lock_path.exists() and boxes == []
    window.registry.action(ActionId.CONFIRM_NEXT).trigger()
    assert figure_on_disk(locked, figure_id)["status"] == "confirmed"


def test_a_decision_refused_by_another_programs_lock_is_said_and_not_shown_as_saved(qtbot, window, tmp_path,
                                                                                   boxes, monkeypatch):
    import shutil
    shutil.copy(window.store.path, tmp_path / "opened.sqlite")
    window._switch_to(str(tmp_path / "opened.sqlite"), create=False)  # as File > Open does
    figure_id = window.metrics.current_figure_id()
    assert figure_on_disk(window.store.path, figure_id)["status"] == "pending"
    holder = LockHolder(window.store.path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 600_000)  # as above: waiting would hang
    try:
        window.controller.confirm_and_next()
    finally:
        holder.release()
    assert len(boxes) == 1 and "in use by another program" in boxes[0]["text"]
    assert "the last action was not saved" in boxes[0]["text"]
    assert figure_on_disk(window.store.path, figure_id)["status"] == "pending"
    row = window.metrics.model.row_of(figure_id)
    assert window.metrics.model.figure_at(row).status == "pending"
    window.metrics.select_figure(figure_id)
    window.controller.confirm_and_next()  # the lock is gone: the same key works again
    assert figure_on_disk(window.store.path, figure_id)["status"] == "confirmed"


# --- 11 and 13.8: a read-only file opens read-only, leaves nothing beside it -----------------
@pytest.fixture
def read_only_db(seeded_db, tmp_path):
    """The seeded database on a tmpfs remounted read-only (root ignores permissions, not that)."""
    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)],
                      capture_output=True).returncode != 0:
        db = mount_point / "review.sqlite"
        import shutil
        shutil.copy(seeded_db, db)
        if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
            pytest.fail("neither a tmpfs mount nor chattr +i works here")
        yield db
        subprocess.run(["chattr", "-i", str(db)], check=False)
        return
    import shutil
    db = mount_point / "review.sqlite"
    shutil.copy(seeded_db, db)
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    yield db
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_read_only_database_opens_read_only_in_the_window(qtbot, window, read_only_db, boxes):
    before = digest(read_only_db)
    window._switch_to(str(read_only_db), create=False)
    assert boxes == []
    assert "read-only:" in window.windowTitle() and window.read_only_label.isVisible()
    assert not window.registry.action(ActionId.CONFIRM_NEXT).isEnabled()
    assert window.metrics.model.rowCount() > 0
    window.close()
    assert sorted(p.name for p in read_only_db.parent.iterdir()) == [read_only_db.name]
    assert digest(read_only_db) == before


# --- 1: the export dialog refuses the database as its output --------------------------------
def test_export_dialog_refuses_to_write_over_the_database(qtbot, seeded_db):
    from app.gui.export_dialog import ExportDialog
    before = digest(seeded_db)
    dialog = ExportDialog(None, str(seeded_db))
    qtbot.addWidget(dialog)
    for target in (seeded_db, seeded_db.parent / "sub" / ".." / seeded_db.name,
                   seeded_db.with_name(seeded_db.name + "-wal")):
        dialog.path_edit.setText(str(target))
        dialog.start_export()
        assert "is the database itself" in dialog.message.text() and "Nothing was written" in dialog.message.text()
        assert dialog.handle is None
    assert digest(seeded_db) == before
