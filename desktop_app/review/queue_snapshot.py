"""The review queue as the window shows it: one read of the store, without Qt.

Rebuilt from the store whenever it reports a change (``QueueSnapshot.read``); the
session navigates and the queue panel draws from the latest snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from desktop_app.review.recognition_job import PageKey
from desktop_app.store import DocumentRecord, Duplicate, PageRecord, PageStatus, Store


def key_of(page: PageRecord) -> PageKey:
    """The window's key of a stored page: (document id, 0-based page index)."""
    return PageKey(page.document_id, page.index)


@dataclass(frozen=True)
class QueueSnapshot:
    """Every queued document and page in queue order, with duplicates and the counter."""

    documents: dict[int, DocumentRecord] = field(default_factory=dict)
    pages: list[PageRecord] = field(default_factory=list)
    duplicates: dict[int, list[Duplicate]] = field(default_factory=dict)
    #: Set by ``patched`` when the same pages are queued as before: the pages whose
    #: record or duplicate flags may differ, so views redraw those rows only.
    changed: frozenset[int] | None = None

    @classmethod
    def read(cls, store: Store) -> QueueSnapshot:
        """The store's queue now.

        The three reads are separate queries and files may be added or removed in
        between (on other threads): only documents and pages seen by both reads are kept.
        """
        documents = {d.id: d for d in store.documents()}
        pages = [p for p in store.pages() if p.document_id in documents]
        with_pages = {p.document_id for p in pages}
        documents = {i: d for i, d in documents.items() if i in with_pages}
        return cls(documents, pages, store.duplicates())

    def keys(self) -> list[PageKey]:
        return list(self._index[2])

    @cached_property
    def _index(self) -> tuple[dict[PageKey, PageRecord], dict[int, PageRecord], list[PageKey]]:
        by_key = {key_of(page): page for page in self.pages}
        return by_key, {page.id: page for page in self.pages}, list(by_key)

    def _by_key(self) -> dict[PageKey, PageRecord]:
        return self._index[0]

    def page(self, key: PageKey | None) -> PageRecord | None:
        """The stored page of ``key``, or None when it left the queue."""
        return self._by_key().get(key) if key is not None else None

    def page_by_id(self, page_id: int) -> PageRecord | None:
        return self._index[1].get(page_id)

    def document(self, key: PageKey) -> DocumentRecord:
        """The document of ``key``; ``KeyError`` when it left the queue."""
        return self.documents[key.document_id]

    def label(self, key: PageKey) -> str:
        """``name`` for a one-page file, ``name · 2/5`` for a page of a longer one."""
        doc = self.documents.get(key.document_id)
        if doc is None:
            return "?"
        if doc.page_count == 1:
            return doc.path.name
        return f"{doc.path.name} · {key.page_index + 1}/{doc.page_count}"

    def remaining(self) -> int:
        """Pages neither approved nor rejected ("还剩 N 张待审")."""
        return sum(1 for page in self.pages if not page.status.finished)

    def count(self, status: PageStatus) -> int:
        return sum(1 for page in self.pages if page.status is status)

    def neighbour(self, key: PageKey | None, step: int) -> PageKey | None:
        """The page ``step`` places after ``key`` (negative: before), or None past the ends."""
        keys = self.keys()
        if not keys:
            return None
        if key not in keys:
            return keys[0]
        index = keys.index(key) + step
        return keys[index] if 0 <= index < len(keys) else None

    def next_to_review(self, after: PageKey | None) -> PageKey | None:
        """The first page after ``after`` (wrapping round) still needing the clerk, or None.

        Pages waiting for review come first; new or failed pages after them.
        """
        keys = self.keys()
        start = keys.index(after) + 1 if after in keys else 0
        ordered = [k for k in keys[start:] + keys[:start] if k != after]
        by_key = self._by_key()
        for wanted in ({PageStatus.NEEDS_REVIEW}, {PageStatus.NEW, PageStatus.RECOGNIZING}):
            for key in ordered:
                if by_key[key].status in wanted:
                    return key
        return next((k for k in ordered if not by_key[k].status.finished), None)

    def first_to_review(self) -> PageKey | None:
        """Where a fresh start opens: the first page needing the clerk, else the first page."""
        keys = self.keys()
        if not keys:
            return None
        by_key = self._by_key()
        for key in keys:
            if by_key[key].status is PageStatus.NEEDS_REVIEW:
                return key
        return self.next_to_review(None) or keys[0]

    def with_page(self, page: PageRecord) -> QueueSnapshot:
        """This snapshot with one page's record replaced (a change seen before the next read)."""
        pages = [page if p.id == page.id else p for p in self.pages]
        return QueueSnapshot(self.documents, pages, self.duplicates)

    def patched(self, store: Store, page_ids: set[int]) -> QueueSnapshot:
        """This snapshot with ``page_ids`` read again: the incremental read after an edit.

        Only those pages' records and the duplicate flags they take part in (before
        or after) are read, not the whole queue: with thousands of pages queued a
        field edit must not cost a full read. A page gone from the store leaves.
        """
        fresh: dict[int, PageRecord | None] = {}
        for page_id in page_ids:
            try:
                fresh[page_id] = store.page(page_id)
            except KeyError:  # removed, or its record is damaged
                fresh[page_id] = None
        pages = [fresh.get(p.id, p) for p in self.pages]
        kept = [p for p in pages if p is not None]
        duplicates = dict(self.duplicates)
        touched = set(page_ids)
        for page_id in page_ids:
            touched |= {d.other_page_id for d in duplicates.get(page_id, [])}
            duplicates.pop(page_id, None)
            now = store.duplicates_of(page_id) if fresh.get(page_id) is not None else []
            if now:
                duplicates[page_id] = now
            touched |= {d.other_page_id for d in now}
        for other in touched - set(page_ids):
            now = store.duplicates_of(other)
            if now:
                duplicates[other] = now
            else:
                duplicates.pop(other, None)
        same_pages = len(kept) == len(pages)
        return QueueSnapshot(
            self.documents, kept, duplicates, frozenset(touched) if same_pages else None
        )
