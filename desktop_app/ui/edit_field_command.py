"""One undo step: one field's value changed by the clerk."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from desktop_app.review.review_state import ReviewState


class EditFieldCommand(QUndoCommand):
    """Set ``name`` to ``new``; undo restores the old value and the old confirmation,
    redo the new value and the confirmation it had when undone (Enter confirms an edit)."""

    def __init__(self, review: ReviewState, name: str, new: str, text: str) -> None:
        super().__init__(text)
        self._review = review
        self._name = name
        self._old = review.field(name).value
        self._old_confirmed = review.field(name).confirmed
        self._new = new
        self._new_confirmed: bool | None = None  # known once undone

    def redo(self) -> None:
        self._review.set_value(self._name, self._new)
        if self._new_confirmed is not None:
            self._review.set_confirmed(self._name, self._new_confirmed)

    def undo(self) -> None:
        self._new_confirmed = self._review.field(self._name).confirmed
        self._review.set_value(self._name, self._old)
        self._review.set_confirmed(self._name, self._old_confirmed)
