"""Which review database the window opens, and what it does when the store refuses one."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.store import Store, StoreError, open_store

log = logging.getLogger(__name__)


def database_path(explicit: Path | None = None) -> Path | None:
    """``explicit``, else None: the store's default (which honours ``$CARINVOICEDESK_DATABASE``)."""
    return Path(explicit) if explicit is not None else None


def open_window_store(
    path: Path | None = None,
) -> tuple[Store, Callable[[], None], StoreError | None]:
    """(store, close it, why the real one was refused).

    When the store refuses the database (damaged, newer version, unwritable), the
    file is left as it is and a temporary database in a fresh folder stands in for
    this run, so the clerk can still look at files; closing deletes it.
    """
    try:
        store = open_store(database_path(path))
    except StoreError as refused:
        log.warning("review database refused: %r", refused)
        folder = Path(tempfile.mkdtemp(prefix="carinvoicedesk-"))
        stand_in = open_store(folder / "review.sqlite3")

        def close_stand_in() -> None:
            stand_in.close()
            shutil.rmtree(folder, ignore_errors=True)

        return stand_in, close_stand_in, refused
    return store, store.close, None
