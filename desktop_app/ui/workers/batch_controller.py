"""Runs a ``BatchRunner`` on a thread of its own and reports on the GUI thread.

``BatchRunner.run`` blocks until the batch ends and calls back from its worker
threads; this QObject starts it on a plain ``threading.Thread`` and re-emits the
callbacks as signals, which Qt queues to the GUI thread. The store's own change
callbacks reach the window through ``StoreBridge``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal

from desktop_app.batch import BatchRunner, BatchSummary
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.store import Store

log = logging.getLogger(__name__)

RunnerFactory = Callable[..., BatchRunner]


class BatchController(QObject):
    """At most one batch at a time over the session's store."""

    #: A batch started: (number of pages it will recognize).
    started = Signal(int)
    #: A page finished, either way: (``BatchProgress``).
    progress_changed = Signal(object)
    #: The batch was paused (True) or resumed (False).
    paused_changed = Signal(bool)
    #: The batch ended (done, cancelled or broken): (``BatchSummary`` or None on a crash).
    finished = Signal(object)
    # From the batch's threads; connected queued to the public signals.
    _progress = Signal(object)
    _ended = Signal(object)

    def __init__(
        self,
        store: Store,
        *,
        runner_factory: RunnerFactory = BatchRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._factory = runner_factory
        self._runner: BatchRunner | None = None
        self._thread: threading.Thread | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._progress.connect(self.progress_changed, queued)
        self._ended.connect(self._on_ended, queued)

    @property
    def running(self) -> bool:
        return self._runner is not None

    @property
    def paused(self) -> bool:
        return self._runner is not None and self._runner.paused

    def start(
        self,
        backend: RecognitionBackend,
        page_ids: Iterable[int] | None = None,
        *,
        language: str = "zh",
    ) -> int:
        """Recognize the new pages (or the new ones of ``page_ids``); how many there are.

        Returns 0 and starts nothing when a batch is running or no page is new.
        """
        if self._runner is not None:
            return 0
        wanted = self.store.new_page_ids(page_ids)
        if not wanted:
            return 0
        runner = self._factory(
            self.store, backend, on_progress=self._progress.emit, language=language
        )
        self._runner = runner
        self._thread = threading.Thread(
            target=self._run, args=(runner, wanted), name="batch-recognition", daemon=True
        )
        self._thread.start()
        self.started.emit(len(wanted))
        return len(wanted)

    def _run(self, runner: BatchRunner, page_ids: list[int]) -> None:
        """The batch's own thread: run to the end, report how it went."""
        try:
            summary: BatchSummary | None = runner.run(page_ids)
        except Exception:  # the store went away, a bug: the window must hear of it
            log.exception("batch recognition stopped")
            summary = None
        self._ended.emit(summary)

    def pause(self) -> None:
        if self._runner is not None and not self._runner.paused:
            self._runner.pause()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        if self._runner is not None and self._runner.paused:
            self._runner.resume()
            self.paused_changed.emit(False)

    def toggle_pause(self) -> None:
        """Pause a running batch, or resume a paused one."""
        self.resume() if self.paused else self.pause()

    def cancel(self) -> None:
        """Stop taking pages; pages in flight go back to new."""
        if self._runner is not None:
            self._runner.cancel()

    def _on_ended(self, summary: BatchSummary | None) -> None:
        if self._thread is not None:
            self._thread.join()
        self._runner = self._thread = None
        self.finished.emit(summary)

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Cancel and wait for the batch's threads (window closing)."""
        thread = self._thread
        self.cancel()
        if thread is not None:
            thread.join(timeout_s)
