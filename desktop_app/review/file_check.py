"""Is a queued file still the file that was queued? Without Qt.

The window shows a page only from the file whose content was queued: a moved or
deleted file, or one whose content changed since (another invoice saved under the
same name), would otherwise show something else under the page's name.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from desktop_app.store import DocumentRecord
from desktop_app.store.file_scan import sha256_of


class FileProblem(str, Enum):
    """Why a queued file cannot be shown."""

    MISSING = "missing"
    CHANGED = "changed"


def file_problem(document: DocumentRecord) -> FileProblem | None:
    """What is wrong with ``document``'s file now, or None when it is the file queued."""
    path = Path(document.path)
    if not path.is_file():
        return FileProblem.MISSING
    try:
        same = sha256_of(path) == document.sha256
    except OSError:
        return FileProblem.MISSING
    return None if same else FileProblem.CHANGED


def is_the_same_file(document: DocumentRecord, candidate: Path) -> bool:
    """``candidate`` holds exactly the content ``document`` was queued with."""
    try:
        return candidate.is_file() and sha256_of(candidate) == document.sha256
    except OSError:
        return False
