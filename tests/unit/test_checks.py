"""The reviewer's checks (field-schema.md): the seed passes, every check catches a mutation."""

from __future__ import annotations

import datetime
import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from desktop_app.core.checks import (
    CHECKS,
    CheckResult,
    Level,
    province_of_einvoice_number,
    province_of_invoice_code,
    validate,
)
from desktop_app.core.codec import parse_response
from desktop_app.core.schema import FormType

SEED_PATH = Path(__file__).resolve().parents[1] / "fixtures" / "seed-example-response.json"
TODAY = datetime.date(2024, 1, 1)


def _seed_values() -> dict[str, str]:
    document = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    return parse_response(document).values()


SEED = _seed_values()

# A used-car invoice built from the seed's real-format identifiers; it passes every check.
USED = {
    "发票代码": "153001720022",
    "发票号码": "00123456",
    "开票日期": "2020-06-18",
    "机打代码": "153001720022",
    "机打号码": "00123456",
    "机器编号": "889903434116",
    "买方单位/个人": "李明",
    "买方单位代码/身份证号码": "440524198701010014",
    "卖方单位/个人": "保山汽车销售服务有限公司",
    "卖方单位代码/身份证号码": "91530502351889446U",
    "车牌照号": "云M12345",
    "登记证号": "530001234567",
    "车架号/车辆识别代码": "LNBMDLAA6HR894143",
    "车价合计(大写)": "叁万肆仟壹佰捌拾捌圆零叁分",
    "车价合计(小写)": "¥34188.03",
    "经营、拍卖单位纳税人识别号": "",
    "二手车市场纳税人识别号": "91350100M000100Y43",
    "省": "云南省",
    "市": "保山市",
    "发票消费类型": "用车",
    "发票类型": "二手车销售统一发票",
}
# 数电 e-invoices (field-schema.md): no code, machine number or 机打 twins; a 20-digit number.
E_TODAY = datetime.date(2026, 1, 1)
E_BLANK = {"发票代码": "", "机打代码": "", "机打号码": "", "机器编号": ""}
E_MOTOR = {
    **SEED,
    **E_BLANK,
    "发票号码": "25532000000012345678",
    "开票日期": "2025-03-18",
    "增值税税率或征收率": "13%",
    "不含税价(小写)": "¥35398.23",
    "增值税税额": "¥4601.77",
    "发票类型": "电子发票（机动车销售统一发票）",
}
E_USED = {
    **USED,
    **E_BLANK,
    "发票号码": "25532000000000000123",
    "开票日期": "2025-06-18",
    "发票类型": "电子发票（二手车销售统一发票）",
}
SAMPLES = {"motor": SEED, "used": USED, "e_motor": E_MOTOR, "e_used": E_USED}
# The QR payload of the 数电 motor sample (its amount is the 价税合计, as on real 数电 invoices).
E_QR = "01,83,,25532000000012345678,40000.00,20250318,,1A2B"
QRS = {"e_motor": E_QR}

# The level field-schema.md gives each check (money_format is ours: an unreadable amount).
SPEC_LEVELS = {
    "invoice_code_format": Level.ERROR,
    "invoice_number_format": Level.ERROR,
    "machine_number_format": Level.ERROR,
    "printed_code_match": Level.ERROR,
    "printed_number_match": Level.ERROR,
    "issue_date_format": Level.ERROR,
    "issue_date_future": Level.ERROR,
    "money_format": Level.ERROR,
    "total_sum": Level.ERROR,
    "total_words": Level.ERROR,
    "tax_amount": Level.WARNING,
    "tax_rate_value": Level.WARNING,
    "tax_rate_period": Level.WARNING,
    "vin": Level.ERROR,
    "resident_id": Level.ERROR,
    "credit_code": Level.ERROR,
    "credit_code_length": Level.WARNING,
    "seat_count": Level.WARNING,
    "tonnage": Level.WARNING,
    "einvoice_number": Level.ERROR,
    "province": Level.WARNING,
    "plate": Level.WARNING,
    "qr_match": Level.ERROR,
    "printed_missing": Level.WARNING,
}

