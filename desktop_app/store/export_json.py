"""JSON export in the service's answer shape, with the clerk's corrected values.

Each page is ``{"Response": {...CarInvoiceInfos, RequestId}, "CarInvoiceDesk": {...}}``:
readers of the service's shape read ``Response`` and ignore the rest; ``CarInvoiceDesk``
says which file and page it is, the review status, whether the export was forced past
failing checks and which. ``out`` ending in ``.json`` gets one bundle
``{"CarInvoiceDesk": {...}, "Pages": [...]}``; any other ``out`` is a folder that gets
one ``<file stem>-p<page>.json`` per page.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app.core.codec import result_to_response
from desktop_app.store.atomic import atomic_write_bytes
from desktop_app.store.export_rows import ExportPage

#: Version of the ``CarInvoiceDesk`` block and bundle layout.
JSON_EXPORT_VERSION = 1


def page_document(page: ExportPage) -> dict[str, Any]:
    """One page as an answer document with the app's block beside ``Response``."""
    return {
        **result_to_response(page.result),
        "CarInvoiceDesk": {
            "SchemaVersion": JSON_EXPORT_VERSION,
            "File": str(page.page.path),
            "Page": page.page.number,
            "Source": page.result.engine,
            "Status": page.page.status.value,
            "Forced": page.forced,
            "Duplicates": list(page.duplicates),
            "CheckErrors": [
                {"Check": e.check_id, "Fields": list(e.fields), "Message": e.message.zh}
                for e in page.errors
            ],
        },
    }


def _dump(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_json_bundle(pages: Sequence[ExportPage], out: Path) -> list[Path]:
    """All pages in one file ``out``."""
    bundle = {
        "CarInvoiceDesk": {
            "SchemaVersion": JSON_EXPORT_VERSION,
            "ExportedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(
                timespec="seconds"
            ),
        },
        "Pages": [page_document(page) for page in pages],
    }
    atomic_write_bytes(out, _dump(bundle))
    return [out]


def write_json_files(pages: Sequence[ExportPage], folder: Path) -> list[Path]:
    """One file per page in ``folder`` (created); names made unique with the page id."""
    written, used = [], set()
    for page in pages:
        name = f"{page.page.path.stem}-p{page.page.number}"
        if name in used:
            name = f"{name}-{page.page.id}"
        used.add(name)
        target = folder / f"{name}.json"
        atomic_write_bytes(target, _dump(page_document(page)))
        written.append(target)
    return written
