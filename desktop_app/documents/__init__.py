"""Opening what clerks have: images, PDFs and OFDs, as page images at a known size.

The only package that imports PyMuPDF and Pillow. ``open_document(path)`` gives a
``Document`` whose ``page_image(index, dpi)`` returns a ``PageImage`` (PNG or JPEG
bytes and their pixel size); ``fit_for_upload`` shrinks a page under the cloud's
size limit. Failures are ``DocumentError`` subclasses with a clerk-readable message.
Every PyMuPDF call of the process runs on one thread (``mupdf_thread.on_mupdf_thread``):
PyMuPDF is not thread-safe. New PyMuPDF code in this package must go through it too.

Importing this package, ``page``, ``errors``, ``formats`` or ``limits`` is cheap:
PyMuPDF and Pillow load only when ``open_document``, ``Document`` or
``fit_for_upload`` is first used, so layers that only pass ``PageImage`` along
(recognition, tests without PDFs) do not pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from desktop_app.documents.errors import (
    CorruptFile,
    DamagedOfd,
    DocumentError,
    EmptyFile,
    EncryptedPdf,
    FileNotFound,
    FileTooLarge,
    FileUnreadable,
    ImageTooLarge,
    NotAnOfd,
    OfdTooLarge,
    PageOutOfRange,
    UnsupportedFormat,
    UploadTooLarge,
)
from desktop_app.documents.formats import SUPPORTED_SUFFIXES, is_supported_path
from desktop_app.documents.page import PageImage

if TYPE_CHECKING:
    from desktop_app.documents.document import Document, open_document
    from desktop_app.documents.upload import fit_for_upload

_LAZY = {
    "Document": "desktop_app.documents.document",
    "open_document": "desktop_app.documents.document",
    "fit_for_upload": "desktop_app.documents.upload",
}

__all__ = [
    "SUPPORTED_SUFFIXES",
    "CorruptFile",
    "DamagedOfd",
    "Document",
    "DocumentError",
    "EmptyFile",
    "EncryptedPdf",
    "FileNotFound",
    "FileTooLarge",
    "FileUnreadable",
    "ImageTooLarge",
    "NotAnOfd",
    "OfdTooLarge",
    "PageImage",
    "PageOutOfRange",
    "UnsupportedFormat",
    "UploadTooLarge",
    "fit_for_upload",
    "is_supported_path",
    "open_document",
]


def __getattr__(name: str) -> Any:
    """Import the PyMuPDF/Pillow-backed names on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
