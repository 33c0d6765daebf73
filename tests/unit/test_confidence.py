"""Field confidence: the reading's score, capped by the checks, 0 for a printed field not read."""

from __future__ import annotations

import datetime

from desktop_app.core.confidence import COMPUTED, ERROR_CAP, WARNING_CAP, field_confidences
from desktop_app.core.schema import FormType

TODAY = datetime.date(2026, 1, 1)
VALUES = {
    "发票代码": "153001720011",
    "机打代码": "153001720011",
    "开票日期": "2020-06-18",
    "价税合计": "肆万圆整",
    "价税合计(小写)": "¥40000.00",
    "不含税价(小写)": "¥35398.23",
    "增值税税额": "¥4601.77",
    "增值税税率或征收率": "13%",
    "车辆识别代号/车架号码": "LHGPAUWB7HM699102",
    "厂牌型号": "丰田牌TV7250GLD",
}
SCORES = {name: 0.98 for name in VALUES} | {"不含税价(小写)": COMPUTED}


def test_scores_stand_when_every_check_passes() -> None:
    out = field_confidences(SCORES, VALUES, FormType.MOTOR, today=TODAY)
    assert out == {name: round(score, 3) for name, score in SCORES.items()}


def test_a_failed_check_caps_the_fields_it_names_by_its_level() -> None:
    values = {**VALUES, "价税合计(小写)": "¥40001.00", "增值税税率或征收率": "18%"}
    out = field_confidences(SCORES, values, FormType.MOTOR, today=TODAY)
    assert out["价税合计(小写)"] == ERROR_CAP  # total_sum and total_words: errors
    assert out["价税合计"] == ERROR_CAP
    assert out["增值税税率或征收率"] == WARNING_CAP  # tax_rate_value: a warning
    assert out["厂牌型号"] == 0.98


def test_a_printed_field_left_blank_was_not_read() -> None:
    values = {**VALUES, "厂牌型号": "", "备注": ""}
    scores = {**SCORES, "厂牌型号": None, "备注": None}
    out = field_confidences(scores, values, FormType.MOTOR, today=TODAY)
    assert out["厂牌型号"] == 0.0
    assert out["备注"] is None  # may be blank on a genuine invoice: nothing to doubt
