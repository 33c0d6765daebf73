"""One paper invoice laid out on its form: the form's print and the tax printer's print.

The form (title, rules, labels, the 监制章 oval, the margin text) is printed by the tax
office's printer in the form's ink; the values are printed later by the dealer's tax
printer, which never registers exactly: every value on a page is shifted by the same
few millimetres (``Offset``, a little jitter per line), so a value may cross a rule
into the next cell. A value too long for its cell wraps to a second line (dot-matrix
printers do not shrink type). Boxes are text em boxes (``einvoice_samples.sheet.Run``),
in millimetres from the sheet's top left.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from desktop_app.tools.einvoice_samples.sheet import Run, text_width
from desktop_app.tools.einvoice_samples.values import Invoice
from desktop_app.tools.paper_samples.model import Cell, PaperForm, Row, Spot
from desktop_app.tools.paper_samples.values import cipher_lines

VALUE_SIZE = 3.3  # mm: the tax printer's type, as on the real photo
LABEL_SIZE = 2.7
SPOT_SIZE = 3.1
TITLE_SIZE = 7.0
CIPHER_SIZE = 2.9
PITCH = 1.18  # line pitch in sizes
PAD = 1.5  # mm from the cell's left rule to a value
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Offset:
    """The tax printer's registration error on one page (mm)."""

    dx: float
    dy: float

    @classmethod
    def draw(cls, rng: random.Random) -> Offset:
        # most pages a little off; about one in four far enough to cross a rule
        far = rng.random() < 0.25
        return cls(rng.uniform(-1.0, 3.5), rng.uniform(-2.6, 2.6) if far else rng.uniform(-1, 1))


@dataclass(frozen=True)
class Seal:
    """The seller's 发票专用章: centre (mm), size (mm), rotation (degrees)."""

    cx: float
    cy: float
    w: float
    h: float
    angle: float


@dataclass
class PaperPage:
    """The placed page: form print (``form_runs``, ``rules``) and printer print (``runs``)."""

    invoice: Invoice
    form: PaperForm
    offset: Offset
    runs: list[Run] = field(default_factory=list)  # value and print runs (black)
    form_runs: list[Run] = field(default_factory=list)  # title, labels (form ink)
    rules: list[Box] = field(default_factory=list)
    marks: list[tuple[float, float]] = field(default_factory=list)  # ⊗ centres
    cells: dict[str, Box] = field(default_factory=dict)  # each value cell's box
    seal: Seal | None = None
    holes: bool = False  # the continuous form's sprocket holes down both edges

    def field_boxes(self) -> dict[str, Box]:
        """Each field's box: the union of the boxes of its printed lines."""
        out: dict[str, Box] = {}
        for run in self.runs:
            if run.role == "value":
                b = run.box
                a = out.get(run.name, b)
                out[run.name] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
        return out


def wrap(text: str, size: float, avail: float) -> list[str]:
    """``text`` on one line, or two when too wide: broken at the last space that fits,
    else between characters (the printer's own wrap)."""
    if text_width(text, size) <= avail:
        return [text]
    cut = len(text)
    while cut > 1 and text_width(text[:cut], size) > avail:
        cut -= 1
    space = text.rfind(" ", 0, cut + 1)
    if space > cut // 2:
        return [text[:space], text[space + 1 :]]
    return [text[:cut], text[cut:]]


