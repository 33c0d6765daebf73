"""apply_qr: the QR payload kept on every result; OCR misreads settled with a note."""

from __future__ import annotations

from desktop_app.core.checks import validate
from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import ORIGIN_OCR, ORIGIN_PDF, ORIGIN_XML, PageText
from desktop_app.recognition.qr_check import apply_qr, page_qr, settle_from_qr
from tests.unit.test_checks import E_MOTOR, E_QR, E_TODAY, SEED, TODAY

PAPER_QR = "01,03,153001720011,00880890,34188.03,20170731,12345678901234567890,ABCD"


def result_of(values: dict[str, str]) -> RecognitionResult:
    return RecognitionResult(
        tuple(RecognizedField(n, v) for n, v in values.items()), engine="local"
    )


def page(text_origin: str | None = None, stated: str = "") -> PageImage:
    text = None
    if text_origin is not None:
        text = PageText(
            100, 100, 150, (), origin=text_origin, extras={"qr": stated} if stated else {}
        )
    return PageImage(b"not decoded in these tests", "image/png", 100, 100, text=text)


def reader(*codes: str):
    calls: list[PageImage] = []

    def read(p: PageImage) -> tuple[str, ...]:
        calls.append(p)
        return codes

    read.calls = calls  # type: ignore[attr-defined]
    return read


def test_exact_pages_keep_their_values_and_the_check_reports_the_mismatch() -> None:
    wrong = {**E_MOTOR, "开票日期": "2025-03-19"}
    out = apply_qr(result_of(wrong), page(ORIGIN_PDF), read=reader(E_QR))
    assert out.qr == E_QR and out.values() == wrong and out.notes() == {}
    failed = validate(out.values(), today=E_TODAY, qr=out.qr)
    assert [(r.check_id, r.fields) for r in failed] == [("qr_match", ("开票日期",))]


def test_a_stated_payload_is_used_without_decoding_the_image() -> None:
    read = reader()
    out = apply_qr(result_of(E_MOTOR), page(ORIGIN_PDF, stated=E_QR), read=read)
    assert out.qr == E_QR and read.calls == []


def test_no_or_foreign_code_leaves_the_result_alone() -> None:
    result = result_of(SEED)
    assert apply_qr(result, page(), read=reader()) is result
    assert apply_qr(result, page(), read=reader("https://example.org/x")) is result
    # The first invoice payload among several codes is the one kept.
    assert apply_qr(result, page(), read=reader("WIFI:S:x;;", PAPER_QR)).qr == PAPER_QR
    assert page_qr(page(), reader("garbage")) is None


def test_ocr_misreads_are_settled_from_the_qr_with_a_note() -> None:
    misread = {**SEED, "发票号码": "00880896", "机打号码": "0088089O", "开票日期": "2017-07-21"}
    misread["不含税价(小写)"] = "¥34l88.03"  # an OCR l for 1
    out = apply_qr(result_of(misread), page(ORIGIN_OCR), read=reader(PAPER_QR))
    assert out.values() == SEED
    notes = out.notes()
    assert set(notes) == {"发票号码", "机打号码", "开票日期", "不含税价(小写)"}
    assert "00880896" in notes["发票号码"].zh and "二维码" in notes["发票号码"].zh
    assert "QR code" in notes["开票日期"].en
    assert validate(out.values(), today=TODAY, qr=out.qr) == []


def test_a_scan_without_text_layer_is_settled_too() -> None:
    out = apply_qr(result_of({**SEED, "发票号码": ""}), page(), read=reader(PAPER_QR))
    assert out.value("发票号码") == "00880890"
    assert "识别结果为空" in out.get("发票号码").note.zh


def test_values_equal_in_another_spelling_are_not_rewritten() -> None:
    spelled = {**SEED, "开票日期": "2017年07月31日", "不含税价(小写)": "￥34,188.03"}
    out = settle_from_qr(result_of(spelled), page_qr(page(), reader(PAPER_QR)))
    assert out.values() == spelled and out.notes() == {}


def test_einvoice_blank_code_and_twins_stay_blank() -> None:
    out = apply_qr(
        result_of({**E_MOTOR, "发票号码": "2553200000001234567B"}), page(), read=reader(E_QR)
    )
    assert out.value("发票号码") == "25532000000012345678"
    assert all(out.value(n) == "" for n in ("发票代码", "机打代码", "机打号码", "机器编号"))
    assert set(out.notes()) == {"发票号码"}


def test_an_amount_far_from_every_total_is_left_for_the_check() -> None:
    far = {**SEED, "不含税价(小写)": "¥30000.00"}
    out = apply_qr(result_of(far), page(ORIGIN_OCR), read=reader(PAPER_QR))
    assert out.values() == far
    failed = validate(out.values(), today=TODAY, qr=out.qr)
    assert "qr_match" in {r.check_id for r in failed}


def test_an_amount_as_close_to_two_totals_is_no_evidence() -> None:
    qr = "01,03,153001720011,00880890,100.00,20170731,,X"
    values = {"价税合计(小写)": "¥100.01", "不含税价(小写)": "¥100.02"}
    out = apply_qr(result_of(values), page(), read=reader(qr))
    assert out.values() == values


def test_a_page_drawn_from_xml_is_not_searched_for_a_code() -> None:
    read = reader(E_QR)
    assert page_qr(page(ORIGIN_XML), read) is None and read.calls == []
    assert page_qr(page(ORIGIN_XML, stated=E_QR), read).raw == E_QR
