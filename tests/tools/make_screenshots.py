"""Re-render the README's screenshots from the bundled seeds, offscreen.

    python tests/tools/make_screenshots.py [--out resources/screenshots] [--language en]

Another language than English writes main-window.LANG.png and charts.LANG.png beside them.
main-window.png: the review window on the seed with the most figures, part of it reviewed
(six confirmed one by one, eight in one bulk step), a figure flagged by a check selected and
the finding beside it. charts.png: the charts tab on the indicator most reports state.
Needs a CJK font (Debian: fonts-wqy-microhei), or Chinese shows as boxes.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SIZE = (1600, 950)
SETTLE_MS = 1500  # a selected figure flashes for under a second: show the settled colours


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--language", default="en", help="interface language, e.g. en or zh_CN")
    args = parser.parse_args()

    from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.gui.i18n import install_translator
    from app.gui.main_window import MainWindow
    from app.gui.settings import Settings
    from app.paths import seeds_dir
    from app.store.database import open_store
    from app.store.importer import import_paths

    app = QApplication(sys.argv)
    if args.language != "en":
        install_translator(app, args.language)
    work = Path(tempfile.mkdtemp(prefix="rr-shots-"))
    store = open_store(str(work / "review.sqlite"))
    import_paths(store, [str(seeds_dir())])
    store.acquire_app_lock()
    window = MainWindow(store, Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)))
    window.resize(*SIZE)
    window.show()
    app.processEvents()

    review = window.controller
    figures = {report.id: store.figures(report.id) for report in store.list_reports()}
    review.open_report(max(figures, key=lambda report_id: len(figures[report_id])))
    app.processEvents()
    metrics = window.metrics
    metrics.select_figure(metrics.visible_figure_ids()[0])
    for _ in range(6):
        review.confirm_and_next()
    rows = QItemSelection(metrics.proxy.index(6, 0), metrics.proxy.index(13, 0))
    metrics.table.selectionModel().select(
        rows, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    review.bulk("confirm")
    app.processEvents()
    panel = window.checks_box.panel
    if panel.proxy.rowCount():
        panel.table.selectRow(0)
        flagged = panel.flagged_figure_ids()
        if flagged:
            metrics.select_figure(sorted(flagged)[0])
            panel.table.selectRow(0)
    QTest.qWait(SETTLE_MS)
    window.statusBar().clearMessage()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "en" else f".{args.language}"
    window.grab().save(str(args.out / f"main-window{suffix}.png"))

    window.tabs.setCurrentWidget(window.charts)
    reports_stating = Counter(indicator for rows in figures.values() for indicator in {f.indicator for f in rows})
    reports_stating.pop(None, None)
    window.charts.set_indicator(reports_stating.most_common(1)[0][0])
    QTest.qWait(300)
    window.charts.grab().save(str(args.out / f"charts{suffix}.png"))
    window.close()
    store.close()
    print(f"wrote {args.out / f'main-window{suffix}.png'} and {args.out / f'charts{suffix}.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
