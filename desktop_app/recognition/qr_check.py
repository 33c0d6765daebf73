"""After any engine: read the page's invoice QR code and hold the answer against it.

``apply_qr(result, page)`` is the step the recognition dispatch runs after the
engine (cloud, local or the text reader). It finds the QR payload (the file's own
statement in ``page.text.extras["qr"]``, else decoded from the page image), keeps
it on the result (``RecognitionResult.qr``, so ``checks.validate(..., qr=...)``
compares number, code, date and amount with it on every edit) and then:

- on a page whose text was read from the file (PDF text layer, OFD, XML) the values
  are exact and stay as they are: a disagreement is an error-level check;
- on an OCR'd page (scan, photo) the QR settles misreads of those fields: the value
  is taken from the QR code, with a note on the field saying so and what OCR read.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from desktop_app.core.invoice_qr import AMOUNT_FIELDS, InvoiceQr, parse_invoice_qr
from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.core.text import LocalizedText
from desktop_app.core.values import parse_date, parse_money
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import ORIGIN_XML

#: Note on a field whose OCR reading the QR code replaced.
NOTE_FROM_QR = LocalizedText(
    "取自二维码（识别结果为“{v}”）。", "Taken from the QR code (OCR read “{v}”)."
)
#: Note on a field OCR left blank and the QR code filled.
NOTE_FILLED_FROM_QR = LocalizedText(
    "取自二维码（识别结果为空）。", "Taken from the QR code (OCR read nothing)."
)
#: An OCR'd amount this many character edits from the QR's is taken as its misreading;
#: further off, it is another total or a real difference and is left for the check.
MAX_AMOUNT_EDITS = 2

QrReader = Callable[[PageImage], tuple[str, ...]]


def _read_page_codes(page: PageImage) -> tuple[str, ...]:
    from desktop_app.documents.qr import read_qr_codes  # zxing-cpp loads on first use

    return read_qr_codes(page)


def page_qr(page: PageImage, read: QrReader = _read_page_codes) -> InvoiceQr | None:
    """The invoice QR payload of ``page``: the file's own statement, else the first decoded."""
    stated = page.text.extras.get("qr", "") if page.text is not None else ""
    if stated and (qr := parse_invoice_qr(stated)) is not None:
        return qr
    if page.text is not None and page.text.origin == ORIGIN_XML:
        return None  # the app drew that page from the XML: it has no QR code to decode
    for text in read(page):
        if (qr := parse_invoice_qr(text)) is not None:
            return qr
    return None


def apply_qr(
    result: RecognitionResult,
    page: PageImage,
    *,
    exact: bool | None = None,
    read: QrReader = _read_page_codes,
) -> RecognitionResult:
    """``result`` with the page's QR payload kept and, when OCR'd, its misreads settled.

    ``exact`` says the values were read from the file's text, not recognized
    (default: the page carries exact text; the dispatch says so explicitly, since
    ``--ocr`` recognizes such pages too). ``read`` decodes the QR codes of a page
    image (zxing-cpp by default).
    """
    qr = page_qr(page, read)
    if qr is None:
        return result
    result = replace(result, qr=qr.raw)
    if exact is None:
        exact = page.text is not None and page.text.exact
    return result if exact else settle_from_qr(result, qr)


def settle_from_qr(result: RecognitionResult, qr: InvoiceQr) -> RecognitionResult:
    """OCR readings of number, code, date and amount replaced by the QR's where they differ.

    Only fields the answer has are touched. 发票号码/开票日期 (and 发票代码 when the QR
    states one) are set when blank, unreadable or different; the 机打 twins when
    they hold a different value (blank twins are right on e-invoices). The amount
    replaces the total closest to it, within ``MAX_AMOUNT_EDITS`` character edits,
    unless some total already equals it.
    """
    wanted: dict[str, str] = {"发票号码": qr.number, "机打号码": qr.number}
    if qr.code:
        wanted |= {"发票代码": qr.code, "机打代码": qr.code}
    day = _date_or_none(result.value("开票日期"))
    if day != qr.date:
        wanted["开票日期"] = qr.date.isoformat()
    amount_field = _misread_amount(result, qr)
    if amount_field is not None:
        wanted[amount_field] = qr.amount_text
    fields = tuple(_settled(f, wanted) for f in result.fields)
    return replace(result, fields=fields)


def _settled(field: RecognizedField, wanted: dict[str, str]) -> RecognizedField:
    target = wanted.get(field.name)
    old = field.value.strip()
    if target is None or old == target or (not old and field.name.startswith("机打")):
        return field
    note = NOTE_FROM_QR.format(v=old) if old else NOTE_FILLED_FROM_QR
    return replace(field, value=target, note=note)


def _misread_amount(result: RecognitionResult, qr: InvoiceQr) -> str | None:
    """The total OCR most likely misread from the QR's amount, or None."""
    texts = {n: result.value(n).strip() for n in AMOUNT_FIELDS if result.get(n) is not None}
    if any(_money_or_none(t) == qr.amount for t in texts.values()):
        return None
    target = _digits(qr.amount_text)
    scored = [(_edits(_digits(t), target), n) for n, t in texts.items() if t]
    scored.sort()
    if not scored or scored[0][0] > MAX_AMOUNT_EDITS:
        return None
    tied = len(scored) > 1 and scored[1][0] == scored[0][0]
    return None if tied else scored[0][1]  # a tie is no evidence


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch not in "¥￥, ")


def _edits(a: str, b: str) -> int:
    """Levenshtein distance between two short strings."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _date_or_none(text: str) -> datetime.date | None:
    try:
        return parse_date(text) if text.strip() else None
    except ValueError:
        return None


def _money_or_none(text: str) -> Decimal | None:
    try:
        return parse_money(text) if text else None
    except ValueError:
        return None
