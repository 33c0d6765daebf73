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
    w, h = SEAL_PX
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 6, w - 6, h - 6), outline=SEAL_RED, width=12)
    draw.ellipse((26, 26, w - 26, h - 26), outline=SEAL_RED, width=4)
    arc = "全国统一发票监制章"
    size = 50
    rx, ry = w / 2 - 78, h / 2 - 72
    for i, ch in enumerate(arc):
        # spread the characters over the upper arc, from 155° to 25°
        theta = math.radians(155 - i * (130 / (len(arc) - 1)))
        cx, cy = w / 2 + rx * math.cos(theta), h / 2 - ry * math.sin(theta)
        tile = _char(ch, size, math.degrees(theta) - 90)
        image.alpha_composite(tile, (int(cx - size), int(cy - size)))
    for text, y, px in (
        ("国家税务总局", h * 0.56, 46),
        (office, h * 0.80, 44 if len(office) < 9 else 36),
    ):
        draw.text((w / 2, y), text, font=_pil_font(px), fill=SEAL_RED, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
