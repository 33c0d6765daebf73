"""The documents the clerk opened and their pages, in order (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.ui.recognition_job import PageKey


@dataclass
class OpenDocument:
    """One opened file."""

    document_id: int
    path: Path
    page_count: int


class OpenDocuments:
    """Every page of every open document, in the order the files were opened."""

    def __init__(self) -> None:
        self.documents: dict[int, OpenDocument] = {}
        self.approved: set[PageKey] = set()

    def add(self, document: OpenDocument) -> None:
        self.documents[document.document_id] = document

    def find(self, path: Path) -> OpenDocument | None:
        """The open document of ``path`` (the same file, however it is spelled), or None."""
        wanted = Path(path).resolve()
        for document in self.documents.values():
            if document.path.resolve() == wanted:
                return document
        return None

    def pages(self) -> list[PageKey]:
        return [
            PageKey(doc.document_id, index)
            for doc in self.documents.values()
            for index in range(doc.page_count)
        ]

    def document(self, key: PageKey) -> OpenDocument:
        return self.documents[key.document_id]

    def label(self, key: PageKey) -> str:
        """``name`` for a one-page file, ``name · 2/5`` for a page of a longer one."""
        doc = self.documents[key.document_id]
        if doc.page_count == 1:
            return doc.path.name
        return f"{doc.path.name} · {key.page_index + 1}/{doc.page_count}"

    def neighbour(self, key: PageKey | None, step: int) -> PageKey | None:
        """The page ``step`` places after ``key`` (negative: before), or None past the ends."""
        pages = self.pages()
        if not pages:
            return None
        if key not in pages:
            return pages[0]
        index = pages.index(key) + step
        return pages[index] if 0 <= index < len(pages) else None

    def next_unapproved(self, key: PageKey | None) -> PageKey | None:
        """The first page after ``key`` not approved yet (wrapping round), or None."""
        pages = self.pages()
        start = pages.index(key) + 1 if key in pages else 0
        for candidate in pages[start:] + pages[:start]:
            if candidate != key and candidate not in self.approved:
                return candidate
        return None
