"""The form's redundancy repairs one bad reading; derived fields."""

from __future__ import annotations

from desktop_app.core.schema import FormType
from desktop_app.recognition.local.consistency import reconcile
from desktop_app.recognition.local.derived import city_of, derived_values

MOTOR = {
    "发票代码": "141002027893",
    "机打代码": "14100202789",
    "发票号码": "",
    "机打号码": "28792174",
    "价税合计": "肆万圆整",
    "价税合计(小写)": "",
    "不含税价(小写)": "¥34188.03",
    "增值税税额": "¥5811.97",
}


def test_twins_fill_a_missing_or_short_reading() -> None:
    out = reconcile(FormType.MOTOR, MOTOR)
    assert out["机打代码"] == "141002027893"
    assert out["发票号码"] == "28792174"


def test_total_comes_from_its_words_and_the_sum() -> None:
    assert reconcile(FormType.MOTOR, MOTOR)["价税合计(小写)"] == "¥40000.00"


def test_words_are_never_written_from_the_total() -> None:
    """The uppercase total is printed text: unread stays blank, misread stays as read."""
    out = reconcile(FormType.USED, {"车价合计(大写)": "", "车价合计(小写)": "¥209400.00"})
    assert out["车价合计(大写)"] == ""
    values = {
        "价税合计": "肆万元整",
        "价税合计(小写)": "¥39000.00",
        "不含税价(小写)": "¥33333.33",
        "增值税税额": "¥5666.67",
    }
    out = reconcile(FormType.MOTOR, values)
    assert out["价税合计"] == "肆万元整"  # 元 as printed, not our 圆
    assert out["价税合计(小写)"] == "¥39000.00"  # words and sum disagree with each other


def test_the_figures_follow_words_and_sum_that_agree() -> None:
    values = {
        "价税合计": "肆万元整",
        "价税合计(小写)": "¥49000.00",
        "不含税价(小写)": "¥34188.03",
        "增值税税额": "¥5811.97",
    }
    out = reconcile(FormType.MOTOR, values)
    assert out["价税合计(小写)"] == "¥40000.00"
    assert out["价税合计"] == "肆万元整"


def test_a_missing_addend_is_computed() -> None:
    values = {"价税合计(小写)": "¥40000.00", "不含税价(小写)": "¥34188.03", "增值税税额": ""}
    assert reconcile(FormType.MOTOR, values)["增值税税额"] == "¥5811.97"


def test_two_wellformed_disagreeing_values_are_left_for_review() -> None:
    values = {"发票代码": "141002027893", "机打代码": "141002027898"}
    assert reconcile(FormType.MOTOR, values) == values | {}


def test_city_and_province() -> None:
    assert city_of("国家税务总局郑州市金水区税务局") == "郑州市"
    assert city_of("广州市天河区国家税务局") == "广州市"
    assert city_of("深圳龙岗国家税务局") == ""
    derived = derived_values(
        FormType.USED,
        {"发票代码": "153001821367", "转入地车辆管理所名称": "保山市公安局交通警察支队车辆管理所"},
    )
    assert derived == {
        "省": "云南省",
        "市": "保山市",
        "发票消费类型": "用车",
        "发票类型": "二手车销售统一发票",
    }
