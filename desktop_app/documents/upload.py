"""Making a page small enough for the cloud service's base64 size limit.

The service reads coordinates in the pixels it was sent. When a page has to be
shrunk, ``fit_for_upload`` reports the ``scale`` it used, and the caller maps
the returned polygons back to the page's pixels by dividing by it.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image

from desktop_app.documents.errors import UploadTooLarge
from desktop_app.documents.limits import (
    MAX_PIXELS,
    UPLOAD_JPEG_QUALITIES,
    UPLOAD_MAX_BASE64_BYTES,
    UPLOAD_MIN_LONG_SIDE,
    UPLOAD_SCALE_STEP,
)
from desktop_app.documents.page import PageImage
from desktop_app.documents.rendering import encode_jpeg, open_image, pillow_errors, to_display_mode

# Aim a little under the limit when estimating the next size: JPEG size is not
# exactly proportional to the pixel count.
_SIZE_MARGIN = 0.95


def base64_length(byte_count: int) -> int:
    """Length of the base64 text (with padding) of ``byte_count`` bytes."""
    return 4 * ((byte_count + 2) // 3)


def fit_for_upload(
    page: PageImage,
    max_base64_bytes: int = UPLOAD_MAX_BASE64_BYTES,
    *,
    min_long_side: int = UPLOAD_MIN_LONG_SIDE,
) -> tuple[bytes, str, float]:
    """``(data, mime, scale)`` to send for ``page`` within ``max_base64_bytes`` once encoded.

    A page already under the limit is returned unchanged with scale 1.0. Otherwise
    it is re-encoded as JPEG at decreasing quality, then downscaled step by step
    (each at most ``UPLOAD_SCALE_STEP``); ``scale`` is sent width / page width.
    Raises ``UploadTooLarge`` when even a longer side of ``min_long_side`` pixels
    does not fit. Decodes the page with Pillow: run it off the GUI thread.
    """
    if base64_length(len(page.data)) <= max_base64_bytes:
        return page.data, page.mime, 1.0
    image = _decode(page)
    data = b""
    for quality in UPLOAD_JPEG_QUALITIES:
        data = encode_jpeg(image, quality)
        if base64_length(len(data)) <= max_base64_bytes:
            return data, "image/jpeg", 1.0
    return _downscale_to_fit(page, image, len(data), max_base64_bytes, min_long_side)


def _decode(page: PageImage) -> Image.Image:
    """The page's pixels as an 8-bit ``L`` or ``RGB`` image, ready for JPEG."""
    source = page.source if page.source is not None else Path("page")
    limit = max(MAX_PIXELS, page.width * page.height)
    with pillow_errors(source, limit):
        encoded = open_image(page.data, ["PNG", "JPEG"])  # in memory: nothing to close
        encoded.load()
        return to_display_mode(encoded)


def _downscale_to_fit(
    page: PageImage, image: Image.Image, size: int, limit: int, min_long_side: int
) -> tuple[bytes, str, float]:
    """Shrink ``image`` until its JPEG fits; ``size`` is the last attempt's byte count."""
    quality = UPLOAD_JPEG_QUALITIES[-1]
    min_scale = min_long_side / max(image.size)
    scale = 1.0
    while scale > min_scale:
        # Bytes grow with the pixel count, so the square root of the excess is
        # the linear factor; never shrink by less than one step.
        wanted = math.sqrt(limit / base64_length(size)) * _SIZE_MARGIN
        scale = max(scale * min(UPLOAD_SCALE_STEP, wanted), min_scale)
        width = max(1, round(image.width * scale))
        height = max(1, round(image.height * scale))
        smaller = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
        data = encode_jpeg(smaller, quality)
        size = len(data)
        if base64_length(size) <= limit:
            return data, "image/jpeg", width / image.width
    raise UploadTooLarge(page.source, base64_length(size), limit)
