"""The form's redundancy, used to choose between readings of one printed value.

机打代码/机打号码 repeat 发票代码/发票号码; the uppercase total writes the numeric
total; 不含税价 + 增值税税额 = 价税合计. A code that is missing or malformed is
taken from its twin's reading (the same digits are printed twice); a missing or
unreadable amount in figures is computed from the others. The uppercase words are
never written for the reader: they stay as read (blank when unread), and the checks
flag words that disagree with the figures. Two well-formed values that disagree are
left for the reviewer. ``reconcile`` also says which values it filled in, so their
confidence can say they were not read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop_app.core.money_words import parse_money_words
from desktop_app.core.schema import FormType
from desktop_app.core.values import format_money, parse_money

_TWINS = (("发票代码", "机打代码", r"\d{10}|\d{12}"), ("发票号码", "机打号码", r"\d{8}"))
#: Field → the fields printing the same value.
TWINS: dict[str, tuple[str, ...]] = {a: (b,) for a, b, _ in _TWINS} | {
    b: (a,) for a, b, _ in _TWINS
}
_TOTALS = {
    FormType.MOTOR: ("价税合计", "价税合计(小写)"),
    FormType.USED: ("车价合计(大写)", "车价合计(小写)"),
}
_PRICE, _TAX = "不含税价(小写)", "增值税税额"


def _money(text: str) -> Decimal | None:
    try:
        return parse_money(text) if text else None
    except ValueError:
        return None


def _words(text: str) -> Decimal | None:
    try:
        return parse_money_words(text) if text else None
    except ValueError:
        return None


def reconcile(form: FormType, values: dict[str, str]) -> dict[str, str]:
    """``values`` with twins, totals and sums made to agree where one side is clearly right."""
    out = dict(values)
    for first, second, shape in _TWINS:
        good_first = re.fullmatch(shape, out.get(first, "")) is not None
        good_second = re.fullmatch(shape, out.get(second, "")) is not None
        if good_first and not good_second:
            out[second] = out[first]
        elif good_second and not good_first:
            out[first] = out[second]
    if form is FormType.MOTOR:
        _complete_sum(out)
    _reconcile_total(out, *_TOTALS[form])
    if form is FormType.MOTOR:
        _complete_sum(out)
    return out


def _reconcile_total(out: dict[str, str], words_name: str, total_name: str) -> None:
    words, total = _words(out.get(words_name, "")), _money(out.get(total_name, ""))
    price, tax = _money(out.get(_PRICE, "")), _money(out.get(_TAX, ""))
    implied = price + tax if price is not None and tax is not None else None
    # The figures are the service's format of a number: the words' amount is one more
    # reading of them. The words themselves are printed text and are never written.
    if words is not None and (total is None or (total != words and implied == words)):
        out[total_name] = format_money(words)


def _complete_sum(out: dict[str, str]) -> None:
    total_name = _TOTALS[FormType.MOTOR][1]
    price, tax, total = (_money(out.get(n, "")) for n in (_PRICE, _TAX, total_name))
    if [price, tax, total].count(None) != 1:
        return
    if total is None and price is not None and tax is not None:
        out[total_name] = format_money(price + tax)
    elif price is None and total is not None and tax is not None:
        out[_PRICE] = format_money(total - tax)
    elif tax is None and total is not None and price is not None:
        out[_TAX] = format_money(total - price)
