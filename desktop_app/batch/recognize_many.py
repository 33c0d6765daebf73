"""``recognize`` of several files and folders with ``--jsonl``: one answer per line.

Each line is ``{"File": path, "Page": n, "Response": {...}}`` where ``Response`` is the
service's shape: ``CarInvoiceInfos`` and ``RequestId`` on success, ``Error`` with
``Code`` and ``Message`` on failure (a file that cannot be opened gives one error
line with ``Page`` 0). Pages go one after the other on the calling thread, which
also opens the documents (PyMuPDF stays on one thread).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop_app.core.codec import result_to_response
from desktop_app.core.errors import RecognitionError
from desktop_app.documents.errors import DocumentError
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.store.file_scan import expand_paths

if TYPE_CHECKING:
    from desktop_app.documents.document import Document


@dataclass
class JsonlSummary:
    """Pages answered and failed; files that could not be opened count as one failure."""

    pages: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every page was recognized, 1 when any failed (the CLI's convention)."""
        return 1 if self.failed else 0


def recognize_jsonl(
    paths: Iterable[str | os.PathLike[str]],
    backend: RecognitionBackend,
    out: BinaryIO,
    *,
    dpi: float = 150.0,
    language: str = "zh",
) -> JsonlSummary:
    """Recognize every page of every file in ``paths`` (folders recursively) into ``out``."""
    from desktop_app.documents.document import open_document

    summary = JsonlSummary()
    for path in expand_paths(paths):
        try:
            document = open_document(path)
        except DocumentError as exc:
            _write(out, path, 0, _error(exc.code, exc.one_line(language)))
            summary.failed += 1
            continue
        with document:
            for index in range(document.page_count):
                summary.pages += 1
                answer = _answer(document, index, backend, dpi, language)
                summary.failed += "Error" in answer["Response"]
                _write(out, path, index + 1, answer)
    return summary


def _answer(
    document: Document, index: int, backend: RecognitionBackend, dpi: float, language: str
) -> dict[str, Any]:
    try:
        page = document.page_image(index, dpi)
        return result_to_response(backend.recognize(page))
    except DocumentError as exc:
        return _error(exc.code, exc.one_line(language))
    except RecognitionError as exc:
        return _error(exc.code, exc.one_line(language), exc.request_id)


def _error(code: str, message: str, request_id: str = "") -> dict[str, Any]:
    return {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}}


def _write(out: BinaryIO, path: Path, page: int, answer: dict[str, Any]) -> None:
    line = json.dumps({"File": str(path), "Page": page, **answer}, ensure_ascii=False)
    out.write(line.encode("utf-8") + b"\n")
    out.flush()
