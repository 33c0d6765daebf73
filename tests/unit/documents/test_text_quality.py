"""Folding look-alike ideographs and telling a usable text layer from garbage."""

from __future__ import annotations

import pytest

from desktop_app.documents.text_quality import fold_text, is_bad_char, text_is_usable


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("\uf963京", "北京"),  # CJK compatibility ideograph
        ("\U0002f800", "\u4e3d"),  # compatibility supplement → 丽
        ("\u2f08民", "人民"),  # Kangxi radical ⼈ → 人
        ("（ＡＢ１）￥", "（ＡＢ１）￥"),  # full-width forms are the invoice's own: kept
        ("abc 123", "abc 123"),
    ],
)
def test_fold_text(raw: str, folded: str) -> None:
    assert fold_text(raw) == folded
    assert len(fold_text(raw)) == len(raw)  # one box per character survives


@pytest.mark.parametrize("char", ["\ufffd", "\ue000", "\U000f0001", "\x01"])
def test_bad_chars(char: str) -> None:
    assert is_bad_char(char)


@pytest.mark.parametrize("char", ["北", "A", "1", "：", " "])
def test_good_chars(char: str) -> None:
    assert not is_bad_char(char)


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("电子发票（机动车销售统一发票） 发票号码：25312000000012345678", True),
        ("发票", False),  # too little to be a text layer
        ("发票号码 \ufffd\ufffd\ufffd 名称", False),
        ("发票号码 (cid:3)", False),
        ("Total amount due 12345.00 EUR", False),
        ("", False),
    ],
)
def test_text_is_usable(text: str, usable: bool) -> None:
    assert text_is_usable(text) is usable
