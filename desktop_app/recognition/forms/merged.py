"""A merged cell feeding two fields: the buyer's name over the buyer's ID.

The 2015 机动车 form prints one label, 购买方名称及身份证号码/组织机构代码, beside a
cell holding the buyer's name on its upper line and the ID number on its lower one
(on some print runs the two lines sit in ruled sub-cells right of the one label).
OCR may also read both on one line when the printer shifted them together
(``华为技术有限公司91003090675426500``). The ID is the line, or the end of the
line, that is a code: digits and capital letters, 9 to 20 of them.
"""

from __future__ import annotations

import re

from desktop_app.documents.page_text import Box
from desktop_app.recognition.forms.tokens import Token, glyph_width

#: An identifier: an organization code, a resident ID, a credit code, a taxpayer number.
_CODE = re.compile(r"[0-9A-Z][0-9A-Z\-]{7,19}")
_CODE_AT_END = re.compile(
    r"^(?P<name>.*[^\x00-\x7f].*?)[\s:：]*(?P<code>[0-9A-Z][0-9A-Z\-]{7,19})$"
)


def is_code(text: str) -> bool:
    """True when ``text`` (spaces aside) is an identifier, not a name."""
    flat = re.sub(r"\s+", "", text)
    return _CODE.fullmatch(flat) is not None and any(ch.isdigit() for ch in flat)


def split_name_and_code(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """``tokens`` of a merged name-over-ID cell as the name's tokens and the ID's."""
    name: list[Token] = []
    code: list[Token] = []
    for token in tokens:
        if is_code(token.text):
            code.append(token)
            continue
        match = _CODE_AT_END.match(token.text.strip())
        if match is None:
            name.append(token)
            continue
        head, tail = _cut(
            token, len(match["name"].rstrip()), len(token.text.strip()) - len(match["code"])
        )
        name.append(head)
        code.append(tail)
    return name, code


def _cut(token: Token, name_end: int, code_start: int) -> tuple[Token, Token]:
    """``token`` cut into the name (characters before ``name_end``) and the code
    (from ``code_start``), each with its share of the box by advance widths."""
    text = token.text.strip()
    widths = [glyph_width(ch) for ch in text]
    x0, y0, x1, y1 = token.box
    unit = (x1 - x0) / max(sum(widths), 1e-6)
    name_box: Box = (x0, y0, x0 + sum(widths[:name_end]) * unit, y1)
    code_box: Box = (x0 + sum(widths[:code_start]) * unit, y0, x1, y1)
    name = Token(text[:name_end], name_box, "", token.score, token.size, token.padded_left, False)
    code = Token(
        text[code_start:], code_box, "", token.score, token.size, False, token.padded_right
    )
    return name, code
