"""Typing field text for spreadsheets: amounts as numbers, dates as dates, codes as text.

A value that does not parse (a clerk kept an odd value on purpose, or forced an
export) stays text: an export never drops or invents data.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from desktop_app.core.schema import FieldSpec, ValueKind
from desktop_app.core.values import (
    is_blank,
    parse_date,
    parse_money,
    parse_number,
    parse_rate,
    parse_whole_number,
)

#: Excel number formats of typed cells.
MONEY_FORMAT = '"¥"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
RATE_FORMAT = "0%"
TEXT_FORMAT = "@"

CellValue = str | int | Decimal | datetime.date | None

_NUMERIC_KINDS = {
    ValueKind.MONEY: (parse_money, MONEY_FORMAT),
    ValueKind.DATE: (parse_date, DATE_FORMAT),
    ValueKind.INTEGER: (parse_whole_number, "0"),
    ValueKind.NUMBER: (parse_number, "General"),
}


def cell_value(spec: FieldSpec, text: str | None) -> tuple[CellValue, str]:
    """The XLSX cell value of a field and its number format."""
    if is_blank(text):
        return None, TEXT_FORMAT if spec.kind not in _NUMERIC_KINDS else "General"
    assert text is not None
    if spec.kind is ValueKind.RATE:
        try:
            return parse_rate(text) / 100, RATE_FORMAT
        except ValueError:
            return text, TEXT_FORMAT
    parser = _NUMERIC_KINDS.get(spec.kind)
    if parser is None:
        return text, TEXT_FORMAT
    parse, number_format = parser
    try:
        return parse(text), number_format
    except ValueError:
        return text, TEXT_FORMAT


def csv_value(spec: FieldSpec, text: str | None, *, excel: bool = False) -> str:
    """The CSV text of a field: amounts as plain numbers (``40000.00``), dates ISO, else as is.

    ``excel``: long digit codes as ``="…"``, which Excel keeps as text.
    """
    if is_blank(text):
        return ""
    assert text is not None
    try:
        if spec.kind is ValueKind.MONEY:
            return f"{parse_money(text):f}"
        if spec.kind is ValueKind.DATE:
            return parse_date(text).isoformat()
    except ValueError:
        pass
    if excel and _EXCEL_MANGLES.fullmatch(text):
        # Excel reads 18-digit IDs, bank accounts and 12-digit invoice codes as numbers
        # (15 significant digits, scientific notation) and drops leading zeros of
        # 发票号码; ="…" keeps them as text when the CSV is opened and saved again.
        return f'="{text}"'
    return csv_text(text)


_EXCEL_MANGLES = re.compile(r"0\d+|\d{12,}")


# XML 1.0 forbids these; openpyxl refuses to write them.
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def xlsx_text(text: str) -> str:
    """``text`` with the control characters XLSX cannot hold replaced by spaces."""
    return _ILLEGAL_XLSX.sub(" ", text)


def csv_text(text: str) -> str:
    """``text`` made safe to open in a spreadsheet (OWASP CSV injection).

    A value Excel would run as a formula (``=…``, ``+…``, ``@…``, ``-1+2``) gets a
    leading apostrophe, which spreadsheets show as text; a plain ``-`` or a negative
    number stays as it is.
    """
    risky = text.startswith(_FORMULA_START) or (
        text.startswith("-") and text != "-" and not _is_number(text)
    )
    return "'" + text if risky else text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True
