"""What the charts draw, read as aggregates: one value per report and indicator, grouped; yearly
trends; which reports state which indicators.

A report's value for an indicator is its headline figure, else its first reviewed one, else
its first pending one (never a rejected one): the same choice as the wide export. Groups are
columns of the reports table (GROUP_COLUMNS) or derived from one (the agency type, from the
agency's name). Province and city are the gazetteer's columns; a database without them
groups by its region instead (STAND_INS), so they need no other change here when they arrive.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from app.core.agency_types import agency_type
from app.core.chart_stats import TrendPoint, yearly_medians

# grouping -> the reports column it reads, in the order the charts offer them
GROUP_COLUMNS = {"province": "province", "city": "city", "level": "level", "agency_type": "agency",
                 "report_year": "report_year"}
STAND_INS = {"province": "region", "city": "region"}  # while the gazetteer's columns are missing
DERIVED = {"agency_type": agency_type}  # grouping -> function of the column's value
MAX_TREND_GROUPS = 8
COVERAGE_PAGE = 400  # reports per page of the coverage matrix
# coverage states: the best of the report's figures for the indicator (reviewed and kept first)
NOT_STATED, REJECTED, PENDING, REVIEWED = 0, 1, 2, 3

# read from the index figures_indicator_report alone; the choice per report is made in Python,
# which costs a tenth of a window function's sort
_CANDIDATES_SQL = ("SELECT report_id, -headline, status = 'pending', start, id, value, unit, status FROM figures"
                   " WHERE indicator = ? AND status != 'rejected' AND value IS NOT NULL")


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
    if grouping not in GROUP_COLUMNS:
        raise ValueError(f"unknown grouping {grouping!r}")
    column = GROUP_COLUMNS[grouping]
    if column not in _report_columns(store):
        column = STAND_INS[grouping]
    return f'r."{column}"'


def _report_groups(store, grouping: str):
    """(id, agency, year, file name, group value) of every report, read from the index
    reports_chart_groups when it holds the group's column (it does not read the texts)."""
    return store.conn.execute(f"SELECT r.id, r.agency, r.report_year, r.file_name, {_group_expression(store, grouping)}"
                              " FROM reports r").fetchall()


def chosen_figures(store, indicator: str) -> dict[int, tuple]:
    """Report id -> (value, unit, status) of its figure for the indicator: the headline, else the
    first reviewed, else the first pending (by position in the text)."""
    best: dict[int, tuple] = {}
    for row in store.conn.execute(_CANDIDATES_SQL, (indicator,)):
        found = best.get(row[0])
        if found is None or row[1:5] < found[1:5]:
            best[row[0]] = row
    return {report_id: row[5:] for report_id, row in best.items()}


def indicator_values(store, indicator: str, grouping: str = "level") -> list[GroupedValue]:
    """One value per report stating the indicator, with the report's group, in group order."""
    chosen = chosen_figures(store, indicator)
    derive = DERIVED.get(grouping)
    values = []
    for report_id, agency, year, file_name, group in _report_groups(store, grouping):
        if report_id not in chosen:
            continue
        value, unit, status = chosen[report_id]
        values.append(GroupedValue(report_id, agency, year, file_name,
                                   _text(derive(group) if derive else group), float(value), unit, status))
    values.sort(key=lambda v: (v.group == "", v.group, v.value))
    return values


def _text(group) -> str:
    return "" if group is None else str(group)


def group_trends(values: list[GroupedValue], groups: Optional[list[str]] = None) -> list[GroupTrend]:
    """The yearly median of each group (the most frequent MAX_TREND_GROUPS, or those named)."""
    by_group: dict[str, list[tuple[int, float]]] = {}
    for value in values:
        if value.report_year is not None:
            by_group.setdefault(value.group, []).append((value.report_year, value.value))
    chosen = groups if groups is not None else sorted(
        by_group, key=lambda g: (-len(by_group[g]), g))[:MAX_TREND_GROUPS]
    return [GroupTrend(group, yearly_medians(by_group[group])) for group in chosen if group in by_group]


def agencies_with_trend(values: list[GroupedValue]) -> list[str]:
    """Agencies with a value in two or more years: those with a trend to show."""
    years: dict[str, set[int]] = {}
    for value in values:
        if value.agency and value.report_year is not None:
            years.setdefault(value.agency, set()).add(value.report_year)
    return sorted(agency for agency, found in years.items() if len(found) >= 2)


def agency_trend(values: list[GroupedValue], agency: str) -> GroupTrend:
    """One agency's value year by year (the median if it has two reports for a year)."""
    return GroupTrend(agency, yearly_medians([(v.report_year, v.value) for v in values
                                              if v.agency == agency and v.report_year is not None]))


def trend_by_group(store, indicator: str, grouping: str = "level",
                   groups: Optional[list[str]] = None) -> list[GroupTrend]:
    return group_trends(indicator_values(store, indicator, grouping), groups)


def coverage(store, indicators: tuple[str, ...], grouping: str = "level", first: int = 0,
             limit: int = COVERAGE_PAGE) -> Coverage:
    """Which report states which indicator, and how far its figures for it are reviewed: the
    reports `first` to `first + limit` in group order (a page: the chart cannot show 10,000 rows)."""
    column_of = {indicator: index for index, indicator in enumerate(indicators)}
    derive = DERIVED.get(grouping)
    listed = sorted(_report_groups(store, grouping), key=lambda r: (r[1] is None, r[1] or "", r[2] or 0, r[3], r[0]))
    reports = [(report_id, f"{agency or file_name} {year or ''}".strip(), _text(derive(group) if derive else group))
               for report_id, agency, year, file_name, group in listed]
    reports.sort(key=lambda report: (report[2] == "", report[2]))  # stable: list order within a group
    page = reports[first:first + limit]
    row_of = {report[0]: row for row, report in enumerate(page)}
    cells = [(row_of[report_id], column_of[indicator], state)
             for report_id, indicator, state in store.conn.execute(
                 "SELECT report_id, indicator, max(CASE WHEN status = 'pending' THEN ? WHEN status = 'rejected'"
                 " THEN ? ELSE ? END) FROM figures WHERE report_id IN (SELECT value FROM json_each(?))"
                 " AND indicator IS NOT NULL GROUP BY report_id, indicator",
                 (PENDING, REJECTED, REVIEWED, json.dumps(list(row_of))))
             if indicator in column_of]
    return Coverage(page, tuple(indicators), cells, len(reports), first)
