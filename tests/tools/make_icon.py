"""Draw the program icon (a report page with a check mark) into resources/icons/.

Run once when the design changes; app.png and app.ico are committed:
    QT_QPA_PLATFORM=offscreen python tests/tools/make_icon.py
"""
from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int = 256) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)

    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5fa8"))
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)

    page = QPainterPath()  # a sheet with its top-right corner folded
    page.moveTo(62, 36)
    page.lineTo(158, 36)
    page.lineTo(198, 76)
    page.lineTo(198, 220)
    page.lineTo(62, 220)
    page.closeSubpath()
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(page)
    fold = QPainterPath()
    fold.moveTo(158, 36)
    fold.lineTo(158, 76)
    fold.lineTo(198, 76)
    fold.closeSubpath()
    painter.setBrush(QColor("#c9d6e8"))
    painter.drawPath(fold)

    painter.setBrush(QColor("#8aa0bd"))  # lines of text
    for top, width in ((66, 78), (92, 110), (118, 110), (144, 64)):
        painter.drawRoundedRect(QRectF(80, top, width, 10), 5, 5)

    painter.setBrush(QColor("#2e9e4f"))  # the reviewer's check mark
    painter.drawEllipse(QPointF(176, 182), 50, 50)
    pen = QPen(QColor("#ffffff"), 15, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline([QPointF(152, 184), QPointF(170, 202), QPointF(202, 164)])
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNGs (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images.items():
        side = size % 256  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    (ICONS / "app.png").write_bytes(png_bytes(big))
    sizes = {size: png_bytes(draw(size)) for size in ICO_SIZES}
    (ICONS / "app.ico").write_bytes(ico_bytes(sizes))
    print(f"wrote {ICONS / 'app.png'} and {ICONS / 'app.ico'}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
