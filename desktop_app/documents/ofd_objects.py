"""The drawing objects of an OFD page as plain data in page millimetres (y down).

``ObjectReader`` walks a page's (or template's, or annotation appearance's)
layers and turns ``TextObject``, ``PathObject`` and ``ImageObject`` into
``OfdText``, ``OfdPath`` and ``OfdImage`` with every transform applied: an
object's coordinates are in its own space, mapped by its ``CTM`` and then
moved to its ``Boundary``'s top-left corner (GB/T 33190 §8, §11); layers draw
in ``Type`` order (Background, Body, Foreground) and hidden objects
(``Visible="false"``) are left out. Colours and
line widths come from the object, else from its ``DrawParam`` chain, else from
the layer's. Clipping regions are not applied (invoices draw inside their
boundaries); ``CompositeObject`` is not drawn.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from desktop_app.documents.ofd_path import Command, parse_abbreviated_data

Matrix = tuple[float, float, float, float, float, float]
Color = tuple[float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
BLACK: Color = (0.0, 0.0, 0.0)
DEFAULT_LINE_WIDTH = 0.353  # mm, the standard's default (1 pt)


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The transform that applies ``first`` and then ``then`` (row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point ``(x, y)`` mapped by ``matrix``."""
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


@dataclass(frozen=True)
class OfdGlyph:
    """One character: its origin on the baseline and its advance, in the object's own space."""

    char: str
    x: float
    y: float
    advance: float


@dataclass(frozen=True)
class OfdText:
    """A ``TextObject``: glyphs in object space, ``matrix`` maps them to page millimetres."""

    glyphs: tuple[OfdGlyph, ...]
    size: float
    matrix: Matrix
    font: str
    fill: Color
    alpha: float
    object_id: str = ""


@dataclass(frozen=True)
class OfdPath:
    """A ``PathObject``: path commands in page millimetres, stroke/fill colour or ``None``."""

    commands: tuple[Command, ...]
    stroke: Color | None
    fill: Color | None
    line_width: float
    alpha: float


@dataclass(frozen=True)
class OfdImage:
    """An ``ImageObject``: the unit square mapped by ``matrix`` to page millimetres."""

    matrix: Matrix
    resource: str  # a resolved package name, or "" when the resource is unknown
    alpha: float
    blend: str = ""  # BlendMode, e.g. "Darken" for the platform's watermark


OfdObject = OfdText | OfdPath | OfdImage


@dataclass
class Resources:
    """What objects refer to by ID: fonts, draw parameters, colour spaces and media files."""

    fonts: dict[str, str] = field(default_factory=dict)  # ID → font name
    draw_params: dict[str, Element] = field(default_factory=dict)
    media: dict[str, str] = field(default_factory=dict)  # ID → resolved package name


@dataclass(frozen=True)
class _Style:
    """The graphic state an object inherits from its layer's draw parameter."""

    line_width: float = DEFAULT_LINE_WIDTH
    stroke: Color = BLACK
    fill: Color | None = None  # paths: transparent unless given; text: black unless given


