"""The pages of a PDF, opened with PyMuPDF and rasterized to PNG at a requested dpi."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from PIL import Image

from desktop_app.documents.errors import CorruptFile, EncryptedPdf
from desktop_app.documents.page import PageImage
from desktop_app.documents.rendering import check_pixels, encode_png

_POINTS_PER_INCH = 72.0


class PdfPages:
    """A PDF held in memory; pages rasterized on demand, opaque RGB on white.

    PyMuPDF is not thread-safe: open, render and close ``PdfPages`` on one
    thread. The file is read into memory first, so it is not kept locked and
    may be moved while open.
    """

    def __init__(
        self,
        path: Path,
        data: bytes,
        *,
        max_pixels: int,
    ) -> None:
        self.path = path
        self._max_pixels = max_pixels
        self._pdf = _open_pdf(path, data)
        self.page_count = self._pdf.page_count

    def render(self, index: int, dpi: float) -> PageImage:
        """Page ``index`` (checked by the caller) rasterized at ``dpi``."""
        zoom = dpi / _POINTS_PER_INCH
        matrix = pymupdf.Matrix(zoom, zoom)
        try:
            page = self._pdf.load_page(index)
            # The pixmap's size, rounded as MuPDF rounds it; page.rect is already
            # turned by the page's /Rotate.
            box = (page.rect * matrix).irect
            check_pixels(self.path, (box.width, box.height), self._max_pixels)
            pixmap = page.get_pixmap(matrix=matrix, alpha=False)  # RGB, white paper
            pixels = Image.frombytes(
                "RGB", (pixmap.width, pixmap.height), pixmap.samples, "raw", "RGB", pixmap.stride
            )
        # MuPDF's exception classes differ between PyMuPDF releases; any failure
        # inside these calls means the page's content is damaged.
        except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
            raise CorruptFile(self.path, detail=f"page {index + 1}: {exc}") from exc
        # Pillow's fast zlib level: MuPDF's own PNG writer is ~4x slower on scans.
        data = encode_png(pixels)
        return PageImage(data, "image/png", pixmap.width, pixmap.height, self.path, index, dpi)

    def close(self) -> None:
        """Close the PyMuPDF document."""
        self._pdf.close()


def _open_pdf(path: Path, data: bytes) -> pymupdf.Document:
    """Open PDF bytes; raise ``CorruptFile`` or ``EncryptedPdf`` unless pages can be read."""
    try:
        pdf = pymupdf.open(stream=data, filetype="pdf")
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
        raise CorruptFile(path, detail=str(exc)) from exc
    if pdf.needs_pass:
        pdf.close()
        raise EncryptedPdf(path)
    if pdf.page_count < 1:
        # MuPDF "repairs" garbage behind a %PDF header into a document without pages.
        pdf.close()
        raise CorruptFile(path, detail="no pages")
    return pdf
