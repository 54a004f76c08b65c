import os
import sys
from pathlib import Path

# Qt aborts without a display; tests always render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"
SEED_COUNT = len(list(SEEDS.glob("*.txt")))
DATA = Path(__file__).resolve().parent / "data"

# pytest-qt's waits end as soon as what they wait for happens; their 5 s default is only a
# backstop, and under load (both cores busy elsewhere) a window's activation or a worker's row
# can take longer than that, which failed tests by the clock. The backstop is the test's own
# timeout (pyproject's 300 s) instead: a wait that never ends still fails, never a slow one.
QT_WAIT_BACKSTOP_MS = 240_000


def _backstopped(wait):
    import functools

    @functools.wraps(wait)
    def patient(*args, **kwargs):
        kwargs.setdefault("timeout", QT_WAIT_BACKSTOP_MS)
        return wait(*args, **kwargs)
    return patient


try:
    from pytestqt.qtbot import QtBot
except ImportError:  # pytest-qt is a test extra; the core tests run without it
    QtBot = None
if QtBot is not None:
    for _name in ("waitUntil", "waitSignal", "waitSignals", "waitActive", "waitExposed", "waitCallback"):
        setattr(QtBot, _name, _backstopped(getattr(QtBot, _name)))
