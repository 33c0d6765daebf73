"""An OFD page's text and ruling as ``PageText``, read from its objects (exact, origin "ofd").

Text comes from the template and page layers (not from annotations: the
watermark is not the form), one ``Glyph`` per character placed by its
``TextCode`` position through the object's transform; a character's box spans
from one font size above the baseline to 0.2 of it below, as wide as the glyph
(its spacing when narrower). Those are the ascender and descender MuPDF reports
for the CJK font the page is drawn with, so an OFD's boxes and the boxes of the
same text in a PDF drawn with that font agree (the form reader sees one geometry). Ruling comes from the stroked
straight segments and thin filled shapes of path objects. Everything is in
pixels of the page rendered at ``dpi``, then grouped into spans like a PDF's.
"""

from __future__ import annotations

import math

from desktop_app.documents.ofd_document import OfdPage
from desktop_app.documents.ofd_objects import OfdPath, OfdText, apply
from desktop_app.documents.page_text import ORIGIN_OFD, PageText, Rule
from desktop_app.documents.ruling import RuleCollector
from desktop_app.documents.spans import Glyph, build_spans, direction_of
from desktop_app.documents.text_quality import fold_char

MM_PER_INCH = 25.4
_ASCENT, _DESCENT = 1.0, 0.2

# Ruling tolerances in millimetres: lean 0.5 mm, marks under 1.5 mm are not
# ruling, a filled shape up to 0.8 mm thick is a line.
_LEAN_MM, _MIN_RULE_MM, _MAX_THICKNESS_MM = 0.5, 1.5, 0.8


def pixel_size(page: OfdPage, dpi: float) -> tuple[int, int]:
    """The page's pixel size at ``dpi``, rounded as the rasterizer rounds it."""
    scale = dpi / MM_PER_INCH
    return math.ceil(page.width * scale - 1e-3), math.ceil(page.height * scale - 1e-3)


def ofd_page_text(page: OfdPage, dpi: float) -> PageText:
    """The page's text and ruling in pixels at ``dpi``."""
    scale = dpi / MM_PER_INCH
    rules = _rules(page, scale)
    width, height = pixel_size(page, dpi)
    glyphs = [
        glyph
        for group, (obj, template) in enumerate(zip(page.content, page.from_template, strict=True))
        if isinstance(obj, OfdText)
        for glyph in _glyphs(obj, scale, group, 0 if template else 1)
        if _on_page(glyph, width, height)
    ]
    return PageText(
        width=float(width),
        height=float(height),
        dpi=dpi,
        spans=build_spans(glyphs, rules),
        rules=rules,
        origin=ORIGIN_OFD,
        extras=dict(page.extras),
    )


def _on_page(glyph: Glyph, width: float, height: float) -> bool:
    """Whether the glyph's centre is on the page (producers leave text far outside it)."""
    x0, y0, x1, y1 = glyph.box
    return 0 <= (x0 + x1) / 2 <= width and 0 <= (y0 + y1) / 2 <= height


def _glyphs(text: OfdText, scale: float, group: int, layer: int) -> list[Glyph]:
    matrix = text.matrix
    a, b, c, d = matrix[:4]
    direction = direction_of(a, b)
    size = text.size * math.hypot(c, d) * scale  # the glyph's height on the page
    glyphs = []
    for glyph in text.glyphs:
        if glyph.char in "\r\n":
            continue
        top, bottom = glyph.y - _ASCENT * text.size, glyph.y + _DESCENT * text.size
        corners = [
            apply(matrix, x, y) for x in (glyph.x, glyph.x + glyph.advance) for y in (top, bottom)
        ]
        xs = [point[0] * scale for point in corners]
        ys = [point[1] * scale for point in corners]
        ox, oy = apply(matrix, glyph.x, glyph.y)
        glyphs.append(
            Glyph(
                fold_char(glyph.char),
                (min(xs), min(ys), max(xs), max(ys)),
                (ox * scale, oy * scale),
                size,
                direction,
                group,
                layer,
            )
        )
    return glyphs


def _rules(page: OfdPage, scale: float) -> tuple[Rule, ...]:
    collector = RuleCollector(_LEAN_MM * scale, _MIN_RULE_MM * scale, _MAX_THICKNESS_MM * scale)
    for obj in page.content:
        if not isinstance(obj, OfdPath) or obj.alpha == 0:
            continue
        if obj.stroke is not None and not _white(obj.stroke):
            _segments(obj, scale, collector)
        if obj.fill is not None and not _white(obj.fill):
            points = [
                (obj.commands[i][j], obj.commands[i][j + 1])
                for i in range(len(obj.commands))
                for j in range(1, len(obj.commands[i]) - 1, 2)
            ]
            if points:
                xs, ys = [p[0] * scale for p in points], [p[1] * scale for p in points]
                collector.add_rect(min(xs), min(ys), max(xs), max(ys), stroked=False, filled=True)
    return collector.rules()


def _segments(path: OfdPath, scale: float, collector: RuleCollector) -> None:
    """The straight segments of a stroked path, closing lines included."""
    start = current = None
    for command in path.commands:
        op = command[0]
        if op == "M":
            start = current = (command[1], command[2])
        elif op == "L" and current is not None:
            point = (command[1], command[2])
            collector.add_line(
                current[0] * scale, current[1] * scale, point[0] * scale, point[1] * scale
            )
            current = point
        elif op == "B":
            current = (command[5], command[6])
        elif op == "C" and current is not None and start is not None:
            collector.add_line(
                current[0] * scale, current[1] * scale, start[0] * scale, start[1] * scale
            )
            current = start


def _white(color: tuple[float, float, float]) -> bool:
    return all(component >= 0.98 for component in color)
