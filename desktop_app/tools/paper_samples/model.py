"""What a paper form is made of: ruled rows of label and value cells, in millimetres.

A paper form (one generation of 机动车销售统一发票 or 二手车销售统一发票) is a title and header
above a table of ruled rows and a footer line below it. Each row is a sequence of cells:
a printed label (``\\n`` breaks its lines, as the forms break long labels), the value(s)
the tax printer fills in (several Names stacked one per line in one cell, as the
机打代码/机打号码/机器编号 block or the merged 购买方名称及身份证号码 cell), a label followed
by its value in one box (``小写 ¥…``), or the 税控码 cipher block. ``L``, ``S``, ``V``,
``I``, ``C`` and ``R`` build them so the form tables read like the forms.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """One ruled box of a row; ``width`` 0 takes what is left of the row."""

    width: float
    label: str = ""  # printed in the form's ink; "\n" separates its lines
    names: tuple[str, ...] = ()  # the Names printed in the cell, one per line
    inline: bool = False  # the label at the left of the box, the value after it
    words: bool = False  # an uppercase total: a ⊗ mark before the value
    cipher: bool = False  # the 税控码 block (printed, no field)
    ruled: bool = False  # stacked lines separated by rules (one ruled row per Name)
    spread: bool = False  # a label's lines spread one a band, level with stacked values


@dataclass(frozen=True)
class Row:
    height: float
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Spot:
    """A label printed outside the table, with the Name printed after it (or none)."""

    label: str
    x: float
    y: float  # baseline
    name: str = ""


@dataclass(frozen=True)
class PaperForm:
    """One generation of one paper form.

    ``dates``: the issue dates drawn for it (the period the form was in use);
    ``buyer``: how the buyer's identifiers are printed (``old``: 身份证号码/组织机构代码
    only; ``split``: that and a 纳税人识别号 cell; ``one``: one cell for either).
    """

    generation: str
    form: str  # motor | used
    title: str
    rows: tuple[Row, ...]
    dates: tuple[datetime.date, datetime.date]
    header: tuple[Spot, ...]
    footer: tuple[Spot, ...]
    buyer: str = "split"
    page: tuple[float, float] = (241.0, 177.8)  # the continuous form's sheet (9.5 × 7 in)
    left: float = 12.0
    width: float = 217.0
    top: float = 38.0
    qr: bool = False  # a QR code at the top left (the 2021 forms)
    side: str = "第一联　发票联"  # printed down the right margin, a character a line
    seal_over: tuple[str, ...] = ()  # Names the seller's seal may be stamped over


def L(text: str, width: float = 0) -> Cell:
    """A label cell."""
    return Cell(width, label=text)


def S(text: str, width: float = 0) -> Cell:
    """A label whose lines are spread over the cell's height, each level with a value
    of the stacked cell beside it (机打代码/机打号码/机器编号)."""
    return Cell(width, label=text, spread=True)


def V(name: str | tuple[str, ...], width: float = 0, *, words: bool = False) -> Cell:
    """A value cell of one Name or of several stacked."""
    names = (name,) if isinstance(name, str) else name
    return Cell(width, names=names, words=words)


def I(label: str, name: str, width: float = 0) -> Cell:  # noqa: E743
    """A label and its value in one box."""
    return Cell(width, label=label, names=(name,), inline=True)


def C(width: float = 0) -> Cell:
    """The 税控码 cipher block."""
    return Cell(width, cipher=True)


def R(height: float, *cells: Cell) -> Row:
    """A row of ``height`` millimetres."""
    return Row(height, cells)
