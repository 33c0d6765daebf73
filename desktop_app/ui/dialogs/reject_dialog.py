"""Asking why pages are sent back: a reason is required, common ones are a click away."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class RejectDialog(QDialog):
    """Non-blocking (``open()``); read ``reason()`` once ``accepted`` is emitted."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("退回页面"))
        self.reason_box = QComboBox()
        self.reason_box.setEditable(True)
        self.reason_box.addItems(
            [
                "",
                self.tr("图像不清晰，无法核对"),
                self.tr("不是机动车销售发票"),
                self.tr("发票信息与实物不符"),
                self.tr("重复提交"),
            ]
        )
        self.reason_box.lineEdit().setPlaceholderText(self.tr("请填写或选择退回原因"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("退回"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.reason_box.currentTextChanged.connect(lambda t: self._ok.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("退回 %n 页。请说明原因：", "", count)))
        layout.addWidget(self.reason_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def reason(self) -> str:
        return self.reason_box.currentText().strip()

    def set_reason(self, text: str) -> None:
        self.reason_box.setEditText(text)
