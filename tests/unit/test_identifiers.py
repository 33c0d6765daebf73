"""VIN, resident ID, unified social credit code, licence plate, province codes."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core import identifiers as ids

SEED_VIN = "LNBMDLAA6HR894143"
SEED_ID = "440524198701010014"
SEED_CREDIT_CODE = "91530502351889446U"

VIN_ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"


# --- VIN -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "vin",
    [SEED_VIN, "1M8GDM9AXKP042788", "1HGCM82633A004352", "11111111111111111"],
)
def test_valid_vins(vin: str) -> None:
    assert ids.vin_problem(vin) is None
    assert ids.is_valid_vin(vin)
    assert ids.vin_check_digit(vin) == vin[8]


def test_check_digit_ten_is_x() -> None:
    assert ids.vin_check_digit("1M8GDM9AXKP042788") == "X"


def test_transliteration_follows_iso_3779() -> None:
    expected = dict(zip("ABCDEFGH", range(1, 9), strict=True))
    expected |= dict(zip("JKLMN", range(1, 6), strict=True)) | {"P": 7, "R": 9}
    expected |= dict(zip("STUVWXYZ", range(2, 10), strict=True))
    expected |= {str(d): d for d in range(10)}
    assert expected == ids.VIN_TRANSLITERATION
    assert not set("IOQ") & set(ids.VIN_TRANSLITERATION)
    assert sum(ids.VIN_WEIGHTS) == 8 + 7 + 6 + 5 + 4 + 3 + 2 + 10 + 9 + 8 + 7 + 6 + 5 + 4 + 3 + 2


@pytest.mark.parametrize(
    ("vin", "problem"),
    [
        (SEED_VIN[:-1], ids.PROBLEM_LENGTH),
        (SEED_VIN + "1", ids.PROBLEM_LENGTH),
        ("", ids.PROBLEM_LENGTH),
        ("LNBMDLAA6HR89414O", ids.PROBLEM_FORBIDDEN_LETTER),
        ("INBMDLAA6HR894143", ids.PROBLEM_FORBIDDEN_LETTER),
        ("LNBMDLAA6HR8941Q3", ids.PROBLEM_FORBIDDEN_LETTER),
        ("LNBMDLAA6HR89414-", ids.PROBLEM_CHARACTER),
        ("lnbmdlaa6hr894143", ids.PROBLEM_CHARACTER),
        ("LNBMDLAA7HR894143", ids.PROBLEM_CHECK),
        ("LNBMDLAA6HR894144", ids.PROBLEM_CHECK),
    ],
)
def test_vin_problems(vin: str, problem: str) -> None:
    assert ids.vin_problem(vin) == problem
    assert not ids.is_valid_vin(vin)


def test_vin_check_digit_ignores_position_nine_and_rejects_bad_input() -> None:
    assert ids.vin_check_digit(SEED_VIN[:8] + "?" + SEED_VIN[9:]) == "6"
    with pytest.raises(ValueError, match="17 characters"):
        ids.vin_check_digit("LNBMDLAA6")
    with pytest.raises(ValueError, match="cannot appear"):
        ids.vin_check_digit("LNBMDLAA6HR89414O")


def test_check_digit_resolves_an_ambiguous_ocr_character() -> None:
    # OCR could not tell 8 from B at position 12: only the true reading checks out.
    candidates = [SEED_VIN[:11] + ch + SEED_VIN[12:] for ch in "8B"]
    assert [v for v in candidates if ids.vin_check_digit(v) == v[8]] == [SEED_VIN]


@given(st.text(alphabet=VIN_ALPHABET, min_size=17, max_size=17))
def test_setting_the_computed_check_digit_makes_any_vin_valid(vin: str) -> None:
    fixed = vin[:8] + ids.vin_check_digit(vin) + vin[9:]
    assert ids.is_valid_vin(fixed)


@given(st.integers(min_value=0, max_value=16).filter(lambda i: i != 8), st.sampled_from("0123"))
def test_a_single_changed_digit_is_caught(index: int, digit: str) -> None:
    vin = "1M8GDM9AXKP042788"
    changed = vin[:index] + digit + vin[index + 1 :]
    if changed != vin and ids.VIN_TRANSLITERATION[vin[index]] != int(digit):
        assert not ids.is_valid_vin(changed)


# --- Resident ID -----------------------------------------------------------------------


@pytest.mark.parametrize("value", [SEED_ID, "11010519491231002X", "110105200002290021"])
def test_valid_resident_ids(value: str) -> None:
    assert ids.looks_like_resident_id(value)
    assert ids.resident_id_problem(value) is None
    assert ids.is_valid_resident_id(value, today=datetime.date(2024, 1, 1))


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (SEED_ID[:-1], ids.PROBLEM_LENGTH),
        ("44052419870101001A", ids.PROBLEM_CHARACTER),
        ("4405241987O1010014", ids.PROBLEM_CHARACTER),
        ("440524198702300014", ids.PROBLEM_DATE),  # 30 February
        ("440524198713010014", ids.PROBLEM_DATE),
        ("440524180001010014", ids.PROBLEM_DATE),  # before 1900
        ("440524198701010015", ids.PROBLEM_CHECK),
        ("11010519491231002x", ids.PROBLEM_CHARACTER),  # callers upper-case if they wish
    ],
)
def test_resident_id_problems(value: str, problem: str) -> None:
    assert ids.resident_id_problem(value) == problem


def test_resident_id_born_after_today_is_a_date_problem() -> None:
    value = "440524203001010010"
    value = value[:17] + ids.resident_id_check_character(value)
    assert ids.resident_id_problem(value) is None
    assert ids.resident_id_problem(value, today=datetime.date(2024, 1, 1)) == ids.PROBLEM_DATE


def test_resident_id_helpers() -> None:
    assert ids.resident_id_check_character(SEED_ID) == "4"
    assert ids.resident_id_check_character("11010519491231002") == "X"
    assert ids.resident_id_birth_date(SEED_ID) == datetime.date(1987, 1, 1)
    assert ids.resident_id_birth_date("440524198702300014") is None
    with pytest.raises(ValueError):
        ids.resident_id_check_character("4405241987")


# --- Unified social credit code --------------------------------------------------------


@pytest.mark.parametrize("code", [SEED_CREDIT_CODE, "91350100M000100Y43"])
def test_valid_credit_codes(code: str) -> None:
    assert ids.credit_code_problem(code) is None
    assert ids.is_valid_credit_code(code)
    assert ids.credit_code_check_character(code) == code[-1]


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        (SEED_CREDIT_CODE[:-1], ids.PROBLEM_LENGTH),
        ("91530502351889446", ids.PROBLEM_LENGTH),
        ("9153050235188944IU", ids.PROBLEM_CHARACTER),
        ("9153050235188944OU", ids.PROBLEM_CHARACTER),
        ("915305023518894S6U", ids.PROBLEM_CHARACTER),
        ("91530502351889446A", ids.PROBLEM_CHECK),
        ("91530502351889447U", ids.PROBLEM_CHECK),
    ],
)
def test_credit_code_problems(code: str, problem: str) -> None:
    assert ids.credit_code_problem(code) == problem


@given(st.text(alphabet=ids.CREDIT_CODE_ALPHABET, min_size=17, max_size=17))
def test_computed_credit_check_character_validates(body: str) -> None:
    assert ids.is_valid_credit_code(body + ids.credit_code_check_character(body))


def test_credit_code_alphabet_and_weights() -> None:
    assert len(ids.CREDIT_CODE_ALPHABET) == 31
    assert not set("IOSVZ") & set(ids.CREDIT_CODE_ALPHABET)
    assert tuple(3**i % 31 for i in range(17)) == ids.CREDIT_CODE_WEIGHTS


# --- Plates and provinces --------------------------------------------------------------


@pytest.mark.parametrize(
    "plate",
    ["云M12345", "京A88888", "粤BD12345", "沪AF12345", "云M·12345", "云M 12345", "苏A1234学"],
)
def test_plate_numbers(plate: str) -> None:
    assert ids.is_plate_number(plate)


@pytest.mark.parametrize(
    "plate", ["", "云12345", "M12345", "云M1234", "云M1234567", "滇M12345", "云m12345", "云M123#5"]
)
def test_not_plate_numbers(plate: str) -> None:
    assert not ids.is_plate_number(plate)


def test_province_table_has_every_province_level_division() -> None:
    assert len(ids.PROVINCES) == 34
    assert ids.province_name("53") == "云南省"
    assert ids.province_name("11") == "北京市"
    assert ids.province_name("65") == "新疆维吾尔自治区"
    assert ids.province_name("71") == "台湾省"
    assert ids.province_name("81") == "香港特别行政区"
    assert ids.province_name("82") == "澳门特别行政区"
    assert ids.province_name("00") is None
    assert ids.province_name("99") is None


def test_same_province_accepts_full_and_short_names() -> None:
    assert ids.same_province("云南省", "53")
    assert ids.same_province("云南", "53")
    assert ids.same_province(" 广西 ", "45")
    assert not ids.same_province("广东省", "53")
    assert not ids.same_province("云南省", "00")


@pytest.mark.parametrize(
    ("number", "issue_year", "problem"),
    [
        ("25532000000012345678", 2025, None),
        ("25532000000012345678", 2026, None),
        ("25532000000012345678", None, None),
        ("25532000000012345678", 2024, ids.PROBLEM_YEAR),
        ("2553200000001234567", 2025, ids.PROBLEM_LENGTH),
        ("00880890", 2025, ids.PROBLEM_LENGTH),
        ("2553200000001234567X", 2025, ids.PROBLEM_CHARACTER),
        ("２5532000000012345678", 2025, ids.PROBLEM_CHARACTER),  # full-width digit
        ("25992000000012345678", 2025, ids.PROBLEM_REGION),
        ("25102000000012345678", 2025, ids.PROBLEM_REGION),
    ],
)
def test_einvoice_number_problem(number: str, issue_year: int | None, problem: str | None) -> None:
    assert ids.einvoice_number_problem(number, issue_year=issue_year) == problem
    assert ids.is_einvoice_number(number) is (
        problem not in (ids.PROBLEM_LENGTH, ids.PROBLEM_CHARACTER)
    )


def test_einvoice_number_year() -> None:
    assert ids.einvoice_number_year("24442000000000000001") == 2024
    with pytest.raises(ValueError):
        ids.einvoice_number_year("2444200000000000000")
