"""A second look at values the first reading missed or got malformed.

Codes, numbers, dates, amounts and VINs have a shape (``发票代码`` 12 digits, a
VIN 17 characters ...). When the value read for such a field is missing or
malformed, the place where it should be printed is cut out of the page, made
upright and read again by the recognizer alone (the detector sometimes skips a
short value that touches a cell border). The new reading is kept only when it has
the right shape; a field that was blank needs a confident reading as well, so
blank cells are not filled with noise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop_app.core.model import Point, Polygon
from desktop_app.core.schema import FieldSpec, ValueKind
from desktop_app.recognition.local.alignment import PageAlignment
from desktop_app.recognition.local.fragments import Fragment
from desktop_app.recognition.local.normalize import normalize_field
from desktop_app.recognition.local.placement import expected_position
from desktop_app.recognition.local.templates import Slot

#: Reads the text of each image region (four corners in page pixels): (text, score).
Reread = Callable[[list[Polygon]], list[tuple[str, float]]]

K = ValueKind
_BY_NAME = {
    "发票代码": r"\d{10}|\d{12}",
    "机打代码": r"\d{10}|\d{12}",
    "发票号码": r"\d{8}",
    "机打号码": r"\d{8}",
    "机器编号": r"\d{12}",
}
_BY_KIND = {
    K.DIGITS: r"\d{6,20}",
    K.DATE: r"(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])",
    K.MONEY: r"¥\d{1,12}\.\d\d",
    K.RATE: r"(17|16|13|11|10|9|6|5|3|1|0)%",
    K.VIN: r"[0-9A-HJ-NPR-Z]{17}",
    K.INTEGER: r"[1-9]\d?",
    K.NUMBER: r"\d{1,6}(\.\d{1,3})?|-",
}
#: Width (template units) searched for a value that was not read at all.
_WIDTH = {
    K.DIGITS: 135.0,
    K.DATE: 100.0,
    K.MONEY: 130.0,
    K.RATE: 45.0,
    K.VIN: 190.0,
    K.INTEGER: 28.0,
    K.NUMBER: 60.0,
}
MIN_SCORE_FOR_BLANK = 0.9
#: A well-formed value read with less than this is read again (red dropped) too, and
#: the new reading taken when it is well-formed and surer by ``BETTER_BY``.
LOW_SCORE, BETTER_BY = 0.85, 0.05


def well_formed(spec: FieldSpec, value: str) -> bool | None:
    """Whether ``value`` has the shape of ``spec``'s values (None: no shape to check)."""
    pattern = _BY_NAME.get(spec.name) or _BY_KIND.get(spec.kind)
    return None if pattern is None else re.fullmatch(pattern, value) is not None


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _widened(polygon: Polygon) -> Polygon:
    """``polygon`` with a margin of half its height all round (cut text is read badly)."""
    lt, rt, rb, lb = polygon
    h = ((lb[0] - lt[0]) ** 2 + (lb[1] - lt[1]) ** 2) ** 0.5
    w = ((rt[0] - lt[0]) ** 2 + (rt[1] - lt[1]) ** 2) ** 0.5 or 1.0
    sx, sy = 0.5 * h / w, 0.25
    top_l, top_r = _lerp(lt, lb, -sy), _lerp(rt, rb, -sy)
    bot_l, bot_r = _lerp(lb, lt, -sy), _lerp(rb, rt, -sy)
    return (
        _lerp(top_l, top_r, -sx),
        _lerp(top_r, top_l, -sx),
        _lerp(bot_r, bot_l, -sx),
        _lerp(bot_l, bot_r, -sx),
    )


def _empty_region(slot: Slot, at: Point, kind: ValueKind, alignment: PageAlignment) -> Polygon:
    half = max(slot.height, 12.0) * 0.85
    x0, x1 = at[0] - 22.0, at[0] + _WIDTH.get(kind, 120.0)
    corners = [(x0, at[1] - half), (x1, at[1] - half), (x1, at[1] + half), (x0, at[1] + half)]
    return tuple(tuple(map(float, p)) for p in alignment.to_image(corners))  # type: ignore[return-value]


def second_look(
    specs: dict[str, FieldSpec],
    slots: dict[str, Slot],
    label_at: dict[str, Point],
    alignment: PageAlignment,
    placed: dict[str, list[Fragment]],
    values: dict[str, str],
    reread: Reread,
    offset: Point = (0.0, 0.0),
) -> None:
    """Re-read missing, malformed or doubtful (``LOW_SCORE``) shaped values in place
    (``values`` and ``placed``); a value not read at all is looked for at its place moved
    by the print's ``offset``."""
    targets: list[tuple[str, Polygon, bool]] = []
    doubted: dict[str, float] = {}  # well-formed values read with a low score: that score
    for name, slot in slots.items():
        spec, value = specs[name], values.get(name, "")
        shaped = well_formed(spec, value)
        frags = placed.get(name, [])
        if shaped and len(frags) == 1 and frags[0].score < LOW_SCORE:
            doubted[name] = frags[0].score
            targets.append((name, _widened(frags[0].polygon), True))
            continue
        if shaped is not False:
            continue
        if name in placed:
            targets.append((name, _widened(placed[name][0].polygon), True))
        else:
            at = expected_position(slot, alignment, label_at)
            at = (at[0] + offset[0], at[1] + offset[1])
            targets.append((name, _empty_region(slot, at, spec.kind, alignment), False))
    if not targets:
        return
    for (name, region, had), (text, score) in zip(
        targets, reread([t[1] for t in targets]), strict=False
    ):
        value = normalize_field(name, specs[name].kind, text)
        if not well_formed(specs[name], value) or (not had and score < MIN_SCORE_FOR_BLANK):
            continue
        if name in doubted and score < doubted[name] + BETTER_BY:
            continue  # a doubtful reading is replaced only by a clearly surer one
        values[name] = value
        if not had:
            placed[name] = [Fragment(text, region, score)]
