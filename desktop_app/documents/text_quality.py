"""Whether a file's own text can be trusted, and the folding that makes it usable.

A PDF whose fonts lack a proper ToUnicode map extracts as garbage: U+FFFD for
glyphs without a Unicode value, private-use code points, pdfminer-style
``(cid:123)`` markers, or a run of Latin punctuation where the page shows
Chinese. Some producers map CJK glyphs to the *compatibility* ideographs
(U+F900–U+FAFF, U+2F800–U+2FA1F) or to Kangxi radicals (U+2F00–U+2FDF): those
look the same and are folded to the unified ideographs (U+F963 → 北), so the
reader compares them with its labels. Pure functions, no PyMuPDF.
"""

from __future__ import annotations

import unicodedata

#: Fewer visible characters than this: the page has no text layer to speak of (a scan).
MIN_VISIBLE_CHARS = 4

#: More than this share of unreadable characters: the layer is garbage.
MAX_BAD_SHARE = 0.05

#: Less than this share of CJK among the visible characters: not the text of a
#: Chinese invoice (a font mapped to Latin codes extracts as ASCII soup).
MIN_CJK_SHARE = 0.15

# Ranges folded by NFKC one character at a time; everything else is left as written
# (NFKC on the whole text would also turn full-width brackets and digits to ASCII,
# which the invoice's own conventions keep).
_FOLDED_RANGES = (
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
    (0x2F00, 0x2FDF),  # Kangxi Radicals
    (0x2E80, 0x2EFF),  # CJK Radicals Supplement (NFKC folds the two that have a unified twin)
)

_PRIVATE_USE_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))

_CJK_RANGES = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0x20000, 0x3134F),  # Extensions B-G
    (0x3000, 0x303F),  # CJK punctuation (、。《》【】)
    (0xFF00, 0xFFEF),  # full-width forms (：（）￥)
)


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def fold_char(char: str) -> str:
    """``char`` with a compatibility ideograph or radical folded to its unified ideograph."""
    if not _in(ord(char), _FOLDED_RANGES):
        return char
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char  # keep one character per box


def fold_text(text: str) -> str:
    """``text`` with every compatibility ideograph and radical folded (length unchanged)."""
    return "".join(fold_char(char) for char in text)


def is_bad_char(char: str) -> bool:
    """Whether ``char`` means the glyph's Unicode value is unknown (U+FFFD, private use, control)."""
    code = ord(char)
    if code == 0xFFFD or _in(code, _PRIVATE_USE_RANGES):
        return True
    return unicodedata.category(char) in ("Cc", "Cs", "Cn") and char not in "\t\n\r"


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph, CJK punctuation or a full-width form."""
    return _in(ord(char), _CJK_RANGES)


def visible_chars(text: str) -> int:
    """How many characters of ``text`` are not white space."""
    return sum(1 for char in text if not char.isspace())


def text_is_usable(text: str) -> bool:
    """Whether a page's extracted (already folded) text reads as the page shows.

    False for a page without text (fewer than ``MIN_VISIBLE_CHARS``), for
    garbage (too many unknown glyphs, ``(cid:`` markers) and for text that is
    mostly not CJK (a font whose codes map to Latin letters).
    """
    visible = [char for char in text if not char.isspace()]
    if len(visible) < MIN_VISIBLE_CHARS or "(cid:" in text:
        return False
    bad = sum(1 for char in visible if is_bad_char(char))
    if bad > MAX_BAD_SHARE * len(visible):
        return False
    cjk = sum(1 for char in visible if is_cjk(char))
    return cjk >= MIN_CJK_SHARE * len(visible)
