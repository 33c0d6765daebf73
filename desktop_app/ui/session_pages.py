"""What the clerk does to whole pages and files of the queue: add, approve, reject, re-recognize,
remove. ``ReviewSession.pages``, a collaborator of the session (not a base class).

Each call hands its writes to the window's write queue (committed in order on the
store's writer thread, never on the GUI thread); what follows a write (the count
in the status bar, the next batch) runs once it is committed. The queue panel
shows an approval at once and redraws from the store's change signal after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.review.approval import ApprovalIssues, approval_issues
from desktop_app.review.queue_intake import Intake
from desktop_app.review.queue_snapshot import key_of
from desktop_app.review.recognition_job import PageKey
from desktop_app.review.stored_review import stored_review
from desktop_app.store import PageStatus
from desktop_app.ui.translator import tr

if TYPE_CHECKING:
    from desktop_app.ui.review_session import ReviewSession


class SessionPages(QObject):
    """Queue commands of a session; it reports through the session's signals."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self.session = session

    def on_files_queued(self, intake: Intake) -> None:
        for note in intake.notes:
            self.session.message_posted.emit("warning", self.session.text(note), "")
        for path, error in intake.report.failed:
            title = self.tr("无法打开“{name}”").format(name=path.name)
            self.session.message_posted.emit("error", title, error.one_line(self.session.language))
        for path, twin in intake.same_content:
            self.session.message_posted.emit(
                "info",
                self.tr("“{name}”与队列中的“{twin}”内容相同，未重复加入。").format(
                    name=path.name, twin=twin.name
                ),
                "",
            )
        self.session.reload_queue()
        report = intake.report
        pages = sum(doc.page_count for doc in report.added)
        if report.added:
            self.session.status_posted.emit(
                self.tr("已加入队列：{files} 个文件，{pages} 页").format(
                    files=len(report.added), pages=pages
                )
            )
            self.session.paths_queued.emit(intake.asked)
            # The clerk added these to look at them: open the first one added (every way in —
            # Ctrl+O, a drop, Open With, the recent menu — comes through here).
            self.session.go_to(PageKey(report.added[0].id, 0))
        elif report.already_queued or intake.same_content:
            self.session.paths_queued.emit(intake.asked)
            self._go_to_path(report.already_queued[0] if report.already_queued else None)

    def _go_to_path(self, path: Path | None) -> None:
        if path is None:
            return
        wanted = path.resolve()
        for doc in self.session.queue.documents.values():
            if doc.path == wanted:
                self.session.go_to(PageKey(doc.id, 0))
                return

    def on_queue_failed(self, paths: object, error: Exception) -> None:
        detail = error.one_line(self.session.language) if hasattr(error, "one_line") else str(error)
        self.session.message_posted.emit("error", self.tr("无法把文件加入队列"), detail)

    def open_issues(self) -> ApprovalIssues | None:
        """What stands between the open page and its approval (None: nothing to approve)."""
        review = self.session.current_review
        page = self.session.queue.page(self.session.current)
        if review is None or page is None:
            return None
        try:  # fresh from the store: the snapshot may predate the last edit of a code,
            # and with the page's values as held: its last edit may not be stored yet
            twins = self.session.store.duplicates_of(page.id, review.values())
        except Exception as exc:
            self.session.write_failed(exc)
            twins = []
        return approval_issues(review, twins, self.session.language)

    def twin_labels(self, issues: ApprovalIssues) -> list[str]:
        """The queue labels of the pages ``issues`` names as duplicates."""
        queue = self.session.queue
        labels = []
        for twin in issues.duplicates:
            other = queue.page_by_id(twin.other_page_id)
            labels.append(queue.label(key_of(other)) if other is not None else "?")
        return labels

    def approve_current(self, note: str = "") -> None:
        """Approve the open page (the window asked first where needed); go to the next one.

        ``note`` (what was approved over) is written to the audit trail with the approval.
        """
        review = self.session.current_review
        page = self.session.queue.page(self.session.current)
        if self.session.current is None:
            self.session.status_posted.emit(self.tr("队列是空的，没有可通过的页面。"))
            return
        if review is None or page is None:
            self.session.status_posted.emit(self.tr("此页尚未识别，不能通过。"))
            return
        if self.session.writes.unsaved:  # approving values the store does not hold
            self.session.message_posted.emit(
                "warning",
                self.tr("有修改尚未保存，此页没有通过"),
                self.tr("请先按状态栏中的“重试保存”，保存成功后再通过。"),
            )
            return

        def failed(error: Exception) -> None:
            review.approved = False
            self.session.bridge.flush()  # the queue shows the store's status again

        self.session.store_call(self.session.store.approve, page.id, note, on_failed=failed)
        review.approved = True
        self.session.show_status(page, PageStatus.APPROVED)  # the next page is chosen from it
        errors = sum(1 for n in review.names() if review.field(n).worst_level == "error")
        note = _errors_note(errors)
        self.session.status_posted.emit(
            self.tr("已通过 {page}").format(page=self.session.queue.label(self.session.current))
            + note
        )
        following = self.session.queue.next_to_review(self.session.current)
        if following is None:
            self.session.status_posted.emit(self.tr("队列中的页面都已审核完毕。"))
        self.session.go_to(following)

    def open_issues_of(
        self, page_ids: Iterable[int], page_level: bool
    ) -> dict[int, ApprovalIssues]:
        """Page id → what stands in the way, for the pages among ``page_ids`` that must ask."""
        session, found = self.session, {}
        held = {p.id: r for k, r in session.reviews.items() if (p := session.queue.page(k))}
        for page_id in page_ids:
            try:  # a review held may have writes in flight: its values are the latest
                review = held.get(page_id) or stored_review(
                    session.store, page_id, session.validator, session.submit
                )
                values = review.values() if review is not None else None
                twins = session.store.duplicates_of(page_id, values) if values else []
            except Exception as exc:
                session.write_failed(exc)
                continue
            if review is not None:
                issues = approval_issues(review, twins, session.language)
                if issues.must_ask(page_level):
                    found[page_id] = issues
        return found

    def approve_pages(
        self,
        page_ids: Iterable[int],
        notes: dict[int, str] | None = None,
        on_done: Callable[[int], None] | None = None,
    ) -> None:
        """Approve recognized pages among ``page_ids`` (``notes``: what each was approved over);
        ``on_done(how many)`` once committed."""
        notes = notes or {}
        calls = [(self._approve_if_recognized, pid, notes.get(pid, "")) for pid in page_ids]
        self._write_all(calls, lambda saved: on_done and on_done(sum(saved)))

    def _approve_if_recognized(self, page_id: int, note: str) -> bool:
        """The writer thread: a page with nothing recognized has nothing to approve."""
        store = self.session.store
        if store.recognition(page_id) is None:
            return False
        store.approve(page_id, note)
        return True

    def reject_pages(
        self, page_ids: Iterable[int], reason: str, on_done: Callable[[int], None] | None = None
    ) -> None:
        """Send pages back with the clerk's reason; ``on_done(how many)`` once committed."""
        calls = [(self.session.store.reject, pid, reason) for pid in page_ids]
        self._write_all(calls, lambda saved: on_done and on_done(len(saved)))

    def requeue_pages(
        self, page_ids: Iterable[int], on_done: Callable[[list[int]], None] | None = None
    ) -> None:
        """Put pages back to new for another recognition; their reviews are dropped.

        ``on_done(the ids requeued)`` once committed (a batch over them reads them new).
        """
        session = self.session
        known = [pid for pid in page_ids if session.queue.page_by_id(pid) is not None]

        def requeue(page_id: int) -> int:
            session.store.requeue(page_id)
            return page_id

        def done(requeued: list[int]) -> None:
            for page_id in requeued:
                page = session.queue.page_by_id(page_id)
                if page is not None:
                    session.forget(key_of(page))
                    session.recognition.forget_attempt(key_of(page))
            if session.current is not None and session.current not in session.reviews:
                session.show_current_review()
            if on_done is not None:
                on_done(requeued)

        self._write_all([(requeue, pid) for pid in known], done)

    def remove_documents(self, document_ids: Iterable[int]) -> None:
        """Take files out of the queue (their audit trail stays)."""
        session = self.session
        for document_id in set(document_ids):
            session.store_call(
                session.store.remove_document,
                document_id,
                on_saved=lambda _, doc=document_id: session.close_document(doc),
            )
        session.writes.after_pending(session.bridge.flush)

    def _write_all(
        self, calls: list[tuple[Callable[..., object], ...]], on_done: Callable[[list], None]
    ) -> None:
        """Hand each ``(call, *args)`` on in order; once all are done, ``on_done`` gets what
        each saved one returned (refusals are reported as messages by the session) and the
        queue is read again."""
        saved: list = []
        for call, *args in calls:
            self.session.store_call(call, *args, on_saved=saved.append)

        def finished() -> None:
            self.session.bridge.flush()
            on_done(saved)

        self.session.writes.after_pending(finished)


def _errors_note(errors: int) -> str:
    """The note " (2 errors remain)" after an approval; empty when there are none.

    Module level on purpose: PySide6 (6.11) looks a counted ``self.tr()`` up under
    ``type(self)`` only (``ReviewSession``), never under a mixin such as ``SessionPages``.
    """
    return tr("（仍有 %n 个错误）", "", errors) if errors else ""
