"""A queued file that is gone or changed: never show another page's image under its name.

``ReviewSession.files``, a collaborator of the session. Before a document is opened
(once per session) its file is checked against the content hash it was queued with;
a missing or changed file is reported through the session's ``file_unavailable`` and
the stored values are shown all the same. ``relocate`` takes the file the clerk found,
if its content is the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.review.file_check import FileProblem, file_problem, is_the_same_file
from desktop_app.review.recognition_job import PageKey

if TYPE_CHECKING:
    from desktop_app.ui.review_session import ReviewSession


class SessionFiles(QObject):
    """File checks and Locate… for a session; it reports through the session's signals."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self.session = session
        self._checked: dict[int, FileProblem | None] = {}  # per document, once

    def problem(self, doc_id: int) -> FileProblem | None:
        """Checked once per document and session (hashing the file), before it is opened."""
        if doc_id not in self._checked:
            self._checked[doc_id] = file_problem(self.session.queue.documents[doc_id])
        return self._checked[doc_id]

    def show_without_file(self, key: PageKey) -> None:
        """No image to show: say why, and show the stored values (editable) all the same."""
        problem = self._checked[key.document_id]
        path = str(self.session.queue.documents[key.document_id].path)
        self.session.file_unavailable.emit(key, problem, path)
        page = self.session.queue.page(key)
        review = self.session.reviews.get(key) or (
            self.session.load_review(key, page.id) if page else None
        )
        if review is not None:
            self.session.review_ready.emit(key, review)
        else:
            self.session.review_unavailable.emit(key, self.tr("此页没有保存的识别结果。"))

    def relocate(self, doc_id: int, path: Path) -> bool:
        """The clerk found the file (moved, or a copy): use it if its content is the same.

        True when it is the same content (the new place is then saved and opened)."""
        document = self.session.queue.documents.get(doc_id)
        if document is None:
            return False
        if not is_the_same_file(document, path):
            self.session.message_posted.emit(
                "error",
                self.tr("“{name}”不是队列中的那个文件").format(name=path.name),
                self.tr("内容不同（按文件内容的哈希值比较）。请选择原来的文件或它的副本。"),
            )
            return False
        self.session.store_call(
            self.session.store.relocate_document,
            doc_id,
            path,
            on_saved=lambda _: self._relocated(doc_id),
        )
        return True

    def _relocated(self, doc_id: int) -> None:
        """The new place is committed: open the document from there."""
        self.session.close_document(doc_id)
        self._checked.pop(doc_id, None)
        self.session.forget_images(doc_id)
        self.session.reload_queue()
        self.session.reopen(self.session.current)
