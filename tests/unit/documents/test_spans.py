"""Characters grouped into spans: baselines, gaps, rules, source objects and layers, directions."""

from __future__ import annotations

from desktop_app.documents.page_text import Rule
from desktop_app.documents.spans import DOWN, Glyph, build_spans


def _row(text: str, x: float, y: float, size: float = 10, step: float = 10, **kw) -> list[Glyph]:
    """Glyphs of ``text`` on baseline ``y`` from ``x``, each ``step`` apart and 0.9·size wide."""
    return [
        Glyph(
            ch,
            (x + i * step, y - size, x + i * step + 0.9 * size, y + 0.2 * size),
            (x + i * step, y),
            size,
            **kw,
        )
        for i, ch in enumerate(text)
    ]


def _texts(glyphs: list[Glyph], rules: tuple[Rule, ...] = ()) -> list[str]:
    return [span.text for span in build_spans(glyphs, rules)]


def test_lines_by_baseline_in_reading_order() -> None:
    glyphs = _row("第二行", 0, 50) + _row("第一行", 0, 20) + _row("右", 100, 21)
    assert _texts(glyphs) == ["第一行", "右", "第二行"]


def test_a_wide_gap_or_a_rule_between_cuts_a_line() -> None:
    assert _texts(_row("名称", 0, 20) + _row("上海", 40, 20)) == ["名称", "上海"]  # gap 21 > 15
    assert _texts(_row("名称", 0, 20) + _row("上海", 22, 20)) == ["名称上海"]
    rule = Rule(20.5, 0, 20.5, 40)
    assert _texts(_row("名称", 0, 20) + _row("上海", 22, 20), (rule,)) == ["名称", "上海"]
    short_rule = Rule(20.5, 30, 20.5, 40)  # does not reach the line
    assert _texts(_row("名称", 0, 20) + _row("上海", 22, 20), (short_rule,)) == ["名称上海"]


def test_white_space_inside_is_kept_at_the_ends_dropped() -> None:
    assert _texts(_row(" 单 位 ", 0, 20)) == ["单 位"]
    assert [len(span.chars) for span in build_spans(_row(" 单 位 ", 0, 20))] == [3]


def test_objects_and_layers() -> None:
    yen = _row("¥", 0, 20, group=1, layer=1)
    digits = _row("12.00", 9.5, 20, group=2, layer=1)  # touching: one run
    assert _texts(yen + digits) == ["¥12.00"]
    apart = _row("12.00", 16, 20, group=2, layer=1)  # 7 apart, more than half a size
    assert _texts(yen + apart) == ["¥", "12.00"]
    label = _row("合计：", 0, 20, group=3, layer=0)
    value = _row("¥1", 30, 20, group=4, layer=1)  # right after the template's label
    assert _texts(label + value) == ["合计：", "¥1"]


def test_sizes_apart_are_not_one_run() -> None:
    assert _texts(_row("标题", 0, 20, size=20, step=20) + _row("号码", 42, 20)) == ["标题", "号码"]


def test_vertical_text_reads_down() -> None:
    glyphs = [
        Glyph(ch, (0, i * 10, 10, i * 10 + 9), (0, i * 10), 10, DOWN)
        for i, ch in enumerate("下载次数")
    ]
    assert _texts(glyphs) == ["下载次数"]
