"""Ctrl+Enter: approve the open page when it is reviewed, ask first when it is not.

Kept out of ``MainWindow`` (which only wires). The question is a non-modal dialog
opened with ``open()``; its default button goes to the first open field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from desktop_app.review.approval import ApprovalIssues
from desktop_app.ui.dialogs.approve_dialog import ApproveDialog
from desktop_app.ui.review_session import ReviewSession
from desktop_app.ui.widgets.field_panel import FieldPanel


class ApprovalFlow(QObject):
    """Checks what is open on the page, asks when needed, then approves through the session."""

    def __init__(
        self,
        window: QWidget,
        session: ReviewSession,
        panel: FieldPanel,
        page_level: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self.session = session
        self.panel = panel
        self._page_level = page_level
        self.dialog: ApproveDialog | None = None

    def approve(self) -> ApproveDialog | None:
        """Ctrl+Enter. Returns the question when one was asked."""
        focused = self.panel.rows.get(self.panel.current or "")
        if focused is not None:
            focused.editor.commit()
        pages = self.session.pages
        issues = pages.open_issues()
        page_level = self._page_level()
        if issues is None or not issues.must_ask(page_level):
            note = issues.audit_note(page_level) if issues is not None else ""
            pages.approve_current(note)
            return None
        return self._ask(issues, page_level)

    def _ask(self, issues: ApprovalIssues, page_level: bool) -> ApproveDialog:
        key = self.session.current
        label = self.session.queue.label(key) if key is not None else ""
        twins = self.session.pages.twin_labels(issues)
        dialog = ApproveDialog(issues, label, twins, self._window, page_level=page_level)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.field_requested.connect(self._go_to_field)
        dialog.approve_anyway_requested.connect(
            lambda: self._approve_anyway(key, issues.audit_note(page_level))
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def _go_to_field(self, name: str) -> None:
        self.panel.select_field(name)

    def _approve_anyway(self, key: object, note: str) -> None:
        if key == self.session.current:  # the page asked about is still the open one
            self.session.pages.approve_current(note)
