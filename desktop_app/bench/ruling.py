"""``ruling DIR``: does the ruling found on each page's image match the form's grid?

No OCR: the rules are found on the image (``recognition.local.ruling``), the page is
rectified by them, and the truth's value boxes are measured against the cells they
make. Per page: rules found across/down, how the page was rectified, the share of
value boxes inside the frame that sit in a closed cell (a rule above, below, left
and right of their centre, each spanning it), and the share crossed by a rule (the
tax printer's offset pushed the value over a rule). Character height comes from the
truth boxes (median height), as the engine takes it from its OCR lines.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass
from typing import Any

from desktop_app.bench.pages import BenchPage, load_pages, page_image
from desktop_app.documents.page_text import Rule


@dataclass
class RulingScore:
    """The ruling of one page measured against its truth boxes."""

    across: int = 0
    down: int = 0
    rectified_by: str = ""
    inside: int = 0  # value boxes inside the frame
    in_cell: int = 0
    crossed: int = 0
    seconds: float = 0.0


def add_parser(sub: Any) -> None:
    """The ``ruling`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    cmd = sub.add_parser("ruling", help="ruling found on the images vs the truth's value boxes")
    cmd.add_argument("folder", help="folder with manifest.json and truth JSON")


def main(args: argparse.Namespace) -> int:
    from pathlib import Path

    total = RulingScore()
    for page in load_pages(Path(args.folder)):
        score = score_page(page)
        print(
            f"{page.path.name:28} {page.mode:7} rules {score.across:3} across {score.down:3} down"
            f"  {score.rectified_by:5}  in a cell {score.in_cell:2}/{score.inside:<2}"
            f"  crossing a rule {score.crossed:2}  {1000 * score.seconds:4.0f} ms"
        )
        total.inside += score.inside
        total.in_cell += score.in_cell
        total.crossed += score.crossed
    share = total.in_cell / total.inside if total.inside else 0.0
    print(
        f"\nvalue boxes in a closed cell: {total.in_cell}/{total.inside} = {100 * share:.2f}%"
        f"; crossed by a rule: {total.crossed}"
    )
    return 0


def score_page(page: BenchPage) -> RulingScore:
    """Find the ruling of ``page`` and measure the truth's value boxes against it."""
    import cv2
    import numpy as np

    from desktop_app.recognition.local.page_text_from_ocr import (
        _apply,
        _rule,
        frame_corners,
        rectifying_matrix,
    )
    from desktop_app.recognition.local.ruling import find_segments

    data = page_image(page.path)
    image = cv2.imdecode(np.frombuffer(data.data, np.uint8), cv2.IMREAD_COLOR)
    boxes = [f.polygon for f in page.truth if f.polygon is not None and f.value]
    heights = [abs(p[3][1] - p[0][1]) for p in boxes]
    started = time.perf_counter()
    segments = find_segments(image, statistics.median(heights) if heights else None)
    matrix, how = rectifying_matrix(segments, image.shape[1], image.shape[0])
    seconds = time.perf_counter() - started
    rules = [_rule(s, matrix) for s in segments]
    score = RulingScore(
        sum(r.horizontal for r in rules), sum(not r.horizontal for r in rules), how, seconds=seconds
    )
    corners = frame_corners(segments, image.shape[1], image.shape[0])
    frame = None
    if corners is not None:
        mapped = _apply(matrix, list(corners))
        frame = (mapped[0][1], mapped[2][1], mapped[0][0], mapped[2][0])
    for polygon in boxes:
        corners = _apply(matrix, list(polygon))
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        box = (min(xs), min(ys), max(xs), max(ys))
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if frame is None or not (frame[0] < cy < frame[1] and frame[2] < cx < frame[3]):
            continue
        score.inside += 1
        score.in_cell += _closed_cell(rules, cx, cy)
        score.crossed += any(_crosses(r, box) for r in rules)
    return score


def _closed_cell(rules: list[Rule], x: float, y: float) -> bool:
    above = any(r.horizontal and r.y0 < y and r.x0 - 3 <= x <= r.x1 + 3 for r in rules)
    below = any(r.horizontal and r.y0 > y and r.x0 - 3 <= x <= r.x1 + 3 for r in rules)
    left = any(not r.horizontal and r.x0 < x and r.y0 - 3 <= y <= r.y1 + 3 for r in rules)
    right = any(not r.horizontal and r.x0 > x and r.y0 - 3 <= y <= r.y1 + 3 for r in rules)
    return above and below and left and right


def _crosses(rule: Rule, box: tuple[float, float, float, float]) -> bool:
    """Whether ``rule`` passes through the inner part of ``box`` (2 px in from its edges)."""
    x0, y0, x1, y1 = box[0] + 2, box[1] + 2, box[2] - 2, box[3] - 2
    if rule.horizontal:
        return y0 < rule.y0 < y1 and rule.x0 < x1 and rule.x1 > x0
    return x0 < rule.x0 < x1 and rule.y0 < y1 and rule.y1 > y0
