"""Red seals over the print: where they are, and the lines under them read again.

A seller stamps its 发票专用章 wherever there is room, often over the tax rate, the
amounts or the seller's address. The detector then finds one box for a value and the
seal's text around it, or none at all, and the value is lost (a page's tax rate came
back empty). The seal is told from the print by colour and shape:

- colour: seal ink is clearly red where it lies on paper; black print under the seal
  stays dark in every channel (a stamp's ink darkens what it covers, never lightens it);
- shape: the form's own print may be red or brown as well (its rules, labels, title),
  so the long straight runs of the rules are taken out of the red mask first; what is
  left and is several characters tall and wide, like an oval of ink, is a seal (labels
  and the title are one character tall, the 发票联 column one character wide).

The rows a seal covers are then detected and read again on the page with red dropped
(its red channel: black print stays black, red ink turns to paper), and the lines
under the seal replaced by those readings (:func:`merge_band`).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.recognition.local.ocr import OcrLine, red_share

#: Clearly red: red above both green and blue by this much (0-255), and bright enough
#: to be ink on paper rather than black print under a seal.
RED_MARGIN, RED_MIN = 45, 110
#: A seal is at least this many character heights tall and wide, at most this many.
MIN_SEAL_CHARS, MAX_SEAL_CHARS = 4.0, 30.0
#: ... no more than this much wider than tall (or taller than wide).
MAX_SEAL_ASPECT = 2.6
#: A seal's rim: ink near the inscribed ellipse in this share of ``RIM_DIRECTIONS``
#: directions from its middle (measured: seals over print 0.5-1.0, blocks of stacked red
#: labels 0.23-0.46).
MIN_RIM, RIM_DIRECTIONS = 0.5, 48
#: Runs of red at least this many character heights long and straight are rules (a
#: seal's rim is straight for less: about 3 across its top on a 40 mm seal).
RULE_CHARS = 6.0
#: Share of a line's box a seal must cover before its reading is replaced.
MIN_COVER = 0.15
#: A line read again is taken when read this confidently (what is left of a seal's text
#: after the drop-out is read with less).
MIN_NEW_SCORE = 0.8
#: A red line this much inside a seal is the seal's own text.
SEAL_TEXT_INSIDE = 0.6
#: Red-channel levels above this share of the paper's level are paper (stamp ink over
#: paper keeps 85-95% of it in the red channel; the form's brown print about 65%).
PAPER_SHARE = 0.85


@dataclass(frozen=True)
class Box:
    """An axis-parallel box in page pixels."""

    x0: float
    y0: float
    x1: float
    y1: float

    def intersection(self, other: Box) -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        return max(0.0, w) * max(0.0, h)

    @property
    def area(self) -> float:
        return max(0.0, self.x1 - self.x0) * max(0.0, self.y1 - self.y0)


def line_box(line: OcrLine) -> Box:
    xs, ys = [p[0] for p in line.polygon], [p[1] for p in line.polygon]
    return Box(min(xs), min(ys), max(xs), max(ys))


def char_height(lines: Sequence[OcrLine]) -> float | None:
    """The median height of the page's line boxes (None with too few lines)."""
    heights = [line_box(line).y1 - line_box(line).y0 for line in lines if len(line.text) >= 2]
    return statistics.median(heights) if len(heights) >= 5 else None


def drop_red(image: Any) -> Any:
    """``image`` as gray with red ink (seals, the form's red print) faded to paper and
    black, blue or purple print kept dark.

    The red channel: a stamp's red ink lets red light through, so in that channel a seal
    all but vanishes while the print under it stays as dark as elsewhere (a drop-out
    filter, as scanners have). Two things keep a stamp visible there, both undone: JPEG
    keeps colour at half resolution, so a thin red stroke loses much of its red (the
    channel is rebuilt from the brightness and the strongest red difference in each 3×3
    neighbourhood); and stamp ink still darkens the channel a little, so it is stretched
    to make everything above ``PAPER_SHARE`` of the paper's level paper.
    """
    import cv2
    import numpy as np

    if image.ndim != 3:
        return image
    luma, chroma, _ = cv2.split(cv2.cvtColor(image, cv2.COLOR_BGR2YCrCb))
    chroma = cv2.dilate(chroma, np.ones((3, 3), np.uint8))
    red = np.clip(luma.astype(np.float32) + 1.403 * (chroma.astype(np.float32) - 128), 0, 255)
    paper = float(np.percentile(red[::7, ::7], 95))
    if paper >= 64:  # else a dark page: nothing to stretch against
        red *= 255.0 / (PAPER_SHARE * paper)
    gray = np.clip(red, 0, 255).astype(np.uint8)
    return np.dstack([gray, gray, gray])


