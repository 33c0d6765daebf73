"""OCR lines and the image's ruling as a :class:`PageText` the form reader can read.

The form reader works on an upright page whose rules run straight across and down.
A scan is tilted and a photo is seen in perspective, so the page is first rectified:
the outer frame of the form's grid (its top-, bottom-, left- and rightmost long rules)
gives four corners, and a homography takes them to a rectangle of the same size.
Without a frame (too few rules found) the page is only turned by the rules' median
tilt. Spans and rules are given in that rectified frame; :attr:`OcrPage.to_image`
maps any point back to the image, where the window draws the boxes.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from desktop_app.core.model import Point, Polygon
from desktop_app.documents.page_text import ORIGIN_OCR, PageText, Rule, TextSpan
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.ruling import Segment, find_segments

#: The frame's rules are at least this share of the longest rule of their direction.
FRAME_SHARE = 0.5
#: Top and bottom (left and right) rules of a frame are at least this share of the
#: image apart.
MIN_FRAME_SPAN = 0.25
#: The ink of a character fills about this share of the OCR detector's (padded) box.
INK_SHARE = 0.7
#: A rule lying this much of its length inside a line of text is part of that text.
INSIDE_TEXT_SHARE = 0.8
#: Resolution assumed for an image that states none (a scan at 150 dpi is typical).
DEFAULT_DPI = 150.0


@dataclass(frozen=True)
class OcrPage:
    """A page read by OCR, rectified: ``text.spans[i]`` is ``lines[i]``."""

    text: PageText
    lines: tuple[OcrLine, ...]
    #: 3×3 homography from image pixels to the rectified frame of ``text``.
    matrix: np.ndarray
    #: How the frame was found: "frame" (four rules), "tilt" (turned only) or "none".
    rectified_by: str

    def to_image(self, points: Sequence[Point]) -> list[Point]:
        """Points of the rectified frame in image pixels."""
        return _apply(np.linalg.inv(self.matrix), points)

    def polygon_in_image(self, box: tuple[float, float, float, float]) -> Polygon:
        """A box ``(x0, y0, x1, y1)`` of the rectified frame as four image corners."""
        x0, y0, x1, y1 = box
        corners = self.to_image([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
        return (corners[0], corners[1], corners[2], corners[3])


def char_height(lines: Sequence[OcrLine]) -> float | None:
    """The height of a printed character: the median line box height times the ink share."""
    heights = [
        min(
            math.dist(line.polygon[0], line.polygon[3]), math.dist(line.polygon[1], line.polygon[2])
        )
        for line in lines
        if len(line.text.strip()) >= 2
    ]
    return statistics.median(heights) * INK_SHARE if heights else None


def ocr_page_text(image: Any, lines: Sequence[OcrLine], dpi: float | None = None) -> OcrPage:
    """The rectified page text of ``image`` (BGR array) from its OCR ``lines``."""
    height, width = image.shape[:2]
    segments = find_segments(image, char_height(lines))
    matrix, how = rectifying_matrix(segments, width, height)
    spans = tuple(_span(line, matrix) for line in lines)
    rules = tuple(
        rule for rule in (_rule(s, matrix) for s in segments) if not _inside_text(rule, spans)
    )
    text = PageText(
        width=float(width),
        height=float(height),
        dpi=float(dpi or DEFAULT_DPI),
        spans=spans,
        rules=rules,
        origin=ORIGIN_OCR,
    )
    return OcrPage(text, tuple(lines), matrix, how)


def rectifying_matrix(
    segments: Sequence[Segment], width: int, height: int
) -> tuple[np.ndarray, str]:
    """The homography that makes the form's frame a rectangle, and how it was found."""
    import cv2

    corners = frame_corners(segments, width, height)
    if corners is not None:
        tl, tr, br, bl = corners
        w = (math.dist(tl, tr) + math.dist(bl, br)) / 2.0
        h = (math.dist(tl, bl) + math.dist(tr, br)) / 2.0
        x0, y0 = (tl[0] + bl[0]) / 2.0, (tl[1] + tr[1]) / 2.0
        target = np.float32([[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h]])
        return cv2.getPerspectiveTransform(np.float32(corners), target), "frame"
    tilts = [(s.angle, s.length) for s in segments]
    if not tilts:
        return np.eye(3), "none"
    angle = _weighted_median(tilts)
    turn = cv2.getRotationMatrix2D((width / 2.0, height / 2.0), math.degrees(angle), 1.0)
    return np.vstack([turn, [0.0, 0.0, 1.0]]), "tilt"


