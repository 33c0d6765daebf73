"""Uppercase RMB amounts (大写金额) ⇄ Decimal: ``肆万圆整`` ⇄ ``40000.00``.

The formatter writes the standard form printed on Chinese invoices: financial numerals
with 拾/佰/仟 inside a section and 万/亿 between sections, one 零 for every run of zeros
between non-zero digits (``壹万零伍拾圆整``, ``壹亿零壹万圆整``), 圆 then 角 and 分, ``零`` for
an empty 角 before a 分 (``叁万肆仟壹佰捌拾捌圆零叁分``), 整 after 圆 or 角 but never after 分,
``零圆整`` for zero and no ``零圆`` before a fraction alone (``伍角整``).

The parser also accepts the common variants: 元 for 圆, 正 for 整, a leading 人民币, the
⊗/ⓧ marks printed before the amount, spaces, traditional forms (圓, 萬, 億, 貳, 陸), a bare
拾 at the start (``拾万圆整``), a missing 零 where the units keep the value unambiguous
(``壹万伍拾圆整``), no 零 before a lone 分, 整 after 分, and 负 for a negative amount.
It raises ``ValueError`` with a message saying what is wrong for anything else.

Amounts must be below 10^12 (exclusive): ``玖仟玖佰玖拾玖亿…玖分`` is the largest.
"""

from __future__ import annotations

import re
from decimal import Decimal

#: Exclusive upper bound of the amounts handled here.
LIMIT = Decimal(10) ** 12

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_DIGIT_VALUE = {ch: i for i, ch in enumerate(DIGITS)}
_UNIT_VALUE = {"拾": 10, "佰": 100, "仟": 1000}
_SECTION_UNITS = ((10**8, "亿"), (10**4, "万"), (1, ""))
_SMALL_UNITS = ((1000, "仟"), (100, "佰"), (10, "拾"), (1, ""))

_VARIANTS = str.maketrans(
    {"元": "圆", "圓": "圆", "正": "整", "萬": "万", "億": "亿", "貳": "贰", "陸": "陆", "〇": "零"}
)
_MARKS = re.compile(r"[\s⊗ⓧⓍ⨂⊕:：]+")
_PREFIX = re.compile(r"^(?:人民币|\(大写\)|（大写）)+")
_FRACTION = re.compile(
    r"零?(?:(?P<jiao>[壹贰叁肆伍陆柒捌玖])角)?零?(?:(?P<fen>[壹贰叁肆伍陆柒捌玖])分)?"
)


def format_money_words(amount: Decimal | int) -> str:
    """``amount`` in uppercase words as invoices print it (``34188.03`` → ``叁万肆仟…圆零叁分``).

    Raises ``ValueError`` for fractions of a fen and for amounts of 10^12 or more;
    a negative amount is written with a leading 负.
    """
    value = Decimal(amount)
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise ValueError(f"not a whole number of fen: {amount!r}")
    if abs(value) >= LIMIT:
        raise ValueError(f"amount too large for uppercase words: {amount!r}")
    if value < 0:
        return "负" + format_money_words(-value)
    yuan, cents = divmod(int(value * 100), 100)
    jiao, fen = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零圆整"
    words = _integer_words(yuan) + "圆" if yuan else ""
    if jiao:
        words += DIGITS[jiao] + "角"
    elif fen and yuan:
        words += "零"
    return words + (DIGITS[fen] + "分" if fen else "整")


def _integer_words(number: int) -> str:
    """Words for ``0 < number < 10**12`` without the 圆."""
    words = ""
    zero_pending = False
    for unit_value, unit in _SECTION_UNITS:
        section = number // unit_value % 10**4
        if section == 0:
            zero_pending = bool(words)
            continue
        if words and (zero_pending or section < 1000):
            words += "零"
        words += _section_words(section) + unit
        zero_pending = False
    return words


