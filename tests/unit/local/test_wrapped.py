"""A text value wrapped to two lines in its cell keeps its second line, never the next field's."""

from __future__ import annotations

from desktop_app.recognition.local.extractor import InvoiceExtractor
from desktop_app.recognition.local.fragments import Fragment
from desktop_app.recognition.local.ocr import OcrLine
from tests.unit.local.conftest import load_fixture


def _box(x0: float, y0: float, x1: float, y1: float) -> tuple:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _wrapped(page_lines: list[OcrLine], old: str, first: str, second: str) -> list[OcrLine]:
    """The page with the line ``old`` printed as two lines in its cell (smaller, as a
    printer fits a long value: the first half a line up, the second half a line down)."""
    out = []
    for line in page_lines:
        if line.text != old:
            out.append(line)
            continue
        (x0, y0), (x1, _), (_, y1), _ = line.polygon
        h = (y1 - y0) * 0.85
        mid = (y0 + y1) / 2
        out.append(OcrLine(first, _box(x0, mid - 1.05 * h, x1, mid - 0.05 * h), line.score))
        width = (x1 - x0) * len(second) / len(first)
        out.append(
            OcrLine(second, _box(x0 + 2, mid + 0.05 * h, x0 + 2 + width, mid + 1.05 * h), 0.99)
        )
    return out


def _never_apart(upper: Fragment, lower: Fragment) -> bool:
    return False


def _read(lines: list[OcrLine], apart=_never_apart) -> dict[str, str]:
    return {f.name: f.value for f in InvoiceExtractor().extract(lines, apart=apart)}


def test_a_wrapped_model_keeps_its_second_line() -> None:
    page = load_fixture("motor_000_clean")
    lines = _wrapped(page["lines"], "大众汽车牌SVW7141BRD", "梅赛德斯-奔驰1991CC", "CLA 260 4MATIC")
    fields = InvoiceExtractor().extract(lines, apart=_never_apart)
    model = next(f for f in fields if f.name == "厂牌型号")
    # (Text values are returned without spaces, as on one line; the answer is compared so.)
    assert model.value.replace(" ", "") == "梅赛德斯-奔驰1991CCCLA2604MATIC"
    # Its box holds both lines.
    assert model.rect is not None and model.rect.height > 30


def test_a_wrapped_address_and_bank_keep_their_second_lines() -> None:
    page = load_fixture("motor_000_clean")
    lines = _wrapped(page["lines"], "郑州市金水区学府路54号", "郑州市金水区学府路", "54号")
    lines = _wrapped(
        lines,
        "中国工商银行股份有限公司郑州分行营业部",
        "中国工商银行股份有限公司",
        "郑州分行营业部",
    )
    fields = _read(lines)
    assert fields["销售方地址"] == "郑州市金水区学府路54号"
    assert fields["销售方开户银行"] == "中国工商银行股份有限公司郑州分行营业部"
    assert fields == {**_read(page["lines"]), **fields}  # nothing else moved


def test_a_line_across_a_rule_is_another_cells() -> None:
    page = load_fixture("motor_000_clean")
    lines = _wrapped(page["lines"], "大众汽车牌SVW7141BRD", "梅赛德斯-奔驰1991CC", "CLA 260 4MATIC")
    fields = _read(lines, apart=lambda upper, lower: True)
    assert fields["厂牌型号"].replace(" ", "") == "梅赛德斯-奔驰1991CC"


def test_the_next_fields_value_below_is_never_taken() -> None:
    # The tax office's code sits a line below its name in the same cell; the buyer's ID
    # below the buyer's name: both stay their own fields.
    page = load_fixture("motor_000_clean")
    fields = _read(page["lines"])
    assert fields["主管税务机关"] == "国家税务总局郑州市金水区税务局"
    assert fields["主管税务机关代码"] == "410136469"
    assert fields["购买方名称"] == "武汉和谐汽车销售服务有限公司"
    assert fields == {f.name: f.value for f in InvoiceExtractor().extract(page["lines"])}


def test_without_the_ruling_no_line_is_joined() -> None:
    page = load_fixture("motor_000_clean")
    lines = _wrapped(page["lines"], "大众汽车牌SVW7141BRD", "梅赛德斯-奔驰1991CC", "CLA 260 4MATIC")
    fields = {f.name: f.value for f in InvoiceExtractor().extract(lines)}
    assert fields["厂牌型号"].replace(" ", "") == "梅赛德斯-奔驰1991CC"


def test_a_rule_between_two_lines_is_found_on_the_image() -> None:
    import numpy as np

    cv2 = __import__("pytest").importorskip("cv2")
    from desktop_app.recognition.local.cells import rules_between

    page = np.full((400, 800, 3), 255, dtype=np.uint8)
    cv2.line(page, (20, 200), (780, 200), (0, 0, 0), 2)  # the rule between two cells
    for x in range(100, 500, 26):
        for y in (150, 176, 222):  # two lines in the upper cell, one in the lower
            cv2.rectangle(page, (x, y), (x + 18, y + 18), (0, 0, 0), 2)
    lines = [OcrLine("字" * 15, _box(95, y - 3, 505, y + 21)) for y in (150, 176, 222)]
    apart = rules_between(page, lines)
    first, second, below = (Fragment(line.text, line.polygon) for line in lines)
    assert not apart(first, second)
    assert apart(second, below)
