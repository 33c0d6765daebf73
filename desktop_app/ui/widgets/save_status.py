"""The status bar's word on the clerk's changes: 正在保存… / 已保存 / N 处修改未保存 (重试保存).

Driven by the window's ``WriteQueue``: "已保存" only once every change handed on so
far is committed to the review database, never before; a refused change (disk full,
read-only) stays in the window and its undo stack, and "重试保存" hands it on again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from desktop_app.review.review_state import FieldState
from desktop_app.ui.widgets.state_colors import TEXT_COLORS


class SaveStatus(QWidget):
    """Empty until the first change; then saving, saved, or how many changes are unsaved."""

    #: The clerk asks for the refused changes to be saved again.
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.retry_button = QToolButton()
        self.retry_button.setText(self.tr("重试保存"))
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self.retry_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.retry_button)
        self._pending = 0
        self._unsaved = 0
        self._written = False

    def set_pending(self, pending: int) -> None:
        """Changes handed on and not yet committed or refused."""
        self._pending = pending
        self._written = True
        self._draw()

    def set_unsaved(self, unsaved: int) -> None:
        """Refused changes kept for a retry."""
        self._unsaved = unsaved
        self._draw()

    def _draw(self) -> None:
        unsaved = self._unsaved > 0 and self._pending == 0
        if self._pending:
            text = self.tr("正在保存…")
        elif unsaved:
            text = self.tr("%n 处修改未保存", "", self._unsaved)
        else:
            text = self.tr("已保存") if self._written else ""
        self.label.setText(text)
        colour = TEXT_COLORS[FieldState.ERROR].name() if unsaved else ""
        self.label.setStyleSheet(f"color: {colour}" if colour else "")
        self.retry_button.setVisible(unsaved)
