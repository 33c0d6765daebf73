"""The tax printer's offset: how far the whole print of values sits off the form.

The values are printed by a tax printer onto a pre-printed form; the form is fed a
little off, so every value moves by the same few millimetres against the labels and
rules (plus a little of its own). A shift of 2-3 mm down puts a value nearer the slot
of the row below than its own where rows are 8 mm apart. So the shift is measured
first, from all values at once: each value that could be a field's votes for its
displacement from that field's place, and the displacement most votes agree on (a
value per field, many fields) is the print's offset. Placement then measures each
value from its place moved by that offset.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.model import Point

#: Votes agree when they differ by less than this (template units, across and down).
AGREE_X, AGREE_Y = 8.0, 3.0
#: Largest offset looked for (template units; 1000 units are about 240 mm).
MAX_OFFSET_X, MAX_OFFSET_Y = 40.0, 20.0
#: An offset needs at least this many agreeing values, and this share of the votes'
#: values, to count (a handful of values agreeing by chance moves nothing).
MIN_AGREEING, MIN_SHARE = 6, 0.25


def print_offset(votes: Sequence[tuple[int, Point]]) -> Point:
    """The displacement most values agree on; ``votes`` are (value index, displacement
    from a field's place) for every field each value could belong to. (0, 0) when no
    displacement gathers enough distinct values."""
    near = [
        (i, (dx, dy))
        for i, (dx, dy) in votes
        if abs(dx) <= MAX_OFFSET_X + AGREE_X and abs(dy) <= MAX_OFFSET_Y + AGREE_Y
    ]
    values = len({i for i, _ in near})
    best: tuple[int, float, Point] = (0, 0.0, (0.0, 0.0))
    for _, (cx, cy) in near:
        if abs(cx) > MAX_OFFSET_X or abs(cy) > MAX_OFFSET_Y:
            continue
        agreeing = [(i, d) for i, d in near if _agree(d, (cx, cy))]
        count = len({i for i, _ in agreeing})
        # Ties go to the smaller shift: the form as measured is the likelier.
        key = (count, -abs(cy) - abs(cx) / 4.0, _mean([d for _, d in agreeing]))
        if key[:2] > best[:2]:
            best = key
    count, _, offset = best
    if count < MIN_AGREEING or count < MIN_SHARE * values:
        return (0.0, 0.0)
    return offset


def _agree(a: Point, b: Point) -> bool:
    return abs(a[0] - b[0]) <= AGREE_X and abs(a[1] - b[1]) <= AGREE_Y


def _mean(points: list[Point]) -> Point:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
