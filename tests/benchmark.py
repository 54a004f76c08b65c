"""Benchmark on a synthetic corpus: every figure of issue 6 beside a floor measured in the same run.

    python tests/benchmark.py --reports 10000 [--workers W] [--keep DIR] [--skip-gui]

Prints one JSON object on stdout (progress goes to stderr). Each measurement runs in its own
process so that its peak memory is the program's, not the benchmark's. A floor is the bare
minimum the same work needs (reading + decoding only; a raw executemany; a raw FTS query;
csv.writer of the same rows), so value/floor shows how close the program is to the limit.
Targets are for 10,000 reports on 2 cores; import and export targets scale with N.
Not collected by pytest (tests/test_benchmark.py runs it on a small N).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import bench_corpus  # noqa: E402  (after the path set-up: tests/ is not a package)
from bench_phases import PHASES, SEARCH_QUERIES, timed  # noqa: E402

TARGET_REPORTS = 10_000
TARGETS = {  # seconds (memory: MB) for TARGET_REPORTS on 2 cores
    "import_s": 60.0, "window_usable_s": 2.0, "switch_p95_s": 0.100, "search_s": 0.200,
    "search_two_chars_s": 0.200, "export_csv_s": 15.0, "export_xlsx_s": 15.0, "memory_mb": 600.0,
    "chart_redraw_s": 0.200,
}
# Issue 15: a national corpus. From this many reports on, these targets hold instead.
LARGE_REPORTS = 100_000
LARGE_TARGETS = {
    "import_s": 300.0, "import_rate_to_floor": 0.5, "window_usable_s": 2.0, "switch_p95_s": 0.050,
    "search_s": 0.100, "report_list_s": 0.100, "export_csv_s": 90.0, "export_xlsx_s": 150.0,
    "window_memory_mb": 400.0,
}


def targets_for(n_reports: int) -> tuple[dict, int]:
    """The targets for a run of n_reports and the corpus size they were set for: latencies
    hold as they are, import and export times scale with the reports."""
    targets, basis = (LARGE_TARGETS, LARGE_REPORTS) if n_reports >= LARGE_REPORTS else (TARGETS, TARGET_REPORTS)
    scaled = {key: round(value * n_reports / basis, 2) if key in ("import_s", "export_csv_s", "export_xlsx_s")
              else value for key, value in targets.items()}
    return scaled, basis
PHASE_TIMEOUT_S = 3600
PHASE_ORDER = ("extract", "import", "gui", "search", "import_floor", "export")
# ---- the orchestrator ----------------------------------------------------------------------

def run_phase(name: str, home: Path, **kwargs) -> dict:
    """Run one phase in a fresh interpreter; its failure becomes {"error": ...}, not a crash."""
    print(f"[benchmark] {name} ...", file=sys.stderr, flush=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--phase", name, "--phase-args", json.dumps(kwargs)]
    # Offscreen, and a private data folder: the benchmark never touches the user's settings.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYQTGRAPH_QT_LIB": "PySide6",
           "REPORT_REVIEWER_HOME": str(home)}
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=PHASE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {PHASE_TIMEOUT_S} s"}
    print(f"[benchmark] {name} done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {done.returncode}: {tail}"}
    return json.loads(lines[-1])


def machine_info() -> dict:
    cpu = platform.processor() or platform.machine()
    memory_mb = None
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name"))
        meminfo = Path("/proc/meminfo").read_text().split()
        memory_mb = int(meminfo[meminfo.index("MemTotal:") + 1]) // 1024
    except (OSError, StopIteration, ValueError):
        pass
    import sqlite3
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "ram_mb": memory_mb, "os": platform.platform(),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version}


def verdict(value, floor, target, higher_is_better: bool = False) -> dict:
    """A measurement with its floor, the ratio to it, and its target with pass/miss."""
    entry = {"value": value, "floor": floor}
    if isinstance(value, (int, float)) and isinstance(floor, (int, float)) and floor:
        entry["ratio_to_floor"] = round(value / floor, 2)
    if target is not None:
        entry["target"] = target
        if isinstance(value, (int, float)):
            entry["pass"] = value >= target if higher_is_better else value <= target
    return entry


def largest_report(megabytes: float) -> dict:
    """The consistency checks (issue 11: linear in figures) on one report of the largest
    allowed size, made of the seeds repeated; extraction is timed beside them."""
    from app.core.checks import run_checks
    from app.core.extract import extract
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    block = "\n".join(seeds)
    text = block * max(1, int(megabytes * 1024 * 1024 / len(block.encode("utf-8"))))
    started = time.perf_counter()
    figures = extract(text).figures
    extracted = time.perf_counter()
    run_checks(figures, text)
    checked = time.perf_counter()
    return {"largest_report": {"text_mb": round(len(text.encode("utf-8")) / 1024 / 1024, 1),
                               "figures": len(figures), "extract_s": round(extracted - started, 2),
                               "checks_s": round(checked - extracted, 2)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark Report Reviewer on a synthetic corpus.")
    parser.add_argument("--reports", type=int, default=1000, help="number of synthetic reports")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for extraction")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep corpus, databases and exports")
    parser.add_argument("--skip-gui", action="store_true", help="skip the window measurements")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--sample", type=int, default=2000, help="reports for the decode+extract throughput")
    parser.add_argument("--switches", type=int, default=50, help="report switches to time in the window")
    parser.add_argument("--largest-report", type=float, metavar="MB", nargs="?", const=20.0,
                        help="instead: time the checks on one report of this many MB of text "
                             "(default: the 20 MB limit) and print that one line")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--phase-args", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.largest_report:
        print(json.dumps(largest_report(args.largest_report)))
        return 0
    if args.phase:
        if args.phase == "gui":
            from bench_gui import phase_gui as phase
        else:
            phase = PHASES[args.phase]
        print(json.dumps(phase(**json.loads(args.phase_args)), ensure_ascii=False))
        return 0
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="rr-bench-"))
    try:
        results = run_all(args, workdir.resolve())
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(results, ensure_ascii=False, indent=1))
    return 1 if results["errors"] else 0


def run_all(args, workdir: Path) -> dict:
    corpus, db = workdir / "corpus", workdir / "bench.db"
    workdir.mkdir(parents=True, exist_ok=True)
    started, load_at_start = time.perf_counter(), _load_average()
    print(f"[benchmark] generating {args.reports} reports in {corpus}", file=sys.stderr, flush=True)
    shutil.rmtree(corpus, ignore_errors=True)
    corpus_s, reports = timed(lambda: bench_corpus.generate_corpus(corpus, args.reports, args.seed))
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    phases: dict = {}

    def phase(name: str, **kwargs) -> None:
        phases[name] = run_phase(name, home, **kwargs)
        # each phase's result as it comes: a long run cut short still shows what it measured
        (workdir / "phases.json").write_text(json.dumps(phases, ensure_ascii=False, indent=1), encoding="utf-8")

    phase("extract", corpus=str(corpus), workers=args.workers, sample=args.sample)
    phase("import", corpus=str(corpus), db=str(db), workers=args.workers)
    database = _database_size(db, len(reports))
    if "error" in phases["import"]:  # the rest measure the imported database
        phases.update(dict.fromkeys(PHASE_ORDER[2:], {"error": "the import failed"}))
    else:  # the quick ones first: a long run cut short has them
        if args.skip_gui:
            phases["gui"] = {"skipped": True}
        else:
            phase("gui", db=str(db), switches=args.switches, spawned_at=time.time())
        phase("search", db=str(db))
        phase("import_floor", db=str(db), floor_db=str(workdir / "floor.db"))
        (workdir / "floor.db").unlink(missing_ok=True)  # as large as the database: disk is not free
        phase("export", db=str(db), out_dir=str(workdir))
    corpus_info = {"reports": len(reports), "mb": round(sum(r.n_bytes for r in reports) / 1e6, 1),
                   "generate_s": round(corpus_s, 2), "seed": args.seed,
                   "kinds": {k: sum(r.kind == k for r in reports) for k in bench_corpus.KIND_WEIGHTS}}
    return assemble(phases, n_reports=args.reports, workers=args.workers,
                    head={"machine": machine_info(), "reports": args.reports, "workers": args.workers,
                          "corpus": corpus_info, "database": database,
                          # on a shared machine the figures depend on it: compare value/floor
                          "load_average": {"start": load_at_start, "end": _load_average()},
                          "run_s": round(time.perf_counter() - started, 1)})


def _load_average() -> list | None:
    try:
        return [round(load, 2) for load in os.getloadavg()]
    except (AttributeError, OSError):  # not on Windows
        return None


def _database_size(db: Path, n_reports: int) -> dict:
    """The database file (with its write-ahead log) right after the import."""
    size = sum(path.stat().st_size for path in (db, db.with_name(db.name + "-wal")) if path.exists())
    return {"mb": round(size / 1e6, 1), "kb_per_report": round(size / 1e3 / max(1, n_reports), 1)}


def _get(phase: dict, *keys):
    """A nested value of a phase result, or None when the phase failed or was skipped."""
    for key in keys:
        if not isinstance(phase, dict) or key not in phase:
            return None
        phase = phase[key]
    return phase


def assemble(phases: dict, n_reports: int, workers: int, head: dict) -> dict:
    """The printed JSON: every measurement beside its floor, with target and pass/miss."""
    targets, basis = targets_for(n_reports)
    ex, im, fl, gui = (phases[k] for k in ("extract", "import", "import_floor", "gui"))
    ops = {**phases["search"], **phases["export"]}
    decode_extract = {"sample_reports": _get(ex, "reports"), "workers": workers,
                      "figures_per_report": _get(ex, "per_report", "figures"),
                      "sections_per_report": _get(ex, "per_report", "sections"),
                      "metadata_match": _get(ex, "metadata_match")}
    for mode in ("single_process", "all_cores"):
        for unit in ("reports_per_s", "mb_per_s"):
            decode_extract[f"{mode}_{unit}"] = verdict(
                _get(ex, mode, unit), _get(ex, mode, "floor_read_decode", unit), None)
    import_ = {
        "seconds": verdict(_get(im, "seconds"), _get(fl, "seconds"), targets["import_s"]),
        "reports_per_s": verdict(_get(im, "reports_per_s"), _get(fl, "reports_per_s"), None),
        "rate_to_floor": verdict(_ratio(_get(im, "reports_per_s"), _get(fl, "reports_per_s")), None,
                                 targets.get("import_rate_to_floor"), higher_is_better=True),
        "figures_per_s": verdict(_get(im, "figures_per_s"), _get(fl, "figures_per_s"), None),
        "reports": _get(im, "reports"), "figures": _get(im, "figures"),
        "duplicates": _get(im, "duplicates"), "failed": _get(im, "n_failed"),
        "floor_is": "sqlite3 executemany of the same rows in one transaction, FTS indexed by one INSERT…SELECT; "
                    "of more than 20,000 reports the first 20,000, its seconds scaled to all",
        "floor_parts_s": {"rows": _get(fl, "rows_s"), "fts_index": _get(fl, "fts_index_s")},
        "floor_reports_written": _get(fl, "reports_written"),
    }
    search_targets = {"three_plus_chars": targets["search_s"], "two_chars": targets.get("search_two_chars_s")}
    search = {name: {**verdict(_get(ops, "search", name, "median_s"), _get(ops, "search", name, "floor_raw_query_s"),
                               search_targets[name]),
                     "query": _get(ops, "search", name, "query"), "hits": _get(ops, "search", name, "hits"),
                     "max_s": _get(ops, "search", name, "max_s")}
              for name in SEARCH_QUERIES}
    export = {f"{fmt}_long_s": {**verdict(_get(ops, "export", fmt, "seconds"), _get(ops, "export", fmt, "floor_s"),
                                          targets[f"export_{fmt}_s"]),
                                "rows": _get(ops, "export", fmt, "rows"), "mb": _get(ops, "export", fmt, "mb")}
              for fmt in ("csv", "xlsx")}
    export["floor_is"] = ("every figure joined with its report, one query, no checks or sentences: through "
                          "csv.writer; for XLSX through the program's sheet writer, one sheet")
    window, switch, table = _gui_sections(gui, targets)
    memory = {name: {k: _get(phases[name], k) for k in ("peak_mb", "children_peak_mb", "baseline_mb")}
              for name in ("extract", "import", "search", "export", "gui")}
    program_peaks = [v for name in ("import", "search", "export", "gui")
                     for v in (_get(phases[name], "peak_mb"), _get(phases[name], "children_peak_mb"))
                     if isinstance(v, (int, float))]
    baselines = [v for v in (_get(phases[n], "baseline_mb") for n in ("import", "search", "export", "gui")) if v]
    memory["program_peak_mb"] = verdict(max(program_peaks, default=None), max(baselines, default=None),
                                        targets.get("memory_mb"))
    memory["window_peak_mb"] = verdict(_get(gui, "peak_mb"), _get(gui, "baseline_mb"), targets.get("window_memory_mb"))
    memory["window_peak_before_charts_mb"] = verdict(_get(gui, "review_peak_mb"), _get(gui, "baseline_mb"),
                                                     targets.get("window_memory_mb"))
    memory["floor_is"] = ("the same process right after importing the program's modules; the window's peak "
                          "before charts: after opening, switching, filtering, sorting and scrolling, before "
                          "the Charts tab is shown")
    results = {**head, "targets_note": f"targets are for {basis} reports on 2 cores; "
                                       f"import and export targets scaled to {n_reports} reports",
               "decode_extract": decode_extract, "import": import_, "open_window": window,
               "switch_report": switch, "search": search, "table": table, "export": export,
               "memory": memory}
    results["misses"] = sorted(_misses(results))
    results["errors"] = {name: phase["error"] for name, phase in phases.items() if "error" in phase}
    return results


def _ratio(value, floor):
    return round(value / floor, 2) if isinstance(value, (int, float)) and isinstance(floor, (int, float)) and floor \
        else None


def _gui_sections(gui: dict, targets: dict) -> tuple[dict, dict, dict]:
    if gui.get("skipped") or "error" in gui:
        note = gui if "error" in gui else {"skipped": True}
        return dict(note), dict(note), dict(note)
    window = {"usable_s": verdict(gui["usable_s"], gui["floor_open_list_s"], targets["window_usable_s"]),
              "floor_is": "open_store, the ids in list order (one raw SELECT), the first report and its figures",
              "reports_listed": gui["reports_listed"],
              "process_start_to_usable_s": gui["startup_with_imports_s"]}
    switch = {"median_s": verdict(gui["switch_median_s"], gui["floor_switch_median_s"], None),
              "p95_s": verdict(gui["switch_p95_s"], gui["floor_switch_p95_s"], targets["switch_p95_s"]),
              "switches": gui["switches"], "highlights_on_last_report": gui["highlights_on_last"],
              "floor_is": "store.report + store.figures"}
    list_targets = dict.fromkeys(("report_list_sort_s", "report_list_filter_s", "report_list_first_sort_s",
                                  "report_list_first_filter_s"), targets.get("report_list_s"))
    table = {name: verdict(gui[name], gui[f"floor_{name}"], list_targets.get(name))
             for name in ("filter_s", "sort_s", "report_list_sort_s", "report_list_filter_s",
                          "report_list_scroll_page_s", "text_scroll_page_s", "figure_table_scroll_page_s")}
    for name in ("report_list_first_sort_s", "report_list_first_filter_s"):  # once: what a fresh window takes
        table[name] = verdict(gui[name], gui["floor_" + name.replace("_first", "")], list_targets[name])
    for name in ("overview", "distribution", "trend", "coverage"):
        key = f"chart_{name}_redraw_s"
        if key in gui:
            table[key] = verdict(gui[key], None, targets.get("chart_redraw_s"))
    table["report_list_columns_wait_after_switches_s"] = gui.get("report_list_columns_wait_after_switches_s")
    table["rows"] = gui["table_rows"]
    table["floor_is"] = ("filter / sort: the same on plain Python lists of the rows (the report list's: "
                         "(id, agency, year) of every report, read raw); report list first filter / sort: "
                         "the first after the window opened and the switches (a big list reads its columns on a worker "
                         "from the start: the wait for it after the switches is printed), the others a median of 11; "
                         "scroll (one page down, painted): repainting the view without scrolling")
    return window, switch, table


def _misses(results: dict):
    def walk(node, path):
        if isinstance(node, dict):
            if node.get("pass") is False:
                yield path
            for key, child in node.items():
                yield from walk(child, f"{path}.{key}" if path else key)
    return walk(results, "")


if __name__ == "__main__":
    raise SystemExit(main())
