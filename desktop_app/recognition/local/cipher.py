"""The 税控码 cipher block: lines the recognizer need not read.

Both forms print, right of the 税控码 label, a block of about four long lines of
digits and ``<>*+-/`` (the tax-control cipher). No field is read from them, and being
the widest lines on the page they cost about a tenth of the recognizer's time. They
are found by their geometry alone, before recognition (:func:`cipher_block`); they
stay unread only when the recognized lines confirm it (:func:`confirmed`): a line
reading 税控 must stand just left of the block. Otherwise they are read like any line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core.model import Polygon

#: A cipher line is at least this many times longer than high (28+ characters).
MIN_RATIO = 8.0
#: A block has this many lines (four on both forms; one may be split or lost).
MIN_LINES, MAX_LINES = 3, 6


@dataclass(frozen=True)
class Block:
    """The cipher lines' indices and the block's extent (page pixels)."""

    indices: tuple[int, ...]
    left: float
    top: float
    bottom: float
    line_height: float


@dataclass(frozen=True)
class _Box:
    index: int
    left: float
    width: float
    height: float
    middle: float


def _measure(index: int, polygon: Polygon) -> _Box | None:
    """The box of a long, level line; None for any other box."""
    lt, rt, rb, lb = polygon
    width = max(math.dist(lt, rt), math.dist(lb, rb))
    height = max(math.dist(lt, lb), math.dist(rt, rb))
    if height <= 0 or width < MIN_RATIO * height:
        return None
    if abs(rt[1] - lt[1]) > 0.2 * width:  # steeper than about 11°: not a level line
        return None
    middle = (lt[1] + rt[1] + rb[1] + lb[1]) / 4
    return _Box(index, min(lt[0], lb[0]), width, height, middle)


def _follows(upper: _Box, lower: _Box) -> bool:
    """``lower`` is the next line of the same block as ``upper``."""
    height = max(upper.height, lower.height)
    gap = lower.middle - upper.middle
    return (
        0.6 * height <= gap <= 2.5 * height
        and abs(lower.left - upper.left) <= 2 * height
        and abs(lower.width - upper.width) <= 0.2 * max(lower.width, upper.width)
    )


def cipher_block(polygons: Sequence[Polygon]) -> Block | None:
    """The likely cipher block among detected line boxes: 3-6 long lines of one width,
    left-aligned, one under the other; None when there is no such run."""
    boxes = sorted(
        (box for i, p in enumerate(polygons) if (box := _measure(i, p)) is not None),
        key=lambda box: box.middle,
    )
    best: list[_Box] = []
    for start, first in enumerate(boxes):
        run = [first]
        for box in boxes[start + 1 :]:
            if _follows(run[-1], box):
                run.append(box)
            elif box.middle - run[-1].middle > 2.5 * run[-1].height:
                break
        if len(run) > len(best):
            best = run
    if not MIN_LINES <= len(best) <= MAX_LINES:
        return None
    height = sorted(box.height for box in best)[len(best) // 2]
    return Block(
        indices=tuple(box.index for box in best),
        left=min(box.left for box in best),
        top=best[0].middle - height / 2,
        bottom=best[-1].middle + height / 2,
        line_height=height,
    )


def confirmed(block: Block, lines: Sequence[tuple[str, Polygon]]) -> bool:
    """True when a recognized line reading 税控 (the block's label) stands just left of
    ``block``: within six line heights of its left edge and level with it."""
    for text, polygon in lines:
        if "税控" not in text:
            continue
        xs = [x for x, _ in polygon]
        ys = [y for _, y in polygon]
        middle = (min(ys) + max(ys)) / 2
        slack = block.line_height
        if (
            block.left - 6 * slack <= max(xs) <= block.left + slack
            and block.top - slack <= middle <= block.bottom + slack
        ):
            return True
    return False
