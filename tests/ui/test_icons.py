"""Every shipped icon renders with QtSvg: not empty, not blank, usable as a QIcon."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop_app import resources


def _painted_pixels(renderer: QSvgRenderer, size: int) -> int:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return sum(1 for y in range(size) for x in range(size) if image.pixelColor(x, y).alpha() > 0)


@pytest.mark.parametrize("name", resources.ICON_NAMES)
def test_icon_renders_non_empty_at_toolbar_size(qapp, name: str) -> None:
    renderer = QSvgRenderer(str(resources.icon(name)))
    assert renderer.isValid(), name
    assert renderer.defaultSize().width() == renderer.defaultSize().height()
    painted = _painted_pixels(renderer, 24)
    assert 24 < painted < 24 * 24, f"{name}: {painted} painted pixels of 576"


def test_icons_load_as_qicons_through_the_svg_icon_engine(qapp) -> None:
    for name in resources.ICON_NAMES:
        icon = QIcon(str(resources.icon(name)))
        assert not icon.isNull(), name
        assert not icon.pixmap(32, 32).isNull(), name
