"""The 税控码 cipher block is found by geometry and skipped only when its label confirms it."""

from __future__ import annotations

from desktop_app.core.model import Polygon
from desktop_app.recognition.local.cipher import cipher_block, confirmed


def _box(x: float, y: float, w: float, h: float) -> Polygon:
    return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


#: motor_000_clean: labels, values and the four cipher lines right of 税控码.
PAGE = [
    _box(92, 281, 67, 24),  # 机打代码
    _box(690, 282, 251, 20),
    _box(200, 294, 122, 23),
    _box(642, 302, 22, 55),  # 税控码 (vertical)
    _box(690, 308, 251, 21),
    _box(92, 318, 67, 25),
    _box(689, 333, 258, 20),
    _box(691, 360, 253, 20),
    _box(199, 411, 252, 23),  # a long value, not part of the block
    _box(689, 793, 342, 25),
]


def test_the_four_cipher_lines_are_found() -> None:
    block = cipher_block(PAGE)
    assert block is not None
    assert sorted(block.indices) == [1, 4, 6, 7]


def test_the_block_is_confirmed_by_its_label_only() -> None:
    block = cipher_block(PAGE)
    assert block is not None
    assert confirmed(block, [("税控码", PAGE[3]), ("机打代码", PAGE[0])])
    assert not confirmed(block, [("税挖码", PAGE[3])])  # label misread: read the block
    assert not confirmed(block, [("税控码", _box(60, 300, 40, 60))])  # far away


def test_no_block_without_a_run_of_long_lines() -> None:
    assert cipher_block(PAGE[:2] + PAGE[8:]) is None
    assert cipher_block([]) is None
    two = [_box(690, 282, 251, 20), _box(690, 308, 251, 21)]
    assert cipher_block(two) is None


def test_lines_of_different_widths_or_columns_are_not_a_block() -> None:
    ragged = [_box(690, 282, 251, 20), _box(500, 308, 251, 21), _box(690, 333, 120 * 2, 20)]
    assert cipher_block(ragged) is None
