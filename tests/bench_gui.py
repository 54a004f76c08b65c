"""The window measurements of tests/benchmark.py, run in their own offscreen process.

Times what a reviewer waits for: the window usable on a big database, switching report
(text, highlights and table filled), filtering and sorting the figure table, sorting the
report list. Each beside a floor: the store calls or plain-Python work underneath.
Widgets are found by their models (Role.REPORT_ID rows, the figure proxy), not by names,
so the benchmark follows the window as it changes.
"""
from __future__ import annotations

import os
import tempfile
import time

from bench_phases import baseline_mb, median, peak_memory_mb, percentile, timed

WAIT_LIMIT_S = 30


def phase_gui(db: str, switches: int, spawned_at: float) -> dict:
    """Run by `benchmark.py --phase gui` in an offscreen child process started at spawned_at."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QTextEdit

    from app.gui.main_window import MainWindow
    from app.gui.roles import Role
    from app.gui.settings import Settings
    from app.store.database import open_store
    from app.store.reports import LIST_ORDER

    # Settings go to the benchmark's own folder, never the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    home = os.environ.get("REPORT_REVIEWER_HOME") or tempfile.mkdtemp(prefix="rr-bench-home-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)
    app = QApplication.instance() or QApplication(["report-reviewer-benchmark"])
    base = baseline_mb()

    def open_and_list():
        """The least a usable window needs: the database open, its reports' ids in the list's
        order, the first report with its figures."""
        opened = open_store(db, create=False)
        first = [row[0] for row in opened.conn.execute(f"SELECT id FROM reports ORDER BY {LIST_ORDER}")][0]
        opened.report(first), opened.figures(first)
        opened.close()

    floor_open_list_s, _ = timed(open_and_list)
    floor_store = open_store(db, create=False)
    # the report list's floors before the window exists, so their rows never add to its peak
    summaries = floor_store.conn.execute("SELECT id, agency, report_year FROM reports").fetchall()
    list_floors = {
        "floor_report_list_sort_s": _repeat(lambda: sorted(summaries, key=lambda r: r[2] or 0)),
        "floor_report_list_filter_s": _repeat(lambda: [r for r in summaries if "卫生健康" in (r[1] or "")]),
    }
    del summaries

    def settle(condition) -> None:
        """Run the event loop until condition() holds, then once more so pending paints happen."""
        deadline = time.perf_counter() + WAIT_LIMIT_S
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not reach the expected state")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.0005)  # let a loader thread take the GIL
        QCoreApplication.processEvents()

    started = time.perf_counter()
    store = open_store(db, create=False)
    window = MainWindow(store, Settings())
    window.show()
    text_views = window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit)
    list_view = _report_list_view(window, QAbstractItemView, Role)
    figure_proxy = _figure_proxy(window, QSortFilterProxyModel)
    figure_model = figure_proxy.sourceModel()

    def showing(report_id: int, text: str, n_figures: int):
        def check() -> bool:
            rows = figure_model.figures()
            return (any(view.toPlainText() == text for view in text_views)
                    and len(rows) == n_figures and all(f.report_id == report_id for f in rows))
        return check

    # The window opens on the last report or the first in the list: whichever it shows is fine.
    settle(lambda: any(view.toPlainText() for view in text_views) and figure_model.rowCount() > 0)
    usable_s = time.perf_counter() - started
    startup_s = time.time() - spawned_at
    current_id = figure_model.figure_at(0).report_id
    list_model = list_view.model()

    n_rows = list_model.rowCount()
    step = max(1, n_rows // max(1, switches))
    rows = [row for row in range(0, n_rows, step)][:switches]
    switch_times, floor_times = [], []
    for row in rows:
        index = list_model.index(row, 0)
        report_id = index.data(Role.REPORT_ID)
        if report_id == current_id:
            continue
        floor_s, (report, figures) = timed(lambda: (floor_store.report(report_id), floor_store.figures(report_id)))
        floor_times.append(floor_s)
        seconds, _ = timed(lambda: (list_view.setCurrentIndex(index),
                                    settle(showing(report_id, report.text, len(figures)))))
        switch_times.append(seconds)
        current_id = report_id
    highlights = max((len(v.extraSelections()) for v in text_views), default=0)
    # the list reads its filter and sort columns on a worker once the window is up: still at it?
    runner = getattr(list_view.parent(), "reads_ahead", None)
    columns_wait_s, _ = timed(lambda: settle(lambda: runner is None or runner.pending() == 0))

    figures = figure_model.figures()
    sort_column = _column_named(figure_model, ("value", "数值", "值"))
    year_column = _column_named(list_model, ("year", "年"))
    list_proxy = list_view.model()
    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    # the first sort and filter of a fresh window read their columns from the store: once each
    first_sort_s, _ = timed(lambda: (list_proxy.sort(year_column, descending), QCoreApplication.processEvents()))
    list_proxy.sort(year_column, ascending)
    first_filter_s, _ = timed(lambda: (list_proxy.set_text("卫生健康"), QCoreApplication.processEvents()))
    list_proxy.set_text("")
    QCoreApplication.processEvents()
    table = {
        "report_list_first_sort_s": first_sort_s, "report_list_first_filter_s": first_filter_s, **list_floors,
        "filter_s": _repeat(lambda: figure_proxy.set_min_confidence(0.7), lambda: figure_proxy.set_min_confidence(0)),
        "floor_filter_s": _repeat(lambda: [f for f in figures if f.confidence >= 0.7]),
        "sort_s": _repeat(lambda: figure_proxy.sort(sort_column, descending),
                          lambda: figure_proxy.sort(sort_column, ascending)),
        "floor_sort_s": _repeat(lambda: sorted(figures, key=lambda f: f.value or 0, reverse=True)),
        "report_list_sort_s": _repeat(lambda: list_proxy.sort(year_column, descending),
                                      lambda: list_proxy.sort(year_column, ascending)),
        "report_list_filter_s": _repeat(lambda: list_proxy.set_text("卫生健康"), lambda: list_proxy.set_text("")),
    }
    list_proxy.sort(-1)  # back to the list's own order, as a reviewer scrolls it
    report_text = max(text_views, key=lambda view: len(view.toPlainText()))
    figure_view = next(view for view in window.findChildren(QAbstractItemView) if view.model() is figure_proxy)
    for name, view in (("report_list", list_view), ("text", report_text), ("figure_table", figure_view)):
        table[f"{name}_scroll_page_s"], table[f"floor_{name}_scroll_page_s"] = _scroll_pages(view)
    review_peak_mb = peak_memory_mb()["peak_mb"]  # the Review tab's work done; the charts come next
    window.tabs.setCurrentWidget(window.charts)
    for name, chart in window.charts.charts().items():  # a chart redrawn from its store query up
        window.charts.show_chart(name)
        table[f"chart_{name}_redraw_s"] = _repeat(chart.refresh, times=3)
    window.close()
    store.close()
    floor_store.close()
    return {
        "usable_s": round(usable_s, 3), "startup_with_imports_s": round(startup_s, 3),
        "floor_open_list_s": round(floor_open_list_s, 3), "reports_listed": n_rows,
        "switches": len(switch_times), "highlights_on_last": highlights,
        "switch_median_s": round(median(switch_times), 4), "switch_p95_s": round(percentile(switch_times, 0.95), 4),
        "floor_switch_median_s": round(median(floor_times), 4),
        "floor_switch_p95_s": round(percentile(floor_times, 0.95), 4),
        "report_list_columns_wait_after_switches_s": round(columns_wait_s, 3),
        "table_rows": len(figures), **{name: round(value, 6) for name, value in table.items()},
        "review_peak_mb": review_peak_mb, **peak_memory_mb(base),
    }


def _repeat(work, undo=None, times: int = 11) -> float:
    """Median time of work() plus the event-loop pass that repaints; undo() runs untimed between."""
    from PySide6.QtCore import QCoreApplication
    samples = []
    for _ in range(times):
        seconds, _ = timed(lambda: (work(), QCoreApplication.processEvents()))
        samples.append(seconds)
        if undo is not None:
            undo()
            QCoreApplication.processEvents()
    return median(samples)


def _scroll_pages(view, pages: int = 20) -> tuple[float, float]:
    """Median time of one page down with its repaint, from the top; and of a repaint alone (the floor)."""
    bar = view.verticalScrollBar()
    bar.setValue(0)
    scrolls, repaints = [], []
    for _ in range(pages):
        seconds, _ = timed(lambda: (bar.setValue(bar.value() + bar.pageStep()), view.viewport().repaint()))
        scrolls.append(seconds)
        repaints.append(timed(view.viewport().repaint)[0])
    return median(scrolls), median(repaints)


def _report_list_view(window, view_class, role):
    """The report list: its rows carry report ids and its proxy filters by text (the findings
    table's rows carry report ids too, but it has no text filter)."""
    for view in window.findChildren(view_class):
        model = view.model()
        if model is not None and hasattr(model, "set_text") and model.rowCount() \
                and model.index(0, 0).data(role.REPORT_ID) is not None:
            return view
    raise LookupError("no report list found in the window")


def _figure_proxy(window, proxy_class):
    for proxy in window.findChildren(proxy_class):
        if hasattr(proxy, "set_min_confidence") and hasattr(proxy.sourceModel(), "figure_at"):
            return proxy
    raise LookupError("no figure table proxy found in the window")


def _source(model):
    while hasattr(model, "sourceModel") and model.sourceModel() is not None:
        model = model.sourceModel()
    return model


def _column_named(model, names) -> int:
    from PySide6.QtCore import Qt
    for column in range(model.columnCount()):
        header = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)).lower()
        if any(name in header for name in names):
            return column
    return 0

