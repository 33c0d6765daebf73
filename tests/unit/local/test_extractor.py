"""Field extraction on recorded OCR lines: values, order, boxes, robustness, refusals."""

from __future__ import annotations

import math

import pytest

from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import Rect
from desktop_app.core.schema import FormType
from desktop_app.recognition.local.extractor import InvoiceExtractor, answer_fields
from desktop_app.recognition.local.ocr import OcrLine
from tests.unit.local.conftest import load_fixture


def _accuracy(fields, expected: dict[str, str]) -> float:
    got = {f.name: f.value for f in fields}
    right = sum(
        got.get(name, "").replace(" ", "") == value.replace(" ", "")
        for name, value in expected.items()
    )
    return right / len(expected)


def test_recorded_pages_are_read_field_by_field(recorded_page) -> None:
    fields = InvoiceExtractor().extract(recorded_page["lines"])
    assert _accuracy(fields, recorded_page["expected"]) >= 0.97


def test_answer_lists_every_field_of_the_form_in_order(recorded_page) -> None:
    fields = InvoiceExtractor().extract(recorded_page["lines"])
    form = FormType(next(f.value for f in fields if f.name == "发票类型"))
    assert [f.name for f in fields] == [spec.name for spec in answer_fields(form)]


def test_blank_and_derived_fields_have_no_location(recorded_page) -> None:
    fields = InvoiceExtractor().extract(recorded_page["lines"])
    for field in fields:
        if not field.value or field.name in ("省", "市", "发票消费类型", "发票类型"):
            assert field.polygon is None and field.rect is None, field.name


def test_every_read_value_carries_the_confidence_of_its_reading(recorded_page) -> None:
    fields = InvoiceExtractor().extract(recorded_page["lines"])
    scores = [line.score for line in recorded_page["lines"]]
    for field in fields:
        if field.name in ("省", "市", "发票消费类型", "发票类型") or not field.value:
            assert field.confidence in (None, 0.0), field.name
        else:
            assert field.confidence is not None and 0.0 <= field.confidence <= 1.0, field.name
    right = [f for f in fields if f.value == recorded_page["expected"].get(f.name)]
    assert sum(f.doubtful for f in right) <= 2
    assert min(scores) <= min(f.confidence for f in fields if f.confidence)


def test_a_misread_code_is_doubted_and_a_blank_printed_field_has_none() -> None:
    page = load_fixture("motor_000_clean")
    lines = [
        OcrLine("9l41Ol1393O955972H", line.polygon, 0.62)
        if line.text == "91410113930955972H"
        else line
        for line in page["lines"]
        if line.text.strip() not in ("大众汽车牌SVW7141BRD",)
    ]
    fields = {f.name: f for f in InvoiceExtractor().extract(lines)}
    assert fields["销售方纳税人识别号"].doubtful
    assert fields["厂牌型号"].value == "" and fields["厂牌型号"].confidence == 0.0


def test_boxes_overlap_the_printed_values(recorded_page) -> None:
    fields = {f.name: f for f in InvoiceExtractor().extract(recorded_page["lines"])}
    boxes = recorded_page["boxes"]
    hits = sum(
        fields[name].rect is not None and fields[name].rect.iou(Rect(*box)) >= 0.5
        for name, box in boxes.items()
    )
    assert hits / len(boxes) >= 0.9


def test_motor_page_values() -> None:
    fields = {
        f.name: f.value
        for f in InvoiceExtractor().extract(load_fixture("motor_000_clean")["lines"])
    }
    assert fields["价税合计(小写)"] == "¥305039.43"
    assert fields["不含税价(小写)"] == "¥269946.40"  # read without the ¥ sign
    assert fields["限乘人数"] == "5"  # merged with its label: "人数5"
    assert fields["开票日期"] == "2020-08-20"
    assert fields["省"] == "河南省" and fields["市"] == "郑州市"
    assert fields["发票消费类型"] == "用车"
    assert fields["商检单号"] == "" and fields["完税凭证号码"] == ""


