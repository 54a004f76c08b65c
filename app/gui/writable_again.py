"""Notice when another program lets go of a database this window could only read.

A database held by another program opens read-only (it never waits on the lock). Rather than
leave the reviewer read-only until they reopen it, the window tries again every few seconds,
without waiting, and takes the database back writable the moment it is free.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.store.database import HELD_ELSEWHERE, open_store
from app.store.errors import StoreError

RETRY_MS = 3000


class WritableAgain(QObject):
    """Emits `freed(store)` with a writable Store holding the app lock once the database the
    watched read-only store shows is no longer held elsewhere; the receiver owns that store."""

    freed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._path: str | None = None
        self._timer = QTimer(self, interval=RETRY_MS, timeout=self._try)

    def watch(self, store) -> None:
        """Watch this store (the one now shown); only a lock held elsewhere can pass."""
        self._path = str(store.path) if store.read_only == HELD_ELSEWHERE else None
        if self._path:
            self._timer.start()
        else:
            self._timer.stop()

    def _try(self) -> None:
        try:
            store = open_store(self._path, create=False, wait=False)
        except StoreError:  # moved or damaged meanwhile: opening it again will explain
            return
        if store.read_only:
            store.close()
            return
        try:
            store.acquire_app_lock()
        except StoreError:  # another window took it first
            store.close()
            return
        self._timer.stop()
        self.freed.emit(store)
