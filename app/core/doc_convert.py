"""Old Word (.doc) and WPS (.wps) files turned into .docx by LibreOffice, when it is installed.

Both are Word binary files in an OLE2 container (WPS Office writes .wps that way), which
nothing in the standard library reads. The pure-Python readers msdoc2docx 0.36.6 and
legacy-doc 0.2.1 read LibreOffice-made files correctly, but could not be tried on files made
by Word or WPS, which is what users have, so they are not used. LibreOffice converts them:
`soffice --headless --convert-to docx` on a copy in a temporary folder (the original is
never touched), with a time limit and a user profile of this process's own, so conversions
in parallel workers do not collide.
"""
from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TIME_LIMIT = 120  # seconds; a first start creates the profile (~5 s), a report takes ~2 s
SOFFICE_ENV = "REPORT_REVIEWER_SOFFICE"  # path to soffice, for installs in unusual places

_profile: str | None = None


class NoConverter(Exception):
    """LibreOffice is not installed (or not where we look)."""


class ConversionFailed(Exception):
    """LibreOffice ran but gave no .docx; str() is its reason."""


class ConversionTimedOut(ConversionFailed):
    pass


def is_ole2(data: bytes) -> bool:
    return data.startswith(OLE2_SIGNATURE)


def _candidates() -> list[str]:
    if sys.platform == "win32":
        roots = [os.environ.get(name) for name in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        return [str(Path(root) / "LibreOffice" / "program" / "soffice.exe") for root in roots if root]
    if sys.platform == "darwin":
        return ["/Applications/LibreOffice.app/Contents/MacOS/soffice",
                str(Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice")]
    return ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
            "/opt/libreoffice/program/soffice", "/snap/bin/libreoffice"]


def find_soffice() -> str | None:
    """LibreOffice's soffice: $REPORT_REVIEWER_SOFFICE, then PATH, then its usual install places."""
    override = os.environ.get(SOFFICE_ENV)
    if override is not None:
        return override if override and Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in _candidates() if Path(path).is_file()), None)


def _profile_url() -> str:
    """A LibreOffice user profile for this process, removed when it exits."""
    global _profile
    if _profile is None:
        _profile = tempfile.mkdtemp(prefix="report-reviewer-lo-")
        atexit.register(shutil.rmtree, _profile, True)
    return Path(_profile).as_uri()


def convert_to_docx(data: bytes, suffix: str, time_limit: float | None = None) -> bytes:
    """The .docx LibreOffice makes of these bytes (in at most `time_limit` s, TIME_LIMIT by
    default); raises NoConverter or ConversionFailed."""
    soffice = find_soffice()
    if soffice is None:
        raise NoConverter()
    with tempfile.TemporaryDirectory(prefix="report-reviewer-convert-") as folder:
        source = Path(folder) / ("report" + suffix)
        source.write_bytes(data)
        out = Path(folder) / "out"
        command = [soffice, f"-env:UserInstallation={_profile_url()}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", str(out), str(source)]
        said = _run(command, time_limit or TIME_LIMIT)
        result = out / "report.docx"
        if not result.is_file():
            raise ConversionFailed(said or "LibreOffice wrote no document")
        return result.read_bytes()


def _run(command: list[str], time_limit: float) -> str:
    """Run soffice; its last line of output (LibreOffice reports errors there, often with
    exit status 0)."""
    # soffice starts soffice.bin under it: kill the whole group when the time is up
    options = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if sys.platform == "win32"
               else {"start_new_session": True})
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, **options)
    except OSError as error:
        raise ConversionFailed(str(error.strerror or error)) from None
    try:
        output, _ = process.communicate(timeout=time_limit)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise ConversionTimedOut(f"{time_limit:g}") from None
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines()
             if line.strip() and "javaldx" not in line]  # a harmless warning on Linux
    last = lines[-1] if lines else ""
    if process.returncode != 0:
        raise ConversionFailed(last or f"exit status {process.returncode}")
    return last


def _kill(process: subprocess.Popen) -> None:
    try:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/T", "/F", "/PID", str(process.pid)],
                           capture_output=True, check=False)
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        pass
    process.wait()
