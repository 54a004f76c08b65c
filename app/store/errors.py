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
    "cannot_read": "cannot read {path}: {reason}",
    "not_sqlite": "{path} is not a Report Reviewer database (file is not a database)",
    "too_new": "{path} was written by a newer version of Report Reviewer (database version {version}, "
               "this program reads up to {supported}); update the program",
    "other_tables": "{path} is not a Report Reviewer database (it holds other tables)",
    "not_ours": "{path} is not a Report Reviewer database ({reason})",
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
