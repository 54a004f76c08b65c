"""Build the double-click program: `python -m app.build_app` makes dist/ReportReviewer/.

A PyInstaller one-folder build driven by resources/packaging/report_reviewer.spec, which
takes its lists from here so that they are tested. Qt modules the program never uses are
left out (STACK-FACTS "PyInstaller"); the OpenGL modules stay because pyqtgraph imports
them, and the input-method plugins stay so Chinese can be typed.
"""
from __future__ import annotations

import argparse
import fnmatch
import shutil
import subprocess
import sys
import time
from pathlib import Path

from app import build_trim

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "resources" / "packaging" / "report_reviewer.spec"
APP_NAME = "ReportReviewer"
BUNDLE_ID = "org.reportreviewer.ReportReviewer"

EXCLUDES = (
    "PySide6.QtNetwork",  # QtSvg stays: pyqtgraph's SVG exporter draws through it (chart export)
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtDBus",
    "pyqtgraph.opengl",
    "pyqtgraph.examples",
    "tkinter",
    # numpy's random and FFT (3 MB of compiled code): numpy loads them only when asked, and
    # only pyqtgraph functions the program does not call (pseudoScatter, flowchart) ask
    "numpy.random",
    "numpy.fft",
    # Optional extras that pyqtgraph and numpy import only if installed; a developer's
    # environment may have them, and scipy alone adds 70 MB.
    "scipy",
    "numba",
    "matplotlib",
    "IPython",
    "pytest",
    "_pytest",
    # The program never goes online; the standard library imports these only if present,
    # and they bring OpenSSL (5 MB).
    "ssl",
    "_ssl",
    "_hashlib",
    "yaml._yaml",  # PyYAML's C speed-up (2.6 MB); cn2an reads one small file with the pure-Python loader
    "readline",  # line editing for an interactive prompt, which a window program has not
) + (() if sys.platform == "win32" else ("dateutil.tz.win",))  # Windows time zones: ctypes on user32
HOOKS = ROOT / "resources" / "packaging" / "hooks"
# Under resources/, what the running program never reads; everything else is bundled, so a
# resource added later (a lexicon, a gazetteer) needs no entry. the wheel (pyproject.toml) leaves out the same.
RESOURCES_NOT_BUNDLED = ("packaging", "screenshots")
# Folders the running program needs; a bundle without them is broken.
REQUIRED_IN_BUNDLE = (
    "resources/indicators.json",
    "resources/gazetteer/divisions.txt",
    "resources/icons/app.png",
    "seeds",
    "PySide6/Qt/plugins/platforms",
    "PySide6/Qt/plugins/platforminputcontexts",
    "pypdfium2_raw",  # PDFium itself, for PDF reports (pyinstaller-hooks-contrib collects it)
)


