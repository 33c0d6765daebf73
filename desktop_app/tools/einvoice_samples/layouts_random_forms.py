"""The blocks of cells of both forms that random layouts are assembled from.

Each item is one ruled box's content: the field(s) it holds, the wordings its label has
on printed forms (``labels``), shorter wordings used only under a group header that
names the party (``short``: 名称, 地址 …), and the narrowest value box that keeps its
longest value on at most two lines.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    names: tuple[str, ...]
    labels: tuple[str, ...]
    min_width: float  # mm
    short: tuple[str, ...] = ()
    words: bool = False  # the uppercase total (a ⊗ before it)
    wraps: bool = False  # long values: the row needs room for two lines


@dataclass(frozen=True)
class Block:
    """A block: rows that stay as they are, and items cut into rows at random."""

    name: str
    groups: tuple[str, ...]  # wordings of its group header
    rows: tuple[tuple[Item, ...], ...] = ()
    loose: tuple[Item, ...] = ()
    shuffle: bool = False
    runs: tuple[int, ...] = (1, 2, 2, 3, 3)  # how many loose items a row takes (drawn)


def _i(
    names: str | tuple[str, ...], labels: str, width: float, short: str = "", **kw: bool
) -> Item:
    """An item; ``labels`` and ``short`` list wordings separated by ``|``."""
    names = (names,) if isinstance(names, str) else names
    shorts = tuple(short.split("|")) if short else ()
    return Item(names, tuple(labels.split("|")), width, shorts, **kw)


# --- 电子发票（机动车销售统一发票） ---------------------------------------------------

_M_ID = "统一社会信用代码/纳税人识别号/身份证明号码|纳税人识别号/统一社会信用代码/身份证明号码|身份证号码/组织机构代码|统一社会信用代码/身份证明号码"
MOTOR_BLOCKS = (
    Block(
        "buyer",
        ("购买方", "购买方信息"),
        rows=(
            (
                _i("购买方名称", "购买方名称|购买方", 42, "名称", wraps=True),
                _i("身份证号码/组织机构代码", _M_ID, 38),
            ),
        ),
    ),
    Block(
        "vehicle",
        ("车辆信息", "车辆"),
        loose=(
            _i("车辆类型", "车辆类型", 30),
            _i("厂牌型号", "厂牌型号", 44, wraps=True),
            _i("产地", "产地", 16),
            _i("合格证号", "合格证号", 32),
            _i("进口证明书号", "进口证明书号", 30),
            _i("商检单号", "商检单号", 35),
            _i("发动机号码", "发动机号码|发动机号", 22),
            _i("车辆识别代号/车架号码", "车辆识别代号/车架号码|车辆识别代号|车架号码", 36),
            _i("吨位", "吨位", 12),
            _i("限乘人数", "限乘人数", 8),
        ),
    ),
    Block(
        "amounts",
        ("金额", "价税"),
        rows=(
            (
                _i("价税合计", "价税合计（大写）|价税合计", 58, words=True),
                _i("价税合计(小写)", "（小写）|小写", 26),
            ),
        ),
        loose=(
            _i("不含税价(小写)", "不含税价|不含税价（小写）", 26),
            _i("增值税税率或征收率", "增值税税率或征收率|税率/征收率", 10),
            _i("增值税税额", "增值税税额|税额", 26),
        ),
        shuffle=True,
    ),
    Block(
        "seller",
        ("销售方", "销售方信息"),
        rows=(
            (
                _i("销货单位名称", "销售方名称|销货单位名称", 46, "名称", wraps=True),
                _i("销售方纳税人识别号", "统一社会信用代码/纳税人识别号|纳税人识别号", 38),
            ),
        ),
        loose=(
            _i("销售方地址", "地址|销售方地址", 48, wraps=True),
            _i("销售方电话", "电话|销售方电话", 26),
            _i("销售方开户银行", "开户银行", 48, wraps=True),
            _i("销售方账号", "账号", 38),
        ),
    ),
    Block(
        "tax",
        ("税务", "主管税务机关"),
        loose=(
            _i(("主管税务机关", "主管税务机关代码"), "主管税务机关及代码", 58, wraps=True),
            _i("完税凭证号码", "完税凭证号码", 22),
        ),
    ),
    Block("remarks", ("其他", "备注"), rows=((_i("备注", "备注", 60, wraps=True),),)),
)

# --- 电子发票（二手车销售统一发票） ---------------------------------------------------

_U_ID = "单位代码/身份证号码|统一社会信用代码/身份证号码"


def _party(side: str) -> Block:
    return Block(
        "buyer" if side == "买方" else "seller",
        (side, f"{side}信息"),
        rows=(
            (
                _i(f"{side}单位/个人", f"{side}单位/个人", 42, "名称|单位/个人", wraps=True),
                _i(f"{side}单位代码/身份证号码", _U_ID, 38),
            ),
            (
                _i(f"{side}单位/个人住址", f"{side}单位/个人住址", 60, "住址", wraps=True),
                _i(f"{side}电话", "电话", 26),
            ),
        ),
    )


def _issuer(name: str, groups: tuple[str, ...]) -> Block:
    return Block(
        name,
        groups,
        rows=(
            (
                _i(name, name, 46, "名称", wraps=True),
                _i(f"{name}纳税人识别号", "纳税人识别号", 38),
            ),
            (
                _i(f"{name}地址", f"{name}地址|地址", 60, "地址", wraps=True),
                _i(f"{name}电话", "电话", 26),
            ),
            (_i(f"{name}开户银行、账号", "开户银行、账号|开户银行及账号", 90, wraps=True),),
        ),
    )


USED_BLOCKS = (
    _party("买方"),
    _party("卖方"),
    Block(
        "vehicle",
        ("车辆", "车辆信息"),
        loose=(
            _i("车牌照号", "车牌照号|车牌号", 20),
            _i("登记证号", "登记证号", 26),
            _i("车辆类型", "车辆类型", 30),
            _i("车架号/车辆识别代码", "车架号/车辆识别代码|车辆识别代号/车架号码", 36),
            _i("厂牌型号", "厂牌型号", 44, wraps=True),
            _i("转入地车辆管理所名称", "转入地车辆管理所名称|转入地车辆管理所", 44, wraps=True),
        ),
        runs=(2, 3, 3),  # the used-car form has many rows already
    ),
    Block(
        "price",
        ("车价", "车价合计"),
        rows=(
            (
                _i("车价合计(大写)", "车价合计（大写）|车价合计", 58, words=True),
                _i("车价合计(小写)", "小写|（小写）", 26),
            ),
        ),
    ),
    _issuer("经营、拍卖单位", ("经营拍卖", "经营、拍卖单位")),
    _issuer("二手车市场", ("市场", "二手车市场")),
    Block("remarks", ("备注",), rows=((_i("备注", "备注", 60, wraps=True),),)),
)
