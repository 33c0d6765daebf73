"""The two invoice forms as data: every field name in form order, its group and value kind.

This module is the single source of field names for the codec, both recognition
engines, the field panel, validation and export (see field-schema.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop_app.core.text import LocalizedText


class FormType(str, Enum):
    """The invoice forms the app knows; the value is the service's 发票类型 text."""

    MOTOR = "机动车销售统一发票"
    USED = "二手车销售统一发票"

    @property
    def label(self) -> LocalizedText:
        return _FORM_LABELS[self]


_FORM_LABELS = {
    FormType.MOTOR: LocalizedText("机动车销售统一发票", "Motor vehicle sales invoice"),
    FormType.USED: LocalizedText("二手车销售统一发票", "Used car sales invoice"),
}


class Group(str, Enum):
    """Sections of the field panel, in display order."""

    INVOICE = "发票"
    BUYER = "购买方"
    VEHICLE = "车辆"
    AMOUNT = "金额"
    SELLER = "销售方"
    TAX = "税务"
    OTHER = "其他"

    @property
    def label(self) -> LocalizedText:
        return _GROUP_LABELS[self]


_GROUP_LABELS = {
    Group.INVOICE: LocalizedText("发票", "Invoice"),
    Group.BUYER: LocalizedText("购买方", "Buyer"),
    Group.VEHICLE: LocalizedText("车辆", "Vehicle"),
    Group.AMOUNT: LocalizedText("金额", "Amounts"),
    Group.SELLER: LocalizedText("销售方", "Seller"),
    Group.TAX: LocalizedText("税务", "Tax office"),
    Group.OTHER: LocalizedText("其他", "Other"),
}


