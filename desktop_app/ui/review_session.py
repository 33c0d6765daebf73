"""The clerk's session: the store's queue, the current page, its recognition and its review.

A QObject composed of collaborators: the background machinery it is given
(``DocumentLoader``, ``RecognitionRunner``, the ``StoreBridge``, all built by the
composition root ``ui.app.build_window``), its parts ``pages`` (queue commands:
adding, approving, rejecting, removing), ``recognition`` (F5 and recognize-on-open) and
``files`` (a queued file gone or changed, and found again), and the Qt-free models (``QueueSnapshot``, one ``ReviewState`` and one ``QUndoStack``
per page). The session itself navigates and holds the current page; widgets only
listen to its signals. The store is the truth: every edit, confirmation and status change is
handed to the window's ``WriteQueue`` when it happens and committed in order on the store's
writer thread (the GUI thread never waits for SQLite; the status bar says when it is saved),
and a restart rebuilds the same queue, page and values.
"""

from __future__ import annotations

import functools
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QUndoGroup, QUndoStack

from desktop_app.core.text import LocalizedText
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.review.queue_intake import add_to_queue
from desktop_app.review.queue_snapshot import QueueSnapshot, key_of
from desktop_app.review.recognition_job import PageKey
from desktop_app.review.review_state import ReviewState, Validator
from desktop_app.review.stored_review import stored_review
from desktop_app.store import PageRecord, PageStatus, Store
from desktop_app.ui.edit_field_command import EditFieldCommand
from desktop_app.ui.session_files import SessionFiles
from desktop_app.ui.session_pages import SessionPages
from desktop_app.ui.session_recognition import SessionRecognition
from desktop_app.ui.workers.document_loader import DocumentLoader
from desktop_app.ui.workers.recognition_runner import RecognitionRunner
from desktop_app.ui.workers.store_bridge import StoreBridge
from desktop_app.ui.workers.write_queue import WriteQueue

#: Decoded pages kept in memory; others are rendered again when revisited.
IMAGE_CACHE_SIZE = 6
#: Documents kept open on the documents thread; others are closed and reopened on demand.
OPEN_DOCUMENTS = 4


