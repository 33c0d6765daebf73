"""Reading a page image by its structure: labels and ruled cells, not the template.

The template extraction (``extractor``) knows one layout of each paper form, measured
on one rendering (the 2015 机动车 and 二手车 forms), and reads it very well. Pages of
other generations — the 2021 机动车 layout with one buyer ID cell, a 数电 e-invoice
printed on paper and scanned, an older print run whose cells moved — put values into
the wrong fields there. Such pages are read instead by the label-and-cell form reader
(``recognition.forms``), fed with the page's OCR lines and the ruling found on the image
(``page_text_from_ocr``): each label found, each value from its label's cell.

``which_reader`` decides: the template when the page's labels sit where the template
expects them, the structure when the page is a printed e-invoice or its labels do not
fit the template. Values are then put in the service's format by kind (the same
normalization as the template's: OCR confusions in codes, money, dates), their boxes
mapped back to the image, and their confidence taken from the OCR scores and checks.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from desktop_app.core.confidence import field_confidences
from desktop_app.core.model import Polygon, RecognizedField, Rect
from desktop_app.core.schema import FormType, field_spec
from desktop_app.recognition.forms import labels as form_labels
from desktop_app.recognition.forms import read_form
from desktop_app.recognition.forms.answer import answer_fields
from desktop_app.recognition.forms.fuzzy import misread_label
from desktop_app.recognition.forms.reader import ReadValue
from desktop_app.recognition.local.anchors import STAMP_RED, edit_distance, is_noise
from desktop_app.recognition.local.boxes import DROP, KEEP_HEIGHT_CJK, KEEP_HEIGHT_LATIN, TRIM_ENDS
from desktop_app.recognition.local.fragments import Fragment
from desktop_app.recognition.local.labels import TITLES, fold_label
from desktop_app.recognition.local.normalize import normalize
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.page_text_from_ocr import OcrPage, ocr_page_text

TEMPLATE, STRUCTURE = "template", "structure"
#: The template reads a page when at least this share of its label readings were placed
#: by the template's geometry. The 2015 pages it was measured on fit 97.5-100% (dev), the
#: real photo 92.5%; pages of the other generations and other renderings of the 2015
#: forms (the paper page generator) fit 70-95% and read better by structure at every fit
#: below 95% (docs/benchmarks.md, issue 10).
MIN_TEMPLATE_FIT = 0.95
_EINVOICE_TITLE = "电子发票"
#: Labels only the other generations of the 机动车 form print: the 2021 layout's buyer ID
#: cell (…/身份证明号码) and the 2014 layout's 购货单位(人). The template knows the 2015
#: layout only, so such pages are read by structure however well its labels fit.
_OTHER_GENERATION_LABELS = ("身份证明号码", "购货单位(人)", "购货单位人")
#: A line this close (edit distance) to a vehicle invoice's title is that title misread.
MAX_TITLE_MISREAD = 2


def which_reader(lines: Sequence[OcrLine], labels_read: int, labels_placed: int) -> str:
    """``TEMPLATE`` or ``STRUCTURE`` for a page, from its OCR lines and how well the
    template's label positions fit the labels read (``labels_placed`` of ``labels_read``)."""
    folded = [fold_label(line.text) for line in lines]
    if any(_EINVOICE_TITLE in text for text in folded):
        return STRUCTURE
    if another_generation(lines):
        return STRUCTURE
    if labels_read and labels_placed / labels_read < MIN_TEMPLATE_FIT:
        return STRUCTURE
    return TEMPLATE


def another_generation(lines: Sequence[OcrLine]) -> bool:
    """Whether the page's labels are those of a 机动车 layout the template does not know
    (2021: …/身份证明号码; 2014: 购货单位(人)): only the form reader reads it right."""
    return any(fold_label(line.text).startswith(_OTHER_GENERATION_LABELS) for line in lines)


def title_restored(lines: Sequence[OcrLine], first: Sequence[OcrLine]) -> list[OcrLine]:
    """``lines`` (read again under the seals) with the pieces of a vehicle invoice's title
    that the first reading had and the second lost: the red drop-out under the 监制章
    erases the form's red title along with the seal (``机动车``, ``销售统`` gone)."""
    kept = {line.text for line in lines}
    lost = [line for line in first if line.text not in kept and _title_piece(line.text)]
    return [*lost, *lines]


def _title_piece(text: str) -> bool:
    folded = fold_label(text)
    return len(folded) >= 3 and any(folded in title for title in TITLES.values())


