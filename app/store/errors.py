"""Store errors: str() of each is one line a dialog or the command line can show as is."""
from __future__ import annotations


class StoreError(Exception):
    """Anything the store refuses or cannot do; the message is meant for the user."""


class StoreMissing(StoreError):
    """Asked to open an existing database that is not there."""


class NotADatabase(StoreError):
    """The file is not SQLite, is damaged, or belongs to another program."""


class StoreTooNew(StoreError):
    """The file was written by a newer version of the program."""


class StoreLocked(StoreError):
    """Another running copy of the program holds the database's lock file."""


class RowMissing(StoreError, LookupError):
    """A report or figure id that is not (or no longer) in the database."""


class InvalidEdit(StoreError, ValueError):
    """A write whose arguments break the codebook (unknown field, span outside the text, ...)."""


class DuplicateReport(StoreError):
    """A report with the same original bytes (sha256) is already in the database."""


class StoreWriteFailed(StoreError):
    """A write SQLite refused (disk full, locked, read-only); nothing of it was kept.

    `cause` is the short reason ("the disk is full"); str() adds that the action was not saved,
    and the importer builds its own sentence from `cause` (how many reports went in before).
    """

    def __init__(self, cause: str, not_saved: str = "the last action was not saved"):
        super().__init__(f"{cause}: {not_saved}")
        self.cause = cause


class StoreDiskFull(StoreWriteFailed):
    """The disk (or the folder's quota) is full."""


class StoreBusy(StoreWriteFailed):
    """Another program holds the database's write lock."""


class StoreReadOnly(StoreWriteFailed):
    """The database is open read-only (file, folder or lock); see Store.read_only."""