class ObjectReader:
    """Reads the objects of ``Layer``/``PageBlock``/``Appearance`` elements with ``resources``."""

    def __init__(self, resources: Resources, max_objects: int = 50_000) -> None:
        self.resources = resources
        self.max_objects = max_objects

    def read(self, container: Element, offset: Matrix = IDENTITY) -> list[OfdObject]:
        """The drawable objects inside ``container`` (any depth), in drawing order."""
        objects: list[OfdObject] = []
        self._walk(container, offset, _Style(), objects)
        return objects

    def _walk(self, element: Element, offset: Matrix, style: _Style, out: list[OfdObject]) -> None:
        # Layers draw Background, then Body, then Foreground (§7.7), whatever their order.
        for child in sorted(element, key=_layer_rank):
            tag = child.tag
            if len(out) >= self.max_objects:
                return
            if child.get("Visible", "true").strip().lower() == "false":
                continue  # a hidden object is neither drawn nor read
            if tag in ("Layer", "PageBlock", "Content"):
                self._walk(child, offset, self._style(child.get("DrawParam"), style), out)
            elif tag == "TextObject":
                text = self._text(child, offset, style)
                if text is not None:
                    out.append(text)
            elif tag == "PathObject":
                path = self._path(child, offset, style)
                if path is not None:
                    out.append(path)
            elif tag == "ImageObject":
                out.append(self._image(child, offset))

    def _style(self, param_id: str | None, base: _Style) -> _Style:
        """``base`` overridden by draw parameter ``param_id`` and its ``Relative`` ancestors."""
        chain: list[Element] = []
        seen: set[str] = set()
        while param_id and param_id not in seen and param_id in self.resources.draw_params:
            seen.add(param_id)  # a Relative cycle must not loop forever
            param = self.resources.draw_params[param_id]
            chain.append(param)
            param_id = param.get("Relative")
        style = base
        for param in reversed(chain):  # the ancestor first, the nearest overrides
            style = _Style(
                _number(param.get("LineWidth"), style.line_width),
                _color(param.find("StrokeColor"), style.stroke),
                _optional_color(param.find("FillColor"), style.fill),
            )
        return style

    def _placement(self, element: Element, offset: Matrix) -> Matrix:
        """Object space → page: the CTM, then the Boundary's corner, then the container's offset."""
        box = _numbers(element.get("Boundary"))
        x, y = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        ctm = _numbers(element.get("CTM"))
        local: Matrix = tuple(ctm) if len(ctm) == 6 else IDENTITY  # type: ignore[assignment]
        return multiply(multiply(local, (1.0, 0.0, 0.0, 1.0, x, y)), offset)

    def _text(self, element: Element, offset: Matrix, style: _Style) -> OfdText | None:
        own = self._style(element.get("DrawParam"), style)
        size = _number(element.get("Size"), 0.0)
        glyphs = tuple(_glyphs(element, size))
        if not glyphs or size <= 0:
            return None
        font = self.resources.fonts.get(element.get("Font", ""), "")
        fill = _color(element.find("FillColor"), own.fill or BLACK)
        return OfdText(
            glyphs,
            size,
            self._placement(element, offset),
            font,
            fill,
            _alpha(element),
            element.get("ID", ""),
        )

    def _path(self, element: Element, offset: Matrix, style: _Style) -> OfdPath | None:
        data = element.findtext("AbbreviatedData") or ""
        matrix = self._placement(element, offset)
        commands = tuple(parse_abbreviated_data(data, matrix))
        if not commands:
            return None
        own = self._style(element.get("DrawParam"), style)
        stroke = (
            _color(element.find("StrokeColor"), own.stroke)
            if _flag(element.get("Stroke"), True)
            else None
        )
        # The standard: a path's fill colour defaults to transparent, its stroke to black.
        fill = (
            _optional_color(element.find("FillColor"), own.fill)
            if _flag(element.get("Fill"), False)
            else None
        )
        a, b, c, d = matrix[:4]
        scale = (abs(a * d - b * c)) ** 0.5 or 1.0  # line widths scale with the CTM
        width = _number(element.get("LineWidth"), own.line_width) * scale
        return OfdPath(commands, stroke, fill, width, _alpha(element))

    def _image(self, element: Element, offset: Matrix) -> OfdImage:
        resource = self.resources.media.get(element.get("ResourceID", ""), "")
        return OfdImage(
            self._placement(element, offset),
            resource,
            _alpha(element),
            element.get("BlendMode", ""),
        )


_LAYER_RANKS = {"Background": 0, "Body": 1, "Foreground": 2}


def _layer_rank(element: Element) -> int:
    """Where a child draws among its siblings: layers by ``Type``, everything else as Body."""
    if element.tag != "Layer":
        return 1
    return _LAYER_RANKS.get(element.get("Type", "Body"), 1)


