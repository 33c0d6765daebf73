"""``PagePipeline``: pages rasterized ahead on one thread, recognized by a pool of workers.

The one engine under both the window's batch (``BatchRunner``, pages from the
store) and ``recognize --jsonl`` (pages from files). A render thread walks the
jobs in order and rasterizes each into a bounded queue (``ahead`` pages), so a
page is ready when a worker frees up and, with the local engine, rasterizing
overlaps OCR. Workers take rendered pages in order, ask the sink to ``claim``
each (the batch's new → recognizing), recognize it (the cloud client's shared
rate limiter paces them) and hand the ``Outcome`` to the sink's ``finish``.

Nothing here knows about a store, Qt or output files. Cancel (the token) stops
both stages at their next check; a page whose recognition was cancelled gets no
outcome (the caller puts it back). Sink callbacks run on worker threads.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop_app.batch.rasterizer import Rasterizer
from desktop_app.core.cancel import CancelToken
from desktop_app.core.errors import Cancelled, RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.errors import DocumentError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend

log = logging.getLogger(__name__)

_POLL_S = 0.05
_END = object()

#: What ends a page without an answer: its file or page cannot be read, or recognition failed.
PageError = DocumentError | RecognitionError


@dataclass(frozen=True)
class PageJob:
    """One page to recognize: ``key`` is the caller's (a page id, a line number).

    A job with ``error`` set (its file could not be opened) is not rendered or
    recognized: it goes straight to ``finish`` with that error.
    """

    key: Any
    path: Path
    index: int
    error: PageError | None = None


@dataclass(frozen=True)
class Outcome:
    """A page's answer, or the error that ended it (``DocumentError``, ``RecognitionError``)."""

    result: RecognitionResult | None = None
    error: PageError | None = None

    @property
    def code(self) -> str:
        return self.error.code if self.error is not None else ""


class PageSink(Protocol):
    """Where pages go; both methods are called on worker threads."""

    def claim(self, job: PageJob) -> bool:
        """Whether to go on with ``job`` (False: it left the queue meanwhile)."""
        ...

    def finish(self, job: PageJob, outcome: Outcome) -> None:
        """Record the page's outcome."""
        ...


class PagePipeline:
    """Render ahead, recognize on ``workers`` threads. Not reusable: one per run.

    ``wait_running`` blocks while the caller's batch is paused and returns False
    once it is cancelled; ``ahead`` is how many rendered pages may wait (default
    ``workers + 2``: enough to keep every worker busy, few enough to bound memory).
    """

    def __init__(
        self,
        backend: RecognitionBackend,
        rasterizer: Rasterizer,
        *,
        workers: int,
        cancel: CancelToken,
        ahead: int | None = None,
        wait_running: Callable[[], bool] | None = None,
    ) -> None:
        self.backend = backend
        self.workers = max(1, workers)
        self.cancel = cancel
        self._rasterizer = rasterizer
        self._ready: queue.Queue[Any] = queue.Queue(maxsize=max(1, ahead or self.workers + 2))
        self._wait_running = wait_running or (lambda: not cancel.cancelled)
        self._workers_gone = threading.Event()

    def run(self, jobs: Iterable[PageJob], sink: PageSink) -> None:
        """Recognize every job; blocks until all are finished or the run is cancelled."""
        render = threading.Thread(target=self._render_all, args=(jobs,), name="batch-render")
        pool = [
            threading.Thread(target=self._work, args=(sink,), name=f"batch-worker-{n}")
            for n in range(self.workers)
        ]
        render.start()
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        # Workers end after the render thread's end marks, on cancel, or when
        # ``wait_running`` says stop: then the render thread stops waiting for room.
        self._workers_gone.set()
        render.join()

    # -- the render stage (one thread, in job order)
    def _render_all(self, jobs: Iterable[PageJob]) -> None:
        try:
            for job in jobs:
                if self._stopping() or not self._put((job, self._render(job))):
                    return
        except Exception:  # the job source failed (a store error): end the run cleanly
            log.exception("batch: the list of pages could not be read")
        finally:
            for _ in range(self.workers):
                if not self._put(_END):
                    break

    def _stopping(self) -> bool:
        return self.cancel.cancelled or self._workers_gone.is_set()

    def _render(self, job: PageJob) -> PageImage | RecognitionResult | PageError:
        if job.error is not None:
            return job.error
        try:
            return self._rasterizer.render(job.path, job.index)
        except (DocumentError, RecognitionError) as exc:  # the latter: a page's text refused
            return exc
        except Exception as exc:  # a bug must not stop the batch: the page records it
            log.exception("batch: page %d of %s could not be rendered", job.index + 1, job.path)
            return _internal(exc)

    def _put(self, item: Any) -> bool:
        """Queue ``item``, waiting for room; False when cancelled first."""
        while not self.cancel.cancelled and not self._workers_gone.is_set():
            try:
                self._ready.put(item, timeout=_POLL_S)
                return True
            except queue.Full:
                continue
        return False

    # -- the recognition stage (``workers`` threads)
    def _work(self, sink: PageSink) -> None:
        while True:
            item = self._take()
            if item is _END or not self._wait_running():
                return
            job, page = item
            try:
                if not sink.claim(job):
                    continue
                outcome = self._recognize(page)
            except Cancelled:
                continue  # no outcome: the caller puts the page back
            except Exception as exc:
                log.exception("batch: page %r failed unexpectedly", job.key)
                outcome = Outcome(error=_internal(exc))
            try:
                sink.finish(job, outcome)
            except Exception:
                log.exception("batch: the outcome of page %r could not be recorded", job.key)

    def _take(self) -> Any:
        """The next rendered page, or ``_END`` (also when cancelled)."""
        while not self.cancel.cancelled:
            try:
                return self._ready.get(timeout=_POLL_S)
            except queue.Empty:
                continue
        return _END

    def _recognize(self, page: PageImage | RecognitionResult | PageError) -> Outcome:
        if isinstance(page, (DocumentError, RecognitionError)):
            return Outcome(error=page)
        if isinstance(page, RecognitionResult):  # read from the page's text while rendering
            return Outcome(result=page)
        try:
            return Outcome(result=self.backend.recognize(page, cancel=self.cancel))
        except RecognitionError as exc:
            return Outcome(error=exc)


def _internal(exc: Exception) -> RecognitionError:
    error = RecognitionError("Internal.Error", "unexpected error, see the log")
    error.__cause__ = exc
    return error
