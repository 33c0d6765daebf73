"""OFD path data (``AbbreviatedData``) as absolute commands in page millimetres.

The standard's commands (GB/T 33190 §9.3): ``S``/``M`` move, ``L`` line, ``Q``
quadratic and ``B`` cubic Bézier, ``A`` elliptical arc (SVG's endpoint
parameters), ``C`` close. Quadratics and arcs become cubics here, so drawing
needs only move, line, cubic and close. Every point goes through the object's
placement matrix. Malformed data ends the path where it breaks.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

Command = tuple  # ("M", x, y) | ("L", x, y) | ("B", x1, y1, x2, y2, x3, y3) | ("C",)
Matrix = tuple[float, float, float, float, float, float]

_ARITY = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0, "Z": 0}
MAX_COMMANDS = 100_000


def parse_abbreviated_data(data: str, matrix: Matrix) -> Iterator[Command]:
    """The commands of ``data`` with points mapped by ``matrix`` (at most ``MAX_COMMANDS``)."""
    tokens = data.split()
    index = 0
    current = start = (0.0, 0.0)  # in object space
    emitted = 0
    while index < len(tokens) and emitted < MAX_COMMANDS:
        op = tokens[index].upper()
        arity = _ARITY.get(op)
        if arity is None or index + arity >= len(tokens):
            return  # an unknown command or missing operands: the path ends here
        try:
            values = [float(token) for token in tokens[index + 1 : index + 1 + arity]]
        except ValueError:
            return
        index += 1 + arity
        emitted += 1
        if op in ("S", "M"):
            current = start = (values[0], values[1])
            yield ("M", *_map(matrix, current))
        elif op == "L":
            current = (values[0], values[1])
            yield ("L", *_map(matrix, current))
        elif op == "Q":
            (x1, y1), (x, y) = (values[0], values[1]), (values[2], values[3])
            c1 = (current[0] + 2 / 3 * (x1 - current[0]), current[1] + 2 / 3 * (y1 - current[1]))
            c2 = (x + 2 / 3 * (x1 - x), y + 2 / 3 * (y1 - y))
            current = (x, y)
            yield ("B", *_map(matrix, c1), *_map(matrix, c2), *_map(matrix, current))
        elif op == "B":
            points = [(values[i], values[i + 1]) for i in (0, 2, 4)]
            current = points[2]
            yield ("B", *(v for point in points for v in _map(matrix, point)))
        elif op == "A":
            for curve in _arc(current, values):
                yield ("B", *(v for point in curve for v in _map(matrix, point)))
            current = (values[5], values[6])
        else:  # C or Z: close the subpath
            current = start
            yield ("C",)


def _map(matrix: Matrix, point: tuple[float, float]) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    x, y = point
    return a * x + c * y + e, b * x + d * y + f


def _arc(
    start: tuple[float, float], values: list[float]
) -> Iterator[tuple[tuple[float, float], ...]]:
    """An SVG-style endpoint arc as cubic Béziers of at most 90° each (control points, end)."""
    rx, ry, angle, large, sweep, x, y = values
    x0, y0 = start
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0 or (x0, y0) == (x, y):
        yield ((x0, y0), (x, y), (x, y))  # a straight line, as the SVG rules say
        return
    phi = math.radians(angle)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (x0 - x) / 2, (y0 - y) / 2
    x1p, y1p = cos * dx + sin * dy, -sin * dx + cos * dy
    grow = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if grow > 1:  # radii too small to reach: scale them up
        rx, ry = rx * math.sqrt(grow), ry * math.sqrt(grow)
    numerator = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    denominator = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    factor = math.sqrt(max(0.0, numerator / denominator)) if denominator else 0.0
    if bool(large) == bool(sweep):
        factor = -factor
    cxp, cyp = factor * rx * y1p / ry, -factor * ry * x1p / rx
    cx = cos * cxp - sin * cyp + (x0 + x) / 2
    cy = sin * cxp + cos * cyp + (y0 + y) / 2
    theta = math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx)
    end = math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx)
    delta = end - theta
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    pieces = max(1, math.ceil(abs(delta) / (math.pi / 2)))
    step = delta / pieces
    k = 4 / 3 * math.tan(step / 4)

    def point(t: float) -> tuple[float, float]:
        px, py = rx * math.cos(t), ry * math.sin(t)
        return cx + cos * px - sin * py, cy + sin * px + cos * py

    def tangent(t: float) -> tuple[float, float]:
        px, py = -rx * math.sin(t), ry * math.cos(t)
        return cos * px - sin * py, sin * px + cos * py

    for i in range(pieces):
        t0, t1 = theta + i * step, theta + (i + 1) * step
        p0, p1 = point(t0), point(t1)
        d0, d1 = tangent(t0), tangent(t1)
        yield (
            (p0[0] + k * d0[0], p0[1] + k * d0[1]),
            (p1[0] - k * d1[0], p1[1] - k * d1[1]),
            p1,
        )
