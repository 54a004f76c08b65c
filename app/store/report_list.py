"""The report list's reads: its reports' ids in the list's order, the columns it filters and
sorts by (each in one query, as one joined string), and its rows a page at a time, so the
window never holds a Python object per report (100,000 reports as list rows cost seconds
and hundreds of MB) and never reads the reports' rows (each carries its text) to list them.

Every read here goes through a covering index (schema): `reports_list`, whose first columns
are the list's own order (reports.LIST_ORDER), or for a page of rows `reports_by_id`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from app.core.model import LEVELS
from app.store.reports import LIST_ORDER
from app.store.rows import ReportSummary

if TYPE_CHECKING:
    import numpy as np

SUMMARY_COLUMNS = ("id, file_name, title, agency, region, level, province, report_year, n_figures, "
                   "n_reviewed, decode_warning IS NOT NULL")  # the ReportSummary field order
LISTED = ("SELECT id, agency, region, province, level, title, file_name, report_year, n_figures, n_reviewed"
          f" FROM reports INDEXED BY reports_list ORDER BY {LIST_ORDER}")
# What the list filters by, per report: every part the filter box matches as one string (a
# typed word, never holding white space, is in it exactly when it is in one of the parts).
FILTER_TEXT = ("coalesce(agency, '') || char(10) || coalesce(region, '') || char(10) || coalesce(province, '')"
               " || char(10) || coalesce(level, '') || char(10) || coalesce(title, '') || char(10) || file_name"
               " || char(10) || coalesce(report_year, '')")
# Between two reports' filter texts: str.split() splits at it, so no typed word can hold it.
REPORT_SEPARATOR = "\x1f"
# What the list sorts by, per report, as a number (NULL: missing). Text keys are their dense
# rank among the texts: SQLite compares text by its UTF-8 bytes, which is Python's code-point order.
_AGENCY_SHOWN = "coalesce(nullif(agency, ''), nullif(title, ''), nullif(file_name, ''), '')"  # as the list shows it
SORT_VALUES = {
    "agency": f"dense_rank() OVER (ORDER BY {_AGENCY_SHOWN})",
    "province": "CASE WHEN province IS NOT NULL THEN dense_rank() OVER (PARTITION BY province IS NULL"
                " ORDER BY province) END",
    "level": "CASE level " + " ".join(f"WHEN '{code}' THEN {rank}" for rank, code in enumerate(LEVELS)) + " END",
    "year": "report_year",
    "progress": "CASE WHEN n_figures THEN CAST(n_reviewed AS REAL) / n_figures ELSE 1.0 END",
}


# What the window's report list sorts by, in the order of its columns (app/gui/report_list.py)
SORT_KEYS = tuple(SORT_VALUES)


class ReportListMixin:
    def listed_ids(self) -> "np.ndarray":
        """Every report's id in the list's order (group_concat: one string, not 100,000 rows)."""
        return _id_array(self.conn.execute(f"SELECT group_concat(id) FROM ({LISTED})").fetchone()[0])

    def list_filter_texts(self) -> tuple["np.ndarray", str]:
        """(ids, every report's filter text joined by REPORT_SEPARATOR), both in the list's
        order: two values for 100,000 reports, not a Python string each."""
        ids, texts = self.conn.execute(
            f"SELECT group_concat(id), group_concat(replace({FILTER_TEXT}, ?, ' '), ?)"
            f" FROM ({LISTED})", (REPORT_SEPARATOR, REPORT_SEPARATOR)).fetchone()
        return _id_array(ids), texts or ""

    def list_sort_values(self, name: str) -> tuple["np.ndarray", "np.ndarray"]:
        """(ids, each report's SORT_VALUES[name] as a float, NaN when missing), in the list's order."""
        import numpy as np
        ids, values = self.conn.execute(
            f"SELECT group_concat(id), group_concat(coalesce(value, 'nan'))"
            f" FROM (SELECT id, {SORT_VALUES[name]} AS value FROM reports ORDER BY {LIST_ORDER})").fetchone()
        return _id_array(ids), np.array(values.split(",") if values else [], dtype=np.float64)

    def report_summaries(self, ids: Sequence[int]) -> dict[int, ReportSummary]:
        """The list's rows of these reports, by id (a page of the list at a time)."""
        found: dict[int, ReportSummary] = {}
        for first in range(0, len(ids), 500):  # under SQLite's limit on variables
            page = [int(report_id) for report_id in ids[first:first + 500]]
            for row in self.conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM reports INDEXED BY reports_by_id"
                                         f" WHERE id IN ({', '.join('?' * len(page))})", page):
                found[row[0]] = ReportSummary(*row[:-1], bool(row[-1]))
        return found

    def has_report(self, report_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone() is not None

    def review_totals(self) -> tuple[int, int, int]:
        """(reports, figures, reviewed figures) from the reports' kept counts: the status bar's
        numbers without counting every figure (3 million at 100,000 reports)."""
        reports, figures, reviewed = self.conn.execute(
            "SELECT count(*), coalesce(sum(n_figures), 0), coalesce(sum(n_reviewed), 0)"
            " FROM reports INDEXED BY reports_list").fetchone()
        return reports, figures, reviewed


def _id_array(joined: str | None) -> "np.ndarray":
    import numpy as np  # the window's list needs it; the command line need not load it
    return np.array(joined.split(",") if joined else [], dtype=np.int64)
