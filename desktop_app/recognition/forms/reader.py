"""``read_form``: every field of a vehicle invoice from the page's text, by label and cell.

1. Tell the form from its printed title (机动车 / 二手车; 数电 when the title says
   电子发票（…）); refuse other invoices by name.
2. Split the spans into label and value tokens (``tokens``) with that form's wordings.
3. Resolve generic labels (``电话``, ``(小写)`` …) to the section they stand in.
4. Give each value token to a label of its own cell: the nearest label left of it
   on its line, else the nearest above it in the cell, else the nearest left. A
   label that got nothing takes the unclaimed tokens of the cell to its right
   (a label alone in its cell); when that cell holds other labels' values or is
   empty, the field is blank.
5. Join each field's tokens line by line (a value wrapped in its cell is one value).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from desktop_app.core.schema import FormType
from desktop_app.documents.page_text import Box, PageText, TextSpan
from desktop_app.recognition.forms import labels as L
from desktop_app.recognition.forms.cells import Cell, Ruling, same_cell
from desktop_app.recognition.forms.generation import SeenLabel, generation_of
from desktop_app.recognition.forms.kind import InvoiceKind, detect_kind
from desktop_app.recognition.forms.merged import split_name_and_code
from desktop_app.recognition.forms.tokens import Token, join_wrapped_labels, split_span


@dataclass(frozen=True)
class ReadValue:
    """One field as read: its text joined from its tokens, their box, the lowest OCR score."""

    name: str
    value: str
    box: Box | None = None
    score: float = 1.0
    #: The tokens the value was joined from, as ``(text, box)``, in reading order.
    parts: tuple[tuple[str, Box], ...] = ()
    #: For each part, whether its left and right edges are its line's (an OCR
    #: detector's padded box edge) rather than a cut inside the line.
    edges: tuple[tuple[bool, bool], ...] = ()


@dataclass(frozen=True)
class FormReading:
    """What ``read_form`` found on a page."""

    kind: InvoiceKind
    values: dict[str, ReadValue]
    origin: str
    labels_found: int
    extras: dict[str, str] = field(default_factory=dict)
    #: The form's generation told from its labels (``forms.generation``; "" when they
    #: do not tell): the app's own, outside the answer shape.
    generation: str = ""

    @property
    def form(self) -> FormType:
        return self.kind.form


@dataclass
class _Placed:
    token: Token
    cell: Cell
    label: L.Label | None = None
    claimed: bool = False


def read_form(page: PageText) -> FormReading:
    """The fields of the vehicle invoice on ``page``.

    Raises ``RecognitionError`` ``Text.NotAVehicleInvoice`` naming the invoice when
    the page is another kind of invoice, ``Text.NotAnInvoice`` when no invoice title
    is printed on it.
    """
    kind = detect_kind(page.text())
    wordings = L.wordings(kind.form)
    ruling = Ruling.of(page.rules, page.width, page.height)
    spans = join_wrapped_labels(list(page.spans), wordings, _sharing_a_cell(ruling))
    same = L.same_field(kind.form)
    placed: list[_Placed] = []
    for span in spans:
        for token in split_span(span, wordings, same):
            placed.append(_Placed(token, ruling.cell_of(token.cx, token.cy)))
    _first_lines_alone(placed, kind.form, wordings)
    labels = [p for p in placed if p.token.is_label]
    _resolve_sections(labels, kind.form)
    # Every label owns the values beside it; those naming no field (收款人, 销货单位（盖章）)
    # own them so that no other label takes them, and feed nothing.
    labels = [p for p in labels if p.label is not None and not _header(p)]
    values = [p for p in placed if not p.token.is_label and not _is_title(p.token, kind)]
    owned: dict[int, list[Token]] = {id(p): [] for p in labels}
    for value in values:
        owner = _owner(value, labels, ruling.width)
        if owner is not None:
            owned[id(owner)].append(value.token)
            value.claimed = True
    alone = [p for p in labels if not owned[id(p)]]
    done: set[int] = set()
    for label in alone:  # a label alone in its cell: the cell to its right first, for all …
        if id(label) in done:
            continue
        stack = [p for p in alone if same_cell(p.cell, label.cell)]
        beside = _from_cell_right(label, values, labels, ruling)
        if not beside and len(stack) == 1:
            beside = _past_an_unread_label(label, values, labels, ruling)
        for member in stack:  # labels stacked in one cell share what is beside it
            taken = _my_rows(member, stack, beside)
            for p in taken:
                p.claimed = True
            owned[id(member)] = [p.token for p in taken]
            done.add(id(member))
    for label in alone:  # … then the cell under it, for those still without a value
        if not owned[id(label)]:
            owned[id(label)] = _from_cell_below(label, values, labels, ruling)
    labels = [p for p in labels if p.label is not None and p.label.name]
    read: dict[str, ReadValue] = {}
    for label in sorted(labels, key=lambda p: (p.token.cy, p.token.cx)):
        assert label.label is not None
        tokens = owned[id(label)]
        if label.label.name in read and read[label.label.name].value:
            continue  # the field was read at its first label; a later one (a footer note) is not it
        if label.label.below:
            name, code = _name_over_code(tokens)
            read[label.label.name] = _joined(label.label.name, name)
            read[label.label.below] = _joined(label.label.below, code)
            continue
        read[label.label.name] = _joined(label.label.name, tokens)
        if label.label.split:
            read[label.label.split] = ReadValue(label.label.split, "", None)
    seen = [
        SeenLabel(p.token.wording, p.label.name, p.label.section, p.token.box)
        for p in labels
        if p.label is not None
    ]
    generation = generation_of(kind, seen)
    return FormReading(kind, read, page.origin, len(labels), dict(page.extras), generation)


#: The shortest first line of a wrapped label read as that label when its other line is lost.
_MIN_FIRST_LINE = 3


def _first_lines_alone(placed: list[_Placed], form: FormType, wordings: list[str]) -> None:
    """A wrapped label whose second line the OCR lost (``增值税`` without ``税额``): a line
    alone in its cell that begins the wordings of exactly one field not labelled elsewhere
    on the page is that field's label."""
    found = {
        label.name
        for p in placed
        if p.token.is_label
        for label in L.labels_for(form, p.token.wording)
    }
    for i, p in enumerate(placed):
        text = L.fold(p.token.text)
        if p.token.is_label or len(text) < _MIN_FIRST_LINE or any(ch.isdigit() for ch in text):
            continue
        if any(q is not p and same_cell(q.cell, p.cell) for q in placed):
            continue
        begun = [w for w in wordings if w.startswith(text) and len(w) > len(text)]
        names = {label.name for w in begun for label in L.labels_for(form, w)} - found
        if len(names) != 1 or "" in names:
            continue
        wording = next(w for w in begun if {lb.name for lb in L.labels_for(form, w)} <= names)
        placed[i] = _Placed(replace(p.token, wording=wording), p.cell)


