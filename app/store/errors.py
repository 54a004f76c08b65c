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
