"""Values as the service prints them, with the OCR's usual confusions undone by kind.

``fits(kind, text)`` says whether raw OCR text can be a value of a kind (used to
place values); ``normalize(kind, text)`` puts it in the service's format: ``¥`` money
with two decimals, ``YYYY-MM-DD`` dates, ``17%`` rates, uppercase VINs and codes, O/0
I/1 S/5 B/8 fixed in digit-only fields, and one ambiguous VIN character decided by the
check digit. Text is returned as printed: an uppercase amount keeps its own wording
(``元`` or ``圆``, its ``零``), only glyphs misread for it are read back.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable

from desktop_app.core import identifiers
from desktop_app.core.schema import ValueKind
from desktop_app.core.values import format_date, format_money, parse_date, parse_money

K = ValueKind

_TO_DIGIT = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "U": "0",
        "〇": "0",
        "I": "1",
        "l": "1",
        "|": "1",
        "i": "1",
        "L": "1",
        "Z": "2",
        "z": "2",
        "S": "5",
        "s": "5",
        "B": "8",
        "G": "6",
        "b": "6",
        "q": "9",
        "g": "9",
        "T": "7",
    }
)
#: Glyphs the recognizer reads for a money character that no amount in words contains.
_MONEY_CONFUSIONS = str.maketrans({"园": "圆", "参": "叁", "陌": "佰", "什": "仟", "肄": "肆"})
_RATES = {"17", "16", "13", "11", "10", "9", "6", "5", "3", "1", "0"}
_MONEY_CHARS = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元圓角分整正"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACE = re.compile(r"\s+")
_VIN_SWAPS = {
    "0": "D",
    "D": "0",
    "8": "B",
    "B": "8",
    "5": "S",
    "S": "5",
    "2": "Z",
    "Z": "2",
    "6": "G",
    "G": "6",
    "1": "L",
    "U": "V",
    "V": "U",
    "X": "K",
    "K": "X",
}


def fold(text: str) -> str:
    """NFKC without white space (``￥`` becomes ``¥``)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def digits_of(text: str) -> str:
    """``text`` with letters that look like digits read as digits, then only the digits."""
    return re.sub(r"[^0-9]", "", fold(text).translate(_TO_DIGIT))


def _money_match(text: str) -> re.Match[str] | None:
    return re.search(r"(\d[\d,]*)[.,:·](\d\d)(?!\d)", fold(text).replace("O", "0"))


def _fits_text(text: str) -> bool:
    return bool(_CJK.search(text))


def _fits_code(text: str) -> bool:
    folded = fold(text)
    return len(re.sub(r"[^0-9A-Za-z]", "", folded)) >= 4 and not _CJK.search(folded)


_FITS: dict[ValueKind, Callable[[str], bool]] = {
    K.TEXT: _fits_text,
    K.DIGITS: lambda t: len(digits_of(t)) >= 6 and not _CJK.search(t),
    K.CODE: _fits_code,
    K.DATE: lambda t: re.search(r"\d{4}\D{0,2}\d{1,2}\D{0,2}\d{1,2}", fold(t)) is not None,
    K.MONEY: lambda t: _money_match(t) is not None,
    K.MONEY_WORDS: lambda t: sum(c in _MONEY_CHARS for c in t) >= 2,
    K.RATE: lambda t: re.fullmatch(r"\d{1,2}(\.\d)?([%8％].*)?", fold(t)) is not None,
    K.VIN: lambda t: 14 <= len(re.sub(r"[^0-9A-Za-z]", "", t)) <= 19 and not _CJK.search(t),
    K.ID_OR_ORG: lambda t: 8 <= len(re.sub(r"[^0-9A-Za-z]", "", t)) <= 20 and not _CJK.search(t),
    K.TAX_ID: lambda t: 14 <= len(re.sub(r"[^0-9A-Za-z]", "", t)) <= 20 and not _CJK.search(t),
    K.PHONE: lambda t: len(digits_of(t)) >= 7 and not _CJK.search(t),
    K.ACCOUNT: lambda t: len(digits_of(t)) >= 8 and not _CJK.search(t),
    K.INTEGER: lambda t: re.fullmatch(r"\d{1,2}", fold(t)) is not None,
    K.NUMBER: lambda t: re.fullmatch(r"[\d.]{1,8}|[-—一]", fold(t)) is not None,
    K.PLATE: lambda t: re.search(r"[A-Za-z0-9]{4,}", t) is not None and len(fold(t)) <= 9,
}


_SPANS = {
    K.MONEY: re.compile(r"[¥￥Y]?\s*\d[\d,]*[.,:·]\s*\d\d(?!\d)"),
    K.DATE: re.compile(r"\d{4}\D{0,2}\d{1,2}\D{0,2}\d{1,2}"),
}


def value_span(kind: ValueKind, text: str) -> tuple[int, int] | None:
    """Where in ``text`` the value of ``kind`` stands, for kinds whose value can be cut out
    of surrounding noise (an amount run into stamp text); None for the others."""
    pattern = _SPANS.get(kind)
    match = pattern.search(text) if pattern is not None else None
    return match.span() if match else None