# check id, sample, changed values: each mutation must fail that check.
MUTATIONS = [
    ("invoice_code_format", "motor", {"发票代码": "15300172001", "机打代码": "15300172001"}),
    ("invoice_code_format", "used", {"发票代码": "15300172002B", "机打代码": "15300172002B"}),
    ("invoice_number_format", "motor", {"发票号码": "0088089", "机打号码": "0088089"}),
    ("machine_number_format", "motor", {"机器编号": "88990343411"}),
    ("printed_code_match", "motor", {"机打代码": "153001720017"}),
    ("printed_number_match", "motor", {"机打号码": "00880898"}),
    ("printed_number_match", "used", {"机打号码": "00123465"}),
    ("issue_date_format", "motor", {"开票日期": "2017-02-30"}),
    ("issue_date_format", "motor", {"开票日期": "2017-07"}),
    ("issue_date_future", "motor", {"开票日期": "2024-01-02"}),
    ("money_format", "motor", {"增值税税额": "¥58l1.97"}),
    ("money_format", "motor", {"价税合计": "肆万园整"}),
    ("money_format", "used", {"车价合计(小写)": "¥34188.031"}),
    ("total_sum", "motor", {"价税合计(小写)": "¥40001.00", "价税合计": "肆万零壹圆整"}),
    ("total_words", "motor", {"价税合计": "肆万零壹圆整"}),
    ("total_words", "used", {"车价合计(大写)": "叁万肆仟壹佰捌拾捌圆零肆分"}),
    ("tax_amount", "motor", {"不含税价(小写)": "¥34189.00", "增值税税额": "¥5811.00"}),
    ("tax_rate_value", "motor", {"增值税税率或征收率": "18%"}),
    ("tax_rate_value", "motor", {"增值税税率或征收率": "17"}),
    ("tax_rate_period", "motor", {"开票日期": "2019-04-01"}),
    ("tax_rate_period", "motor", {"增值税税率或征收率": "16%"}),
    ("vin", "motor", {"车辆识别代号/车架号码": "LNBMDLAA6HR894148"}),
    ("vin", "motor", {"车辆识别代号/车架号码": "LNBMDLAA6HR89414"}),
    ("vin", "motor", {"车辆识别代号/车架号码": "LNBMDLAA6HR8941O3"}),
    ("vin", "used", {"车架号/车辆识别代码": "LNBMDLAA6HR894134"}),
    ("resident_id", "motor", {"身份证号码/组织机构代码": "440524198701010015"}),
    ("resident_id", "motor", {"身份证号码/组织机构代码": "440524198702300014"}),
    ("resident_id", "used", {"买方单位代码/身份证号码": "440524198701010041"}),
    ("credit_code", "motor", {"销售方纳税人识别号": "91530502351889446A"}),
    ("credit_code", "motor", {"购买方纳税人识别号": "9153050235188944IU"}),
    ("credit_code", "used", {"卖方单位代码/身份证号码": "91530502351889464U"}),
    ("credit_code_length", "motor", {"销售方纳税人识别号": "530502351889446"}),
    ("credit_code_length", "used", {"经营、拍卖单位纳税人识别号": "MA6K1234-5"}),
    ("seat_count", "motor", {"限乘人数": "0"}),
    ("seat_count", "motor", {"限乘人数": "100"}),
    ("seat_count", "motor", {"限乘人数": "7.5"}),
    ("tonnage", "motor", {"吨位": "l790"}),
    ("province", "motor", {"省": "广东省"}),
    ("province", "used", {"省": "北京"}),
    ("plate", "used", {"车牌照号": "云12345"}),
    ("einvoice_number", "e_motor", {"发票号码": "2553200000001234567"}),
    ("einvoice_number", "e_motor", {"发票号码": "255320000000123456789"}),
    ("einvoice_number", "e_motor", {"发票号码": "2553200000001234567O"}),
    ("einvoice_number", "e_motor", {"发票号码": "00880890"}),
    ("einvoice_number", "e_motor", {"开票日期": "2024-12-31"}),
    ("einvoice_number", "e_used", {"发票号码": "26532000000000000123"}),
    ("einvoice_number", "e_motor", {"发票号码": "25992000000012345678"}),
    ("einvoice_number", "e_used", {"发票号码": "25002000000000000123"}),
    ("province", "e_motor", {"省": "广东省"}),
    ("province", "e_used", {"省": "北京"}),
    ("province", "e_motor", {"发票号码": "25442000000012345678"}),
    ("vin", "e_motor", {"车辆识别代号/车架号码": "LNBMDLAA6HR894148"}),
    ("total_sum", "e_motor", {"增值税税额": "¥4601.78"}),
    ("qr_match", "e_motor", {"开票日期": "2025-03-19"}),
    ("qr_match", "e_motor", {"发票号码": "25532000000012345687"}),
    ("qr_match", "e_motor", {"价税合计(小写)": "¥40010.00", "价税合计": "肆万零壹拾圆整"}),
    ("plate", "used", {"车牌照号": "云M1234567"}),
    ("printed_missing", "motor", {"厂牌型号": ""}),
    ("printed_missing", "used", {"登记证号": " "}),
    ("printed_missing", "e_motor", {"不含税价(小写)": ""}),
    # A 15-character taxpayer number (region + organization code) after 2015-10-01.
    ("credit_code_length", "motor", {"销售方纳税人识别号": "530502MA6K12349"}),
]


