"""Stress: a clerk browses hundreds of PDF pages while a batch rasterizes a 200-page PDF.

Both sides render through PyMuPDF at once (the window's documents thread and the
batch's rasterizer); ``documents.mupdf_thread`` keeps every PyMuPDF call on one
thread. Each page carries its number as a row of black/white squares, so a page
rendered wrong (corrupted, or another page's pixels) is noticed, not just a crash.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pymupdf
from PIL import Image

from desktop_app.batch import BatchRunner
from desktop_app.core.cancel import CancelToken
from desktop_app.documents.document import open_document
from desktop_app.documents.mupdf_thread import THREAD_NAME
from desktop_app.documents.page import PageImage
from desktop_app.store import PageStatus

_BITS = 8
_SIDE = 72.0  # points per square
_DPI = 36.0  # squares of 36 px: small pages, quick renders


def _numbered_pdf(path: Path, pages: int, offset: int) -> Path:
    """Page i shows the bits of ``offset + i`` as black (1) or empty (0) squares."""
    pdf = pymupdf.open()
    for index in range(pages):
        page = pdf.new_page(width=_SIDE * _BITS, height=_SIDE)
        number = offset + index
        for bit in range(_BITS):
            if number >> bit & 1:
                page.draw_rect(
                    pymupdf.Rect(bit * _SIDE, 0, (bit + 1) * _SIDE, _SIDE), fill=(0, 0, 0)
                )
        page.insert_text((4, 12), f"page {number}", color=(1, 0, 0))
    pdf.save(path)
    pdf.close()
    return path


def _number_of(page: PageImage) -> int:
    """Read the number back from the rendered squares (their centres)."""
    image = Image.open(io.BytesIO(page.data)).convert("L")
    square = image.width / _BITS
    assert (image.width, image.height) == (round(square * _BITS), round(square))
    centre_y = image.height // 2
    number = 0
    for bit in range(_BITS):
        value = image.getpixel((int((bit + 0.5) * square), centre_y))
        assert value in (0, 255), f"bit {bit} is grey ({value}): the page is corrupted"
        number |= (value == 0) << bit
    return number


class _CheckingBackend:
    """Recognizes nothing: checks each page shows the number of its index, then answers."""

    name = "fake"

    def __init__(self, result) -> None:
        self.result = result
        self.seen: list[int] = []
        self.wrong: list[tuple[int, int]] = []
        self._lock = threading.Lock()

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None):
        number = _number_of(page)
        with self._lock:
            self.seen.append(page.page_index)
            if number != page.page_index:
                self.wrong.append((page.page_index, number))
        return self.result


def _browse(path: Path, renders: int, offset: int, problems: list[str]) -> None:
    """A clerk paging back and forth through a 100-page PDF, as the window's loader does."""
    try:
        with open_document(path) as document:
            for step in range(renders):
                index = (step * 7) % document.page_count  # jumps around, as a clerk does
                number = _number_of(document.page_image(index, dpi=_DPI))
                if number != offset + index:
                    problems.append(f"{path.name} page {index} showed {number}")
    except Exception as exc:  # reported by the test, not lost in the thread
        problems.append(f"{path.name}: {exc!r}")


class _PyMuPdfSpy:
    """Notes the thread of every page load and render, and how many ran at once."""

    def __init__(self, monkeypatch) -> None:
        self.threads: set[str] = set()
        self.calls = self.in_flight = self.most_at_once = 0
        self._lock = threading.Lock()
        for owner, name in ((pymupdf.Document, "load_page"), (pymupdf.Page, "get_pixmap")):
            monkeypatch.setattr(owner, name, self._wrap(getattr(owner, name)))

    def _wrap(self, original):
        def spied(*args, **kwargs):
            with self._lock:
                self.threads.add(threading.current_thread().name)
                self.calls += 1
                self.in_flight += 1
                self.most_at_once = max(self.most_at_once, self.in_flight)
            try:
                return original(*args, **kwargs)
            finally:
                with self._lock:
                    self.in_flight -= 1

        return spied


def test_browsing_while_a_batch_rasterizes_200_pages(store, backend, tmp_path, monkeypatch) -> None:
    batch_pdf = _numbered_pdf(tmp_path / "batch.pdf", 200, offset=0)
    browsed = [_numbered_pdf(tmp_path / f"browse{n}.pdf", 100, offset=0) for n in range(2)]
    store.add_paths([batch_pdf])
    checker = _CheckingBackend(backend.result)
    spy = _PyMuPdfSpy(monkeypatch)
    problems: list[str] = []
    browsers = [
        threading.Thread(target=_browse, args=(path, 200, 0, problems), name=f"browse-{n}")
        for n, path in enumerate(browsed)
    ]
    for thread in browsers:
        thread.start()
    summary = BatchRunner(store, checker, workers=4, dpi=_DPI).run()
    for thread in browsers:
        thread.join(60)
    assert not any(thread.is_alive() for thread in browsers)
    assert problems == []
    assert checker.wrong == []
    assert summary.succeeded == 200 and sorted(checker.seen) == list(range(200))
    assert store.status_counts()[PageStatus.NEEDS_REVIEW] == 200
    # 200 batch pages and 400 browsed ones, each loaded and rendered, on one thread.
    assert spy.calls == 2 * (200 + 400)
    assert spy.threads == {THREAD_NAME} and spy.most_at_once == 1
