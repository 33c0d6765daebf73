"""Label finding: exact, spaced, one character off, merged with the value."""

from __future__ import annotations

from desktop_app.recognition.local.anchors import LabelMatcher, edit_distance, is_noise
from desktop_app.recognition.local.fragments import Fragment, span_polygon
from desktop_app.recognition.local.labels import MOTOR_LABELS, fold_label
from desktop_app.recognition.local.ocr import OcrLine

MATCHER = LabelMatcher({t for texts in MOTOR_LABELS.values() for t in texts})


def _line(text: str, x: float = 0.0, width: float | None = None) -> OcrLine:
    w = width if width is not None else 20.0 * len(text)
    return OcrLine(text, ((x, 0.0), (x + w, 0.0), (x + w, 20.0), (x, 20.0)))


def test_fold_drops_spaces_and_punctuation() -> None:
    assert fold_label("车 辆 类 型") == "车辆类型"
    assert fold_label("发票代码：") == "发票代码"
    assert fold_label("车辆识别代号/车架号码") == "车辆识别代号车架号码"


def test_spaced_and_slightly_misread_labels_are_labels() -> None:
    page = MATCHER.split([_line("车 辆 类 型"), _line("进口证明书号，"), _line("发动机号玛")])
    assert [h.text for h in page.labels] == ["车辆类型", "进口证明书号", "发动机号码"]
    assert page.values == ()


def test_label_merged_with_value_is_split() -> None:
    page = MATCHER.split([_line("发票代码143001734660", width=264.0), _line("人数5")])
    assert [h.text for h in page.labels] == ["发票代码", "人数"]
    assert [v.text for v in page.values] == ["143001734660", "5"]
    code = page.values[0]
    assert 95 < code.polygon[0][0] < 105  # 4 wide characters, then 12 half-width digits
    assert code.polygon[1][0] == 264.0


def test_label_text_continuing_a_label_is_not_a_value() -> None:
    page = MATCHER.split([_line("增值税税率")])
    assert [h.text for h in page.labels] == ["增值税税率"] and page.values == ()


def test_values_and_noise() -> None:
    page = MATCHER.split(
        [_line("轿车"), _line("29+422<-14+-2>2/0>0**022238/"), _line("发票专用章")]
    )
    assert [v.text for v in page.values] == ["轿车"]
    assert is_noise(Fragment("发票联", ((0, 0), (20, 0), (20, 90), (0, 90))))


def test_span_polygon_weights_cjk_double() -> None:
    poly = ((0.0, 0.0), (30.0, 0.0), (30.0, 10.0), (0.0, 10.0))
    # "开a": 1 + 0.55 units; the second character starts at 1/1.55 of the width
    left, right = span_polygon(poly, "开a", 1, 2)[0][0], span_polygon(poly, "开a", 1, 2)[1][0]
    assert round(left, 2) == round(30 / 1.55, 2) and right == 30.0


def test_edit_distance() -> None:
    assert edit_distance("机打代码", "机打代玛") == 1
    assert edit_distance("", "abc") == 3


def test_red_stamp_text_is_noise_but_a_value_cut_from_a_red_label_is_not() -> None:
    stamp = OcrLine(
        "郑州利星汽车销售有限公司", ((0, 0), (240, 0), (240, 20), (0, 20)), 0.9, red=0.7
    )
    merged = OcrLine("人数5", ((0, 0), (50, 0), (50, 20), (0, 20)), 0.9, red=0.6)
    page = MATCHER.split([stamp, merged])
    assert [v.text for v in page.values] == ["5"]
    assert page.values[0].red == 0.0


def test_ocr_line_json_round_trip() -> None:
    line = OcrLine("轿车", ((1.0, 2.0), (3.0, 2.0), (3.0, 4.0), (1.0, 4.0)), 0.97, red=0.25)
    assert OcrLine.from_json(line.to_json()) == line


def test_text_running_down_a_tall_box_starts_at_its_top_right() -> None:
    from desktop_app.recognition.local.ocr import text_order

    tall = ((0.0, 0.0), (20.0, 0.0), (20.0, 200.0), (0.0, 200.0))
    assert text_order(tall, "LHGPAUWB7HM699102") == (tall[1], tall[2], tall[3], tall[0])
    assert text_order(tall, "5") == tall  # one character has no direction
    wide = ((0.0, 0.0), (200.0, 0.0), (200.0, 20.0), (0.0, 20.0))
    assert text_order(wide, "LHGPAUWB7HM699102") == wide
