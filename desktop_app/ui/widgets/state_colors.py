"""One colour per field state, shared by the overlay boxes and the field panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop_app.review.review_state import FieldState

STATE_COLORS: dict[FieldState, QColor] = {
    FieldState.RECOGNIZED: QColor(33, 118, 210),  # blue
    FieldState.EDITED: QColor(142, 68, 173),  # purple
    FieldState.CONFIRMED: QColor(46, 139, 87),  # green
    FieldState.WARNING: QColor(230, 145, 0),  # amber
    FieldState.ERROR: QColor(211, 47, 47),  # red
}

#: Darker shades for text on a light background (amber text is unreadable otherwise).
TEXT_COLORS: dict[FieldState, QColor] = {
    FieldState.WARNING: QColor(160, 95, 0),
    FieldState.ERROR: QColor(190, 30, 30),
}

_icons: dict[FieldState, QIcon] = {}


def state_icon(state: FieldState, size: int = 12) -> QIcon:
    """A filled dot in the state's colour (cached)."""
    if state not in _icons:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(STATE_COLORS[state])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        _icons[state] = QIcon(pixmap)
    return _icons[state]
