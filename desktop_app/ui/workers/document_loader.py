"""Opening files and rasterizing pages on ONE dedicated thread (PyMuPDF is not thread-safe).

``DocumentLoader`` lives in the GUI thread and forwards requests through queued
signals to a ``_DocumentWorker`` moved to its own ``QThread``; every PyMuPDF call
(open, render, close) happens there. Only plain data comes back: ids, counts,
``PageImage`` and a decoded ``QImage`` (safe to build off the GUI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from desktop_app.core.errors import CarInvoiceError
from desktop_app.core.text import LocalizedText

log = logging.getLogger(__name__)

Opener = Callable[[Path], Any]


def default_opener() -> Opener:
    """``documents.document.open_document`` (imported lazily: it pulls in PyMuPDF)."""
    from desktop_app.documents.document import open_document  # type: ignore[attr-defined]

    return open_document


def describe_failure(exc: BaseException, path: Path) -> LocalizedText:
    """What went wrong with ``path``, for the clerk: the error's own words, never a traceback."""
    message = getattr(exc, "message", None)
    advice = getattr(exc, "advice", None)
    if isinstance(message, LocalizedText):
        if isinstance(advice, LocalizedText):
            return LocalizedText(f"{message.zh}{advice.zh}", f"{message.en} {advice.en}")
        return message
    reason = str(exc) if isinstance(exc, CarInvoiceError) else exc.__class__.__name__
    return LocalizedText(
        f"无法打开文件“{path.name}”：{reason}", f"Could not open “{path.name}”: {reason}"
    )


class _DocumentWorker(QObject):
    """Holds the open documents; every slot runs on the loader's thread."""

    #: A file opened: (document id, path, page count, note).
    opened = Signal(int, str, int, object)
    #: A file could not be opened: (document id, path, reason).
    open_failed = Signal(int, str, object)
    #: A page rendered: (document id, index, generation, ``PageImage``, decoded ``QImage``).
    rendered = Signal(int, int, int, object, QImage)
    #: A page could not be rendered: (document id, index, generation, reason).
    render_failed = Signal(int, int, int, object)
    #: Files were queued: (what the ``add`` callable returned).
    files_queued = Signal(object)
    #: Queuing files failed as a whole: (paths, exception).
    queue_failed = Signal(object, object)

    def __init__(self, opener: Opener) -> None:
        super().__init__()
        self._opener = opener
        self._documents: dict[int, Any] = {}

    @Slot(int, str)
    def open_path(self, doc_id: int, path: str) -> None:
        try:
            document = self._opener(Path(path))
        except Exception as exc:
            log.info("cannot open %s: %r", path, exc)
            self.open_failed.emit(doc_id, path, describe_failure(exc, Path(path)))
            return
        self._documents[doc_id] = document
        self.opened.emit(doc_id, path, int(document.page_count), getattr(document, "note", None))

    @Slot(int, int, float, int)
    def render(self, doc_id: int, index: int, dpi: float, generation: int) -> None:
        document = self._documents.get(doc_id)
        try:
            if document is None:
                raise CarInvoiceError("document is closed")
            page = document.page_image(index, dpi=dpi)
            image = QImage.fromData(page.data)
            if image.isNull():
                raise CarInvoiceError("the page image could not be decoded")
        except Exception as exc:
            path = Path(getattr(document, "path", "") or "?")
            self.render_failed.emit(doc_id, index, generation, describe_failure(exc, path))
            return
        self.rendered.emit(doc_id, index, generation, page, image)

    @Slot(object, object)
    def queue_files(self, paths: object, add: object) -> None:
        """Run ``add(paths, page_count)`` here, where every PyMuPDF call happens."""
        try:
            outcome = add(paths, self._page_count)  # type: ignore[operator]
        except Exception as exc:
            log.warning("could not queue %s: %r", paths, exc)
            self.queue_failed.emit(paths, exc)
            return
        self.files_queued.emit(outcome)

    def _page_count(self, path: Path) -> int:
        document = self._opener(Path(path))
        try:
            return int(document.page_count)
        finally:
            document.close()

    @Slot(int)
    def close_document(self, doc_id: int) -> None:
        document = self._documents.pop(doc_id, None)
        if document is not None:
            document.close()

    @Slot()
    def close_all(self) -> None:
        for doc_id in list(self._documents):
            self.close_document(doc_id)


class DocumentLoader(QObject):
    """Opens documents and renders their pages in the background, one thread for all of them."""

    #: A document opened: (document id, path, page count, note ``LocalizedText | None``).
    document_opened = Signal(int, str, int, object)
    #: A file could not be opened: (document id, path, reason ``LocalizedText``).
    open_failed = Signal(int, str, object)
    #: A page is ready: (document id, page index, generation, ``PageImage``, ``QImage``).
    page_rendered = Signal(int, int, int, object, QImage)
    #: A page could not be rendered: (document id, page index, generation, reason).
    render_failed = Signal(int, int, int, object)

    #: Files were added to the queue: (what the ``add`` callable of ``queue_files`` returned).
    files_queued = Signal(object)
    #: Adding files failed as a whole (the store refused): (paths, exception).
    queue_failed = Signal(object, object)

    # Requests crossing to the worker's thread (queued): open, render, close one, close all.
    #: Please queue files: (paths, ``add(paths, page_count)``).
    _queue_requested = Signal(object, object)
    #: Please open: (document id, path).
    _open_requested = Signal(int, str)
    #: Please render: (document id, index, dpi, generation).
    _render_requested = Signal(int, int, float, int)
    #: Please close: (document id).
    _close_requested = Signal(int)
    #: Please close every document (shutdown).
    _close_all_requested = Signal()

    def __init__(self, opener: Opener | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("QThread-documents")
        self._worker = _DocumentWorker(opener or default_opener())
        self._worker.moveToThread(self._thread)
        self._open_requested.connect(self._worker.open_path)
        self._render_requested.connect(self._worker.render)
        self._close_requested.connect(self._worker.close_document)
        self._close_all_requested.connect(self._worker.close_all)
        self._queue_requested.connect(self._worker.queue_files)
        self._worker.files_queued.connect(self.files_queued)
        self._worker.queue_failed.connect(self.queue_failed)
        self._worker.opened.connect(self.document_opened)
        self._worker.open_failed.connect(self.open_failed)
        self._worker.rendered.connect(self.page_rendered)
        self._worker.render_failed.connect(self.render_failed)
        self._thread.start()
        self._next_id = 0

    def open(self, path: str | Path, doc_id: int | None = None) -> int:
        """Start opening ``path`` (as ``doc_id`` when given); returns the id its signals carry."""
        if doc_id is None:
            self._next_id += 1
            doc_id = self._next_id
        self._open_requested.emit(doc_id, str(path))
        return doc_id

    def queue_files(self, paths: list[Path], add: object) -> None:
        """Call ``add(paths, page_count)`` on the documents thread; ``files_queued`` answers.

        ``page_count(path)`` opens the file with this loader's opener and closes it.
        """
        self._queue_requested.emit(list(paths), add)

    def render(self, doc_id: int, index: int, generation: int, dpi: float = 150.0) -> None:
        """Ask for page ``index`` of ``doc_id``; the answer carries ``generation``."""
        self._render_requested.emit(doc_id, index, dpi, generation)

    def close_document(self, doc_id: int) -> None:
        self._close_requested.emit(doc_id)

    def shutdown(self) -> None:
        """Close every document on its thread, then stop the thread."""
        if not self._thread.isRunning():
            return
        self._close_all_requested.emit()
        self._thread.quit()
        self._thread.wait()