def _sharing_a_cell(ruling: Ruling):
    """Whether two spans stand in one ruled cell (their centres' cells agree)."""

    def together(a: TextSpan, b: TextSpan) -> bool:
        cell_a = ruling.cell_of((a.box[0] + a.box[2]) / 2, (a.box[1] + a.box[3]) / 2)
        cell_b = ruling.cell_of((b.box[0] + b.box[2]) / 2, (b.box[1] + b.box[3]) / 2)
        return same_cell(cell_a, cell_b)

    return together


def _is_title(token: Token, kind: InvoiceKind) -> bool:
    return "发票" in token.text and kind.form.value in token.text.replace(" ", "")


def _resolve_sections(labels: list[_Placed], form: FormType) -> None:
    """Choose each label token's Label: explicit ones directly, generic ones by section."""
    ordered = sorted(labels, key=lambda p: (p.token.box[1], p.token.box[0]))
    openers: list[tuple[_Placed, str]] = []
    for placed in ordered:
        candidates = L.labels_for(form, placed.token.wording)
        opening = next((c for c in candidates if c.opens), None)
        if opening is not None:
            openers.append((placed, opening.opens or ""))
    openers.extend(_seller_after_total(openers, form))
    for placed in ordered:
        candidates = L.labels_for(form, placed.token.wording)
        if not candidates:  # a block's name run into a generic label: 二手车市场地址
            placed.label = L.compound_label(form, placed.token.wording)
            continue
        explicit = [c for c in candidates if c.section is None]
        if explicit:
            placed.label = explicit[0]
            continue
        section = _section_of(placed, openers, {c.section for c in candidates})
        placed.label = next((c for c in candidates if c.section == section), None)


def _seller_after_total(
    openers: list[tuple[_Placed, str]], form: FormType
) -> list[tuple[_Placed, str]]:
    """The paper 机动车 form prints the seller's block right under the 价税合计 row: when
    its name label was not read (a seal stamped over 销货单位名称), the seller's section
    opens there all the same, so 电话, 账号, 地址 … under it are the seller's."""
    sections = {section for _, section in openers}
    if form is not FormType.MOTOR or L.SELLER in sections or L.TOTAL not in sections:
        return []
    total = next(o for o, section in openers if section == L.TOTAL)
    bottom = total.token.box[3]
    token = Token("", (0.0, bottom + 1, 1.0, bottom + 2))
    return [(_Placed(token, total.cell), L.SELLER)]


