"""Non-modal messages inside the window: one area above the page, newest first.

Every message is kept (a clerk who drops ten files learns about all ten); the same
message again is folded into the first one with a count ("×3") and moves to the top.
The area grows with its messages up to ``MAX_AREA_HEIGHT`` and then scrolls, so it
never pushes the page out of the window; text wraps, never clipped.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

#: Messages kept; past that the two oldest fold into one that lists their headlines.
MAX_MESSAGES = 60
#: The tallest the area gets before it scrolls (pixels).
MAX_AREA_HEIGHT = 132


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
    """One message: a bold headline, details below, a repeat count, a close button."""

    #: The clerk dismissed this message.
    dismissed = Signal()

    def __init__(self, level: MessageLevel, title: str, body: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.level = level
        self.title = title
        self.body = body
        self.count = 1
        self.setObjectName("MessageItem")
        self.setStyleSheet(f"#MessageItem {{ {_STYLES[level]} border-radius: 4px; }}")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("关闭此消息"))
        close.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.folded_lines: list[str] = []  # headlines this item stands for, when folded
        self._render()

    def same_as(self, level: MessageLevel, title: str, body: str) -> bool:
        return (self.level, self.title, self.body) == (level, title, body) and not self.folded_lines

    def repeat(self) -> None:
        """The same message arrived again: count it instead of showing it twice."""
        self.count += 1
        self._render()

    def _render(self) -> None:
        times = f" <span style='color:#666'>×{self.count}</span>" if self.count > 1 else ""
        body = f"<br>{_escape(self.body)}" if self.body else ""
        self.label.setText(f"<b>{_escape(self.title)}</b>{times}{body}")

    def text(self) -> str:
        times = f" ×{self.count}" if self.count > 1 else ""
        return f"{self.title}{times}\n{self.body}".strip()


def _folded_lines(item: MessageItem) -> list[str]:
    return item.folded_lines or [item.title]


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


class MessageBar(QFrame):
    """The window's one message area; never a modal dialog."""

    #: A message was shown: (level, headline, details).
    message_shown = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.items: list[MessageItem] = []
        self._list = QWidget()
        self._layout = QVBoxLayout(self._list)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(3)
        self._layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self._list)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("全部关闭"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def show_message(self, level: MessageLevel, title: str, body: str = "") -> MessageItem:
        """Show a message on top; a repeat of one shown is counted and moved to the top."""
        same = next((i for i in self.items if i.same_as(level, title, body)), None)
        if same is not None:
            self._take(same)
            self._put(same, 0)
            same.repeat()
            item = same
        else:
            item = MessageItem(level, title, body)
            item.dismissed.connect(lambda: self.dismiss(item))
            self._put(item, 0)
            while len(self.items) > MAX_MESSAGES:
                self._fold_oldest()
        self.scroll.verticalScrollBar().setValue(0)
        self._resize()
        self.message_shown.emit(level.value, title, body)
        return item

    def _put(self, item: MessageItem, index: int) -> None:
        self._layout.insertWidget(index, item)
        self.items.insert(index, item)

    def _take(self, item: MessageItem) -> None:
        self.items.remove(item)
        self._layout.removeWidget(item)

    def _fold_oldest(self) -> None:
        """Two oldest messages become one listing their headlines (nothing is lost)."""
        oldest, older = self.items[-1], self.items[-2]
        lines = [line for it in (older, oldest) for line in _folded_lines(it)]
        level = max((older.level, oldest.level), key=list(MessageLevel).index)
        self.dismiss(oldest)
        self.dismiss(older)
        title = self.tr("较早的 %n 条消息：", "", len(lines))
        folded = MessageItem(level, title, "\n".join(lines))
        folded.dismissed.connect(lambda: self.dismiss(folded))
        folded.folded_lines = lines
        self._put(folded, len(self.items))

    def dismiss(self, item: MessageItem) -> None:
        if item in self.items:
            self._take(item)
            item.setParent(None)
            item.deleteLater()
        self._resize()

    def clear(self) -> None:
        for item in list(self.items):
            self.dismiss(item)

    def texts(self) -> list[str]:
        """Every shown message as text, newest first (for tests and accessibility)."""
        return [item.text() for item in self.items]

    def _resize(self) -> None:
        """As tall as the messages, at most ``MAX_AREA_HEIGHT``; hidden when empty."""
        self.setVisible(bool(self.items))
        self.clear_button.setVisible(len(self.items) > 1)
        if not self.items:
            return
        width = max(self.scroll.viewport().width(), 200)
        self._list.layout().activate()
        needed = self._list.heightForWidth(width)
        if needed <= 0:
            needed = self._list.sizeHint().height()
        self.scroll.setFixedHeight(min(needed + 2, MAX_AREA_HEIGHT))
        # The width settles once the window has laid out the area: measure again then.
        QTimer.singleShot(0, self, self._settle)

    def _settle(self) -> None:
        if self.items:
            width = max(self.scroll.viewport().width(), 200)
            needed = self._list.heightForWidth(width)
            if needed > 0:
                self.scroll.setFixedHeight(min(needed + 2, MAX_AREA_HEIGHT))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.items and event.oldSize().width() != event.size().width():
            self._settle()
