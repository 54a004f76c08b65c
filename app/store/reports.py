"""Reads: the report list, one report's text, sections and figures, search, progress, settings."""
from __future__ import annotations

import json
import re
from contextlib import closing

from app.core.model import STATUSES
from app.store.chart_queries import REPORTS as CHART_REPORTS, chosen_sql
from app.store.errors import RowMissing
from app.store.rows import (FigureRow, IndicatorPoint, Report, ReportSummary, SearchHit,
                            SectionRow)

# The order of the report list; next_pending walks reports in the same order.
LIST_ORDER = "agency IS NULL, agency, report_year, file_name, id"
JOINED_LIST_ORDER = "r.agency IS NULL, r.agency, r.report_year, r.file_name, r.id"
SNIPPET_RADIUS = 20  # characters each side of a hit: a snippet of about 40 around the match
FTS_MIN_CHARS = 3  # the trigram index cannot answer shorter queries
SEARCH_PAGE = 200  # reports read per query while searching
FTS_PROBE = 1000  # matches the index is asked for first: fewer, and they are all there are
DENSE_SHARE = 0.25  # a query this share of reports hold has its first page in the first few hundred
SCAN_BUDGET = 2000  # reports read in list order for such a query before the index is asked for the rest


def _scan_finds_what_the_index_does(query: str) -> bool:
    """Reading texts (instr, or LIKE for ASCII letters) finds the same reports as the index,
    which also folds the case of other letters (É, Ж)."""
    return not any(not char.isascii() and char.lower() != char.upper() for char in query)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ReportReadsMixin:
    def list_reports(self, text_filter: str = "") -> list[ReportSummary]:
        columns = ("id, file_name, title, agency, region, level, province, report_year, n_figures, "
                   "n_reviewed, decode_warning IS NOT NULL")  # the ReportSummary field order
        text_filter = text_filter.strip()
        if not text_filter:
            rows = self.conn.execute(f"SELECT {columns} FROM reports ORDER BY {LIST_ORDER}")
        else:
            # LIKE folds ASCII case; Chinese has none to fold
            rows = self.conn.execute(
                f"SELECT {columns} FROM reports WHERE agency LIKE :p ESCAPE '\\' OR region LIKE :p"
                " ESCAPE '\\' OR province LIKE :p ESCAPE '\\' OR title LIKE :p ESCAPE '\\' OR file_name LIKE :p ESCAPE '\\'"
                f" OR CAST(report_year AS TEXT) LIKE :p ESCAPE '\\' ORDER BY {LIST_ORDER}",
                {"p": _like_pattern(text_filter)})
        return [ReportSummary(*row[:-1], bool(row[-1])) for row in rows]

    def report(self, report_id: int) -> Report:
        rows = self._query("SELECT * FROM reports WHERE id = ?", (report_id,))
        if not rows:
            raise RowMissing(f"report {report_id} is not in the database")
        return Report.from_row(rows[0])

    def report_ids(self) -> list[int]:
        return [row[0] for row in self.conn.execute(f"SELECT id FROM reports ORDER BY {LIST_ORDER}")]

    def report_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM reports").fetchone()[0]

    def sections(self, report_id: int) -> list[SectionRow]:
        rows = self._query("SELECT * FROM sections WHERE report_id = ? ORDER BY start, level, id",
                           (report_id,))
        return [SectionRow.from_row(row) for row in rows]

    def figures(self, report_id: int) -> list[FigureRow]:
        rows = self._query("SELECT * FROM figures WHERE report_id = ? ORDER BY start, id",
                           (report_id,))
        return [FigureRow.from_row(row) for row in rows]

    def figure(self, figure_id: int) -> FigureRow:
        rows = self._query("SELECT * FROM figures WHERE id = ?", (figure_id,))
        if not rows:
            raise RowMissing(f"figure {figure_id} is not in the database")
        return FigureRow.from_row(rows[0])

    def progress(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        counts.update(self.conn.execute("SELECT status, count(*) FROM figures GROUP BY status"))
        return counts

    def indicator_series(self, indicator_id: str) -> list[IndicatorPoint]:
        """Per report, its figure for the indicator: headline, else first reviewed, else first pending."""
        rows = self.conn.execute(
            "SELECT r.id, r.agency, r.region, r.level, r.province, r.report_year, f.value, f.unit, f.status,"
            f" f.headline FROM ({chosen_sql(with_value=False)}) AS f JOIN {CHART_REPORTS} ON r.id = f.report_id"
            f" ORDER BY {JOINED_LIST_ORDER}", {"indicator": indicator_id})
        return [IndicatorPoint(*row[:-1], headline=bool(row[-1])) for row in rows]

    def search(self, query: str, limit: int = 500) -> list[SearchHit]:
        """Every occurrence of `query` (case-insensitive) over all reports, in list order."""
        if not query.strip() or limit <= 0:
            return []
        if len(query) >= FTS_MIN_CHARS:
            found = self._indexed_in_list_order(query)
        else:
            found = self._scan_in_list_order(query)
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        hits: list[SearchHit] = []
        with closing(found):  # its query ends with the hits we need
            for report_id, agency, year, file_name, text in found:
                for match in pattern.finditer(text):
                    start, end = match.span()
                    snippet = text[max(0, start - SNIPPET_RADIUS):end + SNIPPET_RADIUS]
                    hits.append(SearchHit(report_id, agency, year, file_name, start, end,
                                          " ".join(snippet.split())))
                    if len(hits) >= limit:
                        return hits
        return hits

    def _indexed_in_list_order(self, query: str):
        """The reports the trigram index finds holding `query`, in list order, without
        ordering every match when only the first page of hits is wanted: a query few reports
        hold is put in order from the index's answer; one most reports hold is found by
        reading the first reports in list order, where its first hits are (the index is asked
        for the rest only if that reading runs out)."""
        # a quoted FTS string: the query's own quotes doubled, so no punctuation is syntax
        literal = '"' + query.replace('"', '""') + '"'
        probe = [row[0] for row in self.conn.execute(
            "SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? LIMIT ?", (literal, FTS_PROBE))]
        if len(probe) < FTS_PROBE:  # every report holding it: few enough to sort
            yield from self._texts_of([row[0] for row in self.conn.execute(
                f"SELECT id FROM reports WHERE id IN ({', '.join('?' * len(probe))}) ORDER BY {LIST_ORDER}",
                probe)])
            return
        matched = 0
        # the index answers rowids in order: FTS_PROBE of them among the first probe[-1] reports
        if _scan_finds_what_the_index_does(query) and len(probe) / probe[-1] >= DENSE_SHARE:
            scanned, matched = yield from self._scan_in_list_order(query, SCAN_BUDGET)
            if scanned < SCAN_BUDGET:  # that was every report
                return
        # the rest in list order after the `matched` the reading found (the same reports)
        yield from self._texts_of([row[0] for row in self.conn.execute(
            "SELECT id FROM reports INDEXED BY reports_list WHERE id IN (SELECT rowid FROM reports_fts"
            f" WHERE reports_fts MATCH ?) ORDER BY {LIST_ORDER} LIMIT -1 OFFSET ?", (literal, matched))])

    def _scan_in_list_order(self, substring: str, budget: int | None = None):
        """(id, agency, year, file name, text) of the reports whose text holds `substring`, in
        list order, reading the texts as the list's covering index orders them. With a
        budget, only the first `budget` reports are read; returns (read, found)."""
        if any(char.isascii() and char.isalpha() for char in substring):
            # letters: LIKE folds ASCII case as before; instr would not
            test, args = "text LIKE ? ESCAPE '\\'", [_like_pattern(substring)]
        else:
            test, args = "instr(text, ?) > 0", [substring]
        if budget is None:
            with closing(self.conn.execute(
                    "SELECT id, agency, report_year, file_name, text FROM reports INDEXED BY reports_list"
                    f" WHERE {test} ORDER BY {LIST_ORDER}", args)) as rows:
                yield from rows
            return None
        scanned = found = 0
        with closing(self.conn.execute(
                f"SELECT id, agency, report_year, file_name, CASE WHEN {test} THEN text END FROM reports"
                f" INDEXED BY reports_list ORDER BY {LIST_ORDER} LIMIT ?", [*args, budget])) as rows:
            for row in rows:
                scanned += 1
                if row[4] is not None:
                    found += 1
                    yield row
        return scanned, found

    def _texts_of(self, ids: list[int]):
        """(id, agency, year, file name, text) of these reports, in the order of `ids`. A page
        at a time, so the search stops reading once it has its hits."""
        for first in range(0, len(ids), SEARCH_PAGE):
            page = ids[first:first + SEARCH_PAGE]
            rows = {row[0]: row for row in self.conn.execute(
                "SELECT id, agency, report_year, file_name, text FROM reports"
                f" WHERE id IN ({', '.join('?' * len(page))})", page)}
            yield from (rows[report_id] for report_id in page if report_id in rows)

    def next_pending(self, report_id: int, after_start: int = -1) -> tuple[int, int] | None:
        """The next pending figure after `after_start` in this report, then in the following
        reports in list order, wrapping round to the start of this one."""
        rows = self.conn.execute(
            "SELECT id, start FROM figures WHERE report_id = ? AND status = 'pending'"
            " ORDER BY start, id", (report_id,)).fetchall()
        later = [figure_id for figure_id, start in rows if start > after_start]
        if later:
            return report_id, later[0]
        order = [row[0] for row in self.conn.execute(
            f"SELECT id FROM reports WHERE n_figures > n_reviewed OR id = ? ORDER BY {LIST_ORDER}",
            (report_id,))]
        if report_id in order:
            position = order.index(report_id)
            order = order[position + 1:] + order[:position]
        for other in order:
            first = self.conn.execute(
                "SELECT id FROM figures WHERE report_id = ? AND status = 'pending'"
                " ORDER BY start, id LIMIT 1", (other,)).fetchone()
            if first:
                return other, first[0]
        if rows:  # only this report has pending figures left, all before the position
            return report_id, rows[0][0]
        return None

    def get_setting(self, key: str, default=None):
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value) -> None:
        """Any JSON-able value; committed at once, not part of the undo history."""
        with self.transaction():
            self.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                              " DO UPDATE SET value = excluded.value",
                              (key, json.dumps(value, ensure_ascii=False)))
