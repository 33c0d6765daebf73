"""The printed labels of both forms, as text the OCR may read for them.

Keys name one printed label; a label printed twice on a form (纳税人识别号, 电话,
小写 ...) has one key per place, with a ``#`` suffix. Texts are compared after
:func:`fold_label`, which drops spaces and punctuation, so ``车 辆 类 型`` and
``发票代码：`` match ``车辆类型`` and ``发票代码``.
"""

from __future__ import annotations

import re
import unicodedata

from desktop_app.core.schema import FormType

_DROP = re.compile(r"[\s:：/／、,，.。()（）\[\]【】·_-]+")

MOTOR_TITLE = "机动车销售统一发票"
USED_TITLE = "二手车销售统一发票"
TITLES = {FormType.MOTOR: MOTOR_TITLE, FormType.USED: USED_TITLE}


def fold_label(text: str) -> str:
    """``text`` as compared with label texts: NFKC, no white space or punctuation."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text))


def _spec(*rows: str) -> dict[str, tuple[str, ...]]:
    """``"key=text1|text2"`` rows (a bare key is its own text) to key → texts."""
    out: dict[str, tuple[str, ...]] = {}
    for row in rows:
        key, _, texts = row.partition("=")
        out[key] = tuple(fold_label(t) for t in (texts or key.split("#")[0]).split("|"))
    return out


_HEAD = (
    "发票代码",
    "发票号码",
    "开票日期",
    "机打代码",
    "机打号码",
    "机器编号",
    "税控码=税控码|税控",
)

MOTOR_LABELS = _spec(
    *_HEAD,
    "购买方名称及=购买方名称及|购买方名称",
    "身份证号码=身份证号码",
    "组织机构代码",
    "纳税人识别号#买方",
    "车辆类型",
    "厂牌型号",
    "产地",
    "合格证号",
    "进口证明书号",
    "商检单号",
    "发动机号码",
    "车辆识别代号=车辆识别代号|车辆识别代号车架号码",
    "车架号码",
    "价税合计",
    "小写#价税",
    "销货单位名称",
    "电话",
    "纳税人识别号#卖方",
    "账号",
    "地址",
    "开户银行",
    "增值税税率=增值税税率|增值税税率或征收率",
    "或征收率",
    "增值税",
    "税额",
    "主管税务=主管税务|主管税务机关|主管税务机关及代码",
    "机关及代码",
    "不含税价",
    "小写#不含税",
    "完税凭证号码",
    "吨位",
    "限乘=限乘|限乘人数",
    "人数",
    "销货单位盖章",
    "开票人",
    "备注",
)

USED_LABELS = _spec(
    *_HEAD,
    "买方单位个人",
    "单位代码#买方",
    "身份证号码#买方",
    "买方单位#住址=买方单位",
    "个人住址#买方",
    "电话#买方",
    "卖方单位个人",
    "单位代码#卖方",
    "身份证号码#卖方",
    "卖方单位#住址=卖方单位",
    "个人住址#卖方",
    "电话#卖方",
    "车牌照号",
    "登记证号",
    "车辆类型",
    "车架号车辆=车架号车辆|车架号|车架号车辆识别代码",
    "识别代码",
    "厂牌型号",
    "转入地车辆=转入地车辆|转入地车辆管理所名称",
    "管理所名称",
    "车价合计=车价合计大写|车价合计",
    "小写",
    "经营拍卖单位",
    "经营拍卖",
    "单位地址",
    "纳税人识别号#经营",
    "开户银行账号#经营",
    "电话#经营",
    "二手车市场",
    "纳税人识别号#市场",
    "地址#市场",
    "开户银行账号#市场",
    "电话#市场",
    "备注",
    "开票单位盖章",
    "开票人",
)

LABELS = {FormType.MOTOR: MOTOR_LABELS, FormType.USED: USED_LABELS}
