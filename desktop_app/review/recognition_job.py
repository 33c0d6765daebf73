"""What identifies one recognition request, so a late answer can be recognized as stale."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.cancel import CancelToken
from desktop_app.documents.page import PageImage


@dataclass(frozen=True)
class PageKey:
    """A page of an open document: (document id, 0-based page index)."""

    document_id: int
    page_index: int


@dataclass(frozen=True, eq=False)
class RecognitionJob:
    """One run of the recognition: its page, its generation and its cancel token."""

    key: PageKey
    generation: int
    page: PageImage = field(repr=False)
    cancel: CancelToken = field(default_factory=CancelToken, repr=False)
