"""The report list's reads: its reports' ids in the list's order, the columns it filters and
sorts by (each in one query, as one JSON array), and its rows a page at a time, so the
window never holds a Python object per report (100,000 reports as list rows cost seconds
and hundreds of MB) and never reads the reports' rows (each carries its text) to list them.

Every read here goes through the `reports_list` covering index (schema), whose first
columns are the list's own order (reports.LIST_ORDER).
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Sequence

from app.store.reports import LIST_ORDER
from app.store.rows import ReportSummary

if TYPE_CHECKING:
    import numpy as np

SUMMARY_COLUMNS = ("id, file_name, title, agency, region, level, province, report_year, n_figures, "
                   "n_reviewed, decode_warning IS NOT NULL")  # the ReportSummary field order
LISTED = ("SELECT id, agency, region, province, level, title, file_name, report_year, n_figures, n_reviewed"
          f" FROM reports INDEXED BY reports_list ORDER BY {LIST_ORDER}")
# What the list filters and sorts by, per report; NULL stays null (None).
LIST_COLUMNS = {
    # every part the filter box matches, one string: a typed word (never holding white space)
    # is in it exactly when it is in one of the parts
    "filter_text": "coalesce(agency, '') || char(10) || coalesce(region, '') || char(10) || coalesce(province, '')"
                   " || char(10) || coalesce(level, '') || char(10) || coalesce(title, '') || char(10) || file_name"
                   " || char(10) || coalesce(report_year, '')",
    "agency": "coalesce(nullif(agency, ''), nullif(title, ''), nullif(file_name, ''), '')",  # as the list shows it
    "province": "province",
    "level": "level",
    "year": "report_year",
    "progress": "CASE WHEN n_figures THEN CAST(n_reviewed AS REAL) / n_figures ELSE 1.0 END",
}


# What the window's report list sorts by, in the order of its columns (app/gui/report_list.py)
SORT_KEYS = ("agency", "province", "level", "year", "progress")


class ReportListMixin:
    def listed_ids(self) -> "np.ndarray":
        """Every report's id in the list's order (group_concat: one string, not 100,000 rows)."""
        return _id_array(self.conn.execute(f"SELECT group_concat(id) FROM ({LISTED})").fetchone()[0])

    def list_columns(self, names: Sequence[str]) -> tuple["np.ndarray", dict[str, list]]:
        """(ids, {name: values}) of LIST_COLUMNS, both in the list's order, from one query:
        the arrays come from the same rows, so the values line up with the ids."""
        arrays = ", ".join(f"json_group_array({LIST_COLUMNS[name]})" for name in names)
        ids, *values = self.conn.execute(f"SELECT group_concat(id), {arrays} FROM ({LISTED})").fetchone()
        return _id_array(ids), {name: json.loads(found) for name, found in zip(names, values)}

    def report_summaries(self, ids: Sequence[int]) -> dict[int, ReportSummary]:
        """The list's rows of these reports, by id (a page of the list at a time)."""
        found: dict[int, ReportSummary] = {}
        for first in range(0, len(ids), 500):  # under SQLite's limit on variables
            page = [int(report_id) for report_id in ids[first:first + 500]]
            for row in self.conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM reports"
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
