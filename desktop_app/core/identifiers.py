"""Check characters and shapes of the identifiers printed on vehicle invoices.

- VIN (ISO 3779 / GB 16735): 17 characters without I, O, Q; position 9 is a check digit.
- Resident ID (GB 11643): 17 digits (6 region, 8 birth date, 3 sequence) and a
  ISO 7064 MOD 11-2 check character (``X`` for 10).
- Unified social credit code (GB 32100): 18 characters of ``0-9A-HJ-NPQRTUWXY``,
  the last a MOD 31 check character.
- Licence plate: province character, letter, then 5 (6 for new-energy plates) letters/digits.
- Province-level region codes of GB/T 2260 (the first two digits of a region code).
- 数电 e-invoice number: 20 digits — 2-digit year, 2-digit province-level region code of
  the issuing tax office, then channel and sequence.

Each ``*_problem`` function returns None for a good value or a short problem key
(see the ``PROBLEM_*`` constants) that callers turn into a message; the ``is_*``
functions are the boolean shorthand. Values are taken as given: callers strip and
upper-case them if they want to be lenient.
"""

from __future__ import annotations

import datetime
import re

PROBLEM_LENGTH = "length"
PROBLEM_CHARACTER = "character"
PROBLEM_FORBIDDEN_LETTER = "forbidden_letter"  # VIN: I, O or Q
PROBLEM_DATE = "date"  # resident ID: birth date part
PROBLEM_CHECK = "check"  # the check character does not match
PROBLEM_YEAR = "year"  # e-invoice number: its year is after the issue date's
PROBLEM_REGION = "region"  # e-invoice number: digits 3-4 are no province code

# --- VIN ----------------------------------------------------------------------------

VIN_LENGTH = 17
VIN_CHECK_POSITION = 8  # zero-based index of the check digit (position 9)
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
#: ISO 3779 transliteration of letters (I, O and Q are never used).
VIN_TRANSLITERATION: dict[str, int] = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}


def vin_check_digit(vin: str) -> str:
    """The check digit (``0``-``9`` or ``X``) that position 9 of ``vin`` must hold.

    The character already at position 9 is ignored (its weight is 0), so an OCR
    engine can pass a candidate with any placeholder there, or try each reading of an
    ambiguous character elsewhere and keep the one whose check digit matches.
    Raises ``ValueError`` when ``vin`` is not 17 characters or holds a character
    outside the VIN alphabet at a position other than 9.
    """
    if len(vin) != VIN_LENGTH:
        raise ValueError(f"a VIN has {VIN_LENGTH} characters, not {len(vin)}: {vin!r}")
    total = 0
    for index, (ch, weight) in enumerate(zip(vin, VIN_WEIGHTS, strict=True)):
        if index == VIN_CHECK_POSITION:
            continue
        if ch not in VIN_TRANSLITERATION:
            raise ValueError(f"{ch!r} cannot appear in a VIN: {vin!r}")
        total += VIN_TRANSLITERATION[ch] * weight
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def vin_problem(vin: str) -> str | None:
    """None for a valid VIN, else ``length``, ``forbidden_letter``, ``character`` or ``check``."""
    if len(vin) != VIN_LENGTH:
        return PROBLEM_LENGTH
    if any(ch in "IOQ" for ch in vin):
        return PROBLEM_FORBIDDEN_LETTER
    if any(ch not in VIN_TRANSLITERATION for ch in vin):
        return PROBLEM_CHARACTER
    return None if vin_check_digit(vin) == vin[VIN_CHECK_POSITION] else PROBLEM_CHECK


def is_valid_vin(vin: str) -> bool:
    """True when ``vin`` passes every ISO 3779 rule checked here, the check digit included."""
    return vin_problem(vin) is None


# --- Resident ID --------------------------------------------------------------------

RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_EARLIEST_BIRTH = datetime.date(1900, 1, 1)


def looks_like_resident_id(value: str) -> bool:
    """True when ``value`` has the shape of an 18-digit ID: 17 digits then a digit or ``X``."""
    return _RESIDENT_ID_SHAPE.fullmatch(value) is not None


