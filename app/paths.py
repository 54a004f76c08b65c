"""Where the program's files live: the same from a source tree, an installed wheel and a
PyInstaller bundle.

Qt-free so that the core, the CLI and the GUI all share it.
"""
from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding `resources/` and `seeds/`.

    A PyInstaller bundle unpacks them at its root; a wheel installs them inside the `app`
    package (see pyproject.toml); a source tree keeps them beside it, where the customer's files are.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    package = Path(str(resources.files("app")))
    if (package / "resources").is_dir():
        return package
    return package.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    return bundle_root() / "seeds"


def user_data_dir() -> Path:
    """The user's data folder (database, settings, logs); REPORT_REVIEWER_HOME overrides it.

    The platforms' standard per-user data locations, computed without Qt so the CLI and the
    log setup agree with the window.
    """
    override = os.environ.get("REPORT_REVIEWER_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "ReportReviewer"
