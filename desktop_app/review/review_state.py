"""The review of one recognized page, without Qt: values, recognized values, confirmations, checks.

Qt widgets are thin adapters around this model (napari style): they write to it and
redraw from its ``changed`` callbacks. It could move to ``core`` unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from desktop_app.core.checks import CheckResult, Level, is_einvoice, validate
from desktop_app.core.model import LOW_CONFIDENCE, Polygon, RecognitionResult
from desktop_app.core.schema import FieldSpec, FormType, Group, ValueKind, field_spec, fields_of
from desktop_app.core.text import LocalizedText

#: Fields only paper forms print; a 数电 e-invoice has none of them.
_PAPER_ONLY = frozenset({"发票代码", "机打代码", "机打号码", "机器编号"})


class FieldState(str, Enum):
    """What a field's box and row show, most urgent first in ``FieldReview.state``."""

    RECOGNIZED = "recognized"
    EDITED = "edited"
    CONFIRMED = "confirmed"
    WARNING = "warning"
    ERROR = "error"


#: ``core.checks.validate`` or a stand-in: (values, form) → failed checks.
Validator = Callable[[Mapping[str, str], "FormType | None"], Sequence[CheckResult]]


def default_validator(values: Mapping[str, str], form: FormType | None = None) -> list[CheckResult]:
    """The checks of field-schema.md (``core.checks.validate``)."""
    return validate(values, form)


def _checks_with_qr(qr: str) -> Validator:
    """``default_validator`` holding the fields against the page's QR payload (when it has one)."""
    if not qr:
        return default_validator

    def checks(values: Mapping[str, str], form: FormType | None = None) -> list[CheckResult]:
        return validate(values, form, qr=qr)

    return checks


@dataclass
class FieldReview:
    """One field under review: its spec, what the engine read, what the clerk holds now."""

    spec: FieldSpec
    recognized: str
    value: str
    polygon: Polygon | None = None
    confirmed: bool = False
    checks: list[CheckResult] = field(default_factory=list)
    #: The engine's confidence in the recognized value (None: the engine gave none).
    confidence: float | None = None
    #: How the engine obtained the value (e.g. taken from the QR code), when it says.
    note: LocalizedText | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def doubtful(self) -> bool:
        """The engine doubts its reading (low confidence) and the clerk has not changed it:
        reviewed first and marked."""
        low = self.confidence is not None and self.confidence < LOW_CONFIDENCE
        return low and not self.edited

    @property
    def edited(self) -> bool:
        return self.value != self.recognized

    @property
    def worst_level(self) -> str:
        """``"error"``, ``"warning"`` or ``""`` over the checks naming this field."""
        levels = {c.level for c in self.checks}
        if Level.ERROR in levels:
            return "error"
        return "warning" if Level.WARNING in levels else ""

    @property
    def state(self) -> FieldState:
        """Error beats a confirmation (it is surely wrong); a confirmation acknowledges a warning."""
        worst = self.worst_level
        if worst == "error":
            return FieldState.ERROR
        if self.confirmed:
            return FieldState.CONFIRMED
        if worst == "warning":
            return FieldState.WARNING
        return FieldState.EDITED if self.edited else FieldState.RECOGNIZED


class FieldRecorder(Protocol):
    """Where a review writes each change of the clerk the moment it happens (the store)."""

    def value_set(self, name: str, value: str) -> None: ...

    def confirmation_set(self, name: str, confirmed: bool) -> None: ...