def resident_id_check_character(value: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of ``value``."""
    digits = value[:17]
    if len(digits) != 17 or not digits.isascii() or not digits.isdigit():
        raise ValueError(f"a resident ID starts with 17 digits: {value!r}")
    total = sum(int(d) * w for d, w in zip(digits, RESIDENT_ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def resident_id_birth_date(value: str) -> datetime.date | None:
    """The birth date encoded in digits 7-14 of ``value``, or None when it is no real date."""
    try:
        return datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return None


def resident_id_problem(value: str, *, today: datetime.date | None = None) -> str | None:
    """None for a valid 18-digit resident ID, else ``length``, ``character``, ``date`` or ``check``.

    The birth date must exist, be no earlier than 1900 and, when ``today`` is given,
    not later than ``today``.
    """
    if len(value) != 18:
        return PROBLEM_LENGTH
    if not looks_like_resident_id(value):
        return PROBLEM_CHARACTER
    born = resident_id_birth_date(value)
    if born is None or born < _EARLIEST_BIRTH or (today is not None and born > today):
        return PROBLEM_DATE
    return None if resident_id_check_character(value) == value[17] else PROBLEM_CHECK


def is_valid_resident_id(value: str, *, today: datetime.date | None = None) -> bool:
    """True when ``value`` is an 18-digit resident ID with a real birth date and check character."""
    return resident_id_problem(value, today=today) is None


# --- Unified social credit code -----------------------------------------------------

CREDIT_CODE_LENGTH = 18
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_VALUE = {ch: i for i, ch in enumerate(CREDIT_CODE_ALPHABET)}


def credit_code_check_character(code: str) -> str:
    """The GB 32100 check character for the first 17 characters of ``code``."""
    body = code[:17]
    if len(body) != 17 or any(ch not in _CREDIT_VALUE for ch in body):
        raise ValueError(f"a credit code starts with 17 characters of the alphabet: {code!r}")
    total = sum(_CREDIT_VALUE[ch] * w for ch, w in zip(body, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """None for a valid unified social credit code, else ``length``, ``character`` or ``check``."""
    if len(code) != CREDIT_CODE_LENGTH:
        return PROBLEM_LENGTH
    if any(ch not in _CREDIT_VALUE for ch in code):
        return PROBLEM_CHARACTER
    return None if credit_code_check_character(code) == code[17] else PROBLEM_CHECK


def is_valid_credit_code(code: str) -> bool:
    """True when ``code`` is a unified social credit code with the right check character."""
    return credit_code_problem(code) is None


# --- Licence plate and provinces ----------------------------------------------------

#: The one-character abbreviations that start a civil licence plate.
PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = re.compile(
    rf"[{PLATE_PROVINCES}][A-Z][·•\- ]?(?:[A-Z0-9]{{5,6}}|[A-Z0-9]{{4}}[挂学警港澳])"
)


def is_plate_number(plate: str) -> bool:
    """True for ``云M12345`` / ``粤BD12345`` (also ``云M·12345`` and a 挂/学/警/港/澳 suffix)."""
    return _PLATE.fullmatch(plate) is not None


#: GB/T 2260 province-level divisions: code → (full name, short name).
PROVINCES: dict[str, tuple[str, str]] = {
    "11": ("北京市", "北京"),
    "12": ("天津市", "天津"),
    "13": ("河北省", "河北"),
    "14": ("山西省", "山西"),
    "15": ("内蒙古自治区", "内蒙古"),
    "21": ("辽宁省", "辽宁"),
    "22": ("吉林省", "吉林"),
    "23": ("黑龙江省", "黑龙江"),
    "31": ("上海市", "上海"),
    "32": ("江苏省", "江苏"),
    "33": ("浙江省", "浙江"),
    "34": ("安徽省", "安徽"),
    "35": ("福建省", "福建"),
    "36": ("江西省", "江西"),
    "37": ("山东省", "山东"),
    "41": ("河南省", "河南"),
    "42": ("湖北省", "湖北"),
    "43": ("湖南省", "湖南"),
    "44": ("广东省", "广东"),
    "45": ("广西壮族自治区", "广西"),
    "46": ("海南省", "海南"),
    "50": ("重庆市", "重庆"),
    "51": ("四川省", "四川"),
    "52": ("贵州省", "贵州"),
    "53": ("云南省", "云南"),
    "54": ("西藏自治区", "西藏"),
    "61": ("陕西省", "陕西"),
    "62": ("甘肃省", "甘肃"),
    "63": ("青海省", "青海"),
    "64": ("宁夏回族自治区", "宁夏"),
    "65": ("新疆维吾尔自治区", "新疆"),
    "71": ("台湾省", "台湾"),
    "81": ("香港特别行政区", "香港"),
    "82": ("澳门特别行政区", "澳门"),
}


def province_name(code: str) -> str | None:
    """The full name of the GB/T 2260 province-level code ``53`` (``云南省``), or None."""
    entry = PROVINCES.get(code)
    return entry[0] if entry else None


def same_province(name: str, code: str) -> bool:
    """True when ``name`` (``云南省``, ``云南``) names the province of code ``code``."""
    entry = PROVINCES.get(code)
    return entry is not None and name.strip() in entry


# --- 数电 e-invoice number ------------------------------------------------------------

#: 发票号码 of a fully digital e-invoice: digits 1-2 the year (last two digits), 3-4 the
#: province-level region of the issuing tax office (GB/T 2260; 计划单列市 share their
#: province's code), 5 the issuing channel, 6-20 the sequence.
EINVOICE_NUMBER_LENGTH = 20
_EINVOICE_NUMBER = re.compile(r"[0-9]{20}")


def is_einvoice_number(number: str) -> bool:
    """True when ``number`` has the shape of a 数电 发票号码: 20 ASCII digits."""
    return _EINVOICE_NUMBER.fullmatch(number) is not None


def einvoice_number_year(number: str) -> int:
    """The year (``2025``) in digits 1-2 of a 20-digit e-invoice number."""
    if not is_einvoice_number(number):
        raise ValueError(f"an e-invoice number has 20 digits: {number!r}")
    return 2000 + int(number[:2])


def einvoice_number_problem(number: str, *, issue_year: int | None = None) -> str | None:
    """None for a plausible 数电 发票号码, else ``length``, ``character``, ``year`` or ``region``.

    ``year`` when ``issue_year`` is given and the number's year is after it (a number
    is issued in its own year, never earlier); ``region`` when digits 3-4 are no
    GB/T 2260 province-level code.
    """
    if len(number) != EINVOICE_NUMBER_LENGTH:
        return PROBLEM_LENGTH
    if not is_einvoice_number(number):
        return PROBLEM_CHARACTER
    if issue_year is not None and einvoice_number_year(number) > issue_year:
        return PROBLEM_YEAR
    return None if number[2:4] in PROVINCES else PROBLEM_REGION