def _header(placed: _Placed) -> bool:
    """A side header (printed down a block) that opens a section: it feeds no field.
    One that names a field of its own (备注 down the side of the remarks) is a label."""
    return placed.token.vertical and placed.label is not None and placed.label.opens is not None


#: Sections of the amount rows: they own only (小写), so a contact label (地址, 电话 …)
#: printed after them still belongs to the party block above them.
_AMOUNT_SECTIONS = frozenset({L.TOTAL, L.NET})


def _section_of(
    placed: _Placed, openers: list[tuple[_Placed, str]], defined: set[str | None]
) -> str | None:
    """The section a generic label stands in: the nearest opener left of it on its row
    (a side header counts over its whole ruled block), else the last one opened above;
    an amount row that does not define the label is passed over."""
    token = placed.token
    left = []
    for opener, section in openers:
        if opener.token.box[2] > token.box[0] + 1:
            continue
        if opener.token.vertical:
            beside = opener.cell[1] <= token.cy <= opener.cell[3]
        else:
            beside = _overlap_y(opener.token.box, token.box) > 0.3
        if beside:
            left.append((opener.token.box[2], section))
    for _, section in sorted(left, reverse=True):
        if section in defined or section not in _AMOUNT_SECTIONS:
            return section
    above = sorted(
        ((o.token.box[1], section) for o, section in openers if o.token.box[3] <= token.cy),
        reverse=True,
    )
    for _, section in above:
        if section in defined or section not in _AMOUNT_SECTIONS:
            return section
    return None


def _overlap_y(a: Box, b: Box) -> float:
    """Vertical overlap of ``a`` and ``b`` as a share of the shorter one's height."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    shorter = min(a[3] - a[1], b[3] - b[1])
    return overlap / shorter if shorter > 0 else 0.0


def _open(cell: Cell, width: float) -> bool:
    """True for a band outside the grid: no rule bounds it left or right."""
    return cell[0] <= 0 and cell[2] >= width - 1


def _owner(value: _Placed, labels: list[_Placed], ruling_width: float) -> _Placed | None:
    """The label of ``value``'s own cell that the value belongs to, or None."""
    token = value.token
    mates = [p for p in labels if same_cell(p.cell, value.cell)]
    slack = 0.5 * max(token.height, 1.0)
    left = [p for p in mates if p.token.box[2] <= token.box[0] + slack]
    on_line = [p for p in left if _overlap_y(p.token.box, token.box) > 0.3]
    if _open(value.cell, ruling_width):
        # Outside the grid (the header line) a value starts right after its label;
        # words far along the line (共1页 第1页) are not its value.
        reach = 4 * max(token.height, 1.0)
        on_line = [p for p in on_line if token.box[0] - p.token.box[2] <= reach]
        left = on_line
    if on_line:
        return max(on_line, key=lambda p: p.token.box[2])
    above = [p for p in mates if p.token.box[3] <= token.cy and p.token.box[0] <= token.box[2]]
    if above:
        return max(above, key=lambda p: (p.token.box[3], -abs(p.token.box[0] - token.box[0])))
    if left:
        return min(left, key=lambda p: token.box[0] - p.token.box[2])
    return None


def _from_cell_right(
    label: _Placed, values: list[_Placed], labels: list[_Placed], ruling: Ruling
) -> list[_Placed]:
    """The value of a label alone in its cell: the unclaimed values of the cells to its
    right over the label cell's height (one cell, or ruled sub-cells beside a merged
    label cell) — in each, those before the first label printed in it (a rule missing
    between a value and the next label; in a header row of labels, nothing). Labels
    stacked in one unruled cell (机打代码 / 机打号码 / 机器编号) share the lines to
    their right by rows: each takes those nearest its own row."""
    if not ruling.ruled:
        return []
    cell = label.cell
    right = ruling.right_of(cell, label.token.cy)
    if right is None or right[0] < cell[2] - 1 or right[2] >= ruling.width - 1:
        return []  # beyond the form's right edge: the margin holds no value
    beside = []
    for p in values:
        if p.claimed or abs(p.cell[0] - cell[2]) > 2 * ruling.slack:
            continue
        if not cell[1] - 1 <= p.token.cy <= cell[3] + 1 or p.cell[2] >= ruling.width - 1:
            continue
        others = [q.token.box[0] for q in labels if same_cell(q.cell, p.cell)]
        if p.token.box[2] <= min(others, default=math.inf) + 1:
            beside.append(p)
    return beside


