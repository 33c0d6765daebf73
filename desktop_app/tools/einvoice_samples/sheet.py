"""One invoice laid out on its page: every text line, rule and image placed in millimetres.

The PDF and OFD writers both draw from this one model, so a PDF and an OFD of the same
invoice put every glyph at the same place, and the truth boxes come from it too. Widths
are measured with the CJK font shipped inside PyMuPDF (``pymupdf.Font("cjk")``, Droid
Sans Fallback), the font the PDF embeds; a text's box is its ideographic em box (0.88 of
the size above the baseline, 0.12 below) from the first glyph's origin to the last
glyph's advance.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field, replace

import pymupdf

from desktop_app.tools.einvoice_samples.layout_model import Cell, Layout, Row
from desktop_app.tools.einvoice_samples.values import Invoice, person_name

PAGE_W, PAGE_H = 210.0, 140.0
X0, X1 = 4.5, 205.5
VALUE_SIZE = 3.175  # 9 pt, as the genuine 数电 OFD prints its values
LABEL_SIZE = 2.9
TITLE_SIZE = 5.6
PITCH = 1.25  # line pitch in sizes, for wrapped text
PAD = 1.0  # mm between a rule and the text
ASCENT, DESCENT = 0.88, 0.12  # the ideographic em box
MARK_SIZE = 3.2  # the ⊗ before an uppercase total
MIN_SIZE = 2.0
WATERMARK_SIZE = 3.175

Box = tuple[float, float, float, float]


@functools.cache
def font() -> pymupdf.Font:
    """The CJK font shipped inside PyMuPDF (loaded once)."""
    return pymupdf.Font("cjk")


@functools.cache
def advance(ch: str) -> float:
    """The advance of one character in ems (what the PDF and the OFD's DeltaX use)."""
    return font().glyph_advance(ord(ch))


def text_width(text: str, size: float) -> float:
    return sum(advance(ch) for ch in text) * size


@dataclass(frozen=True)
class Run:
    """One line of text: left end of its baseline, size, and what it is."""

    text: str
    x: float
    baseline: float
    size: float
    role: str  # title | label | value | print (printed like a value but no field)
    name: str = ""  # the field a value belongs to

    @property
    def width(self) -> float:
        return text_width(self.text, self.size)

    @property
    def box(self) -> Box:
        top = self.baseline - ASCENT * self.size
        return (self.x, top, self.x + self.width, self.baseline + DESCENT * self.size)


@dataclass
class Sheet:
    """The placed page: text runs, rules, ⊗ marks, QR code and seal positions (mm)."""

    invoice: Invoice
    layout: Layout
    runs: list[Run] = field(default_factory=list)
    rules: list[Box] = field(default_factory=list)  # x0, y0, x1, y1 of straight lines
    marks: list[tuple[float, float]] = field(default_factory=list)  # centres of ⊗ marks
    qr: Box = (6.5, 5.5, 26.5, 25.5)
    seal: Box = (90.0, 4.0, 120.0, 24.0)
    #: The platform's download counter, printed downwards in the right margin: text,
    #: x of its baseline, y where it starts (mm).
    watermark: tuple[str, float, float] = ("下载次数：1", 206.6, 30.0)

    def field_boxes(self) -> dict[str, Box]:
        """Each field's box: the union of the boxes of its text lines."""
        out: dict[str, Box] = {}
        for run in self.runs:
            if run.role != "value":
                continue
            box = run.box
            if run.name in out:
                a = out[run.name]
                box = (min(a[0], box[0]), min(a[1], box[1]), max(a[2], box[2]), max(a[3], box[3]))
            out[run.name] = box
        return out

    def field_text(self, name: str) -> str:
        """The printed lines of field ``name`` joined (a wrapped value as one string)."""
        return "".join(run.text for run in self.runs if run.role == "value" and run.name == name)


def _split(text: str, size: float, avail: float) -> list[str]:
    """``text`` cut into lines no wider than ``avail`` (characters kept whole)."""
    lines, line = [], ""
    for ch in text:
        if line and text_width(line + ch, size) > avail:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def _fit(
    text: str, size: float, avail: float, height: float, max_lines: int
) -> tuple[list[str], float]:
    """Lines and size so that ``text`` fits ``avail`` wide and ``height`` high."""
    while True:
        lines = _split(text, size, avail)
        if (len(lines) <= max_lines and len(lines) * size * PITCH <= height) or size <= MIN_SIZE:
            return lines, size
        size = round(size - 0.1, 3)


class _Placer:
    """Fills a Sheet row by row."""

    def __init__(self, invoice: Invoice, layout: Layout) -> None:
        self.sheet = Sheet(invoice, layout)
        self.inv = invoice
        self.layout = layout

    def text_block(
        self,
        lines: list[str],
        x: float,
        top: float,
        height: float,
        size: float,
        role: str,
        name: str = "",
        center_in: float = 0.0,
    ) -> None:
        """Lines stacked and centred vertically in ``top..top+height``."""
        block = len(lines) * size * PITCH
        baseline = top + (height - block) / 2 + size * (PITCH - 1) / 2 + ASCENT * size
        for line in lines:
            left = x + (center_in - text_width(line, size)) / 2 if center_in else x
            self.sheet.runs.append(Run(line, left, baseline, size, role, name))
            baseline += size * PITCH

    def label(self, cell: Cell, x: float, width: float, top: float, height: float) -> None:
        avail = width - 2 * PAD * 0.6
        text = cell.label
        if self.layout.spaced_labels and len(text) == 2:
            text = f"{text[0]}\u3000{text[1]}"  # 电　话: an ideographic space between
        # A label a little too long is set smaller on one line rather than broken.
        single = min(LABEL_SIZE, LABEL_SIZE * avail / text_width(text, LABEL_SIZE))
        if single >= 0.82 * LABEL_SIZE:
            lines, size = [text], round(single - 0.005, 3)
        else:
            lines, size = _fit(text, LABEL_SIZE, avail, height - 0.6, 3)
        self.text_block(lines, x + PAD * 0.6, top, height, size, "label", center_in=avail)

    def values(self, cell: Cell, x: float, width: float, top: float, height: float) -> None:
        """The value(s) of a cell, wrapped to two lines where one is too narrow."""
        if cell.stacked:
            # The label on the top line; the value centred in the rest of the box.
            lh = LABEL_SIZE * PITCH + 0.4
            self.text_block([cell.label], x + PAD, top + 0.2, lh, LABEL_SIZE, "label")
            top, height = top + lh, height - lh
        elif cell.inline:
            lw = text_width(cell.label, LABEL_SIZE)
            self.text_block([cell.label], x + PAD, top, height, LABEL_SIZE, "label")
            # tight: the value's first glyph right at the label's last advance
            x, width = (x + lw, width - lw) if cell.tight else (x + PAD + lw, width - PAD - lw)
        if cell.words and self.inv.shown(cell.names[0]):
            self.sheet.marks.append((x + PAD + MARK_SIZE / 2, top + height / 2))
            x, width = x + MARK_SIZE + 0.8, width - MARK_SIZE - 0.8
        avail = width - 2 * PAD
        if len(cell.names) == 2:
            self._two_values(cell.names, x + PAD, avail, top, height)
            return
        name = cell.names[0]
        text = self.inv.shown(name)
        if text:
            lines, size = _fit(text, VALUE_SIZE, avail, height - 0.6, 2)
            self.text_block(lines, x + PAD, top, height, size, "value", name)

    def _two_values(
        self, names: tuple[str, ...], x: float, avail: float, top: float, height: float
    ) -> None:
        """主管税务机关 and its code: one line when the layout says so and it fits, else two."""
        first, second = (self.inv.shown(n) for n in names)
        gap = 2.0
        size = VALUE_SIZE
        one_line = text_width(first, size) + gap + text_width(second, size) <= avail
        if self.layout.tax_office_one_line and one_line:
            self.text_block([first], x, top, height, size, "value", names[0])
            self.text_block(
                [second], x + text_width(first, size) + gap, top, height, size, "value", names[1]
            )
            return
        while size > MIN_SIZE and (
            2 * size * PITCH > height - 0.6 or text_width(first, size) > avail
        ):
            size = round(size - 0.1, 3)
        block = 2 * size * PITCH
        upper = top + (height - block) / 2
        self.text_block([first], x, upper, size * PITCH, size, "value", names[0])
        self.text_block([second], x, upper + size * PITCH, size * PITCH, size, "value", names[1])

    def right_end(self, index: int) -> float:
        """Where row ``index`` ends: before the merged side box for the rows it spans."""
        side = self.layout.side
        return X1 - side.width if side and side.first <= index <= side.last else X1

    def row(self, row: Row, top: float, index: int = 0) -> None:
        x = X0 + self.layout.group_width
        fixed = sum(c.width for c in row.cells)
        rest = self.right_end(index) - x - fixed
        for i, cell in enumerate(row.cells):
            width = cell.width or rest
            if i:
                self.sheet.rules.append((x, top, x, top + row.height))
            if cell.names:
                self.values(cell, x, width, top, row.height)
            else:
                self.label(cell, x, width, top, row.height)
            x += width

    def table(self) -> float:
        """Every row with its ruling; returns the bottom of the table."""
        rows, gw, top = self.layout.rows, self.layout.group_width, self.layout.table_top
        rules = self.sheet.rules
        rules.append((X0, top, X1, top))
        y = top
        for i, row in enumerate(rows):
            self.row(row, y, i)
            y += row.height
            same = gw and i + 1 < len(rows) and rows[i + 1].group == row.group
            merged = i + 1 < len(rows) and self.right_end(i + 1) < X1
            rules.append((X0 + gw if same else X0, y, self.right_end(i) if merged else X1, y))
        rules += [(X0, top, X0, y), (X1, top, X1, y)]
        if self.layout.side:
            self.side_box(top)
        if gw:
            rules.append((X0 + gw, top, X0 + gw, y))
            self.group_labels(top)
        return y

    def side_box(self, top: float) -> None:
        """The box merged over rows at the right, with its label and value."""
        side, rows = self.layout.side, self.layout.rows
        assert side is not None
        y0 = top + sum(r.height for r in rows[: side.first])
        height = sum(r.height for r in rows[side.first : side.last + 1])
        x = X1 - side.width
        self.sheet.rules.append((x, y0, x, y0 + height))
        if side.label_width:
            chars = list(side.label)  # one character a line, as the 数电 备注 column
            self.text_block(chars, x, y0, height, LABEL_SIZE, "label", center_in=side.label_width)
            self.sheet.rules.append((x + side.label_width, y0, x + side.label_width, y0 + height))
            cell = Cell(side.width - side.label_width, names=(side.name,))
            self.values(cell, x + side.label_width, cell.width, y0, height)
        else:
            cell = Cell(side.width, label=side.label, names=(side.name,), stacked=True)
            self.values(cell, x, side.width, y0, height)

    def group_labels(self, top: float) -> None:
        """The merged group column: each group's name, one character per line."""
        y, gw = top, self.layout.group_width
        rows = self.layout.rows
        start = 0
        for i, row in enumerate(rows):
            y_end = y + row.height
            if i + 1 == len(rows) or rows[i + 1].group != row.group:
                span_top = top + sum(r.height for r in rows[:start])
                chars = list(row.group)
                lines, size = chars, LABEL_SIZE
                while len(lines) * size * PITCH > y_end - span_top - 0.6 and size > MIN_SIZE:
                    size = round(size - 0.1, 3)
                self.text_block(lines, X0, span_top, y_end - span_top, size, "label", center_in=gw)
                start = i + 1
            y = y_end

    def header(self) -> None:
        """Title with its double rule, and 发票号码 / 开票日期 at the top right."""
        title = self.inv.title
        width = text_width(title, TITLE_SIZE)
        left = PAGE_W / 2 - width / 2
        self.sheet.runs.append(Run(title, left, 13.6, TITLE_SIZE, "title"))
        self.sheet.rules += [
            (left - 2, 16.2, left + width + 2, 16.2),
            (left - 2, 17.1, left + width + 2, 17.1),
        ]
        colon = self.layout.colon
        if self.layout.header == "split":
            spots = (("发票号码", 150.0, 8.6), ("开票日期", 29.0, 26.6))
        elif self.layout.header == "swapped":
            spots = (("开票日期", 148.0, 12.8), ("发票号码", 148.0, 19.2))
        elif self.layout.header == "line":
            # One line between the QR code and the table: number at the left, date at the right.
            baseline = self.layout.table_top - 1.4
            spots = (("发票号码", 30.0, baseline), ("开票日期", 150.0, baseline))
        else:
            spots = (("发票号码", 148.0, 12.8), ("开票日期", 148.0, 19.2))
        for name, left, baseline in spots:
            label = name + colon
            self.sheet.runs.append(Run(label, left, baseline, LABEL_SIZE + 0.2, "label"))
            x = left + text_width(label, LABEL_SIZE + 0.2) + 0.5
            self.sheet.runs.append(
                Run(self.inv.shown(name), x, baseline, VALUE_SIZE, "value", name)
            )

    def signed(self, label: str, left: float, baseline: float, text: str, role: str) -> None:
        """``label`` then ``text`` on one line (开票人：王芳)."""
        self.sheet.runs.append(Run(label, left, baseline, LABEL_SIZE + 0.2, "label"))
        x = left + text_width(label, LABEL_SIZE + 0.2) + 0.5
        name = "开票人" if role == "value" else ""
        self.sheet.runs.append(Run(text, x, baseline, VALUE_SIZE, role, name))

    def footer(self, bottom: float) -> None:
        colon, baseline = self.layout.colon, bottom + 5.2
        self.signed(
            "开票人" + colon, self.layout.issuer_x, baseline, self.inv.shown("开票人"), "value"
        )
        if self.layout.footer_people:
            # Names of the cashier and the checker: printed, but no field of the answer.
            rng = random.Random(self.inv.truth["发票号码"])
            for label, left in (("收款人", 20.0), ("复核人", 62.0)):
                self.signed(label + colon, left, baseline, person_name(rng), "print")
        for text, left, line in self.layout.notes:
            self.sheet.runs.append(Run(text, left, line, LABEL_SIZE, "label"))


def place(invoice: Invoice, layout: Layout) -> Sheet:
    """``invoice`` laid out in ``layout``."""
    if layout.money_sign != "¥":
        printed = dict(invoice.printed)
        for name, value in invoice.truth.items():
            if value.startswith("¥"):
                printed[name] = layout.money_sign + printed.get(name, value)[1:]
        invoice = replace(invoice, printed=printed)
    placer = _Placer(invoice, layout)
    placer.header()
    placer.footer(placer.table())
    return placer.sheet