class ReviewState:
    """Every field of the detected form, in schema order, with its review state.

    ``changed`` callbacks receive the set of field names whose display may differ.
    ``recorder`` (when set) is told of every value and confirmation change, undo included.
    """

    def __init__(self, result: RecognitionResult, validator: Validator | None = None) -> None:
        self.result = result
        self.form: FormType = result.form_type or FormType.MOTOR
        self._validator = validator or _checks_with_qr(result.qr)
        self._fields: dict[str, FieldReview] = {}
        for spec in fields_of(self.form):
            self._fields[spec.name] = FieldReview(spec, "", "")
        seen: set[str] = set()
        for found in result.fields:
            spec = field_spec(self.form, found.name) or FieldSpec(
                found.name, Group.OTHER, ValueKind.TEXT, found.name
            )
            if spec.name in seen:
                continue  # the first occurrence wins, as in RecognitionResult.values()
            seen.add(spec.name)
            self._fields[spec.name] = FieldReview(
                spec,
                found.value,
                found.value,
                found.polygon,
                confidence=found.confidence,
                note=found.note,
            )
        self.approved = False
        self.changed: list[Callable[[set[str]], None]] = []
        self.recorder: FieldRecorder | None = None
        self._run_checks()

    def restore(self, saved: Mapping[str, tuple[str, bool]]) -> None:
        """Put back what the clerk held (name → (value, confirmed)) without recording it.

        Names outside the form (a field the clerk added by hand elsewhere) are ignored.
        """
        for name, (value, confirmed) in saved.items():
            if name in self._fields:
                self._fields[name].value = value
                self._fields[name].confirmed = confirmed
        self._run_checks()

    def names(self) -> list[str]:
        """Field names in display order: the form's groups, schema order within each."""
        order = list(Group)
        return sorted(self._fields, key=lambda n: order.index(self._fields[n].spec.group))

    def field(self, name: str) -> FieldReview:
        return self._fields[name]

    def values(self) -> dict[str, str]:
        """Field name → the value the clerk holds now."""
        return {name: f.value for name, f in self._fields.items()}

    def set_value(self, name: str, value: str) -> None:
        """Change a value and re-run the checks (a fix in one field may clear another's error)."""
        if self._fields[name].value == value:
            return
        self._fields[name].value = value
        self.approved = False  # an approval covers the values approved (the store agrees)
        if self.recorder is not None:
            self.recorder.value_set(name, value)
        self._notify({name} | self._run_checks())

    def set_confirmed(self, name: str, confirmed: bool = True) -> None:
        if self._fields[name].confirmed != confirmed:
            self._fields[name].confirmed = confirmed
            if self.recorder is not None:
                self.recorder.confirmation_set(name, confirmed)
            self._notify({name})

    def needs_review(self, name: str) -> bool:
        """A field still needs the clerk: not confirmed, or failing a check with an error."""
        review = self._fields[name]
        if review.worst_level == "error":
            return True
        return not review.confirmed and self.needs_confirmation(name)

    def needs_confirmation(self, name: str) -> bool:
        """False for a field the form does not have: the paper-only codes of a 数电
        e-invoice (发票代码, 机打代码, 机打号码, 机器编号) left blank are right as they are."""
        if name in _PAPER_ONLY and not self._fields[name].value.strip():
            return not is_einvoice(self.values())
        return True

    def review_order(self) -> list[str]:
        """The order the clerk is led through: fields the engine doubts first, then the
        rest, each part in display order."""
        names = self.names()
        return [n for n in names if self._fields[n].doubtful] + [
            n for n in names if not self._fields[n].doubtful
        ]

    def next_needing_review(self, after: str | None) -> str | None:
        """The next field after ``after`` in review order (wrapping round) that needs
        review, or None."""
        names = self.review_order()
        start = names.index(after) + 1 if after in names else 0
        for name in names[start:] + names[:start]:
            if name != after and self.needs_review(name):
                return name
        return None

    def counts(self) -> dict[FieldState, int]:
        """How many fields are in each state (for the status bar)."""
        out = dict.fromkeys(FieldState, 0)
        for review in self._fields.values():
            out[review.state] += 1
        return out

    def _run_checks(self) -> set[str]:
        """Re-validate; returns the names whose check results changed."""
        before = {n: [c.check_id for c in f.checks] for n, f in self._fields.items()}
        for review in self._fields.values():
            review.checks = []
        for check in self._validator(self.values(), self.form):
            for name in check.fields:
                if name in self._fields:
                    self._fields[name].checks.append(check)
        return {n for n, f in self._fields.items() if [c.check_id for c in f.checks] != before[n]}

    def _notify(self, names: set[str]) -> None:
        for callback in list(self.changed):
            callback(names)
