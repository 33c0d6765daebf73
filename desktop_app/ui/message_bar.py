"""Non-modal messages inside the window: what went wrong and what to do, dismissible."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

MAX_MESSAGES = 4


class MessageLevel(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_STYLES = {
    MessageLevel.INFO: "background: #e8f1fb; border: 1px solid #8db4e2;",
    MessageLevel.WARNING: "background: #fff4e0; border: 1px solid #e6a23c;",
    MessageLevel.ERROR: "background: #fdecea; border: 1px solid #d9534f;",
}


class MessageItem(QFrame):
    """One message: a bold headline, details below, a close button."""

    #: The clerk dismissed this message.
    dismissed = Signal()

    def __init__(self, level: MessageLevel, title: str, body: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.level = level
        self.title = title
        self.body = body
        self.setObjectName("MessageItem")
        self.setStyleSheet(f"#MessageItem {{ {_STYLES[level]} border-radius: 4px; }}")
        text = QLabel(f"<b>{_escape(title)}</b>" + (f"<br>{_escape(body)}" if body else ""))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("关闭此消息"))
        close.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

    def text(self) -> str:
        return f"{self.title}\n{self.body}".strip()


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


class MessageBar(QWidget):
    """A stack of the latest messages above the page; never a modal dialog."""

    #: A message was shown: (level, headline, details).
    message_shown = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 0)
        self._layout.setSpacing(3)
        self.items: list[MessageItem] = []
        self.setVisible(False)

    def show_message(self, level: MessageLevel, title: str, body: str = "") -> MessageItem:
        """Add a message on top; the oldest goes once there are more than ``MAX_MESSAGES``."""
        item = MessageItem(level, title, body)
        item.dismissed.connect(lambda: self.dismiss(item))
        self._layout.insertWidget(0, item)
        self.items.insert(0, item)
        while len(self.items) > MAX_MESSAGES:
            self.dismiss(self.items[-1])
        self.setVisible(True)
        self.message_shown.emit(level.value, title, body)
        return item

    def dismiss(self, item: MessageItem) -> None:
        if item in self.items:
            self.items.remove(item)
            item.setParent(None)
            item.deleteLater()
        self.setVisible(bool(self.items))

    def clear(self) -> None:
        for item in list(self.items):
            self.dismiss(item)

    def texts(self) -> list[str]:
        """Every shown message as text, newest first (for tests and accessibility)."""
        return [item.text() for item in self.items]
