"""Where the page would be when its file is gone or changed: why, the path, and Locate…."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.review.file_check import FileProblem


class FilePlaceholder(QWidget):
    """Never another page's image: a plain statement of what is missing, and a way to fix it."""

    #: The clerk wants to point at the file (moved or copied elsewhere).
    locate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file-placeholder")
        self.setStyleSheet("#file-placeholder { background: #606064; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.headline = QLabel()
        self.headline.setStyleSheet("color: white; font-size: 15px; font-weight: bold;")
        self.headline.setWordWrap(True)
        self.path_label = QLabel()
        self.path_label.setStyleSheet("color: #e8e8e8;")
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #e8e8e8;")
        self.hint.setWordWrap(True)
        self.locate_button = QPushButton(self.tr("找到文件…"))
        self.locate_button.clicked.connect(self.locate_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        for widget in (self.headline, self.path_label, self.hint):
            layout.addWidget(widget)
        layout.addWidget(self.locate_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)

    def show_problem(self, problem: FileProblem, path: str) -> None:
        if problem is FileProblem.MISSING:
            self.headline.setText(self.tr("找不到此页的文件"))
        else:
            self.headline.setText(self.tr("此页的文件已被改动，内容与加入队列时不同"))
        self.path_label.setText(path)
        self.hint.setText(
            self.tr(
                "右侧仍是保存的字段值，可以查看和修改。若文件已移动，请按“找到文件…”选择它"
                "（按内容核对，必须是同一个文件）。"
            )
        )
