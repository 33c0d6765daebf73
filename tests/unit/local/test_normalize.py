"""Values in the service's formats, OCR confusions undone by kind."""

from __future__ import annotations

import pytest

from desktop_app.core.schema import ValueKind as K
from desktop_app.recognition.local.normalize import fits, normalize


@pytest.mark.parametrize(
    ("kind", "raw", "value"),
    [
        (K.MONEY, "￥305039.43", "¥305039.43"),
        (K.MONEY, "269946.40", "¥269946.40"),
        (K.MONEY, "¥145299.15服务有", "¥145299.15"),
        (K.MONEY, "Y 1,234.50", "¥1234.50"),
        (K.DATE, "2020-08-20", "2020-08-20"),
        (K.DATE, "2017年7月2日", "2017-07-02"),
        (K.DATE, "2O2O-O8-2O", "2020-08-20"),
        (K.RATE, "17%", "17%"),
        (K.RATE, "178", "17%"),
        (K.RATE, "38", "3%"),
        (K.RATE, "13%0广工汽车", "13%"),
        (K.DIGITS, "14100202789O", "141002027890"),
        (K.DIGITS, "I4IOO2S278B3", "141002527883"),
        (K.VIN, "lhgpauwb7hm699102", "LHGPAUWB7HM699102"),
        (K.VIN, "LHGPAUWB7HM6991O2", "LHGPAUWB7HM699102"),
        (K.VIN, "LHGPAUWB7HM699I02", "LHGPAUWB7HM699102"),
        (K.VIN, "LHGPAUWB7HM6991D2", "LHGPAUWB7HM699102"),  # D→0 is the one that checks
        (K.VIN, "QWER440F0H3276555", "QWER440F0H3276555"),  # no single fix: left as read
        (K.TAX_ID, "91420146814538401x", "91420146814538401X"),
        (K.PHONE, "0371-O954611", "0371-0954611"),
        # Uppercase totals as printed: 元 stays 元, 正 stays 正, 零 stays or stays away.
        (K.MONEY_WORDS, "⊗叁拾万伍仟零叁拾玖元肆角叁分", "叁拾万伍仟零叁拾玖元肆角叁分"),
        (K.MONEY_WORDS, "壹拾柒万圆正", "壹拾柒万圆正"),
        (K.MONEY_WORDS, "壹万伍拾圆整", "壹万伍拾圆整"),
        (K.MONEY_WORDS, "壹万零伍拾元整", "壹万零伍拾元整"),
        (K.MONEY_WORDS, "ⓧ 参拾万 园整", "叁拾万圆整"),  # misread glyphs read back
        (K.NUMBER, "2165", "2165"),
        (K.NUMBER, "-", "-"),
        (K.TEXT, "：袁玉", "袁玉"),
        (K.PLATE, "辽D·2U86D", "辽D2U86D"),
        (K.PLATE, "蒙ANOCXG", "蒙AN0CXG"),  # no O after the office letter: a 0
    ],
)
def test_normalize(kind: K, raw: str, value: str) -> None:
    assert normalize(kind, raw) == value


@pytest.mark.parametrize(
    ("kind", "text", "ok"),
    [
        (K.MONEY, "¥35093.03", True),
        (K.MONEY, "郑州利星汽车", False),
        (K.TEXT, "武汉和谐汽车销售服务有限公司", True),
        (K.TEXT, "91420175793834701Q", False),
        (K.DIGITS, "141002027893", True),
        (K.CODE, "WEVFDHMWMCME", True),
        (K.CODE, "轿车", False),
        (K.INTEGER, "5", True),
        (K.INTEGER, "2165", False),
        (K.DATE, "2020-08-20", True),
        (K.VIN, "LHGPAUWB7HM699102", True),
    ],
)
def test_fits(kind: K, text: str, ok: bool) -> None:
    assert fits(kind, text) is ok


def test_a_used_car_bank_and_account_keep_their_space() -> None:
    from desktop_app.core.schema import ValueKind
    from desktop_app.recognition.local.normalize import normalize_field

    name = "二手车市场开户银行、账号"
    read = "中国建设银行股份有限公司保山分行营业部7403808294061984"
    expected = "中国建设银行股份有限公司保山分行营业部 7403808294061984"
    assert normalize_field(name, ValueKind.TEXT, read) == expected
    assert normalize_field(name, ValueKind.TEXT, read.replace("部7", "部  7")) == expected
    assert normalize_field("销售方地址", ValueKind.TEXT, "昆明市 北京路 12号") == "昆明市北京路12号"


def test_an_organization_code_keeps_its_printed_hyphen() -> None:
    from desktop_app.recognition.local.normalize import normalize_identifier

    assert normalize_identifier("74H503AP-8") == "74H503AP-8"
    assert normalize_identifier("9144 0101 MA5C XYZ1 2U") == "91440101MA5CXYZ12U"
    assert normalize_identifier("440101-19900307-1234") == "440101199003071234"