def test_used_page_values() -> None:
    fields = {
        f.name: f.value for f in InvoiceExtractor().extract(load_fixture("used_008_clean")["lines"])
    }
    assert fields["发票类型"] == "二手车销售统一发票"
    assert fields["开票人"] == "甄丽波"  # "开票人：甄丽波" is one OCR line
    assert fields["车价合计(小写)"] == "¥209400.00"
    assert fields["二手车市场开户银行、账号"].startswith("招商银行")  # its label is under the seal


def _transform(lines: list[OcrLine], angle_deg: float, scale: float, shear: float) -> list[OcrLine]:
    a = math.radians(angle_deg)

    def move(p: tuple[float, float]) -> tuple[float, float]:
        x, y = p[0] + shear * p[1], p[1]
        return (
            scale * (x * math.cos(a) - y * math.sin(a)) + 300,
            scale * (x * math.sin(a) + y * math.cos(a)) + 120,
        )

    return [OcrLine(x.text, tuple(move(p) for p in x.polygon), x.score) for x in lines]  # type: ignore[misc]


@pytest.mark.parametrize(("angle", "scale", "shear"), [(7.0, 0.6, 0.0), (-12.0, 1.7, 0.05)])
def test_rotated_scaled_sheared_pages_read_the_same(
    angle: float, scale: float, shear: float
) -> None:
    page = load_fixture("motor_000_clean")
    moved = _transform(page["lines"], angle, scale, shear)
    assert _accuracy(InvoiceExtractor().extract(moved), page["expected"]) >= 0.97


def _line(text: str, x: float, y: float) -> OcrLine:
    w = 20.0 * len(text)
    return OcrLine(text, ((x, y), (x + w, y), (x + w, y + 20), (x, y + 20)), 0.99)


def test_a_page_that_is_no_invoice_is_refused() -> None:
    lines = [
        _line("会议纪要", 100, 50),
        _line("参加人员：张三、李四", 80, 120),
        _line("2024-05-06", 400, 120),
        _line("一、预算", 80, 200),
    ]
    with pytest.raises(RecognitionError) as caught:
        InvoiceExtractor().extract(lines)
    assert caught.value.code == "Local.NotAnInvoice"


def test_an_empty_page_is_refused() -> None:
    with pytest.raises(RecognitionError) as caught:
        InvoiceExtractor().extract([])
    assert caught.value.code == "Local.NotAnInvoice"


def test_a_title_alone_is_not_enough() -> None:
    with pytest.raises(RecognitionError) as caught:
        InvoiceExtractor().extract([_line("机动车销售统一发票", 300, 40)])
    assert caught.value.code == "Local.NotAnInvoice"


@pytest.mark.parametrize("name", ["motor_000_clean", "used_008_clean"])
def test_form_is_told_by_its_labels_when_the_title_is_unreadable(name: str) -> None:
    page = load_fixture(name)
    lines = [x for x in page["lines"] if "销售统一发票" not in x.text]
    fields = {f.name: f.value for f in InvoiceExtractor().extract(lines)}
    assert fields["发票类型"] == page["expected"]["发票类型"]


def test_lines_far_outside_the_form_are_ignored() -> None:
    page = load_fixture("motor_006_photo")
    desk = [
        _line("2024年度工作计划", 5, 5),
        _line("91420146814538401X", 5, 1580),
        _line("¥99.00", 1700, 40),
    ]
    fields = InvoiceExtractor().extract(page["lines"] + desk)
    assert _accuracy(fields, page["expected"]) >= 0.97


def test_a_code_cut_in_two_by_a_cell_border_is_joined() -> None:
    page = load_fixture("motor_000_clean")
    lines: list[OcrLine] = []
    for line in page["lines"]:
        if line.text == "LHGPAUWB7HM699102":
            (x0, y0), (x1, _), (_, y1), _ = line.polygon
            cut = x0 + (x1 - x0) * 9 / 17
            lines.append(OcrLine("LHGPAUWB7", ((x0, y0), (cut, y0), (cut, y1), (x0, y1))))
            lines.append(OcrLine("HM699102", ((cut + 4, y0), (x1, y0), (x1, y1), (cut + 4, y1))))
        else:
            lines.append(line)
    fields = {f.name: f.value for f in InvoiceExtractor().extract(lines)}
    assert fields["车辆识别代号/车架号码"] == "LHGPAUWB7HM699102"
