"""Red seals: found by colour and shape on drawn pages; lines under them replaced."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.seals import (
    Box,
    find_seals,
    merge_band,
    reread_under_seals,
)

cv2 = pytest.importorskip("cv2")

PAPER = (235, 240, 245)  # BGR
FORM_RED = (60, 70, 150)  # the form's own brownish red print
SEAL = (70, 60, 225)
LINE = 24.0  # detector line height of the drawn page


def _page(seal_at: tuple[int, int] | None) -> np.ndarray:
    """A form page: red rules and red label blocks, black value blocks, maybe a seal."""
    page = np.full((700, 1000, 3), PAPER, dtype=np.uint8)
    for y in range(100, 701, 60):
        cv2.line(page, (40, y), (960, y), FORM_RED, 2)
    for x in (40, 200, 520, 960):
        cv2.line(page, (x, 100), (x, 640), FORM_RED, 2)
    for y in range(118, 640, 60):
        for x in range(70, 160, 22):
            cv2.rectangle(page, (x, y), (x + 14, y + 14), FORM_RED, 2)  # label glyphs
        for x in range(220, 480, 22):
            cv2.rectangle(page, (x, y), (x + 14, y + 14), (20, 20, 20), 2)  # value glyphs
    cv2.putText(page, "TITLE TITLE", (300, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.2, FORM_RED, 3)
    if seal_at is not None:
        ink = np.zeros(page.shape[:2], dtype=np.uint8)
        cv2.ellipse(ink, seal_at, (150, 110), 0, 0, 360, 255, 6)
        cv2.putText(ink, "SEAL", (seal_at[0] - 60, seal_at[1] + 15), 0, 1.4, 255, 4)
        share = (ink / 255.0)[..., None] * 0.85
        colour = np.array(SEAL, dtype=np.float32) / 255.0
        page[:] = (page * (1 - share + share * colour)).astype(np.uint8)  # ink multiplies
    return page


def test_the_seal_is_found_and_the_forms_red_print_is_not():
    seals = find_seals(_page((330, 400)), LINE)
    assert len(seals) == 1
    seal = seals[0]
    # The seal's box, grown at most by the red labels it touches (left of x = 180).
    assert 60 <= seal.x0 <= 182 and 475 <= seal.x1 <= 490
    assert 285 <= seal.y0 <= 292 and 508 <= seal.y1 <= 520


def test_a_page_without_a_seal_has_none():
    assert find_seals(_page(None), LINE) == []


def _line(text: str, x0: float, y0: float, x1: float, y1: float, red: float = 0.0) -> OcrLine:
    return OcrLine(text, ((x0, y0), (x1, y0), (x1, y1), (x0, y1)), 0.95, red)


def test_lines_under_the_seal_are_replaced_by_the_new_reading():
    seal = Box(100, 100, 300, 260)
    lines = [
        _line("地址", 20, 60, 80, 84),  # outside the seal: kept
        _line("增值税税售", 110, 120, 220, 144, red=0.84),  # label and seal text, one box
        _line("发票专用章", 150, 200, 260, 224, red=0.9),  # the seal's text: gone
        _line("开户银行", 400, 150, 480, 174),
    ]
    new = [
        _line("增值税税率", 110, 120, 200, 144),
        _line("13%", 210, 150, 250, 174),
        _line("切边", 120, 262, 180, 290),  # cut by the band's lower edge: not taken
    ]
    merged = merge_band(lines, new, seal, Box(0, 76, 1000, 290), 1000)
    assert [line.text for line in merged] == ["地址", "增值税税率", "13%", "开户银行"]


def test_a_line_the_seal_only_touches_keeps_its_first_reading():
    seal = Box(100, 100, 300, 260)
    lines = [_line("郑州市金水区学府路54号", 280, 110, 700, 134)]  # 20 of 420 px under it
    new = [_line("郑州市金水区学府路54号", 281, 110, 699, 134)]
    assert merge_band(lines, new, seal, Box(0, 76, 1000, 290), 1000) == lines


def test_a_new_line_cut_by_the_regions_side_is_not_taken() -> None:
    seal = Box(100, 100, 300, 260)
    new = [_line("郑州市金水区学", 200, 150, 352, 174)]  # runs out of the region at x = 352
    assert merge_band([], new, seal, Box(50, 76, 352, 290), 1000) == []
    assert merge_band([], new, seal, Box(50, 76, 400, 290), 1000) == new


def test_rows_of_a_seal_over_print_are_read_again_once():
    page = _page((330, 400))
    lines = [
        _line(f"第{i}行文字", 220, y - 4, 480, y + 20) for i, y in enumerate(range(118, 640, 60))
    ]
    calls = []

    def read_band(region: Box, within: Box) -> list[OcrLine]:
        calls.append((region, within))
        return [_line("13%", 230, 398, 290, 420)]

    merged = reread_under_seals(page, lines, read_band)
    assert len(calls) == 1
    region, within = calls[0]
    assert region.y0 < 400 - 110 and region.y1 > 400 + 110
    # Across: the seal and the value lines it touches (x 220-480), and a margin.
    assert region.x0 < 180 and 480 < region.x1 < 600
    assert within.x0 >= 60 and within.x1 <= 490
    assert "13%" in [line.text for line in merged]


def test_a_seal_over_no_black_print_is_not_read_again():
    page = _page(None)
    ink = np.zeros(page.shape[:2], dtype=np.uint8)
    cv2.ellipse(ink, (120, 300), (70, 60), 0, 0, 360, 255, 5)  # over red labels and rules
    page[ink > 0] = SEAL
    assert len(find_seals(page, LINE)) == 1
    lines = [
        _line(f"第{i}行文字", 220, y - 4, 480, y + 20) for i, y in enumerate(range(118, 640, 60))
    ]
    calls = []
    reread_under_seals(page, lines, lambda region, within: calls.append(region) or [])
    assert calls == []


def test_red_dropped_from_a_jpeg_keeps_the_print_under_the_seal() -> None:
    from desktop_app.recognition.local.seals import drop_red

    page = np.full((120, 240, 3), PAPER, dtype=np.uint8)
    cv2.putText(page, "13%", (20, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (30, 30, 30), 3)
    ink = np.zeros(page.shape[:2], dtype=np.uint8)
    cv2.circle(ink, (70, 60), 40, 255, 2)  # a thin seal rim over the print
    cv2.putText(ink, "SEAL", (120, 70), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 255, 2)
    share = (ink / 255.0)[..., None] * 0.9
    colour = np.array(SEAL, dtype=np.float32) / 255.0
    page = (page * (1 - share + share * colour)).astype(np.uint8)
    # A scan: JPEG keeps colour at half resolution, thin red strokes lose their red.
    _, data = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, 85])
    scan = cv2.imdecode(data, cv2.IMREAD_COLOR)
    dropped = drop_red(scan)[..., 0]
    rim_alone = (ink > 128) & (cv2.cvtColor(page, cv2.COLOR_BGR2GRAY) > 100)
    print_pixels = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY) < 40
    assert np.median(dropped[rim_alone]) > 225  # the seal is paper
    assert np.median(dropped[print_pixels]) < 90  # the print, under the seal too, stays
    assert np.median(dropped[print_pixels & (ink > 0)]) < 90


def test_a_ring_has_ink_all_round_and_an_arc_has_not() -> None:
    from desktop_app.recognition.local.seals import MIN_RIM, rim_share

    ring = np.zeros((60, 80), np.uint8)
    cv2.ellipse(ring, (40, 30), (38, 28), 0, 0, 360, 1, 3)
    cv2.putText(ring, "SEAL", (12, 38), 0, 0.6, 1, 2)
    arc = np.zeros((60, 80), np.uint8)
    cv2.ellipse(arc, (40, 30), (38, 28), 0, 200, 340, 1, 3)  # the upper part only
    assert rim_share(ring.astype(bool)) > 0.95
    assert rim_share(arc.astype(bool)) < MIN_RIM


def test_lines_read_again_are_print_unless_as_red_as_a_seals_text() -> None:
    page = np.full((100, 400, 3), PAPER, dtype=np.uint8)
    page[18:42, 10:140:2] = SEAL  # what the drop-out left of a seal's text: red strokes
    page[18:42, 250:320:2] = (30, 30, 30)  # print
    lines = [
        _line("有限公", 8, 16, 142, 44),
        _line("13%", 248, 16, 322, 44),
        _line("江", 5, 60, 30, 90),
    ]
    from desktop_app.recognition.local.seals import _as_print, _worth

    seal_text, value, lone = (_as_print(line, page) for line in lines)
    assert seal_text.red >= 0.8 and value.red == 0.0
    assert not _worth(lone) and _worth(value) and _worth(_line("5", 0, 0, 10, 10))
