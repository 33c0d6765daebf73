"""Places named on an invoice: the city of a tax office or vehicle registry."""

from __future__ import annotations

import re

_PREFIXES = re.compile(r"^(国家税务总局|国家税务局|地方税务局)")
_PROVINCE = re.compile(r"^[\u4e00-\u9fff]{2,3}?(省|自治区)")
_CITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?市)")


def city_of(text: str) -> str:
    """The city an office name starts with (``国家税务总局郑州市金水区税务局`` → ``郑州市``).

    For the municipalities the city is the municipality itself
    (``国家税务总局上海市浦东新区税务局`` → ``上海市``).
    """
    rest = _PROVINCE.sub("", _PREFIXES.sub("", text.strip()))
    match = _CITY.match(rest)
    return match[1] if match else ""
