"""A page's own text with its positions and ruling, as plain data.

This is what the label-and-cell form reader (``desktop_app.recognition.forms``)
reads. It is filled from a document that carries its text (a PDF text layer, an
OFD page with its template, an e-invoice XML) or from OCR lines of a page image;
``origin`` says which. No fitz, Qt or numpy object appears here.

Coordinates are pixels of the page rendered at ``dpi`` (the same pixels as the
``PageImage`` the window draws), origin top-left, y down. A box is
``(x0, y0, x1, y1)`` with ``x0 <= x1`` and ``y0 <= y1``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[float, float, float, float]

#: Where the text of a page came from.
ORIGIN_PDF = "pdf"  # the PDF's own text layer, exact
ORIGIN_OFD = "ofd"  # an OFD page and its template, exact
ORIGIN_XML = "xml"  # an e-invoice XML file, exact values, positions of our own rendering
ORIGIN_OCR = "ocr"  # OCR lines of a page image, noisy
EXACT_ORIGINS = frozenset({ORIGIN_PDF, ORIGIN_OFD, ORIGIN_XML})


@dataclass(frozen=True)
class TextSpan:
    """One run of text on one baseline, in reading order.

    ``chars`` holds one box per character of ``text`` when the source knows them
    (PDF, OFD), else is empty (OCR lines: split proportionally when needed).
    ``size`` is the font size in pixels (0 when unknown); ``score`` the OCR
    confidence in [0, 1] (1.0 for exact text).
    """

    text: str
    box: Box
    chars: tuple[Box, ...] = ()
    size: float = 0.0
    score: float = 1.0


@dataclass(frozen=True)
class Rule:
    """One ruling segment (a line of the form's grid), horizontal or vertical.

    ``(x0, y0)`` to ``(x1, y1)`` with ``x0 <= x1`` and ``y0 <= y1``; a horizontal
    rule has ``y0 == y1`` (within its width), a vertical one ``x0 == x1``.
    """

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.x1 - self.x0) >= abs(self.y1 - self.y0)


@dataclass(frozen=True)
class PageText:
    """The text and ruling of one page, in pixels of the page rendered at ``dpi``.

    ``width``/``height`` are that rendering's pixel size. ``origin`` is one of the
    ``ORIGIN_*`` names. ``extras`` carries what a source knows beyond the page's
    drawing, keyed by plain names (e.g. ``"qr"`` the QR code's payload when the
    file states it, ``"title"``), all strings.
    """

    width: float
    height: float
    dpi: float
    spans: tuple[TextSpan, ...]
    rules: tuple[Rule, ...] = ()
    origin: str = ORIGIN_PDF
    extras: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def exact(self) -> bool:
        """True when the text was read from the file, not recognized."""
        return self.origin in EXACT_ORIGINS

    def text(self) -> str:
        """All spans joined by newlines (for detecting what the page is)."""
        return "\n".join(span.text for span in self.spans)
