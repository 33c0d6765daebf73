"""How far each recognized value can be trusted: the OCR's score, then the checks.

An engine knows how sure its recognizer was of each reading (a score in 0-1); the
checks know what the form's own redundancy says. A field's confidence is its
reading's score, capped when a check fails on it (an error says the value is
surely wrong, a warning that it is suspicious) and 0 when the field is printed on
every such invoice but was not read. Values the engine computed rather than read
(a missing amount from the other two) carry ``COMPUTED``: right by arithmetic, but
no one has seen them printed.

The confidence is the app's own (``RecognizedField.confidence``), never part of the
CarInvoiceOCR answer; the window lists doubtful fields first and marks them.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from desktop_app.core.checks import Level, validate
from desktop_app.core.schema import FormType

#: Caps for a value a failed check names, by the check's level.
ERROR_CAP, WARNING_CAP = 0.3, 0.6
#: A value the engine computed from others (not read).
COMPUTED = 0.7
#: A field every such invoice prints, left blank: not read at all.
NOT_READ = 0.0


def field_confidences(
    scores: Mapping[str, float | None],
    values: Mapping[str, str],
    form: FormType | None = None,
    *,
    qr: str = "",
    today: datetime.date | None = None,
) -> dict[str, float | None]:
    """Each field's confidence: ``scores`` (the reading's score, None when there is no
    reading to judge) capped by the checks ``values`` fail. Rounded to 3 places."""
    out = dict(scores)
    for result in validate(values, form, qr=qr, today=today):
        cap = (
            NOT_READ
            if result.check_id == "printed_missing"
            else (ERROR_CAP if result.level is Level.ERROR else WARNING_CAP)
        )
        for name in result.fields:
            current = out.get(name)
            out[name] = cap if current is None else min(current, cap)
    return {name: None if c is None else round(c, 3) for name, c in out.items()}
