"""The pages of a PDF, opened with PyMuPDF and rasterized to PNG at a requested dpi."""

from __future__ import annotations

import weakref
from pathlib import Path

import pymupdf
from PIL import Image

from desktop_app.documents.errors import CorruptFile, EncryptedPdf
from desktop_app.documents.mupdf_thread import on_mupdf_thread
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import PageText
from desktop_app.documents.pdf_text import pdf_page_text
from desktop_app.documents.rendering import check_pixels, encode_png

_POINTS_PER_INCH = 72.0


class PdfPages:
    """A PDF held in memory; pages rasterized on demand, opaque RGB on white.

    Every PyMuPDF call runs on the process's one PyMuPDF thread (see
    ``mupdf_thread``), so ``PdfPages`` may be used from any thread, one call at
    a time. The file is read into memory first, so it is not kept locked and
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
        self._pdf = on_mupdf_thread(_open_pdf, path, data)
        self.page_count: int = on_mupdf_thread(lambda: self._pdf.page_count)
        # A PdfPages dropped without close() still closes its PDF on the right thread.
        self._finalizer = weakref.finalize(self, on_mupdf_thread, self._pdf.close)

    def render(self, index: int, dpi: float) -> PageImage:
        """Page ``index`` (checked by the caller) rasterized at ``dpi``, with its text layer."""
        width, height, stride, samples, text = on_mupdf_thread(self._rasterize, index, dpi)
        pixels = Image.frombytes("RGB", (width, height), samples, "raw", "RGB", stride)
        # Pillow's fast zlib level: MuPDF's own PNG writer is ~4x slower on scans.
        # Encoding happens off the PyMuPDF thread, so other pages render meanwhile.
        data = encode_png(pixels)
        return PageImage(data, "image/png", width, height, self.path, index, dpi, text)

    def _rasterize(self, index: int, dpi: float) -> tuple[int, int, int, bytes, PageText | None]:
        """On the PyMuPDF thread: the page's RGB samples and its text, as plain data."""
        zoom = dpi / _POINTS_PER_INCH
        matrix = pymupdf.Matrix(zoom, zoom)
        try:
            page = self._pdf.load_page(index)
            # The pixmap's size, rounded as MuPDF rounds it; page.rect is already
            # turned by the page's /Rotate.
            box = (page.rect * matrix).irect
            check_pixels(self.path, (box.width, box.height), self._max_pixels)
            pixmap = page.get_pixmap(matrix=matrix, alpha=False)  # RGB, white paper
            text = pdf_page_text(page, dpi)
            return pixmap.width, pixmap.height, pixmap.stride, pixmap.samples, text
        # MuPDF's exception classes differ between PyMuPDF releases; any failure
        # inside these calls means the page's content is damaged.
        except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
            raise CorruptFile(self.path, detail=f"page {index + 1}: {exc}") from exc

    def page_text(self, index: int, dpi: float) -> PageText | None:
        """Page ``index``'s own text and ruling in pixels at ``dpi``, without rasterizing it."""
        return on_mupdf_thread(self._page_text, index, dpi)

    def _page_text(self, index: int, dpi: float) -> PageText | None:
        """On the PyMuPDF thread: ``pdf_page_text`` of page ``index``."""
        try:
            return pdf_page_text(self._pdf.load_page(index), dpi)
        except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
            raise CorruptFile(self.path, detail=f"page {index + 1}: {exc}") from exc

    def close(self) -> None:
        """Close the PyMuPDF document (on the PyMuPDF thread)."""
        self._finalizer()


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
