"""``height DIR``: field accuracy against the height of the printed characters.

The clean PNG pages of a benchmark folder are scaled down so that the median height
of their truth value boxes (the ink of the characters) is H pixels, saved as JPEG
(quality 85, as a scan would be) and recognized by the local engine; with
``--upscale-to T`` each small page is first enlarged (cubic) so that its characters
are T pixels high, to see whether enlarging helps the recognizer; with ``--denoise``
the decoded scan is first cleaned of JPEG blocks and noise (OpenCV's non-local means,
strength 5). Values only: the
boxes of a scaled page are not scored.
"""

from __future__ import annotations

import argparse
import statistics
from dataclasses import replace
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    """The ``height`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    cmd = sub.add_parser("height", help="field accuracy against the characters' height")
    cmd.add_argument("folder", type=Path, help="benchmark folder (its clean PNG pages are used)")
    cmd.add_argument(
        "--heights", default="6,7,8,10,13", help="ink heights in px (default 6,7,8,10,13)"
    )
    cmd.add_argument("--upscale-to", type=float, default=0.0, help="enlarge small pages to this")
    cmd.add_argument(
        "--denoise",
        action="store_true",
        help="denoise the decoded scan first (non-local means: JPEG blocks and ringing)",
    )


def main(args: argparse.Namespace) -> int:
    import cv2

    from desktop_app.bench.pages import load_pages
    from desktop_app.bench.scoring import PageScore, score_page
    from desktop_app.core.model import RecognitionResult
    from desktop_app.recognition.local import LocalEngine

    engine = LocalEngine()
    engine.warm_up()
    pages = [p for p in load_pages(args.folder) if p.mode == "clean" and p.path.suffix == ".png"]
    for height in (float(h) for h in args.heights.split(",")):
        total = PageScore()
        for page in pages:
            ink = statistics.median(f.rect.height for f in page.truth if f.rect and f.value)
            small = cv2.resize(
                cv2.imread(str(page.path)),
                None,
                fx=height / ink,
                fy=height / ink,
                interpolation=cv2.INTER_AREA,
            )
            shown = _scan(small, height, args.upscale_to, args.denoise)
            truth = RecognitionResult(
                tuple(replace(f, polygon=None, rect=None) for f in page.truth)
            )
            total.add(score_page(engine.recognize(shown), truth))
        target = f", enlarged to {args.upscale_to:g} px" if args.upscale_to > height else ""
        target += ", denoised" if args.denoise else ""
        print(
            f"characters {height:4.1f} px{target}: fields {total.right}/{total.fields}"
            f" = {100 * total.accuracy:.2f}%",
            flush=True,
        )
    return 0


def _scan(small: Any, height: float, upscale_to: float, denoise: bool = False) -> Any:
    """``small`` saved as a JPEG scan; denoised and/or enlarged after decoding when asked."""
    import cv2
    import numpy as np

    from desktop_app.documents.page import PageImage

    _, data = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 85])
    if upscale_to <= height and not denoise:
        return PageImage(data.tobytes(), "image/jpeg", small.shape[1], small.shape[0])
    scan = cv2.imdecode(np.frombuffer(data.tobytes(), np.uint8), cv2.IMREAD_COLOR)
    if denoise:
        scan = cv2.fastNlMeansDenoisingColored(scan, None, 5, 5, 7, 21)
    factor = max(1.0, upscale_to / height)
    big = cv2.resize(scan, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    _, png = cv2.imencode(".png", big)
    return PageImage(png.tobytes(), "image/png", big.shape[1], big.shape[0])
