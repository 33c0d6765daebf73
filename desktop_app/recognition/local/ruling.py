"""The ruling of a form read from its image: the long straight strokes of its grid.

The ink is separated from the paper by an adaptive threshold (uneven light of photos,
grey paper of scans), then kept only where it runs on in one direction for longer
than a character is tall (morphological opening with a long, thin kernel): text is
made of strokes no longer than a character, a rule of the form runs across a cell.
Before the opening the ink is thickened across the direction, so a rule tilted a few
degrees by a scan or a photo still holds long runs; after it, each piece is fitted
with a straight line and pieces that continue each other across a small gap (a rule
broken by a worn ribbon, faded print or a seal) are joined again.

Segments are returned in image pixels as they lie (tilted, not yet axis-aligned):
``page_text_from_ocr`` rectifies the page with them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

#: A rule is at least this many character heights long (text strokes are shorter).
MIN_RULE_CHARS = 2.2
#: Pieces of one rule may be this many character heights apart and still be joined.
MAX_GAP_CHARS = 1.5
#: ... and this far across the line (pixels, plus a share of the gap for a slight bend).
MAX_OFFSET_PX = 3.0
#: Largest tilt (degrees) a rule may have and still count as horizontal/vertical.
MAX_TILT_DEG = 8.0
#: Ink across a rule (median over its length) is at most this many pixels, or a quarter
#: of a character height: wider bands are blurred text run together.
MAX_THICKNESS_PX = 4.5
#: A run whose middle stands off its chord by more than this many pixels and this share
#: of its length is an arc (the rim of a round seal), not a rule.
MAX_BOW_PX, MAX_BOW_SHARE = 1.5, 0.025
#: Character height assumed when the caller knows none: a share of the image width.
DEFAULT_CHAR_SHARE = 1.0 / 70.0


@dataclass(frozen=True)
class Segment:
    """One straight rule as found on the image: its two ends, in image pixels.

    ``(x0, y0)`` is the left end of a horizontal segment and the top end of a vertical
    one; ``thickness`` is the ink width across the line.
    """

    x0: float
    y0: float
    x1: float
    y1: float
    horizontal: bool
    thickness: float = 1.0

    @property
    def length(self) -> float:
        return math.hypot(self.x1 - self.x0, self.y1 - self.y0)

    @property
    def angle(self) -> float:
        """Tilt in radians from the segment's own axis (x for horizontal, y for vertical)."""
        if self.horizontal:
            return math.atan2(self.y1 - self.y0, self.x1 - self.x0)
        return math.atan2(-(self.x1 - self.x0), self.y1 - self.y0)

    def across_at(self, along: float) -> float:
        """y of a horizontal segment at x = ``along`` (x of a vertical one at y = ``along``)."""
        if self.horizontal:
            a0, a1, c0, c1 = self.x0, self.x1, self.y0, self.y1
        else:
            a0, a1, c0, c1 = self.y0, self.y1, self.x0, self.x1
        if a1 == a0:
            return (c0 + c1) / 2.0
        return c0 + (c1 - c0) * (along - a0) / (a1 - a0)


def ink_mask(image: Any, char_height: float) -> Any:
    """Dark-on-light ink as a 0/255 mask (adaptive threshold over about two characters)."""
    import cv2

    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    block = max(15, int(char_height * 2) | 1)
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 12
    )


def find_segments(image: Any, char_height: float | None = None) -> list[Segment]:
    """Every horizontal and vertical rule of ``image`` (BGR or gray array).

    ``char_height`` is the height of a printed character in pixels (the median OCR
    line height is a good one); without it a share of the image width is assumed.
    """
    width = image.shape[1]
    char = char_height if char_height and char_height > 2 else width * DEFAULT_CHAR_SHARE
    mask = ink_mask(image, char)
    out: list[Segment] = []
    for horizontal in (True, False):
        pieces = _pieces(mask, char, horizontal)
        out.extend(_joined(pieces, char))
    min_length = MIN_RULE_CHARS * char
    return [s for s in out if s.length >= min_length]


