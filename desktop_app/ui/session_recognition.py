"""Recognizing the current page on demand (F5) or on open, and saving the answer.

A part of ``ReviewSession`` (kept apart to keep each file short). The answer is
committed to the store (→ needs review) before the review shows; a failure marks
the page failed with the error's headline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.review.recognition_job import PageKey, RecognitionJob
from desktop_app.review.stored_review import fresh_review
from desktop_app.store import PageStatus

if TYPE_CHECKING:
    from desktop_app.ui.review_session import ReviewSession

    _Base = ReviewSession
else:
    _Base = object


class SessionRecognition(_Base):
    """F5 and recognize-on-open (mixed into ``ReviewSession``)."""

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
        if self._would_discard_work(self.current) or not self._claim(self.current):
            return
        self._attempted.add(self.current)
        self.review_unavailable.emit(self.current, self.tr("正在识别…"))
        previous = self.runner.current
        if previous is not None and previous.key != self.current:
            self._unclaim(previous.key)  # its answer will be dropped: let the page be new again
        self.runner.start(self.current, page)

    def _claim(self, key: PageKey) -> bool:
        """Mark a new page recognizing, so a batch leaves it alone; False when a batch has it.

        Without the claim, a batch could answer the same page after the clerk began
        editing it, and its answer would replace the edits.
        """
        record = self.queue.page(key)
        if record is None:
            return False
        try:
            status = self.store.page(record.id).status
            if status is PageStatus.NEW:
                return self.store.claim_page(record.id) or self._batch_has(key)
        except Exception as exc:
            self._write_failed(exc)
            return False
        if status is PageStatus.RECOGNIZING and not self._is_running(key):
            return self._batch_has(key)
        return True

    def _batch_has(self, key: PageKey) -> bool:
        self.status_posted.emit(self.tr("批量识别正在处理此页…"))
        return False

    def _is_running(self, key: PageKey) -> bool:
        return self.runner.current is not None and self.runner.current.key == key

    def _unclaim(self, key: PageKey) -> None:
        """A cancelled F5 on a claimed page: back to new."""
        record = self.queue.page(key)
        if record is None:
            return
        try:
            if self.store.page(record.id).status is PageStatus.RECOGNIZING:
                self.store.requeue(record.id)
        except Exception as exc:
            self._write_failed(exc)

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
                self.tr("正在识别 {page}…").format(page=self.queue.label(job.key))
            )

    def _on_recognized(self, job: RecognitionJob, result: RecognitionResult) -> None:
        self.recognition_busy_changed.emit(False)
        page = self.queue.page(job.key)
        if page is None:
            return  # removed from the queue while it was recognized
        self._saving.add(page.id)
        try:
            review = fresh_review(self.store, page.id, result, self._validator, self._write_failed)
        except Exception as exc:
            self._saving.discard(page.id)
            self._write_failed(exc)
            return
        self.reviews[job.key] = review
        self._discard_warned.discard(job.key)
        self._stack(job.key).clear()
        located = sum(1 for f in result.fields if f.located)
        self.status_posted.emit(
            self.tr("识别完成：{n} 个字段，{m} 个有位置").format(n=len(result.fields), m=located)
        )
        if job.key == self.current:
            self.review_ready.emit(job.key, review)

    def _on_recognition_failed(self, job: RecognitionJob, error: RecognitionError) -> None:
        self.recognition_busy_changed.emit(False)
        body = error.advice.get(self.language) if error.advice else ""
        code = f"[{error.code}]" + (f" RequestId {error.request_id}" if error.request_id else "")
        title = self.tr("识别失败：") + error.headline(self.language)
        self.message_posted.emit("error", title, f"{body}\n{code}".strip())
        self.status_posted.emit(self.tr("识别失败。"))
        page = self.queue.page(job.key)
        if page is not None and job.key not in self.reviews:
            self._store_call(self.store.mark_failed, page.id, error.code, title)
        if job.key == self.current:
            self.review_unavailable.emit(job.key, self.tr("识别失败。可按 F5 重试。"))

    def _on_recognition_cancelled(self, job: RecognitionJob) -> None:
        self.recognition_busy_changed.emit(False)
        self.status_posted.emit(self.tr("识别已取消。"))
        self._unclaim(job.key)
        if job.key == self.current and job.key not in self.reviews:
            self.review_unavailable.emit(job.key, self.tr("识别已取消。按 F5 重新识别。"))
