"""What the charts draw, read as aggregates: one value per report and indicator, grouped; yearly
trends; which reports state which indicators.

A report's value for an indicator is its headline figure, else its first reviewed one, else
its first pending one (never a rejected one): the same choice as the wide export. Groups are
columns of the reports table (GROUP_COLUMNS) or derived from one (the agency type, from the
agency's name). Province and city are the gazetteer's columns; a database without them
groups by its region instead (STAND_INS), so they need no other change here when they arrive.
SQL does the work (choosing, sorting, medians, paging) and reads indexes only; Python builds
the few rows it returns into dataclasses.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from app.core.chart_stats import TrendPoint

# grouping -> the reports column it reads, in the order the charts offer them
GROUP_COLUMNS = {"province": "province", "city": "city", "level": "level", "agency_type": "agency",
                 "report_year": "report_year"}
STAND_INS = {"province": "region", "city": "region"}  # while the gazetteer's columns are missing
DERIVED = {"agency_type"}  # groupings read through an SQL function of the column (Store registers it)
MAX_TREND_GROUPS = 8
COVERAGE_PAGE = 400  # reports per page of the coverage matrix
# coverage states: the best of the report's figures for the indicator (reviewed and kept first)
NOT_STATED, REJECTED, PENDING, REVIEWED = 0, 1, 2, 3

# A report's figure for the indicator, one row per report: the least of (not the headline,
# pending, position in the text, id) among its figures that are not rejected, packed into one
# integer so that min() picks it while the rows stream from the index figures_indicator_report
# in report order, with no sort (a window function sorts them first: twice the time). Offsets
# and ids stay below 2**30, so the packed key fits SQLite's 64-bit integers.
_CHOICE = "min((((1 - headline) * 2 + (status = 'pending')) << 60) + (start << 30) + id)"


def chosen_sql(with_value: bool = True) -> str:
    """(report_id, key, value, unit, status, headline) of each report's figure for :indicator;
    `with_value`: only figures with a value count (a headline without one gives way)."""
    return (f"SELECT report_id, {_CHOICE} AS choice, value, unit, status, headline FROM figures"
            " WHERE indicator = :indicator AND status != 'rejected'"
            + (" AND value IS NOT NULL" if with_value else "") + " GROUP BY report_id")


# the reports' columns the charts read, from the index reports_by_id (id first): a lookup by id
# or a scan never reads a report's row, which carries its text and original bytes
REPORTS = "reports r INDEXED BY reports_by_id"


@dataclass(slots=True)
class GroupedValue:
    report_id: int
    agency: Optional[str]
    report_year: Optional[int]
    file_name: str
    group: Optional[str]  # the group's value as text ("" unknown); for a year, the year
    value: float
    unit: Optional[str]
    status: str


@dataclass(frozen=True)
class GroupTrend:
    group: str
    points: list[TrendPoint]


@dataclass(frozen=True)
class Coverage:
    reports: list[tuple[int, str, str]]  # (report id, agency and year, group) in row order
    indicators: tuple[str, ...]          # column order
    cells: list[tuple[int, int, int]]    # (row, column, state) of every stated pair
    n_reports: int                       # in the whole database
    first: int                           # index of the page's first report among them


def _report_columns(store) -> set[str]:
    return {row[1] for row in store.conn.execute("PRAGMA table_info(reports)")}


def available_groupings(store) -> list[str]:
    """The groupings this database can answer (province/city only with their columns or a region)."""
    columns = _report_columns(store)
    return [name for name, column in GROUP_COLUMNS.items()
            if column in columns or STAND_INS.get(name) in columns]


def _group_expression(store, grouping: str) -> str:
    """The SQL giving a report's group: a column of `r`, or the agency type (a function the
    store registers, app.core.agency_types)."""
    if grouping not in GROUP_COLUMNS:
        raise ValueError(f"unknown grouping {grouping!r}")
    column = GROUP_COLUMNS[grouping]
    if column not in _report_columns(store):
        column = STAND_INS[grouping]
    return f'agency_type(r."{column}")' if grouping in DERIVED else f'r."{column}"'


def _valued(store, grouping: str) -> str:
    """Each report's value for :indicator with its group (`grp`, '' unknown), as a subquery."""
    group = _group_expression(store, grouping)
    return (f"SELECT c.report_id, r.agency, r.report_year, r.file_name, coalesce({group}, '') AS grp, c.value,"
            f" c.unit, c.status FROM ({chosen_sql()}) c JOIN {REPORTS} ON r.id = c.report_id")


