"""Truth answers in the exact CarInvoiceOCR response shape, and the folder's manifest.

Boxes are in pixels of the page rendered at 150 dpi (for a scan: of the JPEG, through
the scan's transform). Every field of the form is present in schema order; a blank field
and the fields with no place on the page (省, 市, 发票消费类型, 发票类型) carry Rect 0 and
Polygon points (-2, 0), exactly as the service answers (../shared/datasets/README.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from desktop_app.core.schema import FormType, fields_of
from desktop_app.tools.einvoice_samples.layout_model import Layout
from desktop_app.tools.einvoice_samples.values import MOTOR, Invoice

DPI = 150.0
PX_PER_MM = DPI / 25.4
Point = tuple[float, float]
Transform = Callable[[float, float], Point]
_NOWHERE = {"X": -2, "Y": 0}
#: Names printed in another field's cell: the one buyer ID cell of the motor form holds
#: 购买方纳税人识别号 too when that ID is a unified social credit code.
SHARED_CELLS = {"购买方纳税人识别号": "身份证号码/组织机构代码"}


def field_names(form: str) -> list[str]:
    """The Names of a truth answer in order (the motor form also 完税凭证号码, as dev/ does)."""
    names = [spec.name for spec in fields_of(FormType.MOTOR if form == MOTOR else FormType.USED)]
    if form == MOTOR:
        names.insert(names.index("不含税价(小写)") + 1, "完税凭证号码")
    return names


def _identity(x: float, y: float) -> Point:
    return x, y


def _located(name: str, value: str, corners: list[Point]) -> dict[str, Any]:
    xs, ys = [round(p[0]) for p in corners], [round(p[1]) for p in corners]
    rect = {"X": min(xs), "Y": min(ys), "Width": max(xs) - min(xs), "Height": max(ys) - min(ys)}
    keys = ("LeftTop", "RightTop", "RightBottom", "LeftBottom")
    polygon = {k: {"X": x, "Y": y} for k, x, y in zip(keys, xs, ys, strict=True)}
    return {"Name": name, "Value": value, "Rect": rect, "Polygon": polygon}


def _nowhere(name: str, value: str) -> dict[str, Any]:
    rect = {"X": 0, "Y": 0, "Width": 0, "Height": 0}
    keys = ("LeftTop", "RightTop", "RightBottom", "LeftBottom")
    return {
        "Name": name,
        "Value": value,
        "Rect": rect,
        "Polygon": {k: dict(_NOWHERE) for k in keys},
    }


class Placed(Protocol):
    """What a truth answer is made from: the invoice and each field's box (mm)."""

    @property
    def invoice(self) -> Invoice: ...

    def field_boxes(self) -> dict[str, tuple[float, float, float, float]]: ...


def truth_response(
    sheet: Placed,
    request_id: str,
    transform: Transform = _identity,
    shared: Mapping[str, str] = SHARED_CELLS,
) -> dict[str, Any]:
    """The truth of ``sheet``; ``transform`` maps 150-dpi page pixels to the image's pixels.

    ``shared``: Names whose value is printed in another Name's cell (a paper form with a
    buyer 纳税人识别号 cell of its own passes none). The paper-form generator hands its
    own placed page (anything with ``invoice`` and ``field_boxes()`` in mm).
    """
    boxes = sheet.field_boxes()
    infos = []
    for name in field_names(sheet.invoice.form):
        value = sheet.invoice.truth.get(name, "")
        box = boxes.get(name) or boxes.get(shared.get(name, name))
        if not value or box is None:
            infos.append(_nowhere(name, value))
            continue
        x0, y0, x1, y1 = (v * PX_PER_MM for v in box)
        corners = [transform(x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
        infos.append(_located(name, value, corners))
    return {"Response": {"CarInvoiceInfos": infos, "RequestId": request_id}}


def manifest_entry(
    file: str,
    truth: str,
    form: str,
    mode: str,
    size: tuple[int, int],
    layout: Layout,
    fmt: str,
    coordinates: str,
) -> dict[str, Any]:
    """One manifest.json entry: dev/manifest.json's keys plus layout, holdout and format."""
    return {
        "file": file,
        "truth": truth,
        "kind": form,
        "mode": mode,
        "size": list(size),
        "coordinates": coordinates,
        "layout": layout.name,
        "holdout": layout.holdout,
        "format": fmt,
    }
