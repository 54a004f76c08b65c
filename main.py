"""Entry point: `python main.py` opens the window; `python main.py COMMAND` runs the command line."""
import multiprocessing

from app.cli import main

if __name__ == "__main__":
    # The importer's worker processes start by re-running this file in a bundled app;
    # freeze_support lets them run their task instead of opening another window.
    multiprocessing.freeze_support()
    raise SystemExit(main())
