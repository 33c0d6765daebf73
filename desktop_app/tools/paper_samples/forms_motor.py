"""The three paper generations of 机动车销售统一发票 (sources and assumptions: package docstring)."""

from __future__ import annotations

import datetime
from dataclasses import replace

from desktop_app.tools.paper_samples.model import C, I, L, PaperForm, R, Row, S, Spot, V

MOTOR = "motor"
TITLE = "机动车销售统一发票"
MACHINE = ("机打代码", "机打号码", "机器编号")
ID = "身份证号码/组织机构代码"
VIN = "车辆识别代号/车架号码"
TAX_OFFICE = ("主管税务机关", "主管税务机关代码")

#: Down the right margin of the real photo's form.
SIDE = "第一联　发票联（购货单位付款凭证）"
HEADER = (
    Spot("发票代码", 168.0, 23.0, "发票代码"),
    Spot("发票号码", 168.0, 29.5, "发票号码"),
    Spot("开票日期", 14.0, 35.0, "开票日期"),
)
FOOTER = (
    Spot("销货单位盖章", 12.0, 156.0),
    Spot("开票人", 100.0, 156.0, "开票人"),
    Spot("备注：", 168.0, 156.0, "备注"),
)

# The tables are kept one row per line: they are read as forms, not as code.
# fmt: off
_HEAD = R(20, S("机打代码\n机打号码\n机器编号", 30), V(MACHINE, 70), L("税\n控\n码", 10), C())
_VEHICLE = (
    R(8, L("车辆类型", 30), V("车辆类型", 50), L("厂牌型号", 22), V("厂牌型号", 56), L("产地", 12), V("产地")),
    R(8, L("合格证号", 30), V("合格证号", 45), L("进口证明书号", 25), V("进口证明书号", 58), L("商检单号", 19), V("商检单号")),
    R(8, L("发动机号码", 30), V("发动机号码", 100), L("车辆识别代号/车架号码", 38), V(VIN)),
    R(10, L("价税合计", 30), V("价税合计", 126, words=True), L("小写", 14), V("价税合计(小写)")),
)
_SELLER = (
    R(9, L("销货单位名称", 30), V("销货单位名称", 122), L("电话", 14), V("销售方电话")),
    R(9, L("纳税人识别号", 30), V("销售方纳税人识别号", 122), L("账号", 14), V("销售方账号")),
    R(9, L("地　　址", 30), V("销售方地址", 85), L("开户银行", 20), V("销售方开户银行")),
    R(11, L("增值税税率\n或征收率", 30), V("增值税税率或征收率", 22), L("增值税\n税　额", 18), V("增值税税额", 45), L("主管税务\n机关及代码", 22), V(TAX_OFFICE)),
)
_M2015 = (
    _HEAD,
    R(12, L("购买方名称及\n身份证号码/\n组织机构代码", 30), V(("购买方名称", ID), 70), L("纳税人识别号", 48), V("购买方纳税人识别号")),
    *_VEHICLE,
    *_SELLER,
    R(8, L("不含税价", 30), I("小写", "不含税价(小写)", 48), L("完税凭证号码", 24), V("完税凭证号码", 58), L("吨位", 14), V("吨位", 18), L("限乘人数", 16), V("限乘人数")),
)
_M2014 = (  # 购货单位(人) and its ID, no buyer 纳税人识别号; 吨位 and 限乘人数 further left
    _HEAD,
    R(10, L("购货单位(人)", 30), V("购买方名称", 88), L("身份证号码/\n组织机构代码", 30), V(ID)),
    *_VEHICLE,
    *_SELLER,
    R(8, L("不含税价", 30), I("小写", "不含税价(小写)", 48), L("完税凭证号码", 24), V("完税凭证号码", 30), L("吨位", 12), V("吨位", 22), L("限乘人数", 16), V("限乘人数", 16), L("", 0)),
)
_M2021 = (  # 购买方名称 alone; one ID cell for 纳税人识别号/统一社会信用代码/身份证明号码
    _HEAD,
    R(12, L("购买方名称", 30), V("购买方名称", 70), L("纳税人识别号/\n统一社会信用代码/\n身份证明号码", 48), V(ID)),
    *_VEHICLE,
    *_SELLER,
    R(8, L("不含税价", 30), I("小写", "不含税价(小写)", 48), L("完税凭证号码", 24), V("完税凭证号码", 58), L("吨位", 14), V("吨位", 18), L("限乘人数", 16), V("限乘人数")),
)
# fmt: on

_QR_HEADER = (
    Spot("发票代码", 168.0, 23.0, "发票代码"),
    Spot("发票号码", 168.0, 29.5, "发票号码"),
    Spot("开票日期", 40.0, 35.0, "开票日期"),
)
_SEAL_OVER = ("不含税价(小写)", "增值税税率或征收率", "销货单位名称")


def _motor(
    generation: str, rows: tuple[Row, ...], dates: tuple[datetime.date, datetime.date], buyer: str
) -> PaperForm:
    """A motor form with the header, footer and seal places the generations share."""
    return PaperForm(
        generation,
        MOTOR,
        TITLE,
        rows,
        dates,
        HEADER,
        FOOTER,
        buyer,
        side=SIDE,
        seal_over=_SEAL_OVER,
    )


D = datetime.date
MOTOR_FORMS = (
    _motor("motor-2014", _M2014, (D(2010, 1, 4), D(2014, 12, 31)), "old"),
    _motor("motor-2015", _M2015, (D(2015, 1, 5), D(2021, 12, 30)), "split"),
    # the QR code takes the top left: 开票日期 moves right of it
    replace(
        _motor("motor-2021", _M2021, (D(2021, 5, 6), D(2025, 11, 28)), "one"),
        qr=True,
        header=_QR_HEADER,
    ),
)