def bundle_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller `datas`: (source, folder inside the bundle) for each resource present.

    Empty or missing folders are skipped: PyInstaller refuses a source that matches nothing.
    """
    entries = []
    resources = root / "resources"
    for source in sorted(resources.iterdir()) if resources.is_dir() else []:
        if source.name in RESOURCES_NOT_BUNDLED:
            continue
        if source.is_file():
            entries.append((str(source), "resources"))
        elif source.is_dir() and any(path.is_file() for path in source.rglob("*")):
            entries.append((str(source), f"resources/{source.name}"))
    seeds = root / "seeds"
    if any(seeds.glob("*")):
        entries.append((str(seeds), "seeds"))
    return entries


def icon_file(root: Path = ROOT, platform: str = sys.platform) -> str | None:
    """The icon PyInstaller embeds: .ico on Windows; on macOS a PNG (converted if Pillow is
    installed); Linux executables carry no icon (the .desktop file names one)."""
    if platform == "win32":
        return str(root / "resources" / "icons" / "app.ico")
    if platform == "darwin":
        return str(root / "resources" / "icons" / "app.png")
    return None


def compile_translations(root: Path = ROOT) -> list[Path]:
    """Turn resources/i18n/*.ts into the .qm files Qt loads (they are not committed)."""
    sources = sorted((root / "resources" / "i18n").glob("*.ts"))
    stale = [ts for ts in sources
             if not ts.with_suffix(".qm").exists()
             or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if not stale:
        return []
    lrelease = _lrelease()
    if lrelease is None:
        print("warning: lrelease not found; translations are not rebuilt", file=sys.stderr)
        return []
    for ts in stale:
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)
    return [ts.with_suffix(".qm") for ts in stale]


def _lrelease() -> str | None:
    try:
        import PySide6
    except ImportError:
        return shutil.which("pyside6-lrelease")
    for name in ("lrelease", "lrelease.exe"):
        bundled = Path(PySide6.__file__).parent / name
        if bundled.exists():
            return str(bundled)
    return shutil.which("pyside6-lrelease")


def bundle_folder(dist: Path) -> Path:
    return dist / APP_NAME


def executable(dist: Path, platform: str = sys.platform) -> Path:
    name = f"{APP_NAME}.exe" if platform == "win32" else APP_NAME
    return bundle_folder(dist) / name


def missing_parts(folder: Path) -> list[str]:
    """Required parts absent from a built bundle (PyInstaller 6 puts them in _internal/)."""
    internal = folder / "_internal"
    return [part for part in REQUIRED_IN_BUNDLE
            if not (internal / part).exists() and not (folder / part).exists()]


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def build(dist: Path, work: Path) -> int:
    compile_translations()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        print(f"PyInstaller failed (exit {result.returncode}).", file=sys.stderr)
        return result.returncode
    folder = bundle_folder(dist)
    missing = missing_parts(folder)
    if missing:
        print("The bundle is incomplete; missing: " + ", ".join(missing), file=sys.stderr)
        return 1
    if sys.platform.startswith("linux"):
        for note in (build_trim.strip_interpreter(folder), build_trim.shrink_icu_data(folder)):
            if note:
                print(note)
    elapsed = time.monotonic() - started
    print(f"Built {executable(dist)}")
    for part, size in size_by_part(folder).items():
        print(f"  {part:<42} {size / 2**20:6.1f} MB")
    print(f"Bundle size: {folder_size(folder) / 2**20:.0f} MB; build time: {elapsed:.0f} s")
    return 0


# Parts of a built bundle for the size summary: (label, fnmatch patterns of the path inside
# the folder, where * crosses "/"); the first part that matches takes the file.
PARTS = (
    ("ICU (Unicode and locale data)", ("*libicu*",)),
    ("Qt libraries and plugins", ("*PySide6/Qt/*", "*libQt6*", "*Qt6*.dll", "*PySide6/plugins/*")),
    ("PySide6 and shiboken bindings", ("*PySide6/*", "*shiboken6/*", "*libpyside6*", "*libshiboken6*")),
    ("numpy and OpenBLAS", ("*numpy/*", "*numpy.libs/*", "*libscipy_openblas*")),
    ("Python interpreter and standard library", ("*libpython*", "*python3*/*", "*base_library.zip",
                                                 APP_NAME, f"{APP_NAME}.exe")),
    ("resources and sample reports", ("*resources/*", "*seeds/*")),
)
OTHER_PART = "other libraries and Python packages"


def size_by_part(folder: Path) -> dict[str, int]:
    """Bytes of the bundle per part of PARTS; the rest counts as OTHER_PART."""
    sizes = {label: 0 for label, _patterns in PARTS}
    sizes[OTHER_PART] = 0
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        relative = path.relative_to(folder).as_posix()
        label = next((label for label, patterns in PARTS
                      if any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)), OTHER_PART)
        sizes[label] += path.stat().st_size
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.build_app",
        description="Build the standalone Report Reviewer program (PyInstaller, one folder).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the program folder goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's scratch folder (default: build/)")
    args = parser.parse_args(argv)
    return build(args.dist.resolve(), args.work.resolve())


if __name__ == "__main__":
    raise SystemExit(main())
