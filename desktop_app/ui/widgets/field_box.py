"""The overlay of one located field: its Polygon (never its Rect), coloured by state."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPolygonItem, QGraphicsSceneHoverEvent

from desktop_app.core.model import Polygon
from desktop_app.review.review_state import FieldState
from desktop_app.ui.widgets.state_colors import STATE_COLORS


def to_qpolygon(polygon: Polygon) -> QPolygonF:
    """The four corners in page pixels as a closed ``QPolygonF``."""
    return QPolygonF([QPointF(float(x), float(y)) for x, y in polygon])


class FieldBox(QGraphicsPolygonItem):
    """A field's polygon on the page; selected boxes are drawn thicker and filled."""

    def __init__(self, name: str, polygon: Polygon) -> None:
        super().__init__(to_qpolygon(polygon))
        self.name = name
        self.state = FieldState.RECOGNIZED
        self.selected = False
        self.hovered = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(1)
        self._restyle()

    def set_state(self, state: FieldState, tooltip: str) -> None:
        self.state = state
        self.setToolTip(tooltip)
        self._restyle()

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        self.setZValue(2 if selected else 1)
        self._restyle()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self._restyle()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self._restyle()
        super().hoverLeaveEvent(event)

    def _restyle(self) -> None:
        color = QColor(STATE_COLORS[self.state])
        pen = QPen(color, 3.0 if self.selected else 2.5 if self.hovered else 1.5)
        pen.setCosmetic(True)  # the same width at every zoom
        self.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(70 if self.selected else 28)
        self.setBrush(QBrush(fill))