class ReviewSession(QObject):
    """Queueing, navigating, recognizing and reviewing pages, all saved in the store."""

    #: The queue changed (pages added, removed, statuses, duplicates).
    pages_changed = Signal()
    #: Another page became current: (``PageKey``).
    current_page_changed = Signal(object)
    #: No page is current any more (the queue is empty).
    current_page_cleared = Signal()
    #: The current page's image is ready: (``PageKey``, ``QImage``).
    page_image_ready = Signal(object, QImage)
    #: The current page's review is ready to show: (``PageKey``, ``ReviewState``).
    review_ready = Signal(object, object)
    #: The current page has no review to show: (``PageKey``, why, for the field panel).
    review_unavailable = Signal(object, str)
    #: Something the clerk must know: (level ``info|warning|error``, headline, details).
    message_posted = Signal(str, str, str)
    #: A recognition started (True) or ended (False).
    recognition_busy_changed = Signal(bool)
    #: Progress of the running recognition, 0..1.
    progress_changed = Signal(float)
    #: A short note for the status bar.
    status_posted = Signal(str)
    #: The clerk's files and folders were queued: (the paths as given).
    paths_queued = Signal(object)
    #: The current page's file is gone or changed: (``PageKey``, ``FileProblem``, path).
    file_unavailable = Signal(object, object, str)

    def __init__(
        self,
        store: Store,
        loader: DocumentLoader,
        bridge: StoreBridge,
        runner: RecognitionRunner,
        *,
        language: str = "zh",
        recognize_on_open: bool = True,
        validator: Validator | None = None,
        writes: WriteQueue | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.recognize_on_open = recognize_on_open
        self.store = store
        self.loader = loader
        self.bridge = bridge
        self.runner = runner
        #: Every write of the window, in order, off the GUI thread.
        self.writes = writes or WriteQueue()
        for worker in (loader, bridge, runner, self.writes):
            worker.setParent(self)
        self.writes.failed.connect(self.write_failed)
        self.queue = QueueSnapshot()
        self.reviews: dict[PageKey, ReviewState] = {}
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[PageKey, QUndoStack] = {}
        self.validator = validator
        self._images: OrderedDict[PageKey, tuple[PageImage, QImage]] = OrderedDict()
        self._opened: OrderedDict[int, None] = OrderedDict()
        self._noted: set[int] = set()
        self._generation = 0
        self._snapshot_began = 0.0
        self.current: PageKey | None = None
        self.pages = SessionPages(self)
        self.recognition = SessionRecognition(self)
        self.files = SessionFiles(self)
        loader.document_opened.connect(self._on_document_opened)
        loader.open_failed.connect(self._on_open_failed)
        loader.page_rendered.connect(self._on_page_rendered)
        loader.render_failed.connect(self._on_render_failed)
        loader.files_queued.connect(self.pages.on_files_queued)
        loader.queue_failed.connect(self.pages.on_queue_failed)
        bridge.changed.connect(self.recognition.on_store_change)
        bridge.snapshot_ready.connect(self._apply_snapshot)

    def text(self, text: LocalizedText) -> str:
        """``text`` in the session's language."""
        return text.get(self.language)

    @property
    def backend(self) -> RecognitionBackend | None:
        return self.runner.backend

    @backend.setter
    def backend(self, backend: RecognitionBackend | None) -> None:
        self.runner.backend = backend

    # -- the queue
    def restore(self) -> None:
        """Read the queue and reopen the page the clerk had open (start of the app)."""
        self.reload_queue()
        saved = self.store.current_page()
        self.go_to(key_of(saved) if saved is not None else self.queue.first_to_review())

    def reload_queue(self) -> None:
        """Read the queue now, on this thread (the clerk's own action needs it at once)."""
        began = time.monotonic()
        self._apply_snapshot(QueueSnapshot.read(self.store), began)

    def _apply_snapshot(self, snapshot: QueueSnapshot, began: float) -> None:
        """Take a fresh read of the queue; follow the open page if it left."""
        if began < self._snapshot_began:
            return  # a background read older than the one shown: the next read follows
        self._snapshot_began = began
        self.queue = snapshot
        if snapshot.changed is not None:  # the same pages as before: none left
            self.pages_changed.emit()
            return
        known = set(self.queue.keys())
        for key in [k for k in self.reviews if k not in known]:
            self.forget(key)
        self.pages_changed.emit()
        if self.current is not None and self.current not in known:
            self.current = None
            following = self.queue.first_to_review()
            if following is None:
                self._remember_current(None)
                self.current_page_cleared.emit()
            self.go_to(following)

    def open_paths(self, paths: Iterable[str | Path]) -> None:
        """Queue files, and the supported files inside folders (on the documents thread)."""
        given = [Path(p) for p in paths]
        if given:
            self.loader.queue_files(given, functools.partial(add_to_queue, self.store))

    # -- navigating
    def go_to(self, key: PageKey | None) -> None:
        """Make ``key`` the current page: show its image and, once there, its review."""
        if key is None or key == self.current:
            return
        page = self.queue.page(key)
        if page is None:
            return
        self.current = key
        self._generation += 1
        self.undo_group.setActiveStack(self.stack(key))
        self._remember_current(page.id)
        self.current_page_changed.emit(key)
        if key in self._images:
            self._show_current_image()
        elif self.files.problem(key.document_id) is not None:
            self.files.show_without_file(key)
        else:
            self.review_unavailable.emit(key, self.tr("正在载入页面…"))
            self._ensure_open(key.document_id)
            self.loader.render(key.document_id, key.page_index, self._generation)

    def forget_images(self, doc_id: int) -> None:
        """Drop the decoded pages of a document (its file changed place)."""
        for key in [k for k in self._images if k.document_id == doc_id]:
            del self._images[key]

    def reopen(self, key: PageKey | None) -> None:
        """Show ``key`` again from scratch (its file was found)."""
        self.current = None
        self.go_to(key)

    def close_document(self, doc_id: int) -> None:
        """Close a file on the documents thread (it left the queue)."""
        self._opened.pop(doc_id, None)
        self.loader.close_document(doc_id)

    def _remember_current(self, page_id: int | None) -> None:
        """A convenience for the next start: a refusal (read-only) is only logged."""
        remember = functools.partial(self.store.set_current_page, page_id)
        self.writes.submit(remember, key="current page", best_effort=True)

    def next_page(self) -> None:
        self.go_to(self.queue.neighbour(self.current, 1))

    def previous_page(self) -> None:
        self.go_to(self.queue.neighbour(self.current, -1))

    def current_page_image(self) -> PageImage | None:
        entry = self._images.get(self.current) if self.current else None
        return entry[0] if entry else None

    def _ensure_open(self, doc_id: int) -> None:
        """Open the document on the documents thread once; close the least recent beyond a few."""
        if doc_id in self._opened:
            self._opened.move_to_end(doc_id)
            return
        self.loader.open(self.queue.documents[doc_id].path, doc_id)
        self._opened[doc_id] = None
        while len(self._opened) > OPEN_DOCUMENTS:
            old, _ = self._opened.popitem(last=False)
            self.loader.close_document(old)

    def _on_document_opened(self, doc_id: int, path: str, page_count: int, note: object) -> None:
        if isinstance(note, LocalizedText) and doc_id not in self._noted:
            self._noted.add(doc_id)
            self.message_posted.emit("info", self.text(note), "")

    def _on_open_failed(self, doc_id: int, path: str, reason: LocalizedText) -> None:
        self._opened.pop(doc_id, None)
        title = self.tr("无法打开“{name}”").format(name=Path(path).name)
        self.message_posted.emit("error", title, self.text(reason))
        if self.current is not None and self.current.document_id == doc_id:
            self.review_unavailable.emit(self.current, title)

    def _on_page_rendered(
        self, doc_id: int, index: int, generation: int, page: PageImage, image: QImage
    ) -> None:
        key = PageKey(doc_id, index)
        self._images[key] = (page, image)
        self._images.move_to_end(key)
        while len(self._images) > IMAGE_CACHE_SIZE:
            self._images.popitem(last=False)
        if key == self.current and generation == self._generation:
            self._show_current_image()

    def _on_render_failed(self, doc_id: int, index: int, generation: int, reason: object) -> None:
        if doc_id not in self._opened:
            return  # the open failure was reported already
        text = self.text(reason) if isinstance(reason, LocalizedText) else str(reason)
        title = self.tr("无法显示第 {n} 页").format(n=index + 1)
        self.message_posted.emit("error", title, text)
        key = PageKey(doc_id, index)
        if key == self.current and generation == self._generation:
            self.review_unavailable.emit(key, title)

    def _show_current_image(self) -> None:
        key = self.current
        assert key is not None
        self._images.move_to_end(key)
        self.page_image_ready.emit(key, self._images[key][1])
        self.show_current_review()

    def show_current_review(self) -> None:
        """The review of the current page, from memory or the store, or why there is none."""
        key = self.current
        page = self.queue.page(key)
        if key is None or page is None or key not in self._images:
            return
        review = self.reviews.get(key) or self.load_review(key, page.id)
        if review is not None:
            self.review_ready.emit(key, review)
        elif self.recognition.is_running(key):
            self.review_unavailable.emit(key, self.tr("正在识别…"))
        elif page.status is PageStatus.RECOGNIZING:
            self.review_unavailable.emit(key, self.tr("批量识别正在处理此页…"))
        elif page.status is PageStatus.FAILED and self.recognition.attempted(key):
            self.review_unavailable.emit(key, self.tr("识别失败。可按 F5 重试。"))
        elif page.status is PageStatus.FAILED:
            why = self.tr("识别失败：{message}").format(message=page.error_message)
            if page.error_code.startswith("Text."):  # another kind of invoice: F5 won't help
                self.review_unavailable.emit(key, why)
            else:
                self.review_unavailable.emit(key, why + "\n" + self.tr("可按 F5 重试。"))
        elif self._recognizes_on_open(key):
            self.recognition.recognize_current()
        else:
            self.review_unavailable.emit(key, self.tr("此页尚未识别。按 F5 识别。"))

    def _recognizes_on_open(self, key: PageKey) -> bool:
        """Recognize-on-open tries a page once per session, with an engine to try."""
        wanted = self.recognize_on_open and self.backend is not None
        return wanted and not self.recognition.attempted(key)

    def load_review(self, key: PageKey, page_id: int) -> ReviewState | None:
        try:
            review = stored_review(self.store, page_id, self.validator, self.submit)
        except Exception as exc:
            self.write_failed(exc)
            return None
        if review is not None:
            self.reviews[key] = review
        return review

    # -- review of the current page
    def stack(self, key: PageKey) -> QUndoStack:
        if key not in self._stacks:
            self._stacks[key] = QUndoStack(self.undo_group)
        return self._stacks[key]

    def forget(self, key: PageKey) -> None:
        """Drop what memory holds of a page (its answer was replaced, or it left the queue)."""
        self.reviews.pop(key, None)
        stack = self._stacks.get(key)
        if stack is not None:
            stack.clear()

    @property
    def current_review(self) -> ReviewState | None:
        return self.reviews.get(self.current) if self.current else None

    def edit_field(self, name: str, value: str) -> None:
        """Change a value of the current page through its undo stack (one step per edit)."""
        review = self.current_review
        if review is None or review.field(name).value == value:
            return
        shown = review.field(name).spec.label.get(self.language)
        label = self.tr("修改“{name}”").format(name=shown)
        page = self.queue.page(self.current)
        self.stack(self.current).push(EditFieldCommand(review, name, value, label))
        if page is not None and page.status is PageStatus.APPROVED:
            # The store puts the page back to review with the edit; show it at once
            # (the queue is read again once the edit is committed).
            self.show_status(page, PageStatus.NEEDS_REVIEW)
            self.status_posted.emit(self.tr("此页改回“待审核”：通过后修改了字段。"))

    def show_status(self, page: PageRecord, status: PageStatus) -> None:
        """Show ``page`` in ``status`` before the store says so (a write of the window in flight)."""
        self.queue = self.queue.with_page(replace(page, status=status))
        self.pages_changed.emit()

    def confirm_field(self, name: str) -> str | None:
        """Confirm ``name``; returns the next field that still needs review (or None)."""
        review = self.current_review
        if review is None:
            return None
        review.set_confirmed(name, True)
        return review.next_needing_review(name)

    def write_failed(self, error: Exception) -> None:
        detail = error.one_line(self.language) if hasattr(error, "one_line") else str(error)
        if self.writes.unsaved:  # kept by the write queue: nothing the clerk did is lost
            detail += "\n" + self.tr("修改仍保留在窗口中；问题解决后请按状态栏中的“重试保存”。")
        self.message_posted.emit("error", self.tr("未能保存到审核数据库"), detail)

    def store_call(
        self,
        call: Callable[..., Any],
        *args: Any,
        key: Hashable | None = None,
        on_saved: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Hand one store write to the write queue; a refusal becomes a message
        (``write_failed``) and the clerk's screen stays as is."""
        self.writes.submit(
            functools.partial(call, *args), key=key, on_saved=on_saved, on_failed=on_failed
        )

    def submit(self, call: Callable[[], object], key: Hashable | None) -> None:
        """The ``WriteSubmitter`` of the session's reviews (``stored_review``)."""
        self.writes.submit(call, key=key)

    def shutdown(self) -> None:
        """Stop background work (window closing)."""
        self.runner.shutdown()
        self.loader.shutdown()
        self.writes.close()  # the clerk's last edits are committed before the store closes
        self.bridge.detach()
        # Answers and store changes still queued must not reach a closed store.
        for source in (self.runner, self.loader, self.bridge, self.writes):
            source.blockSignals(True)
