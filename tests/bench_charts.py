"""Chart redraw times on a generated database: `python tests/bench_charts.py --reports 10000`.

The charts read only report metadata and figures, so the database is written directly (one
transaction, no extraction): about 30 figures a report over the codebook's indicators, with
the review states of a half-reviewed corpus. Prints one JSON object (and a table on
stderr): per chart, the full redraw beside its SQL alone (the same statements, run and fetched
without the chart), in milliseconds of wall and CPU time (median of 5, after one warm-up).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

AGENCIES = ("卫生健康委员会", "市场监督管理局", "司法局", "人民政府", "公安局", "生态环境局", "教育局")
LEVELS = ("province", "city", "district", "county")


def build_database(path: Path, n_reports: int, seed: int = 0, text_chars: int = 400) -> None:
    """`text_chars`: the length of each report's text (real ones run to 10,000 and more, stored
    on overflow pages a query reading a report's row has to walk)."""
    from app.core.codebook import indicator_ids
    from app.store.database import open_store
    rng = random.Random(seed)
    ids = indicator_ids()
    with open_store(path) as store, store.transaction() as conn:
        for number in range(n_reports):
            body = number // 6  # each agency reports six years running
            place = f"第{body % 400}区"
            agency = place + AGENCIES[body % len(AGENCIES)]
            text = f"{agency}关于{2019 + number % 6}年法治政府建设情况的报告\n" + "数字" * (text_chars // 2)
            sha = hashlib.sha256(f"{seed}-{number}".encode()).hexdigest()
            cursor = conn.execute(
                "INSERT INTO reports (path, file_name, sha256, encoding, encoding_confidence, text, agency, region,"
                " level, report_year, imported_at) VALUES (?, ?, ?, 'utf-8', 1.0, ?, ?, ?, ?, ?, '2026-01-01')",
                (f"/gen/{number}.txt", f"{number}.txt", sha, text, agency, place, LEVELS[body % 4],
                 2019 + number % 6))
            figures = []
            for index in range(30):
                indicator = rng.choice(ids)
                status = rng.choice(("pending", "pending", "confirmed", "corrected", "rejected"))
                value = float(int(rng.lognormvariate(3, 1.2)))
                figures.append((cursor.lastrowid, index * 10, index * 10 + 3, "12件", value, "件", indicator,
                                "12件", index * 10, index * 10 + 3, value, "件", indicator, status))
            conn.executemany(
                'INSERT INTO figures (report_id, start, "end", raw, value, unit, indicator, x_raw, x_start, x_end,'
                " x_value, x_unit, x_indicator, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", figures)
        conn.execute("UPDATE reports SET n_figures = 30")


def _median_ms(work, times: int = 5) -> dict:
    """Wall time and this process's CPU time: on a shared machine the wall time includes waiting
    for a core, the CPU time is the work itself."""
    work()
    wall, cpu = [], []
    for _ in range(times):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return {"wall": round(statistics.median(wall), 1), "cpu": round(statistics.median(cpu), 1)}


def _statements(conn, work) -> list[str]:
    """Every SQL statement `work` runs, with its parameters filled in (SQLite's expanded SQL)."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        work()
    finally:
        conn.set_trace_callback(None)
    return seen


def measure(db: Path) -> dict:
    """Per chart: its full redraw (store reads, Python, pyqtgraph items, one paint) beside the
    floor, the same SQL statements run and fetched alone, and their ratio (on a loaded machine
    the ratio is what to compare between runs)."""
    from PySide6.QtWidgets import QApplication
    from app.gui.chart_tabs import ChartsTabs
    from app.store.database import open_store
    app = QApplication.instance() or QApplication([])
    store = open_store(db, create=False)
    indicator = store.conn.execute("SELECT indicator FROM figures GROUP BY indicator"
                                   " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    tabs = ChartsTabs(lambda: store)
    tabs.resize(1400, 800)
    tabs.show()
    tabs.set_indicator(indicator)
    app.processEvents()
    result = {"reports": store.report_count(), "indicator": indicator, "load": os.getloadavg()[0], "charts": {}}
    for name, chart in tabs.charts().items():
        tabs.show_chart(name)
        app.processEvents()

        def redraw(chart=chart):
            chart.refresh()
            app.processEvents()
        statements = _statements(store.conn, chart.refresh)
        floor = _median_ms(lambda: [store.conn.execute(sql).fetchall() for sql in statements])
        took = _median_ms(redraw)
        result["charts"][name] = {"redraw_ms": took, "sql_floor_ms": floor, "statements": len(statements),
                                  "ratio_cpu": round(took["cpu"] / max(floor["cpu"], 0.1), 1)}
    store.close()
    return result


def _table(result: dict) -> str:
    lines = [f"{result['reports']} reports, indicator {result['indicator']}, load {result['load']:.1f}",
             f"{'chart':<14}{'redraw wall':>12}{'cpu':>8}{'SQL wall':>10}{'cpu':>8}{'ratio':>7}"]
    for name, row in result["charts"].items():
        took, floor = row["redraw_ms"], row["sql_floor_ms"]
        lines.append(f"{name:<14}{took['wall']:>12.1f}{took['cpu']:>8.1f}{floor['wall']:>10.1f}{floor['cpu']:>8.1f}"
                     f"{row['ratio_cpu']:>7.1f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--db", help="keep the generated database here (reused if it exists)")
    parser.add_argument("--text-chars", type=int, default=400, help="characters of each generated report's text")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(args.db) if args.db else Path(scratch) / "charts.sqlite"
        if not db.exists():
            build_database(db, args.reports, text_chars=args.text_chars)
        result = measure(db)
        print(_table(result), file=sys.stderr)
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