def _failures(results: list[CheckResult]) -> list[str]:
    return [f"{r.check_id}: {r.message.zh}" for r in results]


def test_seed_passes_every_check() -> None:
    assert validate(SEED, today=TODAY) == []
    assert validate(SEED) == []
    assert validate(SEED, FormType.MOTOR, today=TODAY) == []


def test_used_sample_passes_every_check() -> None:
    assert _failures(validate(USED, today=TODAY)) == []
    assert validate(USED, FormType.USED) == []


def test_registry_levels_follow_the_spec() -> None:
    assert {cid: info.level for cid, info in CHECKS.items()} == SPEC_LEVELS
    for check_id, info in CHECKS.items():
        assert info.check_id == check_id
        assert info.description.zh and info.description.en


def test_every_check_has_a_mutation() -> None:
    assert {check_id for check_id, _, _ in MUTATIONS} == set(CHECKS)


@pytest.mark.parametrize(("check_id", "sample", "changes"), MUTATIONS)
def test_mutation_fails_the_check(check_id: str, sample: str, changes: dict[str, str]) -> None:
    values = {**SAMPLES[sample], **changes}
    today = E_TODAY if sample.startswith("e_") else TODAY
    qr = QRS.get(sample, "")
    results = [r for r in validate(values, today=today, qr=qr) if r.check_id == check_id]
    assert results, f"{check_id} did not catch {changes}"
    for result in results:
        assert result.level is SPEC_LEVELS[check_id]
        assert set(result.fields) & set(changes)
        for text in (result.message.zh, result.message.en):
            assert text and "{" not in text


@pytest.mark.parametrize("name", sorted(SEED))
def test_blanking_any_seed_field_fails_nothing_but_its_missing_print(name: str) -> None:
    from desktop_app.core.generations import always_printed

    results = validate({**SEED, name: ""}, today=TODAY)
    missing = name in always_printed(FormType.MOTOR, einvoice=False)
    assert [(r.check_id, r.fields) for r in results] == (
        [("printed_missing", (name,))] if missing else []
    )


def test_all_blank_and_empty_fail_nothing() -> None:
    assert validate({name: "" for name in SEED}, today=TODAY) == []
    assert validate({name: "   " for name in USED}, today=TODAY) == []
    assert validate({}, today=TODAY) == []


