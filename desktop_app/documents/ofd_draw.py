"""An OFD page drawn as an equivalent PDF page in memory, so MuPDF rasterizes it like any PDF.

The page's vector content is written as one PDF content stream (fast: no
PyMuPDF call per character). Text is drawn character by character at its exact
position with the CJK font built into PyMuPDF/MuPDF (``china-s``, encoded
UniGB-UTF16-H: no system font is needed and every machine draws the same), the
object's transform applied to each glyph (a squeezed or rotated text object).
Paths keep their stroke, fill, width and opacity. Images (PNG, JPEG, GIF, BMP,
TIFF, and JBIG2, which MuPDF decodes: the tax platform's QR codes often are)
go under the vector content (a form's background), annotations' images and
seals over it; a ``Darken``/``Multiply`` image (the platform's watermark) and
an opaque seal picture have white made transparent so they darken instead of
covering. Images that cannot be decoded or are too large (by their headers,
before decoding) are skipped, never fatal: the page's text is read from the
OFD objects, not from this drawing. Run on the PyMuPDF thread.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pymupdf
from PIL import Image

from desktop_app.documents.ofd_document import OfdPage
from desktop_app.documents.ofd_objects import Color, OfdImage, OfdPath, OfdText, apply

POINTS_PER_MM = 72 / 25.4
_FONT = "china-s"
_MAX_IMAGE_PIXELS = 25_000_000
_JBIG2_MAGIC = b"\x97JB2\r\n\x1a\n"
_DARKEN_BLENDS = frozenset({"Darken", "Multiply"})
_IMAGE_ERRORS = (RuntimeError, ValueError, OSError, SyntaxError, pymupdf.mupdf.FzErrorBase)


def draw_pdf(page: OfdPage, read: Callable[[str], bytes | None]) -> pymupdf.Document:
    """A one-page PDF of ``page``; ``read(name)`` gives an image resource's bytes or ``None``."""
    pdf = pymupdf.open()
    height = page.height * POINTS_PER_MM
    target = pdf.new_page(width=page.width * POINTS_PER_MM, height=height)
    target.insert_font(fontname=_FONT)
    states: dict[float, str] = {}
    # Millimetres, y down: one scaling-and-flip for the whole page.
    ops = [f"q {POINTS_PER_MM:.6f} 0 0 {-POINTS_PER_MM:.6f} 0 {height:.4f} cm"]
    for obj in (*page.content, *page.overlay):
        if isinstance(obj, OfdText):
            ops.append(_text(obj, _state(states, obj.alpha)))
        elif isinstance(obj, OfdPath):
            ops.append(_path(obj, _state(states, obj.alpha)))
    ops.append("Q")
    _set_content(pdf, target, "\n".join(op for op in ops if op), states)
    # Images under the vector content are prepended one by one: insert them last first.
    below = [(obj, False) for obj in reversed(page.content) if isinstance(obj, OfdImage)]
    above = [(obj, True) for obj in page.overlay if isinstance(obj, OfdImage)]
    for image, over in (*below, *above):
        data = read(image.resource) if image.resource else None
        if data is not None:
            _image(target, image, data, overlay=over)
    for seal in page.seals:
        x, y, w, h = (v * POINTS_PER_MM for v in seal.box)
        rect = pymupdf.Rect(x, y, x + w, y + h)
        if seal.vector is not None and seal.read is not None:
            _vector_seal(target, rect, seal.vector, seal.read)
        elif seal.picture:
            # A seal picture without transparency has white paper round it: let it darken only.
            _insert(target, rect, seal.picture, darken=None, overlay=True)
    return pdf


def _vector_seal(
    target: pymupdf.Page, rect: pymupdf.Rect, seal: OfdPage, read: Callable[[str], bytes | None]
) -> None:
    """A vector seal (its own OFD page) drawn into ``rect`` as a form XObject."""
    if rect.is_empty:
        return
    drawn = draw_pdf(seal, read)
    try:
        target.show_pdf_page(rect, drawn, 0)
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase):
        return  # a seal that cannot be placed is left out; the invoice is still shown
    finally:
        drawn.close()


def _state(states: dict[float, str], alpha: float) -> str:
    """The graphics-state operator for ``alpha`` ("" when opaque); registers its ExtGState."""
    alpha = round(alpha, 3)
    if alpha >= 1.0:
        return ""
    name = states.setdefault(alpha, f"GSa{len(states)}")
    return f"/{name} gs"


def _set_content(
    pdf: pymupdf.Document, page: pymupdf.Page, content: str, states: dict[float, str]
) -> None:
    xref = pdf.get_new_xref()
    pdf.update_object(xref, "<<>>")
    pdf.update_stream(xref, content.encode("ascii"))
    pdf.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    if states:
        kind, value = pdf.xref_get_key(page.xref, "Resources")
        resources = int(value.split()[0]) if kind == "xref" else page.xref
        prefix = "" if kind == "xref" else "Resources/"
        entries = "".join(f"/{name} <</ca {alpha}/CA {alpha}>>" for alpha, name in states.items())
        pdf.xref_set_key(resources, f"{prefix}ExtGState", f"<<{entries}>>")


def _rgb(color: Color) -> str:
    return " ".join(f"{component:.3f}" for component in color)


