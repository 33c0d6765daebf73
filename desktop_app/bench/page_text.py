"""``page-text FILE...``: how long opening a file and getting a page with its own text takes.

For each file (PDF, OFD, image): open it, then ``page_image(0, dpi)`` (the
rendered PNG with ``.text`` filled, what the window and ``recognize`` ask for)
and ``page_text(0, dpi)`` alone (the text and ruling without rendering), each
repeated ``--runs`` times in this process; the medians are printed with the
number of spans and rules found. The first round (cold caches) is reported
separately, as the app meets a new file.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from desktop_app.documents import open_document


def add_parser(sub: Any) -> None:
    """The ``page-text`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    cmd = sub.add_parser("page-text", help="time page_image + text and page_text of files")
    cmd.add_argument("files", nargs="+", type=Path, help="PDF, OFD or image files")
    cmd.add_argument("--dpi", type=float, default=150.0)
    cmd.add_argument("--runs", type=int, default=10)


def _time_file(path: Path, dpi: float, runs: int) -> dict[str, Any]:
    """Cold and median times (seconds) of open + page_image and of page_text for ``path``."""
    cold = time.perf_counter()
    with open_document(path) as document:
        page = document.page_image(0, dpi)
    cold = time.perf_counter() - cold
    images, texts = [], []
    for _ in range(runs):
        started = time.perf_counter()
        with open_document(path) as document:
            page = document.page_image(0, dpi)
        images.append(time.perf_counter() - started)
        with open_document(path) as document:
            started = time.perf_counter()
            document.page_text(0, dpi)
            texts.append(time.perf_counter() - started)
    text = page.text
    return {
        "cold": cold,
        "image": statistics.median(images),
        "text": statistics.median(texts),
        "spans": len(text.spans) if text else 0,
        "rules": len(text.rules) if text else 0,
        "origin": text.origin if text else "none",
    }


def main(args: argparse.Namespace) -> int:
    print(
        f"{'file':40} {'origin':6} {'spans':>5} {'rules':>5} {'cold s':>7} {'image+text s':>12} {'text s':>7}"
    )
    for path in args.files:
        row = _time_file(path, args.dpi, max(1, args.runs))
        print(
            f"{path.name[:40]:40} {row['origin']:6} {row['spans']:5d} {row['rules']:5d} "
            f"{row['cold']:7.3f} {row['image']:12.3f} {row['text']:7.3f}"
        )
    return 0
