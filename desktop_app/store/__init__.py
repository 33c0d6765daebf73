"""Persistence of the review queue, results, edits and exports (SQLite, Qt-free).

``open_store()`` gives the :class:`Store`; exports live in ``export_*`` modules and
``export.export_from_store``. Nothing here imports Qt.
"""

from desktop_app.store.errors import (
    DamagedRecord,
    DatabaseCorrupt,
    DatabaseEmpty,
    DatabaseReadOnly,
    DatabaseTooNew,
    DatabaseUnavailable,
    DiskFull,
    StoreError,
)
from desktop_app.store.queue import AddReport
from desktop_app.store.records import (
    AuditEntry,
    DocumentRecord,
    Duplicate,
    FieldValue,
    PageRecord,
    PageStatus,
    RecognitionRecord,
)
from desktop_app.store.store import Store, StoreListener, open_store

__all__ = [
    "AddReport",
    "AuditEntry",
    "DamagedRecord",
    "DatabaseCorrupt",
    "DatabaseEmpty",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DatabaseUnavailable",
    "DiskFull",
    "DocumentRecord",
    "Duplicate",
    "FieldValue",
    "PageRecord",
    "PageStatus",
    "RecognitionRecord",
    "Store",
    "StoreError",
    "StoreListener",
    "open_store",
]
