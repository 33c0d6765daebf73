"""``qr FILE...``: what reading a page's invoice QR code costs, per file.

For each file: open it and get page 0 at ``--dpi`` (not timed: the page is
already there when the dispatch runs), then time ``qr_check.page_qr`` — the
file's own statement, else zxing-cpp on the page image (PNG decode, grey
conversion, search) — once cold (zxing-cpp imported on the first file) and as
the median of ``--runs`` more. Prints whether an invoice payload was found.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from desktop_app.documents import open_document
from desktop_app.recognition.qr_check import page_qr


def add_parser(sub: Any) -> None:
    """The ``qr`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    cmd = sub.add_parser("qr", help="time reading the invoice QR code of files' first pages")
    cmd.add_argument("files", nargs="+", type=Path, help="PDF, OFD, XML or image files")
    cmd.add_argument("--dpi", type=float, default=150.0)
    cmd.add_argument("--runs", type=int, default=10)


def main(args: argparse.Namespace) -> int:
    print(f"{'file':40} {'pixels':>11} {'cold s':>7} {'median s':>8}  payload")
    for path in args.files:
        with open_document(path) as document:
            page = document.page_image(0, args.dpi)
        started = time.perf_counter()
        qr = page_qr(page)
        cold = time.perf_counter() - started
        times = []
        for _ in range(max(1, args.runs)):
            started = time.perf_counter()
            page_qr(page)
            times.append(time.perf_counter() - started)
        pixels = f"{page.width}x{page.height}"
        payload = qr.raw if qr is not None else "-"
        print(
            f"{path.name[:40]:40} {pixels:>11} {cold:7.3f} {statistics.median(times):8.3f}  {payload}"
        )
    return 0
