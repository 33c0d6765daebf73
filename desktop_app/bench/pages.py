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
    """One manifest entry: the file, its condition (``mode``) and its truth.

    ``mode`` is the manifest's ``condition`` where it has one (the paper-page
    generator's), else its ``mode`` (dev's); ``generation`` the paper form's
    generation (``motor-2015``, ``einvoice`` …), empty where the manifest has none;
    ``planted`` the check failure printed on purpose on the page, if any.

    ``layout`` and ``holdout`` come from generated e-invoice folders (the holdout
    layout is never used for tuning); ``format`` is the manifest's (pdf, ofd, scan)
    or, where it has none, the file's kind (pdf, ofd, image).
    """

    path: Path
    kind: str
    mode: str
    truth: RecognitionResult
    layout: str = ""
    format: str = ""
    holdout: bool = False
    generation: str = ""
    planted: str = ""  # the check failure printed on purpose (paper-page generator)

    @property
    def stem(self) -> str:
        return self.path.stem


def load_pages(folder: Path) -> list[BenchPage]:
    """Every page listed in ``folder/manifest.json``, in manifest order."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for entry in manifest:
        truth = json.loads((folder / entry["truth"]).read_text(encoding="utf-8"))
        path = folder / entry["file"]
        pages.append(
            BenchPage(
                path,
                entry.get("kind", ""),
                entry.get("condition") or entry.get("mode", ""),
                parse_response(truth),
                layout=entry.get("layout", ""),
                format=entry.get("format") or file_kind(path),
                holdout=bool(entry.get("holdout", False)),
                generation=entry.get("generation", ""),
                planted=entry.get("planted", ""),
            )
        )
    return pages


def file_kind(path: Path) -> str:
    """``pdf``, ``ofd`` or ``image`` by the file's extension (for folders without formats)."""
    suffix = path.suffix.lower()
    return {".pdf": "pdf", ".ofd": "ofd", ".xml": "xml"}.get(suffix, "image")


def page_image(path: Path) -> PageImage:
    """The first page of ``path`` as the app would recognize it (PDFs at 150 dpi)."""
    from desktop_app.documents import open_document

    document = open_document(path)
    try:
        return document.page_image(0, PDF_DPI)
    finally:
        document.close()
