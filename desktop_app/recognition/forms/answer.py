"""A ``FormReading`` as the CarInvoiceOCR answer, with the conventions of both kinds of form.

Values are returned as printed, in the service's formats: dates ``YYYY-MM-DD``,
money ``¥`` with two decimals, codes without spaces, the uppercase total exactly as
printed (only the ⊗ mark before it dropped). The 数电 conventions
(docs/field-schema.md): 发票代码, 机打代码, 机打号码, 机器编号 present and empty;
发票类型 the printed title; 省 from digits 3-4 of the 20-digit number; 主管税务机关
and its code two Names though printed in one cell; the buyer's one ID cell feeds
身份证号码/组织机构代码, and 购买方纳税人识别号 when it is a credit code.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import InvalidOperation

from desktop_app.core import generations as G
from desktop_app.core import identifiers as ids
from desktop_app.core.checks import province_of_invoice_code
from desktop_app.core.model import Polygon, RecognizedField, Rect
from desktop_app.core.places import city_of
from desktop_app.core.schema import (
    MOTOR_OPTIONAL_FIELDS,
    FieldSpec,
    FormType,
    ValueKind,
    field_spec,
    fields_of,
)
from desktop_app.core.values import format_date, format_money, parse_date, parse_money
from desktop_app.documents.page_text import Box
from desktop_app.recognition.forms.reader import FormReading, ReadValue

CONSUMPTION_TYPE = "用车"
_PAPER_ONLY = ("发票代码", "机打代码", "机打号码", "机器编号")
_DERIVED = ("省", "市", "发票消费类型", "发票类型")
_CITY_SOURCE = {FormType.MOTOR: "主管税务机关", FormType.USED: "转入地车辆管理所名称"}
_OFFICE_AND_CODE = re.compile(r"^(?P<name>.*?)[\s:：,，]*(?P<code>[0-9]{9,12})$")
_CODE_AND_OFFICE = re.compile(r"^(?P<code>[0-9]{9,12})[\s:：,，]*(?P<name>.+)$")
_MARKS = re.compile(r"^[^\u4e00-\u9fff]+")  # ⊗ ⓧ × and spaces before an uppercase total
_SPACES = re.compile(r"\s+")
_DATE = re.compile(
    r"[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
)


def answer_fields(reading: FormReading) -> tuple[RecognizedField, ...]:
    """Every Name of the reading's form, in form order, with value and box."""
    form = reading.form
    read = dict(reading.values)
    _split_office(read)
    values = {name: _formatted(form, name, rv.value) for name, rv in read.items()}
    if _one_buyer_id_cell(reading, read):
        _buyer_ids(form, values, read)
    if reading.kind.electronic:
        for name in _PAPER_ONLY:
            values[name] = ""
            read.pop(name, None)
    values.update(_derived(reading, values))
    out = []
    for spec in _answer_specs(form):
        value = values.get(spec.name, "")
        box = read[spec.name].box if spec.name in read and value else None
        if spec.name in _DERIVED:
            box = None
        out.append(_field(spec.name, value, box))
    return tuple(out)


def _answer_specs(form: FormType) -> tuple[FieldSpec, ...]:
    """The Names of an answer in the service's order; 完税凭证号码 (printed on the motor
    form, not in the documented list) after 不含税价(小写), as the service returns it."""
    specs = fields_of(form)
    if form is not FormType.MOTOR:
        return specs
    at = next(i for i, s in enumerate(specs) if s.name == "不含税价(小写)") + 1
    return (*specs[:at], *MOTOR_OPTIONAL_FIELDS, *specs[at:])


def _field(name: str, value: str, box: Box | None) -> RecognizedField:
    if box is None:
        return RecognizedField(name, value)
    x0, y0, x1, y1 = box
    polygon: Polygon = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    return RecognizedField(name, value, polygon, Rect.bounding(polygon))


def _split_office(read: dict[str, ReadValue]) -> None:
    """主管税务机关及代码 printed in one cell → the office and its code, each with its box."""
    office = read.get("主管税务机关")
    if office is None or not office.value:
        return
    text = _SPACES.sub(" ", office.value).strip()
    match = _OFFICE_AND_CODE.match(text) or _CODE_AND_OFFICE.match(text)
    if match is None:
        return
    name_box, code_box = _boxes_of(office, match["code"])
    read["主管税务机关"] = ReadValue("主管税务机关", match["name"].strip(), name_box, office.score)
    if not read.get("主管税务机关代码") or not read["主管税务机关代码"].value:
        read["主管税务机关代码"] = ReadValue(
            "主管税务机关代码", match["code"], code_box, office.score
        )