class ValueKind(str, Enum):
    """What a field's value looks like; drives normalization, editors and export types."""

    TEXT = "text"
    DIGITS = "digits"  # only 0-9 (codes, numbers, machine number)
    CODE = "code"  # letters and digits (certificate, engine, registration numbers)
    DATE = "date"  # YYYY-MM-DD
    MONEY = "money"  # ¥40000.00
    MONEY_WORDS = "money_words"  # 肆万圆整
    RATE = "rate"  # 17%
    VIN = "vin"  # 17 characters, ISO 3779
    ID_OR_ORG = "id_or_org"  # resident ID, organization code or credit code
    TAX_ID = "tax_id"  # taxpayer number / unified social credit code
    PHONE = "phone"
    ACCOUNT = "account"  # bank account number
    INTEGER = "integer"
    NUMBER = "number"
    PLATE = "plate"  # licence plate 车牌照号


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form.

    ``printed`` is False for fields the service derives instead of reading a place
    on the page (省, 市, 发票消费类型, 发票类型): they never carry a polygon.
    """

    name: str
    group: Group
    kind: ValueKind
    label_en: str
    printed: bool = True

    @property
    def label(self) -> LocalizedText:
        return LocalizedText(self.name, self.label_en)


def _f(name: str, group: Group, kind: ValueKind, label_en: str, printed: bool = True) -> FieldSpec:
    return FieldSpec(name, group, kind, label_en, printed)


G, K = Group, ValueKind

_INVOICE_HEAD = (
    _f("发票代码", G.INVOICE, K.DIGITS, "Invoice code"),
    _f("发票号码", G.INVOICE, K.DIGITS, "Invoice number"),
    _f("开票日期", G.INVOICE, K.DATE, "Issue date"),
    _f("机打代码", G.INVOICE, K.DIGITS, "Printed invoice code"),
    _f("机打号码", G.INVOICE, K.DIGITS, "Printed invoice number"),
    _f("机器编号", G.INVOICE, K.DIGITS, "Machine number"),
)

_DERIVED_TAIL = (
    _f("省", G.TAX, K.TEXT, "Province", printed=False),
    _f("市", G.TAX, K.TEXT, "City", printed=False),
    _f("发票消费类型", G.INVOICE, K.TEXT, "Consumption type", printed=False),
    _f("发票类型", G.INVOICE, K.TEXT, "Invoice type", printed=False),
)

MOTOR_FIELDS: tuple[FieldSpec, ...] = (
    *_INVOICE_HEAD,
    _f("购买方名称", G.BUYER, K.TEXT, "Buyer name"),
    _f("身份证号码/组织机构代码", G.BUYER, K.ID_OR_ORG, "Buyer ID / organization code"),
    _f("购买方纳税人识别号", G.BUYER, K.TAX_ID, "Buyer taxpayer ID"),
    _f("车辆类型", G.VEHICLE, K.TEXT, "Vehicle type"),
    _f("厂牌型号", G.VEHICLE, K.TEXT, "Make and model"),
    _f("产地", G.VEHICLE, K.TEXT, "Place of origin"),
    _f("合格证号", G.VEHICLE, K.CODE, "Conformity certificate no."),
    _f("进口证明书号", G.VEHICLE, K.CODE, "Import certificate no."),
    _f("商检单号", G.VEHICLE, K.CODE, "Inspection certificate no."),
    _f("发动机号码", G.VEHICLE, K.CODE, "Engine number"),
    _f("车辆识别代号/车架号码", G.VEHICLE, K.VIN, "VIN / frame number"),
    _f("价税合计", G.AMOUNT, K.MONEY_WORDS, "Total incl. tax (in words)"),
    _f("价税合计(小写)", G.AMOUNT, K.MONEY, "Total incl. tax"),
    _f("销货单位名称", G.SELLER, K.TEXT, "Seller name"),
    _f("销售方电话", G.SELLER, K.PHONE, "Seller phone"),
    _f("销售方纳税人识别号", G.SELLER, K.TAX_ID, "Seller taxpayer ID"),
    _f("销售方账号", G.SELLER, K.ACCOUNT, "Seller bank account"),
    _f("销售方地址", G.SELLER, K.TEXT, "Seller address"),
    _f("销售方开户银行", G.SELLER, K.TEXT, "Seller bank"),
    _f("增值税税率或征收率", G.AMOUNT, K.RATE, "VAT rate"),
    _f("增值税税额", G.AMOUNT, K.MONEY, "VAT amount"),
    _f("主管税务机关", G.TAX, K.TEXT, "Competent tax authority"),
    _f("主管税务机关代码", G.TAX, K.DIGITS, "Tax authority code"),
    _f("不含税价(小写)", G.AMOUNT, K.MONEY, "Price excl. tax"),
    _f("吨位", G.VEHICLE, K.NUMBER, "Tonnage"),
    _f("限乘人数", G.VEHICLE, K.INTEGER, "Seating capacity"),
    _f("开票人", G.OTHER, K.TEXT, "Issued by"),
    _f("备注", G.OTHER, K.TEXT, "Remarks"),
    *_DERIVED_TAIL,
)

#: Printed on the motor form but not in the documented list; an engine may return it.
MOTOR_OPTIONAL_FIELDS: tuple[FieldSpec, ...] = (
    _f("完税凭证号码", G.TAX, K.CODE, "Tax payment certificate no."),
)

USED_FIELDS: tuple[FieldSpec, ...] = (
    *_INVOICE_HEAD,
    _f("买方单位/个人", G.BUYER, K.TEXT, "Buyer (organization / person)"),
    _f("买方单位代码/身份证号码", G.BUYER, K.ID_OR_ORG, "Buyer code / ID number"),
    _f("买方单位/个人住址", G.BUYER, K.TEXT, "Buyer address"),
    _f("买方电话", G.BUYER, K.PHONE, "Buyer phone"),
    _f("卖方单位/个人", G.SELLER, K.TEXT, "Seller (organization / person)"),
    _f("卖方单位代码/身份证号码", G.SELLER, K.ID_OR_ORG, "Seller code / ID number"),
    _f("卖方单位/个人住址", G.SELLER, K.TEXT, "Seller address"),
    _f("卖方电话", G.SELLER, K.PHONE, "Seller phone"),
    _f("车牌照号", G.VEHICLE, K.PLATE, "Licence plate"),
    _f("登记证号", G.VEHICLE, K.CODE, "Registration certificate no."),
    _f("车辆类型", G.VEHICLE, K.TEXT, "Vehicle type"),
    _f("车架号/车辆识别代码", G.VEHICLE, K.VIN, "VIN / frame number"),
    _f("厂牌型号", G.VEHICLE, K.TEXT, "Make and model"),
    _f("转入地车辆管理所名称", G.VEHICLE, K.TEXT, "Receiving vehicle registry"),
    _f("车价合计(大写)", G.AMOUNT, K.MONEY_WORDS, "Vehicle price (in words)"),
    _f("车价合计(小写)", G.AMOUNT, K.MONEY, "Vehicle price"),
    _f("经营、拍卖单位", G.OTHER, K.TEXT, "Dealer / auctioneer"),
    _f("经营、拍卖单位地址", G.OTHER, K.TEXT, "Dealer / auctioneer address"),
    _f("经营、拍卖单位纳税人识别号", G.OTHER, K.TAX_ID, "Dealer / auctioneer taxpayer ID"),
    _f("经营、拍卖单位开户银行、账号", G.OTHER, K.TEXT, "Dealer / auctioneer bank and account"),
    _f("经营、拍卖单位电话", G.OTHER, K.PHONE, "Dealer / auctioneer phone"),
    _f("二手车市场", G.OTHER, K.TEXT, "Used car market"),
    _f("二手车市场纳税人识别号", G.OTHER, K.TAX_ID, "Used car market taxpayer ID"),
    _f("二手车市场地址", G.OTHER, K.TEXT, "Used car market address"),
    _f("二手车市场开户银行、账号", G.OTHER, K.TEXT, "Used car market bank and account"),
    _f("二手车市场电话", G.OTHER, K.PHONE, "Used car market phone"),
    _f("备注", G.OTHER, K.TEXT, "Remarks"),
    _f("开票人", G.OTHER, K.TEXT, "Issued by"),
    *_DERIVED_TAIL,
)

del G, K

_FIELDS = {FormType.MOTOR: MOTOR_FIELDS, FormType.USED: USED_FIELDS}
_BY_NAME = {
    form: {
        spec.name: spec
        for spec in (*fields, *(MOTOR_OPTIONAL_FIELDS if form is FormType.MOTOR else ()))
    }
    for form, fields in _FIELDS.items()
}

# Sister APIs print full-width punctuation in names: （小写）, ／.
_NAME_FOLDING = str.maketrans({"（": "(", "）": ")", "／": "/", "　": None, " ": None})


def canonical_name(name: str) -> str:
    """The documented spelling of a field name: ASCII ``(`` ``)`` ``/``, no spaces."""
    return name.translate(_NAME_FOLDING).strip()


def fields_of(form: FormType) -> tuple[FieldSpec, ...]:
    """Every documented field of ``form``, in form order."""
    return _FIELDS[form]


def field_spec(form: FormType, name: str) -> FieldSpec | None:
    """The spec of ``name`` (any spelling) in ``form``, or None for a name the form lacks."""
    return _BY_NAME[form].get(canonical_name(name))


#: How the title of a fully digital e-invoice (数电票) starts: 电子发票（机动车销售统一发票）.
EINVOICE_TITLE_PREFIX = "电子发票（"


def einvoice_title(form: FormType) -> str:
    """The printed title (发票类型) of ``form`` issued as a 数电 e-invoice."""
    return f"{EINVOICE_TITLE_PREFIX}{form.value}）"


def is_einvoice_title(invoice_type: str) -> bool:
    """True when a 发票类型 value names a 数电 e-invoice (of any kind, vehicle or not)."""
    return invoice_type.strip().startswith(EINVOICE_TITLE_PREFIX)


def detect_form(names: list[str] | tuple[str, ...], invoice_type: str = "") -> FormType | None:
    """Which form a set of field names (and optionally the 发票类型 value) belongs to.

    Both the paper title (机动车销售统一发票) and the e-invoice title
    (电子发票（机动车销售统一发票）) name the form.
    """
    for form in FormType:
        if invoice_type.strip() in (form.value, einvoice_title(form)):
            return form
    canon = {canonical_name(n) for n in names}
    scores = {
        form: len(canon & {s.name for s in fields_of(form)} - _SHARED_NAMES) for form in FormType
    }
    best = max(scores, key=lambda f: scores[f])
    return best if scores[best] > 0 else None


_SHARED_NAMES = {s.name for s in MOTOR_FIELDS} & {s.name for s in USED_FIELDS}
