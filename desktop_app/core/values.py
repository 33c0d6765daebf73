"""Field values as the service prints them: money ``¥40000.00``, rate ``17%``, date ``2017-07-31``.

Convention: every ``parse_*`` function returns the parsed value or raises ``ValueError``
whose message says what was wrong (blank text included); none returns None. Parsers are
lenient about what OCR and clerks produce (full-width characters, spaces, thousands
separators); formatters always write the one form the service prints.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

#: One fen, the smallest amount printed on an invoice.
CENT = Decimal("0.01")
#: The currency sign the service prints: U+00A5 YEN SIGN (``￥`` U+FFE5 folds to it).
YUAN_SIGN = "¥"

_SPACES = re.compile(r"\s+")
_MONEY = re.compile(
    r"(?P<sign>-?)(?:¥|RMB)?(?P<sign2>-?)(?P<number>[0-9]+(?:\.[0-9]{1,2})?)(?:元|圆)?"
)
_RATE = re.compile(r"(?P<number>[0-9]+(?:\.[0-9]+)?)%")
_DATE_PATTERNS = (
    re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日?"),
    re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def is_blank(text: str | None) -> bool:
    """True for None, the empty string and text made only of whitespace."""
    return text is None or not text.strip()


def _folded(text: str) -> str:
    """``text`` with full-width forms made ASCII (``￥４０．００`` → ``¥40.00``) and no spaces."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def round_cents(amount: Decimal) -> Decimal:
    """``amount`` rounded to the fen, halves away from zero (the way tax amounts are rounded)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_money(text: str) -> Decimal:
    """The amount of ``¥40000.00`` as a Decimal with two decimals.

    Accepts ``¥``, ``￥``, ``RMB`` or no sign, thousands commas (ASCII or full-width), spaces,
    0-2 decimals, a trailing ``元`` and a leading minus (red-letter invoices). Raises
    ``ValueError`` otherwise; more than two decimals is an error, not something to round away.
    """
    folded = _folded(text).replace(",", "")
    match = _MONEY.fullmatch(folded)
    if match is None or (match["sign"] and match["sign2"]):
        raise ValueError(f"not an amount of money: {text!r}")
    amount = Decimal(match["number"]).quantize(CENT)
    return -amount if (match["sign"] or match["sign2"]) else amount


def format_money(amount: Decimal | int) -> str:
    """``amount`` as the service prints it: ``¥40000.00`` (``-¥5.00`` for a negative amount).

    Raises ``ValueError`` for an amount with fractions of a fen (round it first).
    """
    value = Decimal(amount)
    if not value.is_finite() or value.quantize(CENT) != value:
        raise ValueError(f"not a whole number of fen: {amount!r}")
    value = value.quantize(CENT)
    sign = "-" if value < 0 else ""
    return f"{sign}{YUAN_SIGN}{abs(value):f}"


def parse_rate(text: str) -> Decimal:
    """The percentage of ``17%`` as a Decimal (``Decimal("17")``; ``1.5%`` → ``Decimal("1.5")``).

    The ``%`` (or ``％``) is required: a bare ``17`` or ``0.17`` is ambiguous.
    Raises ``ValueError``.
    """
    match = _RATE.fullmatch(_folded(text))
    if match is None:
        raise ValueError(f"not a percentage: {text!r}")
    return Decimal(match["number"])


def format_rate(percent: Decimal | int) -> str:
    """``percent`` as the service prints it: ``17%``, ``1.5%`` (no trailing zeros)."""
    value = Decimal(percent)
    if not value.is_finite():
        raise ValueError(f"not a rate: {percent!r}")
    text = format(value.normalize(), "f")
    return f"{text}%"


def parse_date(text: str) -> datetime.date:
    """The date of ``2017-07-31`` (or ``2017/7/31``, ``2017年7月31日``, ``20170731``).

    Raises ``ValueError`` for text in none of these shapes and for dates that do not exist
    (``2017-02-30``).
    """
    folded = _folded(text)
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(folded)
        if match is not None:
            try:
                return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise ValueError(f"no such date: {text!r}") from None
    raise ValueError(f"not a date: {text!r}")


def format_date(day: datetime.date) -> str:
    """``day`` as the service prints it: ``2017-07-31``."""
    return day.isoformat()


def parse_number(text: str) -> Decimal:
    """A plain non-negative decimal number such as ``1790`` or ``1.5``; raises ``ValueError``."""
    folded = _folded(text)
    if _NUMBER.fullmatch(folded) is None:
        raise ValueError(f"not a number: {text!r}")
    try:
        return Decimal(folded)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise ValueError(f"not a number: {text!r}") from None


def parse_whole_number(text: str) -> int:
    """A non-negative whole number such as ``7``; raises ``ValueError`` (also for ``7.0``)."""
    folded = _folded(text)
    if not folded.isascii() or not folded.isdigit():
        raise ValueError(f"not a whole number: {text!r}")
    return int(folded)
