"""A page's review backed by the store: built from what was saved, every change handed on at once.

Qt-free. ``PageRecorder`` is the ``FieldRecorder`` a ``ReviewState`` tells of each
value and confirmation change (undo and redo included); it hands each one, as a
store call, to a ``WriteSubmitter``: the window's write queue, which commits them
in order on the store's writer thread (``store.writer``) and tells the clerk once
they are saved. Each write carries a key (page, kind, field) so that consecutive
changes of one field may be merged (the last value wins).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from desktop_app.core.model import RecognitionResult
from desktop_app.review.review_state import ReviewState, Validator
from desktop_app.store import Store

#: Hands one store write on: (the call, its key). It must not wait for the disk.
WriteSubmitter = Callable[[Callable[[], object], "Hashable | None"], None]


class PageRecorder:
    """Hands one page's field changes to the store's writer."""

    def __init__(self, store: Store, page_id: int, submit: WriteSubmitter) -> None:
        self.store = store
        self.page_id = page_id
        self._submit = submit

    def value_set(self, name: str, value: str) -> None:
        page_id = self.page_id
        self._submit(lambda: self.store.edit_field(page_id, name, value), (page_id, "value", name))

    def confirmation_set(self, name: str, confirmed: bool) -> None:
        page_id = self.page_id
        self._submit(
            lambda: self.store.confirm_field(page_id, name, confirmed),
            (page_id, "confirmed", name),
        )


def stored_review(
    store: Store, page_id: int, validator: Validator | None, submit: WriteSubmitter
) -> ReviewState | None:
    """The page's review as it was saved (answer, edits, confirmations), or None if unrecognized."""
    result = store.recognized_result(page_id)
    if result is None:
        return None
    review = ReviewState(result, validator)
    review.restore({v.name: (v.current, v.confirmed) for v in store.field_values(page_id)})
    review.recorder = PageRecorder(store, page_id, submit)
    return review


def fresh_review(
    store: Store,
    page_id: int,
    result: RecognitionResult,
    validator: Validator | None,
    submit: WriteSubmitter,
) -> ReviewState:
    """Hand a new answer for the page on to be saved (→ needs review); its review starts from it.

    The clerk's changes go through the same ``submit`` after it, so they are committed
    after the answer they change.
    """
    submit(lambda: store.save_recognition(page_id, result), None)
    review = ReviewState(result, validator)
    review.recorder = PageRecorder(store, page_id, submit)
    return review
