"""Value formats as the service prints them: money, rate, date, numbers."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.values import (
    CENT,
    YUAN_SIGN,
    format_date,
    format_money,
    format_rate,
    is_blank,
    parse_date,
    parse_money,
    parse_number,
    parse_rate,
    parse_whole_number,
    round_cents,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¥40000.00", "40000.00"),
        ("￥40000.00", "40000.00"),
        ("¥40,000.00", "40000.00"),
        ("￥４０，０００．００", "40000.00"),
        (" ¥ 34 188.03 ", "34188.03"),
        ("40000", "40000.00"),
        ("¥0.5", "0.50"),
        ("40000.00元", "40000.00"),
        ("-¥5811.97", "-5811.97"),
        ("¥-5811.97", "-5811.97"),
    ],
)
def test_parse_money_accepts_printed_and_common_forms(text: str, expected: str) -> None:
    amount = parse_money(text)
    assert amount == Decimal(expected)
    assert amount.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "text", ["", "   ", "¥", "abc", "¥40000.001", "¥4OOOO.00", "--5", "-¥-5", "¥1.2.3", "17%"]
)
def test_parse_money_rejects_garbage_with_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="not an amount"):
        parse_money(text)


def test_format_money_writes_yen_sign_and_two_decimals() -> None:
    assert format_money(Decimal("40000")) == "¥40000.00"
    assert format_money(Decimal("34188.03")) == "¥34188.03"
    assert format_money(7) == "¥7.00"
    assert format_money(Decimal("-5.1")) == "-¥5.10"
    assert format_money(Decimal("1E+3")) == "¥1000.00"
    assert format_money(Decimal(0))[0] == YUAN_SIGN == "\u00a5"


def test_format_money_refuses_fractions_of_a_fen() -> None:
    with pytest.raises(ValueError):
        format_money(Decimal("1.005"))
    with pytest.raises(ValueError):
        format_money(Decimal("NaN"))


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_money_round_trip(cents: int) -> None:
    amount = Decimal(cents).scaleb(-2)
    assert parse_money(format_money(amount)) == amount


def test_round_cents_rounds_half_up() -> None:
    assert round_cents(Decimal("5811.9651")) == Decimal("5811.97")
    assert round_cents(Decimal("0.005")) == CENT
    assert round_cents(Decimal("-0.005")) == -CENT
    assert round_cents(Decimal("1.004")) == Decimal("1.00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("17%", 17), ("13%", 13), ("3 %", 3), ("１６％", 16), ("1.5%", Decimal("1.5"))],
)
def test_parse_rate(text: str, expected: Decimal | int) -> None:
    assert parse_rate(text) == expected


@pytest.mark.parametrize("text", ["", "17", "0.17", "%", "十七%", "17%%", "-3%"])
def test_parse_rate_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rate(text)


def test_format_rate() -> None:
    assert format_rate(Decimal("17")) == "17%"
    assert format_rate(Decimal("17.00")) == "17%"
    assert format_rate(Decimal("1.50")) == "1.5%"
    assert format_rate(10) == "10%"
    assert parse_rate(format_rate(Decimal("13"))) == 13


@pytest.mark.parametrize(
    "text", ["2017-07-31", "2017/7/31", "2017.07.31", "2017年7月31日", "2017年07月31日", "20170731"]
)
def test_parse_date_variants(text: str) -> None:
    assert parse_date(text) == datetime.date(2017, 7, 31)


@pytest.mark.parametrize("text", ["2017-02-30", "2017-13-01", "2019-02-29", "2017-00-10"])
def test_parse_date_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError, match="no such date"):
        parse_date(text)


@pytest.mark.parametrize("text", ["", "2017-07", "31/07/2017", "yesterday", "2017-07-31 10:00"])
def test_parse_date_rejects_other_shapes(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date(text)


def test_leap_day_and_format_date() -> None:
    assert parse_date("2020-02-29") == datetime.date(2020, 2, 29)
    assert format_date(datetime.date(2017, 7, 31)) == "2017-07-31"


@given(st.dates())
def test_date_round_trip(day: datetime.date) -> None:
    if day.year >= 1000:
        assert parse_date(format_date(day)) == day


def test_numbers() -> None:
    assert parse_number("1790") == 1790
    assert parse_number("1.5") == Decimal("1.5")
    assert parse_whole_number("7") == 7
    assert parse_whole_number(" 07 ") == 7
    for bad in ("", "1.5.1", "-1", "一"):
        with pytest.raises(ValueError):
            parse_number(bad)
    for bad in ("", "7.0", "-7", "七", "٧"):
        with pytest.raises(ValueError):
            parse_whole_number(bad)


def test_is_blank() -> None:
    assert is_blank(None)
    assert is_blank("")
    assert is_blank(" \u3000\t")
    assert not is_blank("0")
