"""The page on the left: image, field polygons, zoom, pan and rotation."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

from desktop_app.core.model import Polygon
from desktop_app.review.review_state import FieldState
from desktop_app.ui.widgets.field_box import FieldBox

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 16.0
#: Room kept around a field's box scrolled into view (screen pixels).
REVEAL_MARGIN = 40


class FitMode(Enum):
    """How the zoom follows the window size: kept fitted, or left as the clerk set it."""

    PAGE = "page"
    WIDTH = "width"
    NONE = "none"


class DocumentView(QGraphicsView):
    """A ``QGraphicsView`` of one page and the boxes of its located fields."""

    #: The clerk clicked a field's box: (field name).
    field_clicked = Signal(str)
    #: The zoom factor changed: (factor, 1.0 = one image pixel per screen pixel).
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QColor(96, 96, 100))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        # Dropped files belong to the window (which opens them), not to the scene.
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self._boxes: dict[str, FieldBox] = {}
        self._selected: str | None = None
        self._zoom = 1.0
        self._rotation = 0
        self._fit = FitMode.PAGE
        self.overlay_visible = True

    # -- content
    def set_image(self, image: QImage | None) -> None:
        """Show ``image`` (None: an empty view); removes the boxes of the previous page."""
        self.scene().clear()
        self._boxes.clear()
        self._selected = None
        self._pixmap_item = None
        if image is None or image.isNull():
            self.scene().setSceneRect(QRectF())
            return
        self._pixmap_item = self.scene().addPixmap(QPixmap.fromImage(image))
        self._pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().setSceneRect(self._pixmap_item.boundingRect())
        self._refit()
        # A new page starts at its top left, at the zoom mode the clerk chose.
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    @property
    def has_image(self) -> bool:
        return self._pixmap_item is not None

    def set_boxes(self, boxes: list[tuple[str, Polygon]]) -> None:
        """Replace the overlay with one box per (field name, polygon in page pixels)."""
        for box in self._boxes.values():
            self.scene().removeItem(box)
        self._boxes = {}
        for name, polygon in boxes:
            box = FieldBox(name, polygon)
            box.setVisible(self.overlay_visible)
            self.scene().addItem(box)
            self._boxes[name] = box

    def box(self, name: str) -> FieldBox | None:
        return self._boxes.get(name)

    def box_names(self) -> list[str]:
        return list(self._boxes)

    def update_box(self, name: str, state: FieldState, tooltip: str) -> None:
        if name in self._boxes:
            self._boxes[name].set_state(state, tooltip)

    def set_overlay_visible(self, visible: bool) -> None:
        self.overlay_visible = visible
        for box in self._boxes.values():
            box.setVisible(visible)

    def select_field(self, name: str | None, *, reveal: bool = True) -> None:
        """Highlight ``name``'s box; with ``reveal``, scroll it into view.

        The zoom the clerk chose stays (fit page, fit width or a percentage): it changes
        only when the box is larger than the view, and then just enough to show it.
        """
        if self._selected in self._boxes:
            self._boxes[self._selected].set_selected(False)
        self._selected = name
        box = self._boxes.get(name or "")
        if box is None:
            return
        box.set_selected(True)
        if not reveal or not box.isVisible():
            return
        rect = self.transform().mapRect(box.sceneBoundingRect())
        view = self.viewport().size()
        room_w, room_h = view.width() - 2 * REVEAL_MARGIN, view.height() - 2 * REVEAL_MARGIN
        if rect.width() > room_w or rect.height() > room_h:
            shrink = min(room_w / max(rect.width(), 1.0), room_h / max(rect.height(), 1.0))
            self._set_zoom(self._zoom * max(shrink, 0.05))
        self.ensureVisible(box.sceneBoundingRect(), REVEAL_MARGIN, REVEAL_MARGIN)

    # -- zoom, rotation
    @property
    def zoom(self) -> float:
        return self._zoom

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self._set_zoom(1.0)

    def fit_page(self) -> None:
        self._fit = FitMode.PAGE
        self._refit()

    def fit_width(self) -> None:
        self._fit = FitMode.WIDTH
        self._refit()

    def rotate_clockwise(self) -> None:
        """Turn the view (not the page data) by 90°."""
        self._rotation = (self._rotation + 90) % 360
        self._apply_transform()
        self._refit()

    def _page_size_on_screen(self) -> tuple[float, float]:
        rect = self.scene().sceneRect()
        if self._rotation in (90, 270):
            return rect.height(), rect.width()
        return rect.width(), rect.height()

    def _refit(self) -> None:
        if self._pixmap_item is None or self._fit is FitMode.NONE:
            return
        width, height = self._page_size_on_screen()
        view = self.viewport().size()
        if width <= 0 or height <= 0:
            return
        margin = 8
        by_width = (view.width() - margin) / width
        zoom = (
            by_width
            if self._fit is FitMode.WIDTH
            else min(by_width, (view.height() - margin) / height)
        )
        self._set_zoom(zoom, keep_fit=True)
        if self._fit is FitMode.WIDTH:
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def _set_zoom(self, zoom: float, *, keep_fit: bool = False) -> None:
        if not keep_fit:
            self._fit = FitMode.NONE
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._apply_transform()
        self.zoom_changed.emit(self._zoom)

    def _apply_transform(self) -> None:
        self.setTransform(QTransform().rotate(self._rotation).scale(self._zoom, self._zoom))

    # -- events
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self._set_zoom(self._zoom * (ZOOM_STEP**steps))
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            box = self._box_at(event)
            if box is not None:
                self.field_clicked.emit(box.name)
                event.accept()
                return
        super().mousePressEvent(event)

    def _box_at(self, event: QMouseEvent) -> FieldBox | None:
        if not self.overlay_visible:
            return None
        for item in self.items(event.position().toPoint()):
            if isinstance(item, FieldBox):
                return item
        return None
