"""Layouts drawn at random from a seed: a fresh "layout not seen" for every measurement.

A fixed holdout stops being unseen once a reader's author has looked at it. These
layouts are made from the form's blocks of cells (buyer, vehicle, amounts, seller, tax
office, remarks; for the used-car form buyer, seller, vehicle, price, dealer, market,
remarks): the blocks between the first and the last in a random order, each block's
cells cut into rows at random, every label in one of the wordings printed forms use,
labels in their own ruled cells or inside the value boxes, with or without a merged
column of group headers, random column widths and row heights, the number and date at
the top right or on a line above the table. Name a seed the reader has never been run
on (``--random-layouts N --layout-seed S``) and the figure is a blind one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from desktop_app.tools.einvoice_samples.layout_model import Cell, Layout, Row
from desktop_app.tools.einvoice_samples.layouts_random_forms import (
    MOTOR_BLOCKS,
    USED_BLOCKS,
    Block,
    Item,
)
from desktop_app.tools.einvoice_samples.sheet import LABEL_SIZE, PAD, X0, X1, text_width
from desktop_app.tools.einvoice_samples.values import MOTOR, USED

BOTTOM = 131.0  # the table ends above this (开票人 goes below it)
GROUP_WIDTH = 7.0
MIN_ROW = 6.5  # mm: two lines of small text still fit


@dataclass(frozen=True)
class _Style:
    inline: bool  # labels inside the value boxes (名称：…)
    groups: bool  # a merged column of group headers at the left
    first_label: float  # width of the label cells that start a row (mm)
    other_label: float  # width of the other label cells (mm)
    heights: tuple[float, float, float]  # lowest row, lowest row with long values, 备注 (mm)


#: Row heights of each form: the used-car form has some fifteen rows, the motor form ten.
HEIGHTS = {MOTOR: (7.2, 8.2, 10.0), USED: (6.8, 7.2, 7.5)}


def _label(rng: random.Random, item: Item, style: _Style) -> str:
    """One of the item's wordings; the short ones (名称, 地址 …) only under a group header."""
    choices = item.labels + (item.short if style.groups else ())
    return rng.choice(choices)


def _cells(rng: random.Random, items: list[Item], style: _Style, width: float) -> list[Cell] | None:
    """The row's cells filling ``width``, or None when the items cannot fit side by side."""
    labels = [_label(rng, item, style) for item in items]
    if style.inline:
        fixed = [text_width(label + "：", LABEL_SIZE) + PAD for label in labels]
    else:
        fixed = [style.first_label] + [style.other_label] * (len(items) - 1)
        # a long label gets a cell wide enough for two lines (as printed forms do)
        fixed = [
            max(f, min(text_width(t, LABEL_SIZE) / 2 + 1.5, 40.0))
            for f, t in zip(fixed, labels, strict=True)
        ]
    least = [f + item.min_width for f, item in zip(fixed, items, strict=True)]
    spare = width - sum(least)
    if spare < 0:
        return None
    shares = [rng.uniform(0.3, 1.0) * item.min_width for item in items]
    cells: list[Cell] = []
    for i, (item, label, f, low, share) in enumerate(
        zip(items, labels, fixed, least, shares, strict=True)
    ):
        last = i == len(items) - 1
        value = 0.0 if last else low - f + spare * share / sum(shares)
        if style.inline:
            text = label if item.words else label + "："
            cells.append(Cell(0.0 if last else f + value, text, item.names, True, item.words))
        else:
            cells.append(Cell(f, label))
            cells.append(Cell(value, names=item.names, words=item.words))
    return cells


def _rows_of(rng: random.Random, block: Block) -> list[list[Item]]:
    """The block's items cut into rows: fixed rows stay, the rest in random runs of 1-3."""
    rows = [list(row) for row in block.rows]
    loose = list(block.loose)
    if block.shuffle:
        rng.shuffle(loose)
    while loose:
        size = min(len(loose), rng.choice(block.runs))
        rows.append(loose[:size])
        loose = loose[size:]
    return rows


def _block_rows(rng: random.Random, block: Block, style: _Style) -> list[Row]:
    width = X1 - X0 - (GROUP_WIDTH if style.groups else 0)
    out = []
    pending = _rows_of(rng, block)
    while pending:
        items = pending.pop(0)
        cells = _cells(rng, items, style, width)
        if cells is None:  # too wide: split the row in two
            half = (len(items) + 1) // 2
            pending[:0] = [items[:half], items[half:]]
            continue
        low, tall, remarks = style.heights
        height = (tall if any(item.wraps for item in items) else low) + rng.uniform(0, 1.2)
        height = remarks if block.name == "remarks" else round(height * 2) / 2
        out.append(Row(height, tuple(cells)))
    if not style.groups:
        return out
    # a one-row block gets the shortest wording of its header (it is set one character a line)
    group = min(block.groups, key=len) if len(out) == 1 else rng.choice(block.groups)
    return [Row(row.height, row.cells, group) for row in out]


def _fit_height(rows: list[Row], top: float) -> list[Row]:
    """Rows scaled down (not below MIN_ROW) so the table ends above the footer."""
    total = sum(row.height for row in rows)
    room = BOTTOM - top
    if total <= room:
        return rows
    factor = room / total
    return [Row(max(MIN_ROW, row.height * factor), row.cells, row.group) for row in rows]


def random_layout(form: str, seed: int, index: int = 0) -> Layout:
    """Layout number ``index`` of ``form`` drawn from ``seed`` (named ``<form>-r<seed>-<index>``).

    A draw whose table would push 开票人 off the page is drawn again (deterministically).
    """
    for attempt in range(50):
        layout = _draw(random.Random(f"layout:{form}:{seed}:{index}:{attempt}"), form)
        if sum(row.height for row in layout.rows) <= BOTTOM - layout.table_top:
            return replace(layout, name=f"{form}-r{seed}-{index}")
    raise RuntimeError(f"no random {form} layout fits the page for seed {seed}")


def _draw(rng: random.Random, form: str) -> Layout:
    blocks = list(MOTOR_BLOCKS if form == MOTOR else USED_BLOCKS)
    head = 1 if form == MOTOR else 2  # the parties stay first: buyer (and seller) on top
    middle = blocks[head:-1]
    rng.shuffle(middle)
    blocks = [*blocks[:head], *middle, blocks[-1]]
    inline = rng.random() < 0.4
    groups = inline or rng.random() < 0.4
    widths = rng.uniform(16.0, 24.0), rng.uniform(14.0, 30.0)
    style = _Style(inline, groups, *widths, HEIGHTS[form])
    header = rng.choice(("stacked", "stacked", "line"))
    top = rng.uniform(27.0, 30.0) if header == "stacked" else rng.uniform(31.0, 33.0)
    rows = [row for block in blocks for row in _block_rows(rng, block, style)]
    return Layout(
        name="",
        form=form,
        rows=tuple(_fit_height(rows, top)),
        holdout=True,
        group_width=GROUP_WIDTH if style.groups else 0.0,
        tax_office_one_line=rng.random() < 0.5,
        seal_in_page=rng.random() < 0.3,
        spaced_labels=rng.random() < 0.3,
        table_top=round(top, 1),
        header=header,
        colon=rng.choice(("：", "：", ":")),
        issuer_x=rng.uniform(10.0, 30.0),
    )


def random_layouts(forms: list[str], count: int, seed: int) -> list[Layout]:
    """``count`` random layouts of each form in ``forms``."""
    return [random_layout(form, seed, i) for form in forms for i in range(count)]
