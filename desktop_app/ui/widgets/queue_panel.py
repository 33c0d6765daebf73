"""The queue on the left: files and their pages with status icons, a counter and a filter.

A thin view of the session's ``QueueSnapshot``: it redraws from a snapshot and asks
for pages through ``page_chosen``; every command (approve, reject, remove, …) is a
window action shown in its toolbar and context menu.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.review.queue_snapshot import QueueSnapshot, key_of
from desktop_app.review.recognition_job import PageKey
from desktop_app.store import PageRecord, PageStatus
from desktop_app.ui.widgets.status_icons import DUPLICATE_COLOR, status_icon

_PAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # page id on page rows
_DOC_ROLE = Qt.ItemDataRole.UserRole + 2  # document id on every row
#: The filter entry that shows only flagged duplicates.
DUPLICATES = "duplicates"
#: Twins named in a duplicate flag's tooltip; more are counted.
_TWINS_LISTED = 3


class QueuePanel(QWidget):
    """Documents and pages of the queue; the clerk opens a page by clicking it."""

    #: The clerk chose a page to open: (``PageKey``).
    page_chosen = Signal(object)

    def __init__(self, language: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._snapshot = QueueSnapshot()
        self._current: PageKey | None = None
        self._page_items: dict[int, QTreeWidgetItem] = {}
        self._structure: tuple = ()
        self._drawn: dict[int, tuple] = {}  # what each page row shows now
        self._filter_shown: object = None  # the filter the rows' visibility follows
        self._bold_id: int | None = None  # the open page's row, drawn bold
        self.counter = QLabel()
        self.counter.setObjectName("queue-counter")
        self.counter.setStyleSheet("font-weight: bold; font-size: 14px; padding: 2px 4px;")
        self.totals = QLabel()
        self.totals.setStyleSheet("color: #555; padding: 0 4px;")
        self.filter = QComboBox()
        self.filter.addItem(self.tr("全部页面"), "")
        for status in PageStatus:
            self.filter.addItem(status_icon(status), status.label.get(language), status.value)
        self.filter.addItem(self.tr("重复的页面"), DUPLICATES)
        self.filter.setToolTip(self.tr("按状态筛选"))
        self.filter.currentIndexChanged.connect(lambda _: self._apply_filter())
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar.setIconSize(QSize(18, 18))  # every queue command fits without an overflow
        self.tree = self._make_tree()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.counter)
        layout.addWidget(self.totals)
        layout.addWidget(self.filter)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tree, 1)
        self.setMinimumWidth(220)

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("queue-tree")
        tree.setColumnCount(3)
        tree.setHeaderLabels([self.tr("文件 / 页"), self.tr("状态"), ""])
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setUniformRowHeights(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)  # the full name is the tooltip
        tree.setRootIsDecorated(True)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.itemClicked.connect(self._emit_chosen)
        tree.itemActivated.connect(self._emit_chosen)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        # Fixed widths: "resize to contents" would measure every row on every status change.
        metrics = tree.fontMetrics()
        labels = [s.label.get(self._language) for s in PageStatus] + [self.tr("状态")]
        header.setSectionResizeMode(1, header.ResizeMode.Fixed)
        header.resizeSection(1, max(metrics.horizontalAdvance(t) for t in labels) + 16)
        header.setSectionResizeMode(2, header.ResizeMode.Fixed)
        header.resizeSection(2, metrics.horizontalAdvance("⚠") + 14)
        return tree

    def add_actions(self, groups: list[list[QAction]]) -> None:
        """Show the window's queue commands in the panel's toolbar and context menu."""
        for index, group in enumerate(groups):
            if index:
                self.toolbar.addSeparator()
                separator = QAction(self.tree)
                separator.setSeparator(True)
                self.tree.addAction(separator)
            self.toolbar.addActions(group)
            self.tree.addActions(group)

    # -- redrawing
    def set_queue(self, snapshot: QueueSnapshot, current: PageKey | None) -> None:
        """Redraw from ``snapshot``: in place when the same pages are queued, else rebuilt."""
        self._snapshot = snapshot
        remaining = snapshot.remaining()
        self.counter.setText(self.tr("还剩 {n} 张待审").format(n=remaining))
        self.totals.setText(
            self.tr("共 {total} 页 · 已通过 {approved} · 失败 {failed} · 待识别 {new}").format(
                total=len(snapshot.pages),
                approved=snapshot.count(PageStatus.APPROVED),
                failed=snapshot.count(PageStatus.FAILED),
                new=snapshot.count(PageStatus.NEW),
            )
        )
        if snapshot.changed is not None and self._structure:  # the same pages: a few rows
            self._redraw_rows(snapshot, snapshot.changed)
            self.set_current_key(current)
            return
        structure = tuple((p.id, p.document_id) for p in snapshot.pages)
        rebuilt = structure != self._structure
        if rebuilt:
            self._rebuild(snapshot)
            self._structure = structure
            self._drawn = {}
        redrawn = []
        for page in snapshot.pages:
            look = (page, tuple(snapshot.duplicates.get(page.id, ())))
            if self._drawn.get(page.id) != look:  # a batch changes a few pages per redraw
                self._draw_page(self._page_items[page.id], page)
                self._drawn[page.id] = look
                redrawn.append(page.id)
        # Visibility of 5,000 rows costs tens of ms: only the redrawn rows can change it.
        self._apply_filter(None if rebuilt else redrawn)
        self.set_current_key(current)

    def _redraw_rows(self, snapshot: QueueSnapshot, page_ids: frozenset[int]) -> None:
        """Redraw the rows of ``page_ids`` only (an incremental read after an edit)."""
        redrawn = []
        for page_id in page_ids:
            page = snapshot.page_by_id(page_id)
            item = self._page_items.get(page_id)
            if page is None or item is None:
                continue
            look = (page, tuple(snapshot.duplicates.get(page_id, ())))
            if self._drawn.get(page_id) != look:
                self._draw_page(item, page)
                self._drawn[page_id] = look
                redrawn.append(page_id)
        self._apply_filter(redrawn)

    def _rebuild(self, snapshot: QueueSnapshot) -> None:
        selected = set(self.selected_page_ids())
        tree = self.tree
        tree.blockSignals(True)
        tree.clear()
        self._page_items = {}
        for doc in snapshot.documents.values():
            pages = [p for p in snapshot.pages if p.document_id == doc.id]
            if doc.page_count == 1 and len(pages) == 1:
                item = QTreeWidgetItem(tree, [doc.path.name])
                self._page_items[pages[0].id] = item
            else:
                item = QTreeWidgetItem(tree, [doc.path.name])
                item.setData(0, _DOC_ROLE, doc.id)
                for page in pages:
                    child = QTreeWidgetItem(item, [self.tr("第 {n} 页").format(n=page.number)])
                    self._page_items[page.id] = child
                item.setExpanded(True)
            item.setData(0, _DOC_ROLE, doc.id)
            item.setToolTip(0, str(doc.path))
        for page_id, item in self._page_items.items():
            item.setData(0, _PAGE_ROLE, page_id)
            item.setSelected(page_id in selected)
        self._bold_id = None
        tree.blockSignals(False)

    def _draw_page(self, item: QTreeWidgetItem, page: PageRecord) -> None:
        language = self._language
        item.setIcon(0, status_icon(page.status))
        item.setText(1, page.status.label.get(language))
        tip = page.status.label.get(language)
        if page.status is PageStatus.FAILED and page.error_message:
            tip += "\n" + page.error_message
        if page.status is PageStatus.REJECTED and page.reject_reason:
            tip += "\n" + self.tr("退回原因：{reason}").format(reason=page.reject_reason)
        for column in (0, 1):
            item.setToolTip(column, tip if column else f"{page.path}\n{tip}")
        twins = self._snapshot.duplicates.get(page.id, [])
        item.setText(2, "⚠" if twins else "")  # narrow: the tooltip and the page banner explain
        item.setForeground(2, DUPLICATE_COLOR)
        lines = [self._twin_text(d.other_page_id, d.label) for d in twins[:_TWINS_LISTED]]
        if len(twins) > _TWINS_LISTED:
            lines.append(self.tr("……共 %n 处重复", "", len(twins)))
        item.setToolTip(2, "\n".join(lines))

    def _twin_text(self, other_id: int, label: object) -> str:
        other = self._snapshot.page_by_id(other_id)
        where = self._snapshot.label(key_of(other)) if other is not None else "?"
        text = label.get(self._language) if hasattr(label, "get") else str(label)
        return self.tr("{why}：与 {where} 相同").format(why=text, where=where)

    def _apply_filter(self, only: list[int] | None = None) -> None:
        """Show the rows the filter wants; ``only``: just those pages' rows (and their files)."""
        wanted = self.filter.currentData()
        duplicates = self._snapshot.duplicates
        if only is None or wanted != self._filter_shown:
            pages = self._snapshot.pages
        else:
            pages = [p for p in map(self._snapshot.page_by_id, only) if p is not None]
        self._filter_shown = wanted
        parents = set()
        for page in pages:
            item = self._page_items.get(page.id)
            if item is None:
                continue
            if item.parent() is not None:
                parents.add(id(item.parent()))
            if not wanted:
                visible = True
            elif wanted == DUPLICATES:
                visible = page.id in duplicates
            else:
                visible = page.status.value == wanted
            item.setHidden(not visible)
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top.childCount() and (pages is self._snapshot.pages or id(top) in parents):
                top.setHidden(all(top.child(i).isHidden() for i in range(top.childCount())))

    def set_filter(self, status: PageStatus | str | None) -> None:
        """Show only pages of ``status`` (``DUPLICATES``: flagged pages; None: all)."""
        wanted = status.value if isinstance(status, PageStatus) else (status or "")
        self.filter.setCurrentIndex(max(0, self.filter.findData(wanted)))

    def set_current_key(self, key: PageKey | None) -> None:
        """Mark the open page (bold, current row) without emitting ``page_chosen``."""
        self._current = key
        page = self._snapshot.page(key)
        self.tree.blockSignals(True)
        bold_id = page.id if page is not None else None
        for page_id in {self._bold_id, bold_id} - {None}:
            item = self._page_items.get(page_id)  # type: ignore[arg-type]
            if item is not None:
                font = item.font(0)
                font.setBold(page_id == bold_id)
                item.setFont(0, font)
        self._bold_id = bold_id
        if page is not None and page.id in self._page_items:
            item = self._page_items[page.id]
            selection = self.tree.selectionModel()
            if len(self.tree.selectedItems()) <= 1:
                self.tree.setCurrentItem(item)
            else:
                self.tree.setCurrentItem(item, 0, selection.SelectionFlag.NoUpdate)
            self.tree.scrollToItem(item)
        self.tree.blockSignals(False)

    # -- what the clerk chose
    def visible_page_items(self) -> list[QTreeWidgetItem]:
        return [item for item in self._page_items.values() if not item.isHidden()]

    def item_of(self, page_id: int) -> QTreeWidgetItem | None:
        return self._page_items.get(page_id)

    def selected_page_ids(self) -> list[int]:
        """Pages selected, and every page of a selected file row, in queue order."""
        chosen: set[int] = set()
        for item in self.tree.selectedItems():
            page_id = item.data(0, _PAGE_ROLE)
            if page_id is not None:
                chosen.add(page_id)
            for index in range(item.childCount()):
                chosen.add(item.child(index).data(0, _PAGE_ROLE))
        return [p.id for p in self._snapshot.pages if p.id in chosen]

    def selected_document_ids(self) -> list[int]:
        """Files of the selected rows."""
        ids = {item.data(0, _DOC_ROLE) for item in self.tree.selectedItems()}
        return [doc_id for doc_id in self._snapshot.documents if doc_id in ids]

    def _emit_chosen(self, item: QTreeWidgetItem) -> None:
        page_id = item.data(0, _PAGE_ROLE)
        if page_id is None and item.childCount():
            page_id = item.child(0).data(0, _PAGE_ROLE)
        page = self._snapshot.page_by_id(page_id) if page_id is not None else None
        if page is not None:
            self.page_chosen.emit(key_of(page))