def indicator_values(store, indicator: str, grouping: str = "level") -> list[GroupedValue]:
    """One value per report stating the indicator, with the report's group, in group order and
    by value within a group (so a group's values come sorted)."""
    rows = store.conn.execute(f"SELECT * FROM ({_valued(store, grouping)}) ORDER BY grp = '', grp, value, report_id",
                              {"indicator": indicator})
    return [GroupedValue(report_id, agency, year, file_name, str(group), float(value), unit, status)
            for report_id, agency, year, file_name, group, value, unit, status in rows]


# the median of each (group, year): the middle value, or the mean of the two middle ones (one
# sort: both window functions share the window); groups with the most values first
_MEDIANS = """
WITH ranked AS (SELECT grp, report_year AS year, value, row_number() OVER w AS i,
                       count(*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n
                FROM ({valued}) WHERE report_year IS NOT NULL {where}
                WINDOW w AS (PARTITION BY grp, report_year ORDER BY value)),
medians AS (SELECT grp, year, avg(value) AS median, n FROM ranked WHERE i IN ((n + 1) / 2, (n + 2) / 2)
            GROUP BY grp, year)
SELECT grp, year, median, n, sum(n) OVER (PARTITION BY grp) AS total FROM medians ORDER BY total DESC, grp, year
"""


def _trends(rows) -> list[GroupTrend]:
    by_group: dict[str, list[TrendPoint]] = {}
    for group, year, median, n, _total in rows:
        by_group.setdefault(str(group), []).append(TrendPoint(year, median, n))
    return [GroupTrend(group, points) for group, points in by_group.items()]


def group_trends(store, indicator: str, grouping: str = "level",
                 groups: Optional[list[str]] = None) -> list[GroupTrend]:
    """The yearly median of each group (the MAX_TREND_GROUPS with most values, or those named)."""
    trends = _trends(store.conn.execute(_MEDIANS.format(valued=_valued(store, grouping), where=""),
                                        {"indicator": indicator}))
    if groups is None:
        return trends[:MAX_TREND_GROUPS]
    found = {trend.group: trend for trend in trends}
    return [found[group] for group in groups if group in found]


def agencies_with_trend(store, indicator: str) -> list[str]:
    """Agencies with a value in two or more years: those with a trend to show."""
    return [row[0] for row in store.conn.execute(
        f"SELECT agency FROM ({_valued(store, 'level')}) WHERE agency != '' AND report_year IS NOT NULL"
        " GROUP BY agency HAVING count(DISTINCT report_year) >= 2 ORDER BY agency", {"indicator": indicator})]


def agency_trend(store, indicator: str, agency: str) -> GroupTrend:
    """One agency's value year by year (the median if it has two reports for a year)."""
    rows = store.conn.execute(_MEDIANS.format(valued=_valued(store, "level"), where="AND agency = :agency"),
                              {"indicator": indicator, "agency": agency})
    return GroupTrend(agency, [TrendPoint(year, median, n) for _, year, median, n, _ in rows])


def coverage(store, indicators: tuple[str, ...], grouping: str = "level", first: int = 0,
             limit: int = COVERAGE_PAGE) -> Coverage:
    """Which report states which indicator, and how far its figures for it are reviewed: the
    reports `first` to `first + limit` in group order, then list order (a page: the chart cannot
    show 10,000 rows), sorted and cut by SQL."""
    column_of = {indicator: index for index, indicator in enumerate(indicators)}
    group = _group_expression(store, grouping)
    page = [(report_id, f"{agency or file_name} {year or ''}".strip(), str(grp))
            for report_id, agency, year, file_name, grp in store.conn.execute(
                f"SELECT r.id, r.agency, r.report_year, r.file_name, coalesce({group}, '') AS grp FROM {REPORTS}"
                " ORDER BY grp = '', grp, r.agency IS NULL, r.agency, r.report_year, r.file_name, r.id"
                " LIMIT ? OFFSET ?", (limit, first))]
    row_of = {report[0]: row for row, report in enumerate(page)}
    cells = [(row_of[report_id], column_of[indicator], state)
             for report_id, indicator, state in store.conn.execute(
                 "SELECT report_id, indicator, max(CASE WHEN status = 'pending' THEN ? WHEN status = 'rejected'"
                 " THEN ? ELSE ? END) FROM figures WHERE report_id IN (SELECT value FROM json_each(?))"
                 " AND indicator IS NOT NULL GROUP BY report_id, indicator",
                 (PENDING, REJECTED, REVIEWED, json.dumps(list(row_of))))
             if indicator in column_of]
    return Coverage(page, tuple(indicators), cells, store.report_count(), first)
