"""Pages read by structure: which reader, and a drawn e-invoice grid read by label and cell."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import Rect
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.structure import (
    STRUCTURE,
    TEMPLATE,
    ink_box,
    printed_lines,
    read_by_structure,
    seals_read_through,
    structure_reading,
    titles_joined,
    which_reader,
)

TITLE = "电子发票（机动车销售统一发票）"
# (row top, row bottom) and the cells of each row: (x0, x1, text); labels end with "".
ROWS = [
    ((120, 170), [(40, 200, "发票号码：25442000000012345678")]),
    ((170, 220), [(40, 200, "购买方名称"), (200, 900, "广州明达物流有限公司")]),
    (
        (220, 270),
        [(40, 200, "统一社会信用代码/纳税人识别号/身份证明号码"), (200, 900, "91440101MA5CXYZ12U")],
    ),
    (
        (270, 320),
        [
            (40, 200, "车辆类型"),
            (200, 450, "轿车"),
            (450, 600, "厂牌型号"),
            (600, 900, "丰田牌TV7250GLD"),
        ],
    ),
    (
        (320, 370),
        [
            (40, 200, "价税合计（大写）"),
            (200, 600, "肆万圆整"),
            (600, 700, "（小写）"),
            (700, 900, "¥40000.00"),
        ],
    ),
]


def _page() -> tuple[np.ndarray, list[OcrLine]]:
    """A ruled page and the OCR lines of its text (each line centred in its cell)."""
    page = np.full((420, 960, 3), 255, np.uint8)
    lines = [OcrLine(TITLE, ((300, 40), (660, 40), (660, 80), (300, 80)), 0.99)]
    for (top, bottom), cells in ROWS:
        cv2.line(page, (40, top), (900, top), (30, 30, 30), 2)
        for x0, x1, text in cells:
            cv2.line(page, (x0, top), (x0, bottom), (30, 30, 30), 2)
            width = min(x1 - x0 - 16, 14 * len(text))
            lx, ly = x0 + 8, (top + bottom) / 2 - 10
            lines.append(
                OcrLine(
                    text, ((lx, ly), (lx + width, ly), (lx + width, ly + 20), (lx, ly + 20)), 0.97
                )
            )
        cv2.line(page, (900, top), (900, bottom), (30, 30, 30), 2)
    cv2.line(page, (40, 370), (900, 370), (30, 30, 30), 2)
    return page, lines


def test_the_template_reads_pages_whose_labels_it_places() -> None:
    line = OcrLine("机动车销售统一发票", ((0, 0), (9, 0), (9, 9), (0, 9)))
    assert which_reader([line], 40, 39) == TEMPLATE
    assert which_reader([line], 40, 20) == STRUCTURE  # another layout
    assert which_reader([OcrLine(TITLE, line.polygon)], 40, 40) == STRUCTURE  # printed 数电
    assert which_reader([line], 40, 37) == STRUCTURE  # 92.5%: another rendering of the form


def test_pages_of_the_other_generations_are_read_by_structure() -> None:
    title = OcrLine("机动车销售统一发票", ((0, 0), (9, 0), (9, 9), (0, 9)))
    for label in ("身份证明号码", "购货单位（人）"):
        line = OcrLine(label, ((0, 20), (9, 20), (9, 29), (0, 29)))
        assert which_reader([title, line], 40, 40) == STRUCTURE
    side = OcrLine("第二联 发票联 购货单位付款凭证", ((0, 20), (9, 20), (9, 29), (0, 29)))
    assert which_reader([title, side], 40, 40) == TEMPLATE


def test_seal_text_and_the_cipher_block_are_no_print() -> None:
    box = ((0, 0), (90, 0), (90, 20), (0, 20))
    kept = printed_lines(
        [
            OcrLine("发票专用章", box, red=0.8),
            OcrLine("<>*+-/0398*<>", box),
            OcrLine("轿车", box),
        ]
    )
    assert [line.text for line in kept] == ["轿车"]


@pytest.mark.parametrize("tilt", [0.0, 2.0])
def test_a_printed_einvoice_is_read_by_label_and_cell(tilt: float) -> None:
    page, lines = _page()
    if tilt:
        turn = cv2.getRotationMatrix2D((480, 210), tilt, 1.0)
        page = cv2.warpAffine(page, turn, (960, 420), borderValue=(255, 255, 255))
        lines = [
            OcrLine(
                line.text,
                tuple(tuple(turn @ np.array([x, y, 1.0])) for x, y in line.polygon),  # type: ignore[arg-type]
                line.score,
            )
            for line in lines
        ]
    fields = {f.name: f for f in read_by_structure(page, lines)}
    assert structure_reading(page, lines)[1] == "einvoice"  # the generation, from its title
    assert fields["发票类型"].value == TITLE
    assert fields["购买方名称"].value == "广州明达物流有限公司"
    assert fields["身份证号码/组织机构代码"].value == "91440101MA5CXYZ12U"
    assert fields["厂牌型号"].value == "丰田牌TV7250GLD"
    assert fields["价税合计"].value == "肆万圆整"
    assert fields["价税合计(小写)"].value == "¥40000.00"
    assert fields["发票代码"].value == "" and fields["机器编号"].value == ""
    # Boxes come back in the image's pixels, on the OCR line of the value.
    name_line = next(line for line in lines if line.text == "广州明达物流有限公司")
    assert fields["购买方名称"].rect.iou(Rect.bounding(name_line.polygon)) > 0.6
    assert fields["购买方名称"].confidence == pytest.approx(0.97)


def test_another_kind_of_invoice_is_refused_by_name() -> None:
    page, lines = _page()
    lines[0] = OcrLine("电子发票（普通发票）", lines[0].polygon)
    with pytest.raises(RecognitionError) as caught:
        read_by_structure(page, lines)
    assert "普通发票" in str(caught.value.message) or "普通发票" in str(caught.value)


def test_a_red_seal_over_black_print_drops_out_of_the_second_look() -> None:
    from desktop_app.recognition.local.engine import without_red

    page = np.full((40, 120, 3), 255, np.uint8)
    page[10:30, 10:60] = (20, 20, 20)  # black print
    cv2.circle(page, (60, 20), 18, (40, 40, 220), 3)  # a red seal's rim (BGR)
    clean = without_red(page)
    assert clean.shape == page.shape
    assert clean[20, 30].max() < 60  # the print stays dark
    assert clean[20, 78].min() > 180  # the seal is paper now


def test_the_second_line_of_a_wrapped_label_run_into_its_value_is_split() -> None:
    from desktop_app.recognition.local.structure import label_tails_apart

    head = OcrLine("限乘", ((962, 883), (1004, 883), (1004, 910), (962, 910)))
    glued = OcrLine("人数5", ((962, 896), (1018, 896), (1018, 931), (962, 931)), 0.9)
    office = OcrLine("主管税务", ((704, 766), (804, 766), (804, 793), (704, 793)))
    rest = OcrLine("机关及代码", ((705, 792), (806, 792), (806, 820), (705, 820)))
    out = label_tails_apart([head, glued, office, rest])
    assert [line.text for line in out] == ["限乘", "人数", "5", "主管税务", "机关及代码"]
    value = out[2]
    assert value.polygon[0][0] > 990 and value.polygon[1][0] == 1018  # the value's own part


def _line(text: str, x0: float, y0: float, x1: float, y1: float, red: float = 0.0) -> OcrLine:
    return OcrLine(text, ((x0, y0), (x1, y0), (x1, y1), (x0, y1)), 0.99, red)


def test_a_title_read_in_pieces_on_one_row_is_joined() -> None:
    pieces = [
        _line("销售统", 600, 14, 800, 119),  # cut by the 监制章 oval: a taller box
        _line("机动车", 470, 54, 640, 102),
        _line("一发票", 790, 55, 945, 102),
        _line("发票代码", 980, 115, 1060, 142),
    ]
    joined = titles_joined(pieces)
    assert joined[0].text == "机动车销售统一发票"
    assert [line.text for line in joined[1:]] == ["发票代码"]
    overlapping = [  # two boxes over one character: 机动车 / 车销售统
        _line("机动车", 477, 55, 640, 102),
        _line("车销售统", 599, 14, 800, 119),
        _line("一发票", 789, 55, 945, 102),
    ]
    assert titles_joined(overlapping)[0].text == "机动车销售统一发票"
    hidden = [overlapping[0], overlapping[2]]  # 销售统 under the 监制章, read away
    assert titles_joined(hidden)[0].text == "机动车销售统一发票"
    assert titles_joined([overlapping[0]]) == [overlapping[0]]  # 机动车 alone is no title
    whole = [_line("机动车销售统一发票", 470, 54, 945, 102), *pieces[3:]]
    assert titles_joined(whole) == whole


def test_a_label_among_the_noise_words_is_kept() -> None:
    kept = printed_lines(
        [_line("购货单位(人)", 100, 350, 200, 380), _line("发票联", 1400, 380, 1420, 500)]
    )
    assert [line.text for line in kept] == ["购货单位(人)"]


def test_boxes_hug_the_ink_of_the_value() -> None:
    # A detector box 30 px high around digits: the ink is the middle 56%, a little low;
    # the padding comes off an end only where the box is the line's own.
    x0, y0, x1, y1 = ink_box("28792174", (100.0, 200.0, 200.0, 230.0), True, False)
    assert y1 - y0 == pytest.approx(0.56 * 30)
    assert (y0 + y1) / 2 > 215.0
    assert x0 > 100.0 and x1 == 200.0
    _, cy0, _, cy1 = ink_box("郑州市", (100.0, 200.0, 200.0, 230.0), False, False)
    assert cy1 - cy0 == pytest.approx(0.69 * 30)


def test_lines_under_a_seal_are_read_again_without_the_red() -> None:
    lines = [
        _line("增值税税率", 60, 830, 140, 856, red=0.6),  # the form's red print: a label
        _line("13专用章", 145, 850, 190, 876, red=0.3),  # a value with the seal over it
        _line("91430105H553668B49", 500, 880, 700, 900, red=0.8),  # the seal's own number
        _line("湖南汽车专用章", 480, 900, 720, 930, red=0.8),  # the seal's words
        _line("¥35093.03", 358, 853, 452, 877),
    ]
    asked: list[int] = []

    def reread(regions):
        asked.append(len(regions))
        return [("13%", 0.99), ("91430105H553668849", 0.97), ("", 0.2)]

    out = seals_read_through(lines, reread)
    assert asked == [3]
    assert [line.text for line in out] == [
        "增值税税率",
        "13%",
        "91430105H553668B49",
        "湖南汽车专用章",
        "¥35093.03",
    ]
    assert out[1].red == 0.0
    assert seals_read_through(lines, None) == lines


def test_red_lines_are_kept_only_when_they_are_label_print() -> None:
    kept = printed_lines(
        [
            _line("或征收率", 60, 850, 140, 874, red=0.6),  # a wrapped label's second line
            _line("经营、拍卖", 60, 700, 160, 724, red=0.7),
            _line("纳税人识据号", 60, 760, 180, 784, red=0.7),  # a label misread
            _line("手车经纪有限", 200, 900, 320, 924, red=0.9),  # a seal's rim: starts like 二手车
        ]
    )
    assert [line.text for line in kept] == ["或征收率", "经营、拍卖", "纳税人识据号"]