def test_results_are_frozen_and_carry_both_languages() -> None:
    (result,) = validate({**SEED, "限乘人数": "0"}, today=TODAY)
    assert result == CheckResult(result.check_id, Level.WARNING, ("限乘人数",), result.message)
    assert "限乘人数" in result.message.get("zh")
    assert "Seat" in result.message.get("en")
    with pytest.raises(FrozenInstanceError):
        result.level = Level.ERROR  # type: ignore[misc]


def test_english_message_uses_english_field_labels() -> None:
    (result,) = validate({**SEED, "机打代码": "153001720017"}, today=TODAY)
    assert result.fields == ("机打代码", "发票代码")
    assert "Printed invoice code" in result.message.en
    assert "Invoice code" in result.message.en


def test_names_in_any_spelling_are_checked() -> None:
    values = {k: v for k, v in SEED.items() if k != "价税合计(小写)"}
    values["价税合计（小写）"] = "¥40001.00"
    ids = {r.check_id for r in validate(values, today=TODAY)}
    assert {"total_sum", "total_words"} <= ids


def test_undetectable_form_still_checks_shared_and_both_forms_fields() -> None:
    results = validate({"发票代码": "123", "省": "云南省"}, today=TODAY)
    assert [r.check_id for r in results] == ["invoice_code_format"]
    results = validate(
        {"车价合计(大写)": "肆万圆整", "车价合计(小写)": "¥1.00", "价税合计": "壹圆整"},
        FormType.MOTOR,
        today=TODAY,
    )
    assert results == []  # the used-car pair is not part of the motor form


def test_total_sum_is_a_motor_form_check() -> None:
    values = {"价税合计(小写)": "¥3.00", "不含税价(小写)": "¥1.00", "增值税税额": "¥1.00"}
    assert [r.check_id for r in validate(values, FormType.MOTOR, today=TODAY)] == ["total_sum"]
    assert validate(values, FormType.USED, today=TODAY) == []


def test_future_date_uses_real_today_by_default() -> None:
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    results = validate({**SEED, "开票日期": tomorrow.isoformat()})
    assert "issue_date_future" in {r.check_id for r in results}
    assert validate({**SEED, "开票日期": "2017-07-31"}, today=datetime.date(2017, 7, 31)) == []


@pytest.mark.parametrize(
    ("day", "rate", "ok"),
    [
        ("2018-04-30", "17%", True),
        ("2018-04-30", "16%", False),
        ("2018-05-01", "16%", True),
        ("2018-05-01", "17%", False),
        ("2019-03-31", "16%", True),
        ("2019-04-01", "13%", True),
        ("2019-04-01", "16%", False),
        ("2023-06-30", "13%", True),
        ("2016-01-01", "3%", True),
        ("2023-06-30", "3%", True),
    ],
)
def test_rate_matches_the_date(day: str, rate: str, ok: bool) -> None:
    values = {"开票日期": day, "增值税税率或征收率": rate}
    ids = {r.check_id for r in validate(values, FormType.MOTOR, today=TODAY)}
    assert ("tax_rate_period" not in ids) is ok
    assert "tax_rate_value" not in ids


@pytest.mark.parametrize(
    ("tax", "ok"),
    # 34188.03 × 17% = 5811.9651; two rounding steps allow 0.02 either way.
    [
        ("¥5811.97", True),
        ("¥5811.98", True),
        ("¥5811.95", True),
        ("¥5811.99", False),
        ("¥5811.94", False),
    ],
)
def test_tax_amount_tolerance_is_a_cent_per_rounding_step(tax: str, ok: bool) -> None:
    values = {"不含税价(小写)": "¥34188.03", "增值税税率或征收率": "17%", "增值税税额": tax}
    ids = {r.check_id for r in validate(values, FormType.MOTOR, today=TODAY)}
    assert ("tax_amount" not in ids) is ok


