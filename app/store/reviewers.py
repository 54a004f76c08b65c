"""Who is reviewing: the name a reviewer sets in their database, else their login name.

The name goes into every audit row (edits.who) and into every export's header, so the
merge of several reviewers' exports (merge.py) knows whose decisions it reads.
"""
from __future__ import annotations

import getpass
import json

REVIEWER_SETTING = "reviewer_name"
MAX_NAME_LENGTH = 60


def login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment
        return "unknown"


def reviewer_name(conn) -> str:
    """The name set in the settings table of this connection's database, else the login."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (REVIEWER_SETTING,)).fetchone()
    name = json.loads(row[0]) if row else None
    return name if isinstance(name, str) and name.strip() else login_name()


def clean_reviewer_name(name: str) -> str:
    """The name as stored: one line, trimmed; ValueError when empty or too long."""
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise ValueError("a reviewer name cannot be empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValueError(f"a reviewer name has at most {MAX_NAME_LENGTH} characters")
    return cleaned


def set_reviewer_name(store, name: str) -> str:
    cleaned = clean_reviewer_name(name)
    store.set_setting(REVIEWER_SETTING, cleaned)
    return cleaned