def _boxes_of(value: ReadValue, code: str) -> tuple[Box | None, Box | None]:
    """The boxes of the office's name and of its ``code`` within ``value``'s tokens: the
    code's own token when it was printed apart, else the token cut at the code's place."""
    if value.box is None:
        return None, None
    rest = [box for text, box in value.parts if text.strip() != code]
    if len(rest) < len(value.parts) and rest:
        own = next(box for text, box in value.parts if text.strip() == code)
        return _union(rest), own
    for text, (x0, y0, x1, y1) in value.parts:
        at = text.find(code)
        if at < 0:
            continue
        # CJK characters are printed twice as wide as digits and Latin letters.
        widths = [1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text]
        unit = (x1 - x0) / max(sum(widths), 0.5)
        start = x0 + sum(widths[:at]) * unit
        end = start + sum(widths[at : at + len(code)]) * unit
        others = [box for t, box in value.parts if t != text]
        if at == 0:  # the code first, the name after it
            name_box = (end + unit * 0.5, y0, x1, y1)
        else:
            name_end = x0 + sum(widths[: len(text[:at].rstrip())]) * unit
            name_box = (x0, y0, name_end, y1)
        return _union([name_box, *others]), (start, y0, end, y1)
    return value.box, value.box


def _union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _formatted(form: FormType, name: str, printed: str) -> str:
    """``printed`` in the service's format for ``name``; as printed when it does not parse."""

    spec = field_spec(form, name)
    text = printed.strip()
    if spec is None or not text:
        return text
    kind = spec.kind
    try:
        if kind is ValueKind.DATE:
            printed = _DATE.search(text)  # a date among other words (a page note beside it)
            return format_date(parse_date(printed[0] if printed else text))
        if kind is ValueKind.MONEY:
            return format_money(parse_money(text))
    except (ValueError, InvalidOperation):
        return text
    if kind is ValueKind.MONEY_WORDS:
        return _MARKS.sub("", _SPACES.sub("", text))
    if kind in (ValueKind.DIGITS, ValueKind.VIN, ValueKind.TAX_ID, ValueKind.ID_OR_ORG):
        return _SPACES.sub("", unicodedata.normalize("NFKC", text))
    if kind is ValueKind.RATE:
        return _SPACES.sub("", unicodedata.normalize("NFKC", text))
    return text


def is_credit_code(value: str) -> bool:
    """True for an 18-character unified social credit code (not a resident ID number)."""
    if len(value) != ids.CREDIT_CODE_LENGTH:
        return False
    if ids.looks_like_resident_id(value) and ids.resident_id_problem(value) is None:
        return False
    return all(ch in ids.CREDIT_CODE_ALPHABET for ch in value)


def _one_buyer_id_cell(reading: FormReading, read: dict[str, ReadValue]) -> bool:
    """Whether the buyer's ID and taxpayer number share one cell: 数电 e-invoices and the
    2021 paper layout. The 2015 form prints a 纳税人识别号 cell of its own (blank when
    blank), the 2014 form none at all (its answer leaves it empty)."""
    if reading.kind.electronic or reading.generation == G.MOTOR_2021:
        return True
    if reading.generation in (G.MOTOR_2014, G.MOTOR_2015):
        return False
    return "购买方纳税人识别号" not in read


def _buyer_ids(form: FormType, values: dict[str, str], read: dict[str, ReadValue]) -> None:
    """The buyer's one ID cell also feeds 购买方纳税人识别号 when it holds a credit code."""
    if form is not FormType.MOTOR or values.get("购买方纳税人识别号"):
        return
    printed = values.get("身份证号码/组织机构代码", "")
    if is_credit_code(printed):
        values["购买方纳税人识别号"] = printed
        read["购买方纳税人识别号"] = read["身份证号码/组织机构代码"]


def _derived(reading: FormReading, values: dict[str, str]) -> dict[str, str]:
    form = reading.form
    if reading.kind.electronic:
        number = values.get("发票号码", "")
        province = ids.province_name(number[2:4]) if re.fullmatch(r"[0-9]{20}", number) else None
    else:
        province = province_of_invoice_code(values.get("发票代码", "")) or (
            province_of_invoice_code(values.get("机打代码", ""))
        )
    return {
        "省": province or "",
        "市": city_of(values.get(_CITY_SOURCE[form], "")),
        "发票消费类型": CONSUMPTION_TYPE,
        "发票类型": reading.kind.title,
    }
