"""A PDF page's own text layer and vector ruling as ``PageText``, or ``None`` when it can't be trusted.

Characters come from MuPDF's ``rawdict`` extraction (one box and baseline
origin per character), ruling from ``get_drawings`` (lines, rectangles and
axis-aligned quads). Both are mapped through the page's rotation and the
rendering zoom, so they sit on the pixels ``PdfPages.render`` produces.

The layer is refused (``None``, so the page is recognized by OCR instead) when
it has next to no visible text (a scan), when most of it is invisible (a
scanner's OCR layer under the image: its positions and text are a guess), when
it is a few words on a page-sized image (a scanner app's caption), or when it
reads as garbage (see ``text_quality``).
"""

from __future__ import annotations

import pymupdf

from desktop_app.documents.page_text import ORIGIN_PDF, PageText, Rule
from desktop_app.documents.ruling import RuleCollector
from desktop_app.documents.spans import Glyph, build_spans, direction_of
from desktop_app.documents.text_quality import fold_char, text_is_usable, visible_chars

_POINTS_PER_INCH = 72.0

# Ruling tolerances in points (converted to pixels per page): a line may lean by
# 1 pt, pieces 1.5 pt apart are one line, marks shorter than 4 pt are not ruling,
# a filled rectangle up to 2 pt thick is a line.
_LEAN_PT = 1.5
_MIN_RULE_PT = 4.0
_MAX_THICKNESS_PT = 2.0
_MAX_PATH_ITEMS = 20_000

# Extraction flags: keep white space and ligatures as written, never clip to the
# media box silently merging hidden text, and report U+FFFD for unknown glyphs.
_FLAGS = (
    pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_MEDIABOX_CLIP
)

# A page image covering this share of the page, with fewer than so many visible
# characters of text, is a scan with a caption: its text is in the image.
_SCAN_COVER = 0.5
_MIN_CHARS_BESIDE_AN_IMAGE = 40

# Above this share of invisible characters (alpha 0, text render mode 3) the
# text layer is a scanner's OCR, not the document's own text.
_MAX_INVISIBLE_SHARE = 0.5


def pdf_page_text(page: pymupdf.Page, dpi: float) -> PageText | None:
    """The text and ruling of ``page`` in pixels at ``dpi``, or ``None`` when unusable."""
    zoom = dpi / _POINTS_PER_INCH
    matrix = page.rotation_matrix * pymupdf.Matrix(zoom, zoom)
    glyphs, invisible = _glyphs(page, matrix, zoom)
    visible_text = "".join(glyph.char for glyph in glyphs)
    if invisible > _MAX_INVISIBLE_SHARE * (len(glyphs) + invisible):
        return None
    if not text_is_usable(visible_text) or _scan_with_caption(page, visible_text):
        return None
    rules = _rules(page, matrix, zoom)
    box = (page.rect * pymupdf.Matrix(zoom, zoom)).irect
    return PageText(
        width=float(box.width),
        height=float(box.height),
        dpi=dpi,
        spans=build_spans(glyphs, rules),
        rules=rules,
        origin=ORIGIN_PDF,
    )


def _scan_with_caption(page: pymupdf.Page, text: str) -> bool:
    """Whether the page is a scanned image with a few words of text on it.

    Scanner apps stamp a visible caption (扫描全能王 创建, a date) on the image
    of the page: too little text to be the document, which is in the image.
    Only looked at when the text is short, so text pages pay nothing.
    """
    if visible_chars(text) >= _MIN_CHARS_BESIDE_AN_IMAGE:
        return False
    page_area = abs(page.rect) or 1.0
    return any(
        abs(pymupdf.Rect(info["bbox"]) & page.rect) >= _SCAN_COVER * page_area
        for info in page.get_image_info()
    )


def _glyphs(page: pymupdf.Page, matrix: pymupdf.Matrix, zoom: float) -> tuple[list[Glyph], int]:
    """Visible characters in pixels (compatibility ideographs folded), and the invisible count."""
    raw = page.get_text("rawdict", flags=_FLAGS)
    # Plain arithmetic, not pymupdf.Point/Rect per character: ten times faster.
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    glyphs: list[Glyph] = []
    invisible = 0
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            dx, dy = line["dir"]
            direction = direction_of(a * dx + c * dy, b * dx + d * dy)
            for span in line["spans"]:
                if span.get("alpha", 255) == 0:
                    invisible += sum(1 for char in span["chars"] if not char["c"].isspace())
                    continue
                size = span["size"] * zoom
                for char in span["chars"]:
                    x0, y0, x1, y1 = char["bbox"]
                    xs = (
                        a * x0 + c * y0 + e,
                        a * x1 + c * y1 + e,
                        a * x0 + c * y1 + e,
                        a * x1 + c * y0 + e,
                    )
                    ys = (
                        b * x0 + d * y0 + f,
                        b * x1 + d * y1 + f,
                        b * x0 + d * y1 + f,
                        b * x1 + d * y0 + f,
                    )
                    ox, oy = char["origin"]
                    glyphs.append(
                        Glyph(
                            fold_char(char["c"]),
                            (min(xs), min(ys), max(xs), max(ys)),
                            (a * ox + c * oy + e, b * ox + d * oy + f),
                            size,
                            direction,
                        )
                    )
    return glyphs, invisible


def _rules(page: pymupdf.Page, matrix: pymupdf.Matrix, zoom: float) -> tuple[Rule, ...]:
    """The page's horizontal and vertical ruling in pixels, merged.

    ``get_cdrawings`` (plain tuples, about twice as fast as ``get_drawings``);
    at most ``_MAX_PATH_ITEMS`` items are looked at, so a page of vector art
    costs bounded time (its first items, where a form's grid usually is, count).
    """
    collector = RuleCollector(_LEAN_PT * zoom, _MIN_RULE_PT * zoom, _MAX_THICKNESS_PT * zoom)
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f

    def point(x: float, y: float) -> tuple[float, float]:
        return a * x + c * y + e, b * x + d * y + f

    budget = _MAX_PATH_ITEMS
    for path in page.get_cdrawings():
        kind = path.get("type") or ""
        # White ink on white paper is an eraser, not a line: only visible paint counts.
        stroked = "s" in kind and _inked(path.get("color"))
        filled = "f" in kind and _inked(path.get("fill"))
        if not (stroked or filled):
            continue
        budget -= len(path["items"])
        if budget < 0:
            break
        for item in path["items"]:
            if item[0] == "l" and stroked:
                collector.add_line(*point(*item[1]), *point(*item[2]))
            elif item[0] == "re":
                x0, y0, x1, y1 = item[1]
                collector.add_rect(*point(x0, y0), *point(x1, y1), stroked=stroked, filled=filled)
            elif item[0] == "qu":
                corners = [point(x, y) for x, y in item[1]]
                xs, ys = {round(x, 1) for x, _ in corners}, {round(y, 1) for _, y in corners}
                if len(xs) <= 2 and len(ys) <= 2:  # an axis-aligned quad is a rectangle
                    collector.add_rect(
                        min(xs), min(ys), max(xs), max(ys), stroked=stroked, filled=filled
                    )
    return collector.rules()


def _inked(color: tuple[float, ...] | None) -> bool:
    """Whether a stroke or fill colour paints something visible on white paper."""
    return color is not None and not all(component >= 0.98 for component in color)
