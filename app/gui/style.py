"""The application's style: Fusion (Qt's default on Linux) with plain scroll bars.

Fusion paints a scroll bar's groove and handle with gradients, and Qt's raster engine
spreads every gradient fill taller than 64 lines over its GUI thread pool, then waits for
it: a report switch repaints eight scroll bars, which took about 35 ms of a 80 ms switch on
two cores (more under load). Solid fills of the palette's colours cost a fraction of that;
arrows and everything else stay Fusion's. Other platforms' native styles are left alone.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption

_SLIDER_INSET = 2  # pixels between the handle and the groove's long edges

SubControl = QStyle.SubControl
Primitive = QStyle.PrimitiveElement


class PlainScrollBars(QProxyStyle):
    """Fusion, but a scroll bar is a flat groove with a flat handle and Fusion's arrows."""

    def drawComplexControl(self, control, option, painter, widget=None):
        if control != QStyle.ComplexControl.CC_ScrollBar:
            super().drawComplexControl(control, option, painter, widget)
            return
        palette = option.palette
        painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Window))
        vertical = option.orientation == Qt.Orientation.Vertical
        slider = self.subControlRect(control, option, SubControl.SC_ScrollBarSlider, widget)
        if option.state & QStyle.StateFlag.State_Enabled and slider.isValid() and option.maximum > option.minimum:
            active = bool(option.activeSubControls & SubControl.SC_ScrollBarSlider)
            colour = palette.color(QPalette.ColorRole.Dark if active else QPalette.ColorRole.Mid)
            inset = (_SLIDER_INSET, 1, -_SLIDER_INSET, -1) if vertical else (1, _SLIDER_INSET, -1, -_SLIDER_INSET)
            painter.fillRect(slider.adjusted(*inset), colour)
        arrows = ((SubControl.SC_ScrollBarSubLine, Primitive.PE_IndicatorArrowUp if vertical else Primitive.PE_IndicatorArrowLeft),
                  (SubControl.SC_ScrollBarAddLine, Primitive.PE_IndicatorArrowDown if vertical else Primitive.PE_IndicatorArrowRight))
        for part, arrow in arrows:
            area = self.subControlRect(control, option, part, widget)
            if area.isValid():
                arrow_option = QStyleOption(option)
                arrow_option.rect = area
                self.drawPrimitive(arrow, arrow_option, painter, widget)


def install_style(app: QApplication) -> None:
    """Plain scroll bars over Fusion; a native style (Windows, macOS, KDE) stays as it is."""
    style = app.style()
    if isinstance(style, PlainScrollBars) or style.name().lower() != "fusion":
        return
    app.setStyle(PlainScrollBars("Fusion"))
