"""A line above the page: its status, where its values came from (read from the file's own
text, or recognized), why it failed or was sent back, and duplicate warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.review.queue_snapshot import QueueSnapshot, key_of
from desktop_app.review.recognition_job import PageKey
from desktop_app.store import PageStatus

#: Twins named per reason; more are counted.
_NAMED = 2

_STYLE = {
    "plain": "background: #f4f4f4; color: #333;",
    "good": "background: #e7f4ec; color: #1e6b3c;",
    "bad": "background: #fdecea; color: #9e1c1c;",
    "warn": "background: #fff4e0; color: #8a4b00;",
}


class PageBanner(QLabel):
    """Says where the open page stands; amber when it may be a duplicate."""

    def __init__(self, language: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.setObjectName("page-banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)
        self._source = ""
        self._shown: tuple[QueueSnapshot, PageKey | None] | None = None

    def set_source(self, engine: str) -> None:
        """Say where the open page's values came from: ``engine`` of its answer
        (``"text"`` read from the file, ``"local"``/``"cloud"`` recognized, ``""`` none yet)."""
        self._source = engine
        if self._shown is not None:
            self.show_page(*self._shown)

    def source_text(self) -> str:
        """The words for the current source, or "" when the page has no answer."""
        if self._source == "text":
            return self.tr("从文件文字读取（精确，未经识别）")
        if self._source == "local":
            return self.tr("本地引擎识别")
        if self._source == "cloud":
            return self.tr("云端识别")
        return ""

    def show_page(self, snapshot: QueueSnapshot, key: PageKey | None) -> None:
        self._shown = (snapshot, key)
        page = snapshot.page(key)
        if page is None:
            self.setVisible(False)
            return
        parts = [snapshot.label(key), page.status.label.get(self._language)]  # type: ignore[arg-type]
        if self.source_text():
            parts.append(self.source_text())
        tone = {PageStatus.APPROVED: "good", PageStatus.FAILED: "bad"}.get(page.status, "plain")
        if page.status is PageStatus.FAILED and page.error_message:
            parts.append(page.error_message)
        if page.status is PageStatus.REJECTED and page.reject_reason:
            parts.append(self.tr("退回原因：{reason}").format(reason=page.reject_reason))
        by_reason: dict[str, list] = {}
        for twin in snapshot.duplicates.get(page.id, []):
            by_reason.setdefault(twin.reason, []).append(twin)
        for twins in by_reason.values():
            names = []
            for twin in twins[:_NAMED]:
                other = snapshot.page_by_id(twin.other_page_id)
                names.append(snapshot.label(key_of(other)) if other is not None else "?")
            where = self.tr("、", "list separator").join(names)
            if len(twins) > _NAMED:
                where = self.tr("{names} 等 {n} 页").format(names=where, n=len(twins))
            why = twins[0].label.get(self._language)
            parts.append("⚠ " + self.tr("{why}：与 {where} 相同").format(why=why, where=where))
            tone = "warn"
        self.setText(" · ".join(parts))
        self.setStyleSheet(f"QLabel#page-banner {{ {_STYLE[tone]} padding: 3px 8px; }}")
        self.setVisible(True)
