"""The store's change callbacks, delivered on the GUI thread as Qt signals.

``Store`` calls its listeners on whatever thread committed (batch workers, the
documents thread). ``StoreBridge`` re-emits each call through a signal that Qt
queues to the bridge's own (GUI) thread. Bursts are folded: a short timer, then
one read on a reader thread (the store's lock may be held by a batch worker
committing; the GUI thread must never wait for it), delivered as ``snapshot_ready``.

The read is incremental after field edits: only the edited pages and their
duplicate flags are read again (``QueueSnapshot.patched``); other changes (statuses,
answers, files added or removed) re-read the whole queue. With
5,000 pages queued a whole read after every edit stalled the window by 200 ms
(``python -m desktop_app.bench stall``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop_app.review.queue_snapshot import QueueSnapshot
from desktop_app.store import Store

log = logging.getLogger(__name__)

#: Longest wait before a burst of changes is read and redrawn (ms).
COALESCE_MS = 120
#: Changes re-read incrementally (that page, not the queue): a clerk's edits, the hot
#: path. Status changes and answers read the whole queue, as counters and filters follow them.
_ONE_PAGE_KINDS = frozenset({"edited"})


class StoreBridge(QObject):
    """Listens to a store from any thread; speaks on the GUI thread."""

    #: One committed change, on the GUI thread: (kind, page id or None).
    changed = Signal(str, object)
    #: A fresh read of the queue after changes: (``QueueSnapshot``, when the read began,
    #: ``time.monotonic()``; a read that began earlier than one already shown is stale).
    snapshot_ready = Signal(object, float)
    # From other threads; connected queued to the GUI-thread slots.
    _committed = Signal(str, object)
    _read_done = Signal(object, float)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._start_read)
        self._reader: threading.Thread | None = None
        self._read_again = False
        self._latest: QueueSnapshot | None = None  # the last snapshot delivered
        self._changed: set[int] = set()  # pages changed since the last read began
        self._whole = True  # whether the next read must be of the whole queue
        self._detached = False
        queued = Qt.ConnectionType.QueuedConnection
        self._committed.connect(self._deliver, queued)
        self._read_done.connect(self._on_read, queued)
        store.add_listener(self._on_commit)

    def _on_commit(self, kind: str, page_id: int | None) -> None:
        """Any thread: hand the change to the GUI thread."""
        self._committed.emit(kind, page_id)

    def _deliver(self, kind: str, page_id: object) -> None:
        self.changed.emit(kind, page_id)
        if isinstance(page_id, int) and kind in _ONE_PAGE_KINDS:
            self._changed.add(page_id)
        else:
            self._whole = True
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Read the queue now rather than after the timer (after the clerk's own change)."""
        self._timer.stop()
        self._whole = True
        self._start_read()

    def _start_read(self) -> None:
        if self._detached:
            return
        if self._reader is not None:
            self._read_again = True  # changes arrived during the read: read once more after it
            return
        base = None if self._whole else self._latest
        changed, self._changed, self._whole = self._changed, set(), False
        self._reader = threading.Thread(
            target=self._read, args=(base, changed), name="queue-reader", daemon=True
        )
        self._reader.start()

    def _read(self, base: QueueSnapshot | None, changed: set[int]) -> None:
        """The reader thread: the whole queue, or ``base`` with the ``changed`` pages re-read."""
        began = time.monotonic()
        try:
            snapshot: QueueSnapshot | None = (
                QueueSnapshot.read(self.store)
                if base is None
                else base.patched(self.store, changed)
            )
        except Exception:  # closed at shutdown, disk trouble: the next change reads again
            log.exception("reading the queue failed")
            snapshot = None
        self._read_done.emit(snapshot, began)

    def _on_read(self, snapshot: QueueSnapshot | None, began: float) -> None:
        if self._reader is not None:
            self._reader.join()
        self._reader = None
        if snapshot is None:
            self._whole = True  # a failed read: the next one starts afresh
        elif not self._detached:
            self._latest = snapshot
            self.snapshot_ready.emit(snapshot, began)
        if self._read_again:
            self._read_again = False
            self._start_read()

    def detach(self) -> None:
        """Stop listening and wait for a read in flight (before the store closes)."""
        self._detached = True
        self._timer.stop()
        with contextlib.suppress(ValueError):
            self.store.remove_listener(self._on_commit)
        if self._reader is not None:
            self._reader.join(10)