def test_small_scale_levy_rate_tax() -> None:
    values = {"不含税价(小写)": "¥10000.00", "增值税税率或征收率": "3%", "增值税税额": "¥300.00"}
    assert validate(values, FormType.MOTOR, today=TODAY) == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("身份证号码/组织机构代码", "91530502351889446U"),  # a company's credit code
        ("身份证号码/组织机构代码", "11010519491231002x"),  # lower-case x
        ("购买方纳税人识别号", "440524198701010014"),  # a person's ID as taxpayer number
        ("销售方纳税人识别号", "91530502351889446u"),
        ("车辆识别代号/车架号码", "lnbmdlaa6hr894143"),
        ("限乘人数", "07"),
        ("吨位", "1.5"),
        ("省", "云南"),
        ("增值税税率或征收率", "17.0%"),
        ("价税合计", "⊗人民币肆万元整"),
        ("价税合计(小写)", "￥40,000.00"),
    ],
)
def test_acceptable_variants_pass(name: str, value: str) -> None:
    assert _failures(validate({**SEED, name: value}, today=TODAY)) == []


def test_unreadable_amounts_are_reported_once() -> None:
    results = validate({**SEED, "价税合计(小写)": "¥4OOOO.OO"}, today=TODAY)
    assert [(r.check_id, r.fields) for r in results] == [("money_format", ("价税合计(小写)",))]


def test_province_of_invoice_code() -> None:
    assert province_of_invoice_code(SEED["发票代码"]) == "云南省"
    assert province_of_invoice_code(" 111001720011 ") == "北京市"
    assert province_of_invoice_code("165001720011") == "新疆维吾尔自治区"
    assert province_of_invoice_code("100001720011") is None
    assert province_of_invoice_code("15300172001") is None
    assert province_of_invoice_code("1530017200") is None
    assert province_of_invoice_code("") is None


@pytest.mark.parametrize("sample", ["e_motor", "e_used"])
def test_einvoice_samples_pass_every_check(sample: str) -> None:
    assert _failures(validate(SAMPLES[sample], today=E_TODAY)) == []


@pytest.mark.parametrize("sample", ["e_motor", "e_used"])
def test_blanking_any_einvoice_field_fails_nothing_but_its_missing_print(sample: str) -> None:
    for name in SAMPLES[sample]:
        results = validate({**SAMPLES[sample], name: ""}, today=E_TODAY)
        assert [(r.check_id, r.fields) for r in results if r.fields != (name,)] == [], name
        assert {r.check_id for r in results} <= {"printed_missing"}, name


@pytest.mark.parametrize(
    "changes",
    [
        {"机器编号": "123"},  # the paper form's 12-digit machine number does not apply
        {"机打号码": "00880890"},  # nor do the 机打 twins
        {"机打代码": "153001720011"},
        {"发票代码": "1530017200"},  # nor the 12-digit code
    ],
)
def test_paper_only_checks_do_not_apply_to_einvoices(changes: dict[str, str]) -> None:
    assert _failures(validate({**E_MOTOR, **changes}, today=E_TODAY)) == []


def test_einvoice_is_known_by_its_title_or_its_20_digits() -> None:
    by_number = {**E_MOTOR, "发票类型": ""}
    assert _failures(validate(by_number, today=E_TODAY)) == []
    by_title = {**E_MOTOR, "发票号码": "00880890"}
    results = validate(by_title, today=E_TODAY)
    assert [(r.check_id, r.fields) for r in results] == [("einvoice_number", ("发票号码",))]
    assert "20" in results[0].message.zh and "20" in results[0].message.en
    # A paper invoice is still held to its own 8 digits and blank-free twins.
    paper = validate({**SEED, "发票号码": "0088089"}, today=TODAY)
    assert {r.check_id for r in paper} == {"invoice_number_format", "printed_number_match"}


