"""``python -m desktop_app.bench memory``: the window's memory after a clerk's working session.

The window (Qt offscreen platform, the local engine) recognizes ``--pages`` pages as a
batch (default 50: the dev pages of ../shared/datasets when present, else generated
pages), then the clerk pages through every page of a 200-page PDF, then the window
idles. Reported: resident memory (RSS) at start, after the recognitions, after the
PDF and when idle, and the peak. Goal: idle < 800 MB.
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
from pathlib import Path
from typing import Any

_SHARED_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "dev"


def add_parser(sub: Any) -> None:
    """The ``memory`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    cmd = sub.add_parser("memory", help="window memory after recognitions and a long PDF")
    cmd.add_argument("--pages", type=int, default=50, help="pages recognized (default 50)")
    cmd.add_argument("--pdf-pages", type=int, default=200, help="pages browsed (default 200)")
    cmd.add_argument("--engine", default="local", help="engine of the window (default local)")
    cmd.add_argument(
        "--dir",
        type=Path,
        default=_SHARED_DEV,
        help="folder of invoice PNGs to recognize (default ../shared/datasets/dev; "
        "generated pages, which are no invoices, when it is absent)",
    )


def rss_mb() -> tuple[float, float]:
    """(resident, peak resident) memory of this process in MB, from /proc (Linux)."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def _pages(folder: Path, count: int, source: Path) -> list[Path]:
    """``count`` invoice pages from ``source`` (PNG/JPEG), else drawn pages with text.

    With fewer files than ``count`` they are used again, each repeat made a file of
    its own (one pixel differs) so the window does not refuse it as the same file.
    """
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    found = sorted(p for p in source.glob("*") if p.suffix.lower() in (".png", ".jpg"))
    paths = []
    for number in range(count):
        target = folder / f"page-{number:03d}.png"
        if found:
            with Image.open(found[number % len(found)]) as image:
                copy = image.convert("RGB")
            copy.putpixel((0, 0), (number % 256, number // 256, 7))
            copy.save(target)
        else:
            _draw_page(target, number)
        paths.append(target)
    return paths


def _draw_page(path: Path, number: int) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1654, 1000), "white")
    draw = ImageDraw.Draw(image)
    for row in range(12):
        draw.text((80, 60 + row * 70), f"invoice {number} line {row} 12345678", fill="black")
        draw.line((60, 100 + row * 70, 1590, 100 + row * 70), fill="black", width=2)
    image.save(path)


def _pdf(path: Path, pages: int) -> Path:
    import pymupdf

    pdf = pymupdf.open()
    for number in range(pages):
        page = pdf.new_page(width=842, height=595)
        for row in range(10):
            page.insert_text((60, 60 + row * 50), f"page {number + 1} row {row} 0123456789")
            page.draw_line((50, 70 + row * 50), (790, 70 + row * 50))
    pdf.save(path)
    pdf.close()
    return path


def run_memory(
    pages: int, pdf_pages: int, engine: str, source: Path = _SHARED_DEV
) -> dict[str, float]:
    """Drive the window; the RSS figures in MB."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.review.preferences import Preferences
    from desktop_app.store import PageStatus, open_store
    from desktop_app.ui.app import build_window

    app = QApplication.instance() or QApplication([])
    figures: dict[str, float] = {"start": rss_mb()[0]}
    with tempfile.TemporaryDirectory(prefix="carinvoice-memory-") as temp:
        root = Path(temp)
        files = _pages(root / "scans", pages, source)
        pdf = _pdf(root / "long.pdf", pdf_pages)
        store = open_store(root / "review.sqlite3")
        window = build_window(
            Preferences(engine=engine, recognize_on_open=False),
            store=store,
            preferences_path=root / "preferences.json",
            remember_geometry=False,
        )
        window.resize(1400, 900)
        window.show()
        session = window.session
        shown: list[Any] = [None]
        session.page_image_ready.connect(lambda key, image: shown.__setitem__(0, key))
        window.open_paths([str(f) for f in files])
        _wait(app, lambda: len(session.queue.keys()) == pages, 900)
        window.queue_commands.recognize_all()
        done = (PageStatus.NEEDS_REVIEW, PageStatus.FAILED)
        _wait(app, lambda: sum(session.queue.count(s) for s in done) == pages, 60 * pages)
        _settle(app)
        figures["after_recognitions"] = rss_mb()[0]
        failed = store.pages(PageStatus.FAILED)
        figures["recognized"] = float(pages - len(failed))
        if failed:
            print(
                f"{len(failed)} pages failed, e.g.: {failed[0].error_code} {failed[0].error_message}"
            )
        window.open_paths([str(pdf)])
        _wait(app, lambda: len(session.queue.keys()) == pages + pdf_pages, 900)
        keys = list(session.queue.keys())
        for key in [k for k in keys if session.queue.document(k).path == pdf]:
            session.go_to(key)
            _wait(app, lambda k=key: shown[0] == k, 60)
        _settle(app)
        figures["after_pdf"] = rss_mb()[0]
        _settle(app, seconds=5.0)
        figures["idle"], figures["peak"] = rss_mb()
        window.close()
        store.close()
    return figures


def _wait(app: Any, condition: Any, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def _settle(app: Any, seconds: float = 1.0) -> None:
    """Let the window idle (events processed) and the collector run."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    gc.collect()


def main(args: argparse.Namespace) -> int:
    """Print the figures; exit 1 when idle memory misses the 800 MB goal."""
    from desktop_app.bench.throughput import machine

    figures = run_memory(args.pages, args.pdf_pages, args.engine, args.dir)
    print(f"window, engine {args.engine}: {args.pages} recognitions, {args.pdf_pages}-page PDF")
    print(f"recognized:           {figures['recognized']:.0f} of {args.pages} pages")
    for name in ("start", "after_recognitions", "after_pdf", "idle", "peak"):
        print(f"{name + ':':22}{figures[name]:7.0f} MB")
    print(f"machine:              {machine()}")
    return 0 if figures["idle"] < 800 else 1
