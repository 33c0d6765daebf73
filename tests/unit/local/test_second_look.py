"""The second look at missing or malformed shaped values (with a stand-in recognizer)."""

from __future__ import annotations

from desktop_app.core.schema import FormType
from desktop_app.recognition.local.extractor import InvoiceExtractor, answer_fields
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.second_look import well_formed
from tests.unit.local.conftest import load_fixture


def _lines_without(text: str) -> list[OcrLine]:
    lines = load_fixture("motor_000_clean")["lines"]
    kept = [line for line in lines if line.text != text]
    assert len(kept) == len(lines) - 1
    return kept


class Recognizer:
    """Answers regions in order with the given readings; remembers the regions asked."""

    def __init__(self, *answers: tuple[str, float]) -> None:
        self.answers, self.regions = list(answers), []

    def __call__(self, regions):
        self.regions.extend(regions)
        return [self.answers.pop(0) if self.answers else ("", 0.0) for _ in regions]


def test_a_value_the_detector_missed_is_read_where_it_should_be() -> None:
    recognizer = Recognizer(("2165", 0.99))
    fields = {f.name: f for f in InvoiceExtractor().extract(_lines_without("2165"), recognizer)}
    assert fields["吨位"].value == "2165"
    assert fields["吨位"].polygon is not None
    (region,) = recognizer.regions
    xs = [p[0] for p in region]
    assert min(xs) < 856 and max(xs) > 902  # the printed value spans x 856-897 on this page


def test_an_unsure_reading_does_not_fill_a_blank() -> None:
    recognizer = Recognizer(("1", 0.6))
    fields = {f.name: f for f in InvoiceExtractor().extract(_lines_without("2165"), recognizer)}
    assert fields["吨位"].value == "" and fields["吨位"].polygon is None


def test_a_malformed_code_is_read_again() -> None:
    lines = [
        OcrLine("96792908103", line.polygon, line.score) if line.text == "967929081003" else line
        for line in load_fixture("motor_000_clean")["lines"]
    ]
    recognizer = Recognizer(("967929081003", 0.97))
    fields = {f.name: f.value for f in InvoiceExtractor().extract(lines, recognizer)}
    assert fields["机器编号"] == "967929081003"


def test_a_wrong_shaped_second_reading_is_ignored() -> None:
    recognizer = Recognizer(("吨位", 0.99))
    fields = {
        f.name: f.value for f in InvoiceExtractor().extract(_lines_without("2165"), recognizer)
    }
    assert fields["吨位"] == ""


def test_shapes() -> None:
    specs = {s.name: s for s in answer_fields(FormType.MOTOR)}
    assert well_formed(specs["发票代码"], "141002027893")
    assert not well_formed(specs["发票号码"], "2879217")
    assert well_formed(specs["开票日期"], "2020-08-20")
    assert not well_formed(specs["开票日期"], "2020-13-20")
    assert well_formed(specs["增值税税率或征收率"], "13%")
    assert well_formed(specs["吨位"], "-")
    assert well_formed(specs["购买方名称"], "anything") is None


def _rate_read_as(text: str, score: float) -> list[OcrLine]:
    """motor_000_clean with its tax rate (13%) read as ``text`` with ``score``."""
    return [
        OcrLine(text, line.polygon, score, line.red) if line.text == "13%" else line
        for line in load_fixture("motor_000_clean")["lines"]
    ]


def test_a_doubtful_well_formed_value_is_replaced_by_a_surer_reading() -> None:
    recognizer = Recognizer(("13%", 0.97))
    fields = {
        f.name: f.value for f in InvoiceExtractor().extract(_rate_read_as("3%", 0.7), recognizer)
    }
    assert fields["增值税税率或征收率"] == "13%"


def test_a_doubtful_value_keeps_its_reading_against_one_no_surer() -> None:
    recognizer = Recognizer(("16%", 0.72))
    fields = {
        f.name: f.value for f in InvoiceExtractor().extract(_rate_read_as("13%", 0.7), recognizer)
    }
    assert fields["增值税税率或征收率"] == "13%"


def test_a_sure_well_formed_value_is_not_read_again() -> None:
    recognizer = Recognizer()
    InvoiceExtractor().extract(load_fixture("motor_000_clean")["lines"], recognizer)
    assert recognizer.regions == []
