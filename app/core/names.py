"""File names as the user may be shown them: one line, no terminal control, any bytes readable.

A name is data from the user's disk: a newline in it would forge an output line, an ESC
sequence would drive the terminal, and a name that is not UTF-8 (GBK names from a Chinese
Windows zip) arrives from the OS as surrogate escapes that no UTF-8 writer accepts.
"""
from __future__ import annotations

import os
import re

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def readable_name(name: str | os.PathLike) -> str:
    """The name as stored text: undecodable bytes read as GB18030 when that is clean, else
    kept as \\xNN escapes; valid names unchanged."""
    text = os.fspath(name)
    if not re.search("[\ud800-\udfff]", text):
        return text
    raw = os.fsencode(text)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace")


def shown(name: str | os.PathLike) -> str:
    """The name for a message: readable, with control characters written as escapes."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), readable_name(name))