def _section_words(section: int) -> str:
    """Words for ``0 < section < 10000`` (one 零 for a run of inner zeros, none trailing)."""
    words = ""
    zero_pending = False
    for unit_value, unit in _SMALL_UNITS:
        digit = section // unit_value % 10
        if digit == 0:
            zero_pending = bool(words)
            continue
        if zero_pending:
            words += "零"
            zero_pending = False
        words += DIGITS[digit] + unit
    return words


def parse_money_words(text: str) -> Decimal:
    """The amount written by ``text`` (``肆万圆整`` → ``Decimal("40000.00")``), two decimals.

    Raises ``ValueError`` naming the problem when ``text`` is not an uppercase amount.
    """
    words = _PREFIX.sub("", _MARKS.sub("", text).translate(_VARIANTS))
    negative = words.startswith("负")
    words = words.removeprefix("负")
    if not words:
        raise ValueError(f"no uppercase amount in {text!r}")
    if words.endswith("整"):
        words = words[:-1]
    integer_words, sep, fraction_words = words.rpartition("圆")
    if not sep and not fraction_words.endswith(("角", "分")):
        raise ValueError(f"uppercase amount without 圆, 角 or 分: {text!r}")
    if sep and not integer_words:
        raise ValueError(f"nothing before 圆 in {text!r}")
    yuan = _parse_integer(integer_words, text) if integer_words else 0
    amount = Decimal(yuan) + _parse_fraction(fraction_words, text)
    amount = amount.quantize(Decimal("0.01"))
    return -amount if negative else amount


def _parse_fraction(words: str, text: str) -> Decimal:
    match = _FRACTION.fullmatch(words)
    if match is None:
        raise ValueError(f"cannot read 角/分 part {words!r} of {text!r}")
    jiao = _DIGIT_VALUE[match["jiao"]] if match["jiao"] else 0
    fen = _DIGIT_VALUE[match["fen"]] if match["fen"] else 0
    return Decimal(jiao * 10 + fen) / 100


def _parse_integer(words: str, text: str) -> int:
    """The value of the words before 圆: up to three sections split by 亿 and 万."""
    if words == "零":
        return 0
    if words.startswith("零"):
        raise ValueError(f"uppercase amount starts with 零: {text!r}")
    total = 0
    rest = words
    for unit_value, unit in _SECTION_UNITS:
        if unit:
            head, sep, tail = rest.partition(unit)
            if not sep:
                continue
        else:
            head, tail = rest, ""
        if not head and unit:
            raise ValueError(f"{unit} without a number before it in {text!r}")
        if head:
            total += _parse_section(head, text, first=total == 0) * unit_value
        rest = tail
    return total


def _parse_section(words: str, text: str, *, first: bool) -> int:
    """The value of a section (< 10000) such as ``叁仟零伍拾``.

    ``first`` is True for the leading section: only there may a bare 拾 stand for 壹拾,
    and a lone digit mean units (after a higher section ``壹万伍`` is ambiguous).
    """
    total, last_unit, pending = 0, 10**4, None
    after_zero = after_ten = False
    for index, ch in enumerate(words):
        if ch == "零":
            if pending is not None or index == len(words) - 1:
                raise ValueError(f"misplaced 零 in {text!r}")
            after_zero = True
        elif ch in _DIGIT_VALUE:
            if pending is not None:
                raise ValueError(f"two digits without a unit between them in {text!r}")
            pending = _DIGIT_VALUE[ch]
        elif ch in _UNIT_VALUE:
            unit = _UNIT_VALUE[ch]
            if unit >= last_unit:
                raise ValueError(f"units out of order in {text!r}")
            if pending is None and not (ch == "拾" and first and index == 0):
                raise ValueError(f"{ch} without a digit before it in {text!r}")
            total += (1 if pending is None else pending) * unit
            last_unit, pending, after_ten, after_zero = unit, None, ch == "拾", False
        else:
            raise ValueError(f"unexpected character {ch!r} in uppercase amount {text!r}")
    if pending is not None:
        if not (after_zero or after_ten or (first and last_unit == 10**4)):
            raise ValueError(f"ambiguous digit {DIGITS[pending]} at the end of {text!r}")
        total += pending
    return total
