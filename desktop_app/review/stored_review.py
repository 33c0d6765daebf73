"""A page's review backed by the store: built from what was saved, every change written at once.

Qt-free. ``PageRecorder`` is the ``FieldRecorder`` a ``ReviewState`` tells of each
value and confirmation change (undo and redo included); it commits each one to the
store before returning, so a killed app loses nothing the clerk saw change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from desktop_app.core.model import RecognitionResult
from desktop_app.review.review_state import ReviewState, Validator
from desktop_app.store import Store

log = logging.getLogger(__name__)

#: Told when a write fails: (the exception). The review keeps the change on screen.
WriteFailed = Callable[[Exception], None]


class PageRecorder:
    """Writes one page's field changes to the store."""

    def __init__(self, store: Store, page_id: int, on_error: WriteFailed) -> None:
        self.store = store
        self.page_id = page_id
        self._on_error = on_error

    def value_set(self, name: str, value: str) -> None:
        self._write(lambda: self.store.edit_field(self.page_id, name, value))

    def confirmation_set(self, name: str, confirmed: bool) -> None:
        self._write(lambda: self.store.confirm_field(self.page_id, name, confirmed))

    def _write(self, write: Callable[[], object]) -> None:
        try:
            write()
        except Exception as exc:  # disk full, page removed meanwhile: say so, keep going
            log.warning("could not save a change of page %d: %r", self.page_id, exc)
            self._on_error(exc)


def stored_review(
    store: Store, page_id: int, validator: Validator | None, on_error: WriteFailed
) -> ReviewState | None:
    """The page's review as it was saved (answer, edits, confirmations), or None if unrecognized."""
    result = store.recognized_result(page_id)
    if result is None:
        return None
    review = ReviewState(result, validator)
    review.restore({v.name: (v.current, v.confirmed) for v in store.field_values(page_id)})
    review.recorder = PageRecorder(store, page_id, on_error)
    return review


def fresh_review(
    store: Store,
    page_id: int,
    result: RecognitionResult,
    validator: Validator | None,
    on_error: WriteFailed,
) -> ReviewState:
    """Save a new answer for the page (→ needs review) and start its review from it."""
    store.save_recognition(page_id, result)
    review = ReviewState(result, validator)
    review.recorder = PageRecorder(store, page_id, on_error)
    return review
