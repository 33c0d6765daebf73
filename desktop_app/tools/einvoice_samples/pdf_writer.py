"""A placed invoice as a one-page PDF with a real text layer, drawn with PyMuPDF.

Text is written with ``pymupdf.TextWriter`` in the CJK font shipped inside PyMuPDF
(embedded as a subset, with a ToUnicode map, as the platform's PDFs embed theirs), the
ruling as vector lines, the QR code and the seal as images. Labels and ruling are in the
brown of the genuine e-invoices, values in black.
"""

from __future__ import annotations

import datetime

import pymupdf

from desktop_app.tools.einvoice_samples.images import qr_png, seal_png
from desktop_app.tools.einvoice_samples.sheet import PAGE_H, PAGE_W, WATERMARK_SIZE, Sheet, font

MM = 72 / 25.4  # points per millimetre
BROWN = (0.5, 0.0, 0.0)  # the template's "128 0 0"
BLACK = (0.0, 0.0, 0.0)
GREY = (0.55, 0.55, 0.55)


def _rect(box: tuple[float, float, float, float]) -> pymupdf.Rect:
    return pymupdf.Rect(*(v * MM for v in box))


def _draw_mark(shape: pymupdf.Shape, cx: float, cy: float, size: float) -> None:
    """⊗: a circle with a cross, as a path (the genuine files draw it, not type it)."""
    r = size / 2 * 0.85 * MM
    x, y = cx * MM, cy * MM
    shape.draw_circle(pymupdf.Point(x, y), r)
    d = r * 0.7
    shape.draw_line(pymupdf.Point(x - d, y - d), pymupdf.Point(x + d, y + d))
    shape.draw_line(pymupdf.Point(x - d, y + d), pymupdf.Point(x + d, y - d))


#: Roles printed in black by the issuing software (the rest is the brown template).
INK = ("value", "print")


def draw_page(page: pymupdf.Page, sheet: Sheet) -> None:
    """Draw ``sheet`` on ``page`` (a page of PAGE_W × PAGE_H millimetres)."""
    shape = page.new_shape()
    for x0, y0, x1, y1 in sheet.rules:
        shape.draw_line(pymupdf.Point(x0 * MM, y0 * MM), pymupdf.Point(x1 * MM, y1 * MM))
    shape.finish(color=BROWN, width=0.25 * MM)
    for cx, cy in sheet.marks:
        _draw_mark(shape, cx, cy, 3.2)
    shape.finish(color=BLACK, width=0.2 * MM)
    shape.commit()
    cjk = font()
    writers = {"brown": pymupdf.TextWriter(page.rect), "black": pymupdf.TextWriter(page.rect)}
    for run in sheet.runs:
        writer = writers["black" if run.role in INK else "brown"]
        writer.append((run.x * MM, run.baseline * MM), run.text, font=cjk, fontsize=run.size * MM)
    writers["brown"].write_text(page, color=BROWN)
    writers["black"].write_text(page, color=BLACK)
    text, x, y = sheet.watermark
    counter = pymupdf.TextWriter(page.rect)
    counter.append((x * MM, y * MM), text, font=cjk, fontsize=WATERMARK_SIZE * MM)
    # printed downwards, as the platform stamps its download counter
    pivot = pymupdf.Point(x * MM, y * MM)
    counter.write_text(page, color=GREY, morph=(pivot, pymupdf.Matrix(-90)))
    page.insert_image(_rect(sheet.qr), stream=qr_png(sheet.invoice.qr_payload))
    page.insert_image(_rect(sheet.seal), stream=seal_png(sheet.invoice.seal_office), overlay=True)


def pdf_bytes(sheet: Sheet) -> bytes:
    """The invoice as a PDF file (deterministic for the same sheet)."""
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W * MM, height=PAGE_H * MM)
    draw_page(page, sheet)
    date = datetime.date.fromisoformat(sheet.invoice.truth["开票日期"])
    stamp = f"D:{date:%Y%m%d}120000+08'00'"
    doc.set_metadata(
        {
            "title": sheet.invoice.title,
            "author": "CarInvoice Desk sample generator",
            "producer": "PyMuPDF",
            "creator": "desktop_app.tools.einvoice_samples",
            "creationDate": stamp,
            "modDate": stamp,
        }
    )
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return data


def garbled_pdf_bytes(sheet: Sheet) -> bytes:
    """The same PDF with its fonts' ToUnicode maps removed: it looks the same, but its
    text layer extracts as glyph numbers, as PDFs from some producers do. A reader must
    find the layer unusable and recognize the page instead."""
    doc = pymupdf.open("pdf", pdf_bytes(sheet))
    for xref, *_ in doc[0].get_fonts():
        doc.xref_set_key(xref, "ToUnicode", "null")
    data = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return data
