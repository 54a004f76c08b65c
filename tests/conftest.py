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
