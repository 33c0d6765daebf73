"""Converting ``sqlite3.Row`` objects into the store's records.

A damaged row (text that is not UTF-8, a status this app does not know) raises
``DamagedRecord`` naming its page, so the caller can skip that page and go on:
``decode_text`` is the connection's text factory and marks undecodable text
instead of failing the whole query.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.core.schema import FormType
from desktop_app.store.errors import DamagedRecord
from desktop_app.store.records import (
    AuditEntry,
    DocumentRecord,
    FieldValue,
    PageRecord,
    PageStatus,
    RecognitionRecord,
)

PAGE_COLUMNS = """
    p.id, p.document_id, d.path, p.page_index, p.status, p.form_type, p.error_code,
    p.error_message, p.reject_reason, p.updated_at
"""
PAGE_FROM = "pages AS p JOIN documents AS d ON d.id = p.document_id"


class DamagedText(str):
    """Text SQLite holds that is not UTF-8, shown with replacement characters."""


def decode_text(data: bytes) -> str:
    """SQLite text as ``str``; invalid UTF-8 becomes ``DamagedText`` rather than an error."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return DamagedText(data.decode("utf-8", "replace"))


def damaged(*values: object) -> bool:
    """Whether any of ``values`` is text SQLite could not decode."""
    return any(isinstance(v, DamagedText) for v in values)


def form_or_none(text: str | None) -> FormType | None:
    """The form stored as its 发票类型 text, or None (unknown, or a value from a newer app)."""
    try:
        return FormType(text) if text else None
    except ValueError:
        return None


def document_record(row: sqlite3.Row) -> DocumentRecord:
    return DocumentRecord(
        id=row["id"],
        path=Path(row["path"]),
        sha256=row["sha256"],
        page_count=row["page_count"],
        form_type=form_or_none(row["form_type"]),
        added_at=row["added_at"],
    )


def page_record(row: sqlite3.Row) -> PageRecord:
    """The page of ``row``; ``DamagedRecord`` when its status or text is damaged."""
    try:
        status = PageStatus(row["status"])
    except ValueError:
        status = None
    if status is None or damaged(*tuple(row)):
        raise DamagedRecord(
            str(row["path"]), page=int(row["page_index"]) + 1, detail=f"page id {row['id']}"
        )
    return PageRecord(
        id=row["id"],
        document_id=row["document_id"],
        path=Path(row["path"]),
        index=row["page_index"],
        status=status,
        form_type=form_or_none(row["form_type"]),
        error_code=row["error_code"],
        error_message=row["error_message"],
        reject_reason=row["reject_reason"],
        updated_at=row["updated_at"],
    )


def field_value(row: sqlite3.Row) -> FieldValue:
    return FieldValue(
        name=row["name"],
        recognized=row["recognized_value"],
        current=row["current_value"],
        confirmed=bool(row["confirmed"]),
    )


def recognition_record(row: sqlite3.Row) -> RecognitionRecord:
    return RecognitionRecord(
        page_id=row["page_id"],
        engine=row["engine"],
        request_id=row["request_id"],
        duration_s=row["duration_s"],
        response_json=row["response_json"],
        recognized_at=row["recognized_at"],
    )


def audit_entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        page_id=row["page_id"],
        path=row["path"],
        page_index=row["page_index"],
        action=row["action"],
        field=row["field"],
        old=row["old_value"],
        new=row["new_value"],
        at=row["at"],
        user=row["user"],
    )
