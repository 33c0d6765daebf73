"""The ruling found on drawn grids: straight, tilted, in perspective, broken, among text."""

from __future__ import annotations

import itertools
import math

import cv2
import numpy as np
import pytest

from desktop_app.documents.page_text import ORIGIN_OCR
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.page_text_from_ocr import ocr_page_text
from desktop_app.recognition.local.ruling import find_segments

CHAR = 14.0
ROWS = (100, 160, 220, 300, 360)  # y of the horizontal rules
COLUMNS = (60, 240, 520, 740)  # x of the vertical rules


def grid_page(*, gap_at: int | None = None, text: bool = True, seal: bool = False) -> np.ndarray:
    """An 800×460 white page with a ruled grid, text-like marks in its cells, a seal."""
    page = np.full((460, 800, 3), 255, np.uint8)
    for y in ROWS:
        cv2.line(page, (COLUMNS[0], y), (COLUMNS[-1], y), (40, 40, 150), 2)
    for x in COLUMNS:
        cv2.line(page, (x, ROWS[0]), (x, ROWS[-1]), (40, 40, 150), 2)
    if gap_at is not None:  # a rule broken twice, as by a worn printer ribbon
        for x0 in (gap_at, gap_at + 140):
            cv2.line(page, (x0, ROWS[2]), (x0 + 9, ROWS[2]), (255, 255, 255), 4)
    if text:
        rng = np.random.default_rng(7)
        for top, bottom in itertools.pairwise(ROWS):
            for left, right in itertools.pairwise(COLUMNS):
                y = (top + bottom) // 2 - 7
                for x in range(left + 12, right - 30, 17):  # "characters": short strokes
                    for _ in range(4):
                        a = (x + int(rng.integers(0, 12)), y + int(rng.integers(0, 14)))
                        horizontal = rng.random() < 0.5
                        b = (x + 13, a[1]) if horizontal else (a[0], y + 14)
                        cv2.line(page, a, b, (20, 20, 20), 1)
    if seal:
        cv2.ellipse(page, (400, 420), (70, 32), 0, 0, 360, (60, 60, 220), 2)
    return page


def _positions(segments, horizontal: bool) -> list[float]:
    found = [s for s in segments if s.horizontal is horizontal]
    return sorted((s.y0 + s.y1) / 2 if horizontal else (s.x0 + s.x1) / 2 for s in found)


def test_a_straight_grid_gives_its_rules_and_no_text() -> None:
    segments = find_segments(grid_page(), CHAR)
    assert _positions(segments, True) == pytest.approx(ROWS, abs=1.5)
    assert _positions(segments, False) == pytest.approx(COLUMNS, abs=1.5)
    across = [s for s in segments if s.horizontal]
    assert all(s.length > 0.95 * (COLUMNS[-1] - COLUMNS[0]) for s in across)


def test_text_alone_has_no_rules() -> None:
    page = grid_page()
    ink = grid_page(text=False) < 200  # the grid's own pixels
    page[ink] = 255
    assert find_segments(page, CHAR) == []


def test_a_broken_rule_is_joined() -> None:
    segments = find_segments(grid_page(gap_at=300), CHAR)
    at_row = [s for s in segments if s.horizontal and abs(s.y0 - ROWS[2]) < 3]
    assert len(at_row) == 1
    assert at_row[0].x0 < COLUMNS[0] + 3 and at_row[0].x1 > COLUMNS[-1] - 3


def test_the_rim_of_a_seal_is_no_rule() -> None:
    segments = find_segments(grid_page(seal=True), CHAR)
    assert not [s for s in segments if s.y0 > ROWS[-1] + 10]


@pytest.mark.parametrize("degrees", [-2.5, 1.2, 3.0])
def test_a_tilted_grid_is_found_and_straightened(degrees: float) -> None:
    page = grid_page()
    turn = cv2.getRotationMatrix2D((400, 230), degrees, 1.0)
    tilted = cv2.warpAffine(page, turn, (800, 460), borderValue=(255, 255, 255))
    segments = find_segments(tilted, CHAR)
    assert len([s for s in segments if s.horizontal]) == len(ROWS)
    assert len([s for s in segments if not s.horizontal]) == len(COLUMNS)
    tilt = np.median([s.angle for s in segments])
    assert math.degrees(tilt) == pytest.approx(-degrees, abs=0.3)
    page_text = ocr_page_text(tilted, []).text
    across = sorted(r.y0 for r in page_text.rules if r.horizontal)
    gaps = np.diff(across)
    assert gaps == pytest.approx(np.diff(ROWS), abs=2.0)


def test_a_photo_in_perspective_is_rectified_and_maps_back() -> None:
    page = grid_page()
    src = np.float32([[0, 0], [800, 0], [800, 460], [0, 460]])
    dst = np.float32([[40, 20], [770, 45], [790, 450], [10, 420]])
    seen = cv2.warpPerspective(
        page, cv2.getPerspectiveTransform(src, dst), (800, 460), borderValue=(255, 255, 255)
    )
    warp = cv2.getPerspectiveTransform(src, dst)
    corner = warp @ np.array([COLUMNS[1] + 20, ROWS[1] + 20, 1.0])
    cx, cy = corner[:2] / corner[2]
    line = OcrLine("武汉和谐", ((cx, cy), (cx + 60, cy), (cx + 60, cy + 16), (cx, cy + 16)), 0.93)
    read = ocr_page_text(seen, [line])
    assert read.rectified_by == "frame"
    assert read.text.origin == ORIGIN_OCR
    assert read.text.spans[0].score == pytest.approx(0.93)
    across = sorted(r.y0 for r in read.text.rules if r.horizontal)
    down = sorted(r.x0 for r in read.text.rules if not r.horizontal)
    assert len(across) == len(ROWS) and len(down) == len(COLUMNS)
    # The rectified grid has the drawn proportions: rows and columns spaced as drawn.
    rows = np.diff(across) / (across[-1] - across[0])
    columns = np.diff(down) / (down[-1] - down[0])
    assert rows == pytest.approx(np.diff(ROWS) / (ROWS[-1] - ROWS[0]), abs=0.02)
    assert columns == pytest.approx(np.diff(COLUMNS) / (COLUMNS[-1] - COLUMNS[0]), abs=0.02)
    # The span sits between the second and third rules, and maps back onto the line.
    x0, y0, x1, y1 = read.text.spans[0].box
    assert across[1] < y0 < y1 < across[2] and down[1] < x0 < x1 < down[2]
    back = read.polygon_in_image(read.text.spans[0].box)
    assert back[0] == pytest.approx((cx, cy), abs=3.0)
