"""The field checks of a JSONL restore (app/store/restore.py): each takes a line's value and
its field name, returns None or raises _Bad(field, problem) naming what is wrong in words."""
from __future__ import annotations

import json

from app.core.names import shown


class _Bad(Exception):
    """One field of one line is wrong: (field, problem)."""


# --- field checks: each returns None or raises _Bad ---------------------------------------
def _text(value, name, optional=False):
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise _Bad(name, f"must be text, not {_shown_value(value)}")


def _integer(value, name, low=None, high=None, optional=False):
    if value is None and optional:
        return
    if type(value) is not int:
        raise _Bad(name, f"must be a whole number, not {_shown_value(value)}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise _Bad(name, f"must be between {low} and {high}, not {value}")


def _number(value, name, low=None, high=None, optional=False):
    if value is None and optional:
        return
    if type(value) not in (int, float) or value != value or value in (float("inf"), float("-inf")):
        raise _Bad(name, f"must be a number, not {_shown_value(value)}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise _Bad(name, f"must be between {low} and {high}, not {value}")


def _choice(value, name, choices, optional=False):
    if value is None and optional:
        return
    if value not in choices:
        raise _Bad(name, f"must be one of {', '.join(choices)}, not {_shown_value(value)}")


def _flag(value, name):
    if value not in (True, False, 0, 1, None):
        raise _Bad(name, f"must be true or false, not {_shown_value(value)}")


def _shown_value(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return shown(text if len(text) <= 40 else text[:40] + "…")


def _span(record, start_name, end_name, length, optional=False):
    start, end = record.get(start_name), record.get(end_name)
    if optional and start is None and end is None:
        return
    _integer(start, start_name, 0, length)
    _integer(end, end_name, 0, length)
    if end < start:
        raise _Bad(end_name, f"({end}) must not be before {start_name} ({start})")
