"""The printed labels of both forms, every wording we know, and what each one feeds.

A label is either *explicit* (its words name one field wherever it stands:
``厂牌型号``) or *generic* (``电话``, ``地址``, ``纳税人识别号``, ``(小写)``): a
generic label feeds the field of the *section* it stands in. A section is opened
by an explicit label (``销货单位名称`` opens the seller's block, ``价税合计`` the
total's) or by a section header (``购买方信息`` printed down the side). Wordings
come from the paper forms (2014, 2015, 2021 layouts), the 数电 e-invoices of
both forms and the variants issuing software prints; add a new wording here and
every source of text reads it.

Label text is compared after :func:`fold`: NFKC (full-width brackets, colons and
slashes become ASCII), no white space, no trailing colon.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.schema import FormType

_SPACE = re.compile(r"\s+")
_TRAILING_COLON = re.compile(r"[:：]+$")

# Section names.
BUYER, SELLER, TOTAL, NET, AUCTION, MARKET = "buyer", "seller", "total", "net", "auction", "market"


def fold(text: str) -> str:
    """``text`` as labels are compared: NFKC, no white space, ``、`` kept, no trailing colon."""
    folded = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    return _TRAILING_COLON.sub("", folded)


@dataclass(frozen=True)
class Label:
    """One field's label: its wordings, and where a generic one belongs.

    ``name`` is the service's Name the value goes to ("" for a section header,
    which feeds nothing). ``section`` is set on generic labels: the label counts
    only inside that section. ``opens`` is the section this label starts.
    ``split`` names a second field the value is split into (主管税务机关及代码).
    ``below`` names the field of the lower line of a merged cell whose upper line
    feeds ``name`` (购买方名称及身份证号码/组织机构代码: the name, under it the ID).
    """

    name: str
    wordings: tuple[str, ...]
    section: str | None = None
    opens: str | None = None
    split: str | None = None
    below: str | None = None


def _l(
    name: str,
    *wordings: str,
    section: str | None = None,
    opens: str | None = None,
    split: str | None = None,
    below: str | None = None,
) -> Label:
    return Label(name, tuple(fold(w) for w in wordings), section, opens, split, below)


_HEAD = (
    _l("发票代码", "发票代码"),
    _l("发票号码", "发票号码"),
    _l("开票日期", "开票日期"),
    _l("机打代码", "机打代码"),
    _l("机打号码", "机打号码"),
    _l("机器编号", "机器编号", "税控码机器编号"),
    _l("开票人", "开票人"),
    _l("备注", "备注"),
)

#: Printed words that look like a label and feed no field: the seal notes of the footer
#: (销货单位（盖章）), page notes. Known as labels so their words are not taken as a value.
_NOT_FIELDS = (
    _l(
        "",
        "销货单位(盖章)",
        "销售方(盖章)",
        "销售单位(盖章)",
        "开票单位(盖章)",
        "销货单位盖章",
        "销售方盖章",
        "开票单位盖章",
        "(盖章)",
        "(签章)",
    ),
    _l("", "收款人", "复核人", "复核", "收款", "下载次数"),
)

_SECTION_HEADERS = (
    _l("", "购买方信息", "购方信息", opens=BUYER),
    _l("", "销售方信息", "销方信息", opens=SELLER),
)

MOTOR_LABELS: tuple[Label, ...] = (
    *_HEAD,
    *_NOT_FIELDS,
    *_SECTION_HEADERS,
    _l(
        "购买方名称",
        "购买方名称及身份证号码/组织机构代码",
        "购买方名称及身份证号码/统一社会信用代码",
        opens=BUYER,
        below="身份证号码/组织机构代码",
    ),
    _l(
        "购买方名称",
        "购买方名称",
        "购货单位(人)",
        "购货单位",
        "买方名称",
        "购买方",
        "购货方",
        opens=BUYER,
    ),
    _l("购买方名称", "名称", section=BUYER),
    _l(
        "身份证号码/组织机构代码",
        "身份证号码/组织机构代码",
        "身份证号码/统一社会信用代码",
        "统一社会信用代码/纳税人识别号/身份证明号码",
        "纳税人识别号/统一社会信用代码/身份证明号码",
        "统一社会信用代码/身份证明号码/纳税人识别号",
        "身份证明号码/统一社会信用代码/纳税人识别号",
        "统一社会信用代码/身份证明号码",
        "身份证明号码/统一社会信用代码",
        "身份证号码/组织机构代码/统一社会信用代码",
        "组织机构代码/身份证号码",
        "身份证明号码",
    ),
    _l(
        "购买方纳税人识别号",
        "纳税人识别号",
        "统一社会信用代码/纳税人识别号",
        "纳税人识别号/统一社会信用代码",
        section=BUYER,
    ),
    _l("购买方纳税人识别号", "购买方纳税人识别号"),
    _l("车辆类型", "车辆类型"),
    _l("厂牌型号", "厂牌型号"),
    _l("产地", "产地"),
    _l("合格证号", "合格证号"),
    _l("进口证明书号", "进口证明书号"),
    _l("商检单号", "商检单号"),
    _l("发动机号码", "发动机号码", "发动机号"),
    _l(
        "车辆识别代号/车架号码",
        "车辆识别代号/车架号码",
        "车辆识别代号(车架号码)",
        "车辆识别代码/车架号码",
        "车辆识别代号",
        "车辆识别代码",
        "车架号码",
        "车辆识别号码",
    ),
    _l("价税合计", "价税合计", "价税合计(大写)", "价税合计大写", opens=TOTAL),
    _l("价税合计(小写)", "(小写)", "小写", section=TOTAL),
    _l("价税合计(小写)", "价税合计(小写)"),
    _l("不含税价(小写)", "不含税价", "不含税价(小写)", "不含税价格", opens=NET),
    _l("不含税价(小写)", "(小写)", "小写", section=NET),
    _l(
        "销货单位名称",
        "销货单位名称",
        "销售方名称",
        "销货单位",
        "销售单位名称",
        "销售单位",
        "销售方",
        "销货方",
        opens=SELLER,
    ),
    _l("销货单位名称", "名称", section=SELLER),
    _l("销售方电话", "电话", section=SELLER),
    _l("销售方电话", "销售方电话", "销货单位电话"),
    _l(
        "销售方纳税人识别号",
        "纳税人识别号",
        "统一社会信用代码/纳税人识别号",
        "纳税人识别号/统一社会信用代码",
        "统一社会信用代码",
        section=SELLER,
    ),
    _l("销售方纳税人识别号", "销售方纳税人识别号"),
    _l("销售方账号", "账号", section=SELLER),
    _l("销售方账号", "销售方账号"),
    _l("销售方地址", "地址", section=SELLER),
    _l("销售方地址", "销售方地址"),
    _l("销售方开户银行", "开户银行", section=SELLER),
    _l("销售方开户银行", "销售方开户银行"),
    _l(
        "增值税税率或征收率",
        "增值税税率或征收率",
        "增值税税率",
        "税率或征收率",
        "税率/征收率",
        "税率",
        "征收率",
    ),
    _l("增值税税额", "增值税税额", "税额"),
    _l("主管税务机关", "主管税务机关及代码", "主管税务机关和代码", split="主管税务机关代码"),
    _l("主管税务机关", "主管税务机关"),
    _l("主管税务机关代码", "主管税务机关代码"),
    _l("完税凭证号码", "完税凭证号码"),
    _l("吨位", "吨位"),
    _l("限乘人数", "限乘人数"),
)

USED_LABELS: tuple[Label, ...] = (
    *_HEAD,
    *_NOT_FIELDS,
    _l("", "买方信息", "买方", opens=BUYER),
    _l("", "卖方信息", "卖方", opens=SELLER),
    _l("", "经营拍卖", "经营、拍卖", opens=AUCTION),
    _l("", "市场", opens=MARKET),
    _l("买方单位/个人", "买方单位/个人", "买方单位(个人)", "买方名称", opens=BUYER),
    _l("买方单位/个人", "名称", "单位/个人", "单位(个人)", "姓名/名称", section=BUYER),
    _l(
        "买方单位代码/身份证号码",
        "单位代码/身份证号码",
        "单位代码/身份证明号码",
        "统一社会信用代码/身份证号码",
        "统一社会信用代码/身份证明号码",
        "统一社会信用代码/纳税人识别号/身份证明号码",
        section=BUYER,
    ),
    _l("买方单位代码/身份证号码", "买方单位代码/身份证号码"),
    _l("买方单位/个人住址", "住址", "地址", section=BUYER),
    _l("买方单位/个人住址", "买方单位/个人住址"),
    _l("买方电话", "电话", section=BUYER),
    _l("买方电话", "买方电话"),
    _l("卖方单位/个人", "卖方单位/个人", "卖方单位(个人)", "卖方名称", opens=SELLER),
    _l("卖方单位/个人", "名称", "单位/个人", "单位(个人)", "姓名/名称", section=SELLER),
    _l(
        "卖方单位代码/身份证号码",
        "单位代码/身份证号码",
        "单位代码/身份证明号码",
        "统一社会信用代码/身份证号码",
        "统一社会信用代码/身份证明号码",
        "统一社会信用代码/纳税人识别号/身份证明号码",
        section=SELLER,
    ),
    _l("卖方单位代码/身份证号码", "卖方单位代码/身份证号码"),
    _l("卖方单位/个人住址", "住址", "地址", section=SELLER),
    _l("卖方单位/个人住址", "卖方单位/个人住址"),
    _l("卖方电话", "电话", section=SELLER),
    _l("卖方电话", "卖方电话"),
    _l("车牌照号", "车牌照号", "车牌号"),
    _l("登记证号", "登记证号"),
    _l("车辆类型", "车辆类型"),
    _l(
        "车架号/车辆识别代码",
        "车架号/车辆识别代码",
        "车辆识别代号/车架号码",
        "车辆识别代码/车架号",
        "车辆识别代号",
        "车辆识别代码",
        "车架号码",
        "车架号",
    ),
    _l("厂牌型号", "厂牌型号"),
    _l("转入地车辆管理所名称", "转入地车辆管理所名称", "转入地车管所名称", "转入地车辆管理所"),
    _l("车价合计(大写)", "车价合计(大写)", "车价合计", "车价合计大写", opens=TOTAL),
    _l("车价合计(小写)", "(小写)", "小写", section=TOTAL),
    _l("车价合计(小写)", "车价合计(小写)"),
    _l("经营、拍卖单位", "经营、拍卖单位", "经营拍卖单位", opens=AUCTION),
    _l("经营、拍卖单位", "名称", section=AUCTION),
    _l("经营、拍卖单位地址", "经营、拍卖单位地址", "经营拍卖单位地址"),
    _l("经营、拍卖单位地址", "地址", section=AUCTION),
    _l(
        "经营、拍卖单位纳税人识别号",
        "纳税人识别号",
        "统一社会信用代码/纳税人识别号",
        section=AUCTION,
    ),
    _l("经营、拍卖单位开户银行、账号", "开户银行、账号", "开户银行及账号", section=AUCTION),
    _l("经营、拍卖单位电话", "电话", section=AUCTION),
    _l("二手车市场", "二手车市场", opens=MARKET),
    _l("二手车市场", "名称", section=MARKET),
    _l("二手车市场纳税人识别号", "纳税人识别号", "统一社会信用代码/纳税人识别号", section=MARKET),
    _l("二手车市场地址", "地址", section=MARKET),
    _l("二手车市场开户银行、账号", "开户银行、账号", "开户银行及账号", section=MARKET),
    _l("二手车市场电话", "电话", section=MARKET),
)

LABELS: dict[FormType, tuple[Label, ...]] = {
    FormType.MOTOR: MOTOR_LABELS,
    FormType.USED: USED_LABELS,
}


@functools.cache
def same_field(form: FormType) -> Callable[[str, str], bool]:
    """Whether two wordings of ``form`` are printed for the same fields."""

    def fields(wording: str) -> frozenset[str]:
        return frozenset(label.name for label in labels_for(form, wording))

    return lambda a, b: fields(a) == fields(b)


def wordings(form: FormType) -> list[str]:
    """Every folded wording of ``form``'s labels, longest first (so 地址 never beats 经营、拍卖单位地址)."""
    return sorted({w for label in LABELS[form] for w in label.wordings}, key=len, reverse=True)


def labels_for(form: FormType, wording: str) -> tuple[Label, ...]:
    """The labels of ``form`` printed as ``wording`` (several when it is generic)."""
    return tuple(label for label in LABELS[form] if wording in label.wordings)


def compound_label(form: FormType, wording: str) -> Label | None:
    """The field of a block's name run into a generic label (``二手车市场地址``,
    ``卖方电话``): the generic label's field in the section the name opens, or None."""
    for label in LABELS[form]:
        if not label.opens:
            continue
        for head in label.wordings:
            if wording.startswith(head) and len(wording) > len(head):
                tail = wording[len(head) :]
                for candidate in labels_for(form, tail):
                    if candidate.section == label.opens and candidate.name:
                        return candidate
    return None