class _Placer:
    def __init__(self, invoice: Invoice, form: PaperForm, rng: random.Random) -> None:
        self.page = PaperPage(invoice, form, Offset.draw(rng))
        self.rng = rng

    def printed(self, text: str, x: float, baseline: float, name: str, size: float) -> None:
        """A line of the tax printer at (x, baseline) plus the page's offset and jitter."""
        off, j = self.page.offset, self.rng.uniform(-0.3, 0.3)
        role = "value" if name else "print"
        self.page.runs.append(Run(text, x + off.dx + j, baseline + off.dy + j, size, role, name))

    def label(self, text: str, x: float, top: float, width: float, height: float) -> None:
        """A label centred in its cell, one run per printed line."""
        lines = text.split("\n")
        size = LABEL_SIZE
        widest = max(text_width(line, size) for line in lines)
        if widest > width - 1.2:
            size = size * (width - 1.2) / widest
        pitch = size * PITCH
        baseline = top + (height - pitch * len(lines)) / 2 + 0.82 * pitch
        for line in lines:
            left = x + (width - text_width(line, size)) / 2
            self.page.form_runs.append(Run(line, left, baseline, size, "label"))
            baseline += pitch

    def values(self, cell: Cell, x: float, top: float, width: float, height: float) -> None:
        """The cell's Names, stacked one per band; each wrapped to two lines if needed."""
        if cell.inline:
            self.page.form_runs.append(
                Run(cell.label, x + 1.0, top + height / 2 + 1.0, LABEL_SIZE, "label")
            )
            shift = text_width(cell.label, LABEL_SIZE) + 2.5
            x, width = x + shift, width - shift
        if cell.words and self.page.invoice.truth.get(cell.names[0]):
            self.page.marks.append(
                (x + PAD + 1.8 + self.page.offset.dx, top + height / 2 + self.page.offset.dy)
            )
            x, width = x + 4.5, width - 4.5
        band = height / len(cell.names)
        for i, name in enumerate(cell.names):
            btop = top + i * band
            self.page.cells[name] = (x, btop, x + width, btop + band)
            text = self.page.invoice.shown(name)
            if not text:
                continue
            lines = wrap(text, VALUE_SIZE, width - PAD - 0.5)
            pitch = VALUE_SIZE * PITCH
            baseline = btop + (band - pitch * len(lines)) / 2 + 0.85 * pitch
            for line in lines:
                self.printed(line, x + PAD, baseline, name, VALUE_SIZE)
                baseline += pitch

    def cipher(self, x: float, top: float, height: float) -> None:
        rng = random.Random(self.page.invoice.truth["发票号码"])
        lines = cipher_lines(rng)
        pitch = height / len(lines)
        for i, line in enumerate(lines):
            self.printed(line, x + PAD, top + pitch * (i + 0.72), "", CIPHER_SIZE)

    def row(self, row: Row, top: float) -> None:
        form = self.page.form
        x = form.left
        rest = form.width - sum(c.width for c in row.cells)
        for i, cell in enumerate(row.cells):
            width = cell.width or rest
            if i:
                self.page.rules.append((x, top, x, top + row.height))
            if cell.ruled:
                band = row.height / len(cell.label.split("\n") if cell.label else cell.names)
                for k in range(1, round(row.height / band)):
                    self.page.rules.append((x, top + k * band, x + width, top + k * band))
            if cell.cipher:
                self.cipher(x, top, row.height)
            elif cell.names:
                self.values(cell, x, top, width, row.height)
            elif cell.label and (cell.ruled or cell.spread):  # one label line a band
                lines = cell.label.split("\n")
                band = row.height / len(lines)
                for k, line in enumerate(lines):
                    self.label(line, x, top + k * band, width, band)
            elif cell.label:
                self.label(cell.label, x, top, width, row.height)
            x += width

    def table(self) -> float:
        form = self.page.form
        y = form.top
        left, right = form.left, form.left + form.width
        self.page.rules.append((left, y, right, y))
        for row in form.rows:
            self.row(row, y)
            y += row.height
            self.page.rules.append((left, y, right, y))
        self.page.rules += [(left, form.top, left, y), (right, form.top, right, y)]
        return y

    def spot(self, spot: Spot) -> None:
        self.page.form_runs.append(Run(spot.label, spot.x, spot.y, SPOT_SIZE, "label"))
        if spot.name and self.page.invoice.shown(spot.name):
            x = spot.x + text_width(spot.label, SPOT_SIZE) + 3.0
            self.printed(self.page.invoice.shown(spot.name), x, spot.y + 0.6, spot.name, VALUE_SIZE)

    def header_and_footer(self) -> None:
        form = self.page.form
        spaced = " ".join(form.title)
        width = text_width(spaced, TITLE_SIZE)
        self.page.form_runs.append(
            Run(spaced, (form.page[0] - width) / 2, 16.0, TITLE_SIZE, "title")
        )
        sub = "发 票 联"
        sub_w = text_width(sub, 5.0)
        self.page.form_runs.append(Run(sub, (form.page[0] - sub_w) / 2, 24.5, 5.0, "title"))
        for spot in (*form.header, *form.footer):
            self.spot(spot)
        self.vertical(form.side, form.left + form.width + 3.0, 62.0, 3.6)
        # the printing house's imprint down the left margin, as on the real form
        truth = self.page.invoice.truth
        year, number = int(truth["开票日期"][:4]) - 1, int(truth["发票号码"]) % 900 + 100
        imprint = f"{truth['省']}国税函〔{year}〕{number}号　{truth['市']}印刷厂印制"
        self.vertical(imprint, form.left - 4.2, 70.0, 2.4)

    def vertical(self, text: str, x: float, top: float, size: float) -> None:
        """``text`` printed downwards, a character a line."""
        for i, ch in enumerate(text):
            if ch.strip():
                self.page.form_runs.append(Run(ch, x, top + i * size * 1.25, size, "label"))

    def stamp(self) -> None:
        """The seller's seal over the 盖章 spot, or over one of ``seal_over``'s values."""
        form, rng = self.page.form, self.rng
        target = rng.choice(form.seal_over) if form.seal_over and rng.random() < 0.45 else ""
        box = self.page.cells.get(target)
        if box is None:
            stamp = form.footer[0]
            cx, cy = stamp.x + 14 + rng.uniform(-3, 6), stamp.y - 8 + rng.uniform(-3, 2)
        else:
            cx, cy = box[0] + rng.uniform(4, 18), (box[1] + box[3]) / 2 + rng.uniform(-3, 3)
        self.page.seal = Seal(cx, cy, 40.0, 30.0, rng.uniform(-12, 12))


def place(invoice: Invoice, form: PaperForm, rng: random.Random) -> PaperPage:
    """``invoice`` printed on ``form``; ``rng`` draws the printer's offset and the seal."""
    placer = _Placer(invoice, form, rng)
    placer.header_and_footer()
    placer.table()
    placer.stamp()
    # a continuous form, its sprocket strips not torn off on about half the pages
    placer.page.holes = rng.random() < 0.5
    return placer.page
