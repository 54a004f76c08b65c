"""The program's log file and its one route for unexpected errors.

The log lives in the user's data folder (never beside the program, which may be read-only
or shared) and rotates so it cannot grow without bound. An uncaught exception is written to
the log with its traceback, and the user sees one short message plus where the log is.
Qt-free: the GUI passes in the function that shows its dialog.
"""
from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Callable

from app import paths

LOG_NAME = "report-reviewer.log"
HANDLER_NAME = "report-reviewer-file"
MAX_LOG_BYTES = 1024 * 1024
KEPT_LOGS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

logger = logging.getLogger("report_reviewer")


def log_path() -> Path:
    return paths.user_data_dir() / "logs" / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating log file; returns its path, or None if unwritable.

    Calling it again (another data folder in tests) replaces the earlier file handler.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    target = log_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=MAX_LOG_BYTES, backupCount=KEPT_LOGS,
                                      encoding="utf-8")
    except OSError as error:
        # A read-only home must not stop the program; errors then go to stderr only.
        print(f"Report Reviewer: cannot write the log file {target}: {error}", file=sys.stderr)
        return None
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.level, level) if root.level else level)
    return target


def crash_message(exc_type: type[BaseException], exc_value: BaseException) -> str:
    """One line for the user: the error's kind and text, without the traceback."""
    text = str(exc_value).strip().splitlines()
    detail = f": {text[0]}" if text else ""
    return f"{exc_type.__name__}{detail}"


def install_excepthook(show_dialog: Callable[[str, str], None]) -> Path | None:
    """Log every uncaught exception and tell the user through show_dialog(message, log_path).

    Exceptions in worker threads are logged only: a dialog may only be shown from the GUI
    thread, and the task helper reports worker errors to the window itself.
    """
    target = setup_logging()
    shown_log = str(target) if target else "(no log file could be written)"
    showing = threading.Lock()  # an error inside the dialog must not open another dialog

    def handle(exc_type, exc_value, exc_traceback) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc_value, exc_traceback)
            return
        logger.critical("Uncaught exception", exc_info=(exc_type, exc_value, exc_traceback))
        if target is None:
            traceback.print_exception(exc_type, exc_value, exc_traceback)
        if not showing.acquire(blocking=False):
            return
        try:
            show_dialog(crash_message(exc_type, exc_value), shown_log)
        except Exception:  # the dialog itself failed: the log still has the original error
            logger.exception("Could not show the error dialog")
        finally:
            showing.release()

    def handle_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        logger.critical("Uncaught exception in thread %s",
                        args.thread.name if args.thread else "?",
                        exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = handle
    threading.excepthook = handle_thread
    return target
