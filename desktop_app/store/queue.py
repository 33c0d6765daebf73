"""The queue half of the store: documents and pages in, out, listed, and where the clerk is."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import CarInvoiceError
from desktop_app.documents.errors import FileUnreadable
from desktop_app.store.database import Database, now_text
from desktop_app.store.errors import DamagedRecord
from desktop_app.store.file_scan import count_pages, expand_paths, sha256_of
from desktop_app.store.records import DocumentRecord, PageRecord, PageStatus
from desktop_app.store.rows import PAGE_COLUMNS, PAGE_FROM, damaged, document_record, page_record

_CURRENT_PAGE = "current_page"
log = logging.getLogger(__name__)


@dataclass
class AddReport:
    """What ``add_paths`` did: documents added, files already queued, files it could not open."""

    added: list[DocumentRecord] = field(default_factory=list)
    already_queued: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, CarInvoiceError]] = field(default_factory=list)


class QueueMixin:
    """Adding, removing and listing; the current page. Part of :class:`Store`."""

    _db: Database
    _notify: Callable[[str, int | None], None]

    def add_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        page_count: Callable[[Path], int] = count_pages,
    ) -> AddReport:
        """Queue every supported file in ``paths`` (folders recursively), each page as new.

        A file already queued (same path) is reported, not added again; a file that
        cannot be opened is reported with its ``DocumentError``. Opens each file on
        the calling thread to count its pages (``page_count`` is injectable).
        """
        report = AddReport()
        for path in expand_paths(paths):
            absolute = path.resolve()
            if self._document_id_of(absolute) is not None:
                report.already_queued.append(path)
                continue
            try:
                pages = page_count(absolute)
                digest = sha256_of(absolute)
            except CarInvoiceError as exc:
                report.failed.append((path, exc))
                continue
            except OSError as exc:
                report.failed.append((path, FileUnreadable(path, detail=str(exc))))
                continue
            report.added.append(self.add_document(absolute, digest, pages))
        return report

    def add_document(self, path: Path, sha256: str, page_count: int) -> DocumentRecord:
        """Queue one file whose hash and page count are known; its pages start as new."""
        now = now_text()
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO documents (path, sha256, page_count, added_at) VALUES (?, ?, ?, ?)",
                (str(path), sha256, page_count, now),
            )
            document_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT INTO pages (document_id, page_index, updated_at) VALUES (?, ?, ?)",
                [(document_id, index, now) for index in range(page_count)],
            )
        self._notify("added", None)
        return self.document(document_id)

    def _document_id_of(self, path: Path) -> int | None:
        rows = self._db.query("SELECT id FROM documents WHERE path = ?", (str(path),))
        return int(rows[0]["id"]) if rows else None

    def remove_document(self, document_id: int) -> None:
        """Take a document and its pages, results and edits out of the queue (audit stays)."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        self._notify("removed", None)

    def relocate_document(self, document_id: int, path: Path) -> DocumentRecord:
        """The file of ``document_id`` was moved: it is now at ``path`` (same content).

        The caller checks the content hash; the audit trail of its first page says where
        the file was and where it is.
        """
        path = path.resolve()
        with self._db.transaction() as conn:
            row = conn.execute("SELECT path FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                raise KeyError(f"no document {document_id}")
            conn.execute("UPDATE documents SET path = ? WHERE id = ?", (str(path), document_id))
            first = conn.execute(
                "SELECT id FROM pages WHERE document_id = ? ORDER BY page_index LIMIT 1",
                (document_id,),
            ).fetchone()
            if first is not None:
                self._audit(conn, first["id"], "relocate", "", row["path"], str(path))  # type: ignore[attr-defined]
        self._notify("added", None)
        return self.document(document_id)

    def document(self, document_id: int) -> DocumentRecord:
        """The document ``document_id``; ``KeyError`` when it is not in the queue."""
        rows = self._db.query("SELECT * FROM documents WHERE id = ?", (document_id,))
        if not rows:
            raise KeyError(f"no document {document_id}")
        return document_record(rows[0])

    def documents(self) -> list[DocumentRecord]:
        """Every queued document, in the order they were added."""
        rows = self._db.query("SELECT * FROM documents ORDER BY id")
        return [document_record(r) for r in rows if not damaged(*tuple(r))]

    def page(self, page_id: int) -> PageRecord:
        """The page ``page_id``; ``KeyError`` when it is not in the queue."""
        rows = self._db.query(f"SELECT {PAGE_COLUMNS} FROM {PAGE_FROM} WHERE p.id = ?", (page_id,))
        if not rows:
            raise KeyError(f"no page {page_id}")
        return page_record(rows[0])

    def pages(
        self,
        status: PageStatus | Iterable[PageStatus] | None = None,
        *,
        document_id: int | None = None,
    ) -> list[PageRecord]:
        """Queued pages in queue order (document added, then page), optionally filtered."""
        where, params = ["1 = 1"], []
        if status is not None:
            statuses = [status] if isinstance(status, PageStatus) else list(status)
            where.append(f"p.status IN ({', '.join('?' * len(statuses))})")
            params += [s.value for s in statuses]
        if document_id is not None:
            where.append("p.document_id = ?")
            params.append(document_id)
        sql = (
            f"SELECT {PAGE_COLUMNS} FROM {PAGE_FROM} WHERE {' AND '.join(where)} "
            "ORDER BY p.document_id, p.page_index"
        )
        return _readable_pages(self._db.query(sql, tuple(params)))

    def status_counts(self) -> dict[PageStatus, int]:
        """How many pages are in each status (every status present, zero included)."""
        counts = dict.fromkeys(PageStatus, 0)
        for row in self._db.query("SELECT status, COUNT(*) AS n FROM pages GROUP BY status"):
            with contextlib.suppress(ValueError):  # a damaged status is counted nowhere
                counts[PageStatus(row["status"])] = int(row["n"])
        return counts

    def remaining_to_review(self) -> int:
        """Pages still needing the clerk: neither approved nor rejected ("还剩 N 张待审")."""
        rows = self._db.query(
            "SELECT COUNT(*) AS n FROM pages WHERE status NOT IN ('approved', 'rejected')"
        )
        return int(rows[0]["n"])

    def set_current_page(self, page_id: int | None) -> None:
        """Remember the page the clerk has open, so a restart opens it again."""
        with self._db.transaction() as conn:
            if page_id is None:
                conn.execute("DELETE FROM session WHERE key = ?", (_CURRENT_PAGE,))
            else:
                conn.execute(
                    "INSERT INTO session (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (_CURRENT_PAGE, str(page_id)),
                )

    def current_page(self) -> PageRecord | None:
        """The page the clerk had open, or None (never set, or since removed)."""
        rows = self._db.query("SELECT value FROM session WHERE key = ?", (_CURRENT_PAGE,))
        if not rows:
            return None
        try:
            return self.page(int(rows[0]["value"]))
        except (KeyError, ValueError):
            return None


def _readable_pages(rows: list) -> list[PageRecord]:
    """The pages of ``rows``, damaged ones logged and left out (named once each)."""
    pages = []
    for row in rows:
        try:
            pages.append(page_record(row))
        except DamagedRecord as exc:
            if exc.detail not in _reported:
                _reported.add(exc.detail)
                log.warning("%s (%s)", exc.one_line("en"), exc.detail)
    return pages


_reported: set[str] = set()
