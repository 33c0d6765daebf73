"""The line editor of one field: Enter confirms, Esc cancels, focus change commits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget


class FieldEditor(QLineEdit):
    """A ``QLineEdit`` that knows the committed value and hands undo to the window's stack."""

    #: The clerk finished an edit (focus left): (new text).
    edit_committed = Signal(str)
    #: Enter: commit the text, confirm the field and move on.
    confirm_requested = Signal()
    #: The editor got keyboard focus.
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._committed = ""
        self.setClearButtonEnabled(False)
        self.setAcceptDrops(False)  # a dropped file opens; its path must not land in a field

    @property
    def dirty(self) -> bool:
        """Typed text not yet committed to the review."""
        return self.text() != self._committed

    def set_committed(self, value: str) -> None:
        """Show the model's value (after an edit, an undo, a new page).

        Text the clerk is typing survives a redraw that does not change this field's value
        (another field's fix re-ran the checks); a real change of the value wins.
        """
        typing = self.hasFocus() and self.dirty
        unchanged = value == self._committed
        self._committed = value
        if typing and unchanged:
            return
        if self.text() != value:
            self.setText(value)
            self.setCursorPosition(0)

    def commit(self) -> None:
        """Send typed text to the review, if any."""
        if self.dirty:
            self.edit_committed.emit(self.text())

    def event(self, event: QEvent) -> bool:
        # QLineEdit claims many Ctrl keys for itself (Ctrl+E is end-of-line on Linux): a
        # key that is one of the window's shortcuts goes to the window instead, as the
        # clerk nearly always has a field focused. Undo and redo stay with the line edit
        # while typed text is pending, else they belong to the review's undo stack.
        if event.type() == QEvent.Type.ShortcutOverride:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if self._window_takes(key_event):
                event.ignore()
                return True
        return super().event(event)

    def _window_takes(self, key_event: QKeyEvent) -> bool:
        undo_or_redo = key_event.matches(QKeySequence.StandardKey.Undo) or key_event.matches(
            QKeySequence.StandardKey.Redo
        )
        if undo_or_redo:
            return not self.dirty
        combination = key_event.keyCombination()
        modifiers = combination.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(modifiers, combination.key()))
        for action in self.window().actions():
            if not action.isEnabled():
                continue
            for shortcut in action.shortcuts():
                if pressed.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch:
                    return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.commit()
            self.confirm_requested.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.dirty:
            self.setText(self._committed)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A context menu, an IME candidate popup or another window is not "done editing".
        if event.reason() not in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            self.commit()
