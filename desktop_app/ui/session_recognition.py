"""Recognizing the current page on demand (F5) or on open, and saving the answer.

``ReviewSession.recognition``, a collaborator of the session (not a base class). The page is
claimed (→ recognizing) through the window's write queue before the engine starts; the
answer is handed to the write queue (→ needs review) as its review shows, ahead of the
clerk's first edit of it; a failure marks the page failed with the error's headline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage
from desktop_app.review.queue_snapshot import key_of
from desktop_app.review.recognition_job import PageKey, RecognitionJob
from desktop_app.review.stored_review import fresh_review
from desktop_app.store import PageStatus

if TYPE_CHECKING:
    from desktop_app.ui.review_session import ReviewSession


class SessionRecognition(QObject):
    """F5 and recognize-on-open for a session; it reports through the session's signals."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self.session = session
        self.runner = session.runner
        self._attempted: set[PageKey] = set()
        self._saving: set[int] = set()  # our own answers, not to be reloaded when echoed
        runner = self.runner
        runner.job_started.connect(lambda job: self._set_busy(job, True))
        runner.progress_changed.connect(lambda job, f: session.progress_changed.emit(f))
        runner.recognition_finished.connect(self._on_recognized)
        runner.recognition_failed.connect(self._on_recognition_failed)
        runner.recognition_cancelled.connect(self._on_recognition_cancelled)

    def attempted(self, key: PageKey) -> bool:
        """Whether this session already tried ``key`` (recognize-on-open tries once)."""
        return key in self._attempted

    def forget_attempt(self, key: PageKey) -> None:
        self._attempted.discard(key)

    def is_own_answer(self, page_id: int) -> bool:
        """True once for the store's echo of an answer this session just saved."""
        if page_id in self._saving:
            self._saving.discard(page_id)
            return True
        return False

    def is_running(self, key: PageKey) -> bool:
        """The runner is recognizing ``key`` right now."""
        current = self.runner.current
        return self.runner.busy and current is not None and current.key == key

    def recognize_current(self) -> None:
        """Recognize the current page in the background (F5)."""
        page = self.session.current_page_image()
        if self.session.current is None or page is None:
            self.session.status_posted.emit(self.tr("没有可识别的页面。"))
            return
        if self.session.backend is None:
            self.session.message_posted.emit(
                "warning", self.tr("没有可用的识别引擎"), self.tr("请在“设置”中选择识别引擎。")
            )
            return
        key = self.session.current
        record = self.session.queue.page(key)
        if record is None:
            return
        self._attempted.add(key)
        self.session.review_unavailable.emit(key, self.tr("正在识别…"))
        running_here = self.runner.current is not None and self.runner.current.key == key
        self.session.store_call(
            self._claim,
            record.id,
            running_here,
            on_saved=lambda claimed: self._start(key, page, claimed),
        )

    def _claim(self, page_id: int, running_here: bool) -> bool:
        """The writer thread: mark a new page recognizing, so a batch leaves it alone;
        False when a batch has it.

        Without the claim, a batch could answer the same page after the clerk began
        editing it, and its answer would replace the edits.
        """
        store = self.session.store
        status = store.page(page_id).status
        if status is PageStatus.NEW:
            return store.claim_page(page_id)
        return running_here or status is not PageStatus.RECOGNIZING

    def _start(self, key: PageKey, page: PageImage, claimed: bool) -> None:
        """The claim is committed: recognize, or say that the batch has the page."""
        if not claimed:
            self.session.status_posted.emit(self.tr("批量识别正在处理此页…"))
            if key == self.session.current and key not in self.session.reviews:
                self.session.review_unavailable.emit(key, self.tr("批量识别正在处理此页…"))
            return
        previous = self.runner.current
        if previous is not None and previous.key != key:
            self._unclaim(previous.key)  # its answer will be dropped: let the page be new again
        self.runner.start(key, page)

    def _unclaim(self, key: PageKey) -> None:
        """A cancelled F5 on a claimed page: back to new."""
        record = self.session.queue.page(key)
        if record is not None:
            self.session.store_call(self._requeue_if_recognizing, record.id)

    def _requeue_if_recognizing(self, page_id: int) -> None:
        """The writer thread: a page still claimed goes back to new (left alone otherwise)."""
        store = self.session.store
        if store.page(page_id).status is PageStatus.RECOGNIZING:
            store.requeue(page_id)

    def work_at_stake(self) -> str | None:
        """What F5 on the open page would throw away: ``approved``, ``reviewed`` or None.

        The window asks the clerk before recognizing such a page again.
        """
        key = self.session.current
        review = self.session.reviews.get(key) if key is not None else None
        page = self.session.queue.page(key)
        if page is not None and page.status is PageStatus.APPROVED:
            return "approved"
        if review is None:
            return None
        names = review.names()
        if any(review.field(n).edited or review.field(n).confirmed for n in names):
            return "reviewed"
        return None

    def cancel_recognition(self) -> None:
        self.runner.cancel()

    def _set_busy(self, job: RecognitionJob, busy: bool) -> None:
        self.session.recognition_busy_changed.emit(busy)
        if busy:
            self.session.status_posted.emit(
                self.tr("正在识别 {page}…").format(page=self.session.queue.label(job.key))
            )

    def _on_recognized(self, job: RecognitionJob, result: RecognitionResult) -> None:
        self.session.recognition_busy_changed.emit(False)
        page = self.session.queue.page(job.key)
        if page is None:
            return  # removed from the queue while it was recognized
        self._saving.add(page.id)
        session = self.session
        review = fresh_review(session.store, page.id, result, session.validator, session.submit)
        self.session.reviews[job.key] = review
        self.session.stack(job.key).clear()
        located = sum(1 for f in result.fields if f.located)
        self.session.status_posted.emit(
            self.tr("识别完成：{n} 个字段，{m} 个有位置").format(n=len(result.fields), m=located)
        )
        if job.key == self.session.current:
            self.session.review_ready.emit(job.key, review)

    def _on_recognition_failed(self, job: RecognitionJob, error: RecognitionError) -> None:
        self.session.recognition_busy_changed.emit(False)
        body = error.advice.get(self.session.language) if error.advice else ""
        code = f"[{error.code}]" + (f" RequestId {error.request_id}" if error.request_id else "")
        headline = error.headline(self.session.language)
        title = self.tr("识别失败：") + headline
        self.session.message_posted.emit("error", title, f"{body}\n{code}".strip())
        self.session.status_posted.emit(self.tr("识别失败。"))
        page = self.session.queue.page(job.key)
        if page is not None and job.key not in self.session.reviews:
            # The page's status already says 识别失败: the stored reason is the headline alone.
            self.session.store_call(self.session.store.mark_failed, page.id, error.code, headline)
        if job.key == self.session.current and error.code.startswith("Text."):
            self.session.review_unavailable.emit(job.key, title)  # another kind: F5 won't help
        elif job.key == self.session.current:
            self.session.review_unavailable.emit(job.key, self.tr("识别失败。可按 F5 重试。"))

    def _on_recognition_cancelled(self, job: RecognitionJob) -> None:
        self.session.recognition_busy_changed.emit(False)
        self.session.status_posted.emit(self.tr("识别已取消。"))
        self._unclaim(job.key)
        if job.key == self.session.current and job.key not in self.session.reviews:
            self.session.review_unavailable.emit(job.key, self.tr("识别已取消。按 F5 重新识别。"))

    def on_store_change(self, kind: str, page_id: object) -> None:
        """A committed change (GUI thread): a batch answer for a page replaces what we hold."""
        if kind not in ("recognized", "status") or not isinstance(page_id, int):
            return
        if kind == "recognized" and self.is_own_answer(page_id):
            return
        session = self.session
        known = session.queue.page_by_id(page_id)
        if known is None:
            return  # added since the last read: nothing of it is held or shown yet
        key = key_of(known)
        if kind == "recognized":
            session.forget(key)
        if key != session.current or key in session.reviews:
            return
        try:  # the open page only: the store is shared with the batch's threads
            page = session.store.page(page_id)
        except KeyError:
            return
        session.queue = session.queue.with_page(page)
        session.show_current_review()
