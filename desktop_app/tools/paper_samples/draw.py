"""A placed paper page as pixels: the form in its ink, the values in dot-matrix black, the seals.

Three layers are drawn with PyMuPDF (the CJK font shipped inside it, as issue 9's pages)
and multiplied like inks on paper: the form print (brown-red: rules, labels, title, the
监制章 oval), the tax printer's print (black values, ⊗ marks, the 税控码 block, the QR
code), textured as a worn ribbon's dots, and the seller's red 发票专用章 stamped on top,
so a value under the seal stays black in red (the case of a tax rate under the seal).
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable

import cv2
import numpy as np
import pymupdf
from PIL import Image

from desktop_app.tools.einvoice_samples.images import SEAL_PX, oval_seal_png, qr_png, seal_png
from desktop_app.tools.einvoice_samples.pdf_writer import MM
from desktop_app.tools.einvoice_samples.sheet import font
from desktop_app.tools.paper_samples.place import PaperPage

FORM_INK = (0.62, 0.2, 0.16)  # the brown-red of the 发票联
PRINT_INK = (0.1, 0.1, 0.13)
HOLE = (0.42, 0.42, 0.44)
PAPER = np.array((0.985, 0.975, 0.955), np.float32)
SUPERVISION = (26.0, 17.0)  # the 监制章 oval, mm
Draw = Callable[[pymupdf.Page], None]
#: The seller's name on the rim of its seal and its taxpayer number in the middle (the
#: first one printed: a used-car invoice's issuer is its dealer or its market).
SEAL_NAMES = ("销货单位名称", "经营、拍卖单位", "二手车市场")
#: The seller's taxpayer number in the middle of its seal (the first one printed).
SEAL_TAX_NUMBERS = ("销售方纳税人识别号", "经营、拍卖单位纳税人识别号", "二手车市场纳税人识别号")


def _layer(page: PaperPage, dpi: float, draw: Draw) -> np.ndarray:
    """One layer rendered at ``dpi`` on white, as float RGB in 0..1."""
    doc = pymupdf.open()
    w, h = page.form.page
    canvas = doc.new_page(width=w * MM, height=h * MM)
    draw(canvas)
    pix = canvas.get_pixmap(dpi=round(dpi), alpha=False)
    doc.close()
    rgb = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
    return rgb.astype(np.float32) / 255.0


def _form(page: PaperPage) -> Draw:
    def draw(canvas: pymupdf.Page) -> None:
        shape = canvas.new_shape()
        for x0, y0, x1, y1 in page.rules:
            shape.draw_line(pymupdf.Point(x0 * MM, y0 * MM), pymupdf.Point(x1 * MM, y1 * MM))
        shape.finish(color=FORM_INK, width=0.3 * MM)
        shape.commit()
        writer = pymupdf.TextWriter(canvas.rect)
        for run in page.form_runs:
            writer.append(
                (run.x * MM, run.baseline * MM), run.text, font=font(), fontsize=run.size * MM
            )
        writer.write_text(canvas, color=FORM_INK)
        if page.holes:
            _holes(canvas, page.form.page)
        cx, w = page.form.page[0] / 2, SUPERVISION[0]
        office = page.invoice.seal_office
        if page.invoice.truth["开票日期"] < "2018-07":  # before the merger: the state bureau
            office = office.replace("税务局", "国家税务局")
        rect = pymupdf.Rect((cx - w / 2) * MM, 5 * MM, (cx + w / 2) * MM, (5 + SUPERVISION[1]) * MM)
        canvas.insert_image(rect, stream=seal_png(office))

    return draw


def _holes(canvas: pymupdf.Page, size: tuple[float, float]) -> None:
    """Sprocket holes every half inch, 3.6 mm wide, 3.6 mm in from each edge (the desk
    behind them shows grey)."""
    shape = canvas.new_shape()
    y = 6.35
    while y < size[1]:
        for x in (3.6, size[0] - 3.6):
            shape.draw_circle(pymupdf.Point(x * MM, y * MM), 1.8 * MM)
        y += 12.7
    shape.finish(color=HOLE, fill=HOLE, width=0)
    shape.commit()


def _print(page: PaperPage) -> Draw:
    def draw(canvas: pymupdf.Page) -> None:
        writer = pymupdf.TextWriter(canvas.rect)
        for run in page.runs:
            writer.append(
                (run.x * MM, run.baseline * MM), run.text, font=font(), fontsize=run.size * MM
            )
        writer.write_text(canvas, color=PRINT_INK)
        shape = canvas.new_shape()
        for cx, cy in page.marks:
            r = 1.4 * MM
            x, y = cx * MM, cy * MM
            shape.draw_circle(pymupdf.Point(x, y), r)
            d = r * 0.7
            shape.draw_line(pymupdf.Point(x - d, y - d), pymupdf.Point(x + d, y + d))
            shape.draw_line(pymupdf.Point(x - d, y + d), pymupdf.Point(x + d, y - d))
        shape.finish(color=PRINT_INK, width=0.25 * MM)
        shape.commit()
        if page.invoice.qr_payload:
            rect = pymupdf.Rect(14 * MM, 7 * MM, 34 * MM, 27 * MM)
            canvas.insert_image(rect, stream=qr_png(page.invoice.qr_payload))

    return draw


def _seal(page: PaperPage) -> Draw:
    def draw(canvas: pymupdf.Page) -> None:
        seal = page.seal
        if seal is None:
            return
        truth = page.invoice.truth
        name = next((truth[n] for n in SEAL_NAMES if truth.get(n)), "")
        tax = next((truth[n] for n in SEAL_TAX_NUMBERS if truth.get(n)), "")
        png = oval_seal_png(
            name or "发票专用章",
            ((tax, SEAL_PX[1] * 0.56, 40), ("发票专用章", SEAL_PX[1] * 0.78, 50)),
        )
        png, (w, h) = _rotated(png, seal.angle, (seal.w, seal.h))
        rect = pymupdf.Rect(
            (seal.cx - w / 2) * MM,
            (seal.cy - h / 2) * MM,
            (seal.cx + w / 2) * MM,
            (seal.cy + h / 2) * MM,
        )
        canvas.insert_image(rect, stream=png)

    return draw


def _rotated(
    png: bytes, angle: float, size: tuple[float, float]
) -> tuple[bytes, tuple[float, float]]:
    """``png`` turned by ``angle`` degrees, and the size (mm) of its grown canvas."""
    image = Image.open(io.BytesIO(png))
    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    buffer = io.BytesIO()
    turned.save(buffer, format="PNG")
    scale = size[0] / image.width
    return buffer.getvalue(), (turned.width * scale, turned.height * scale)


def _dots(ink: np.ndarray, dpi: float, rng: random.Random) -> np.ndarray:
    """Ink (0..1) as a dot-matrix ribbon prints it: dots on a grid, unevenly inked."""
    pitch = max(2, round(dpi * 0.21 / 25.4))
    yy, xx = np.mgrid[0 : ink.shape[0], 0 : ink.shape[1]]
    grid = ((yy % pitch) < max(1, pitch - 1)) & ((xx % pitch) < max(1, pitch - 1))
    strength = rng.uniform(0.9, 1.0)
    dotted = ink * np.where(grid, 1.0, 0.7).astype(np.float32) * strength
    return cv2.GaussianBlur(dotted, (0, 0), max(0.35, dpi / 400))


def render(page: PaperPage, dpi: float, rng: random.Random) -> np.ndarray:
    """The page at ``dpi`` as an RGB uint8 array."""
    form = _layer(page, dpi, _form(page))
    printed = _layer(page, dpi, _print(page))
    seal = _layer(page, dpi, _seal(page))
    ink = 1.0 - printed.min(axis=2)
    ink = _dots(ink, dpi, rng)[:, :, None]
    colour = np.array(PRINT_INK, np.float32)
    printed = 1.0 - ink * (1.0 - colour)
    out = PAPER * form * printed * seal
    return np.clip(out * 255.0 + 0.5, 0, 255).astype(np.uint8)
