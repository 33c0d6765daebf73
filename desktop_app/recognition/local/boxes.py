"""The box of a value's text from the boxes of its OCR fragments.

The detector's boxes are padded around the glyphs (its "unclip" step); the
service's boxes hug the ink. The padding is taken off in proportion to the line
height, with shares measured on rendered forms: digits and Latin letters fill
less of the line height than Chinese characters.
"""

from __future__ import annotations

import itertools
import re

from desktop_app.core.model import Point, Polygon
from desktop_app.recognition.local.fragments import Fragment

#: Share of the detector box height the ink fills: Chinese text, other text.
KEEP_HEIGHT_CJK, KEEP_HEIGHT_LATIN = 0.69, 0.56
#: The ink sits a little below the middle of the box (share of the box height).
DROP = 0.04
#: Padding at each end of the line (share of the box height).
TRIM_ENDS = 0.14
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _toward(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def new_line(previous: Fragment, current: Fragment) -> bool:
    """Whether ``current`` starts a new line after ``previous`` (a value wrapped in its cell)."""
    return abs(current.left_mid[1] - previous.right_mid[1]) > 0.5 * previous.height


def value_polygon(fragments: list[Fragment]) -> Polygon:
    """The four corners of the ink of ``fragments`` (in reading order); a value on several
    lines gets the upright box round the ink of all of them."""
    lines: list[list[Fragment]] = [[fragments[0]]]
    for previous, current in itertools.pairwise(fragments):
        if new_line(previous, current):
            lines.append([current])
        else:
            lines[-1].append(current)
    if len(lines) == 1:
        return _line_polygon(fragments)
    corners = [p for line in lines for p in _line_polygon(line)]
    x0, x1 = min(p[0] for p in corners), max(p[0] for p in corners)
    y0, y1 = min(p[1] for p in corners), max(p[1] for p in corners)
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _line_polygon(fragments: list[Fragment]) -> Polygon:
    """The four corners of the ink of ``fragments`` (one line, left to right)."""
    lt, _, _, lb = fragments[0].polygon
    _, rt, rb, _ = fragments[-1].polygon
    text = "".join(f.text for f in fragments)
    keep = KEEP_HEIGHT_CJK if _CJK.search(text) else KEEP_HEIGHT_LATIN
    top, bottom = (1.0 - keep) / 2.0 + DROP, (1.0 + keep) / 2.0 + DROP
    lt, lb = _toward(lt, lb, top), _toward(lt, lb, bottom)
    rt, rb = _toward(rt, rb, top), _toward(rt, rb, bottom)
    height = ((lb[0] - lt[0]) ** 2 + (lb[1] - lt[1]) ** 2) ** 0.5 / keep
    width = ((rt[0] - lt[0]) ** 2 + (rt[1] - lt[1]) ** 2) ** 0.5 or 1.0
    t = min(0.25, TRIM_ENDS * height / width)
    left = t if fragments[0].padded_left else 0.0
    right = t if fragments[-1].padded_right else 0.0
    return (
        _toward(lt, rt, left),
        _toward(rt, lt, right),
        _toward(rb, lb, right),
        _toward(lb, rb, left),
    )
