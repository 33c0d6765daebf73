"""Page images for the batch, rendered on one dedicated thread.

PyMuPDF is not thread-safe, so every document is opened, rendered and closed on
the rasterizer's own thread; workers submit ``(path, index)`` and wait for the
immutable ``PageImage``. The last document stays open, so consecutive pages of
one PDF are not reopened.

Given ``read_text`` (``recognize --jsonl``: ``TextFirst.read_text``), a page that carries
its own text (数电 PDF, OFD, XML) is read from it on this thread and its answer is
handed on instead of an image: nothing to render, no engine to wait for. The window
passes none, as it shows every page.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import PageText

#: A page's own text → its answer, or None when the page is to be rendered and recognized.
TextReading = Callable[[PageText], "RecognitionResult | None"]


class Rasterizer(Protocol):
    """What the runner renders pages with; ``render`` may be called from any thread."""

    def render(self, path: Path, index: int) -> PageImage | RecognitionResult: ...

    def close(self) -> None: ...


class DocumentRasterizer:
    """Renders through ``documents.open_document`` on a single thread of its own."""

    def __init__(self, dpi: float = 150.0, read_text: TextReading | None = None) -> None:
        self.dpi = dpi
        self._read_text = read_text
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-rasterizer")
        self._open: Any = None  # the Document of the last path, touched only on that thread

    def render(self, path: Path, index: int) -> PageImage | RecognitionResult:
        """Page ``index`` of ``path`` (or its answer, read from its text with ``read_text``).

        Raises the ``DocumentError`` rendering raised, or the ``RecognitionError`` of a
        page whose text names no vehicle invoice.
        """
        return self._executor.submit(self._render, Path(path), index).result()

    def page_count(self, path: Path) -> int:
        """Pages of ``path``, which stays open for the renders that follow."""
        return self._executor.submit(lambda: self._document(Path(path)).page_count).result()

    def _render(self, path: Path, index: int) -> PageImage | RecognitionResult:
        document = self._document(path)
        if self._read_text is not None:
            text = document.page_text(index, self.dpi)
            answer = None if text is None else self._read_text(text)
            if answer is not None:
                return answer
        return document.page_image(index, self.dpi)

    def _document(self, path: Path) -> Any:
        from desktop_app.documents.document import open_document

        if self._open is None or self._open.path != path:
            self._close_open()
            self._open = open_document(path)
        return self._open

    def _close_open(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open = None

    def close(self) -> None:
        """Close the open document (on its thread) and stop the thread."""
        self._executor.submit(self._close_open).result()
        self._executor.shutdown(wait=True)
