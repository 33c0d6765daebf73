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
        self.folded_lines: list[str] = []  # headlines this item stands for, when folded

    def text(self) -> str:
        return f"{self.title}\n{self.body}".strip()


def _folded_lines(item: MessageItem) -> list[str]:
    return item.folded_lines or [item.title]


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
        """Add a message on top, keeping at most ``MAX_MESSAGES`` on screen.

        Past that the oldest notice or warning goes; errors are never dropped: the
        oldest ones are folded into one error that lists their headlines, so a clerk
        who drops ten broken files learns about all ten.
        """
        item = self._add(MessageItem(level, title, body))
        while len(self.items) > MAX_MESSAGES:
            self._make_room()
        self.setVisible(True)
        self.message_shown.emit(level.value, title, body)
        return item

    def _add(self, item: MessageItem, index: int = 0) -> MessageItem:
        item.dismissed.connect(lambda: self.dismiss(item))
        self._layout.insertWidget(index, item)
        self.items.insert(index, item)
        return item

    def _make_room(self) -> None:
        for old in reversed(self.items):
            if old.level is not MessageLevel.ERROR:
                self.dismiss(old)
                return
        oldest, older = self.items[-1], self.items[-2]
        lines = [line for it in (older, oldest) for line in _folded_lines(it)]
        self.dismiss(oldest)
        self.dismiss(older)
        title = self.tr("另有 %n 个问题：", "", len(lines))
        folded = self._add(
            MessageItem(MessageLevel.ERROR, title, "\n".join(lines)), len(self.items)
        )
        folded.folded_lines = lines

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
