"""``StoreWriter``: the one thread that commits a window's writes, in the order given.

    writer = StoreWriter()
    writer.submit(lambda: store.edit_field(7, "发票号码", "1234"), done, key=(7, "value", "发票号码"))
    ...
    writer.close(5.0)          # drains what is queued, then stops (before ``store.close()``)

Why: with ``synchronous = FULL`` a commit waits for an fsync (7-9 ms on a quiet
disk, far more on a busy one); the GUI thread hands its writes here and is told
of each one afterwards (``done(result, error)`` on the writer thread; a Qt adapter
marshals it, see ``ui.workers.write_queue``).

The rules (labelme 7's ``_save_writer`` follows the same idea):

- FIFO: writes are committed in the order submitted, so a later write never
  overtakes an earlier one of the same record.
- Coalescing: a write whose ``key`` equals that of the write queued just before it
  (not yet started) replaces its call: the last value wins and both submitters are
  told when it is committed. Only the tail is merged, so every distinct write keeps
  its place in the order.
- Durable before told: ``done`` is called after the store call returned, that is
  after its COMMIT (and fsync); a write that failed reports its exception instead.
- ``close`` stops taking writes, commits what is queued (up to a deadline) and
  joins the thread; writes submitted afterwards fail with ``WriterClosed``.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

#: Told once a write is committed or failed: (what the call returned, or its exception).
WriteDone = Callable[[Any, "BaseException | None"], None]


class WriterClosed(RuntimeError):
    """A write submitted after the writer was closed (the window is closing)."""


@dataclass
class _Write:
    call: Callable[[], Any]
    key: Hashable | None
    done: list[WriteDone] = field(default_factory=list)


class StoreWriter:
    """A FIFO of store writes run on one thread, started with the first write."""

    def __init__(self, name: str = "store-writer") -> None:
        self._name = name
        self._queue: deque[_Write] = deque()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._running = False  # a write has left the queue and is being committed
        self._closed = False

    def submit(
        self, call: Callable[[], Any], done: WriteDone | None = None, *, key: Hashable | None = None
    ) -> None:
        """Queue ``call`` (a store write); ``done`` is told once it is committed or failed.

        ``key`` names what the write sets (page, field, kind): a write with the same
        key as the one queued last replaces it. Never blocks on the disk.
        """
        dones = [done] if done is not None else []
        with self._cond:
            if self._closed:
                closed = True
            else:
                closed = False
                tail = self._queue[-1] if self._queue else None
                if key is not None and tail is not None and tail.key == key:
                    tail.call = call
                    tail.done.extend(dones)
                else:
                    self._queue.append(_Write(call, key, dones))
                self._start()
                self._cond.notify()
        if closed:
            _tell(dones, None, WriterClosed("the store writer is closed"))

    def pending(self) -> int:
        """Writes queued or being committed (merged writes count once)."""
        with self._cond:
            return len(self._queue) + int(self._running)

    def wait_idle(self, timeout: float) -> bool:
        """Block until every submitted write is done; for tests and commands, never the GUI."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and not self._running, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Commit what is queued (up to ``timeout`` s), then stop; True when nothing was left.

        Idempotent. Writes still queued at the deadline are reported to their
        submitters as failed (``WriterClosed``) and never committed afterwards.
        """
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        with self._cond:
            left = list(self._queue)
            self._queue.clear()
            stuck = self._running
        for write in left:
            _tell(write.done, None, WriterClosed("closed before this write was saved"))
        if left or stuck:
            log.warning("store writer closed with %d writes unsaved", len(left) + int(stuck))
        return not left and not stuck

    def _start(self) -> None:
        """Start the thread with the first write (under the condition's lock)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._closed)
                if not self._queue:  # closed and drained
                    self._cond.notify_all()
                    return
                write = self._queue.popleft()
                self._running = True
            result, error = None, None
            try:
                result = write.call()
            except Exception as exc:  # disk full, read-only, page gone: the submitter decides
                error = exc
            _tell(write.done, result, error)
            with self._cond:
                self._running = False
                self._cond.notify_all()


def _tell(dones: list[WriteDone], result: Any, error: BaseException | None) -> None:
    for done in dones:
        try:
            done(result, error)
        except Exception:  # one broken listener must not stop the writes after it
            log.exception("a store write's callback failed")
