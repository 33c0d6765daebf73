"""From OCR lines to the fields of an invoice: form, labels, geometry, values.

Pure Python over plain :class:`OcrLine` tuples, so it is tested on recorded OCR
output without the model. Pages that are not one of the two forms raise
``RecognitionError`` ``Local.NotAnInvoice`` instead of a made-up answer.
"""

from __future__ import annotations

import itertools

from desktop_app.core.confidence import COMPUTED, field_confidences
from desktop_app.core.error_codes import service_error
from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognizedField, Rect
from desktop_app.core.schema import MOTOR_OPTIONAL_FIELDS, FieldSpec, FormType, fields_of
from desktop_app.recognition.local.alignment import PageAlignment, align
from desktop_app.recognition.local.anchors import LabelMatcher, PageText, edit_distance
from desktop_app.recognition.local.boxes import new_line, value_polygon
from desktop_app.recognition.local.consistency import TWINS, reconcile
from desktop_app.recognition.local.derived import derived_values
from desktop_app.recognition.local.fragments import Fragment
from desktop_app.recognition.local.labels import LABELS, TITLES
from desktop_app.recognition.local.normalize import normalize_field, value_span
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.placement import Apart, page_offset, place
from desktop_app.recognition.local.second_look import Reread, second_look
from desktop_app.recognition.local.templates import LABEL_POSITIONS, SLOTS

#: Fewest distinct labels a page without a readable title must show to count as a form.
MIN_LABELS = 8


def answer_fields(form: FormType) -> tuple[FieldSpec, ...]:
    """The fields answered for ``form``, in order (完税凭证号码 after 不含税价 on motor)."""
    fields = list(fields_of(form))
    if form is FormType.MOTOR:
        at = [f.name for f in fields].index("不含税价(小写)") + 1
        fields[at:at] = MOTOR_OPTIONAL_FIELDS
    return tuple(fields)


class InvoiceExtractor:
    """Reads the fields of either form from OCR lines; stateless after construction."""

    def __init__(self) -> None:
        self._matchers = {
            form: LabelMatcher({t for texts in LABELS[form].values() for t in texts})
            for form in FormType
        }

    def extract(
        self, lines: list[OcrLine], reread: Reread | None = None, apart: Apart | None = None
    ) -> tuple[RecognizedField, ...]:
        """Every field of the page's form in answer order; raises Local.NotAnInvoice.

        ``reread`` (regions of the page → text and score) lets missing or malformed
        codes, dates and amounts be read a second time; ``apart`` (whether a rule runs
        between two fragments) lets a text value wrapped in its cell keep its next line.
        """
        form, text = self.detect(lines)
        alignment = align(text.labels, LABELS[form], LABEL_POSITIONS[form])
        if alignment is None or len(alignment.anchors) < MIN_LABELS // 2:
            raise service_error("Local.NotAnInvoice", "too few form labels were read")
        return self._fields(form, text, alignment, reread, apart)

    def template_fit(self, lines: list[OcrLine]) -> tuple[int, int]:
        """How many label readings the page has and how many the template's geometry
        placed ((0, 0) when the page shows no form to the template)."""
        try:
            form, text = self.detect(lines)
        except RecognitionError:
            return 0, 0
        alignment = align(text.labels, LABELS[form], LABEL_POSITIONS[form])
        placed = len(alignment.anchors) if alignment is not None else 0
        return len(text.labels), placed

    def detect(self, lines: list[OcrLine]) -> tuple[FormType, PageText]:
        """The page's form (title first, else the labels), and its lines sorted for it."""
        texts = {form: self._matchers[form].split(lines) for form in FormType}
        for tolerance in (0, 1):
            for form in FormType:
                if _has_title(texts[form].folded, TITLES[form], tolerance):
                    return form, texts[form]
        counts = {form: len({h.text for h in texts[form].labels}) for form in FormType}
        best = max(counts, key=lambda f: counts[f])
        if counts[best] < MIN_LABELS:
            raise service_error(
                "Local.NotAnInvoice", "no invoice title and too few form labels were read"
            )
        return best, texts[best]

    def _fields(
        self,
        form: FormType,
        text: PageText,
        alignment: PageAlignment,
        reread: Reread | None,
        apart: Apart | None,
    ) -> tuple[RecognizedField, ...]:
        specs = {spec.name: spec for spec in answer_fields(form)}
        label_at = LABEL_POSITIONS[form]
        offset = page_offset(text.values, alignment, SLOTS[form], specs, label_at)
        placed = place(text.values, alignment, SLOTS[form], specs, label_at, apart, offset)
        placed = {name: _trimmed(specs[name], frags) for name, frags in placed.items()}
        read = {name: _join(frags) for name, frags in placed.items()}
        values = {name: normalize_field(name, specs[name].kind, raw) for name, raw in read.items()}
        if reread is not None:
            second_look(specs, SLOTS[form], label_at, alignment, placed, values, reread, offset)
        read = dict(values)
        values = reconcile(form, values)
        values.update(derived_values(form, values))
        answered = {spec.name: values.get(spec.name, "") for spec in answer_fields(form)}
        confidences = field_confidences(_scores(specs, placed, read, values), answered, form)
        out = []
        for spec in answer_fields(form):
            value = values.get(spec.name, "")
            frags = placed.get(spec.name) if spec.printed else None
            polygon = value_polygon(frags) if frags and value else None
            rect = Rect.bounding(polygon) if polygon else None
            confidence = confidences.get(spec.name)
            out.append(RecognizedField(spec.name, value, polygon, rect, confidence=confidence))
        return tuple(out)


