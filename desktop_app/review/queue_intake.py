"""Adding what the clerk opened to the store queue, without Qt (runs on the documents thread).

The same content twice is not queued twice: a file whose SHA-256 is already in the
queue (a copy under another name) is reported with the queued twin instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.text import LocalizedText
from desktop_app.review.file_collector import collect_files
from desktop_app.store import AddReport, Store
from desktop_app.store.file_scan import sha256_of


@dataclass
class Intake:
    """What adding files did: the store's report, copies skipped, notes about folders."""

    report: AddReport = field(default_factory=AddReport)
    same_content: list[tuple[Path, Path]] = field(default_factory=list)  # (skipped, queued)
    notes: list[LocalizedText] = field(default_factory=list)
    asked: list[Path] = field(default_factory=list)  # the files and folders as the clerk gave them


def add_to_queue(
    store: Store, paths: Iterable[str | Path], page_count: Callable[[Path], int]
) -> Intake:
    """Queue the files in ``paths`` (folders expanded); copies of queued files are skipped."""
    given = [Path(p) for p in paths]
    files, notes = collect_files(given)
    intake = Intake(notes=notes, asked=given)
    queued = {doc.sha256: doc.path for doc in store.documents()}
    queued_paths = {doc.path for doc in store.documents()}
    wanted = []
    for path in files:
        try:
            resolved = path.resolve()
            digest = sha256_of(resolved) if resolved not in queued_paths else ""
        except OSError:
            digest = ""  # unreadable: add_paths reports it with the reason
        if digest and digest in queued:
            intake.same_content.append((path, queued[digest]))
            continue
        if digest:
            queued[digest] = path
        wanted.append(path)
    if wanted:
        intake.report = store.add_paths(wanted, page_count=page_count)
    return intake
