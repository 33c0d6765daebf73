"""Plain, immutable rows the store hands out: documents, pages, field values, audit entries.

They cross threads freely (no connection or cursor inside) and are what the queue
panel, the batch runner and the exporters read.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from desktop_app.core.schema import FormType
from desktop_app.core.text import LocalizedText as T


class PageStatus(str, Enum):
    """Where a page stands in the review; the value is what the database stores."""

    NEW = "new"
    RECOGNIZING = "recognizing"
    NEEDS_REVIEW = "needs_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    FAILED = "failed"

    @property
    def label(self) -> T:
        return _STATUS_LABELS[self]

    @property
    def finished(self) -> bool:
        """Approved and rejected pages need no more work from the clerk."""
        return self in (PageStatus.APPROVED, PageStatus.REJECTED)


_STATUS_LABELS = {
    PageStatus.NEW: T("待识别", "New"),
    PageStatus.RECOGNIZING: T("识别中", "Recognizing"),
    PageStatus.NEEDS_REVIEW: T("待审核", "Needs review"),
    PageStatus.APPROVED: T("已通过", "Approved"),
    PageStatus.REJECTED: T("已退回", "Rejected"),
    PageStatus.FAILED: T("识别失败", "Failed"),
}


@dataclass(frozen=True)
class DocumentRecord:
    """A file in the queue."""

    id: int
    path: Path
    sha256: str
    page_count: int
    form_type: FormType | None
    added_at: str


@dataclass(frozen=True)
class PageRecord:
    """One page of a queued document and its review state.

    ``index`` is 0-based; ``error_code``/``error_message`` are set for a failed page,
    ``reject_reason`` for a rejected one.
    """

    id: int
    document_id: int
    path: Path
    index: int
    status: PageStatus
    form_type: FormType | None
    error_code: str
    error_message: str
    reject_reason: str
    updated_at: str

    @property
    def number(self) -> int:
        """The 1-based page number a clerk reads."""
        return self.index + 1


@dataclass(frozen=True)
class FieldValue:
    """A field of a recognized page: what the engine read and what the clerk kept."""

    name: str
    recognized: str
    current: str
    confirmed: bool

    @property
    def edited(self) -> bool:
        return self.current != self.recognized


@dataclass(frozen=True)
class RecognitionRecord:
    """The latest recognition of a page, its raw answer as ``result_to_record`` made it."""

    page_id: int
    engine: str
    request_id: str
    duration_s: float | None
    response_json: str
    recognized_at: str


@dataclass(frozen=True)
class AuditEntry:
    """One change a clerk or the batch made: an edit, a confirmation or a status change.

    ``action`` is ``edit``, ``confirm``, ``unconfirm``, ``status`` or ``recognized``;
    for ``status`` the old and new values are status names.
    """

    id: int
    page_id: int | None
    path: str
    page_index: int
    action: str
    field: str
    old: str
    new: str
    at: str
    user: str


@dataclass(frozen=True)
class Duplicate:
    """Why a page is flagged: ``reason`` is ``same_file`` or ``same_invoice``; ``other`` the twin."""

    page_id: int
    other_page_id: int
    reason: str

    @property
    def label(self) -> T:
        if self.reason == "same_file":
            return T("重复文件", "Same file twice")
        return T(
            "重复发票（发票代码与号码相同，或数电票的号码相同）",
            "Same invoice twice (same code and number, or the same e-invoice number)",
        )
