"""Entry point: `python main.py` opens the window; `python main.py COMMAND` runs the command line."""
from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
