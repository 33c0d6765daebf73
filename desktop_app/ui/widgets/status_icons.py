"""One icon per page status for the queue: a coloured disc with a sign, readable without colour."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from desktop_app.store import PageStatus

#: Colour and sign per status (the sign keeps it readable for colour-blind clerks).
STATUS_LOOK: dict[PageStatus, tuple[QColor, str]] = {
    PageStatus.NEW: (QColor(140, 140, 140), "·"),
    PageStatus.RECOGNIZING: (QColor(33, 118, 210), "…"),
    PageStatus.NEEDS_REVIEW: (QColor(230, 145, 0), "?"),
    PageStatus.APPROVED: (QColor(46, 139, 87), "✓"),
    PageStatus.REJECTED: (QColor(120, 80, 160), "↩"),
    PageStatus.FAILED: (QColor(211, 47, 47), "!"),
}

#: Text colour of the duplicate flag (dark amber, readable on white).
DUPLICATE_COLOR = QColor(176, 96, 0)

_icons: dict[tuple[PageStatus, int], QIcon] = {}


def status_icon(status: PageStatus, size: int = 16) -> QIcon:
    """A disc in the status colour with its sign in white (cached)."""
    cached = _icons.get((status, size))
    if cached is not None:
        return cached
    color, sign = STATUS_LOOK[status]
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2× so it stays crisp on HiDPI
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(2, 2, size * 2 - 4, size * 2 - 4)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 1.3))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size * 2, size * 2), Qt.AlignmentFlag.AlignCenter, sign)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    icon = QIcon(pixmap)
    _icons[(status, size)] = icon
    return icon
