"""The two images of an e-invoice page: its QR code and the red tax-office seal.

The QR code is encoded with segno (BSD) from the payload the platform prints
(``01,<kind>,,<number>,<amount>,<yyyymmdd>,,<check>``, as the genuine 数电 OFD's code
reads); the seal is drawn with Pillow using the CJK font shipped inside PyMuPDF, as a
transparent PNG, so it never adds text to the page's text layer.
"""

from __future__ import annotations

import functools
import io
import math

import segno
from PIL import Image, ImageDraw, ImageFont

from desktop_app.tools.einvoice_samples.sheet import font

SEAL_RED = (230, 30, 30, 255)
SEAL_PX = (600, 400)  # 30 x 20 mm at about 500 dpi


@functools.lru_cache(maxsize=64)
def qr_png(payload: str) -> bytes:
    """The QR code of ``payload`` as a PNG (no quiet zone: the page is white around it)."""
    buffer = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buffer, kind="png", scale=10, border=0)
    return buffer.getvalue()


@functools.cache
def _pil_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(font().buffer), size)


def _char(ch: str, size: int, angle: float) -> Image.Image:
    """One red character, rotated by ``angle`` degrees (counter-clockwise)."""
    tile = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
    ImageDraw.Draw(tile).text((size, size), ch, font=_pil_font(size), fill=SEAL_RED, anchor="mm")
    return tile.rotate(angle, resample=Image.Resampling.BICUBIC)


@functools.lru_cache(maxsize=64)
def seal_png(office: str) -> bytes:
    """The oval seal 全国统一发票监制章 / 国家税务总局 / ``office`` as a transparent PNG."""
    h = SEAL_PX[1]
    lines = (("国家税务总局", h * 0.56, 46), (office, h * 0.80, 44 if len(office) < 9 else 36))
    return oval_seal_png("全国统一发票监制章", lines)


@functools.lru_cache(maxsize=64)
def oval_seal_png(
    arc: str, lines: tuple[tuple[str, float, int], ...], size: tuple[int, int] = SEAL_PX
) -> bytes:
    """A red oval seal as a transparent PNG: ``arc`` along its upper rim, then each
    ``(text, y, px)`` of ``lines`` centred across it (also the paper-form generator's
    发票专用章, whose rim carries the seller's name)."""
    w, h = size
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 6, w - 6, h - 6), outline=SEAL_RED, width=12)
    draw.ellipse((26, 26, w - 26, h - 26), outline=SEAL_RED, width=4)
    size_px = 50 if len(arc) < 12 else max(30, int(50 * 12 / len(arc)))
    rx, ry = w / 2 - 78, h / 2 - 72
    for i, ch in enumerate(arc):
        # spread the characters over the upper arc, from 155° to 25°
        theta = math.radians(155 - i * (130 / max(1, len(arc) - 1)))
        cx, cy = w / 2 + rx * math.cos(theta), h / 2 - ry * math.sin(theta)
        tile = _char(ch, size_px, math.degrees(theta) - 90)
        image.alpha_composite(tile, (int(cx - size_px), int(cy - size_px)))
    for text, y, px in lines:
        draw.text((w / 2, y), text, font=_pil_font(px), fill=SEAL_RED, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
