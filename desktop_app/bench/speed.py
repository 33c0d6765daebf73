"""``speed FILE...``: a whole local ``recognize`` side by side with the OCR library alone.

Both run in one process on the same decoded page, alternately, after one warm-up
each: rapidocr 3.10 itself (the wheel's det/rec models, named explicitly so no
download is reachable, no angle classifier) reading the page, and
``LocalEngine.recognize`` (decode, OCR by ``pipeline.py``, ruling or template,
fields, checks, confidence). The ratio recognize / rapidocr is the figure (goal
< 1.0): the engine must cost no more than the library alone. Wall seconds, medians.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    """The ``speed`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    cmd = sub.add_parser("speed", help="whole recognize vs rapidocr alone, side by side")
    cmd.add_argument("files", nargs="+", type=Path, help="page images or PDFs")
    cmd.add_argument("--runs", type=int, default=3, help="timed runs of each (default 3)")


def plain_rapidocr() -> Any:
    """rapidocr itself on the bundled model files, as the engine's pipeline configures
    it (no angle classifier): the reference the engine is measured and tested against."""
    import rapidocr

    from desktop_app.recognition.local import ocr

    det, rec = ocr.model_files(ocr.bundled_model_dir())
    return rapidocr.RapidOCR(
        params={
            "Global.use_cls": False,
            "Global.log_level": "error",
            "Global.max_side_len": ocr.MAX_SIDE,
            "Det.box_thresh": 0.35,
            "Det.model_path": str(det),
            "Rec.model_path": str(rec),
            "Cls.model_path": str(det),  # never loaded (use_cls is off)
        }
    )


def _timed(call: Any) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main(args: argparse.Namespace) -> int:
    from desktop_app.bench.pages import page_image
    from desktop_app.recognition.local import LocalEngine
    from desktop_app.recognition.local.engine import decode_image

    engine = LocalEngine()
    engine.warm_up()
    library = plain_rapidocr()
    ratios = []
    for path in args.files:
        page = page_image(path)
        image = decode_image(page)
        library(image)  # warm-up of each, off the clock
        engine.recognize(page)
        ours, theirs = [], []
        for _ in range(args.runs):
            theirs.append(_timed(lambda image=image: library(image)))
            ours.append(_timed(lambda page=page: engine.recognize(page)))
        ratio = statistics.median(ours) / statistics.median(theirs)
        ratios.append(ratio)
        print(
            f"{path.name:32} rapidocr {statistics.median(theirs):5.2f} s"
            f"  recognize {statistics.median(ours):5.2f} s  ratio {ratio:4.2f}",
            flush=True,
        )
    print(f"\nmedian ratio recognize / rapidocr: {statistics.median(ratios):.2f}")
    return 0
