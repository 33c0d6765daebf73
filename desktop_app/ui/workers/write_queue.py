"""The window's store writes: committed in order on the store writer's thread, told on the GUI thread.

The GUI thread never waits for SQLite: ``submit`` hands a write to
``store.writer.StoreWriter`` and returns; the writer's answer comes back through a
queued signal. ``pending_changed`` drives the status bar's "正在保存…/已保存"
(``widgets.save_status``): "saved" is shown only once every write submitted so far
is committed (and fsynced), so the clerk never sees "saved" for an edit a crash
could lose.

A write the store refuses (disk full, a read-only database) is reported by
``failed`` and kept: ``retry`` submits the kept writes again, in their order. A
kept write is dropped when a later write with the same key (the same field of the
same page) is submitted: the later value is the one wanted, and retrying the old
one would overwrite it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from desktop_app.store.writer import StoreWriter, WriterClosed

log = logging.getLogger(__name__)

#: How long closing the window waits for writes still queued (seconds).
CLOSE_TIMEOUT_S = 5.0


@dataclass
class _Write:
    call: Callable[[], Any]
    key: Hashable | None
    on_saved: Callable[[Any], None] | None
    on_failed: Callable[[Exception], None] | None
    number: int = 0  # in submission order
    best_effort: bool = False


class WriteQueue(QObject):
    """Store writes in order, off the GUI thread; results and failures on the GUI thread."""

    #: The number of writes submitted and not yet committed or failed changed: (count).
    pending_changed = Signal(int)
    #: A write was refused: (the exception). It is kept for ``retry`` when retrying may help.
    failed = Signal(object)
    #: The kept (unsaved) writes changed: (how many are kept).
    unsaved_changed = Signal(int)
    # From the writer thread; connected queued to ``_on_done`` on the GUI thread.
    _done = Signal(object, object, object)

    def __init__(self, writer: StoreWriter | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = writer or StoreWriter()
        self._pending = 0
        self._unsaved: list[_Write] = []
        self._submitted = 0
        self._latest: dict[Hashable, int] = {}  # key -> number of its latest write
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Writes submitted and not yet committed or failed."""
        return self._pending

    @property
    def unsaved(self) -> int:
        """Refused writes kept for ``retry``."""
        return len(self._unsaved)

    def submit(
        self,
        call: Callable[[], Any],
        *,
        key: Hashable | None = None,
        on_saved: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        best_effort: bool = False,
    ) -> None:
        """Commit ``call`` after every write submitted before it; never blocks.

        ``on_saved(result)`` or ``on_failed(error)`` runs on the GUI thread once it is
        committed or refused; ``failed`` is emitted for every refusal but those of a
        ``best_effort`` write (a convenience such as the page open: logged only, not
        kept). ``key`` names what the write sets: consecutive writes of one key are
        merged (the last wins).
        """
        self._submitted += 1
        write = _Write(call, key, on_saved, on_failed, self._submitted, best_effort)
        if key is not None:
            self._latest[key] = write.number
            if any(w.key == key for w in self._unsaved):
                self._unsaved = [w for w in self._unsaved if w.key != key]
                self.unsaved_changed.emit(len(self._unsaved))
        self._send(write)

    def after_pending(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the GUI thread once the writes submitted so far are done,
        so that the reads it makes see them (read-your-writes). At once when none is pending.
        """
        if self._pending == 0:
            callback()
        else:
            self.submit(lambda: None, on_saved=lambda _: callback(), on_failed=lambda _: callback())

    def retry(self) -> None:
        """Submit the refused writes again, oldest first."""
        kept, self._unsaved = self._unsaved, []
        self.unsaved_changed.emit(0)
        for write in kept:
            self._send(write)

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """Block until every write submitted is done: for tests and benchmarks, which then
        read the store. Never on the GUI thread of the app (that is what it must not do)."""
        return self._writer.wait_idle(timeout_s)

    def close(self, timeout_s: float = CLOSE_TIMEOUT_S) -> bool:
        """Commit what is queued (at most ``timeout_s``) and stop; True when all was saved.

        Called before the store closes. Later writes fail with ``WriterClosed``.
        """
        drained = self._writer.close(timeout_s)
        if self._unsaved:
            log.warning("window closed with %d refused writes unsaved", len(self._unsaved))
        return drained and not self._unsaved

    def _send(self, write: _Write) -> None:
        self._pending += 1
        self.pending_changed.emit(self._pending)
        self._writer.submit(
            write.call, lambda result, error: self._done.emit(write, result, error), key=write.key
        )

    def _on_done(self, write: _Write, result: Any, error: Exception | None) -> None:
        self._pending -= 1
        if error is None:
            if write.on_saved is not None:
                write.on_saved(result)
        else:
            log.warning("a store write was refused: %r", error)
            kept = not write.best_effort and _worth_retrying(error)
            if kept and not self._superseded(write):
                self._unsaved.append(write)
                self.unsaved_changed.emit(len(self._unsaved))
            if write.on_failed is not None:
                write.on_failed(error)
            if not write.best_effort:
                self.failed.emit(error)
        if write.key is not None and self._latest.get(write.key) == write.number:
            del self._latest[write.key]  # keeps the map as small as the writes in flight
        self.pending_changed.emit(self._pending)

    def _superseded(self, write: _Write) -> bool:
        """A later write of the same key was submitted: retrying this one would undo it."""
        return write.key is not None and self._latest.get(write.key, 0) > write.number


def _worth_retrying(error: Exception) -> bool:
    """Disk full, read-only, locked: the same write may succeed later. A page gone
    (``KeyError``) or a closed writer never will."""
    return not isinstance(error, KeyError | WriterClosed)
