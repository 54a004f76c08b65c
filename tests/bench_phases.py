"""The measurements of tests/benchmark.py that need no window, each run in its own process.

Every phase returns a JSON-able dict with its own peak memory, so the numbers are the
program's and not the benchmark's. A floor beside each measurement is the same work done
the bare way (reading + decoding only; a raw executemany; a raw FTS query; csv.writer).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import bench_corpus

SEARCH_QUERIES = {"three_plus_chars": "法律顾问", "two_chars": "普法"}


def timed(work):
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values, share: float):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _own_peak_mb() -> float:
    """This process's own peak: VmHWM starts afresh at exec, while ru_maxrss keeps the peak of
    the process that forked us (Linux carries it across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource
    scale = 1 / 1024 / 1024 if sys.platform == "darwin" else 1 / 1024  # bytes on macOS, KB on Linux
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale, 1)


def peak_memory_mb(baseline_mb: float | None = None) -> dict:
    """Peak resident memory of this process and of its largest finished child (an upper bound:
    a forked child starts from our size), in MB."""
    import resource
    scale = 1 / 1024 / 1024 if sys.platform == "darwin" else 1 / 1024
    peak = {"peak_mb": _own_peak_mb(),
            "children_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale, 1)}
    if baseline_mb is not None:
        peak["baseline_mb"] = baseline_mb
    return peak


def baseline_mb() -> float:
    """Peak memory so far: the interpreter with the program's modules imported, before any work."""
    return peak_memory_mb()["peak_mb"]


def report_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html"))


# ---- phases: each runs in a child process and returns a JSON-able dict ----------------------

def _decode_one(path: str) -> int:
    from app.core.readers import read_report
    return len(read_report(path)[1].text)


def _decode_extract_one(path: str) -> int:
    from app.core.extract import extract
    from app.core.readers import read_report
    return len(extract(read_report(path)[1].text).figures)


def _throughput(seconds: float, n: int, n_bytes: int) -> dict:
    return {"seconds": round(seconds, 3), "reports_per_s": round(n / seconds, 1),
            "mb_per_s": round(n_bytes / 1e6 / seconds, 2)}


def phase_extract(corpus: str, workers: int, sample: int) -> dict:
    from concurrent.futures import ProcessPoolExecutor

    from app.core.extract import extract
    from app.core.readers import read_report
    base = baseline_mb()
    paths = [str(p) for p in report_files(Path(corpus))][:sample]
    n_bytes = sum(os.path.getsize(p) for p in paths)
    for path in paths[:3]:  # the first chardet call and regex compiles are start-up, not throughput
        _decode_extract_one(path)
    floor_s, _ = timed(lambda: [read_report(p) for p in paths])
    single_s, extractions = timed(lambda: [extract(read_report(p)[1].text) for p in paths])
    chunk = max(1, len(paths) // (workers * 16))
    with ProcessPoolExecutor(workers) as pool:
        pool_floor_s, _ = timed(lambda: list(pool.map(_decode_one, paths, chunksize=chunk)))
        pool_s, _ = timed(lambda: list(pool.map(_decode_extract_one, paths, chunksize=chunk)))
    return {
        "reports": len(paths), "mb": round(n_bytes / 1e6, 2),
        "single_process": {**_throughput(single_s, len(paths), n_bytes),
                           "floor_read_decode": _throughput(floor_s, len(paths), n_bytes)},
        "all_cores": {**_throughput(pool_s, len(paths), n_bytes), "workers": workers,
                      "floor_read_decode": _throughput(pool_floor_s, len(paths), n_bytes)},
        "per_report": {"figures": round(median([len(x.figures) for x in extractions]), 1),
                       "sections": round(median([len(x.sections) for x in extractions]), 1)},
        "metadata_match": _metadata_match(Path(corpus), paths, extractions),
        **peak_memory_mb(base),
    }


def _metadata_match(corpus: Path, paths: list[str], extractions: list) -> dict:
    """Share of sampled reports whose extracted metadata equals what the generator wrote."""
    manifest = {r["file_name"]: r for r in
                json.loads((corpus / bench_corpus.MANIFEST_NAME).read_text(encoding="utf-8"))}
    fields = ("title", "agency", "region", "level", "report_year", "publish_date")
    hits = dict.fromkeys(fields, 0)
    for path, extraction in zip(paths, extractions):
        expected = manifest[Path(path).name]
        for name in fields:
            hits[name] += getattr(extraction.metadata, name) == expected[name]
    return {name: round(count / max(1, len(paths)), 3) for name, count in hits.items()}


def phase_import(corpus: str, db: str, workers: int) -> dict:
    from app.store.database import open_store
    from app.store.importer import import_paths
    base = baseline_mb()
    Path(db).unlink(missing_ok=True)
    store = open_store(db)
    seconds, summary = timed(lambda: import_paths(store, [corpus], workers=workers))
    n_reports = store.report_count()
    n_figures = sum(store.progress().values())
    store.close()
    return {"seconds": round(seconds, 2), "reports": n_reports, "figures": n_figures,
            "reports_per_s": round(n_reports / seconds, 1),
            "figures_per_s": round(n_figures / seconds, 1),
            "duplicates": len(summary.duplicates), "failed": summary.failed[:5],
            "n_failed": len(summary.failed), **peak_memory_mb(base)}


FLOOR_CHUNK = 2000  # reports read at a time for the floor: 100,000 at once would not fit in memory
FLOOR_REPORTS = 20_000  # written for the floor at most: its rate there is at least its rate on all


def phase_import_floor(db: str, floor_db: str) -> dict:
    """The same rows written by a bare sqlite3 executemany in one transaction, then indexed for
    search with one INSERT…SELECT. The rows are read a chunk of reports at a time; only the
    writing is timed. Of a bigger import only the first FLOOR_REPORTS are written (writing
    slows as the tables grow, so their rate is an upper bound: the program's ratio to it a
    lower one), and the floor's seconds are for all of them at that rate."""
    import sqlite3

    from app.store import schema
    source = sqlite3.connect(db)
    columns = {table: [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
               for table in ("reports", "sections", "figures")}
    Path(floor_db).unlink(missing_ok=True)
    target = sqlite3.connect(floor_db)
    target.execute("PRAGMA journal_mode=WAL")
    schema.migrate(target, Path(floor_db))
    target.execute("DROP TRIGGER reports_ai")  # index once after the rows, as a bulk load would
    all_ids = [row[0] for row in source.execute("SELECT id FROM reports ORDER BY id")]
    ids = all_ids[:FLOOR_REPORTS]
    rows_s, counts = 0.0, dict.fromkeys(columns, 0)
    target.execute("BEGIN")
    for first in range(0, len(ids), FLOOR_CHUNK):
        low, high = ids[first], ids[min(first + FLOOR_CHUNK, len(ids)) - 1]
        for table, names in columns.items():
            quoted = ", ".join(f'"{c}"' for c in names)
            key = "id" if table == "reports" else "report_id"
            rows = source.execute(f"SELECT {quoted} FROM {table} WHERE {key} BETWEEN ? AND ?", (low, high)).fetchall()
            seconds, _ = timed(lambda: target.executemany(
                f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(names))})", rows))
            rows_s += seconds
            counts[table] += len(rows)
    fts_s, _ = timed(lambda: (target.execute("INSERT INTO reports_fts(rowid, text) SELECT id, text FROM reports"),
                              target.execute("COMMIT")))
    source.close()
    target.close()
    written_s = rows_s + fts_s
    scale = len(all_ids) / max(1, len(ids))
    return {"seconds": round(written_s * scale, 2), "figures_per_s": round(counts["figures"] / written_s, 1),
            "reports_per_s": round(counts["reports"] / written_s, 1), "reports_written": len(ids),
            "rows_s": round(rows_s * scale, 2), "fts_index_s": round(fts_s * scale, 2)}


def phase_search(db: str) -> dict:
    """Search across all reports, beside the raw index query."""
    import sqlite3

    from app.store.database import open_store
    base = baseline_mb()
    store = open_store(db, create=False)
    raw = sqlite3.connect(db)
    search = search_times(store, raw)
    store.close()
    raw.close()
    return {"search": search, **peak_memory_mb(base)}


def phase_export(db: str, out_dir: str) -> dict:
    """Export of every figure, long CSV and XLSX, each beside its floor."""
    import sqlite3

    from app.core.model import STATUSES
    from app.store.database import open_store
    from app.store.dataset import export_dataset
    base = baseline_mb()
    store = open_store(db, create=False)
    raw = sqlite3.connect(db)
    export = {}
    for fmt in ("csv", "xlsx"):
        floor_s, floor_rows = timed(lambda: _floor_export(raw, Path(out_dir) / f"floor.{fmt}", fmt))
        out = Path(out_dir) / f"all_figures_long.{fmt}"
        seconds, rows = timed(lambda: export_dataset(store, out, fmt=fmt, layout="long", statuses=STATUSES))
        export[fmt] = {"seconds": round(seconds, 2), "rows": rows, "mb": round(out.stat().st_size / 1e6, 1),
                       "floor_s": round(floor_s, 2), "floor_rows": floor_rows}
    store.close()
    raw.close()
    return {"export": export, **peak_memory_mb(base)}


def search_times(store, raw) -> dict:
    """Each query searched across all reports (its first page of hits, 500), beside the raw
    index query (or LIKE scan) for 500 reports."""
    search = {}
    for name, query in SEARCH_QUERIES.items():
        times, hits = [], []
        for _ in range(7):
            seconds, found = timed(lambda: store.search(query))
            times.append(seconds)
            hits = found
        if len(query) >= 3:
            floor_sql = "SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? LIMIT 500"
            floor_arg = '"' + query + '"'
        else:
            floor_sql, floor_arg = "SELECT id FROM reports WHERE text LIKE ? LIMIT 500", f"%{query}%"
        floor = median([timed(lambda: raw.execute(floor_sql, (floor_arg,)).fetchall())[0] for _ in range(7)])
        search[name] = {"query": query, "hits": len(hits), "median_s": round(median(times), 4),
                        "max_s": round(max(times), 4), "floor_raw_query_s": round(floor, 4)}
    return search


def _floor_export(conn, path: Path, fmt: str) -> int:
    """The same rows (every figure with its report's metadata, one query, no checks, no
    sentences) through csv.writer, or for XLSX through the program's own sheet writer."""
    cursor = conn.execute(
        "SELECT r.file_name, r.agency, r.region, r.level, r.report_year, f.* "
        "FROM figures f JOIN reports r ON r.id = f.report_id ORDER BY r.id, f.start")
    header = [d[0] for d in cursor.description]
    if fmt == "csv":
        import csv
        count = 0
        with open(path, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in cursor:
                writer.writerow(row)
                count += 1
        return count
    from app.core.export import Column, Sheet, write_xlsx
    return write_xlsx(path, [Sheet("figures", [Column(name, "") for name in header], cursor)])[0]


PHASES = {"extract": phase_extract, "import": phase_import, "import_floor": phase_import_floor,
          "search": phase_search, "export": phase_export}
