"""The window's scroll bars over Fusion: flat, and still showing where the view is."""
from __future__ import annotations

from PySide6.QtGui import QPalette

from review_fixtures import seeded_db, seeded_template, window  # noqa: F401

from app.gui.style import PlainScrollBars, install_style


def _handle_rows(bar) -> list[int]:
    """The rows of the bar's image painted in the handle's colour, along its middle."""
    image = bar.grab().toImage()
    handle = bar.palette().color(QPalette.ColorRole.Mid).rgb()
    x = image.width() // 2
    return [y for y in range(image.height()) if image.pixelColor(x, y).rgb() == handle]


def test_the_report_text_scroll_bar_shows_the_position(qtbot, window):
    assert isinstance(window.style(), PlainScrollBars)  # the window's style, over Fusion here
    bar = window.text_pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # a seed report is longer than the view
    bar.setValue(bar.minimum())
    at_top = _handle_rows(bar)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: _handle_rows(bar) != at_top)
    at_bottom = _handle_rows(bar)
    assert at_top and at_bottom
    assert max(at_top) < min(at_bottom)  # the handle moved down with the view
    groove = bar.palette().color(QPalette.ColorRole.Window)
    middle = bar.grab().toImage().pixelColor(bar.width() // 2, (max(at_top) + min(at_bottom)) // 2)
    assert middle == groove


def test_a_native_style_stays_as_it_is(qapp):
    before = qapp.style()
    qapp.setStyle("Windows")
    try:
        install_style(qapp)
        assert qapp.style().name().lower() == "windows"
        assert not isinstance(qapp.style(), PlainScrollBars)
    finally:
        qapp.setStyle("Fusion")
        if isinstance(before, PlainScrollBars):
            install_style(qapp)
