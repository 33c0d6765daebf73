"""Runs ``recognition_worker.run`` on a thread pool and reports back on the GUI thread.

One job at a time: starting a new job cancels the old one, and an answer whose
generation is not the latest is dropped (Orange3's concurrent.py pattern).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.core.errors import Cancelled, RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.review import recognition_worker
from desktop_app.review.recognition_job import PageKey, RecognitionJob

log = logging.getLogger(__name__)


class _JobSignals(QObject):
    """Carrier: emitted from the pool thread, delivered queued on the GUI thread."""

    #: (job, fraction) from ``recognition_worker.run``'s progress callback.
    progress = Signal(object, float)
    #: (job, ``RecognitionResult``).
    finished = Signal(object, object)
    #: (job, ``RecognitionError``).
    failed = Signal(object, object)
    #: (job): the worker raised ``Cancelled``.
    cancelled = Signal(object)


class _JobRunnable(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


def _as_recognition_error(exc: Exception) -> RecognitionError:
    """Anything a backend lets slip becomes a clerk-readable error (its class name, no trace)."""
    if isinstance(exc, RecognitionError):
        return exc
    log.exception("recognition backend raised %r", exc)
    return RecognitionError("Client.Unexpected", f"{exc.__class__.__name__}: {exc}")


class RecognitionRunner(QObject):
    """Background recognition of the current page."""

    #: A job began: (``RecognitionJob``).
    job_started = Signal(object)
    #: Progress of the current job: (``RecognitionJob``, fraction 0..1).
    progress_changed = Signal(object, float)
    #: The current job answered: (``RecognitionJob``, ``RecognitionResult``).
    recognition_finished = Signal(object, object)
    #: The current job failed: (``RecognitionJob``, ``RecognitionError``).
    recognition_failed = Signal(object, object)
    #: The current job stopped on request: (``RecognitionJob``).
    recognition_cancelled = Signal(object)

    def __init__(self, backend: RecognitionBackend | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # a cancelled job may still be winding down
        self._signals = _JobSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._generation = 0
        self.current: RecognitionJob | None = None

    @property
    def busy(self) -> bool:
        return self.current is not None

    def start(self, key: PageKey, page: PageImage) -> RecognitionJob:
        """Recognize ``page``; cancels (and will ignore) any job still running."""
        self.cancel()
        self._generation += 1
        job = RecognitionJob(key, self._generation, page)
        self.current = job
        backend = self.backend
        signals = self._signals

        def work() -> None:
            try:
                result = recognition_worker.run(
                    backend, page, job.cancel, lambda f: signals.progress.emit(job, f)
                )
            except Cancelled:
                signals.cancelled.emit(job)
            except Exception as exc:
                signals.failed.emit(job, _as_recognition_error(exc))
            else:
                signals.finished.emit(job, result)

        self._pool.start(_JobRunnable(work))
        self.job_started.emit(job)
        return job

    def warm_up(self) -> None:
        """Let the backend load its models in the background, if it can (``warm_up()``).

        Failures are ignored here: they surface, with advice, on the first page.
        """
        warm_up = getattr(self.backend, "warm_up", None)
        if callable(warm_up):

            def work() -> None:
                try:
                    warm_up()
                except Exception as exc:
                    log.info("engine warm-up failed: %r", exc)

            self._pool.start(_JobRunnable(work))

    def cancel(self) -> None:
        """Ask the running job to stop; its late answer will be dropped."""
        if self.current is not None:
            self.current.cancel.cancel()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel and wait for the pool's threads (at window close)."""
        self.cancel()
        self._pool.waitForDone(timeout_ms)

    def _is_current(self, job: RecognitionJob) -> bool:
        return self.current is job and job.generation == self._generation

    @Slot(object, float)
    def _on_progress(self, job: RecognitionJob, fraction: float) -> None:
        if self._is_current(job):
            self.progress_changed.emit(job, fraction)

    @Slot(object, object)
    def _on_finished(self, job: RecognitionJob, result: RecognitionResult) -> None:
        if self._is_current(job) and not job.cancel.cancelled:
            self.current = None
            self.recognition_finished.emit(job, result)
        elif self._is_current(job):
            self._on_cancelled(job)

    @Slot(object, object)
    def _on_failed(self, job: RecognitionJob, error: RecognitionError) -> None:
        if self._is_current(job):
            self.current = None
            self.recognition_failed.emit(job, error)

    @Slot(object)
    def _on_cancelled(self, job: RecognitionJob) -> None:
        if self._is_current(job):
            self.current = None
            self.recognition_cancelled.emit(job)