def _scores(
    specs: dict[str, FieldSpec],
    placed: dict[str, list[Fragment]],
    read: dict[str, str],
    values: dict[str, str],
) -> dict[str, float | None]:
    """The recognizer's score of each printed field's value: its lowest fragment's score;
    a value taken from its twin's reading has the twin's, one computed has ``COMPUTED``;
    blank and derived fields have none."""
    scores: dict[str, float | None] = {}
    for name, spec in specs.items():
        if not spec.printed or not values.get(name):
            continue
        if values[name] == read.get(name) and placed.get(name):
            scores[name] = min(f.score for f in placed[name])
            continue
        twin = next((t for t in TWINS.get(name, ()) if values.get(t) == values[name]), None)
        twin_frags = placed.get(twin) if twin is not None else None
        scores[name] = min(f.score for f in twin_frags) if twin_frags else COMPUTED
    return scores


def _has_title(folded_lines: tuple[str, ...], title: str, tolerance: int) -> bool:
    """Whether a line holds ``title``, allowing ``tolerance`` misread characters."""
    for line in folded_lines:
        if title in line:
            return True
        close = tolerance and abs(len(line) - len(title)) <= tolerance
        if close and edit_distance(line, title) <= tolerance:
            return True
    return False


def _trimmed(spec: FieldSpec, fragments: list[Fragment]) -> list[Fragment]:
    """A lone fragment cut down to its value when noise ran into it (``¥145299.15服务有``)."""
    if len(fragments) != 1:
        return fragments
    span = value_span(spec.kind, fragments[0].text)
    if span is None or span == (0, len(fragments[0].text)):
        return fragments
    return [fragments[0].sub(*span)]


def _join(fragments: list[Fragment]) -> str:
    """The fragments' texts in reading order: a space where a gap or a wrap parts two
    words of Latin letters or digits (``1991CC`` / ``CLA 260``), none between characters."""
    parts = [fragments[0].text]
    for previous, current in itertools.pairwise(fragments):
        if new_line(previous, current):
            words = previous.text[-1:].isascii() and current.text[:1].isascii()
            space = words and previous.text[-1:].isalnum() and current.text[:1].isalnum()
        else:
            space = current.left_mid[0] - previous.right_mid[0] > 0.6 * previous.height
        parts.append((" " if space else "") + current.text)
    return "".join(parts)