def _pieces(mask: Any, char: float, horizontal: bool) -> list[Segment]:
    """Straight runs of ink longer than a character in one direction, fitted as lines.

    Vertical rules are found as horizontal ones of the transposed mask.
    """
    import cv2

    rows = mask if horizontal else np.ascontiguousarray(mask.T)
    length = max(9, round(MIN_RULE_CHARS * char))
    # Thicken across the line: a rule tilted by a few degrees keeps long runs in a row.
    across = max(3, round(char * 0.2) | 1)
    thick = cv2.dilate(rows, cv2.getStructuringElement(cv2.MORPH_RECT, (1, across)))
    opened = cv2.morphologyEx(
        thick, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    )
    # Only the original ink inside the long runs is fitted (the thickening would bias it).
    kept = cv2.bitwise_and(opened, rows)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
    pieces = []
    for index in range(1, count):
        x, y, w, h, _area = stats[index]
        if w < length:
            continue
        ink = (labels[y : y + h, x : x + w] == index) & (kept[y : y + h, x : x + w] > 0)
        ys, xs = np.nonzero(ink)
        if xs.size < length // 2:
            continue
        line = _fit(xs + x, ys + y, char)
        if line is None or not _thin(rows, line, char):
            continue
        (a0, c0), (a1, c1), thickness = line
        if horizontal:
            pieces.append(Segment(a0, c0, a1, c1, True, thickness))
        else:
            pieces.append(Segment(c0, a0, c1, a1, False, thickness))
    return pieces


_Line = tuple[tuple[float, float], tuple[float, float], float]


def _fit(xs: Any, ys: Any, char: float) -> _Line | None:
    """The straight line through a run's ink (x along, y across): its two ends and the
    ink's thickness; None for a run that bends (the rim of a round seal) or tilts too far.

    Fitted twice: text touching the rule is left out of the second fit.
    """
    along, across = xs.astype(np.float64), ys.astype(np.float64)
    if np.ptp(along) < 1:
        return None
    slope, offset = np.polyfit(along, across, 1)
    near = np.abs(across - (slope * along + offset)) <= max(2.0, 0.15 * char)
    if near.sum() < 0.6 * along.size or np.ptp(along[near]) < 1:
        return None
    along, across = along[near], across[near]
    slope, offset = np.polyfit(along, across, 1)
    if abs(math.degrees(math.atan(slope))) > MAX_TILT_DEG:
        return None
    residual = across - (slope * along + offset)
    if float(np.sqrt(np.mean(residual**2))) > max(1.5, 0.12 * char):
        return None
    a0, a1 = float(along.min()), float(along.max())
    # A bow: how far the middle stands off the chord; a seal's rim bows, a rule does not
    # (a photo's lens bends a long rule by a few pixels over its whole length at most).
    bend = abs(np.polyfit(along, across, 2)[0]) * ((a1 - a0) / 2.0) ** 2
    if bend > MAX_BOW_PX and bend > MAX_BOW_SHARE * (a1 - a0):
        return None
    thickness = max(1.0, along.size / max(1.0, a1 - a0 + 1))
    return (a0, slope * a0 + offset), (a1, slope * a1 + offset), thickness


def _thin(rows: Any, line: _Line, char: float) -> bool:
    """Whether the ink along ``line`` is a thin rule with paper on both sides, not a band
    of blurred text: counted a little beyond the line, the ink across it stays thin."""
    (a0, c0), (a1, c1), _ = line
    margin = max(2, round(0.3 * char))
    columns = np.arange(int(a0), int(a1) + 1, 2)
    centres = np.rint(c0 + (c1 - c0) * (columns - a0) / max(a1 - a0, 1.0)).astype(int)
    offsets = np.arange(-margin - 1, margin + 2)
    ys = np.clip(centres[:, None] + offsets[None, :], 0, rows.shape[0] - 1)
    xs = np.clip(columns, 0, rows.shape[1] - 1)[:, None]
    across = (rows[ys, xs] > 0).sum(axis=1)
    return float(np.median(across)) <= max(MAX_THICKNESS_PX, 0.4 * char)


def _joined(pieces: list[Segment], char: float) -> list[Segment]:
    """Pieces that continue each other along one straight line, joined into one segment."""
    if not pieces:
        return []
    horizontal = pieces[0].horizontal

    def start(s: Segment) -> float:
        return s.x0 if horizontal else s.y0

    def end(s: Segment) -> float:
        return s.x1 if horizontal else s.y1

    ordered = sorted(pieces, key=start)
    joined: list[Segment] = []
    max_gap = MAX_GAP_CHARS * char
    for piece in ordered:
        for index, current in enumerate(joined):
            gap = start(piece) - end(current)
            if gap > max_gap:
                continue
            offset = abs(current.across_at(start(piece)) - piece.across_at(start(piece)))
            if offset > MAX_OFFSET_PX + 0.03 * max(gap, 0.0):
                continue
            if end(piece) > end(current):
                joined[index] = _merge(current, piece)
            break  # a piece lying inside ``current`` is part of it
        else:
            joined.append(piece)
    return joined


def _merge(a: Segment, b: Segment) -> Segment:
    """One segment from ``a`` and its continuation ``b``, weighted by their lengths."""
    la, lb = a.length, b.length
    thickness = (a.thickness * la + b.thickness * lb) / max(la + lb, 1.0)
    return Segment(a.x0, a.y0, b.x1, b.y1, a.horizontal, thickness)
