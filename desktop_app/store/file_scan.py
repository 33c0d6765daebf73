"""Turning what a clerk dropped (files and folders) into the files the app opens.

Folders are walked recursively; only extensions ``documents.is_supported_path``
accepts are taken, in a stable order (sorted by path), each file once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop_app.documents.formats import is_supported_path

_CHUNK = 1 << 20


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every supported file named in ``paths`` or found under a folder in it, each once.

    Files named explicitly are kept whatever their extension (the clerk chose them;
    opening decides by content); files inside folders must have a supported extension.
    Hidden files and folders (``.name``) inside folders are skipped. Missing paths are
    kept so the caller reports them.
    """
    seen: set[Path] = set()
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found = _walk(path) if path.is_dir() else [path]
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def _walk(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith(".") and is_supported_path(name):
                files.append(Path(root) / name)
    return sorted(files)


def iter_pages(
    paths: Iterable[str | os.PathLike[str]],
    page_count: Callable[[Path], int] | None = None,
) -> Iterator[tuple[Path, int]]:
    """``(file, page_index)`` for every page of every file ``expand_paths`` finds.

    ``page_count(path) -> int`` defaults to opening the file with ``documents``;
    it raises ``DocumentError`` for a file that cannot be opened, which this
    generator lets through (to report a bad file and go on, call it per file of
    ``expand_paths``, as ``batch.recognize_many`` does).
    """
    count = page_count or count_pages
    for path in expand_paths(paths):
        for index in range(count(path)):
            yield path, index


def count_pages(path: Path) -> int:
    """How many pages ``path`` has (opens it with PyMuPDF/Pillow on this thread)."""
    from desktop_app.documents.document import open_document

    with open_document(path) as document:
        return document.page_count


def sha256_of(path: Path) -> str:
    """The hex SHA-256 of the file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
