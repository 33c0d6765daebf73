"""Qt-free data model of a recognition answer.

Geometry is plain tuples in page pixels (architecture.md). A polygon is the four
corners ``(left_top, right_top, right_bottom, left_bottom)`` in the *original*
image; a rect is ``(x, y, width, height)`` in the service's rotation-corrected
image. Either may be None: "no location on the page".
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from desktop_app.core.schema import FormType, detect_form
from desktop_app.core.text import LocalizedText

#: Below this confidence a value is listed first for review and marked in the window.
LOW_CONFIDENCE = 0.9

Point = tuple[float, float]
Polygon = tuple[Point, Point, Point, Point]


@dataclass(frozen=True)
class Rect:
    """Axis-aligned box in pixels."""

    x: float
    y: float
    width: float
    height: float

    @classmethod
    def bounding(cls, polygon: Polygon) -> Rect:
        """The smallest rect holding every corner of ``polygon``."""
        xs = [p[0] for p in polygon]
        ys = [p[1] for p in polygon]
        return cls(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def scaled(self, factor: float) -> Rect:
        return Rect(self.x * factor, self.y * factor, self.width * factor, self.height * factor)

    @property
    def area(self) -> float:
        return max(self.width, 0.0) * max(self.height, 0.0)

    def iou(self, other: Rect) -> float:
        """Intersection over union with ``other`` (0 when either is empty)."""
        ix = max(0.0, min(self.x + self.width, other.x + other.width) - max(self.x, other.x))
        iy = max(0.0, min(self.y + self.height, other.y + other.height) - max(self.y, other.y))
        inter = ix * iy
        union = self.area + other.area - inter
        return inter / union if union > 0 else 0.0


def scale_polygon(polygon: Polygon, factor: float) -> Polygon:
    """``polygon`` with every coordinate multiplied by ``factor``."""
    return tuple((x * factor, y * factor) for x, y in polygon)  # type: ignore[return-value]


@dataclass(frozen=True)
class RecognizedField:
    """One named value of an invoice and where it stands on the page.

    ``note`` tells the clerk something about how the value was obtained (e.g. taken
    from the QR code instead of the OCR reading). ``confidence`` (0-1, None when the
    engine gives none) says how far the value can be trusted: the OCR's score of the
    reading, lowered by failed checks and 0 for a field that should be printed but was
    not read (``core.confidence``); below ``LOW_CONFIDENCE`` the window lists the field
    first for review. Both belong to the app, not to the CarInvoiceOCR answer shape:
    ``codec.result_to_response`` leaves them out, and the store keeps them beside the
    answer (``codec.result_to_record``).
    """

    name: str
    value: str
    polygon: Polygon | None = None
    rect: Rect | None = None
    note: LocalizedText | None = None
    confidence: float | None = None

    @property
    def doubtful(self) -> bool:
        """True when the engine's confidence in this value is below ``LOW_CONFIDENCE``."""
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE

    @property
    def located(self) -> bool:
        return self.polygon is not None

    def scaled(self, factor: float) -> RecognizedField:
        """The same field with its geometry multiplied by ``factor``."""
        if math.isclose(factor, 1.0):
            return self
        return replace(
            self,
            polygon=scale_polygon(self.polygon, factor) if self.polygon else None,
            rect=self.rect.scaled(factor) if self.rect else None,
        )


@dataclass(frozen=True)
class RecognitionResult:
    """What an engine read from one page.

    ``engine`` is ``"cloud"`` or ``"local"``; ``duration_s`` the wall time of the
    recognition (None when unknown, e.g. a result read back from a file). ``qr`` is
    the payload of the invoice's QR code found on the page ("" when none was read):
    ``checks.validate(..., qr=result.qr)`` compares the fields with it. Like the
    fields' notes it is the app's own, outside the answer shape.
    """

    fields: tuple[RecognizedField, ...]
    request_id: str = ""
    engine: str = ""
    duration_s: float | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    qr: str = ""
    #: The form's generation told from its printed labels (``core.generations``:
    #: ``motor-2014`` … ``einvoice``; "" when not told, e.g. by the cloud or the template
    #: path). The app's own, outside the answer shape, for checks by generation.
    generation: str = ""

    def __iter__(self) -> Iterator[RecognizedField]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

    def get(self, name: str) -> RecognizedField | None:
        """The first field called ``name`` (documented spelling), or None."""
        for f in self.fields:
            if f.name == name:
                return f
        return None

    def value(self, name: str, default: str = "") -> str:
        """The value of ``name``, or ``default`` when the field is absent."""
        found = self.get(name)
        return found.value if found is not None else default

    def values(self) -> dict[str, str]:
        """Field name → value (first occurrence wins)."""
        out: dict[str, str] = {}
        for f in self.fields:
            out.setdefault(f.name, f.value)
        return out

    @property
    def form_type(self) -> FormType | None:
        """The form these fields belong to, from 发票类型 or else from the field names."""
        return detect_form([f.name for f in self.fields], self.value("发票类型"))

    def scaled(self, factor: float) -> RecognitionResult:
        """The same result with every field's geometry multiplied by ``factor``."""
        return replace(self, fields=tuple(f.scaled(factor) for f in self.fields))

    def notes(self) -> dict[str, LocalizedText]:
        """Field name → note, for the fields that carry one."""
        return {f.name: f.note for f in self.fields if f.note is not None}

    def confidences(self) -> dict[str, float]:
        """Field name → confidence, for the fields that carry one."""
        return {f.name: f.confidence for f in self.fields if f.confidence is not None}

    def with_confidences(self, confidences: dict[str, float | None]) -> RecognitionResult:
        """A copy where each field named in ``confidences`` carries that confidence."""
        return replace(
            self,
            fields=tuple(
                replace(f, confidence=confidences[f.name]) if f.name in confidences else f
                for f in self.fields
            ),
        )

    def with_value(self, name: str, value: str) -> RecognitionResult:
        """A copy where every field called ``name`` holds ``value``."""
        return replace(
            self,
            fields=tuple(replace(f, value=value) if f.name == name else f for f in self.fields),
        )
