"""What a page layout is made of: ruled rows of label and value cells.

A layout is a table of ruled rows; each row a sequence of cells, a cell either a printed
label or the value of one or more fields (or, ``inline``, a label followed by its value in
one ruled box). Rows may carry a group label printed in a merged column at the left.
``L``, ``V``, ``I``, ``S``, ``T`` and ``R`` build cells and rows so the layout tables read like forms.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """One ruled box of a row; ``width`` 0 takes what is left of the row."""

    width: float
    label: str = ""
    names: tuple[str, ...] = ()
    inline: bool = False  # label and value share the box
    words: bool = False  # an uppercase total: a ⊗ mark before the value
    stacked: bool = False  # the label on the box's top line, the value below it
    tight: bool = False  # inline, the value printed right after the label (no gap)


@dataclass(frozen=True)
class Row:
    height: float
    cells: tuple[Cell, ...]
    group: str = ""  # group label of the merged column at the left (购买方, 销售方 ...)


@dataclass(frozen=True)
class Side:
    """A box at the right of the table merged over rows ``first``..``last`` (indices).

    ``label_width`` > 0: the label in a narrow column of its own, one character a line
    (备／注); 0: the label on the box's top line and the value below it.
    """

    label: str
    name: str
    first: int
    last: int
    width: float
    label_width: float = 0.0


@dataclass(frozen=True)
class Layout:
    """One issuing-software version of one form."""

    name: str
    form: str
    rows: tuple[Row, ...]
    holdout: bool = False
    group_width: float = 0.0  # width of the merged group-label column (0: none)
    tax_office_one_line: bool = False  # 主管税务机关 and its code on one line
    seal_in_page: bool = False  # OFD: seal as page content instead of an annotation
    spaced_labels: bool = False  # two-character labels spread: 电　话, 地　址 (as some templates)
    table_top: float = 29.8  # mm from the top of the page
    # 发票号码 and 开票日期: "stacked" at the top right, on one "line" above the table,
    # "split" (发票号码 at the top right above the title's line, 开票日期 at the left under
    # the QR code, as the paper forms put it) or "swapped" (开票日期 above 发票号码).
    header: str = "stacked"
    colon: str = "："  # after 发票号码, 开票日期 and 开票人 (some issuing software prints ":")
    issuer_x: float = 20.0  # mm from the left of 开票人
    side: Side | None = None  # a box merged over rows at the right (备注 ...)
    money_sign: str = "¥"  # some software prints the full-width ￥
    #: 收款人 and 复核人 printed with names beside 开票人 (as paper forms' software does).
    footer_people: bool = False
    #: Other printed text that is no field: (text, x, baseline) in mm.
    notes: tuple[tuple[str, float, float], ...] = ()


def _names(name: str | tuple[str, ...]) -> tuple[str, ...]:
    return (name,) if isinstance(name, str) else name


def L(text: str, width: float) -> Cell:
    """A label cell."""
    return Cell(width, label=text)


def V(name: str | tuple[str, ...], width: float = 0, *, words: bool = False) -> Cell:
    """A value cell of one field (or several, e.g. 主管税务机关 and its code)."""
    return Cell(width, names=_names(name), words=words)


def I(  # noqa: E743
    label: str, name: str | tuple[str, ...], width: float = 0, *, words: bool = False
) -> Cell:
    """A label and its value(s) in one box (``名称：…``)."""
    return Cell(width, label=label, names=_names(name), inline=True, words=words)


def S(name: str, width: float = 0, label: str = "") -> Cell:
    """A box with its label on the top line and the value below (label defaults to name)."""
    return Cell(width, label=label or name, names=(name,), stacked=True)


def T(label: str, name: str, width: float = 0) -> Cell:
    """A label and its value in one box with no gap between them (``电话0371…``)."""
    return Cell(width, label=label, names=(name,), inline=True, tight=True)


def R(height: float, *cells: Cell, group: str = "") -> Row:
    """A row of ``height`` millimetres."""
    return Row(height, cells, group)
