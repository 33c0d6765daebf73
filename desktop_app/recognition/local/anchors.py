"""Finding printed labels among OCR lines, and what is left over as value text.

The OCR merges a label with its value (``发票代码143001734660``, ``人数5``,
``开票人：甄丽波``), splits one label over lines (``车辆识别代号/`` + ``车架号码``)
and reads spaced labels (``车 辆 类 型``). A line is a label when its folded text
equals a label text (or misses it by one character); when it starts with a label
text and the rest is not itself label text, it is split into a label and a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.recognition.local.fragments import (
    Fragment,
    folded_end,
    merge_cut_codes,
    skip_separators,
)
from desktop_app.recognition.local.labels import fold_label
from desktop_app.recognition.local.ocr import OcrLine

#: Text on the form that is never a value: stamps, copy names, the tax-control block.
_NOISE_WORDS = ("发票联", "监制", "专用章", "盖章", "第一联", "购货单位", "手开无效", "抵扣联")
_CONTROL_CHARS = re.compile(r"[<>*/+]")
#: A line this red is stamp text (values are printed black; a stamp over a value is less).
STAMP_RED = 0.55
_CJK_START = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class LabelHit:
    """A label read on the page: its folded text and where it stands."""

    text: str
    fragment: Fragment


@dataclass(frozen=True)
class PageText:
    """The OCR lines of a page sorted into label hits and value fragments."""

    labels: tuple[LabelHit, ...]
    values: tuple[Fragment, ...]
    folded: tuple[str, ...]  # every line's folded text, for form detection


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


class LabelMatcher:
    """Matches OCR lines against the label texts of one form."""

    def __init__(self, texts: set[str]) -> None:
        self._texts = sorted(texts, key=len, reverse=True)
        self._pieces = {
            t[i:j] for t in texts for i in range(len(t)) for j in range(i + 1, len(t) + 1)
        }

    def split(self, lines: list[OcrLine]) -> PageText:
        """Sort ``lines`` into label hits and value fragments."""
        labels: list[LabelHit] = []
        values: list[Fragment] = []
        for line in lines:
            fragment = Fragment(line.text.strip(), line.polygon, line.score, red=line.red)
            hit, rest = self._match(fragment)
            if hit is not None:
                labels.append(hit)
            if rest is not None and not is_noise(rest):
                values.append(rest)
        folded = tuple(fold_label(x.text) for x in lines)
        return PageText(tuple(labels), tuple(merge_cut_codes(values)), folded)

    def _match(self, fragment: Fragment) -> tuple[LabelHit | None, Fragment | None]:
        folded = fold_label(fragment.text)
        if not folded:
            return None, None
        exact = self._exact(folded)
        if exact is not None:
            return LabelHit(exact, fragment), None
        prefix = self._prefix(folded)
        if prefix is not None:
            return self._split_prefix(fragment, prefix)
        for text in self._texts:
            rest = folded[: -len(text)]
            if len(text) >= 2 and folded.endswith(text) and re.search(r"[0-9A-Za-z]", rest):
                return self._split_suffix(fragment, text, len(rest))
        return None, fragment

    def _exact(self, folded: str) -> str | None:
        if folded in self._texts:
            return folded
        if len(folded) < 4:
            return None
        for text in self._texts:
            close = len(text) >= 4 and abs(len(text) - len(folded)) <= 1
            if close and edit_distance(text, folded) <= 1:
                return text
        return None

    def _prefix(self, folded: str) -> str | None:
        """The label text ``folded`` starts with (one character may be misread), or None."""
        for text in self._texts:
            if len(text) >= 2 and folded.startswith(text) and self._is_value(folded[len(text) :]):
                return text
        for text in self._texts:
            head, rest = folded[: len(text)], folded[len(text) :]
            if len(text) < 2 or not self._is_value(rest) or edit_distance(head, text) != 1:
                continue
            # A short label misread by one character is only trusted before a code or amount.
            if len(text) >= 4 or not _CJK_START.match(rest):
                return text
        return None

    def _is_value(self, rest: str) -> bool:
        return bool(rest) and rest not in self._pieces

    @staticmethod
    def _split_prefix(fragment: Fragment, text: str) -> tuple[LabelHit, Fragment | None]:
        cut = folded_end(fragment.text, len(text))
        start = skip_separators(fragment.text, cut)
        label = LabelHit(text, fragment.sub(0, cut))
        if start >= len(fragment.text):
            return label, None
        return label, fragment.sub(start, len(fragment.text))

    @staticmethod
    def _split_suffix(fragment: Fragment, text: str, rest_len: int) -> tuple[LabelHit, Fragment]:
        cut = folded_end(fragment.text, rest_len)
        return LabelHit(text, fragment.sub(cut, len(fragment.text))), fragment.sub(0, cut)


def is_noise(fragment: Fragment) -> bool:
    """Stamps, copy names, vertical print and tax-control code lines are never values."""
    if fragment.red >= STAMP_RED:
        return True
    folded = fold_label(fragment.text)
    if any(word in folded for word in _NOISE_WORDS):
        return True
    if len(_CONTROL_CHARS.findall(fragment.text)) >= 3:
        return True
    return len(folded) >= 3 and fragment.height > 1.8 * fragment.width
