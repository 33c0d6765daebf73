"""The pages of an image file (PNG, JPEG, BMP, TIFF, WebP, GIF), rendered with Pillow."""

from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image, ImageOps

from desktop_app.documents.formats import JPEG, MULTI_PAGE_FORMATS, PNG
from desktop_app.documents.page import PageImage
from desktop_app.documents.rendering import (
    check_pixels,
    encode_png,
    open_image,
    pillow_errors,
    to_display_mode,
)

# Modes whose bytes every PNG/JPEG decoder reads as the app sees them: sent unchanged.
_PNG_AS_IS_MODES = frozenset({"1", "L", "LA", "P", "RGB", "RGBA"})
_JPEG_AS_IS_MODES = frozenset({"L", "RGB"})
_ORIENTATION = ExifTags.Base.Orientation


class ImagePages:
    """Pages of an image file held in memory, decoded afresh for each ``render`` call.

    A PNG or JPEG the cloud accepts as it is (8-bit grey/RGB/RGBA/palette, no
    EXIF rotation to apply) comes back as the file's own bytes, so the service's
    coordinates are in the file's pixels. Everything else is rendered to PNG,
    upright (EXIF orientation applied) and in 8-bit ``L`` or ``RGB``.
    """

    def __init__(
        self,
        path: Path,
        format: str,
        data: bytes,
        *,
        max_pixels: int,
    ) -> None:
        self.path = path
        self.format = format
        self._data = data
        self._max_pixels = max_pixels
        self._as_is: PageImage | None = None  # the file's own bytes, when they can go as-is
        self.page_count = self._probe()

    def _probe(self) -> int:
        """Count pages, and decode the first fully so a damaged file fails at once."""
        with (
            pillow_errors(self.path, self._max_pixels),
            open_image(self._data, [self.format]) as im,
        ):
            check_pixels(self.path, im.size, self._max_pixels)
            frames = getattr(im, "n_frames", 1) if self.format in MULTI_PAGE_FORMATS else 1
            im.load()  # PNG's eXIf chunk may follow the pixels: read EXIF after loading
            mime = self._as_is_mime_of(im) if frames == 1 else None
            if mime is not None:
                self._as_is = PageImage(self._data, mime, im.width, im.height, self.path, 0)
        return frames

    def _as_is_mime_of(self, im: Image.Image) -> str | None:
        """The MIME type to send the file's own bytes as, or ``None`` if it must be rendered."""
        if im.getexif().get(_ORIENTATION, 1) in range(2, 9):
            return None
        if self.format == JPEG and im.mode in _JPEG_AS_IS_MODES:
            return "image/jpeg"
        if self.format == PNG and im.mode in _PNG_AS_IS_MODES and _png_bit_depth(self._data) <= 8:
            return "image/png"
        return None

    def render(self, index: int, dpi: float) -> PageImage:
        """Page ``index`` (checked by the caller); ``dpi`` means nothing to an image."""
        if self._as_is is not None:
            return self._as_is
        with (
            pillow_errors(self.path, self._max_pixels),
            open_image(self._data, [self.format]) as im,
        ):
            im.seek(index)
            check_pixels(self.path, im.size, self._max_pixels)
            im.load()
            upright = to_display_mode(ImageOps.exif_transpose(im))
            data = encode_png(upright)
        return PageImage(data, "image/png", upright.width, upright.height, self.path, index)

    def page_text(self, index: int, dpi: float) -> None:
        """An image carries no text of its own: its pages are recognized."""
        return None

    def close(self) -> None:
        """Drop the file's bytes."""
        self._data = b""
        self._as_is = None


def _png_bit_depth(data: bytes) -> int:
    """Bits per sample from a PNG's IHDR chunk (16-bit PNGs are rendered down to 8)."""
    return data[24] if data[12:16] == b"IHDR" else 8
