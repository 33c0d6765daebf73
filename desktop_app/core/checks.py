"""Checks a reviewer sees on an invoice (field-schema.md, "Checks a reviewer should see").

``validate(values, form)`` runs every check and returns only the failures, each with a
stable check id, its level (error = surely wrong, warning = suspicious), the fields it
concerns and a message for the clerk in Chinese and English. ``CHECKS`` lists every
check so the UI can show what is verified.

Blank values never fail a format or comparison check: format checks skip blank
fields, and a comparison runs only when all of its fields hold a readable value (the
format check of an unreadable one reports it instead, so one mistake gives one
message). Only ``printed_missing`` speaks of blanks: on a page something was read
from, a field every invoice of the form and generation prints, present but blank,
was not read.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from desktop_app.core import generations as gen
from desktop_app.core import identifiers as ids
from desktop_app.core.check_messages import CHECK_TABLE, MESSAGES
from desktop_app.core.invoice_qr import AMOUNT_FIELDS, InvoiceQr, parse_invoice_qr, qr_mismatches
from desktop_app.core.money_words import parse_money_words
from desktop_app.core.schema import (
    MOTOR_FIELDS,
    MOTOR_OPTIONAL_FIELDS,
    USED_FIELDS,
    FieldSpec,
    FormType,
    ValueKind,
    canonical_name,
    detect_form,
    fields_of,
    is_einvoice_title,
)
from desktop_app.core.text import LocalizedText as T
from desktop_app.core.values import (
    CENT,
    format_money,
    format_rate,
    parse_date,
    parse_money,
    parse_number,
    parse_rate,
    parse_whole_number,
    round_cents,
)


class Level(str, Enum):
    """How sure a failed check is that the value is wrong."""

    ERROR = "error"  # surely wrong
    WARNING = "warning"  # suspicious: the clerk should look


@dataclass(frozen=True)
class CheckResult:
    """One failed check: which, how serious, on which fields, and what to tell the clerk."""

    check_id: str
    level: Level
    fields: tuple[str, ...]
    message: T


@dataclass(frozen=True)
class CheckInfo:
    """A check as listed to the clerk: id, level and what it verifies."""

    check_id: str
    level: Level
    description: T


#: Every check: id → level and description, in the order ``validate`` runs them.
CHECKS: dict[str, CheckInfo] = {
    check_id: CheckInfo(check_id, Level(level), T(zh, en))
    for check_id, level, zh, en in CHECK_TABLE
}

# Two rounding steps lie between the printed price and the printed tax (the price is
# rounded when derived from the total, the tax when computed); allow a cent for each.
TAX_ROUNDING_STEPS = 2
#: VAT rate (percent) in force from each date on; 3% (small-scale levy) is valid on any date.
RATE_PERIODS: tuple[tuple[datetime.date, Decimal], ...] = (
    (datetime.date.min, Decimal(17)),
    (datetime.date(2018, 5, 1), Decimal(16)),
    (datetime.date(2019, 4, 1), Decimal(13)),
)
LEVY_RATE = Decimal(3)
#: (uppercase total, numeric total) of each form.
TOTAL_PAIRS = {
    FormType.MOTOR: ("价税合计", "价税合计(小写)"),
    FormType.USED: ("车价合计(大写)", "车价合计(小写)"),
}

_ALL_SPECS: dict[str, FieldSpec] = {}
for _spec in (*MOTOR_FIELDS, *MOTOR_OPTIONAL_FIELDS, *USED_FIELDS):
    _ALL_SPECS.setdefault(_spec.name, _spec)
_LABELS_EN = {name: spec.label_en for name, spec in _ALL_SPECS.items()}


def province_of_invoice_code(code: str) -> str | None:
    """The province (``云南省``) named by digits 2-3 of a 12-digit 发票代码, or None.

    None for anything but 12 ASCII digits and for digits that are no GB/T 2260
    province-level code.
    """
    code = code.strip()
    if re.fullmatch(r"[0-9]{12}", code) is None:
        return None
    return ids.province_name(code[1:3])


def province_of_einvoice_number(number: str) -> str | None:
    """The province (``上海市``) named by digits 3-4 of a 20-digit 数电 发票号码, or None."""
    number = number.strip()
    return ids.province_name(number[2:4]) if ids.is_einvoice_number(number) else None


@dataclass(frozen=True)
class _Invoice:
    """The values under check: canonical names, stripped values."""

    values: Mapping[str, str]
    form: FormType | None
    today: datetime.date
    qr: InvoiceQr | None = None

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    @property
    def einvoice(self) -> bool:
        """A 数电 e-invoice: its title says so, or its 发票号码 has the 20 digits of one."""
        return is_einvoice(self.values)

    def filled(self, *kinds: ValueKind) -> list[str]:
        """Names of the non-blank fields of these kinds, in form order."""
        specs = fields_of(self.form) if self.form else tuple(_ALL_SPECS.values())
        return [s.name for s in specs if s.kind in kinds and self.get(s.name)]

    def money(self, name: str) -> Decimal | None:
        """The amount in ``name``, or None when blank or unreadable."""
        return _try(parse_money, self.get(name))

    def amounts(self, *names: str) -> tuple[Decimal, ...] | None:
        """The amounts in ``names``, or None unless every one is readable."""
        read = tuple(a for n in names if (a := self.money(n)) is not None)
        return read if len(read) == len(names) else None


_V = TypeVar("_V")


def _try(parse: Callable[[str], _V], text: str) -> _V | None:
    """``parse(text)``, or None when ``text`` is blank or ``parse`` rejects it."""
    if not text:
        return None
    try:
        return parse(text)
    except ValueError:
        return None


def _fail(check_id: str, fields: Iterable[str], key: str, **values: object) -> CheckResult:
    """A failure of ``check_id`` on ``fields`` with the message ``MESSAGES[key]`` filled in.

    ``{field}`` (and ``{other}``, a field name) read as English labels in the English text.
    """
    names = tuple(fields)
    zh, en = MESSAGES[key]
    en_values = {**values, "field": _LABELS_EN.get(names[0], names[0])}
    other = values.get("other")
    if isinstance(other, str):
        en_values["other"] = _LABELS_EN.get(other, other)
    message = T(zh.format(field=names[0], **values), en.format(**en_values))
    return CheckResult(check_id, CHECKS[check_id].level, names, message)


def is_einvoice(values: Mapping[str, str]) -> bool:
    """True for the values of a 数电 e-invoice (canonical names).

    The 发票类型 starts with ``电子发票（``, or the 发票号码 is 20 digits (a paper
    invoice's has 8). Such an invoice has no 发票代码, 机打代码, 机打号码 or 机器编号.
    """
    number = values.get("发票号码", "").strip()
    return is_einvoice_title(values.get("发票类型", "")) or ids.is_einvoice_number(number)


def _codes(inv: _Invoice) -> Iterator[CheckResult]:
    if inv.einvoice:
        yield from _einvoice_number(inv)
        return  # the paper form's code, number, machine number and twins do not apply
    for check_id, name, count in (
        ("invoice_code_format", "发票代码", 12),
        ("invoice_number_format", "发票号码", 8),
        ("machine_number_format", "机器编号", 12),
    ):
        value = inv.get(name)
        if value and re.fullmatch(rf"[0-9]{{{count}}}", value) is None:
            yield _fail(check_id, [name], "digits", n=count, v=value)
    for check_id, twin, name in (
        ("printed_code_match", "机打代码", "发票代码"),
        ("printed_number_match", "机打号码", "发票号码"),
    ):
        printed, value = inv.get(twin), inv.get(name)
        if printed and value and printed != value:
            yield _fail(check_id, [twin, name], "twin", v=printed, w=value, other=name)


def _einvoice_number(inv: _Invoice) -> Iterator[CheckResult]:
    number = inv.get("发票号码")
    if not number:
        return
    day = _try(parse_date, inv.get("开票日期"))
    problem = ids.einvoice_number_problem(number, issue_year=day.year if day else None)
    if problem is None:
        return
    fields = ["发票号码", "开票日期"] if problem == ids.PROBLEM_YEAR else ["发票号码"]
    y = ids.einvoice_number_year(number) if problem == ids.PROBLEM_YEAR else ""
    key = f"einvoice.{problem}"
    yield _fail("einvoice_number", fields, key, v=number, n=len(number), y=y, d=day, c=number[2:4])


def _issue_date(inv: _Invoice) -> Iterator[CheckResult]:
    text = inv.get("开票日期")
    day = _try(parse_date, text)
    if text and day is None:
        yield _fail("issue_date_format", ["开票日期"], "date", v=text)
    elif day is not None and day > inv.today:
        yield _fail("issue_date_future", ["开票日期"], "future", v=day, t=inv.today)


def _money_format(inv: _Invoice) -> Iterator[CheckResult]:
    for name in inv.filled(ValueKind.MONEY):
        if inv.money(name) is None:
            yield _fail("money_format", [name], "money", v=inv.get(name))
    for name in inv.filled(ValueKind.MONEY_WORDS):
        if _try(parse_money_words, inv.get(name)) is None:
            yield _fail("money_format", [name], "words", v=inv.get(name))


def _amounts(inv: _Invoice) -> Iterator[CheckResult]:
    names = ("价税合计(小写)", "不含税价(小写)", "增值税税额")
    amounts = inv.amounts(*names)
    if inv.form is not FormType.USED and amounts and amounts[0] != amounts[1] + amounts[2]:
        total, price, tax = amounts
        t, p, x, s = (format_money(a) for a in (total, price, tax, price + tax))
        yield _fail("total_sum", names, "sum", t=t, p=p, x=x, s=s)
    pairs = [TOTAL_PAIRS[inv.form]] if inv.form else TOTAL_PAIRS.values()
    for words_name, number_name in pairs:
        words = _try(parse_money_words, inv.get(words_name))
        number = inv.money(number_name)
        if words is not None and number is not None and words != number:
            v, a, n = inv.get(words_name), format_money(words), format_money(number)
            fields = [words_name, number_name]
            yield _fail("total_words", fields, "words_differ", v=v, a=a, other=number_name, n=n)


def _tax(inv: _Invoice) -> Iterator[CheckResult]:
    rate_name = "增值税税率或征收率"
    text = inv.get(rate_name)
    if not text:
        return
    rate = _try(parse_rate, text)
    allowed = {r for _, r in RATE_PERIODS} | {LEVY_RATE}
    if rate not in allowed:
        yield _fail("tax_rate_value", [rate_name], "rate", v=text)
    day = _try(parse_date, inv.get("开票日期"))
    if rate in allowed and rate != LEVY_RATE and day is not None:
        expected = [r for start, r in RATE_PERIODS if start <= day][-1]
        if rate != expected:
            e = format_rate(expected)
            yield _fail("tax_rate_period", [rate_name, "开票日期"], "rate_date", d=day, e=e, v=text)
    amounts = inv.amounts("不含税价(小写)", "增值税税额")
    if rate is not None and amounts:
        price, tax = amounts
        expected_tax = price * rate / 100
        if abs(tax - expected_tax) > CENT * TAX_ROUNDING_STEPS:
            names = ("增值税税额", "不含税价(小写)", rate_name)
            x, p, e = (format_money(a) for a in (tax, price, round_cents(expected_tax)))
            yield _fail("tax_amount", names, "tax", x=x, p=p, r=format_rate(rate), e=e)


def _vin(inv: _Invoice) -> Iterator[CheckResult]:
    for name in inv.filled(ValueKind.VIN):
        vin = inv.get(name).upper()
        problem = ids.vin_problem(vin)
        if problem is not None:
            e = ids.vin_check_digit(vin) if problem == ids.PROBLEM_CHECK else ""
            yield _fail("vin", [name], f"vin.{problem}", v=inv.get(name), n=len(vin), e=e)


def _party_codes(inv: _Invoice) -> Iterator[CheckResult]:
    """IDs and credit codes: an 18-character value must be a valid one or the other; an
    identifier of the kind used before the credit code (generations.py) is legal on an
    invoice issued before its introduction and only a warning after it."""
    day = _try(parse_date, inv.get("开票日期"))
    for name in inv.filled(ValueKind.ID_OR_ORG, ValueKind.TAX_ID):
        value = inv.get(name).upper()
        if len(value) != 18 and gen.old_code_kind(value) is not None:
            if day is not None and day >= gen.CREDIT_CODE_INTRODUCED:
                yield _fail("credit_code_length", [name], "length.old", v=value, d=day)
        elif len(value) != 18:
            yield _fail("credit_code_length", [name], "length", v=value, n=len(value))
        elif ids.is_valid_resident_id(value, today=inv.today) or ids.is_valid_credit_code(value):
            continue
        elif ids.looks_like_resident_id(value):
            problem = ids.resident_id_problem(value, today=inv.today) or ids.PROBLEM_CHECK
            e = ids.resident_id_check_character(value)
            yield _fail("resident_id", [name], f"id.{problem}", v=value, e=e)
        else:
            problem = ids.credit_code_problem(value) or ids.PROBLEM_CHECK
            e = ids.credit_code_check_character(value) if problem == ids.PROBLEM_CHECK else ""
            yield _fail("credit_code", [name], f"credit.{problem}", v=value, e=e)


def _vehicle(inv: _Invoice) -> Iterator[CheckResult]:
    seats = inv.get("限乘人数")
    if seats and not 1 <= (_try(parse_whole_number, seats) or 0) <= 99:
        yield _fail("seat_count", ["限乘人数"], "seats", v=seats)
    tonnage = inv.get("吨位")
    if tonnage and _try(parse_number, tonnage) is None:
        yield _fail("tonnage", ["吨位"], "tonnage", v=tonnage)
    for name in inv.filled(ValueKind.PLATE):
        if not ids.is_plate_number(inv.get(name).upper()):
            yield _fail("plate", [name], "plate", v=inv.get(name))


def _province(inv: _Invoice) -> Iterator[CheckResult]:
    if inv.einvoice:
        name, number = inv.get("省"), inv.get("发票号码")
        expected = province_of_einvoice_number(number)
        if name and expected and not ids.same_province(name, number[2:4]):
            c, e = number[2:4], expected
            yield _fail("province", ["省", "发票号码"], "province.einvoice", v=name, c=c, e=e)
        return
    name, code = inv.get("省"), inv.get("发票代码")
    expected = province_of_invoice_code(code)
    if name and expected and not ids.same_province(name, code[1:3]):
        yield _fail("province", ["省", "发票代码"], "province", v=name, c=code[1:3], e=expected)


def _qr(inv: _Invoice) -> Iterator[CheckResult]:
    """The fields against the page's QR code: number, code, date, and the amount (any total)."""
    if inv.qr is None:
        return
    mismatches = qr_mismatches(inv.qr, inv.values)
    for m in mismatches:
        if m.name not in AMOUNT_FIELDS:
            yield _fail("qr_match", [m.name], "qr", v=m.value, e=m.expected)
    totals = [m for m in mismatches if m.name in AMOUNT_FIELDS]
    if totals:  # one message: the amount equals none of the totals
        names = [m.name for m in totals]
        yield _fail("qr_match", names, "qr.amount", v=totals[0].value, e=totals[0].expected)


def _printed_missing(inv: _Invoice) -> Iterator[CheckResult]:
    """A field every invoice of this form and generation prints, present but blank: it was
    not read. A field absent from the values is not judged, nor a page nothing was read
    from (not recognized yet)."""
    printed = gen.always_printed(inv.form, inv.einvoice)
    if not any(inv.get(name) for name in printed):
        return
    for name in printed:
        if name in inv.values and not inv.get(name):
            yield _fail("printed_missing", [name], "missing")


_Run = Callable[[_Invoice], Iterator[CheckResult]]
_RUNS: tuple[_Run, ...] = (_codes, _issue_date, _money_format, _amounts, _tax, _vin)
_RUNS += (_party_codes, _vehicle, _province, _qr, _printed_missing)


def validate(
    values: Mapping[str, str],
    form: FormType | None = None,
    *,
    today: datetime.date | None = None,
    qr: str = "",
) -> list[CheckResult]:
    """Every failed check of an invoice's values (an empty list when all pass).

    ``values`` maps field names (any spelling ``canonical_name`` folds) to values;
    ``form`` is detected from the names and 发票类型 when None, and when undetectable
    the fields of both forms are checked. ``today`` bounds the issue date (default: now).
    ``qr`` is the payload of the page's QR code (``RecognitionResult.qr``), when it has
    one: number, code, date and amount must then agree with it (``qr_match``).
    Results come in the order of ``CHECKS`` groups, fields in form order.
    """
    clean: dict[str, str] = {}
    for name, value in values.items():
        key, text = canonical_name(name), (value or "").strip()
        if text or key not in clean:
            clean[key] = text
    if form is None:
        form = detect_form(list(clean), clean.get("发票类型", ""))
    invoice = _Invoice(clean, form, today or datetime.date.today(), parse_invoice_qr(qr))
    return [result for run in _RUNS for result in run(invoice)]
