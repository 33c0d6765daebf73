"""The pages of a benchmark folder: manifest.json, the files and their truth answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.codec import parse_response
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage

#: PDF pages are rendered at this resolution; the truth boxes of PDFs use it too.
PDF_DPI = 150.0


@dataclass(frozen=True)
class BenchPage:
    """One manifest entry: the file, its condition (``mode``) and its truth."""

    path: Path
    kind: str
    mode: str
    truth: RecognitionResult

    @property
    def stem(self) -> str:
        return self.path.stem


def load_pages(folder: Path) -> list[BenchPage]:
    """Every page listed in ``folder/manifest.json``, in manifest order."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for entry in manifest:
        truth = json.loads((folder / entry["truth"]).read_text(encoding="utf-8"))
        pages.append(
            BenchPage(
                folder / entry["file"],
                entry.get("kind", ""),
                entry.get("mode", ""),
                parse_response(truth),
            )
        )
    return pages


def page_image(path: Path) -> PageImage:
    """The first page of ``path`` as the app would recognize it (PDFs at 150 dpi)."""
    from desktop_app.documents import open_document

    document = open_document(path)
    try:
        return document.page_image(0, PDF_DPI)
    finally:
        document.close()
