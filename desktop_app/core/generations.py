"""What differs between the generations of the paper forms, for the reviewer's checks.

Party identifiers before the unified social credit code (GB 32100, printed on
invoices from its introduction on 2015-10-01; business licences of the old kind
stayed valid to the end of 2017): a taxpayer number of 15 characters (the 6-digit
region code and the 9-character organization code, GB 11714), an organization code
alone, a 15-digit resident ID, or an individual's resident ID with two more digits
(17 or 20). Such a number is legal on an old invoice, and only suspicious on a
newer one.

Fields every invoice of a form prints (a blank one was not read, not left empty):
the rest may be blank on a genuine invoice (进口证明书号 of a domestic car,
商检单号, 完税凭证号码, 吨位 of a car, 备注, 开票人 on some print runs).
"""

from __future__ import annotations

import datetime
import re

from desktop_app.core.schema import FormType

#: The generations of the forms (told from a page's labels by recognition.forms.generation;
#: the paper page generator writes pages of each): 机动车 before 2015, 2015-2021, from 2021;
#: 二手车 old and current; 数电 e-invoices of both forms.
MOTOR_2014, MOTOR_2015, MOTOR_2021 = "motor-2014", "motor-2015", "motor-2021"
USED_OLD, USED_CURRENT = "used-old", "used-current"
EINVOICE = "einvoice"
GENERATIONS = (MOTOR_2014, MOTOR_2015, MOTOR_2021, USED_OLD, USED_CURRENT, EINVOICE)

#: The unified social credit code is printed on invoices from this day on.
CREDIT_CODE_INTRODUCED = datetime.date(2015, 10, 1)

ORGANIZATION_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_BODY = re.compile(r"[0-9A-Z]{8}")

OLD_TAXPAYER_NUMBER = "taxpayer15"
ORGANIZATION_CODE = "organization"
OLD_RESIDENT_ID = "resident15"
INDIVIDUAL_TAXPAYER = "individual"

_PAPER_HEAD = ("发票代码", "发票号码", "开票日期", "机打代码", "机打号码", "机器编号")
_EINVOICE_HEAD = ("发票号码", "开票日期")
_MOTOR_BODY = (
    "购买方名称",
    "身份证号码/组织机构代码",
    "车辆类型",
    "厂牌型号",
    "车辆识别代号/车架号码",
    "价税合计",
    "价税合计(小写)",
    "销货单位名称",
    "销售方纳税人识别号",
    "增值税税率或征收率",
    "增值税税额",
    "主管税务机关",
    "主管税务机关代码",
    "不含税价(小写)",
)
_USED_BODY = (
    "买方单位/个人",
    "买方单位代码/身份证号码",
    "卖方单位/个人",
    "卖方单位代码/身份证号码",
    "车牌照号",
    "登记证号",
    "车辆类型",
    "车架号/车辆识别代码",
    "厂牌型号",
    "转入地车辆管理所名称",
    "车价合计(大写)",
    "车价合计(小写)",
)


def organization_code_check_character(code: str) -> str:
    """The GB 11714 check character of an organization code's first 8 characters."""
    body = code[:8]
    if _ORG_BODY.fullmatch(body) is None:
        raise ValueError(f"an organization code starts with 8 digits or letters: {code!r}")
    total = sum(int(ch, 36) * w for ch, w in zip(body, ORGANIZATION_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def is_organization_code(code: str) -> bool:
    """True for a 9-character organization code (``-`` before the check allowed)."""
    code = code.replace("-", "")
    if len(code) != 9 or _ORG_BODY.fullmatch(code[:8]) is None:
        return False
    return organization_code_check_character(code) == code[8]


def _old_resident_id(value: str) -> bool:
    """A 15-digit resident ID: region, ``YYMMDD`` birth date, sequence."""
    if re.fullmatch(r"[0-9]{15}", value) is None:
        return False
    try:
        datetime.date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
    except ValueError:
        return False
    return True


def old_code_kind(value: str) -> str | None:
    """Which pre-credit-code identifier ``value`` is (one of the constants above), or None."""
    value = value.upper().replace("-", "")
    if len(value) == 15 and value[:6].isdigit() and is_organization_code(value[6:]):
        return OLD_TAXPAYER_NUMBER
    if len(value) == 15 and _old_resident_id(value):
        return OLD_RESIDENT_ID
    if len(value) == 9 and is_organization_code(value):
        return ORGANIZATION_CODE
    if len(value) in (17, 20) and value[-2:].isdigit():
        body = value[:-2]
        if _old_resident_id(body) or re.fullmatch(r"[0-9]{17}[0-9X]", body):
            return INDIVIDUAL_TAXPAYER
    return None


def always_printed(form: FormType | None, einvoice: bool) -> tuple[str, ...]:
    """The fields every invoice of ``form`` prints (数电: no paper-only codes)."""
    if form is None:
        return ()
    head = _EINVOICE_HEAD if einvoice else _PAPER_HEAD
    return head + (_MOTOR_BODY if form is FormType.MOTOR else _USED_BODY)
