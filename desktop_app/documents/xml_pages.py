"""The page the clerk sees for an e-invoice XML: its title and a ruled table of label | value.

An XML file has no drawing of its own, so one is made: the title at the top, then
one row per field, the printed label in the left cell and the value (wrapped
inside its cell when long) in the right one, in PyMuPDF's built-in CJK font. The
same layout gives the page's ``PageText`` (origin ``xml``): every label and value
a span in its ruled cell, so the label-and-cell reader reads it as it reads a PDF.
Sizes are PDF points (1/72 inch) until scaled to pixels at the requested dpi.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from PIL import Image

from desktop_app.documents.errors import CorruptFile
from desktop_app.documents.mupdf_thread import on_mupdf_thread
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import ORIGIN_XML, PageText, Rule
from desktop_app.documents.rendering import check_pixels, encode_png
from desktop_app.documents.spans import Glyph, build_spans
from desktop_app.documents.xml_invoice import EInvoiceXml, read_einvoice_xml

PAGE_WIDTH = 680.0  # 240 mm, the width of a printed e-invoice
MARGIN = 28.0
LABEL_WIDTH = 200.0
TITLE_SIZE, TEXT_SIZE, NOTE_SIZE = 16.0, 10.5, 7.5
LINE_HEIGHT = 16.0  # one line of a cell
PAD = 6.0  # between a cell's ruling and its text
NOTE = "依据电子发票 XML 文件绘制 · drawn from the e-invoice XML file"
_ASCENT, _DESCENT = 0.88, 0.12  # of the em square, as the OFD reader boxes characters


@dataclass(frozen=True)
class _Run:
    """One line of text placed on the page: start of its baseline, size, each character's advance."""

    text: str
    x: float
    baseline: float
    size: float
    advances: tuple[float, ...]
    group: int


@dataclass(frozen=True)
class _Layout:
    width: float
    height: float
    runs: tuple[_Run, ...]
    rules: tuple[tuple[float, float, float, float], ...]


def _measure(font: pymupdf.Font, text: str, size: float) -> tuple[float, ...]:
    return tuple(font.text_length(ch, fontsize=size) for ch in text)