def fits(kind: ValueKind, text: str) -> bool:
    """Whether OCR text ``text`` can be a value of ``kind`` at all."""
    return _FITS.get(kind, _fits_text)(text)


def normalize_money(text: str) -> str:
    match = _money_match(text)
    if match is None:
        return fold(text)
    return format_money(parse_money(match[1].replace(",", "") + "." + match[2]))


def normalize_date(text: str) -> str:
    digits = digits_of(text)
    if len(digits) == 8:
        try:
            return format_date(datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])))
        except ValueError:
            pass
    try:
        return format_date(parse_date(fold(text)))
    except ValueError:
        return fold(text)


def normalize_rate(text: str) -> str:
    match = re.match(r"(\d{1,2}(?:\.\d)?)", fold(text))
    if match is None:
        return fold(text)
    number = match[1]
    # A printed percent sign is often read as an 8: "3%" → "38", "17%" → "178".
    if number not in _RATES and len(number) == 2 and number.endswith("8"):
        number = number[0]
    return f"{number}%"


def normalize_money_words(text: str) -> str:
    """The uppercase amount as printed: its money characters in the order read, with
    glyphs the recognizer confuses for them read back as the money character they are.

    Never respelled: a printed ``元`` stays ``元``, ``正`` stays ``正``, a ``零`` stays
    where it stands (and a missing one is not added); marks (⊗), spaces and stray
    characters are left out. Whether the words are right is for the checks to say.
    """
    return "".join(c for c in fold(text).translate(_MONEY_CONFUSIONS) if c in _MONEY_CHARS)


def normalize_vin(text: str) -> str:
    vin = re.sub(r"[^0-9A-Z]", "", fold(text).upper()).replace("O", "0").replace("I", "1")
    if len(vin) != identifiers.VIN_LENGTH or identifiers.is_valid_vin(vin):
        return vin
    fixed = [
        vin[:i] + _VIN_SWAPS[c] + vin[i + 1 :]
        for i, c in enumerate(vin)
        if c in _VIN_SWAPS and identifiers.is_valid_vin(vin[:i] + _VIN_SWAPS[c] + vin[i + 1 :])
    ]
    return fixed[0] if len(fixed) == 1 else vin


def normalize_identifier(text: str) -> str:
    """An identifier without spaces, O and I read back as 0 and 1; the hyphen an
    organization code is printed with (``74H503AP-8``) stays, as printed."""
    value = re.sub(r"[^0-9A-Z-]", "", fold(text).upper()).replace("O", "0").replace("I", "1")
    if _ORGANIZATION_CODE.fullmatch(value):
        return value
    return value.replace("-", "")


_ORGANIZATION_CODE = re.compile(r"[0-9A-Z]{8}-[0-9X]")


def normalize_number(text: str) -> str:
    folded = fold(text)
    if re.fullmatch(r"[-—一]", folded):
        return "-"
    return re.sub(r"[^0-9.]", "", folded.translate(_TO_DIGIT))


def normalize_phone(text: str) -> str:
    return re.sub(r"[^0-9-]", "", fold(text).translate(_TO_DIGIT))


def normalize_plate(text: str) -> str:
    """A licence plate without separators; after the province and the office letter a
    plate has no I or O (GA 36), so those are the digits 1 and 0 misread."""
    plate = re.sub(r"[\s·.・-]", "", fold(text).upper())
    return plate[:2] + plate[2:].replace("O", "0").replace("I", "1")


def normalize_text(text: str) -> str:
    return fold(text).strip("：:;；,，.。")


_NORMALIZERS: dict[ValueKind, Callable[[str], str]] = {
    K.TEXT: normalize_text,
    K.DIGITS: digits_of,
    K.CODE: lambda t: re.sub(r"[^0-9A-Z]", "", fold(t).upper()),
    K.DATE: normalize_date,
    K.MONEY: normalize_money,
    K.MONEY_WORDS: normalize_money_words,
    K.RATE: normalize_rate,
    K.VIN: normalize_vin,
    K.ID_OR_ORG: normalize_identifier,
    K.TAX_ID: normalize_identifier,
    K.PHONE: normalize_phone,
    K.ACCOUNT: digits_of,
    K.INTEGER: digits_of,
    K.NUMBER: normalize_number,
    K.PLATE: normalize_plate,
}


def normalize(kind: ValueKind, text: str) -> str:
    """``text`` rewritten to the service's format for ``kind``."""
    return _NORMALIZERS.get(kind, normalize_text)(text)


#: A used-car form prints a bank and its account in one cell; the service answers them
#: with one space between (``中国银行股份有限公司保山支行 3555157994784753``).
_BANK_AND_ACCOUNT = re.compile(r"(.*\D)(\d{8,})")


def normalize_field(name: str, kind: ValueKind, text: str) -> str:
    """``normalize`` for the field ``name``: text folding drops white space, but the bank
    and account of ``…开户银行、账号`` stay apart, as printed and as the service answers."""
    value = normalize(kind, text)
    if name.endswith("开户银行、账号"):
        found = _BANK_AND_ACCOUNT.fullmatch(value)
        if found:
            value = f"{found.group(1)} {found.group(2)}"
    return value
