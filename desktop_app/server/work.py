"""What a worker process does: hold one warm engine and read one uploaded page at a time.

Runs in the pool's processes (``pool``), never in the front. The page is opened
exactly as ``recognize`` opens a file (``documents.open_document_bytes``, PDFs
rasterized at the same dpi) and read by the same backend, so the server's answer
equals the command's for the same page.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.core.codec import field_to_info
from desktop_app.core.errors import RecognitionError
from desktop_app.documents.document import open_document_bytes
from desktop_app.documents.errors import DocumentError, ImageTooLarge, PageOutOfRange
from desktop_app.documents.formats import PDF
from desktop_app.documents.limits import DEFAULT_DPI
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.server.protocol import (
    DECODE_FAILED,
    INTERNAL,
    PAGE_OUT_OF_RANGE,
    TOO_LARGE_FILE,
    service_code,
)

log = logging.getLogger(__name__)
_backend: RecognitionBackend | None = None


@dataclass(frozen=True)
class Job:
    """One page to read: the upload's base64 text or downloaded bytes, and the PDF page."""

    image_base64: str | None
    data: bytes | None
    is_pdf: bool
    page_number: int

    def __repr__(self) -> str:  # never log image data
        size = len(self.image_base64 or b"") + len(self.data or b"")
        return f"Job({size} bytes, is_pdf={self.is_pdf}, page={self.page_number})"


@dataclass(frozen=True)
class Outcome:
    """The fields of the page as CarInvoiceInfos, or the service's error code and detail.

    ``seconds`` is the time spent in the worker (opening, rendering, recognizing).
    """

    infos: list[dict[str, Any]] | None
    code: str = ""
    detail: str = ""
    seconds: float = 0.0


class _Failed(Exception):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def start_worker(build: Callable[[], RecognitionBackend]) -> None:
    """Pool initializer: build the engine and warm it up before the first page arrives."""
    global _backend
    # Ctrl+C in a terminal reaches the whole process group; the front decides when
    # workers stop (after in-flight pages are done), not the signal.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    backend = build()
    warm_up = getattr(backend, "warm_up", None)
    if callable(warm_up):
        warm_up()
    _backend = backend
    log.info("worker %d ready with the %s engine", os.getpid(), backend.name)


def ping() -> int:
    """A task that proves a worker is up (its initializer ran): its process id."""
    return os.getpid()


def run_job(job: Job) -> Outcome:
    """Read the page of ``job``; every failure becomes an error code, never an exception."""
    started = time.perf_counter()
    try:
        if _backend is None:
            raise _Failed(INTERNAL, "worker has no engine")
        page = page_of(job)
        result = _backend.recognize(page)
        infos = [field_to_info(field) for field in result.fields]
        return Outcome(infos, seconds=time.perf_counter() - started)
    except _Failed as exc:
        code, detail = exc.code, exc.detail
    except RecognitionError as exc:
        code, detail = service_code(exc.code), exc.message
    except Exception as exc:  # a bug or a broken runtime: answer, and keep the worker alive
        log.exception("recognition failed in worker %d", os.getpid())
        code, detail = INTERNAL, type(exc).__name__
    return Outcome(None, code, detail, time.perf_counter() - started)


def page_of(job: Job) -> PageImage:
    """The page to recognize, rendered as ``recognize FILE --page N`` renders it."""
    data = job.data if job.data is not None else _decode_base64(job.image_base64 or "")
    try:
        with open_document_bytes(data, "upload") as document:
            if document.format == PDF and not job.is_pdf:
                raise _Failed(DECODE_FAILED, "the file is a PDF and IsPdf is false")
            index = job.page_number - 1 if document.format == PDF else 0
            return document.page_image(index, dpi=DEFAULT_DPI)
    except PageOutOfRange as exc:
        detail = f"PdfPageNumber {job.page_number}: the PDF has {exc.page_count} pages"
        raise _Failed(PAGE_OUT_OF_RANGE, detail) from None
    except ImageTooLarge as exc:
        raise _Failed(TOO_LARGE_FILE, exc.detail or "too many pixels") from None
    except DocumentError as exc:
        raise _Failed(DECODE_FAILED, exc.detail or type(exc).__name__) from None


def _decode_base64(text: str) -> bytes:
    try:
        return base64.b64decode(text)
    except (binascii.Error, ValueError):
        raise _Failed(DECODE_FAILED, "ImageBase64 is not base64") from None
