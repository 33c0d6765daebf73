"""Which value text belongs to which field, by the form's geometry.

Every value fragment is measured in the template frame (see ``alignment``). A field
expects its value at its slot, shifted by how far its own label was read from the
template's place for it, so a print run whose cells differ a little still works.
Fragments go to fields by lowest cost (distance, scaled for the printer's usual
offsets), one fragment per field, and only where the text can be a value of the
field's kind; a name or address cut in two by the OCR is joined again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desktop_app.core.model import Point
from desktop_app.core.schema import FieldSpec, ValueKind
from desktop_app.recognition.local.alignment import PageAlignment
from desktop_app.recognition.local.fragments import Fragment
from desktop_app.recognition.local.normalize import fits
from desktop_app.recognition.local.offset import print_offset
from desktop_app.recognition.local.templates import Slot

#: Printer offsets (template units): values wander about ±15 across and ±10 down on
#: the rendered forms; costs are scaled by these and the gates leave room for twice that
#: (checked by shifting every value of the dev pages at random: accuracy holds).
X_SCALE, Y_SCALE = 22.0, 8.0
MAX_DY, MIN_DX, MAX_DX = 20.0, -60.0, 110.0
#: A label read further than this from its template place does not move its slot.
MAX_ANCHOR_SHIFT = 60.0
_JOINABLE = {ValueKind.TEXT, ValueKind.ACCOUNT}
_SHAPED = {
    ValueKind.DIGITS,
    ValueKind.DATE,
    ValueKind.MONEY,
    ValueKind.MONEY_WORDS,
    ValueKind.RATE,
    ValueKind.VIN,
    ValueKind.ID_OR_ORG,
    ValueKind.TAX_ID,
    ValueKind.PHONE,
    ValueKind.PLATE,
}
#: A value's second line lies this many of its line heights above or below its first.
WRAP_MIN_LINES, WRAP_MAX_LINES = 0.6, 1.6
#: ... and starts within this many line heights of the first line's left edge.
WRAP_ALIGN = 0.6
#: A wrapped value has at most this many lines.
MAX_WRAPPED_LINES = 3

#: Whether a rule of the form runs between two fragments (they are in different cells).
Apart = Callable[[Fragment, Fragment], bool]


@dataclass(frozen=True)
class _Measured:
    fragment: Fragment
    left: Point
    right: Point

    @property
    def height(self) -> float:
        """The line height in template units (the page's pixels scaled as along the line)."""
        length = float(np.hypot(self.right[0] - self.left[0], self.right[1] - self.left[1]))
        return self.fragment.height * length / max(1.0, self.fragment.width)

    @property
    def mid_y(self) -> float:
        return (self.left[1] + self.right[1]) / 2.0


def measure(fragments: tuple[Fragment, ...], alignment: PageAlignment) -> list[_Measured]:
    """Left and right mid-points of every fragment, in template units."""
    if not fragments:
        return []
    points = alignment.to_template([p for f in fragments for p in (f.left_mid, f.right_mid)])
    measured = [
        _Measured(f, tuple(points[2 * i]), tuple(points[2 * i + 1]))  # type: ignore[arg-type]
        for i, f in enumerate(fragments)
    ]
    # Values run along the form's lines; print across them (margins, stamps) is no value.
    return [m for m in measured if abs(m.right[1] - m.left[1]) < 0.6 * (m.right[0] - m.left[0])]


def expected_position(slot: Slot, alignment: PageAlignment, label_at: dict[str, Point]) -> Point:
    """Where ``slot``'s value should start, moved with its label as read on this page."""
    seen = alignment.anchor_position(slot.anchor)
    if seen is None or slot.anchor not in label_at:
        return slot.at
    dx = seen[0] - label_at[slot.anchor][0]
    dy = seen[1] - label_at[slot.anchor][1]
    if np.hypot(dx, dy) > MAX_ANCHOR_SHIFT:
        return slot.at
    return (slot.at[0] + dx, slot.at[1] + dy)


def _cost(item: _Measured, at: Point) -> float | None:
    dx = item.left[0] - at[0]
    dy = (item.left[1] + item.right[1]) / 2.0 - at[1]
    if abs(dy) > MAX_DY or not MIN_DX <= dx <= MAX_DX:
        return None
    return (dx / X_SCALE) ** 2 + (dy / Y_SCALE) ** 2


def place(
    fragments: tuple[Fragment, ...],
    alignment: PageAlignment,
    slots: dict[str, Slot],
    specs: dict[str, FieldSpec],
    label_at: dict[str, Point],
    apart: Apart | None = None,
    offset: Point | None = None,
) -> dict[str, list[Fragment]]:
    """Field name → its value fragments (in reading order: lines top to bottom, each left
    to right); fields with no value are absent. ``apart`` tells whether a rule runs
    between two fragments; without it no text value is taken to run onto a second line.
    ``offset``: the print's offset (:func:`page_offset`, measured here when None)."""
    items = measure(fragments, alignment)
    expected = {name: expected_position(slot, alignment, label_at) for name, slot in slots.items()}
    dx, dy = print_offset(_votes(items, expected, specs)) if offset is None else offset
    expected = {name: (at[0] + dx, at[1] + dy) for name, at in expected.items()}
    pairs: list[tuple[float, str, int]] = []
    for index, item in enumerate(items):
        for name, at in expected.items():
            cost = _cost(item, at)
            if cost is not None and fits(specs[name].kind, item.fragment.text):
                pairs.append((cost, name, index))
    chosen: dict[str, list[int]] = {}
    used: set[int] = set()
    for _, name, index in sorted(pairs):
        if name not in chosen and index not in used:
            chosen[name] = [index]
            used.add(index)
    _shifted_across(items, pairs, chosen, used, expected, specs)
    for name, indices in chosen.items():
        # Names and addresses may be cut anywhere; a code only where a cell border crossed it.
        _join_continuations(items, indices, used, 45.0 if specs[name].kind in _JOINABLE else 12.0)
    if apart is not None:
        for name, indices in chosen.items():
            if specs[name].kind is ValueKind.TEXT:
                chosen[name] = _wrapped(items, indices, used, name, expected, specs, apart)
    return {name: [items[i].fragment for i in indices] for name, indices in chosen.items()}


def _shifted_across(
    items: list[_Measured],
    pairs: list[tuple[float, str, int]],
    chosen: dict[str, list[int]],
    used: set[int],
    expected: dict[str, Point],
    specs: dict[str, FieldSpec],
) -> None:
    """Values pushed further off their place than the usual gates (across a rule, by the
    printer's offset on a form whose rows differ from the template's) go to a field
    still without a value whose kind they fit, nearest first, within twice the gates;
    only values no field could take within the gates (``pairs``) are looked at, and only
    fields whose values have a shape (a VIN, an amount, a taxpayer number: not free text
    or a code of any letters and digits, which any stray piece of print would fit)."""
    gated = {index for _, _, index in pairs}
    late: list[tuple[float, str, int]] = []
    for index, item in enumerate(items):
        if index in used or index in gated:
            continue
        for name, at in expected.items():
            kind = specs[name].kind
            if name in chosen or kind not in _SHAPED or not fits(kind, item.fragment.text):
                continue
            dx, dy = item.left[0] - at[0], item.mid_y - at[1]
            if abs(dy) <= 2 * MAX_DY and MIN_DX <= dx <= MAX_DX:
                late.append(((dx / X_SCALE) ** 2 + (dy / Y_SCALE) ** 2, name, index))
    for _, name, index in sorted(late):
        if name not in chosen and index not in used:
            chosen[name] = [index]
            used.add(index)


def page_offset(
    fragments: tuple[Fragment, ...],
    alignment: PageAlignment,
    slots: dict[str, Slot],
    specs: dict[str, FieldSpec],
    label_at: dict[str, Point],
) -> Point:
    """The tax printer's offset on this page in template units (``offset.print_offset``)."""
    items = measure(fragments, alignment)
    expected = {name: expected_position(slot, alignment, label_at) for name, slot in slots.items()}
    return print_offset(_votes(items, expected, specs))


def _votes(
    items: list[_Measured], expected: dict[str, Point], specs: dict[str, FieldSpec]
) -> list[tuple[int, Point]]:
    """Each value's displacement from the place of every field it could be (its text fits
    the field's kind) and is near enough to (twice the usual gates)."""
    votes = []
    for index, item in enumerate(items):
        for name, at in expected.items():
            dx = item.left[0] - at[0]
            dy = item.mid_y - at[1]
            near = abs(dy) <= 2 * MAX_DY and 2 * MIN_DX <= dx <= MAX_DX
            if near and fits(specs[name].kind, item.fragment.text):
                votes.append((index, (dx, dy)))
    return votes


def _wrapped(
    items: list[_Measured],
    indices: list[int],
    used: set[int],
    name: str,
    expected: dict[str, Point],
    specs: dict[str, FieldSpec],
    apart: Apart,
) -> list[int]:
    """``indices`` (one line) with the lines of the same cell above and below it: a long
    name, address or model the printer wrapped. A line is taken when it starts under the
    value, one line height off, is in no other field's place and no rule runs between."""
    lines = [indices]
    while len(lines) < MAX_WRAPPED_LINES:
        found = None
        for edge, below in ((lines[-1], True), (lines[0], False)):
            found = _next_line(items, edge, used, below, name, expected, specs, apart)
            if found is not None:
                break
        if found is None:
            break
        line = [found]
        used.add(found)
        _join_continuations(items, line, used, 45.0)
        lines = [*lines, line] if below else [line, *lines]
    return [i for line in lines for i in line]


def _next_line(
    items: list[_Measured],
    line: list[int],
    used: set[int],
    below: bool,
    name: str,
    expected: dict[str, Point],
    specs: dict[str, FieldSpec],
    apart: Apart,
) -> int | None:
    """The unused fragment starting the line just below (above) ``line`` in its cell."""
    first = items[line[0]]
    height = first.height
    candidates = []
    for i, item in enumerate(items):
        dy = (item.mid_y - first.mid_y) * (1 if below else -1)
        if i in used or not WRAP_MIN_LINES * height <= dy <= WRAP_MAX_LINES * height:
            continue
        # The printer starts each line of a cell at the cell's left margin.
        if abs(item.left[0] - first.left[0]) > WRAP_ALIGN * height:
            continue
        # A second line is any text (``CLA 260 4MATIC`` under a Chinese model name).
        text = item.fragment.text
        if not any(c.isalnum() for c in text) or _elsewhere(item, name, expected, specs):
            continue
        candidates.append(i)
    for i in sorted(candidates, key=lambda i: items[i].left[0]):
        upper, lower = (first, items[i]) if below else (items[i], first)
        if not apart(upper.fragment, lower.fragment):
            return i
    return None


def _elsewhere(
    item: _Measured, name: str, expected: dict[str, Point], specs: dict[str, FieldSpec]
) -> bool:
    """Whether ``item`` sits where another field's value is printed and could be one."""
    return any(
        other != name
        and _cost(item, at) is not None
        and fits(specs[other].kind, item.fragment.text)
        for other, at in expected.items()
    )


def _join_continuations(
    items: list[_Measured], indices: list[int], used: set[int], max_gap: float
) -> None:
    """Append fragments that continue the value on its right, on the same line."""
    while True:
        last = items[indices[-1]]
        nxt = [
            i
            for i, item in enumerate(items)
            if i not in used
            and -8.0 <= item.left[0] - last.right[0] <= max_gap
            and abs(item.left[1] - last.right[1]) <= 9.0
        ]
        if not nxt:
            return
        best = min(nxt, key=lambda i: items[i].left[0])
        indices.append(best)
        used.add(best)
