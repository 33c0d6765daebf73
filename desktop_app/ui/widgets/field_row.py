"""One row of the field panel: label, editor, check result, and the recognized value once edited."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from desktop_app.review.review_state import FieldReview, FieldState
from desktop_app.ui.widgets.field_editor import FieldEditor
from desktop_app.ui.widgets.state_colors import TEXT_COLORS, state_icon

LABEL_WIDTH = 150
_CURRENT_STYLE = "FieldRow { background: #dcebfc; border: 1px solid #7aa7e0; border-radius: 3px; }"


class FieldRow(QWidget):
    """Shows one ``FieldReview``; edits go out as signals, never straight into the model."""

    #: The clerk finished editing: (field name, new value).
    edit_committed = Signal(str, str)
    #: Enter in the editor: (field name).
    confirm_requested = Signal(str)
    #: The editor got focus: (field name).
    focused = Signal(str)

    def __init__(self, name: str, label: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._language = language
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.state = FieldState.RECOGNIZED
        self._label = QLabel(label)
        self._label.setFixedWidth(LABEL_WIDTH)
        self._label.setWordWrap(True)
        self._label.setToolTip(name)
        self.editor = FieldEditor()
        self.editor.setAccessibleName(label)
        self._label.setBuddy(self.editor)
        self._icon = QLabel()
        self._icon.setFixedWidth(16)
        # Shown while the engine doubts its reading (low confidence) and the clerk has
        # neither changed nor confirmed the value: such fields come first in the review.
        self._doubt = QLabel("?")
        self._doubt.setFixedWidth(12)
        self._doubt.setStyleSheet(
            f"color: {TEXT_COLORS[FieldState.WARNING].name()}; font-weight: bold;"
        )
        self._doubt.setAccessibleName(self.tr("识别把握较低"))
        self._doubt.hide()
        self._message = QLabel()
        self._message.setWordWrap(True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._recognized = QLabel()
        self._recognized.setWordWrap(True)
        self._recognized.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._recognized.setStyleSheet("color: #666666;")
        self._note = QLabel()  # how the value was obtained (e.g. taken from the QR code)
        self._note.setWordWrap(True)
        self._note.setStyleSheet("color: #2f6f9f;")
        self._note.setVisible(False)
        self._message_color = ""
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setVerticalSpacing(1)
        layout.addWidget(self._label, 0, 0)
        layout.addWidget(self.editor, 0, 1)
        layout.addWidget(self._icon, 0, 2)
        layout.addWidget(self._doubt, 0, 3)
        layout.addWidget(self._message, 1, 1, 1, 3)
        layout.addWidget(self._recognized, 2, 1, 1, 3)
        layout.addWidget(self._note, 3, 1, 1, 2)
        layout.setColumnStretch(1, 1)
        self.editor.edit_committed.connect(lambda text: self.edit_committed.emit(self.name, text))
        self.editor.confirm_requested.connect(lambda: self.confirm_requested.emit(self.name))
        self.editor.focused.connect(lambda: self.focused.emit(self.name))

    def show_review(self, review: FieldReview) -> None:
        """Redraw from the model (value, state, check messages, recognized value)."""
        self.editor.set_committed(review.value)
        state = review.state
        self.state = state
        self._icon.setPixmap(state_icon(state).pixmap(12, 12))
        self._icon.setToolTip(self._state_text(state))
        doubtful = review.doubtful and not review.confirmed
        self._doubt.setVisible(doubtful)
        if doubtful:
            percent = round(100 * (review.confidence or 0.0))
            self._doubt.setToolTip(self.tr("识别把握较低（{0}%），请先核对。").format(percent))
        messages = [c.message.get(self._language) for c in review.checks]
        self._message.setVisible(bool(messages))
        self._message.setText("\n".join(messages))
        color = TEXT_COLORS[
            FieldState.ERROR if review.worst_level == "error" else FieldState.WARNING
        ]
        if color.name() != self._message_color:
            self._message_color = color.name()
            self._message.setStyleSheet(f"color: {color.name()};")
        note = review.note.get(self._language) if review.note is not None else ""
        if note != self._note.text():
            self._note.setText(note)
            self._note.setVisible(bool(note))
        self._recognized.setVisible(review.edited)
        recognized = review.recognized or self.tr("（空）")
        self._recognized.setText(self.tr("原识别值：") + recognized)

    def set_current(self, current: bool) -> None:
        """Mark the row the clerk is on."""
        self.setStyleSheet(_CURRENT_STYLE if current else "")

    def _state_text(self, state: FieldState) -> str:
        return {
            FieldState.RECOGNIZED: self.tr("已识别，待确认"),
            FieldState.EDITED: self.tr("已修改，待确认"),
            FieldState.CONFIRMED: self.tr("已确认"),
            FieldState.WARNING: self.tr("有疑问"),
            FieldState.ERROR: self.tr("有错误"),
        }[state]