def red_mask(image: Any) -> Any:
    """0/255 mask of clearly red pixels (seal ink on paper; also the form's red print)."""
    import numpy as np

    pixels = image.astype(np.int16)
    blue, green, red = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    reddish = (red - np.maximum(green, blue) > RED_MARGIN) & (red >= RED_MIN)
    return reddish.astype(np.uint8) * 255


def find_seals(image: Any, line_height: float) -> list[Box]:
    """The boxes of the red seals on a BGR page whose text lines are ``line_height``
    pixels high (detector boxes)."""
    import cv2

    if image.ndim != 3:
        return []
    # Worked on at about 6 px a line: the shapes are large, the page's detail is not needed.
    scale = min(1.0, 6.0 / max(1.0, line_height))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    mask = red_mask(small)
    char = line_height * scale
    long = max(3, round(RULE_CHARS * char))
    rules = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (long, 1))
    )
    rules |= cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, long))
    )
    rest = cv2.subtract(mask, cv2.dilate(rules, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))))
    close = max(3, round(char))
    rest = cv2.morphologyEx(
        rest, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (close, close))
    )
    count, labels, stats, _ = cv2.connectedComponentsWithStats(rest, connectivity=8)
    seals = []
    for index in range(1, count):
        x, y, w, h, area = stats[index]
        if not _seal_shaped(w / char, h / char, area / max(1, w * h)):
            continue
        if rim_share(labels[y : y + h, x : x + w] == index) < MIN_RIM:
            continue  # a block of red labels, not a ring
        seals.append(Box(x / scale, y / scale, (x + w) / scale, (y + h) / scale))
    return seals


def rim_share(shape: Any) -> float:
    """Share of the directions from the middle of ``shape`` (a boolean mask filling its
    box) in which ink lies near the ellipse inscribed in the box: a seal's rim runs all
    round; a block of label text touches it only where its lines end."""
    import numpy as np

    h, w = shape.shape
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    angles = np.linspace(0, 2 * np.pi, RIM_DIRECTIONS, endpoint=False)
    radii = np.linspace(0.78, 1.0, 6)
    xs = np.clip(np.rint(cx + np.outer(np.cos(angles), radii) * cx), 0, w - 1).astype(int)
    ys = np.clip(np.rint(cy + np.outer(np.sin(angles), radii) * cy), 0, h - 1).astype(int)
    return float(shape[ys, xs].any(axis=1).mean())


def _seal_shaped(width: float, height: float, fill: float) -> bool:
    """Whether a red shape ``width`` × ``height`` character heights, inking ``fill`` of its
    box, can be a seal: large in both directions, not a long strip, not a solid block."""
    if not (
        MIN_SEAL_CHARS <= width <= MAX_SEAL_CHARS and MIN_SEAL_CHARS <= height <= MAX_SEAL_CHARS
    ):
        return False
    return max(width, height) / min(width, height) <= MAX_SEAL_ASPECT and 0.05 <= fill <= 0.8


def region_of(
    seals: Sequence[Box], lines: Sequence[OcrLine], line_height: float, shape: tuple[int, ...]
) -> Box:
    """The part of the page read again for ``seals`` (side by side): their rows and a line
    more above and below; across, the seals and every line they touch, and two line
    heights more (a line the first reading missed may run out of the seal)."""
    x0, x1 = min(s.x0 for s in seals), max(s.x1 for s in seals)
    y0, y1 = min(s.y0 for s in seals), max(s.y1 for s in seals)
    for line in lines:
        box = line_box(line)
        if any(box.intersection(seal) > 0 for seal in seals):
            x0, x1 = min(x0, box.x0), max(x1, box.x1)
    margin = 2 * line_height
    return Box(
        max(0.0, float(int(x0 - margin))),
        max(0.0, float(int(y0 - line_height))),
        min(float(shape[1]), float(int(x1 + margin + 1))),
        min(float(shape[0]), float(int(y1 + line_height + 1))),
    )


