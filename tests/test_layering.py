"""The core and the store must stay usable without Qt (CLI, workers, other tools)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "pyqtgraph", "shiboken6")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_core_and_store_never_import_qt():
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for package in ("app/core", "app/store")
        for path in sorted((ROOT / package).rglob("*.py"))
        for module in imported_modules(path)
        if module.split(".")[0] in QT_MODULES or module.startswith("app.gui")
    ]
    assert offenders == []