def _glyphs(element: Element, size: float) -> Iterator[OfdGlyph]:
    """The characters of all ``TextCode`` children with their positions in object space."""
    x = y = 0.0
    for code in element.iter("TextCode"):
        text = code.text or ""
        x = _number(code.get("X"), x)
        y = _number(code.get("Y"), y)
        dx = expand_deltas(code.get("DeltaX"), len(text))
        dy = expand_deltas(code.get("DeltaY"), len(text))
        for index, char in enumerate(text):
            natural = natural_advance(char, size)
            step_x = dx[index] if index < len(dx) else natural
            step_y = dy[index] if index < len(dy) else 0.0
            # The advance used for the glyph's box: its own width, not the spacing.
            yield OfdGlyph(char, x, y, min(natural, step_x) if step_x > 0 else natural)
            x += step_x
            y += step_y


def natural_advance(char: str, size: float) -> float:
    """A glyph's width when the file does not give it: full for CJK, about half for Latin."""
    return size if unicodedata.east_asian_width(char) in ("W", "F") else 0.55 * size


def expand_deltas(value: str | None, limit: int = 100_000) -> list[float]:
    """``DeltaX``/``DeltaY`` with the ``g count value`` shorthand expanded, at most ``limit``.

    The limit is the number of characters the deltas space out: a ``g 1000000000 1``
    costs no more than the text it belongs to.
    """
    tokens = (value or "").split()
    deltas: list[float] = []
    index = 0
    while index < len(tokens) and len(deltas) < limit:
        if tokens[index] == "g" and index + 2 < len(tokens):
            count = min(_count(tokens[index + 1]), limit - len(deltas))
            deltas.extend([_number(tokens[index + 2], 0.0)] * count)
            index += 3
        else:
            deltas.append(_number(tokens[index], 0.0))
            index += 1
    return deltas


def _count(token: str) -> int:
    """A ``g`` repeat count (0 when not a whole non-negative number)."""
    if not (token.isascii() and token.isdigit()):
        return 0
    return int(token) if len(token) <= 9 else 10**9  # huge counts are cut by the caller


def _number(value: str | None, default: float) -> float:
    try:
        number = float(value) if value is not None else default
    except ValueError:
        return default
    return number if number == number and abs(number) < 1e7 else default  # no NaN, no huge


def _numbers(value: str | None) -> list[float]:
    return [_number(token, 0.0) for token in (value or "").split()]


def _flag(value: str | None, default: bool) -> bool:
    return default if value is None else value.strip().lower() == "true"


def _alpha(element: Element) -> float:
    return max(0.0, min(1.0, _number(element.get("Alpha"), 255.0) / 255.0))


def _optional_color(element: Element | None, default: Color | None) -> Color | None:
    """``_color`` where the default may be "no colour"."""
    if element is None or not element.get("Value"):
        return default
    return _color(element, BLACK)


def _color(element: Element | None, default: Color) -> Color:
    """An OFD ``Color``'s ``Value`` ("r g b" 0-255, gray "v", CMYK, or ``#hex`` tokens) as 0-1 RGB."""
    if element is None or not element.get("Value"):
        return default
    values: list[float] = []
    for token in (element.get("Value") or "").split():
        try:
            values.append(int(token[1:], 16) if token.startswith("#") else _number(token, 0.0))
        except ValueError:
            return default
    scale = [max(0.0, min(1.0, v / 255.0)) for v in values]
    if len(scale) == 3:
        return (scale[0], scale[1], scale[2])
    if len(scale) == 1:
        return (scale[0], scale[0], scale[0])
    if len(scale) == 4:  # CMYK
        k = scale[3]
        return ((1 - scale[0]) * (1 - k), (1 - scale[1]) * (1 - k), (1 - scale[2]) * (1 - k))
    return default
