"""Add Report Reviewer to the Linux desktop's application menu.

`python -m app.install_desktop` writes ~/.local/share/applications/report-reviewer.desktop
(under $XDG_DATA_HOME when set) and the icon beside the user's other icons. The menu entry
starts the built program (dist/ReportReviewer/ReportReviewer) when there is one, else
`python main.py` from this source tree, or `python -m app` where the package was installed
(pip install .). `--uninstall` removes both files again.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from app import __version__
from app.build_app import ROOT, executable
from app.paths import resource_path

DESKTOP_ID = "report-reviewer"
# Characters that force an Exec argument into double quotes (Desktop Entry spec, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def desktop_file(home: Path) -> Path:
    return home / "applications" / f"{DESKTOP_ID}.desktop"


def icon_target(home: Path) -> Path:
    return home / "icons" / "hicolor" / "256x256" / "apps" / f"{DESKTOP_ID}.png"


def launch_command(binary: Path | None = None) -> list[str]:
    """The built program if it exists, else this Python running main.py from source, or the
    installed package where there is no source tree."""
    binary = binary or executable(ROOT / "dist")
    if binary.is_file():
        return [str(binary.resolve())]
    if (ROOT / "main.py").is_file():
        return [sys.executable, str(ROOT / "main.py")]
    return [sys.executable, "-m", "app"]


def exec_value(command: list[str]) -> str:
    """An Exec= value: reserved arguments double-quoted, then the string-value escapes."""
    quoted = []
    for argument in command:
        if _RESERVED & set(argument):
            inner = "".join("\\" + char if char in '"`$\\' else char for char in argument)
            argument = f'"{inner}"'
        quoted.append(argument.replace("%", "%%"))
    # Desktop files escape backslashes once more as string values.
    return " ".join(quoted).replace("\\", "\\\\")


def desktop_entry(command: list[str], icon: Path) -> str:
    template = resource_path("desktop", "report-reviewer.desktop.in")
    return (template.read_text(encoding="utf-8")
            .replace("@EXEC@", exec_value(command))
            .replace("@TRY_EXEC@", command[0].replace("\\", "\\\\"))
            .replace("@ICON@", str(icon))
            .replace("@VERSION@", __version__))


def install(home: Path | None = None, binary: Path | None = None) -> Path:
    home = home or data_home()
    icon = icon_target(home)
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("icons", "app.png"), icon)
    target = desktop_file(home)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(desktop_entry(launch_command(binary), icon), encoding="utf-8")
    target.chmod(0o755)  # some desktops only trust executable launchers
    return target


def uninstall(home: Path | None = None) -> list[Path]:
    home = home or data_home()
    removed = []
    for path in (desktop_file(home), icon_target(home)):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.install_desktop",
        description="Add Report Reviewer to the Linux application menu (for this user).")
    parser.add_argument("--binary", type=Path,
                        help="the program to start (default: dist/ReportReviewer/ReportReviewer "
                             "if built, else python main.py)")
    parser.add_argument("--uninstall", action="store_true", help="remove the menu entry")
    args = parser.parse_args(argv)
    if args.uninstall:
        removed = uninstall()
        print("Removed " + ", ".join(map(str, removed)) if removed else "Nothing to remove.")
        return 0
    if args.binary and not args.binary.is_file():
        print(f"No program at {args.binary}; build it first: python -m app.build_app",
              file=sys.stderr)
        return 1
    target = install(binary=args.binary)
    print(f"Installed {target}")
    print("Starts: " + " ".join(launch_command(args.binary)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
