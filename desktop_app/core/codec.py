"""Reading and writing the CarInvoiceOCR answer shape.

``{"Response": {"CarInvoiceInfos": [{Name, Value, Rect, Polygon}], "RequestId": "..."}}``

The service marks a field with no place on the page by ``Rect`` 0,0,0,0 and every
``Polygon`` point at ``(-2, 0)``; here that is ``None``, and it is written back the
same way, so a document read and written again is equal to the original.

What the app knows beyond that shape (the page's QR payload, notes on fields) goes
in a ``"CarInvoiceDesk"`` block beside ``"Response"`` (``QrCode``, ``Notes``,
``Confidence``: name → 0-1) in the
record the store keeps (``result_to_record``), as the JSON export puts its own block
there; ``result_to_response`` (exports, the CLI) never writes them, and
``parse_response`` reads them back when present.

Reading is as lenient as the service's own SDK where the answer is still plainly
an answer: ``CarInvoiceInfos: null`` is an answer without fields, and a ``Rect``
or ``Polygon`` with a missing corner or a ``null`` coordinate leaves its field
without location (written back by the no-location convention, in the service's
exact shape). Wrong types (text for a coordinate, a field without a name) and
non-finite numbers are still a malformed answer.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from desktop_app.core.error_codes import malformed_response, service_error
from desktop_app.core.model import Polygon, RecognitionResult, RecognizedField, Rect
from desktop_app.core.schema import canonical_name
from desktop_app.core.text import LocalizedText

CORNERS = ("LeftTop", "RightTop", "RightBottom", "LeftBottom")
#: The record's key for what the app adds to the answer (not part of the service's shape).
APP_KEY = "CarInvoiceDesk"
NO_LOCATION_POINT = (-2, 0)


def loads_response(data: str | bytes, *, engine: str = "") -> RecognitionResult:
    """Parse answer text; malformed JSON raises ``RecognitionError`` (Response.Malformed)."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise malformed_response(f"not JSON ({exc.__class__.__name__})") from None
    return parse_response(document, engine=engine)


def parse_response(document: Any, *, engine: str = "") -> RecognitionResult:
    """Turn a decoded answer into a result, or raise the ``RecognitionError`` it reports."""
    if not isinstance(document, Mapping) or not isinstance(document.get("Response"), Mapping):
        raise malformed_response('no "Response" object')
    response = document["Response"]
    request_id = response.get("RequestId")
    request_id = request_id if isinstance(request_id, str) else ""
    error = response.get("Error")
    if error is not None:
        if not isinstance(error, Mapping) or not isinstance(error.get("Code"), str):
            raise malformed_response('"Error" without a "Code"', request_id)
        message = error.get("Message")
        raise service_error(error["Code"], message if isinstance(message, str) else "", request_id)
    if "CarInvoiceInfos" in response and response["CarInvoiceInfos"] is None:
        infos: Any = []  # the SDK reads null as no fields
    else:
        infos = response.get("CarInvoiceInfos")
    if not isinstance(infos, list):
        raise malformed_response('no "CarInvoiceInfos" list', request_id)
    try:
        fields = tuple(_parse_info(info) for info in infos)
    except (TypeError, ValueError, KeyError) as exc:
        raise malformed_response(f"bad CarInvoiceInfo ({exc})", request_id) from None
    result = RecognitionResult(fields=fields, request_id=request_id, engine=engine)
    return _with_app_extras(result, document.get(APP_KEY), request_id)


def _with_app_extras(result: RecognitionResult, extras: Any, request_id: str) -> RecognitionResult:
    """``result`` with the QR payload and field notes of a record's ``APP_KEY`` object."""
    if extras is None:
        return result
    try:
        qr = extras.get("QrCode", "")
        notes = {
            name: LocalizedText(note["zh"], note["en"])
            for name, note in extras.get("Notes", {}).items()
        }
        if not isinstance(qr, str) or not all(
            isinstance(t, str) for n in notes.values() for t in (n.zh, n.en)
        ):
            raise TypeError("qr and notes are text")
        confidences = {name: _confidence(c) for name, c in extras.get("Confidence", {}).items()}
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise malformed_response(f"bad {APP_KEY} object ({exc})", request_id) from None
    fields = tuple(replace(f, note=notes[f.name]) if f.name in notes else f for f in result.fields)
    return replace(result, fields=fields, qr=qr).with_confidences(dict(confidences))


