"""The ruled cell around a point of the page, from the ruling segments alone.

No grid is assumed: the cell of a point is bounded by the nearest rule above and
below that passes over it and the nearest rule left and right that passes beside
it. That holds for merged cells, partial rules and a header above the grid (whose
"cell" is the open band between the page's top and the first rule).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from desktop_app.documents.page_text import Rule

Cell = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass
class Ruling:
    """The horizontal and vertical rules of a page, for finding cells."""

    horizontal: list[Rule]
    vertical: list[Rule]
    width: float
    height: float
    #: How far a rule may stop short of a point and still bound it (pixels).
    slack: float = 3.0

    @classmethod
    def of(cls, rules: tuple[Rule, ...] | list[Rule], width: float, height: float) -> Ruling:
        """Split ``rules`` by direction, dropping dots and specks shorter than 8 px."""
        horizontal = [r for r in rules if r.horizontal and r.x1 - r.x0 >= 8]
        vertical = [r for r in rules if not r.horizontal and r.y1 - r.y0 >= 8]
        return cls(horizontal, vertical, width, height)

    def cell_of(self, x: float, y: float) -> Cell:
        """The cell holding ``(x, y)``: ``(left, top, right, bottom)``.

        Beside the grid (a header printed above it, reaching past its edge) the
        nearest rule above or below counts even when it does not pass over ``x``,
        so a header line is one band however far it reaches. Above the grid's top
        rule and below its bottom one (the header, the 开票人 and 备注 line) a point
        is in an open band whatever short rules stand there (a title's underline,
        a rule of the grid that runs on a little past its frame).
        """
        s = self.slack
        frame = self.frame
        if frame is not None and not frame[0] - s <= y <= frame[1] + s:
            return (
                (0.0, 0.0, self.width, frame[0])
                if y < frame[0]
                else (
                    0.0,
                    frame[1],
                    self.width,
                    self.height,
                )
            )
        top = _nearest(self.horizontal, y, below=False, covers=lambda r: r.x0 - s <= x <= r.x1 + s)
        bottom = _nearest(
            self.horizontal, y, below=True, covers=lambda r: r.x0 - s <= x <= r.x1 + s
        )
        if top is None:
            top = _nearest(self.horizontal, y, below=False, covers=lambda r: True)
        if bottom is None:
            bottom = _nearest(self.horizontal, y, below=True, covers=lambda r: True)
        left = _nearest(self.vertical, x, below=False, covers=lambda r: r.y0 - s <= y <= r.y1 + s)
        right = _nearest(self.vertical, x, below=True, covers=lambda r: r.y0 - s <= y <= r.y1 + s)
        return (
            0.0 if left is None else left,
            0.0 if top is None else top,
            self.width if right is None else right,
            self.height if bottom is None else bottom,
        )

    def right_of(self, cell: Cell, y: float) -> Cell | None:
        """The cell just right of ``cell`` at height ``y``, or None at the page's edge."""
        if cell[2] >= self.width - 1:
            return None
        return self.cell_of(cell[2] + 2 * self.slack, y)

    def below(self, cell: Cell, x: float) -> Cell | None:
        """The cell just under ``cell`` at ``x``, or None at the page's foot."""
        if cell[3] >= self.height - 1:
            return None
        return self.cell_of(x, cell[3] + 2 * self.slack)

    @functools.cached_property
    def frame(self) -> tuple[float, float] | None:
        """The y of the grid's top and bottom rules (the long ones: at least half the
        longest), or None without two such rules."""
        if not self.horizontal:
            return None
        longest = max(r.x1 - r.x0 for r in self.horizontal)
        ys = [(r.y0 + r.y1) / 2 for r in self.horizontal if r.x1 - r.x0 >= 0.5 * longest]
        if len(ys) < 2 or max(ys) - min(ys) < 0.1 * self.height:
            return None
        return min(ys), max(ys)

    @property
    def ruled(self) -> bool:
        """True when the page has a grid at all (both directions)."""
        return bool(self.horizontal) and bool(self.vertical)


def _nearest(rules: list[Rule], at: float, *, below: bool, covers) -> float | None:
    """The position of the nearest rule on one side of ``at`` among those ``covers`` accepts.

    For horizontal rules ``at`` is a y and the position a y; for vertical ones, x.
    """
    best: float | None = None
    for r in rules:
        if not covers(r):
            continue
        pos = (r.y0 + r.y1) / 2 if r.horizontal else (r.x0 + r.x1) / 2
        if (below and pos > at and (best is None or pos < best)) or (
            not below and pos <= at and (best is None or pos > best)
        ):
            best = pos
    return best


def same_cell(a: Cell, b: Cell, tolerance: float = 1.0) -> bool:
    """True when ``a`` and ``b`` are one cell (their bounds agree within ``tolerance``)."""
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))
