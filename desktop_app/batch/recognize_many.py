"""``recognize`` of several files and folders with ``--jsonl``: one answer per line.

Each line is ``{"File": path, "Page": n, "Response": {...}}`` where ``Response`` is the
service's shape: ``CarInvoiceInfos`` and ``RequestId`` on success, ``Error`` with
``Code`` and ``Message`` on failure (a file that cannot be opened gives one error
line with ``Page`` 0). Lines come in file and page order.

Pages go through the window's ``PagePipeline``: rasterized ahead on one thread,
recognized by the engine's workers (the cloud client's shared rate limiter keeps
them under the quota), so the command is as fast as the window's batch. As there,
an error every other page would meet too (bad keys, billing: ``stops_batch``) stops
the run: no further page is sent, and ``JsonlSummary.stopped_by`` says why. A page
that carries its own text (数电 PDF, OFD, XML) is read from it on the render thread and
never rendered (``DocumentRasterizer(read_text=...)``), as ``recognize FILE`` does.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from desktop_app.batch.pipeline import Outcome, PageJob, PagePipeline
from desktop_app.batch.rasterizer import DocumentRasterizer, Rasterizer
from desktop_app.batch.workers import default_workers
from desktop_app.core.cancel import CancelToken
from desktop_app.core.codec import result_to_response
from desktop_app.core.error_codes import stops_batch
from desktop_app.core.errors import RecognitionError
from desktop_app.documents.errors import DocumentError
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.store.file_scan import expand_paths


class CountingRasterizer(Rasterizer, Protocol):
    """A rasterizer that also counts a file's pages (``DocumentRasterizer``)."""

    def page_count(self, path: Path) -> int: ...


@dataclass
class JsonlSummary:
    """Pages answered and failed; files that could not be opened count as one failure.

    ``refused`` is the part of ``failed`` that the input caused (a file unsupported,
    broken or too large, a page that cannot be rendered: ``DocumentError``); the rest
    failed in recognition. ``stopped_by`` is the error code that stopped the run (``""``
    when it ran to the end), ``stop_message`` its one-line description, ``unanswered``
    the pages left without a line because of it.
    """

    pages: int = 0
    failed: int = 0
    refused: int = 0
    stopped_by: str = ""
    stop_message: str = ""
    unanswered: int = 0

    @property
    def recognition_failed(self) -> int:
        """Pages whose recognition failed (not their input)."""
        return self.failed - self.refused


def recognize_jsonl(
    paths: Iterable[str | os.PathLike[str]],
    backend: RecognitionBackend,
    out: BinaryIO,
    *,
    dpi: float = 150.0,
    language: str = "zh",
    workers: int | None = None,
    rasterizer: CountingRasterizer | None = None,
) -> JsonlSummary:
    """Recognize every page of every file in ``paths`` (folders recursively) into ``out``."""
    own = rasterizer is None
    # Pages that carry their own text are read on the render thread, not rendered.
    read_text = getattr(backend, "read_text", None)
    counting: CountingRasterizer = rasterizer or DocumentRasterizer(dpi, read_text=read_text)
    cancel = CancelToken()
    lines = _OrderedLines(out, language)
    pipeline = PagePipeline(
        backend,
        counting,
        workers=workers or default_workers(backend.name),
        cancel=cancel,
        # A stop lets the requests in flight finish (their answers are written: they
        # were sent, and may be billed); it only keeps further pages from going out.
        wait_running=lambda: not lines.stopped.is_set(),
    )
    try:
        pipeline.run(lines.jobs(expand_paths(paths), counting), lines)
    finally:
        if own:
            counting.close()
    return lines.close()


class _OrderedLines:
    """The pipeline's sink: answers written as lines in job order, whatever order they end in."""

    def __init__(self, out: BinaryIO, language: str) -> None:
        self._out = out
        self._language = language
        self.stopped = threading.Event()
        self._lock = threading.Lock()
        self._waiting: dict[int, bytes] = {}
        self._next = 0
        self._jobs = 0
        self.summary = JsonlSummary()

    def jobs(self, files: list[Path], rasterizer: CountingRasterizer) -> Iterator[PageJob]:
        """Every page of every file (on the render thread), numbered in output order."""
        for path in files:
            try:
                count = rasterizer.page_count(path)
            except DocumentError as exc:
                yield self._job(path, -1, exc)
                continue
            for index in range(count):
                yield self._job(path, index)

    def _job(self, path: Path, index: int, error: DocumentError | None = None) -> PageJob:
        with self._lock:
            number = self._jobs
            self._jobs += 1
        return PageJob(number, path, index, error)

    def claim(self, job: PageJob) -> bool:
        return True

    def finish(self, job: PageJob, outcome: Outcome) -> None:
        answer = self._answer(outcome)
        line = json.dumps(
            {"File": str(job.path), "Page": job.index + 1, **answer}, ensure_ascii=False
        )
        error = outcome.error
        with self._lock:
            self.summary.pages += job.index >= 0
            self.summary.failed += error is not None
            self.summary.refused += isinstance(error, DocumentError)
            self._waiting[job.key] = line.encode("utf-8") + b"\n"
            self._write_ready()
            if isinstance(error, RecognitionError) and stops_batch(error.code):
                if not self.summary.stopped_by:
                    self.summary.stopped_by = error.code
                    self.summary.stop_message = error.one_line(self._language)
                self.stopped.set()

    def _answer(self, outcome: Outcome) -> dict[str, Any]:
        if outcome.result is not None:
            return result_to_response(outcome.result)
        error = outcome.error
        assert error is not None
        request_id = error.request_id if isinstance(error, RecognitionError) else ""
        message = error.one_line(self._language)
        return {
            "Response": {"Error": {"Code": error.code, "Message": message}, "RequestId": request_id}
        }

    def _write_ready(self) -> None:
        """Write the lines that now follow on from those written (lock held)."""
        while self._next in self._waiting:
            self._out.write(self._waiting.pop(self._next))
            self._next += 1
        self._out.flush()

    def close(self) -> JsonlSummary:
        """Write what is left (lines after a page a stop left unanswered); the summary."""
        with self._lock:
            written = self._next + len(self._waiting)
            for key in sorted(self._waiting):
                self._out.write(self._waiting.pop(key))
            self._out.flush()
            self.summary.unanswered = self._jobs - written
            return self.summary