def _wrap(font: pymupdf.Font, text: str, size: float, width: float) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (at least one, maybe empty)."""
    lines, line, used = [], "", 0.0
    for ch in text.replace("\n", " "):
        advance = font.text_length(ch, fontsize=size)
        if line and used + advance > width:
            lines.append(line)
            line, used = "", 0.0
        line, used = line + ch, used + advance
    return [*lines, line]


def _layout(invoice: EInvoiceXml) -> _Layout:
    """Where everything goes; runs on the PyMuPDF thread (it measures with a PyMuPDF font)."""
    font = pymupdf.Font("cjk")
    title = invoice.title
    title_width = sum(_measure(font, title, TITLE_SIZE))
    runs = [
        _Run(
            title,
            (PAGE_WIDTH - title_width) / 2,
            44.0,
            TITLE_SIZE,
            _measure(font, title, TITLE_SIZE),
            0,
        )
    ]
    left, split, right = MARGIN, MARGIN + LABEL_WIDTH, PAGE_WIDTH - MARGIN
    top = y = 64.0
    rules = [(left, y, right, y)]
    for n, (label, value) in enumerate(invoice.rows, start=1):
        lines = _wrap(font, value, TEXT_SIZE, right - split - 2 * PAD)
        height = LINE_HEIGHT * len(lines) + 2 * PAD
        first = y + PAD + LINE_HEIGHT * 0.75
        runs.append(
            _Run(label, left + PAD, first, TEXT_SIZE, _measure(font, label, TEXT_SIZE), 2 * n)
        )
        for k, line in enumerate(lines):
            if line:
                advances = _measure(font, line, TEXT_SIZE)
                runs.append(
                    _Run(line, split + PAD, first + k * LINE_HEIGHT, TEXT_SIZE, advances, 2 * n + 1)
                )
        y += height
        rules.append((left, y, right, y))
    rules += [(x, top, x, y) for x in (left, split, right)]
    note_y = y + 18.0
    runs.append(_Run(NOTE, left, note_y, NOTE_SIZE, _measure(font, NOTE, NOTE_SIZE), -2))
    return _Layout(PAGE_WIDTH, note_y + 20.0, tuple(runs), tuple(rules))


def _glyphs(run: _Run, scale: float) -> list[Glyph]:
    glyphs, x = [], run.x
    base, size = run.baseline * scale, run.size * scale
    for ch, advance in zip(run.text, run.advances, strict=True):
        x0, x1 = x * scale, (x + advance) * scale
        box = (x0, base - _ASCENT * size, x1, base + _DESCENT * size)
        glyphs.append(Glyph(ch, box, (x0, base), size, group=run.group))
        x += advance
    return glyphs


class XmlPages:
    """An e-invoice XML as one drawn page (``PageSource`` of ``Document``)."""

    page_count = 1

    def __init__(self, path: Path, data: bytes, *, max_pixels: int) -> None:
        self.path = path
        self.invoice = read_einvoice_xml(path, data)
        self._max_pixels = max_pixels
        self._layout = on_mupdf_thread(_layout, self.invoice)

    def pixel_size(self, dpi: float) -> tuple[int, int]:
        scale = dpi / 72
        return math.ceil(self._layout.width * scale - 1e-3), math.ceil(
            self._layout.height * scale - 1e-3
        )

    def page_text(self, index: int, dpi: float) -> PageText:
        """The drawn page's text and ruling in pixels at ``dpi`` (exact values, origin "xml")."""
        scale = dpi / 72
        rules = tuple(
            Rule(x0 * scale, y0 * scale, x1 * scale, y1 * scale)
            for x0, y0, x1, y1 in self._layout.rules
        )
        glyphs = [g for run in self._layout.runs for g in _glyphs(run, scale)]
        width, height = self.pixel_size(dpi)
        extras = {"title": self.invoice.title}
        return PageText(
            float(width), float(height), dpi, build_spans(glyphs, rules), rules, ORIGIN_XML, extras
        )

    def render(self, index: int, dpi: float) -> PageImage:
        """The page drawn and rasterized at ``dpi``, with its text."""
        check_pixels(self.path, self.pixel_size(dpi), self._max_pixels)
        width, height, stride, samples = on_mupdf_thread(self._rasterize, dpi)
        pixels = Image.frombytes("RGB", (width, height), samples, "raw", "RGB", stride)
        text = self.page_text(index, dpi)
        return PageImage(
            encode_png(pixels), "image/png", width, height, self.path, index, dpi, text
        )

    def pdf_bytes(self) -> bytes:
        """The page as the PDF it is drawn from (for looking at, and for tests)."""
        return on_mupdf_thread(self._pdf_bytes)

    def _pdf_bytes(self) -> bytes:
        pdf = self._draw()
        try:
            return pdf.tobytes()
        finally:
            pdf.close()

    def _draw(self) -> pymupdf.Document:
        """On the PyMuPDF thread: the page as a one-page PDF."""
        layout = self._layout
        pdf = pymupdf.open()
        page = pdf.new_page(width=layout.width, height=layout.height)
        font = pymupdf.Font("cjk")
        writer = pymupdf.TextWriter(page.rect)
        for run in layout.runs:
            writer.append((run.x, run.baseline), run.text, font=font, fontsize=run.size)
        writer.write_text(page)
        for x0, y0, x1, y1 in layout.rules:
            page.draw_line((x0, y0), (x1, y1), color=(0, 0, 0), width=0.8)
        return pdf

    def _rasterize(self, dpi: float) -> tuple[int, int, int, bytes]:
        zoom = dpi / 72
        try:
            pdf = self._draw()
            try:
                pixmap = pdf[0].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
                return pixmap.width, pixmap.height, pixmap.stride, pixmap.samples
            finally:
                pdf.close()
        except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
            raise CorruptFile(self.path, detail=f"drawing the XML page: {exc}") from exc

    def close(self) -> None:
        """Nothing to free: the XML was read whole when opened."""