def _text(text: OfdText, state: str) -> str:
    a, b, c, d = text.matrix[:4]
    s = text.size
    ops = ["q", state, f"{_rgb(text.fill)} rg", "BT", f"/{_FONT} 1 Tf"]
    for glyph in text.glyphs:
        if glyph.char.isspace():
            continue
        x, y = apply(text.matrix, glyph.x, glyph.y)
        code = glyph.char.encode("utf-16-be").hex()
        # Text space y is up; the page's mm space is y down: flip the glyph's up axis.
        ops.append(
            f"{a * s:.4f} {b * s:.4f} {-c * s:.4f} {-d * s:.4f} {x:.4f} {y:.4f} Tm <{code}> Tj"
        )
    ops += ["ET", "Q"]
    return " ".join(op for op in ops if op)


def _path(path: OfdPath, state: str) -> str:
    if path.stroke is None and path.fill is None:
        return ""
    ops = ["q", state, f"{max(path.line_width, 0.03):.4f} w"]
    if path.stroke is not None:
        ops.append(f"{_rgb(path.stroke)} RG")
    if path.fill is not None:
        ops.append(f"{_rgb(path.fill)} rg")
    for command in path.commands:
        op = command[0]
        if op == "M":
            ops.append(f"{command[1]:.4f} {command[2]:.4f} m")
        elif op == "L":
            ops.append(f"{command[1]:.4f} {command[2]:.4f} l")
        elif op == "B":
            ops.append(" ".join(f"{v:.4f}" for v in command[1:]) + " c")
        elif op == "C":
            ops.append("h")
    paint = (
        "B"
        if path.stroke is not None and path.fill is not None
        else "S"
        if path.fill is None
        else "f"
    )
    ops += [paint, "Q"]
    return " ".join(op for op in ops if op)


def _image(target: pymupdf.Page, image: OfdImage, data: bytes, *, overlay: bool) -> None:
    corners = [
        pymupdf.Point(apply(image.matrix, x, y)) * POINTS_PER_MM
        for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))
    ]
    rect = pymupdf.Rect(
        min(p.x for p in corners),
        min(p.y for p in corners),
        max(p.x for p in corners),
        max(p.y for p in corners),
    )
    if rect.is_empty:
        return
    a, b = image.matrix[0], image.matrix[1]
    # Quarter turns only (what producers use); PDF's rotate counts counter-clockwise.
    rotate = 0 if abs(a) >= abs(b) and a >= 0 else 180 if abs(a) >= abs(b) else 270 if b > 0 else 90
    _insert(
        target, rect, data, darken=image.blend in _DARKEN_BLENDS, overlay=overlay, rotate=rotate
    )


def _insert(
    target: pymupdf.Page,
    rect: pymupdf.Rect,
    data: bytes,
    *,
    darken: bool | None,
    overlay: bool,
    rotate: int = 0,
) -> None:
    """Place image bytes in ``rect``; skip what cannot be decoded safely.

    ``darken`` makes white transparent; ``None`` does so only for an image
    without transparency of its own.
    """
    if data.startswith(_JBIG2_MAGIC):
        data = _jbig2_to_png(data) or b""  # the tax platform's QR codes are often JBIG2
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > _MAX_IMAGE_PIXELS:
                return
            if darken is None:
                darken = probe.mode not in ("RGBA", "LA", "PA") and "transparency" not in probe.info
            if darken:
                data = _white_to_transparent(probe)
        target.insert_image(
            rect, stream=data, keep_proportion=False, rotate=rotate, overlay=overlay
        )
    except _IMAGE_ERRORS:
        return


def _jbig2_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a JBIG2 file's first segment (its page information), or ``None``.

    File header: 8-byte ID, a flags byte, the page count unless the flags say
    it is unknown; then the segment header (number, flags, referred segments,
    page association, data length) of a page-information segment (type 48),
    whose data starts with width and height.
    """
    position = 9 if data[8:9] and data[8] & 0x02 else 13
    flags = data[position + 4 : position + 5]
    if not flags or flags[0] & 0x3F != 48:
        return None
    position += 5
    refs = data[position] >> 5 if position < len(data) else 8
    if refs > 4:
        return None  # the long form is not used for a page-information segment
    position += 1 + refs + (4 if flags[0] & 0x40 else 1) + 4
    if position + 8 > len(data):
        return None
    return (
        int.from_bytes(data[position : position + 4], "big"),
        int.from_bytes(data[position + 4 : position + 8], "big"),
    )


def _jbig2_to_png(data: bytes) -> bytes | None:
    """A JBIG2 file decoded by MuPDF as PNG bytes, if its declared size is within bounds."""
    size = _jbig2_size(data)
    if size is None or size[0] * size[1] > _MAX_IMAGE_PIXELS or 0 in size:
        return None
    try:
        return pymupdf.Pixmap(data).tobytes("png")
    except _IMAGE_ERRORS:
        return None


def _white_to_transparent(image: Image.Image) -> bytes:
    """A PNG of ``image`` whose opacity is its darkness: drawn over the page it only darkens."""
    rgba = image.convert("RGBA")
    darkness = Image.eval(rgba.convert("L"), lambda v: 255 - v)
    darkness = Image.composite(darkness, Image.new("L", rgba.size, 0), rgba.getchannel("A"))
    rgba.putalpha(darkness)
    buffer = io.BytesIO()
    rgba.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()
