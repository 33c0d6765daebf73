"""The QR code printed on Chinese invoices: its payload, and how it compares with the fields.

The payload is comma-separated text::

    01,<type>,<发票代码>,<发票号码>,<amount>,<YYYYMMDD>,<校验码>,<tail>

Evidence for the layout (public sources, read 2026-12):

- A genuine 数电 e-invoice, the OFD in ``ofdrw/ofdrw`` at
  ``ofdrw-converter/src/test/resources/20240531141733.ofd`` (our
  ``shared/datasets/einvoice-real``): its QR image ``Doc_0/Res/image_6920.png``,
  decoded with zxing-cpp, reads ``01,31,,24112000000048542163,4449.00,20240528,,B2B6``
  — type ``31`` (the page's title is 电子发票（增值税专用发票）), no 发票代码, the
  20-digit number, **4449.00 = 价税合计** (the net 合计 is 4197.17, the tax 251.83),
  the date, no 校验码, a 4-character tail.
- A vendor's API page, https://doc-banas.ccitcn.com/api-206369337, shows a 数电 answer with
  ``qrCode`` ``01,31,,21317*********00001,164.00,20211201,,A84F,`` beside ``sumAmount``
  164.0 (价税合计) and ``amount`` 154.71 (net): again the 价税合计.
- A public Python invoice tool (code search, "invoice_total.py") parses the same
  fields and notes that for types 31/32 (数电专票/普票) the amount is 价税合计.
- Paper and older electronic VAT invoices: a public front-end (code search) documents
  ``01,10,<12-digit code>,<8-digit number>,<amount>,<YYYYMMDD>,<20-digit 校验码>,<tail>``;
  for those the amount is the net 金额 (不含税), as the tax authority's verification
  form asks for it.
- Type codes seen in public code for the vehicle forms: ``03`` 机动车销售统一发票,
  ``15`` 二手车销售统一发票 (paper); for the 数电 vehicle forms several tables list
  ``83``/``84`` as 票种 codes of the platform, but no public QR payload of a 数电
  vehicle invoice was found. So the type is kept but never relied on: the amount is
  compared with **whichever total it equals** (价税合计(小写), 不含税价(小写) or
  车价合计(小写)); it is a mismatch only when it equals none of the filled ones.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from desktop_app.core.values import format_money, parse_date, parse_money

#: The Names a QR amount may equal, in the order they are tried.
AMOUNT_FIELDS = ("价税合计(小写)", "不含税价(小写)", "车价合计(小写)")
_VERSION = "01"
_NUMBER = re.compile(r"[0-9]{8}|[0-9]{20}")
_CODE = re.compile(r"[0-9]{10}|[0-9]{12}")
_AMOUNT = re.compile(r"-?[0-9]+(?:\.[0-9]{1,2})?")
_DATE = re.compile(r"[0-9]{8}")


@dataclass(frozen=True)
class InvoiceQr:
    """What an invoice's QR code states. ``code`` is empty on 数电 e-invoices."""

    kind: str  # the type code, e.g. "31"; kept for the record, never relied on
    code: str
    number: str
    amount: Decimal
    date: datetime.date
    raw: str

    @property
    def amount_text(self) -> str:
        """The amount as the app writes money: ``¥4449.00``."""
        return format_money(self.amount)


def parse_invoice_qr(text: str) -> InvoiceQr | None:
    """The invoice QR payload in ``text``, or None when ``text`` is no such payload.

    Accepts version ``01`` with at least six fields, a number of 8 or 20 digits,
    an empty or 10/12-digit code, an amount with at most two decimals and a real
    ``YYYYMMDD`` date. Anything else (a URL, another kind of code) is None.
    """
    parts = [p.strip() for p in text.strip().split(",")]
    if len(parts) < 6 or parts[0] != _VERSION:
        return None
    kind, code, number, amount, day = parts[1:6]
    if not _NUMBER.fullmatch(number) or (code and not _CODE.fullmatch(code)):
        return None
    if not _AMOUNT.fullmatch(amount) or not _DATE.fullmatch(day):
        return None
    try:
        date = datetime.date(int(day[:4]), int(day[4:6]), int(day[6:]))
        value = Decimal(amount)
    except (ValueError, InvalidOperation):
        return None
    return InvoiceQr(kind, code, number, value, date, text.strip())


@dataclass(frozen=True)
class QrMismatch:
    """A field that disagrees with the QR code: its Name, what it holds, what the QR says."""

    name: str
    value: str
    expected: str


def qr_mismatches(qr: InvoiceQr, values: Mapping[str, str]) -> list[QrMismatch]:
    """Fields of ``values`` (canonical Names, stripped) that contradict ``qr``.

    Blank or unreadable fields are not compared (their own checks report them).
    发票代码 is compared only when the QR states one. The amount is a mismatch
    when at least one of ``AMOUNT_FIELDS`` is readable and none equals it; the
    mismatch then names every readable one.
    """
    out: list[QrMismatch] = []
    number = values.get("发票号码", "")
    if number and number != qr.number:
        out.append(QrMismatch("发票号码", number, qr.number))
    code = values.get("发票代码", "")
    if qr.code and code and code != qr.code:
        out.append(QrMismatch("发票代码", code, qr.code))
    day_text = values.get("开票日期", "")
    day = _try(parse_date, day_text)
    if day is not None and day != qr.date:
        out.append(QrMismatch("开票日期", day_text, qr.date.isoformat()))
    totals = {
        n: a for n in AMOUNT_FIELDS if (a := _try(parse_money, values.get(n, ""))) is not None
    }
    if totals and qr.amount not in totals.values():
        out.extend(QrMismatch(n, values[n], qr.amount_text) for n in totals)
    return out


def matched_amount_field(qr: InvoiceQr, values: Mapping[str, str]) -> str | None:
    """The first of ``AMOUNT_FIELDS`` whose amount equals the QR's, or None."""
    for name in AMOUNT_FIELDS:
        if _try(parse_money, values.get(name, "")) == qr.amount:
            return name
    return None


_V = TypeVar("_V")


def _try(parse: Callable[[str], _V], text: str) -> _V | None:
    if not text:
        return None
    try:
        return parse(text)
    except ValueError:
        return None
