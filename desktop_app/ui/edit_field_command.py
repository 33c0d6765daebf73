"""One undo step: one field's value changed by the clerk."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from desktop_app.review.review_state import ReviewState


class EditFieldCommand(QUndoCommand):
    """Set ``name`` to ``new``; undo restores the old value and the old confirmation."""

    def __init__(self, review: ReviewState, name: str, new: str, text: str) -> None:
        super().__init__(text)
        self._review = review
        self._name = name
        self._old = review.field(name).value
        self._old_confirmed = review.field(name).confirmed
        self._new = new

    def redo(self) -> None:
        self._review.set_value(self._name, self._new)

    def undo(self) -> None:
        self._review.set_value(self._name, self._old)
        self._review.set_confirmed(self._name, self._old_confirmed)
