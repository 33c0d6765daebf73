"""Uppercase RMB amounts ⇄ Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop_app.core.money_words import LIMIT, format_money_words, parse_money_words

# (standard words, amount): the formatter writes exactly these and the parser reads them back.
STANDARD = [
    ("肆万圆整", "40000.00"),
    ("叁万肆仟壹佰捌拾捌圆零叁分", "34188.03"),
    ("零圆整", "0.00"),
    ("壹圆整", "1.00"),
    ("壹拾圆整", "10.00"),
    ("壹拾伍圆整", "15.00"),
    ("壹佰零伍圆整", "105.00"),
    ("壹仟零伍圆整", "1005.00"),
    ("壹仟零伍拾圆整", "1050.00"),
    ("壹万零伍拾圆整", "10050.00"),
    ("壹万零伍圆整", "10005.00"),
    ("壹拾万圆整", "100000.00"),
    ("壹拾万零壹佰圆整", "100100.00"),
    ("壹亿圆整", "100000000.00"),
    ("壹亿零壹万圆整", "100010000.00"),
    ("壹亿零壹圆整", "100000001.00"),
    ("壹亿贰仟万圆整", "120000000.00"),
    ("壹亿零贰佰万圆整", "102000000.00"),
    ("壹亿零壹仟圆整", "100001000.00"),
    ("伍角整", "0.50"),
    ("叁分", "0.03"),
    ("伍角叁分", "0.53"),
    ("壹圆伍角整", "1.50"),
    ("壹圆零叁分", "1.03"),
    ("壹仟圆伍角整", "1000.50"),
    ("壹拾圆零伍分", "10.05"),
    ("玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖圆玖角玖分", "999999999999.99"),
    ("负壹佰圆整", "-100.00"),
]


@pytest.mark.parametrize(("words", "amount"), STANDARD)
def test_standard_form_both_ways(words: str, amount: str) -> None:
    assert format_money_words(Decimal(amount)) == words
    assert parse_money_words(words) == Decimal(amount)


@pytest.mark.parametrize(
    ("words", "amount"),
    [
        ("肆万元整", "40000.00"),
        ("肆万圆正", "40000.00"),
        ("人民币肆万圆整", "40000.00"),
        ("⊗肆万圆整", "40000.00"),
        ("ⓧ肆万圆整", "40000.00"),
        (" ⊗ 肆 万 圆 整 ", "40000.00"),
        ("人民币：肆万元正", "40000.00"),
        ("肆萬圓整", "40000.00"),
        ("贰亿圆整", "200000000.00"),
        ("貳億圆整", "200000000.00"),
        ("拾万圆整", "100000.00"),
        ("拾圆整", "10.00"),
        ("壹万伍拾圆整", "10050.00"),  # 零 left out, the units keep the value clear
        ("壹圆叁分", "1.03"),
        ("伍角", "0.50"),
        ("零叁分", "0.03"),
        ("零圆伍角", "0.50"),
        ("叁万肆仟壹佰捌拾捌元零叁分整", "34188.03"),
    ],
)
def test_parser_accepts_common_variants(words: str, amount: str) -> None:
    assert parse_money_words(words) == Decimal(amount)


@pytest.mark.parametrize(
    ("words", "problem"),
    [
        ("", "no uppercase amount"),
        ("人民币", "no uppercase amount"),
        ("肆万", "without 圆"),
        ("肆万整", "without 圆"),
        ("hello", "without 圆"),
        ("40000圆整", "unexpected character"),
        ("四万圆整", "unexpected character"),
        ("圆整", "nothing before 圆"),
        ("壹仟伍圆整", "ambiguous"),
        ("壹万伍圆整", "ambiguous"),
        ("伍零圆整", "misplaced 零"),
        ("壹佰零圆整", "misplaced 零"),
        ("零伍圆整", "starts with 零"),
        ("壹佰佰圆整", "units out of order"),
        ("壹拾佰圆整", "units out of order"),
        ("佰圆整", "without a digit"),
        ("壹万拾圆整", "without a digit"),
        ("壹贰圆整", "two digits"),
        ("万圆整", "without a number"),
        ("壹亿零万圆整", "misplaced 零"),
        ("壹万壹亿圆整", "unexpected character"),
        ("壹圆伍", "角/分"),
        ("壹圆伍分角", "角/分"),
    ],
)
def test_parser_rejects_garbage_with_a_clear_message(words: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_money_words(words)


def test_formatter_range_and_precision() -> None:
    with pytest.raises(ValueError, match="too large"):
        format_money_words(LIMIT)
    with pytest.raises(ValueError, match="fen"):
        format_money_words(Decimal("1.005"))
    assert format_money_words(40000) == "肆万圆整"
    assert format_money_words(LIMIT - Decimal("0.01")).startswith("玖仟玖佰玖拾玖亿")


# Amounts with many zeros exercise the 零 rules far more than uniform integers do.
_ZERO_HEAVY = st.lists(st.sampled_from("0000000123456789"), min_size=1, max_size=14).map(
    lambda digits: int("".join(digits))
)
CENTS = st.one_of(st.integers(min_value=0, max_value=10**14 - 1), _ZERO_HEAVY)


def _amount(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


@given(CENTS)
@example(0)
@example(10**14 - 1)
@example(10_000_000_001)
def test_parse_of_format_is_identity(cents: int) -> None:
    amount = _amount(cents)
    assert parse_money_words(format_money_words(amount)) == amount


@given(CENTS.map(_amount).map(format_money_words))
def test_format_of_parse_is_identity_on_standard_words(words: str) -> None:
    assert format_money_words(parse_money_words(words)) == words


@given(CENTS)
def test_standard_words_shape(cents: int) -> None:
    words = format_money_words(_amount(cents))
    assert "零零" not in words
    assert not words.endswith("分整")
    assert words.endswith(("整", "分"))
    assert ("圆" in words) == (cents >= 100 or cents == 0)
