"""Page images for the batch, rendered on one dedicated thread.

PyMuPDF is not thread-safe, so every document is opened, rendered and closed on
the rasterizer's own thread; workers submit ``(path, index)`` and wait for the
immutable ``PageImage``. The last document stays open, so consecutive pages of
one PDF are not reopened.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from desktop_app.documents.page import PageImage


class Rasterizer(Protocol):
    """What the runner renders pages with; ``render`` may be called from any thread."""

    def render(self, path: Path, index: int) -> PageImage: ...

    def close(self) -> None: ...


class DocumentRasterizer:
    """Renders through ``documents.open_document`` on a single thread of its own."""

    def __init__(self, dpi: float = 150.0) -> None:
        self.dpi = dpi
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-rasterizer")
        self._open: Any = None  # the Document of the last path, touched only on that thread

    def render(self, path: Path, index: int) -> PageImage:
        """Page ``index`` of ``path``; raises the ``DocumentError`` rendering raised."""
        return self._executor.submit(self._render, Path(path), index).result()

    def page_count(self, path: Path) -> int:
        """Pages of ``path``, which stays open for the renders that follow."""
        return self._executor.submit(lambda: self._document(Path(path)).page_count).result()

    def _render(self, path: Path, index: int) -> PageImage:
        return self._document(path).page_image(index, self.dpi)

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
