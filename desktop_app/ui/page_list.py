"""The strip of pages on the left: every page of every open document."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop_app.ui.open_documents import OpenDocuments
from desktop_app.ui.recognition_job import PageKey

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class PageList(QListWidget):
    """Lists pages; choosing one asks the session to show it."""

    #: The clerk chose a page: (``PageKey``).
    page_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(100)
        self.setAlternatingRowColors(True)
        # Long scan names: keep the start and the page number visible, no sideways scrolling.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(self._emit_chosen)
        self.itemClicked.connect(self._emit_chosen)

    def set_pages(self, documents: OpenDocuments, marks: dict[PageKey, str]) -> None:
        """Rebuild from ``documents``; ``marks`` adds a state sign per page (✓, …)."""
        current = self.current_key()
        self.blockSignals(True)
        self.clear()
        for key in documents.pages():
            mark = marks.get(key, "")
            item = QListWidgetItem(f"{mark} {documents.label(key)}".strip())
            item.setData(_KEY_ROLE, key)
            item.setToolTip(str(documents.document(key).path))
            self.addItem(item)
        self.blockSignals(False)
        if current is not None:
            self.set_current_key(current)

    def current_key(self) -> PageKey | None:
        item = self.currentItem()
        return item.data(_KEY_ROLE) if item is not None else None

    def set_current_key(self, key: PageKey | None) -> None:
        """Highlight ``key`` without emitting ``page_chosen``."""
        self.blockSignals(True)
        for row in range(self.count()):
            if self.item(row).data(_KEY_ROLE) == key:
                self.setCurrentRow(row)
                break
        self.blockSignals(False)

    def _emit_chosen(self, item: QListWidgetItem) -> None:
        self.page_chosen.emit(item.data(_KEY_ROLE))
