"""The command line: `python main.py [COMMAND]`, a thin layer over app.core and app.store.

Without a command it opens the window. Every failure the user can cause ends in one line on
stderr and exit status 2, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import sys
from pathlib import Path

from app import APP_NAME, __version__
from app.core.model import METADATA_FIELDS, STATUSES
from app.core.names import readable_name, shown

EXIT_OK, EXIT_FAILED = 0, 2
DEFAULT_STATUSES = ("confirmed", "corrected", "added")
EXPORT_FORMATS = ("csv", "xlsx", "jsonl")
SECTION_KEYS = ("level", "title", "category", "start", "end")
FIGURE_KEYS = ("start", "end", "raw", "value", "unit", "qualifier", "label", "indicator",
               "indicator_reason", "confidence")


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's import workers start through here
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] == "--smoke-test":
        from app.gui.launch import run_gui
        return run_gui([sys.argv[0] if sys.argv else "report-reviewer", *args])
    options = build_parser().parse_args(args)
    try:
        return options.run(options)
    except BrokenPipeError:  # `extract ... | head`: the reader has gone, nothing to report
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except sqlite3.DatabaseError as error:  # pages damaged past what the opening check reads
        print(f"error: the database is damaged ({_one_line(error)}); the step that met it was not "
              "saved and the file was not repaired", file=sys.stderr)
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="report-reviewer",
        description=f"{APP_NAME}: turn rule-of-law government reports into a reviewed dataset. "
                    "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window on the sample reports in a throwaway folder, check it, quit")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="print what the extractor finds, one JSON object per file",
        description="Print one JSON line per file: encoding, metadata, sections and figures "
                    "(or the error). Folders are searched recursively. Exit 2 if any file failed.")
    extract.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html, .docx files or folders")
    extract.add_argument("--db", metavar="FILE", help="an existing database whose taught cues decide indicators first")
    extract.set_defaults(run=run_extract)

    imports = commands.add_parser(
        "import", help="add report files or folders to a database",
        description="Add .txt, .html, .htm and .docx files (folders recursively) or a .jsonl "
                    "export to a database; files already in it are skipped. Exit 2 if any failed.")
    imports.add_argument("paths", nargs="+", metavar="PATH")
    imports.add_argument("--db", required=True, metavar="FILE", help="database file (created if missing)")
    imports.add_argument("--workers", type=_positive_int, metavar="N",
                         help="processes for reading and extraction (default: all cores)")
    imports.add_argument("--accept-incomplete", action="store_true",
                         help="restore the complete reports of a .jsonl export that is cut short "
                              "(without it, such a file is refused)")
    imports.set_defaults(run=run_import)

    export = commands.add_parser(
        "export", help="write the reviewed dataset",
        description="Write the figures of a database as CSV, XLSX or JSONL.")
    export.add_argument("--db", required=True, metavar="FILE", help="an existing database file")
    export.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    export.add_argument("--format", choices=EXPORT_FORMATS,
                        help="default: from the --out suffix, else csv")
    export.add_argument("--layout", choices=("long", "wide"), default="long",
                        help="long: one row per figure; wide: one row per report, one column "
                             "per indicator (default: long)")
    export.add_argument("--status", type=_statuses, default=DEFAULT_STATUSES, metavar="LIST",
                        help=f"comma-separated statuses to include, or 'all' "
                             f"(default: {','.join(DEFAULT_STATUSES)})")
    export.set_defaults(run=run_export)
    from app.cli_reviewers import add_commands
    add_commands(commands)  # reviewer, split, merge
    parser.set_defaults(run=lambda options: parser.error("no command given"))
    return parser


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def _statuses(text: str) -> tuple[str, ...]:
    if text.strip().lower() == "all":
        return STATUSES
    chosen = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = [status for status in chosen if status not in STATUSES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown status {', '.join(unknown) or text!r}; choose from {', '.join(STATUSES)} or all")
    return chosen


# --- extract ----------------------------------------------------------------------------------
def run_extract(options) -> int:
    from app.core.decode import DecodeError
    from app.core.extract import extract
    from app.core.readers import collect_files, read_report
    taught = None
    if options.db:
        from app.store.database import StoreError, open_store
        try:
            with open_store(options.db, create=False) as store:
                taught = store.active_cues()
        except StoreError as error:
            return _fail(error)
    _utf8_stdout()
    files, problems = collect_files(options.paths)
    failed = bool(problems)
    for path, message in problems:
        _print_json({"path": readable_name(path), "error": message})
    for path in files:
        try:
            _, decoded = read_report(path)
            result = extraction_json(readable_name(path), decoded, extract(decoded.text, taught=taught))
        except DecodeError as error:
            result, failed = {"path": readable_name(path), "error": _one_line(error)}, True
        except Exception as error:  # an extractor bug costs one file's line, not the run
            result, failed = {"path": readable_name(path), "error": f"extraction failed: "
                                                          f"{type(error).__name__}: {_one_line(error)}"}, True
        _print_json(result)
    return EXIT_FAILED if failed else EXIT_OK


def extraction_json(path: str, decoded, extraction) -> dict:
    result = {
        "path": path,
        "encoding": decoded.encoding,
        "metadata": {key: getattr(extraction.metadata, key) for key in METADATA_FIELDS},
        "sections": [{key: getattr(s, key) for key in SECTION_KEYS} for s in extraction.sections],
        "figures": [{key: _plain_number(getattr(f, key)) if key == "value" else getattr(f, key)
                     for key in FIGURE_KEYS} for f in extraction.figures],
    }
    if decoded.warning:
        result["warning"] = decoded.warning
    if decoded.page_starts:  # a PDF's: where each page begins in the text the offsets count in
        result["page_starts"] = list(decoded.page_starts)
    return result


def _plain_number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _print_json(obj: dict) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _utf8_stdout() -> None:
    """JSON lines are data: UTF-8 whatever the console's code page."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        try:
            reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass


