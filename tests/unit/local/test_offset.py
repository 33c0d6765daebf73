"""The tax printer's offset: every value printed a few millimetres off its cell.

The printer feeds the pre-printed form a little off, so all values move together
against the form's labels and rules (often across a rule into the cell above or
below). Placement measures each value against where its own label was read and gives
it to the field whose place it is nearest among those that can take such text; this
checks that the values of the recorded pages still reach their fields when the whole
print is shifted by up to 3 mm across and 2.5 mm down or up.
"""

from __future__ import annotations

import pytest

from desktop_app.recognition.local.extractor import InvoiceExtractor
from desktop_app.recognition.local.ocr import OcrLine
from tests.unit.local.conftest import FIXTURE_NAMES, load_fixture

#: The forms are about 240 mm wide: millimetres → pixels of a page ``width`` px wide.
FORM_MM = 240.0


def _values_shifted(page: dict, dx_mm: float, dy_mm: float) -> list[OcrLine]:
    """The page's lines with the printed values (lines holding an expected value) moved."""
    mm = page["size"][0] / FORM_MM
    values = [v.lstrip("¥") for v in page["expected"].values() if len(v) >= 2]
    out = []
    for line in page["lines"]:
        if any(v in line.text for v in values):
            moved = tuple((x + dx_mm * mm, y + dy_mm * mm) for x, y in line.polygon)
            line = OcrLine(line.text, moved, line.score, line.red)  # type: ignore[arg-type]
        out.append(line)
    return out


def _read(lines: list[OcrLine]) -> dict[str, str]:
    return {f.name: f.value for f in InvoiceExtractor().extract(lines)}


@pytest.mark.parametrize("name", FIXTURE_NAMES)
@pytest.mark.parametrize(
    ("dx_mm", "dy_mm"), [(3, 0), (-3, 0), (0, 2.5), (0, -2.5), (3, 2.5), (-3, -2.5), (2, -2.5)]
)
def test_values_shifted_by_the_printer_keep_their_fields(
    name: str, dx_mm: float, dy_mm: float
) -> None:
    page = load_fixture(name)
    as_printed = _read(page["lines"])
    shifted = _read(_values_shifted(page, dx_mm, dy_mm))
    assert shifted == as_printed


def test_the_offset_most_values_agree_on_is_found() -> None:
    from desktop_app.recognition.local.offset import print_offset

    # Ten values 12 units down (±1) and 5 across; each also votes for the row above and
    # below (33 units off), as a code fits several code fields.
    votes = []
    for i in range(10):
        d = (5.0 + i % 3, 12.0 + (i % 3 - 1))
        votes += [(i, d), (i, (d[0], d[1] - 33.0)), (i, (d[0], d[1] + 33.0))]
    dx, dy = print_offset(votes)
    assert abs(dx - 6.0) < 1.5 and abs(dy - 12.0) < 1.0


def test_scattered_values_move_nothing() -> None:
    from desktop_app.recognition.local.offset import print_offset

    votes = [(i, (float(7 * i % 40 - 20), float(5 * i % 36 - 18))) for i in range(12)]
    assert print_offset(votes) == (0.0, 0.0)


def test_a_value_pushed_across_a_rule_reaches_the_field_that_takes_its_kind() -> None:
    # The seller's taxpayer number printed 7 mm up, across the rule into the name's row:
    # further off than the usual gates, it still goes to the one empty field that takes
    # a code, and the name above (text) never takes it as its second line.
    page = load_fixture("motor_000_clean")
    mm = page["size"][0] / FORM_MM
    lines = []
    for line in page["lines"]:
        if line.text == "91410113930955972H":
            line = OcrLine(
                line.text,
                tuple((x - 5 * mm, y - 7 * mm) for x, y in line.polygon),  # type: ignore[arg-type]
                line.score,
            )
        lines.append(line)
    fields = {
        f.name: f.value for f in InvoiceExtractor().extract(lines, apart=lambda upper, lower: False)
    }
    assert fields["销售方纳税人识别号"] == "91410113930955972H"
    assert fields["销货单位名称"] == "郑州利星汽车销售有限公司"
