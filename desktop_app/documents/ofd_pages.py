"""The pages of an OFD file: read from its XML, drawn through an equivalent PDF page.

``render`` draws the page (template, content, watermark, seal) as a PDF page
in memory and rasterizes it with MuPDF at the requested dpi, exactly as
``PdfPages`` does; the ``PageImage`` carries the page's text read from the OFD
objects (``ofd_text``), in the same pixels. PyMuPDF work runs on the process's
PyMuPDF thread; parsing the package does not need it.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from pathlib import Path

import pymupdf
from PIL import Image

from desktop_app.documents.errors import CorruptFile
from desktop_app.documents.mupdf_thread import on_mupdf_thread
from desktop_app.documents.ofd_document import OfdFile
from desktop_app.documents.ofd_draw import draw_pdf
from desktop_app.documents.ofd_package import OfdLimits
from desktop_app.documents.ofd_text import ofd_page_text, pixel_size
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import PageText
from desktop_app.documents.rendering import check_pixels, encode_png


class OfdPages:
    """An OFD package held in memory; pages parsed once, drawn and rasterized on demand."""

    def __init__(
        self, path: Path, data: bytes, *, max_pixels: int, limits: OfdLimits | None = None
    ) -> None:
        self.path = path
        self._max_pixels = max_pixels
        self._ofd = OfdFile(path, data, limits)
        self.page_count = self._ofd.page_count
        self._ofd.page(0)  # a damaged first page fails now, not when shown
        # Drawn pages, kept for the next rendering (another zoom); PyMuPDF objects, so
        # made, used and closed on the PyMuPDF thread only.
        self._drawn: dict[int, pymupdf.Document] = {}
        self._finalizer = weakref.finalize(self, on_mupdf_thread, _close_all, self._drawn)

    def render(self, index: int, dpi: float) -> PageImage:
        """Page ``index`` (checked by the caller) drawn and rasterized at ``dpi``, with its text."""
        page = self._ofd.page(index)
        text = ofd_page_text(page, dpi)
        check_pixels(self.path, pixel_size(page, dpi), self._max_pixels)
        width, height, stride, samples = on_mupdf_thread(self._rasterize, index, dpi)
        pixels = Image.frombytes("RGB", (width, height), samples, "raw", "RGB", stride)
        if (text.width, text.height) != (width, height):
            # MuPDF's rounding of a fractional page size is the truth for the pixels.
            text = replace(text, width=float(width), height=float(height))
        return PageImage(
            encode_png(pixels), "image/png", width, height, self.path, index, dpi, text
        )

    def _rasterize(self, index: int, dpi: float) -> tuple[int, int, int, bytes]:
        """On the PyMuPDF thread: draw the page as PDF and rasterize it."""
        zoom = dpi / 72  # the drawing is in points
        try:
            pdf = self._drawn.get(index)
            if pdf is None:
                pdf = self._drawn[index] = draw_pdf(self._ofd.page(index), self._ofd.read_image)
            pixmap = pdf[0].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
            return pixmap.width, pixmap.height, pixmap.stride, pixmap.samples
        except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
            raise CorruptFile(self.path, detail=f"page {index + 1}: {exc}") from exc

    def page_text(self, index: int, dpi: float) -> PageText | None:
        """Page ``index``'s text and ruling read from the OFD objects, in pixels at ``dpi``."""
        return ofd_page_text(self._ofd.page(index), dpi)

    def pdf_bytes(self, index: int) -> bytes:
        """Page ``index`` as the PDF the app draws it from (for looking at, and for tests)."""
        return on_mupdf_thread(self._pdf_bytes, index)

    def _pdf_bytes(self, index: int) -> bytes:
        pdf = draw_pdf(self._ofd.page(index), self._ofd.read_image)
        try:
            return pdf.tobytes(garbage=1, deflate=True)
        finally:
            pdf.close()

    def close(self) -> None:
        """Drop the package and the drawn pages (closed on the PyMuPDF thread)."""
        self._finalizer()
        self._ofd.close()


def _close_all(drawn: dict[int, pymupdf.Document]) -> None:
    for pdf in drawn.values():
        pdf.close()
    drawn.clear()