def frame_corners(
    segments: Sequence[Segment], width: int, height: int
) -> tuple[Point, Point, Point, Point] | None:
    """The four corners (tl, tr, br, bl) of the grid's outer frame, or None."""
    horizontal = [s for s in segments if s.horizontal]
    vertical = [s for s in segments if not s.horizontal]
    if len(horizontal) < 2 or len(vertical) < 2:
        return None
    long_h = [s for s in horizontal if s.length >= FRAME_SHARE * max(x.length for x in horizontal)]
    long_v = [s for s in vertical if s.length >= FRAME_SHARE * max(x.length for x in vertical)]
    top = min(long_h, key=lambda s: s.y0 + s.y1)
    bottom = max(long_h, key=lambda s: s.y0 + s.y1)
    left = min(long_v, key=lambda s: s.x0 + s.x1)
    right = max(long_v, key=lambda s: s.x0 + s.x1)
    if (bottom.y0 + bottom.y1 - top.y0 - top.y1) / 2 < MIN_FRAME_SPAN * height:
        return None
    if (right.x0 + right.x1 - left.x0 - left.x1) / 2 < MIN_FRAME_SPAN * width:
        return None
    corners = (
        _crossing(top, left),
        _crossing(top, right),
        _crossing(bottom, right),
        _crossing(bottom, left),
    )
    if any(c is None for c in corners):
        return None
    margin = 0.1 * max(width, height)
    if any(
        not (-margin <= x <= width + margin and -margin <= y <= height + margin) for x, y in corners
    ):  # type: ignore[misc]
        return None
    return corners  # type: ignore[return-value]


def _crossing(a: Segment, b: Segment) -> Point | None:
    """Where the lines through segments ``a`` and ``b`` cross (None when parallel)."""
    x1, y1, x2, y2 = a.x0, a.y0, a.x1, a.y1
    x3, y3, x4, y4 = b.x0, b.y0, b.x1, b.y1
    den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if abs(den) < 1e-9:
        return None
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
    return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))


def _weighted_median(values: list[tuple[float, float]]) -> float:
    """The median of ``(value, weight)`` pairs."""
    ordered = sorted(values)
    half = sum(w for _, w in ordered) / 2.0
    running = 0.0
    for value, weight in ordered:
        running += weight
        if running >= half:
            return value
    return ordered[-1][0]


def _apply(matrix: np.ndarray, points: Sequence[Point]) -> list[Point]:
    if not points:
        return []
    src = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    mapped = np.hstack([src, np.ones((src.shape[0], 1))]) @ matrix.T
    return [(float(x), float(y)) for x, y in mapped[:, :2] / mapped[:, 2:3]]


def _span(line: OcrLine, matrix: np.ndarray) -> TextSpan:
    corners = _apply(matrix, list(line.polygon))
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return TextSpan(line.text, (min(xs), min(ys), max(xs), max(ys)), score=float(line.score))


def _inside_text(rule: Rule, spans: Sequence[TextSpan]) -> bool:
    """Whether ``rule`` lies within a line of text: strokes of its characters run together
    (``一一``, a row of digits' bars), not the form's ruling, which runs on past its text."""
    length = max(rule.x1 - rule.x0, rule.y1 - rule.y0, 1.0)
    for span in spans:
        x0, y0, x1, y1 = span.box
        if rule.horizontal and y0 < rule.y0 < y1:
            covered = min(rule.x1, x1) - max(rule.x0, x0)
        elif not rule.horizontal and x0 < rule.x0 < x1:
            covered = min(rule.y1, y1) - max(rule.y0, y0)
        else:
            continue
        if covered >= INSIDE_TEXT_SHARE * length:
            return True
    return False


def _rule(segment: Segment, matrix: np.ndarray) -> Rule:
    """``segment`` in the rectified frame, straightened to an axis-parallel rule."""
    (ax, ay), (bx, by) = _apply(matrix, [(segment.x0, segment.y0), (segment.x1, segment.y1)])
    if segment.horizontal:
        y = (ay + by) / 2.0
        return Rule(min(ax, bx), y, max(ax, bx), y)
    x = (ax + bx) / 2.0
    return Rule(x, min(ay, by), x, max(ay, by))