def _confidence(value: Any) -> float:
    """A stored confidence: a number from 0 to 1."""
    number = _number(value)
    if number is None or not 0.0 <= number <= 1.0:
        raise ValueError(f"confidence {value!r} is not a number from 0 to 1")
    return float(number)


def _parse_info(info: Any) -> RecognizedField:
    if not isinstance(info, Mapping) or not isinstance(info.get("Name"), str):
        raise ValueError("item without a Name")
    value = info.get("Value")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValueError(f"Value of {info['Name']} is not text")
    return RecognizedField(
        name=canonical_name(info["Name"]),
        value=value,
        polygon=_parse_polygon(info.get("Polygon")),
        rect=_parse_rect(info.get("Rect")),
    )


def _number(value: Any) -> float | int | None:
    """A coordinate; ``None`` when the answer gives ``null`` or leaves it out."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"coordinate {value!r} is not a number")
    if not math.isfinite(value):  # json.loads accepts NaN and Infinity
        raise ValueError(f"coordinate {value!r} is not finite")
    return value


def _parse_rect(rect: Any) -> Rect | None:
    if rect is None:
        return None
    if not isinstance(rect, Mapping):
        raise ValueError("Rect is not an object")
    numbers = [_number(rect.get(k)) for k in ("X", "Y", "Width", "Height")]
    if any(n is None for n in numbers):
        return None  # a rectangle with a side missing locates nothing
    parsed = Rect(*numbers)  # type: ignore[arg-type]
    if parsed.x == parsed.y == parsed.width == parsed.height == 0:
        return None
    return parsed


def _parse_polygon(polygon: Any) -> Polygon | None:
    if polygon is None:
        return None
    if not isinstance(polygon, Mapping):
        raise ValueError("Polygon is not an object")
    points = []
    located = True
    for corner in CORNERS:
        point = polygon.get(corner)
        if point is None:  # a missing corner: the field has no usable location
            located = False
            continue
        if not isinstance(point, Mapping):
            raise ValueError(f"Polygon corner {corner} is not an object")
        x, y = _number(point.get("X")), _number(point.get("Y"))
        located = located and x is not None and y is not None
        points.append((x, y))
    if not located:
        return None
    if all(p == NO_LOCATION_POINT for p in points) or all(p == (0, 0) for p in points):
        return None
    return tuple(points)  # type: ignore[return-value]


def _int(value: float) -> int:
    return round(value)


def field_to_info(field: RecognizedField) -> dict[str, Any]:
    """One ``CarInvoiceInfo`` object; coordinates rounded to whole pixels."""
    rect = field.rect
    rect_json = (
        {
            "X": _int(rect.x),
            "Y": _int(rect.y),
            "Width": _int(rect.width),
            "Height": _int(rect.height),
        }
        if rect is not None
        else {"X": 0, "Y": 0, "Width": 0, "Height": 0}
    )
    points = field.polygon if field.polygon is not None else (NO_LOCATION_POINT,) * 4
    polygon_json = {
        corner: {"X": _int(x), "Y": _int(y)} for corner, (x, y) in zip(CORNERS, points, strict=True)
    }
    return {"Name": field.name, "Value": field.value, "Rect": rect_json, "Polygon": polygon_json}


def result_to_response(result: RecognitionResult) -> dict[str, Any]:
    """The answer document of ``result``, in the service's exact shape."""
    return {
        "Response": {
            "CarInvoiceInfos": [field_to_info(f) for f in result.fields],
            "RequestId": result.request_id,
        }
    }


def result_to_record(result: RecognitionResult) -> dict[str, Any]:
    """``result_to_response`` plus the app's own ``APP_KEY`` object when there is one.

    This is what the store keeps; ``parse_response`` reads it back into an equal result.
    """
    document = result_to_response(result)
    extras: dict[str, Any] = {}
    if result.qr:
        extras["QrCode"] = result.qr
    notes = result.notes()
    if notes:
        extras["Notes"] = {name: {"zh": n.zh, "en": n.en} for name, n in notes.items()}
    confidences = result.confidences()
    if confidences:
        extras["Confidence"] = {name: round(c, 3) for name, c in confidences.items()}
    if extras:
        document[APP_KEY] = extras
    return document


def dumps_response(result: RecognitionResult, *, indent: int | None = 1) -> str:
    """``result_to_response`` as JSON text with Chinese left readable (UTF-8, not ``\\u`` escapes)."""
    return json.dumps(result_to_response(result), ensure_ascii=False, indent=indent)
