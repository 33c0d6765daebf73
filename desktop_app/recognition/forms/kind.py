"""Which invoice a page is, from its printed title; other invoices refused by name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop_app.core.error_codes import kind_of, service_error
from desktop_app.core.errors import RecognitionError
from desktop_app.core.schema import FormType
from desktop_app.core.text import LocalizedText as T

NOT_A_VEHICLE_INVOICE = "Text.NotAVehicleInvoice"
NOT_AN_INVOICE = "Text.NotAnInvoice"

#: 电子发票（普通发票）, 电子发票（增值税专用发票）, 电子发票（铁路电子客票） …
_E_TITLE = re.compile(r"电子发票\s*[（(]\s*([^）)\s]{2,20})\s*[）)]")
#: Paper and older electronic titles of other invoices.
_OTHER_TITLE = re.compile(
    r"((?:增值税)?(?:电子)?(?:专用|普通)发票|增值税电子普通发票|通用机打发票|[\u4e00-\u9fff]{0,8}(?:客票|行程单))"
)


@dataclass(frozen=True)
class InvoiceKind:
    """The form of a page and how its title is printed.

    ``title`` is the printed title with full-width brackets (``电子发票（机动车销售统一发票）``
    or ``机动车销售统一发票``); ``electronic`` is True for a 数电 e-invoice.
    """

    form: FormType
    title: str
    electronic: bool


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def detect_kind(text: str) -> InvoiceKind:
    """The vehicle invoice ``text`` is the page of; raises ``RecognitionError`` otherwise."""
    flat = _squeezed(text)
    for form in (FormType.MOTOR, FormType.USED):
        if form.value in flat:
            electronic = f"电子发票({form.value})" in flat or "电子发票" in flat
            title = f"电子发票（{form.value}）" if electronic else form.value
            return InvoiceKind(form, title, electronic)
    match = _E_TITLE.search(unicodedata.normalize("NFKC", text)) or _OTHER_TITLE.search(flat)
    if match is not None:
        raise not_a_vehicle_invoice(_printed_title(match))
    raise service_error(NOT_AN_INVOICE, "no invoice title on the page")


def _printed_title(match: re.Match[str]) -> str:
    whole = match.group(0)
    if whole.startswith("电子发票"):
        return f"电子发票（{match.group(1)}）"
    return whole


def not_a_vehicle_invoice(title: str) -> RecognitionError:
    """The error for an invoice of another kind, naming what it is."""
    kind = kind_of(NOT_A_VEHICLE_INVOICE)
    return RecognitionError(
        NOT_A_VEHICLE_INVOICE,
        f"invoice of another kind: {title}",
        summary=T(
            f"这是一张{title}，不是机动车或二手车销售统一发票。",
            f"This is a {title} invoice, not a motor-vehicle or used-car sales invoice.",
        ),
        advice=kind.advice,
    )
