"""Ctrl+Enter on a page not fully reviewed: what is open, and an explicit choice.

The default button (Enter) goes to the first open field, so a clerk who presses
Ctrl+Enter then Enter out of habit lands on the field to look at, never on an
approval. Approving anyway is its own button, and the session writes it to the audit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.review.approval import ApprovalIssues

#: Rows listed before "… and N more".
_LISTED = 12


class ApproveDialog(QDialog):
    """Lists errors, unconfirmed fields and duplicates; go to the first, or approve anyway."""

    #: The clerk chose to look at a field first: (field name).
    field_requested = Signal(str)
    #: The clerk approves over the open points, knowingly.
    approve_anyway_requested = Signal()

    def __init__(
        self,
        issues: ApprovalIssues,
        page_label: str,
        duplicate_names: list[str],
        parent: QWidget | None = None,
        *,
        page_level: bool = False,
    ) -> None:
        super().__init__(parent)
        self.issues = issues
        self._page_level = page_level
        self.setWindowTitle(self.tr("此页尚未审核完毕"))
        layout = QVBoxLayout(self)
        intro = QLabel(self._intro(page_label))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for line in self._lines(duplicate_names):
            self.list.addItem(line)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        listed = issues.listed(page_level)
        self.go_button: QPushButton | None = None
        if listed:
            first, label = listed[0].name, listed[0].label
            self.go_button = buttons.addButton(
                self.tr("转到“{field}”").format(field=label),
                QDialogButtonBox.ButtonRole.RejectRole,
            )
            self.go_button.clicked.connect(lambda: self.field_requested.emit(first))
        self.approve_button = buttons.addButton(
            self.tr("仍然通过"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.approve_button.setAutoDefault(False)
        self.approve_button.clicked.connect(self.approve_anyway_requested.emit)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        default = self.go_button or self.cancel_button
        default.setDefault(True)
        default.setFocus()
        self.resize(520, 360)

    def _intro(self, page_label: str) -> str:
        issues = self.issues
        parts = []
        if issues.errors:
            parts.append(self.tr("%n 个字段有错误", "", len(issues.errors)))
        if issues.unconfirmed and not self._page_level:
            parts.append(self.tr("%n 个字段未确认", "", len(issues.unconfirmed)))
        if issues.duplicates:
            parts.append(self.tr("可能与队列中的其他页重复"))
        return self.tr("“{page}”：{what}。通过后将按原样导出。").format(
            page=page_label, what=self.tr("；").join(parts)
        )

    def _lines(self, duplicate_names: list[str]) -> list[str]:
        lines = [self.tr("重复：与 {names} 相同").format(names=name) for name in duplicate_names]
        for issue in self.issues.errors:
            lines.append(self.tr("错误 · {field}：{why}").format(field=issue.label, why=issue.why))
        for issue in self.issues.listed(self._page_level)[len(self.issues.errors) :]:
            lines.append(self.tr("未确认 · {field}").format(field=issue.label))
        if len(lines) > _LISTED:
            more = len(lines) - _LISTED
            lines = [*lines[:_LISTED], self.tr("……还有 %n 项", "", more)]
        return lines
