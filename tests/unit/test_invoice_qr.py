"""The invoice QR payload (core.invoice_qr) and the qr_match check."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from desktop_app.core.checks import validate
from desktop_app.core.invoice_qr import matched_amount_field, parse_invoice_qr, qr_mismatches
from tests.unit.test_checks import E_MOTOR, E_QR, E_TODAY, SEED, TODAY, USED

# Decoded from the QR image of the genuine 数电 OFD in shared/datasets/einvoice-real
# (ofdrw/ofdrw, ofdrw-converter/src/test/resources/20240531141733.ofd): 价税合计 4449.00.
REAL = "01,31,,24112000000048542163,4449.00,20240528,,B2B6"
# Paper motor seed: code, number, net 不含税价 ¥34188.03, 20-digit check code.
PAPER_QR = "01,03,153001720011,00880890,34188.03,20170731,12345678901234567890,ABCD"


def test_real_einvoice_payload() -> None:
    qr = parse_invoice_qr(REAL)
    assert qr is not None
    assert (qr.kind, qr.code, qr.number) == ("31", "", "24112000000048542163")
    assert qr.amount == Decimal("4449.00") and qr.amount_text == "¥4449.00"
    assert qr.date == datetime.date(2024, 5, 28) and qr.raw == REAL


@pytest.mark.parametrize(
    "text",
    [
        "",
        "https://inv-veri.chinatax.gov.cn/",
        "02,31,,24112000000048542163,4449.00,20240528,,B2B6",  # unknown version
        "01,31,,24112000000048542163,4449.00",  # too few fields
        "01,31,,2411200000004854216,4449.00,20240528,,B2B6",  # 19-digit number
        "01,31,,24112000000048542163,4449.001,20240528,,B2B6",  # fractions of a fen
        "01,31,,24112000000048542163,4449.00,20240230,,B2B6",  # no such day
        "01,31,,24112000000048542163,4,449.00,20240528,,B2B6",  # a thousands comma
        "01,10,15300172001,00880890,34188.03,20170731,,X",  # 11-digit code
    ],
)
def test_not_an_invoice_payload(text: str) -> None:
    assert parse_invoice_qr(text) is None


def test_negative_amount_of_a_red_invoice_parses() -> None:
    qr = parse_invoice_qr(" 01,32,,24112000000048542163,-100.5,20240528,, \n")
    assert qr is not None and qr.amount == Decimal("-100.5") and qr.amount_text == "-¥100.50"


def test_amount_matches_whichever_total_it_equals() -> None:
    e_qr, paper_qr = parse_invoice_qr(E_QR), parse_invoice_qr(PAPER_QR)
    assert matched_amount_field(e_qr, E_MOTOR) == "价税合计(小写)"
    assert matched_amount_field(paper_qr, SEED) == "不含税价(小写)"
    used = parse_invoice_qr("01,15,153001720022,00123456,34188.03,20200618,,X")
    assert matched_amount_field(used, USED) == "车价合计(小写)"
    assert qr_mismatches(e_qr, E_MOTOR) == [] and qr_mismatches(paper_qr, SEED) == []


def test_every_mismatch_is_named() -> None:
    qr = parse_invoice_qr(PAPER_QR)
    values = {**SEED, "发票号码": "00880891", "发票代码": "153001720017", "开票日期": "2017-07-30"}
    values |= {"价税合计(小写)": "¥40000.01", "不含税价(小写)": "¥34188.30"}
    found = {(m.name, m.value, m.expected) for m in qr_mismatches(qr, values)}
    assert found == {
        ("发票号码", "00880891", "00880890"),
        ("发票代码", "153001720017", "153001720011"),
        ("开票日期", "2017-07-30", "2017-07-31"),
        ("价税合计(小写)", "¥40000.01", "¥34188.03"),
        ("不含税价(小写)", "¥34188.30", "¥34188.03"),
    }


def test_blank_and_unreadable_fields_are_not_compared() -> None:
    qr = parse_invoice_qr(PAPER_QR)
    blank = {"发票号码": "", "发票代码": "", "开票日期": "", "价税合计(小写)": ""}
    assert qr_mismatches(qr, blank) == []
    assert qr_mismatches(qr, {"开票日期": "2017-02-30", "价税合计(小写)": "¥4OOOO"}) == []
    # A 数电 QR states no code: a code on the page is not compared with it.
    assert qr_mismatches(parse_invoice_qr(E_QR), {**E_MOTOR, "发票代码": "153001720011"}) == []


def test_validate_with_the_qr_code() -> None:
    assert validate(E_MOTOR, today=E_TODAY, qr=E_QR) == []
    assert validate(SEED, today=TODAY, qr=PAPER_QR) == []
    assert validate(SEED, today=TODAY, qr="not a QR payload") == []
    results = validate({**E_MOTOR, "开票日期": "2025-03-19"}, today=E_TODAY, qr=E_QR)
    assert [(r.check_id, r.level.value, r.fields) for r in results] == [
        ("qr_match", "error", ("开票日期",))
    ]
    assert "2025-03-18" in results[0].message.zh and "QR" in results[0].message.en


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"发票号码": "25532000000012345679"}, {"发票号码"}),
        (
            {"价税合计(小写)": "¥40001.00", "价税合计": "肆万零壹圆整"},
            {"价税合计(小写)", "不含税价(小写)"},
        ),
        # The tax moved with the net price, so the total is consistent, but the QR says 40000.
        (
            {
                "价税合计(小写)": "¥39999.00",
                "价税合计": "叁万玖仟玖佰玖拾玖圆整",
                "不含税价(小写)": "¥35397.23",
            },
            {"价税合计(小写)", "不含税价(小写)"},
        ),
    ],
)
def test_qr_match_fails_on_each_mutated_field(changes: dict[str, str], fields: set[str]) -> None:
    results = validate({**E_MOTOR, **changes}, today=E_TODAY, qr=E_QR)
    qr_results = [r for r in results if r.check_id == "qr_match"]
    assert {f for r in qr_results for f in r.fields} == fields
    assert all(r.level.value == "error" for r in qr_results)