def merge_band(
    lines: Sequence[OcrLine], new: Sequence[OcrLine], seal: Box, region: Box, width: int
) -> list[OcrLine]:
    """``lines`` with the lines under ``seal`` replaced by ``new`` (read again in
    ``region`` of a page ``width`` pixels wide, with red dropped).

    A line the seal covers (``MIN_COVER`` of its box) is dropped when a new line overlaps
    it, or when it is red and lies within the seal (the seal's own text, gone without
    red); others are kept (a red label at the seal's edge, gone without red as well). New
    lines are taken where they overlap the seal and are read with ``MIN_NEW_SCORE``,
    except those the region's edge cuts.
    """
    taken = [
        line
        for line in new
        if line_box(line).intersection(seal) > 0
        and not _cut(line_box(line), region, width)
        and line.score >= MIN_NEW_SCORE
    ]
    out: list[OcrLine] = []
    at = None  # where the new lines go: in place of the first line they replace
    for line in lines:
        box = line_box(line)
        covered = box.area > 0 and box.intersection(seal) >= MIN_COVER * box.area
        replaced = any(_overlap(box, line_box(other)) >= 0.3 for other in taken)
        inside = box.area > 0 and box.intersection(seal) >= SEAL_TEXT_INSIDE * box.area
        if covered and (replaced or (inside and line.red >= 0.5)):
            at = len(out) if at is None else at
            continue
        if replaced:
            # A line the seal only touches keeps its first reading: a new line over it
            # would give the same text twice.
            taken = [t for t in taken if _overlap(box, line_box(t)) < 0.3]
        out.append(line)
    at = len(out) if at is None else at
    return [*out[:at], *taken, *out[at:]]


def _cut(box: Box, region: Box, width: int) -> bool:
    """Whether ``box`` touches an edge of ``region`` inside the page (its line runs on)."""
    return (
        box.y0 <= region.y0 + 1
        or box.y1 >= region.y1 - 1
        or (region.x0 > 0 and box.x0 <= region.x0 + 1)
        or (region.x1 < width and box.x1 >= region.x1 - 1)
    )


def _overlap(a: Box, b: Box) -> float:
    """The intersection as a share of the smaller box."""
    smaller = min(a.area, b.area)
    return a.intersection(b) / smaller if smaller > 0 else 0.0


#: Reads ``region`` of the page with red dropped: its text lines (in page pixels) that
#: meet the second box (the others are not recognized).
ReadBand = Callable[[Box, Box], list[OcrLine]]


def reread_under_seals(image: Any, lines: list[OcrLine], read_band: ReadBand) -> list[OcrLine]:
    """``lines`` with the lines under each red seal that covers print read again without
    red (seals side by side, in overlapping rows, are read together)."""
    height = char_height(lines)
    if height is None or image.ndim != 3:
        return lines
    seals = [seal for seal in find_seals(image, height) if _covers_print(image, seal)]
    groups: list[list[Box]] = []
    for seal in sorted(seals, key=lambda s: s.y0):
        if groups and seal.y0 - height < max(s.y1 for s in groups[-1]) + height:
            groups[-1].append(seal)
        else:
            groups.append([seal])
    for group in groups:
        region = region_of(group, lines, height, image.shape)
        within = Box(
            min(s.x0 for s in group),
            min(s.y0 for s in group),
            max(s.x1 for s in group),
            max(s.y1 for s in group),
        )
        new = [_as_print(line, image) for line in read_band(region, within) if _worth(line)]
        for seal in group:
            lines = merge_band(lines, new, seal, region, image.shape[1])
    return lines


#: A line read again whose ink is this red on the page as scanned is what the drop-out
#: left of the seal's own text (``有限公``, ``发票专用章``: 0.89-0.9 measured) or a red label;
#: print under a seal measured 0.09-0.67 (its ink turns reddish under the stamp).
SEAL_TEXT_RED = 0.8


def _as_print(line: OcrLine, image: Any) -> OcrLine:
    """``line`` (read with red dropped) with its red share as print: 0, unless its ink is
    as red as a seal's text on the page as scanned (then that share, so it stays out of
    the values like the first reading's seal text)."""
    red = red_share(image, line.polygon)
    return OcrLine(line.text, line.polygon, line.score, red if red >= SEAL_TEXT_RED else 0.0)


def _worth(line: OcrLine) -> bool:
    """A line read again is worth taking when it holds two characters or a digit (a lone
    character is most often a piece of something the drop-out left)."""
    text = line.text.strip()
    return len(text) >= 2 or text.isdigit()


#: A seal covers print when this share of its box is dark in the red channel (below
#: ``PRINT_SHARE`` of the paper's level there): black, blue or purple print, even thin
#: or blurred; seal ink and the form's red or brown print stay above it.
MIN_PRINT_SHARE, PRINT_SHARE = 0.004, 0.6


def _covers_print(image: Any, seal: Box) -> bool:
    """Whether print other than red lies under ``seal`` (a seal over the red title alone
    needs no second reading)."""
    import numpy as np

    red = image[int(seal.y0) : int(seal.y1), int(seal.x0) : int(seal.x1), 2]
    if red.size == 0:
        return False
    paper = float(np.percentile(red, 95))
    return float((red < PRINT_SHARE * paper).mean()) >= MIN_PRINT_SHARE
