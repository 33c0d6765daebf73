"""The review half of the store: results in, edits, confirmations, statuses, the audit trail.

Every call is one committed transaction: an edit is on disk when the call returns.
Every edit, confirmation and status change also writes an audit entry in the same
transaction, stamped with the OS user name.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import replace

from desktop_app.core.codec import parse_response, result_to_record
from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.store.database import Database, now_text
from desktop_app.store.errors import DamagedRecord
from desktop_app.store.owner import owner_alive
from desktop_app.store.records import AuditEntry, FieldValue, PageStatus, RecognitionRecord
from desktop_app.store.rows import audit_entry, damaged, field_value, recognition_record
from desktop_app.store.user import current_user


class ReviewMixin:
    """Results, edits and statuses of pages. Part of :class:`Store`."""

    _db: Database
    _notify: Callable[[str, int | None], None]
    user: str
    owner: str

    # -- statuses
    def set_status(
        self,
        page_id: int,
        status: PageStatus,
        *,
        error_code: str = "",
        error_message: str = "",
        reject_reason: str = "",
        note: str = "",
    ) -> None:
        """Move a page to ``status``; the error and reject fields are replaced by the given ones.

        ``note`` goes to the audit entry only (why the status changed).
        """
        with self._db.transaction() as conn:
            self._write_status(
                conn, page_id, status, error_code, error_message, reject_reason, note
            )
        self._notify("status", page_id)

    def approve(self, page_id: int, note: str = "") -> None:
        """The clerk accepts the page's values; ``note`` says what was approved over, if anything."""
        self.set_status(page_id, PageStatus.APPROVED, note=note)

    def reject(self, page_id: int, reason: str) -> None:
        """The clerk sends the page back, saying why."""
        self.set_status(page_id, PageStatus.REJECTED, reject_reason=reason)

    def mark_failed(self, page_id: int, code: str, message: str) -> None:
        """Recognition of the page failed for good; ``message`` is what the clerk reads."""
        self.set_status(page_id, PageStatus.FAILED, error_code=code, error_message=message)

    def requeue(self, page_id: int) -> None:
        """Ask for the page to be recognized again (re-recognize): back to new."""
        self.set_status(page_id, PageStatus.NEW)

    def new_page_ids(self, page_ids: Iterable[int] | None = None) -> list[int]:
        """Ids of the new pages (all, or those among ``page_ids``), in queue order."""
        wanted = None if page_ids is None else set(page_ids)
        rows = self._db.query(
            "SELECT id FROM pages WHERE status = 'new' ORDER BY document_id, page_index"
        )
        return [r["id"] for r in rows if wanted is None or r["id"] in wanted]

    def claim_page(self, page_id: int) -> bool:
        """Move a new page to recognizing; False when it is no longer new (or gone).

        The batch claims each page when it starts on it, so pages waiting in a paused
        or cancelled batch stay new, and a crash leaves at most one page per worker
        recognizing (``recover_interrupted`` puts those back).
        """
        with self._db.transaction() as conn:
            row = conn.execute("SELECT status FROM pages WHERE id = ?", (page_id,)).fetchone()
            if row is None or row["status"] != PageStatus.NEW.value:
                return False
            self._write_status(conn, page_id, PageStatus.RECOGNIZING, "", "", "")
            conn.execute("UPDATE pages SET claimed_by = ? WHERE id = ?", (self.owner, page_id))
        self._notify("status", page_id)
        return True

    def recover_interrupted(self) -> int:
        """Put pages a crashed process left recognizing back to new; how many there were.

        Only pages whose claiming process is gone (``owner.owner_alive``): a batch
        running in another process keeps its pages.
        """
        with self._db.transaction() as conn:
            rows = conn.execute(
                "SELECT id, claimed_by FROM pages WHERE status = ?",
                (PageStatus.RECOGNIZING.value,),
            ).fetchall()
            ids = [r["id"] for r in rows if not owner_alive(r["claimed_by"], self.owner)]
            for page_id in ids:
                self._write_status(conn, page_id, PageStatus.NEW, "", "", "")
        return len(ids)

    def _write_status(
        self,
        conn: sqlite3.Connection,
        page_id: int,
        status: PageStatus,
        error_code: str,
        error_message: str,
        reject_reason: str,
        note: str = "",
    ) -> None:
        row = conn.execute("SELECT status FROM pages WHERE id = ?", (page_id,)).fetchone()
        if row is None:
            raise KeyError(f"no page {page_id}")
        conn.execute(
            "UPDATE pages SET status = ?, error_code = ?, error_message = ?, reject_reason = ?, "
            "updated_at = ? WHERE id = ?",
            (status.value, error_code, error_message, reject_reason, now_text(), page_id),
        )
        detail = reject_reason or error_message or note
        self._audit(conn, page_id, "status", "", row["status"], status.value, detail)

    # -- results
    def save_recognition(self, page_id: int, result: RecognitionResult) -> None:
        """Store an engine's answer for the page: raw response, field values, needs review.

        A page recognized again gets fresh field values (earlier edits stay in the audit trail).
        """
        response = json.dumps(result_to_record(result), ensure_ascii=False)
        form = result.form_type
        now = now_text()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO recognitions (page_id, engine, request_id, duration_s, "
                "response_json, recognized_at) VALUES (?, ?, ?, ?, ?, ?)",
                (page_id, result.engine, result.request_id, result.duration_s, response, now),
            )
            conn.execute("DELETE FROM field_values WHERE page_id = ?", (page_id,))
            conn.executemany(
                "INSERT OR IGNORE INTO field_values (page_id, name, position, recognized_value, "
                "current_value) VALUES (?, ?, ?, ?, ?)",
                [(page_id, f.name, i, f.value, f.value) for i, f in enumerate(result.fields)],
            )
            form_text = form.value if form is not None else None
            conn.execute("UPDATE pages SET form_type = ? WHERE id = ?", (form_text, page_id))
            conn.execute(
                "UPDATE documents SET form_type = COALESCE(form_type, ?) WHERE id = "
                "(SELECT document_id FROM pages WHERE id = ?)",
                (form_text, page_id),
            )
            engine = f"{result.engine} {result.request_id}".strip()
            self._audit(conn, page_id, "recognized", "", "", engine)
            self._write_status(conn, page_id, PageStatus.NEEDS_REVIEW, "", "", "")
        self._notify("recognized", page_id)

    def recognition(self, page_id: int) -> RecognitionRecord | None:
        """The latest recognition of the page, or None when it has none."""
        rows = self._db.query(
            "SELECT * FROM recognitions WHERE page_id = ? ORDER BY id DESC LIMIT 1", (page_id,)
        )
        return recognition_record(rows[0]) if rows else None

    def recognized_result(self, page_id: int) -> RecognitionResult | None:
        """The latest answer as the engine gave it (no edits), or None when it has none.

        The review window rebuilds a page from it and ``field_values`` after a restart,
        without recognizing the page again.
        """
        record = self.recognition(page_id)
        if record is None:
            return None
        return self._parse_record(record)

    def corrected_result(self, page_id: int) -> RecognitionResult | None:
        """The latest answer with the clerk's current values in place of the recognized ones.

        Fields the clerk added (absent from the answer) are appended without a location.
        """
        record = self.recognition(page_id)
        if record is None:
            return None
        result = self._parse_record(record)
        known = {f.name for f in result.fields}
        extra = []
        for value in self.field_values(page_id):
            if value.name in known:
                result = result.with_value(value.name, value.current)
            else:
                extra.append(RecognizedField(value.name, value.current))
        if extra:
            result = replace(result, fields=(*result.fields, *extra))
        return result

    def _parse_record(self, record: RecognitionRecord) -> RecognitionResult:
        """The stored answer; ``DamagedRecord`` naming the page when it cannot be read."""
        try:
            if damaged(record.response_json, record.engine):
                raise ValueError("text that is not UTF-8")
            return parse_response(json.loads(record.response_json), engine=record.engine)
        except (ValueError, RecognitionError) as exc:  # JSONDecodeError is a ValueError
            raise self._damaged(record.page_id, f"stored answer: {exc}") from None

    def _damaged(self, page_id: int, detail: str) -> DamagedRecord:
        """The error naming page ``page_id`` (by id alone when its own row is damaged too)."""
        try:
            page = self.page(page_id)  # type: ignore[attr-defined]
        except KeyError:
            return DamagedRecord(f"#{page_id}", page="?", detail=detail)
        return DamagedRecord(page.path, page=page.number, detail=detail)

    # -- fields
    def field_values(self, page_id: int) -> list[FieldValue]:
        """The page's fields in answer order (fields the clerk added last)."""
        rows = self._db.query(
            "SELECT * FROM field_values WHERE page_id = ? ORDER BY position, name", (page_id,)
        )
        if any(damaged(*tuple(r)) for r in rows):
            raise self._damaged(page_id, "a field value is not UTF-8")
        return [field_value(r) for r in rows]

    def values(self, page_id: int) -> dict[str, str]:
        """Field name → current value, for checks and export."""
        return {v.name: v.current for v in self.field_values(page_id)}

    def edit_field(self, page_id: int, name: str, value: str) -> FieldValue:
        """Set a field's current value (adding the field when the answer lacked it)."""
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT * FROM field_values WHERE page_id = ? AND name = ?", (page_id, name)
            ).fetchone()
            old = row["current_value"] if row is not None else ""
            if row is None:
                conn.execute(
                    "INSERT INTO field_values (page_id, name, position, recognized_value, "
                    "current_value) VALUES (?, ?, (SELECT COALESCE(MAX(position), -1) + 1 "
                    "FROM field_values WHERE page_id = ?), '', ?)",
                    (page_id, name, page_id, value),
                )
            elif old != value:
                conn.execute(
                    "UPDATE field_values SET current_value = ? WHERE page_id = ? AND name = ?",
                    (value, page_id, name),
                )
            if old != value or row is None:
                self._audit(conn, page_id, "edit", name, old, value)
            reopened = old != value and self._reopen_if_approved(conn, page_id)
        self._notify("edited", page_id)
        if reopened:
            self._notify("status", page_id)
        return self._field(page_id, name)

    def _reopen_if_approved(self, conn: sqlite3.Connection, page_id: int) -> bool:
        """An approval covers the values approved: a changed value puts the page back to review."""
        row = conn.execute("SELECT status FROM pages WHERE id = ?", (page_id,)).fetchone()
        if row is None or row["status"] != PageStatus.APPROVED.value:
            return False
        self._write_status(conn, page_id, PageStatus.NEEDS_REVIEW, "", "", "", "通过后修改了字段")
        return True

    def confirm_field(self, page_id: int, name: str, confirmed: bool = True) -> FieldValue:
        """Mark a field as checked by the clerk (or take the mark back).

        A field the answer lacked (an empty schema field the clerk confirms as empty)
        gets a row with empty values first.
        """
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO field_values (page_id, name, position, recognized_value, "
                "current_value) VALUES (?, ?, (SELECT COALESCE(MAX(position), -1) + 1 "
                "FROM field_values WHERE page_id = ?), '', '')",
                (page_id, name, page_id),
            )
            cursor = conn.execute(
                "UPDATE field_values SET confirmed = ? WHERE page_id = ? AND name = ? "
                "AND confirmed != ?",
                (int(confirmed), page_id, name, int(confirmed)),
            )
            if cursor.rowcount:
                action = "confirm" if confirmed else "unconfirm"
                self._audit(conn, page_id, action, name, "", "")
        self._notify("edited", page_id)
        return self._field(page_id, name)

    def _field(self, page_id: int, name: str) -> FieldValue:
        rows = self._db.query(
            "SELECT * FROM field_values WHERE page_id = ? AND name = ?", (page_id, name)
        )
        if not rows:
            raise KeyError(f"page {page_id} has no field {name!r}")
        return field_value(rows[0])

    # -- audit
    def audit_trail(self, page_ids: Iterable[int] | None = None) -> list[AuditEntry]:
        """Audit entries, oldest first; only those of ``page_ids`` when given."""
        rows = self._db.query("SELECT * FROM audit_log ORDER BY id")
        wanted = None if page_ids is None else set(page_ids)
        return [audit_entry(r) for r in rows if wanted is None or r["page_id"] in wanted]

    def _audit(
        self,
        conn: sqlite3.Connection,
        page_id: int,
        action: str,
        field: str,
        old: str,
        new: str,
        detail: str = "",
    ) -> None:
        page = conn.execute(
            "SELECT d.path, p.page_index FROM pages p JOIN documents d ON d.id = p.document_id "
            "WHERE p.id = ?",
            (page_id,),
        ).fetchone()
        if page is None:
            raise KeyError(f"no page {page_id}")
        new_text = f"{new} ({detail})" if detail and action == "status" else new
        conn.execute(
            "INSERT INTO audit_log (page_id, path, page_index, action, field, old_value, "
            "new_value, at, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                page_id,
                page["path"],
                page["page_index"],
                action,
                field,
                old,
                new_text,
                now_text(),
                self.user or current_user(),
            ),
        )
