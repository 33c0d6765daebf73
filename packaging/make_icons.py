"""Render the SVG application icon to the raster formats other platforms want.

``python packaging/make_icons.py [OUT_DIR]`` (default ``build/icons``) writes

* ``car-invoice-desk.ico``  — Windows: 16, 24, 32, 48, 64, 128, 256 px in one file;
* ``car-invoice-desk.icns`` — macOS: 16 … 1024 px;
* ``hicolor/<N>x<N>/apps/car-invoice-desk.png`` — Linux icon themes without SVG support.

The spec uses the ``.ico``/``.icns`` when present. Rendering uses QtSvg (offscreen), the
files are written with Pillow; both are dependencies of the app already.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "desktop_app" / "assets" / "icons" / "car-invoice-desk.svg"
NAME = "car-invoice-desk"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    """The icon rendered at ``size``×``size`` px as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main(argv: list[str]) -> int:
    """Write every icon file; returns 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (kept alive)
    out = Path(argv[0]) if argv else ROOT / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(size) for size in sorted({*ICO_SIZES, *ICNS_SIZES, *HICOLOR_SIZES})}
    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    largest = Image.open(io.BytesIO(pngs[max(ICO_SIZES)]))
    # Each size rendered from the SVG (crisper than Pillow's downscaling of the largest).
    frames = [Image.open(io.BytesIO(pngs[s])) for s in ICO_SIZES]
    largest.save(out / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=frames)
    big = Image.open(io.BytesIO(pngs[max(ICNS_SIZES)]))
    big.save(
        out / f"{NAME}.icns",
        append_images=[Image.open(io.BytesIO(pngs[s])) for s in ICNS_SIZES[:-1]],
    )
    print(f"wrote {out}/{NAME}.ico, {NAME}.icns and hicolor/*/apps/{NAME}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
