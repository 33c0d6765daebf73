"""A label misread by a character or two (``纳税人识据号``, ``车价合计（大型)``) read back.

OCR of a small or blurred scan confuses rare characters of the printed labels as it
does the values'. A whole line of text that is no value (no digit) and lies within a
small edit distance of exactly one wording of the form is that label: one
character wrong in four to six, two in seven or more. A line as close to two
wordings (``共方单位/个人``: 买方 or 卖方?) is left as it is.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

#: The shortest label read back from a misreading (shorter ones are too easily a value).
MIN_LENGTH = 4
#: From this length on, two characters may be wrong.
TWO_ERRORS_FROM = 7


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """The Levenshtein distance of ``a`` and ``b`` (any value above ``limit`` as ``limit + 1``)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def allowed_errors(text: str) -> int:
    """How many characters of a label printed as ``text`` may be misread."""
    if len(text) < MIN_LENGTH:
        return 0
    return 2 if len(text) >= TWO_ERRORS_FROM else 1


def misread_label(
    folded: str, wordings: tuple[str, ...], same: Callable[[str, str], bool] = lambda a, b: False
) -> str | None:
    """The one wording ``folded`` (a whole line, folded) is a misreading of, or None.
    ``same`` says whether two wordings name the same field (a tie between them is no
    doubt: 车辆识别代号 or 车辆识别代码)."""
    if len(folded) < MIN_LENGTH or any(ch.isdigit() for ch in folded):
        return None
    if not any("\u4e00" <= ch <= "\u9fff" for ch in folded):
        return None
    return _closest(folded, wordings, same)


@functools.lru_cache(maxsize=2048)
def _closest(
    folded: str, wordings: tuple[str, ...], same: Callable[[str, str], bool]
) -> str | None:
    best: list[str] = []
    best_distance = allowed_errors(folded) + 1
    for wording in wordings:
        if len(wording) < MIN_LENGTH:
            continue
        limit = min(allowed_errors(wording), allowed_errors(folded))
        if limit == 0:
            continue
        distance = edit_distance(folded, wording, limit)
        if distance > limit or distance > best_distance:
            continue
        if distance < best_distance:
            best, best_distance = [wording], distance
        else:
            best.append(wording)
    if not best:
        return None
    return best[0] if all(same(best[0], other) for other in best[1:]) else None