def test_einvoice_number_year_names_both_fields() -> None:
    (result,) = validate({**E_MOTOR, "开票日期": "2024-12-31"}, today=E_TODAY)
    assert result.fields == ("发票号码", "开票日期")
    assert "2025" in result.message.zh and "2024-12-31" in result.message.en
    # The same year, or a later issue date, is right; an unreadable date skips the year.
    assert validate({**E_MOTOR, "开票日期": "2025-01-01"}, today=E_TODAY) == []
    results = validate({**E_MOTOR, "开票日期": "2024-13-01"}, today=E_TODAY)
    assert [r.check_id for r in results] == ["issue_date_format"]


def test_einvoice_province_from_number_digits_3_4() -> None:
    assert province_of_einvoice_number(E_MOTOR["发票号码"]) == "云南省"
    assert province_of_einvoice_number(" 25312000000012345678 ") == "上海市"
    assert province_of_einvoice_number("25992000000012345678") is None
    assert province_of_einvoice_number("153001720011") is None
    assert validate({**E_MOTOR, "省": "云南"}, today=E_TODAY) == []
    shanghai = {**E_MOTOR, "发票号码": "25312000000012345678", "省": "上海市"}
    assert validate(shanghai, today=E_TODAY) == []
    (result,) = validate({**shanghai, "省": "云南省"}, today=E_TODAY)
    assert result.fields == ("省", "发票号码")
    assert "31" in result.message.zh and "上海市" in result.message.en


def test_einvoice_form_is_detected_from_the_title() -> None:
    # The used-car e-invoice keeps the used form's checks (no motor total_sum).
    values = {"发票类型": "电子发票（二手车销售统一发票）", "价税合计(小写)": "¥3.00"}
    values |= {"不含税价(小写)": "¥1.00", "增值税税额": "¥1.00"}
    assert validate(values, today=E_TODAY) == []
    values["发票类型"] = "电子发票（机动车销售统一发票）"
    assert [r.check_id for r in validate(values, today=E_TODAY)] == ["total_sum"]


OLD_TAXPAYER = "530502" + "MA6K1234" + "9"  # region code + organization code (GB 11714)


def test_organization_code_check_character() -> None:
    from desktop_app.core.generations import is_organization_code

    assert is_organization_code("MA6K12349")
    assert is_organization_code("MA6K1234-9")
    assert is_organization_code("D2143569X")  # the standard's own example (10 → X)
    assert not is_organization_code("MA6K12341")


def test_old_identifiers_are_legal_before_the_credit_code() -> None:
    """15-digit taxpayer numbers, organization codes, 15-digit IDs: legal on old invoices."""
    old = {**USED, "开票日期": "2014-06-18"}
    for value in (OLD_TAXPAYER, "MA6K12349", "440524870101001", "44052419870101001511"):
        values = {**old, "经营、拍卖单位纳税人识别号": value}
        assert _failures(validate(values, today=TODAY)) == [], value


def test_old_identifiers_after_the_credit_code_are_a_warning_at_most() -> None:
    values = {**USED, "经营、拍卖单位纳税人识别号": OLD_TAXPAYER}
    results = validate(values, today=TODAY)
    assert [(r.check_id, r.level) for r in results] == [("credit_code_length", Level.WARNING)]
    assert "2015-10-01" in results[0].message.zh


def test_a_blank_field_every_invoice_prints_is_missing_an_absent_one_is_not_judged() -> None:
    values = {**SEED, "厂牌型号": "", "进口证明书号": "", "开票人": ""}
    results = validate(values, today=TODAY)
    assert [(r.check_id, r.fields) for r in results] == [("printed_missing", ("厂牌型号",))]
    partial = {k: v for k, v in SEED.items() if k != "厂牌型号"}
    assert validate(partial, today=TODAY) == []
    # 数电: the paper-only codes are blank on every genuine one.
    assert validate({**E_MOTOR, "机器编号": "", "发票代码": ""}, today=E_TODAY) == []