def printed_lines(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """The lines that can be form print or values: no seal text, no cipher block.

    Values are printed black, so a red line is the form's own print (its title, its
    labels: kept) or a seal (the seller's name round its rim: dropped); the two reds are
    too close to tell apart by colour, so a red line is kept when it starts like a label.
    """
    kept = []
    for line in lines:
        if _is_title(line):
            kept.append(line)
            continue
        fragment = Fragment(line.text.strip(), line.polygon, line.score)
        if is_noise(fragment) and not _a_label(line.text):
            continue  # (the template's noise words include the 2014 form's label 购货单位(人))
        if line.red < STAMP_RED or _label_like(line.text):
            kept.append(line)
    return kept


def _label_like(text: str) -> bool:
    """Whether a red line is the form's own print: a label, a piece of a wrapped one
    (``或征收率``) or a label misread, rather than a seal's words (``手车经纪有限`` round the
    rim of a used-car dealer's seal starts like 二手车市场 but is no piece of a label)."""
    folded = form_labels.fold(text)
    if not folded:
        return False
    wordings = _all_wordings()
    if any(folded in w or w in folded[: len(w)] for w in wordings):
        return True
    return misread_label(folded, wordings) is not None


@functools.lru_cache(maxsize=1)
def _all_wordings() -> tuple[str, ...]:
    return tuple(sorted({w for form in FormType for w in form_labels.wordings(form)}))


@functools.lru_cache(maxsize=1)
def _label_starts() -> frozenset[str]:
    """Every two-character piece of every label wording of both forms."""
    texts = {w for form in FormType for w in form_labels.wordings(form)}
    return frozenset(w[i : i + 2] for w in texts for i in range(len(w) - 1))


def _a_label(text: str) -> bool:
    """Whether ``text`` starts with a whole label wording of either form."""
    folded = form_labels.fold(text)
    return any(
        folded.startswith(w) for form in FormType for w in form_labels.wordings(form) if len(w) >= 4
    )


def _starts_like_a_label(text: str) -> bool:
    return form_labels.fold(text)[:2] in _label_starts()


def _is_title(line: OcrLine) -> bool:
    folded = fold_label(line.text)
    return _EINVOICE_TITLE in folded or any(title in folded for title in TITLES.values())


def titles_joined(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """``lines`` with a title read in pieces on one row (``机动车`` ``销售统`` ``一发票``: a
    title printed spaced out, or cut by the 监制章 oval over it) joined into one line, so
    the form reader tells the form by it. Nothing changes when a line holds a title."""
    if any(_is_title(line) for line in lines):
        return list(lines)
    for line in lines:
        row = sorted(
            (o for o in lines if _same_row(line, o)), key=lambda o: min(p[0] for p in o.polygon)
        )
        for start in range(len(row)):
            text = ""
            for end in range(start, len(row)):
                piece = fold_label(row[end].text)
                if end > start and _overlapping(row[end - 1], row[end]):
                    # Two boxes over one character (机动车 / 车销售统): it is read once.
                    shared = next((k for k in (2, 1) if text.endswith(piece[:k])), 0)
                    piece = piece[shared:]
                text += piece
                title = _title_in(text, end > start)
                if title is not None:
                    pieces = row[start : end + 1]
                    joined = _joined_line(pieces, title)
                    return [joined, *(o for o in lines if all(o is not p for p in pieces))]
    return list(lines)


#: Characters of a title a seal (the 监制章 over it) may hide between its read pieces.
MAX_TITLE_HIDDEN = 3


def _title_in(text: str, pieces: bool) -> str | None:
    """The title ``text`` holds, or — pieced together from several lines — the title it
    is with up to three characters in the middle hidden (``机动车`` … ``一发票``: the seal
    over 销售统 read away), keeping its first and last two characters."""
    for title in TITLES.values():
        if title in text:
            return text
        if not pieces or len(text) < len(title) - MAX_TITLE_HIDDEN or len(text) >= len(title):
            continue
        ends = text[:2] == title[:2] and text[-2:] == title[-2:]
        if ends and edit_distance(text, title) <= MAX_TITLE_HIDDEN:
            return title
    return None


def _overlapping(a: OcrLine, b: OcrLine) -> bool:
    """Whether ``b`` starts inside ``a`` (left to right)."""
    return min(p[0] for p in b.polygon) < max(p[0] for p in a.polygon)


def _same_row(a: OcrLine, b: OcrLine) -> bool:
    a0, a1 = min(p[1] for p in a.polygon), max(p[1] for p in a.polygon)
    b0, b1 = min(p[1] for p in b.polygon), max(p[1] for p in b.polygon)
    return min(a1, b1) - max(a0, b0) > 0.5 * min(a1 - a0, b1 - b0)


def _joined_line(pieces: Sequence[OcrLine], text: str) -> OcrLine:
    xs = [p[0] for line in pieces for p in line.polygon]
    ys = [p[1] for line in pieces for p in line.polygon]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    score = min(line.score for line in pieces)
    return OcrLine(text, ((x0, y0), (x1, y0), (x1, y1), (x0, y1)), score, pieces[0].red)


def titles_read_back(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """``lines`` with a vehicle invoice's title misread by a character or two read back
    (``手车销售统一发票`` for ``二手车销售统一发票``): the form reader tells the form, and
    refuses other invoices by name, from the title, so a misread must not refuse it."""
    out = []
    for line in lines:
        folded = fold_label(line.text)
        body = folded.replace(_EINVOICE_TITLE, "").strip("()（）")
        best = min(TITLES.values(), key=lambda title: edit_distance(body, title))
        close = 0 < edit_distance(body, best) <= MAX_TITLE_MISREAD and len(body) >= 6
        if close and not body.isascii():
            head = f"{_EINVOICE_TITLE}（" if _EINVOICE_TITLE in folded else ""
            tail = "）" if line.text.rstrip().endswith((")", "）")) else ""
            line = OcrLine(head + best + tail, line.polygon, line.score, line.red)
        out.append(line)
    return out


def label_tails_apart(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """Lines where the second line of a wrapped label ran into its value (``限乘`` over
    ``人数5``) split into the label's tail and the value, so the label is joined again
    and the value stays a value."""
    wordings = {w for form in FormType for w in form_labels.wordings(form)}
    out: list[OcrLine] = []
    for line in lines:
        folded = form_labels.fold(line.text)
        head = _head_above(line, lines)
        tail = _glued_tail(folded, head, wordings) if head else None
        if tail is None or folded == tail or not line.text.startswith(tail):
            out.append(line)
            continue
        fragment = Fragment(line.text, line.polygon, line.score, red=line.red)
        cut = len(tail)
        out.append(OcrLine(tail, fragment.sub(0, cut).polygon, line.score, line.red))
        out.append(OcrLine(line.text[cut:], fragment.sub(cut, len(line.text)).polygon, line.score))
    return out


def _head_above(line: OcrLine, lines: Sequence[OcrLine]) -> str | None:
    """The folded text of the line just above ``line``, starting within a character of it."""
    (x0, y0), _, _, (_, y1) = line.polygon
    height = y1 - y0
    for other in lines:
        (ox0, oy0) = other.polygon[0]
        if other is not line and abs(ox0 - x0) <= height and 0 < y0 - oy0 <= 1.5 * height:
            return form_labels.fold(other.text)
    return None


def _glued_tail(folded: str, head: str, wordings: set[str]) -> str | None:
    """The start of ``folded`` that completes ``head`` into a label wording (the longest
    such), if any; None when the whole line already completes it (``机关及代码``)."""
    if head + folded in wordings:
        return None
    tails = [
        w[len(head) :]
        for w in wordings
        if w.startswith(head) and len(w) > len(head) and folded.startswith(w[len(head) :])
    ]
    return max(tails, key=len) if tails else None


def structure_page(image: Any, lines: Sequence[OcrLine]) -> OcrPage:
    """The rectified page text the form reader reads: the title's pieces joined and a
    misread title read back, seal and cipher lines left out, glued label tails split."""
    lines = titles_read_back(titles_joined(lines))
    return ocr_page_text(image, label_tails_apart(printed_lines(lines)))


#: A line with this share of red ink or more has a seal over it (or is a seal's text).
SEALED_RED = 0.15
#: A line red enough to be a seal's is a value under it only when reading it without the
#: red changes at least this many characters (a seal's own number reads about alike).
SEAL_CHANGED = 3
#: A line read again without red replaces the first reading from this score on.
MIN_REREAD_SCORE = 0.8

Reread = Callable[[list[Polygon]], list[tuple[str, float]]]


def seals_read_through(lines: Sequence[OcrLine], reread: Reread | None) -> list[OcrLine]:
    """``lines`` with those a red seal covers read again without the red (``reread``:
    the engine's recognizer on the red channel, where the seal drops out and the black
    print stays): a value under a seal (the seller's name, the tax rate, an amount)
    comes back without the seal's words. Labels (the form's own red print), lines the
    second reading cannot read, and red lines it reads alike (a seal's own words and
    number) are left as they were."""
    candidates = [
        i
        for i, line in enumerate(lines)
        if line.red >= SEALED_RED and not _is_title(line) and not _starts_like_a_label(line.text)
    ]
    if reread is None or not candidates:
        return list(lines)
    out = list(lines)
    again = reread([lines[i].polygon for i in candidates])
    for i, (text, score) in zip(candidates, again, strict=True):
        if not text.strip() or score < MIN_REREAD_SCORE:
            continue
        if lines[i].red >= STAMP_RED and edit_distance(text, lines[i].text) < SEAL_CHANGED:
            continue  # read (almost) alike without the red: the seal's own print, not a value
        out[i] = OcrLine(text, lines[i].polygon, score, 0.0)
    return out


def read_by_structure(
    image: Any, lines: Sequence[OcrLine], reread: Reread | None = None
) -> tuple[RecognizedField, ...]:
    """Every field of the invoice on ``image`` by label and cell (``reread``: a second
    look at lines under a seal, see ``seals_read_through``); raises the form reader's
    ``RecognitionError`` for a page that is no vehicle invoice."""
    return structure_reading(image, lines, reread)[0]


def structure_reading(
    image: Any, lines: Sequence[OcrLine], reread: Reread | None = None
) -> tuple[tuple[RecognizedField, ...], str]:
    """:func:`read_by_structure`'s fields and the form's generation told from its labels
    (``recognition.forms.generation``; "" when they do not tell)."""
    page = structure_page(image, seals_read_through(lines, reread))
    reading = read_form(page.text)
    reading = replace(reading, values={k: ink_value(v) for k, v in reading.values.items()})
    scores: dict[str, float | None] = {}
    out = []
    for answered in answer_fields(reading):
        spec = field_spec(reading.form, answered.name)
        value = answered.value
        if spec is not None and spec.printed and value:
            value = normalize(spec.kind, value)
            read = reading.values.get(answered.name) or reading.values.get("主管税务机关")
            scores[answered.name] = read.score if read is not None else None
        out.append(_in_image(replace(answered, value=value), page))
    values = {f.name: f.value for f in out}
    confidences = field_confidences(scores, values, reading.form, qr=reading.extras.get("qr", ""))
    fields = tuple(replace(f, confidence=confidences.get(f.name)) for f in out)
    return fields, reading.generation


def ink_value(value: ReadValue) -> ReadValue:
    """``value`` with its box and its parts' boxes hugging the ink: the OCR detector pads
    its line boxes, the service's boxes do not (the template's shares, ``boxes``)."""
    if value.box is None or not value.parts:
        return value
    edges = value.edges or tuple((True, True) for _ in value.parts)
    parts = tuple(
        (text, ink_box(text, box, left, right))
        for (text, box), (left, right) in zip(value.parts, edges, strict=True)
    )
    boxes = [box for _, box in parts]
    union = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    return replace(value, box=union, parts=parts)


def ink_box(
    text: str, box: tuple[float, float, float, float], left: bool, right: bool
) -> tuple[float, float, float, float]:
    """The ink of ``text`` in its OCR box: the height the glyphs fill (Chinese text more
    than digits), sitting a little low; the padding off the ends that are the line's."""
    x0, y0, x1, y1 = box
    height = y1 - y0
    keep = KEEP_HEIGHT_CJK if any("\u4e00" <= ch <= "\u9fff" for ch in text) else KEEP_HEIGHT_LATIN
    top = y0 + height * ((1.0 - keep) / 2.0 + DROP)
    bottom = y0 + height * ((1.0 + keep) / 2.0 + DROP)
    trim = min(0.25 * (x1 - x0), TRIM_ENDS * height)
    return (x0 + trim if left else x0, top, x1 - trim if right else x1, bottom)


def _in_image(answered: RecognizedField, page: OcrPage) -> RecognizedField:
    """``answered`` with its box (rectified frame) turned into the image's pixels."""
    if answered.rect is None or not answered.value:
        return replace(answered, polygon=None, rect=None)
    r = answered.rect
    polygon = page.polygon_in_image((r.x, r.y, r.x + r.width, r.y + r.height))
    return replace(answered, polygon=polygon, rect=Rect.bounding(polygon))
