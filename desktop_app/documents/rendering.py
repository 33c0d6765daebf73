"""Pillow images in, PNG/JPEG bytes out; Pillow's failures as ``DocumentError``.

Rendered pages are 8-bit grey (``L``) or ``RGB``: what every decoder, the cloud
service and ``QImage`` read alike. Transparency is flattened onto white paper,
because black text on a transparent background would otherwise turn black on black.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image

from desktop_app.documents.errors import CorruptFile, ImageTooLarge
from desktop_app.documents.limits import PNG_COMPRESS_LEVEL

# What a damaged file makes Pillow's decoders raise (truncation is an OSError,
# a bad header often a SyntaxError or struct.error).
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)

_HIGH_DEPTH_MODES = frozenset({"I", "I;16", "I;16L", "I;16B", "I;16N", "F"})


@contextmanager
def pillow_errors(path: Path, max_pixels: int) -> Iterator[None]:
    """Turn Pillow's decompression-bomb and decoding errors into ``DocumentError``."""
    try:
        yield
    # The warning is an error too where warnings are errors (``python -W error``).
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLarge(path, max_pixels, detail=str(exc)) from exc
    except _DECODE_ERRORS as exc:
        raise CorruptFile(path, detail=f"{type(exc).__name__}: {exc}") from exc


def check_pixels(path: Path, size: tuple[int, int], max_pixels: int) -> None:
    """Raise ``ImageTooLarge`` if an image of ``size`` has more than ``max_pixels`` pixels."""
    width, height = size
    if width * height > max_pixels:
        raise ImageTooLarge(path, max_pixels, (width, height))


def open_image(data: bytes, formats: list[str] | None = None) -> Image.ImageFile.ImageFile:
    """Open encoded bytes lazily (header only), trying only ``formats`` when given."""
    return Image.open(io.BytesIO(data), formats=formats)


def to_display_mode(image: Image.Image) -> Image.Image:
    """``image`` as 8-bit ``L`` or ``RGB``: high bit depths scaled, alpha flattened on white."""
    mode = image.mode
    if mode in ("L", "RGB"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode in _HIGH_DEPTH_MODES:
        return _high_depth_to_grey(image)
    if mode in ("LA", "La", "PA", "RGBA", "RGBa") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image.convert("RGB")


def _high_depth_to_grey(image: Image.Image) -> Image.Image:
    """A 16-bit (or 32-bit, or float) grey image as 8-bit ``L``, by the range it really uses.

    ``convert("L")`` clips instead of scaling, and dividing by 256 turns a page
    whose 16-bit samples only hold 0-255 (what many tools write) into a black
    page. So the divisor comes from the largest sample: the bit depth in use
    (8, 12, 16 …) is scaled to 8 bits; floats in [0, 1] are scaled by 255.
    Contrast is never stretched: a faint page stays faint.
    """
    if image.mode == "F":
        low, high = image.getextrema()
        factor = 255.0 if low >= 0.0 and high <= 1.0 else 1.0
        return image.point(lambda v: v * factor).convert("L")
    grey = image.convert("I")
    _low, high = grey.getextrema()
    bits = max(8, int(high).bit_length())
    divisor = 1 << (bits - 8)
    if divisor == 1:
        return grey.convert("L")  # already 0-255 (negative 32-bit samples clip to 0)
    return grey.point(lambda v: v / divisor).convert("L")


def encode_png(image: Image.Image) -> bytes:
    """PNG bytes of an image already in display mode."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    """Baseline JPEG bytes of an ``L``/``RGB`` image at ``quality`` (1-95)."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
