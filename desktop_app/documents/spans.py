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
    return {RIGHT: (x0, x1), DOWN: (y0, y1), LEFT: (-x1, -x0), UP: (-y1, -y0)}[glyph.direction]


def _across(glyph: Glyph) -> float:
    """The baseline's position across the writing direction."""
    x, y = glyph.origin
    return {RIGHT: y, DOWN: -x, LEFT: -y, UP: x}[glyph.direction]


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
            spans.extend(_split(line, crossing))
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


def _split(line: list[Glyph], crossing: Sequence[Rule]) -> list[TextSpan]:
    """One baseline's glyphs cut at wide gaps and at crossing rules, as spans."""
    spans: list[TextSpan] = []
    current: list[Glyph] = []
    last_visible: Glyph | None = None
    for glyph in line:
        if glyph.char.isspace():
            if current:
                current.append(glyph)
            continue
        if last_visible is not None and _breaks(last_visible, glyph, crossing):
            spans.append(_span(current))
            current = []
        current.append(glyph)
        last_visible = glyph
    if current:
        spans.append(_span(current))
    return spans


def _breaks(before: Glyph, after: Glyph, crossing: Sequence[Rule]) -> bool:
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
    return any(_rule_between(rule, before, after) for rule in crossing)


def _rule_between(rule: Rule, before: Glyph, after: Glyph) -> bool:
    """Whether ``rule`` (perpendicular to the text) passes between the centres of two glyphs."""
    bx0, by0, bx1, by1 = before.box
    ax0, ay0, ax1, ay1 = after.box
    if before.direction in (RIGHT, LEFT):
        low, high = sorted(((bx0 + bx1) / 2, (ax0 + ax1) / 2))
        middle = (by0 + by1 + ay0 + ay1) / 4
        return low < rule.x0 < high and rule.y0 <= middle <= rule.y1
    low, high = sorted(((by0 + by1) / 2, (ay0 + ay1) / 2))
    middle = (bx0 + bx1 + ax0 + ax1) / 4
    return low < rule.y0 < high and rule.x0 <= middle <= rule.x1


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
