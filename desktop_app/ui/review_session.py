"""The clerk's session: open documents, the current page, its recognition and its review.

A QObject that owns the background machinery (``DocumentLoader``,
``RecognitionRunner``) and the Qt-free models (``OpenDocuments``, one
``ReviewState`` and one ``QUndoStack`` per page); widgets only listen to its signals.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QUndoGroup, QUndoStack

from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.core.text import LocalizedText
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.ui.document_loader import DocumentLoader
from desktop_app.ui.edit_field_command import EditFieldCommand
from desktop_app.ui.file_collector import collect_files
from desktop_app.ui.open_documents import OpenDocument, OpenDocuments
from desktop_app.ui.recognition_job import PageKey, RecognitionJob
from desktop_app.ui.recognition_runner import RecognitionRunner
from desktop_app.ui.review_state import ReviewState, Validator

#: Decoded pages kept in memory; others are rendered again when revisited.
IMAGE_CACHE_SIZE = 6


class ReviewSession(QObject):
    """Opening, navigating, recognizing and reviewing pages."""

    #: The list of pages changed (a document opened, a page approved).
    pages_changed = Signal()
    #: Another page became current: (``PageKey``).
    current_page_changed = Signal(object)
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

    def __init__(
        self,
        backend: RecognitionBackend | None,
        loader: DocumentLoader,
        *,
        language: str = "zh",
        recognize_on_open: bool = True,
        validator: Validator | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.recognize_on_open = recognize_on_open
        self.loader = loader
        self.runner = RecognitionRunner(backend, self)
        self.documents = OpenDocuments()
        self.reviews: dict[PageKey, ReviewState] = {}
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[PageKey, QUndoStack] = {}
        self._validator = validator
        self._images: OrderedDict[PageKey, tuple[PageImage, QImage]] = OrderedDict()
        self._attempted: set[PageKey] = set()
        self._discard_warned: set[PageKey] = set()
        self._generation = 0
        self.current: PageKey | None = None
        loader.document_opened.connect(self._on_document_opened)
        loader.open_failed.connect(self._on_open_failed)
        loader.page_rendered.connect(self._on_page_rendered)
        loader.render_failed.connect(self._on_render_failed)
        self.runner.job_started.connect(lambda job: self._set_busy(job, True))
        self.runner.progress_changed.connect(lambda job, f: self.progress_changed.emit(f))
        self.runner.recognition_finished.connect(self._on_recognized)
        self.runner.recognition_failed.connect(self._on_recognition_failed)
        self.runner.recognition_cancelled.connect(self._on_recognition_cancelled)

    def _text(self, text: LocalizedText) -> str:
        return text.get(self.language)

    @property
    def backend(self) -> RecognitionBackend | None:
        return self.runner.backend

    @backend.setter
    def backend(self, backend: RecognitionBackend | None) -> None:
        self.runner.backend = backend

    # -- opening and navigating
    def open_paths(self, paths: Iterable[str | Path]) -> list[Path]:
        """Open files, and the supported files inside folders; returns what was asked to open."""
        files, problems = collect_files(paths)
        for problem in problems:
            self.message_posted.emit("warning", self._text(problem), "")
        for path in files:
            already = self.documents.find(path)
            if already is not None:
                self.go_to(PageKey(already.document_id, 0))
                continue
            self.loader.open(path)
        return files

    def go_to(self, key: PageKey | None) -> None:
        """Make ``key`` the current page: show its image and, once there, its review."""
        if key is None or key == self.current:
            return
        self.current = key
        self._generation += 1
        self.undo_group.setActiveStack(self._stack(key))
        self.current_page_changed.emit(key)
        if key in self._images:
            self._show_current_image()
        else:
            self.review_unavailable.emit(key, self.tr("正在载入页面…"))
            self.loader.render(key.document_id, key.page_index, self._generation)

    def next_page(self) -> None:
        self.go_to(self.documents.neighbour(self.current, 1))

    def previous_page(self) -> None:
        self.go_to(self.documents.neighbour(self.current, -1))

    def current_page_image(self) -> PageImage | None:
        entry = self._images.get(self.current) if self.current else None
        return entry[0] if entry else None

    def _on_document_opened(self, doc_id: int, path: str, page_count: int, note: object) -> None:
        self.documents.add(OpenDocument(doc_id, Path(path), page_count))
        if isinstance(note, LocalizedText):
            self.message_posted.emit("info", self._text(note), "")
        self.pages_changed.emit()
        self.status_posted.emit(
            self.tr("已打开 {name}（{count} 页）").format(name=Path(path).name, count=page_count)
        )
        if self.current is None:
            self.go_to(PageKey(doc_id, 0))

    def _on_open_failed(self, doc_id: int, path: str, reason: LocalizedText) -> None:
        title = self.tr("无法打开“{name}”").format(name=Path(path).name)
        self.message_posted.emit("error", title, self._text(reason))

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
        text = self._text(reason) if isinstance(reason, LocalizedText) else str(reason)
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
        if key in self.reviews:
            self.review_ready.emit(key, self.reviews[key])
        elif self.runner.busy and self.runner.current and self.runner.current.key == key:
            self.review_unavailable.emit(key, self.tr("正在识别…"))
        elif self.recognize_on_open and key not in self._attempted and self.backend is not None:
            self.recognize_current()
        else:
            self.review_unavailable.emit(key, self.tr("此页尚未识别。按 F5 识别。"))

    # -- recognition
    def recognize_current(self) -> None:
        """Recognize the current page in the background (F5)."""
        page = self.current_page_image()
        if self.current is None or page is None:
            self.status_posted.emit(self.tr("没有可识别的页面。"))
            return
        if self.backend is None:
            self.message_posted.emit(
                "warning", self.tr("没有可用的识别引擎"), self.tr("请在“设置”中选择识别引擎。")
            )
            return
        if self._would_discard_work(self.current):
            return
        self._attempted.add(self.current)
        self.review_unavailable.emit(self.current, self.tr("正在识别…"))
        self.runner.start(self.current, page)

    def _would_discard_work(self, key: PageKey) -> bool:
        """True (and a warning) the first time F5 would throw away the clerk's edits on ``key``."""
        review = self.reviews.get(key)
        if review is None or key in self._discard_warned:
            return False
        names = review.names()
        if not any(review.field(n).edited or review.field(n).confirmed for n in names):
            return False
        self._discard_warned.add(key)
        self.message_posted.emit(
            "warning",
            self.tr("此页已有修改或确认"),
            self.tr("再按一次 F5 将重新识别此页，并放弃这些修改和确认。"),
        )
        return True

    def cancel_recognition(self) -> None:
        self.runner.cancel()

    def _set_busy(self, job: RecognitionJob, busy: bool) -> None:
        self.recognition_busy_changed.emit(busy)
        if busy:
            self.status_posted.emit(
                self.tr("正在识别 {page}…").format(page=self.documents.label(job.key))
            )

    def _on_recognized(self, job: RecognitionJob, result: RecognitionResult) -> None:
        self.recognition_busy_changed.emit(False)
        review = ReviewState(result, self._validator)
        self.reviews[job.key] = review
        self._discard_warned.discard(job.key)
        self._stack(job.key).clear()
        located = sum(1 for f in result.fields if f.located)
        self.status_posted.emit(
            self.tr("识别完成：{n} 个字段，{m} 个有位置").format(n=len(result.fields), m=located)
        )
        self.pages_changed.emit()
        if job.key == self.current:
            self.review_ready.emit(job.key, review)

    def _on_recognition_failed(self, job: RecognitionJob, error: RecognitionError) -> None:
        self.recognition_busy_changed.emit(False)
        body = error.advice.get(self.language) if error.advice else ""
        code = f"[{error.code}]" + (f" RequestId {error.request_id}" if error.request_id else "")
        title = self.tr("识别失败：") + error.headline(self.language)
        self.message_posted.emit("error", title, f"{body}\n{code}".strip())
        self.status_posted.emit(self.tr("识别失败。"))
        if job.key == self.current:
            self.review_unavailable.emit(job.key, self.tr("识别失败。可按 F5 重试。"))

    def _on_recognition_cancelled(self, job: RecognitionJob) -> None:
        self.recognition_busy_changed.emit(False)
        self.status_posted.emit(self.tr("识别已取消。"))
        if job.key == self.current and job.key not in self.reviews:
            self.review_unavailable.emit(job.key, self.tr("识别已取消。按 F5 重新识别。"))

    # -- review
    def _stack(self, key: PageKey) -> QUndoStack:
        if key not in self._stacks:
            stack = QUndoStack(self.undo_group)
            self._stacks[key] = stack
        return self._stacks[key]

    @property
    def current_review(self) -> ReviewState | None:
        return self.reviews.get(self.current) if self.current else None

    def edit_field(self, name: str, value: str) -> None:
        """Change a value of the current page through its undo stack (one step per edit)."""
        review = self.current_review
        if review is None or review.field(name).value == value:
            return
        label = self.tr("修改“{name}”").format(name=name)
        self._stack(self.current).push(EditFieldCommand(review, name, value, label))

    def confirm_field(self, name: str) -> str | None:
        """Confirm ``name``; returns the next field that still needs review (or None)."""
        review = self.current_review
        if review is None:
            return None
        review.set_confirmed(name, True)
        return review.next_needing_review(name)

    def approve_current(self) -> None:
        """The clerk approves the page (Ctrl+Enter): mark it and go to the next unapproved one."""
        review = self.current_review
        if self.current is None or review is None:
            self.status_posted.emit(self.tr("此页尚未识别，不能通过。"))
            return
        review.approved = True
        self.documents.approved.add(self.current)
        self.pages_changed.emit()
        errors = sum(1 for n in review.names() if review.field(n).worst_level == "error")
        note = self.tr("（仍有 {n} 个错误）").format(n=errors) if errors else ""
        self.status_posted.emit(
            self.tr("已通过 {page}").format(page=self.documents.label(self.current)) + note
        )
        following = self.documents.next_unapproved(self.current)
        if following is not None:
            self.go_to(following)

    def page_marks(self) -> dict[PageKey, str]:
        """A sign per page for the page list: ✓ approved, ● recognized."""
        marks = {key: "●" for key in self.reviews}
        marks.update({key: "✓" for key in self.documents.approved})
        return marks

    def shutdown(self) -> None:
        """Stop background work (window closing)."""
        self.runner.shutdown()
        self.loader.shutdown()
