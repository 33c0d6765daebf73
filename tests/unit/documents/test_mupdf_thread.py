"""Every PyMuPDF call runs on the one PyMuPDF thread, from whichever thread it is asked."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pymupdf
import pytest

from desktop_app.documents.document import open_document
from desktop_app.documents.mupdf_thread import THREAD_NAME, is_mupdf_thread, on_mupdf_thread


def test_a_call_runs_on_the_pymupdf_thread_and_returns_its_value() -> None:
    assert on_mupdf_thread(lambda: threading.current_thread().name) == THREAD_NAME
    assert not is_mupdf_thread()
    assert on_mupdf_thread(is_mupdf_thread) is True


def test_an_exception_reaches_the_caller() -> None:
    def fail() -> None:
        raise ValueError("bad page")

    with pytest.raises(ValueError, match="bad page"):
        on_mupdf_thread(fail)


def test_a_nested_call_runs_inline_instead_of_deadlocking() -> None:
    def outer() -> str:
        return on_mupdf_thread(lambda: threading.current_thread().name)

    assert on_mupdf_thread(outer) == THREAD_NAME


def _record_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Wrap the PyMuPDF entry points the documents package uses; note each caller's thread."""
    seen: list[str] = []

    def spy(owner: object, name: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            seen.append(threading.current_thread().name)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    spy(pymupdf, "open")
    spy(pymupdf.Document, "load_page")
    spy(pymupdf.Document, "close")
    spy(pymupdf.Page, "get_pixmap")
    return seen


def test_opening_rendering_and_closing_a_pdf_use_only_that_thread(
    make_pdf: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_pdf("two.pdf", (200, 100), (200, 100))
    seen = _record_threads(monkeypatch)

    def browse() -> int:
        with open_document(path) as document:
            return document.page_image(1, dpi=72).width

    with ThreadPoolExecutor(3) as pool:
        widths = list(pool.map(lambda _: browse(), range(6)))
    assert widths == [200] * 6
    assert seen and set(seen) == {THREAD_NAME}


def test_a_document_dropped_unclosed_is_closed_on_that_thread(
    make_pdf: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_pdf("dropped.pdf")
    seen = _record_threads(monkeypatch)
    document = open_document(path)
    inner = document._pages._pdf  # the PyMuPDF document, to see it closed
    seen.clear()
    del document
    gc.collect()
    assert inner.is_closed
    assert seen and set(seen) == {THREAD_NAME}  # Document.close, on the PyMuPDF thread