def _past_an_unread_label(
    label: _Placed, values: list[_Placed], labels: list[_Placed], ruling: Ruling
) -> list[_Placed]:
    """The value of an amount row's label (不含税价) whose (小写) cell was not read: the
    cell right of it is empty, the value stands in the next one (when it holds no label)."""
    if label.label is None or label.label.opens not in _AMOUNT_SECTIONS or not ruling.ruled:
        return []
    empty = ruling.right_of(label.cell, label.token.cy)
    if empty is None or any(same_cell(p.cell, empty) for p in [*labels, *values]):
        return []
    target = ruling.right_of(empty, label.token.cy)
    if target is None or target[2] >= ruling.width - 1:
        return []
    if any(same_cell(p.cell, target) for p in labels):
        return []
    return [p for p in values if not p.claimed and same_cell(p.cell, target)]


def _my_rows(label: _Placed, stack: list[_Placed], beside: list[_Placed]) -> list[_Placed]:
    """Of the lines ``beside`` a stack of labels, those of ``label``: as many lines as
    labels pair in order (the printer may shift every value most of a line up or
    down); otherwise each line goes to the label nearest its row."""
    if len(stack) == 1:
        return beside
    rows: list[list[_Placed]] = []
    for p in sorted(beside, key=lambda p: p.token.cy):
        if rows and _overlap_y(rows[-1][0].token.box, p.token.box) > 0.5:
            rows[-1].append(p)
        else:
            rows.append([p])
    order = sorted(stack, key=lambda q: q.token.cy)
    if len(rows) == len(order):
        return rows[next(i for i, q in enumerate(order) if q is label)]
    return [p for p in beside if min(stack, key=lambda q: abs(q.token.cy - p.token.cy)) is label]


def _name_over_code(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """A merged name-over-ID cell's tokens as the name's and the ID's; with no code
    among them, a second line is the ID misread."""
    name, code = split_name_and_code(tokens)
    if not code and name:
        rows = sorted(name, key=lambda t: t.cy)
        low = [t for t in rows if _overlap_y(t.box, rows[-1].box) > 0.5]
        if len(low) < len(rows):
            return [t for t in rows if t not in low], low
    return name, code


def _from_cell_below(
    label: _Placed, values: list[_Placed], labels: list[_Placed], ruling: Ruling
) -> list[Token]:
    """The value printed under a label in a header row of labels: the unclaimed tokens
    of the cell below. Not when the label heads a box with room for its value under it
    (the value, blank here, would be printed in that box), nor when the cell to its
    right is an empty value cell (the label's value is blank)."""
    if not ruling.ruled:
        return []
    cell = label.cell
    above = label.token.box[1] - cell[1]
    under = cell[3] - label.token.box[3]
    if under > 1.2 * max(label.token.height, 1.0) and under > 2 * above:
        return []  # the label heads its own box: its value would be printed under it
    right = ruling.right_of(cell, label.token.cy)
    if right is not None and right[2] < ruling.width - 1:
        holds_label = any(same_cell(p.cell, right) for p in labels)
        holds_value = any(same_cell(p.cell, right) for p in values)
        if not holds_label and not holds_value:
            return []  # an empty value cell beside it: blank
    below = ruling.below(cell, label.token.cx)
    if below is None or below[1] < cell[3] - 1:
        return []
    if any(same_cell(p.cell, below) for p in labels):
        return []
    return _claim(values, below)


def _claim(values: list[_Placed], cell: Cell) -> list[Token]:
    """The unclaimed value tokens of ``cell``, now claimed."""
    taken = [p for p in values if not p.claimed and same_cell(p.cell, cell)]
    for p in taken:
        p.claimed = True
    return [p.token for p in taken]


def _joined(name: str, tokens: list[Token]) -> ReadValue:
    """The tokens' text line by line (a wrapped value joined), their box and lowest score."""
    if not tokens:
        return ReadValue(name, "", None)
    lines: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: (t.cy, t.box[0])):
        if lines and _overlap_y(lines[-1][0].box, token.box) > 0.5:
            lines[-1].append(token)
        else:
            lines.append([token])
    text = ""
    for line in lines:
        line.sort(key=lambda t: t.box[0])
        for i, token in enumerate(line):
            if i and token.box[0] - line[i - 1].box[2] > 0.5 * max(token.height, 1.0):
                text += " "
            text += token.text
    boxes = [t.box for t in tokens]
    box = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    parts = tuple((t.text, t.box) for line in lines for t in line)
    edges = tuple((t.padded_left, t.padded_right) for line in lines for t in line)
    return ReadValue(name, text.strip(), box, min(t.score for t in tokens), parts, edges)
