"""Characters with their boxes grouped into spans: one run on one baseline, cells kept apart.

PDF and OFD pages give characters, not lines, and producers cut text into
objects arbitrarily (an OFD draws ``¥`` and ``4197.17`` as two objects; a PDF
may draw a label and its value in one text object). So spans are built from the
characters alone: characters of one writing direction whose baselines agree
are one line, read along the direction, and a line is cut where the gap between
two visible characters exceeds ``GAP_FACTOR`` × the (smaller) font size, where
characters of two source objects part by more than ``GROUP_GAP_FACTOR`` × the
size, where the size jumps (``SIZE_RATIO``), between layers (an OFD template's labels
and the page's values) or where a ruling line crosses the
gap (a cell's value never merges with the label in the next
cell). White space inside a span is kept; at its ends it is dropped. Pure.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.documents.page_text import Box, Rule, TextSpan

#: A gap wider than this many font sizes between two characters starts a new span.
GAP_FACTOR = 1.5

#: Between characters of different source objects (``Glyph.group``), a gap wider
#: than this many font sizes starts a new span: an OFD draws each field's value as
#: its own object, so two fields side by side part at a much smaller gap.
GROUP_GAP_FACTOR = 0.5

#: Characters whose sizes differ by more than this factor are not one run
#: (a title beside the small label next to it).
SIZE_RATIO = 1.6

#: Baselines closer than this many font sizes are one line.
BASELINE_FACTOR = 0.25

# Writing directions in page pixels (y down): along-axis as (x, y) unit vectors.
RIGHT, DOWN, LEFT, UP = 0, 1, 2, 3
_DIRECTIONS = {RIGHT: (1.0, 0.0), DOWN: (0.0, 1.0), LEFT: (-1.0, 0.0), UP: (0.0, -1.0)}


@dataclass(frozen=True)
class Glyph:
    """One character in page pixels: its box, its origin on the baseline, size and direction."""

    char: str
    box: Box
    origin: tuple[float, float]
    size: float
    direction: int = RIGHT
    group: int = -1  # the source object (an OFD TextObject), -1 when the source has none
    layer: int = 0  # OFD: 0 the template (labels), 1 the page (values); never one span


def direction_of(dx: float, dy: float) -> int:
    """The nearest of the four axis directions to the writing vector ``(dx, dy)`` (y down)."""
    if abs(dx) >= abs(dy):
        return RIGHT if dx >= 0 else LEFT
    return DOWN if dy >= 0 else UP


def _along(glyph: Glyph) -> tuple[float, float]:
    """The glyph's extent along its writing direction (start, end)."""
    x0, y0, x1, y1 = glyph.box
    direction = glyph.direction
    if direction == RIGHT:
        return x0, x1
    if direction == DOWN:
        return y0, y1
    return (-x1, -x0) if direction == LEFT else (-y1, -y0)


def _across(glyph: Glyph) -> float:
    """The baseline's position across the writing direction."""
    x, y = glyph.origin
    direction = glyph.direction
    if direction == RIGHT:
        return y
    if direction == DOWN:
        return -x
    return -y if direction == LEFT else x


def build_spans(glyphs: Iterable[Glyph], rules: Sequence[Rule] = ()) -> tuple[TextSpan, ...]:
    """Spans of ``glyphs`` in reading order: line by line (by baseline), along each line.

    Horizontal text comes first (top to bottom, left to right), then text in the
    other directions.
    """
    by_direction: dict[int, list[Glyph]] = {}
    for glyph in glyphs:
        by_direction.setdefault(glyph.direction, []).append(glyph)
    spans: list[TextSpan] = []
    for direction, group in sorted(by_direction.items()):
        crossing = [rule for rule in rules if rule.horizontal == (direction in (DOWN, UP))]
        for line in _lines(group):  # already in baseline order, each along its direction
            spans.extend(_split(line, _cutting(line, crossing)))
    return tuple(spans)


def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs of one direction clustered by baseline, each line ordered along the direction."""
    ordered = sorted(glyphs, key=_across)
    lines: list[list[Glyph]] = []
    anchor = 0.0
    for glyph in ordered:
        across = _across(glyph)
        if lines and across - anchor <= BASELINE_FACTOR * max(glyph.size, 1.0):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
            anchor = across
    for line in lines:
        line.sort(key=lambda g: _along(g)[0])
    return lines


def _cutting(line: list[Glyph], crossing: Sequence[Rule]) -> list[float]:
    """Where rules cross ``line``: their positions along a horizontal line's x (or a vertical's y).

    A rule crosses the line when it spans the line's middle (between the glyphs'
    box tops and bottoms, averaged).
    """
    horizontal_text = line[0].direction in (RIGHT, LEFT)
    if horizontal_text:
        middle = sum(g.box[1] + g.box[3] for g in line) / (2 * len(line))
        return sorted(r.x0 for r in crossing if r.y0 <= middle <= r.y1)
    middle = sum(g.box[0] + g.box[2] for g in line) / (2 * len(line))
    return sorted(r.y0 for r in crossing if r.x0 <= middle <= r.x1)


def _split(line: list[Glyph], cuts: Sequence[float]) -> list[TextSpan]:
    """One baseline's glyphs cut at wide gaps and at crossing rules (``cuts``), as spans."""
    spans: list[TextSpan] = []
    current: list[Glyph] = []
    last_visible: Glyph | None = None
    for glyph in line:
        if glyph.char.isspace():
            if current:
                current.append(glyph)
            continue
        if last_visible is not None and _breaks(last_visible, glyph, cuts):
            spans.append(_span(current))
            current = []
        current.append(glyph)
        last_visible = glyph
    if current:
        spans.append(_span(current))
    return spans


def _breaks(before: Glyph, after: Glyph, cuts: Sequence[float]) -> bool:
    """Whether a span ends between ``before`` and ``after`` (a wide gap or a rule between them)."""
    small, large = sorted((max(before.size, 1.0), max(after.size, 1.0)))
    if before.layer != after.layer or large > SIZE_RATIO * small:
        return True
    gap = _along(after)[0] - _along(before)[1]
    if gap > GAP_FACTOR * small:
        return True
    parted = before.group != after.group and min(before.group, after.group) >= 0
    if parted and gap > GROUP_GAP_FACTOR * small:
        return True
    return bool(cuts) and _cut_between(cuts, before, after)


def _cut_between(cuts: Sequence[float], before: Glyph, after: Glyph) -> bool:
    """Whether a crossing rule lies strictly between the centres of two glyphs."""
    axis = 0 if before.direction in (RIGHT, LEFT) else 1
    low, high = sorted(
        (
            (before.box[axis] + before.box[axis + 2]) / 2,
            (after.box[axis] + after.box[axis + 2]) / 2,
        )
    )
    index = bisect.bisect_right(cuts, low)
    return index < len(cuts) and cuts[index] < high


def _span(glyphs: list[Glyph]) -> TextSpan:
    """A span of glyphs (trailing white space dropped)."""
    while glyphs and glyphs[-1].char.isspace():
        glyphs = glyphs[:-1]
    boxes = tuple(glyph.box for glyph in glyphs)
    box = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    text = "".join(glyph.char for glyph in glyphs)
    return TextSpan(text, box, boxes, max(glyph.size for glyph in glyphs))
