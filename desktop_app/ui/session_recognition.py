"""Recognizing the current page on demand (F5) or on open, and saving the answer.

``ReviewSession.recognition``, a collaborator of the session (not a base class). The answer is
committed to the store (→ needs review) before the review shows; a failure marks
the page failed with the error's headline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult
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
        if not self._claim(self.session.current):
            return
        self._attempted.add(self.session.current)
        self.session.review_unavailable.emit(self.session.current, self.tr("正在识别…"))
        previous = self.runner.current
        if previous is not None and previous.key != self.session.current:
            self._unclaim(previous.key)  # its answer will be dropped: let the page be new again
        self.runner.start(self.session.current, page)

    def _claim(self, key: PageKey) -> bool:
        """Mark a new page recognizing, so a batch leaves it alone; False when a batch has it.

        Without the claim, a batch could answer the same page after the clerk began
        editing it, and its answer would replace the edits.
        """
        record = self.session.queue.page(key)
        if record is None:
            return False
        try:
            status = self.session.store.page(record.id).status
            if status is PageStatus.NEW:
                return self.session.store.claim_page(record.id) or self._batch_has(key)
        except Exception as exc:
            self.session.write_failed(exc)
            return False
        running_here = self.runner.current is not None and self.runner.current.key == key
        if status is PageStatus.RECOGNIZING and not running_here:
            return self._batch_has(key)
        return True

    def _batch_has(self, key: PageKey) -> bool:
        self.session.status_posted.emit(self.tr("批量识别正在处理此页…"))
        return False

    def _unclaim(self, key: PageKey) -> None:
        """A cancelled F5 on a claimed page: back to new."""
        record = self.session.queue.page(key)
        if record is None:
            return
        try:
            if self.session.store.page(record.id).status is PageStatus.RECOGNIZING:
                self.session.store.requeue(record.id)
        except Exception as exc:
            self.session.write_failed(exc)

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
        try:
            review = fresh_review(
                self.session.store,
                page.id,
                result,
                self.session.validator,
                self.session.write_failed,
            )
        except Exception as exc:
            self._saving.discard(page.id)
            self.session.write_failed(exc)
            return
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
