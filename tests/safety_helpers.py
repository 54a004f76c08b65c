"""Shared by the "nothing lost, nothing corrupted" tests: running main.py as a user does, and
fingerprints of a database that must not change."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS


def run(*args, cwd=None, timeout=300, **kwargs) -> subprocess.CompletedProcess:
    """`python main.py ARGS` in `cwd` (default: the project), output as text."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout, **kwargs)


def one_line_failure(result: subprocess.CompletedProcess) -> str:
    """The failure's single stderr line; asserts exit 2 and no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def content(db_path: Path) -> dict:
    """What a reviewer would miss if it changed: every report's text and metadata, every figure
    with its review, every edit. Read through a read-only, immutable connection."""
    conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return {
            "reports": conn.execute("SELECT id, sha256, text, title, agency, report_year FROM reports"
                                    " ORDER BY id").fetchall(),
            "figures": conn.execute("SELECT * FROM figures ORDER BY id").fetchall(),
            "edits": conn.execute("SELECT * FROM edits ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(str(db_path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def seeded_db(folder: Path, name: str = "r.db", reviewed: bool = True) -> Path:
    """A database of the seed reports with a few reviews, closed (checkpointed)."""
    from app.store.database import open_store
    from app.store.importer import import_paths
    db_path = Path(folder) / name
    with open_store(db_path) as store:
        import_paths(store, [str(SEEDS)], workers=1)
        if reviewed:
            first = store.figures(store.report_ids()[0])
            store.confirm([first[0].id])
            store.reject([first[1].id], reason="not a count")
    return db_path