# --- import -----------------------------------------------------------------------------------
def run_import(options) -> int:
    from app.store.database import StoreError, open_store
    from app.store.importer import import_paths
    on_terminal = sys.stderr.isatty()
    cancelled = []

    width = shutil.get_terminal_size().columns - 1

    def progress(done: int, total: int, current: str) -> None:
        if on_terminal:  # padded, so a shorter name overwrites a longer one
            line = f"[{done}/{total}] {shown(Path(current).name)}"[:width]
            print("\r" + line.ljust(width), end="", file=sys.stderr, flush=True)

    def cancel(*_) -> None:  # Ctrl-C or kill -TERM: stop after the current files, keep what is written
        cancelled.append(True)

    try:
        with open_store(options.db) as store:
            if store.read_only:
                raise StoreError(f"{shown(options.db)} cannot be written ({store.read_only}): "
                                 "nothing was imported")
            previous = {number: signal.signal(number, cancel) for number in (signal.SIGINT, signal.SIGTERM)}
            try:
                summary = import_paths(store, options.paths, progress=progress,
                                       should_cancel=lambda: bool(cancelled),
                                       workers=options.workers,
                                       accept_incomplete=options.accept_incomplete)
            finally:
                for number, handler in previous.items():
                    signal.signal(number, handler)
    except StoreError as error:
        return _fail(error)
    if on_terminal:
        print(file=sys.stderr)
    print(f"imported {len(summary.imported)}, skipped {len(summary.duplicates)} duplicates, "
          f"failed {len(summary.failed)}" + (" (cancelled)" if cancelled else ""))
    for path, reason in summary.failed:
        print(f"  {shown(path)}: {reason}")
    for path, warning in summary.warnings:
        print(f"  {shown(path)}: warning: {warning}")
    formats = [f"{name} {imported} imported" + (f", {duplicates} duplicates" if duplicates else "")
               + (f", {failed} failed" if failed else "")
               for name, imported, duplicates, failed in summary.by_format()]
    if formats:
        print("by format: " + "; ".join(formats))
    return EXIT_FAILED if summary.failed or cancelled else EXIT_OK


# --- export -----------------------------------------------------------------------------------
def run_export(options) -> int:
    from app.store.database import StoreError, open_store
    out = Path(options.out)
    fmt = options.format or (out.suffix.lower().lstrip(".") if out.suffix.lower().lstrip(".")
                             in EXPORT_FORMATS else "csv")
    try:
        with open_store(options.db, create=False) as store:
            from app.store.dataset import export_dataset
            rows = export_dataset(store, out, fmt=fmt, layout=options.layout,
                                  statuses=options.status)
    except (StoreError, OSError) as error:
        return _fail(error)
    print(f"wrote {rows} rows to {shown(out)}")
    return EXIT_OK


def _fail(error: BaseException) -> int:
    print(f"error: {_one_line(error)}", file=sys.stderr)
    return EXIT_FAILED


def _one_line(error: BaseException) -> str:
    text = str(error).strip()
    if isinstance(error, OSError) and error.strerror:
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    return text.splitlines()[0] if text else type(error).__name__
