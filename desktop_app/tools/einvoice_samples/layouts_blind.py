"""Blind layouts ``motor-e`` and ``used-e``: written without looking at the form reader.

They measure "a layout not seen" honestly: the reader's author has tuned against a..d, and
these two were designed from public descriptions of the real forms only (the genuine
ordinary 数电 OFD in ``../shared/datasets/einvoice-real``, the paper forms' box wording, the
field lists of the cloud OCR services). They differ from a..d as another issuing-software
version would:

``motor-e``: buyer and seller side by side on the first rows (as the ordinary 数电 invoice
sets 购买方 and 销售方 next to each other); the vehicle data as two small tables with the
labels in a header row and the values in the row below; the paper form's short labels
(价税合计 … 小写, 不含税价); long labels wrapped over two or three lines in narrow cells;
the seller's address and bank after the amounts; ASCII colons in the header and footer.

``used-e``: side headers in a merged column (买方, 卖方, 车辆, 车价, 经营拍卖单位,
二手车市场, 备注) with separately ruled label cells without colons (名称, 住址, 地址 …)
rather than labels inside the value boxes; 备注 given only by its side header;
发票号码 and 开票日期 on one line above the table instead of at the top right.

Both are holdout layouts and are not part of the default set (so the seeded output of
a..d is unchanged); they are used only when named with ``--layouts``.
"""

from __future__ import annotations

from desktop_app.tools.einvoice_samples.layout_model import L, Layout, R, V
from desktop_app.tools.einvoice_samples.values import MOTOR, USED

TAX_OFFICE = ("主管税务机关", "主管税务机关代码")
M_VIN = "车辆识别代号/车架号码"
M_ID = "身份证号码/组织机构代码"
B_ADDR, S_ADDR = "买方单位/个人住址", "卖方单位/个人住址"
U_VIN = "车架号/车辆识别代码"
D = "经营、拍卖单位"
M = "二手车市场"

# The tables are kept one row per line: they are read as forms, not as code.
# fmt: off
_MOTOR_E = (
    R(9, L("购买方名称", 18), V("购买方名称", 80), L("销售方名称", 18), V("销货单位名称")),
    R(10, L("统一社会信用代码/纳税人识别号/身份证明号码", 18), V(M_ID, 80), L("统一社会信用代码/纳税人识别号", 18), V("销售方纳税人识别号")),
    R(5.5, L("车辆类型", 34), L("厂牌型号", 64), L("产地", 18), L("合格证号", 40), L("车辆识别代号/车架号码", 0)),
    R(7.5, V("车辆类型", 34), V("厂牌型号", 64), V("产地", 18), V("合格证号", 40), V(M_VIN)),
    R(5.5, L("发动机号码", 40), L("进口证明书号", 48), L("商检单号", 46), L("吨位", 22), L("限乘人数", 0)),
    R(7.5, V("发动机号码", 40), V("进口证明书号", 48), V("商检单号", 46), V("吨位", 22), V("限乘人数")),
    R(8.5, L("价税合计", 18), V("价税合计", 116, words=True), L("小写", 12), V("价税合计(小写)")),
    R(8, L("不含税价", 18), V("不含税价(小写)", 34), L("增值税税率或征收率", 16), V("增值税税率或征收率", 16), L("增值税税额", 16), V("增值税税额", 32), L("完税凭证号码", 16), V("完税凭证号码")),
    R(8, L("地址", 18), V("销售方地址", 80), L("电话", 18), V("销售方电话")),
    R(8, L("开户银行", 18), V("销售方开户银行", 80), L("账号", 18), V("销售方账号")),
    R(9, L("主管税务机关及代码", 18), V(TAX_OFFICE)),
    R(10, L("备注", 18), V("备注")),
)
_USED_E = (
    R(7.5, L("名称", 14), V("买方单位/个人", 84), L("统一社会信用代码/身份证号码", 22), V("买方单位代码/身份证号码"), group="买方"),
    R(7.5, L("住址", 14), V(B_ADDR, 120), L("电话", 12), V("买方电话"), group="买方"),
    R(7.5, L("名称", 14), V("卖方单位/个人", 84), L("统一社会信用代码/身份证号码", 22), V("卖方单位代码/身份证号码"), group="卖方"),
    R(7.5, L("住址", 14), V(S_ADDR, 120), L("电话", 12), V("卖方电话"), group="卖方"),
    R(7, L("车牌照号", 18), V("车牌照号", 30), L("登记证号", 18), V("登记证号", 46), L("车辆类型", 18), V("车辆类型"), group="车辆"),
    R(8, L("车辆识别代号/车架号码", 18), V(U_VIN, 40), L("厂牌型号", 14), V("厂牌型号", 54), L("转入地车辆管理所名称", 20), V("转入地车辆管理所名称"), group="车辆"),
    R(8, L("车价合计（大写）", 26), V("车价合计(大写)", 104, words=True), L("（小写）", 16), V("车价合计(小写)"), group="车价"),
    R(6.5, L("名称", 14), V(D, 84), L("纳税人识别号", 22), V(f"{D}纳税人识别号"), group="经营拍卖单位"),
    R(6.5, L("地址", 14), V(f"{D}地址", 120), L("电话", 12), V(f"{D}电话"), group="经营拍卖单位"),
    R(6.5, L("开户银行、账号", 14), V(f"{D}开户银行、账号"), group="经营拍卖单位"),
    R(6.5, L("名称", 14), V(M, 84), L("纳税人识别号", 22), V(f"{M}纳税人识别号"), group="二手车市场"),
    R(6.5, L("地址", 14), V(f"{M}地址", 120), L("电话", 12), V(f"{M}电话"), group="二手车市场"),
    R(6.5, L("开户银行、账号", 14), V(f"{M}开户银行、账号"), group="二手车市场"),
    R(8.5, V("备注"), group="备注"),
)
# fmt: on

BLIND_LAYOUTS = (
    Layout(
        "motor-e",
        MOTOR,
        _MOTOR_E,
        holdout=True,
        tax_office_one_line=True,
        table_top=29.0,
        colon=":",
    ),
    Layout(
        "used-e",
        USED,
        _USED_E,
        holdout=True,
        group_width=7,
        table_top=31.0,
        header="line",
        seal_in_page=True,
    ),
)
