"""F5: recognize the open page, asking first when that would throw away the clerk's work.

A page the clerk approved, edited or confirmed loses all of it to a new answer; the
question names what is lost, and its default button keeps the page as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui.review_session import ReviewSession


class RecognizeFlow(QObject):
    """F5 through a question where work is at stake."""

    def __init__(self, window: QWidget, session: ReviewSession) -> None:
        super().__init__(window)
        self._window = window
        self.session = session
        self.dialog: QMessageBox | None = None

    def recognize(self) -> QMessageBox | None:
        """F5. Returns the question when one was asked."""
        recognition = self.session.recognition
        stake = recognition.work_at_stake()
        if stake is None:
            recognition.recognize_current()
            return None
        if stake == "approved":
            text = self.tr("此页已通过。重新识别会撤销通过，并放弃所有修改和确认。")
        else:
            text = self.tr("此页已有修改或确认。重新识别会放弃这些修改和确认。")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("重新识别此页？"),
            text,
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        again = box.addButton(self.tr("重新识别"), QMessageBox.ButtonRole.AcceptRole)
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        key = self.session.current
        again.clicked.connect(lambda: self._again(key))
        self.dialog = box
        box.open()
        return box

    def _again(self, key: object) -> None:
        if key == self.session.current:
            self.session.recognition.recognize_current()
