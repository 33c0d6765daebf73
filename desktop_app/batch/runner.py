"""``BatchRunner``: recognize every new page of the store on a thread pool.

Plain function-style job (Orange's ``concurrent`` pattern): progress, pause and
cancel are injected, nothing here knows about Qt. ``run()`` blocks until the batch
ends; callbacks come from worker threads. Pages run through ``PagePipeline``: rendered
ahead in queue order on one thread, then claimed (new → recognizing) when a worker
starts on one, so pages waiting in a paused batch stay new; recognized, and the
result committed at once (→ needs review) or the failure recorded (→ failed, with
the error's message).

Retrying is the backend's business: the cloud client is the app's one retry layer
(backoff within a per-page budget, see ``recognition.cloud.retry``), so the runner
never sends a page again on top of it (which once made up to 8 POSTs of a page).
A page whose recognition fails is marked failed and the batch goes on, except for
errors every other page would meet too (bad keys, billing, no engine: see
``core.error_codes.stops_batch``): those stop the batch and leave the rest new.
Cancel stops taking pages; pages being recognized go back to new.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator

from desktop_app.batch.pipeline import Outcome, PageJob, PagePipeline
from desktop_app.batch.progress import BatchProgress, BatchSummary, EtaEstimator
from desktop_app.batch.rasterizer import DocumentRasterizer, Rasterizer
from desktop_app.batch.workers import default_workers
from desktop_app.core.cancel import CancelToken
from desktop_app.core.error_codes import stops_batch
from desktop_app.core.errors import CarInvoiceError, RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.store.errors import StoreError
from desktop_app.store.records import PageStatus
from desktop_app.store.store import Store

log = logging.getLogger(__name__)

ProgressCallback = Callable[[BatchProgress], None]
_PAUSE_POLL_S = 0.05


class BatchRunner:
    """One batch over a store with one backend. Not reusable: build one per batch."""

    def __init__(
        self,
        store: Store,
        backend: RecognitionBackend,
        *,
        workers: int | None = None,
        rasterizer: Rasterizer | None = None,
        dpi: float = 150.0,
        on_progress: ProgressCallback | None = None,
        language: str = "zh",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.backend = backend
        self.workers = max(1, workers or default_workers(backend.name))
        self.cancel_token = CancelToken()
        self._stopped_by = ""
        self._rasterizer = rasterizer
        self._dpi = dpi
        self._on_progress = on_progress
        self._language = language
        self._clock = clock
        self._running = threading.Event()
        self._running.set()
        self._lock = threading.Lock()
        self._eta = EtaEstimator()
        self._done = self._failed = self._total = 0
        self._claimed: list[int] = []
        self._stop_message = ""
        #: Answers received but not saved (disk full): page id → result. Kept so a
        #: caller can save them once there is room (``save_unsaved``).
        self.unsaved: dict[int, RecognitionResult] = {}
        self._started = 0.0

    # -- control (any thread)
    def pause(self) -> None:
        """Stop starting pages; pages being recognized finish."""
        self._running.clear()

    def resume(self) -> None:
        """Start pages again after ``pause``."""
        with self._lock:
            self._eta.reset(self._clock())
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def cancel(self) -> None:
        """Stop the batch: no new page starts, requests in flight are abandoned."""
        self.cancel_token.cancel()
        self._running.set()

    # -- the job
    def run(self, page_ids: Iterable[int] | None = None) -> BatchSummary:
        """Recognize every new page (or the new ones among ``page_ids``); blocks until done."""
        pending = self.store.new_page_ids(page_ids)
        self._total, self._started = len(pending), self._clock()
        self._eta.reset(self._started)
        rasterizer = self._rasterizer or DocumentRasterizer(self._dpi)
        pipeline = PagePipeline(
            self.backend,
            rasterizer,
            workers=self.workers,
            cancel=self.cancel_token,
            wait_running=self._wait_while_paused,
        )
        try:
            pipeline.run(self._jobs(pending), self)
        finally:
            if self._rasterizer is None:
                rasterizer.close()
            self.save_unsaved()
            self._requeue_interrupted()
        return BatchSummary(
            total=self._total,
            succeeded=self._done - self._failed,
            failed=self._failed,
            requeued=self._total - self._done,
            cancelled=self.cancel_token.cancelled,
            elapsed_s=self._clock() - self._started,
            stopped_by=self._stopped_by,
            stop_message=self._stop_message,
            unsaved=len(self.unsaved),
        )

    def _jobs(self, pending: list[int]) -> Iterator[PageJob]:
        """The pages to render, looked up as the render thread reaches them."""
        for page_id in pending:
            try:
                page = self.store.page(page_id)
            except KeyError:  # removed by the clerk since the batch started
                self._skip()
                continue
            yield PageJob(page_id, page.path, page.index)

    # -- PageSink: called by the pipeline's workers
    def claim(self, job: PageJob) -> bool:
        """Claim the page (new → recognizing) as a worker starts on it."""
        try:
            claimed = self.store.claim_page(job.key)
        except StoreError as exc:  # disk full, read-only: every page would meet it
            self._stop_for_store(exc)
            return False
        if not claimed:  # removed or re-queued by the clerk meanwhile
            self._skip()
            return False
        with self._lock:
            self._claimed.append(job.key)
        return True

    def finish(self, job: PageJob, outcome: Outcome) -> None:
        """Record the page's answer or failure; stop the batch on an error every page meets."""
        if outcome.result is not None:
            self._record_success(job.key, outcome.result)
            return
        error = outcome.error
        if error is None:
            return
        self._record_failure(job.key, error.code, error.one_line(self._language))
        if isinstance(error, RecognitionError) and stops_batch(error.code):
            self._stop(error)

    def _skip(self) -> None:
        with self._lock:
            self._total -= 1

    def _wait_while_paused(self) -> bool:
        """Block while paused; False when the batch was cancelled."""
        while not self._running.is_set():
            self._running.wait(_PAUSE_POLL_S)
        return not self.cancel_token.cancelled

    def _stop(self, exc: RecognitionError) -> None:
        """Every other page would fail the same way: stop, leaving them new for a retry."""
        with self._lock:
            if not self._stopped_by:
                self._stopped_by = exc.code
                log.warning("batch stopped by %s: %s", exc.code, exc.message)
        self.cancel_token.cancel()

    def _stop_for_store(self, exc: StoreError) -> None:
        """The database takes no more writes (disk full, read-only): stop taking pages."""
        with self._lock:
            if not self._stopped_by:
                self._stopped_by = exc.code
                self._stop_message = exc.one_line(self._language)
                log.warning("batch stopped: %s (%s)", exc.one_line("en"), exc.detail)
        self.cancel_token.cancel()

    def _record_success(self, page_id: int, result: RecognitionResult) -> None:
        try:
            self.store.save_recognition(page_id, result)
        except (KeyError, sqlite3.IntegrityError):  # removed from the queue meanwhile
            log.info("batch: page %d left the queue before its result arrived", page_id)
            self._skip()
            return
        except StoreError as exc:  # a paid-for answer is kept, to be saved when there is room
            with self._lock:
                self.unsaved[page_id] = result
            self._stop_for_store(exc)
            return
        self._finished(page_id, failed=False)

    def _record_failure(self, page_id: int, code: str, message: str) -> None:
        try:
            self.store.mark_failed(page_id, code, message)
        except (KeyError, sqlite3.IntegrityError):
            log.info("batch: page %d left the queue before it failed", page_id)
            self._skip()
            return
        except StoreError as exc:  # the page goes back to new below, the batch stops
            self._stop_for_store(exc)
            return
        self._finished(page_id, failed=True)

    def save_unsaved(self) -> None:
        """Try once more to save answers a full disk refused (space may have been freed)."""
        with self._lock:
            waiting = dict(self.unsaved)
        for page_id, result in waiting.items():
            try:
                self.store.save_recognition(page_id, result)
            except (KeyError, sqlite3.IntegrityError):
                pass  # left the queue: nothing to keep it for
            except StoreError:
                continue  # still no room: kept in ``unsaved``
            with self._lock:
                del self.unsaved[page_id]
            self._finished(page_id, failed=False)

    def _finished(self, page_id: int, *, failed: bool) -> None:
        with self._lock:
            self._done += 1
            self._failed += int(failed)
            now = self._clock()
            self._eta.record(now)
            progress = BatchProgress(
                done=self._done,
                total=self._total,
                failed=self._failed,
                elapsed_s=now - self._started,
                eta_s=self._eta.eta(self._total - self._done),
                page_id=page_id,
            )
        if self._on_progress is not None:
            try:
                self._on_progress(progress)
            except Exception:
                log.exception("batch progress callback failed")

    def _requeue_interrupted(self) -> None:
        """Pages a cancel stopped mid-recognition go back to new."""
        with self._lock:
            claimed = list(self._claimed)
        for page_id in claimed:
            try:
                if self.store.page(page_id).status is PageStatus.RECOGNIZING:
                    self.store.requeue(page_id)
            except (KeyError, CarInvoiceError):
                continue
