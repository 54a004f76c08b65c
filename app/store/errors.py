"""Store errors: str() of each is one line a dialog or the command line can show as is.

An error made with `of(key, **args)` also keeps its message's key in MESSAGES and args, so
the window shows it translated from those (the CLI prints the English).
"""
from __future__ import annotations

# str.format templates of the errors opening a database; {reason} is the system's own text
MESSAGES = {
    "cannot_open": "cannot open {path}: {reason}",
    "is_folder": "{path} is a folder, not a database file",
    "missing": "{path} does not exist",
    "not_sqlite": "{path} is not a Report Reviewer database (file is not a database)",
    "too_new": "{path} was written by a newer version of Report Reviewer (database version {version}, "
               "this program reads up to {supported}); update the program",
    "other_tables": "{path} is not a Report Reviewer database (it holds other tables)",
    "lacks_columns": "{path} is not a Report Reviewer database (it lacks {missing}; it was not changed)",
    "damaged": "{path} is not a Report Reviewer database or is damaged ({reason}); it was not changed",
    "empty_file": "{path} is an empty file, not a Report Reviewer database (it was not changed)",
    "special_file": "{path} is {kind}, not a database file",
    "needs_upgrade": "{path} needs upgrading to this version of Report Reviewer, but {reason}; nothing was changed",
    "locked": "{path} is open in another running copy of Report Reviewer (process {pid})",
    "cannot_lock": "cannot create {path}: {reason}",
}


class StoreError(Exception):
    """Anything the store refuses or cannot do; the message is meant for the user."""

    message_key: str | None = None
    message_args: dict = {}

    @classmethod
    def of(cls, key: str, **args) -> "StoreError":
        error = cls(MESSAGES[key].format(**args))
        error.message_key, error.message_args = key, {name: str(value) for name, value in args.items()}
        return error


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
