"""Blind layouts ``motor-f`` and ``used-f``: a second round, written without the form reader.

Designed from the real forms' public descriptions only (the paper 机动车销售统一发票 and
二手车销售统一发票 as dealer software fills them, the 数电 forms' wording, the cloud OCR
services' field lists), and made to differ from a..e the way other issuing software does:

``motor-f``: the paper form's order (销货单位名称 with 电话, 纳税人识别号 with 账号, 地址
with 开户银行); the vehicle data in boxes whose label sits on the box's top line with the
value below it; 车架号码 as the VIN label; 价税合计(大写) and (小写) with ASCII brackets,
the total printed right after (小写) with no gap and a full-width ￥ on every amount;
the buyer's name after its label with a space only, the ID after an ASCII colon with no
gap; 税率：/税额：/不含税价： inside their boxes; 备注 in a box at the right merged over the
last three rows, its label one character a line (备／注); 发票号码 at the top right above
the title's line and 开票日期 at the left under the QR code (where the paper form prints
it); 收款人 and 复核人 with names in the footer beside 开票人; 共1页 第1页 and
销货单位（盖章） printed as page notes.

``used-f``: the parties as boxes with the label on the top line and the value below
(买方单位/个人 | 单位代码/身份证号码), addresses in ruled label cells, 电话 after a space;
转入地车辆管理所名称 in a box at the right merged over the two vehicle rows; 车架号码
as the VIN label; 车价合计(大写) with ASCII brackets and ￥; the dealer's and the market's
地址：/电话： inside their boxes; 备注 with a narrow label column (备／注); 开票日期 above
发票号码 at the top right with ASCII colons; 收款人/复核人 in the footer.

Both are holdout and used only when named (``--layouts motor-f,used-f``).
"""

from __future__ import annotations

from desktop_app.tools.einvoice_samples.layout_model import I, L, Layout, R, S, Side, T, V
from desktop_app.tools.einvoice_samples.values import MOTOR, USED

TAX_OFFICE = ("主管税务机关", "主管税务机关代码")
M_VIN = "车辆识别代号/车架号码"
M_ID = "身份证号码/组织机构代码"
U_VIN = "车架号/车辆识别代码"
D = "经营、拍卖单位"
M = "二手车市场"

# The tables are kept one row per line: they are read as forms, not as code.
# fmt: off
_MOTOR_F = (
    R(9, I("购买方名称", "购买方名称", 92), T("身份证号码/统一社会信用代码:", M_ID)),
    R(10.5, S("车辆类型", 34), S("厂牌型号", 76), S("产地", 26), S("合格证号")),
    R(10.5, S("进口证明书号", 50), S("商检单号", 50), S("发动机号码", 40), S(M_VIN, label="车架号码")),
    R(9, L("价税合计(大写)", 24), V("价税合计", 112, words=True), T("(小写)", "价税合计(小写)")),
    R(8.5, L("销货单位名称", 24), V("销货单位名称", 90), L("电话", 14), V("销售方电话")),
    R(8.5, L("纳税人识别号", 24), V("销售方纳税人识别号", 90), L("账号", 14), V("销售方账号")),
    R(9, L("地址", 24), V("销售方地址", 90), L("开户银行", 14), V("销售方开户银行")),
    R(8.5, I("税率：", "增值税税率或征收率", 34), I("税额：", "增值税税额", 52), I("不含税价：", "不含税价(小写)")),
    R(9.5, L("主管税务机关及代码", 22), V(TAX_OFFICE, 72), L("完税凭证号码", 20), V("完税凭证号码")),
    R(8, L("吨位", 22), V("吨位", 40), L("限乘人数", 20), V("限乘人数")),
)
_USED_F = (
    R(10, S("买方单位/个人", 100), S("买方单位代码/身份证号码", label="单位代码/身份证号码")),
    R(7, L("买方单位/个人住址", 26), V("买方单位/个人住址", 112), I("电话", "买方电话")),
    R(10, S("卖方单位/个人", 100), S("卖方单位代码/身份证号码", label="单位代码/身份证号码")),
    R(7, L("卖方单位/个人住址", 26), V("卖方单位/个人住址", 112), I("电话", "卖方电话")),
    R(7.5, L("车牌照号", 16), V("车牌照号", 28), L("登记证号", 16), V("登记证号", 40), L("车辆类型", 16), V("车辆类型")),
    R(8, L("车架号码", 16), V(U_VIN, 44), L("厂牌型号", 16), V("厂牌型号")),
    R(7.5, L("车价合计(大写)", 26), V("车价合计(大写)", 116, words=True), L("(小写)", 13), V("车价合计(小写)")),
    R(6.5, L("经营、拍卖单位", 26), V(D, 84), L("纳税人识别号", 22), V(f"{D}纳税人识别号")),
    R(6.5, I("地址：", f"{D}地址", 140), I("电话：", f"{D}电话")),
    R(6.5, L("开户银行、账号", 26), V(f"{D}开户银行、账号")),
    R(6.5, L("二手车市场", 26), V(M, 84), L("纳税人识别号", 22), V(f"{M}纳税人识别号")),
    R(6.5, I("地址：", f"{M}地址", 140), I("电话：", f"{M}电话")),
    R(6.5, L("开户银行、账号", 26), V(f"{M}开户银行、账号")),
    R(8, L("备注", 5.5), V("备注")),
)
# fmt: on

BLIND_F_LAYOUTS = (
    Layout(
        "motor-f",
        MOTOR,
        _MOTOR_F,
        holdout=True,
        table_top=30.0,
        header="split",
        issuer_x=104.0,
        side=Side("备注", "备注", 7, 9, 46.0, label_width=6.0),
        money_sign="￥",
        footer_people=True,
        notes=(("共1页 第1页", 182.0, 26.6), ("销货单位（盖章）", 160.0, 126.2)),
    ),
    Layout(
        "used-f",
        USED,
        _USED_F,
        holdout=True,
        table_top=28.0,
        header="swapped",
        colon=":",
        issuer_x=110.0,
        side=Side("转入地车辆管理所名称", "转入地车辆管理所名称", 4, 5, 44.0),
        money_sign="￥",
        footer_people=True,
    ),
)
