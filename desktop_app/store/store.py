"""``Store``: the review database a clerk's day lives in (queue, results, edits, audit).

    store = open_store()                      # platformdirs user data dir
    store.add_paths(["~/scans"])             # folders recursively, supported formats only
    for page in store.pages(PageStatus.NEEDS_REVIEW): ...
    store.edit_field(page.id, "发票号码", "12345678")   # committed when it returns

Every mutating call commits before it returns: there is no save step, and a killed
process loses nothing it was told was done. Thread-safe: a writing connection behind a
re-entrant lock and a reading one beside it (see ``database``), so the window, its
store writer (``store.writer``: the window's writes, off the GUI thread) and batch
workers may share a store, and a read never waits for a commit. Listeners added with
``add_listener`` are called after each commit *on the committing thread*; a Qt adapter
must marshal them to the GUI thread itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from desktop_app.store.database import Database, default_database_path, open_database
from desktop_app.store.duplicates import DuplicatesMixin
from desktop_app.store.owner import new_owner
from desktop_app.store.queue import QueueMixin
from desktop_app.store.review import ReviewMixin
from desktop_app.store.user import current_user

log = logging.getLogger(__name__)

#: ``listener(kind, page_id)``: kind is added, removed, status, recognized or edited;
#: page_id is None when several pages changed.
StoreListener = Callable[[str, "int | None"], None]


class Store(QueueMixin, ReviewMixin, DuplicatesMixin):
    """The open review database. Build it with :func:`open_store`."""

    def __init__(self, db: Database, *, user: str | None = None) -> None:
        self._db = db
        self.user = user or current_user()
        #: The tag this open claims pages with (``owner``): crash recovery elsewhere
        #: leaves them alone while this process lives.
        self.owner = new_owner()
        self._listeners: list[StoreListener] = []
        self._listeners_lock = threading.Lock()

    @property
    def path(self) -> Path:
        """Where the database file is."""
        return self._db.path

    @property
    def read_only(self) -> bool:
        """Whether the database could only be opened for reading (writes raise ``DatabaseReadOnly``)."""
        return self._db.read_only

    def add_listener(self, listener: StoreListener) -> None:
        """Call ``listener(kind, page_id)`` after every committed change."""
        with self._listeners_lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: StoreListener) -> None:
        """Stop calling ``listener``."""
        with self._listeners_lock:
            self._listeners.remove(listener)

    def _notify(self, kind: str, page_id: int | None) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(kind, page_id)
            except Exception:  # a broken view must not undo a committed change
                log.exception("store listener failed")

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    path: str | Path | None = None, *, user: str | None = None, recover: bool = True
) -> Store:
    """Open the review database (default: :func:`default_database_path`), migrating it.

    With ``recover`` (the window and batch, which own the queue) pages a crash left
    ``recognizing`` go back to ``new``. Secondary users such as the ``export`` command
    pass ``recover=False`` so that they never take pages from a batch that is running
    in another process. Raises ``DatabaseCorrupt`` or ``DatabaseTooNew`` (the file
    untouched) and ``DatabaseUnavailable``.
    """
    db = open_database(Path(path) if path is not None else default_database_path())
    store = Store(db, user=user)
    if recover and not db.read_only:
        recovered = store.recover_interrupted()
        if recovered:
            log.info("%d pages interrupted while recognizing are new again", recovered)
    return store
