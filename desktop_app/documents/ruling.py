"""A form's ruling from vector drawings: horizontal and vertical segments, merged.

PDF and OFD producers draw a grid in many ways: one long line, many short
collinear pieces, a stroked rectangle per cell, thin filled rectangles, the same
line twice. The form reader wants one ``Rule`` per visible line, so segments are
collected in page pixels, rectangles turned into their edges (stroked) or their
centre line (filled and thin), and collinear pieces that touch or overlap merged.
Diagonals and curves are not ruling and are dropped. Pure, no PyMuPDF.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.documents.page_text import Rule

Segment = tuple[float, float, float, float]


class RuleCollector:
    """Collects segments and rectangles in pixels; ``rules()`` gives them merged.

    ``tolerance`` (pixels) is how far from axis-aligned a segment may lean, how
    close two collinear pieces must lie to be one line, and how far apart their
    ends may be; ``min_length`` (pixels) drops ticks and glyph-like marks; a
    filled rectangle counts as a line when its thinner side is at most
    ``max_thickness`` pixels.
    """

    def __init__(self, tolerance: float, min_length: float, max_thickness: float) -> None:
        self.tolerance = tolerance
        self.min_length = min_length
        self.max_thickness = max_thickness
        self._horizontal: list[Segment] = []
        self._vertical: list[Segment] = []

    def add_line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A straight segment; kept when (nearly) horizontal or vertical."""
        if abs(y1 - y0) <= self.tolerance and abs(x1 - x0) >= self.min_length:
            y = (y0 + y1) / 2
            self._horizontal.append((min(x0, x1), y, max(x0, x1), y))
        elif abs(x1 - x0) <= self.tolerance and abs(y1 - y0) >= self.min_length:
            x = (x0 + x1) / 2
            self._vertical.append((x, min(y0, y1), x, max(y0, y1)))

    def add_rect(
        self, x0: float, y0: float, x1: float, y1: float, *, stroked: bool, filled: bool
    ) -> None:
        """An axis-aligned rectangle: its four edges when stroked, its centre line when a thin fill."""
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        width, height = x1 - x0, y1 - y0
        if filled and min(width, height) <= self.max_thickness:
            if width >= height:
                self.add_line(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)
            else:
                self.add_line((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)
        elif stroked:
            self.add_line(x0, y0, x1, y0)
            self.add_line(x0, y1, x1, y1)
            self.add_line(x0, y0, x0, y1)
            self.add_line(x1, y0, x1, y1)

    def rules(self) -> tuple[Rule, ...]:
        """All rules, horizontal ones first (top to bottom), then vertical ones (left to right)."""
        horizontal = _merge(self._horizontal, self.tolerance, across=1, along=0)
        vertical = _merge(self._vertical, self.tolerance, across=0, along=1)
        return tuple(Rule(*segment) for segment in (*horizontal, *vertical))


def _merge(
    segments: Iterable[Segment], tolerance: float, *, across: int, along: int
) -> list[Segment]:
    """Collinear segments (same ``across`` coordinate within ``tolerance``) joined where they touch.

    ``across``/``along`` index the coordinate (0 = x, 1 = y) that is constant
    along the segment and the one that varies.
    """
    ordered = sorted(segments, key=lambda s: (s[across], s[along]))
    # Cluster by the constant coordinate first, so a line drawn twice a hair apart is one.
    clusters: list[list[Segment]] = []
    for segment in ordered:
        if clusters and segment[across] - clusters[-1][0][across] <= tolerance:
            clusters[-1].append(segment)
        else:
            clusters.append([segment])
    merged: list[Segment] = []
    for cluster in clusters:
        position = sum(s[across] for s in cluster) / len(cluster)
        pieces = sorted(cluster, key=lambda s: s[along])
        start, end = pieces[0][along], pieces[0][along + 2]
        for piece in pieces[1:]:
            if piece[along] <= end + tolerance:
                end = max(end, piece[along + 2])
            else:
                merged.append(_segment(position, start, end, across))
                start, end = piece[along], piece[along + 2]
        merged.append(_segment(position, start, end, across))
    return merged


def _segment(position: float, start: float, end: float, across: int) -> Segment:
    """A horizontal (``across`` = 1, y = position) or vertical segment from ``start`` to ``end``."""
    if across == 1:
        return (start, position, end, position)
    return (position, start, position, end)
