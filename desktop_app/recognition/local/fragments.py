"""Pieces of OCR lines and the geometry of a character span inside a line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop_app.core.model import Point, Polygon
from desktop_app.recognition.local.labels import fold_label


@dataclass(frozen=True)
class Fragment:
    """Text read at one place: a whole OCR line or the part of one beside a label."""

    text: str
    polygon: Polygon
    score: float = 1.0
    #: Whether the left/right edge is the detector's (padded) rather than a cut inside a line.
    padded_left: bool = True
    padded_right: bool = True
    #: Share of red ink (see ``OcrLine.red``).
    red: float = 0.0

    @property
    def center(self) -> Point:
        return (
            sum(p[0] for p in self.polygon) / 4.0,
            sum(p[1] for p in self.polygon) / 4.0,
        )

    @property
    def left_mid(self) -> Point:
        """Middle of the left edge (values are printed left-aligned in their cells)."""
        lt, _, _, lb = self.polygon
        return ((lt[0] + lb[0]) / 2.0, (lt[1] + lb[1]) / 2.0)

    @property
    def right_mid(self) -> Point:
        _, rt, rb, _ = self.polygon
        return ((rt[0] + rb[0]) / 2.0, (rt[1] + rb[1]) / 2.0)

    @property
    def height(self) -> float:
        lt, rt, rb, lb = self.polygon
        return (_dist(lt, lb) + _dist(rt, rb)) / 2.0

    @property
    def width(self) -> float:
        lt, rt, rb, lb = self.polygon
        return (_dist(lt, rt) + _dist(lb, rb)) / 2.0

    def sub(self, start: int, end: int) -> Fragment:
        """The fragment of characters ``start:end`` of this text (width shared by glyph class)."""
        return Fragment(
            self.text[start:end],
            span_polygon(self.polygon, self.text, start, end),
            self.score,
            padded_left=self.padded_left and start == 0,
            padded_right=self.padded_right and end >= len(self.text),
            # The share of red ink was measured over the whole line (label included).
            red=self.red if start == 0 and end >= len(self.text) else 0.0,
        )


def _dist(a: Point, b: Point) -> float:
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


def glyph_weight(char: str) -> float:
    """Relative advance width of ``char``: CJK and full-width 1, Latin and digits about half."""
    if char.isspace():
        return 0.4
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    return 0.55


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def span_polygon(polygon: Polygon, text: str, start: int, end: int) -> Polygon:
    """The part of a line ``polygon`` that holds ``text[start:end]``."""
    weights = [glyph_weight(c) for c in text] or [1.0]
    total = sum(weights)
    t0 = sum(weights[:start]) / total
    t1 = sum(weights[:end]) / total
    lt, rt, rb, lb = polygon
    return (_lerp(lt, rt, t0), _lerp(lt, rt, t1), _lerp(lb, rb, t1), _lerp(lb, rb, t0))


def folded_end(text: str, folded_length: int) -> int:
    """Index in ``text`` just past its first ``folded_length`` folded characters."""
    count = 0
    for index, char in enumerate(text):
        if count >= folded_length:
            return index
        count += len(fold_label(char))
    return len(text)


def skip_separators(text: str, index: int) -> int:
    """``index`` moved past punctuation and spaces (what folding drops)."""
    while index < len(text) and not fold_label(text[index]):
        index += 1
    return index


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _continues(a: Fragment, b: Fragment) -> bool:
    """Whether ``b`` carries on ``a``'s code on the same line after a small gap."""
    if _CJK.search(a.text) or _CJK.search(b.text) or not 0.7 < b.height / max(a.height, 1) < 1.4:
        return False
    lt, rt = a.polygon[0], a.polygon[1]
    length = _dist(lt, rt) or 1.0
    ux, uy = (rt[0] - lt[0]) / length, (rt[1] - lt[1]) / length
    dx, dy = b.left_mid[0] - a.right_mid[0], b.left_mid[1] - a.right_mid[1]
    along, across = dx * ux + dy * uy, abs(dy * ux - dx * uy)
    return -0.3 * a.height <= along <= 0.6 * a.height and across <= 0.35 * a.height


def merge_cut_codes(fragments: list[Fragment]) -> list[Fragment]:
    """Codes and amounts the detector cut in two (a cell border crossed them), joined again."""
    pending = list(fragments)
    out: list[Fragment] = []
    while pending:
        a = pending.pop(0)
        b = next((f for f in pending if _continues(a, f)), None)
        if b is None:
            out.append(a)
            continue
        pending.remove(b)
        pending.insert(
            0,
            Fragment(
                a.text + b.text,
                (a.polygon[0], b.polygon[1], b.polygon[2], a.polygon[3]),
                min(a.score, b.score),
                a.padded_left,
                b.padded_right,
                max(a.red, b.red),
            ),
        )
    return out
