"""The report list's filter and sort columns as numpy arrays, with no Python object per report.

Every report's filter text comes from the store as one string, is lower-cased and kept as one
array of code points: a typed word is found by comparing that array with the word's
characters, a few ms for 100,000 reports. Sort keys come as one number per report (text keys
as their rank among the texts) and are ranked when sorted by. Reading them costs seconds at
100,000 reports, so the window reads them on a worker thread as soon as it lists the reports
(`read_list_columns` with the worker's own Store); no Qt here.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np

from app.store.report_list import REPORT_SEPARATOR, SORT_KEYS

FILTER = "filter_text"
ALL_COLUMNS = (FILTER, *SORT_KEYS)
LOWER_SLICE = 1 << 18  # characters lower-cased at a time: a worker thread never holds the GIL long


class FilterTexts:
    """Every report's filter text, lower-cased, for finding typed words in all of them at once."""

    def __init__(self, ids: np.ndarray, joined: str, base: np.ndarray):
        self.codes = _code_points(joined)
        self.separators = np.flatnonzero(self.codes == ord(REPORT_SEPARATOR))  # report i ends at [i]
        self.to_base = _rows_in(base, ids)
        self.n_base = len(base)

    def holding(self, word: str) -> np.ndarray:
        """Which of the list's reports (in its own order) hold `word` (lower case, no white space)."""
        found = np.zeros(self.n_base, dtype=bool)
        points = [ord(char) for char in word]
        if not points or max(points) > np.iinfo(self.codes.dtype).max:
            return found
        codes, span = self.codes, len(points)
        starts = np.flatnonzero(codes[:len(codes) - span + 1] == points[0])
        for offset, point in enumerate(points[1:], start=1):
            starts = starts[codes[starts + offset] == point]
        rows = self.to_base[np.searchsorted(self.separators, starts)]
        found[rows[rows >= 0]] = True
        return found


def read_list_columns(store, base: np.ndarray, names: Iterable[str]) -> dict:
    """The named columns (FILTER or SORT_KEYS) in the order of `base`, the list's ids; a report
    another program added since `base` was read is left out, one it removed is missing."""
    return {name: FilterTexts(*store.list_filter_texts(), base) if name == FILTER
            else _aligned(*store.list_sort_values(name), base) for name in names}


def read_list_columns_in_worker(db_path: str, base: np.ndarray) -> dict:
    """Runs on a worker thread: its own connection, reads only (WAL lets it read beside the UI's)."""
    from app.store.database import open_store
    store = open_store(db_path, create=False)
    try:
        return read_list_columns(store, base, ALL_COLUMNS)
    finally:
        store.close()


def sort_ranks(values: np.ndarray) -> np.ndarray:
    """Each value's rank among the distinct values, missing (NaN) last."""
    return np.unique(values, return_inverse=True)[1].astype(np.int64)


def _code_points(text: str) -> np.ndarray:
    """The lower-cased text's characters as numbers, two bytes each when they all fit."""
    parts = [np.frombuffer(text[first:first + LOWER_SLICE].lower().encode("utf-32-le"), dtype="<u4")
             for first in range(0, len(text), LOWER_SLICE)]
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype="<u4")
    return codes.astype(np.uint16) if not len(codes) or codes.max() <= 0xFFFF else codes


def _rows_in(base: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """For each id, its row in `base` (-1: not listed)."""
    if np.array_equal(ids, base):
        return np.arange(len(ids))
    if not len(base):
        return np.full(len(ids), -1)
    order = np.argsort(base, kind="stable")
    rows = order[np.searchsorted(base, ids, sorter=order).clip(0, len(base) - 1)]
    return np.where(base[rows] == ids, rows, -1)


def _aligned(ids: np.ndarray, values: np.ndarray, base: np.ndarray) -> np.ndarray:
    """values (in the order of ids) in the order of base, NaN where base has an id ids lack."""
    if np.array_equal(ids, base):
        return values
    out = np.full(len(base), np.nan)
    rows = _rows_in(base, ids)
    out[rows[rows >= 0]] = values[rows >= 0]
    return out
