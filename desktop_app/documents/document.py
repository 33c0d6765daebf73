"""An open file and how to get one: ``open_document(path) -> Document``.

A file is opened by what its bytes are, not by its extension (see ``formats``);
when the two disagree the file is opened by content and ``Document.note`` tells
the clerk, which is friendlier than refusing a PDF that a mail gateway renamed.
"""

from __future__ import annotations

import math
import os
import stat
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Protocol

from desktop_app.core.text import LocalizedText
from desktop_app.documents.errors import (
    EmptyFile,
    FileNotFound,
    FileTooLarge,
    FileUnreadable,
    PageOutOfRange,
    UnsupportedFormat,
)
from desktop_app.documents.formats import OFD, PDF, XML, format_for_suffix, sniff_data
from desktop_app.documents.image_pages import ImagePages
from desktop_app.documents.limits import DEFAULT_DPI, MAX_DPI, MAX_FILE_BYTES, MAX_PIXELS
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import PageText

_MISLABELLED = LocalizedText(
    "文件“{name}”的扩展名与内容不符：内容是 {format}，已按 {format} 打开。",
    "“{name}” is not what its extension says: it contains {format} and was opened as {format}.",
)


class PageSource(Protocol):
    """What renders a document's pages: ``ImagePages`` (Pillow) or ``PdfPages`` (PyMuPDF)."""

    page_count: int

    def render(self, index: int, dpi: float) -> PageImage:
        """Page ``index``, already checked to exist."""
        ...

    def page_text(self, index: int, dpi: float) -> PageText | None:
        """Page ``index``'s own text, or ``None`` when it has none to trust."""
        ...

    def close(self) -> None:
        """Free what the source holds."""
        ...


class Document:
    """A file opened by ``open_document``: ``page_count`` pages, each rendered on demand.

    Use a document from one thread at a time. Its PyMuPDF calls run on the
    process's one PyMuPDF thread (``mupdf_thread``), so documents opened on
    different threads may render at once without crashing MuPDF. The
    ``PageImage`` values it returns are immutable and may go to any thread.

    ``format`` is ``"PDF"``, ``"OFD"``, ``"PNG"``, ``"JPEG"``, ``"BMP"``, ``"TIFF"``,
    ``"WEBP"`` or ``"GIF"``, as found in the content. ``note`` tells the clerk
    something worth knowing about how the file was opened (its extension lied
    about its content), or is ``None``.
    """

    def __init__(
        self, path: Path, format: str, pages: PageSource, note: LocalizedText | None = None
    ) -> None:
        self.path = path
        self.format = format
        self.page_count = pages.page_count
        self.note = note
        self._pages = pages
        self._closed = False

    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called; a closed document renders nothing."""
        return self._closed

    def page_image(self, index: int, dpi: float = DEFAULT_DPI) -> PageImage:
        """Page ``index`` (0-based) as PNG or JPEG bytes with its pixel size.

        PDF pages are rasterized at ``dpi``; image files ignore it and keep their
        own pixels. Raises ``PageOutOfRange`` for an index outside the document
        (negative indexes are not counted from the end), ``ImageTooLarge`` or
        ``CorruptFile`` when the page cannot be rendered, and ``ValueError`` for
        a closed document or a ``dpi`` outside ``(0, MAX_DPI]``.
        """
        self._check(index, dpi)
        return self._pages.render(index, float(dpi))

    def page_text(self, index: int, dpi: float = DEFAULT_DPI) -> PageText | None:
        """Page ``index``'s own text and ruling in pixels at ``dpi``, without rendering it.

        The same value ``page_image(index, dpi).text`` carries: ``None`` for image
        files, scans and PDFs whose text layer cannot be trusted. Raises as
        ``page_image`` does.
        """
        self._check(index, dpi)
        return self._pages.page_text(index, float(dpi))

    def _check(self, index: int, dpi: float) -> None:
        """Raise unless the document is open, ``index`` exists and ``dpi`` is in range."""
        if self._closed:
            raise ValueError(f"document {self.path.name!r} is closed")
        if not 0 <= index < self.page_count:
            raise PageOutOfRange(self.path, index, self.page_count)
        if not (math.isfinite(dpi) and 0 < dpi <= MAX_DPI):
            raise ValueError(f"dpi must be in (0, {MAX_DPI:g}], got {dpi!r}")

    def close(self) -> None:
        """Release the file's resources; calling it again does nothing."""
        if not self._closed:
            self._closed = True
            self._pages.close()

    def __enter__(self) -> Document:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = ", closed" if self._closed else ""
        return f"Document({self.path.name!r}, {self.format}, {self.page_count} pages{state})"


def open_document(
    path: str | os.PathLike[str],
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_pixels: int = MAX_PIXELS,
) -> Document:
    """Open an image, PDF or OFD file for reading its pages.

    The format is decided by the file's content, not its extension; when they
    disagree the file is opened by content and ``Document.note`` says so. The
    whole file is read into memory (at most ``max_file_bytes``, so it is not
    kept locked); pages larger than ``max_pixels`` are refused. The first page
    of an image is decoded here, so a truncated image fails now, not when shown.

    Raises a ``DocumentError``: ``FileNotFound``, ``FileUnreadable``,
    ``EmptyFile``, ``FileTooLarge``, ``UnsupportedFormat``, ``CorruptFile``,
    ``EncryptedPdf`` or ``ImageTooLarge``; for an OFD also ``NotAnOfd``,
    ``DamagedOfd`` (a ``CorruptFile``) or ``OfdTooLarge``. The returned document may be used
    from any thread, one call at a time.
    """
    file_path = Path(path)
    data = _read_file(file_path, max_file_bytes)
    return open_document_bytes(data, file_path, max_pixels=max_pixels)


def open_document_bytes(
    data: bytes, path: str | os.PathLike[str], *, max_pixels: int = MAX_PIXELS
) -> Document:
    """Open a file's bytes already in memory (an upload), exactly as ``open_document`` would.

    ``path`` names the document in messages and decides the note about a lying
    extension. Raises ``EmptyFile``, ``UnsupportedFormat``, ``CorruptFile``,
    ``EncryptedPdf`` or ``ImageTooLarge`` (an OFD also ``NotAnOfd``, ``DamagedOfd``
    or ``OfdTooLarge``); the caller bounds the size of ``data``.
    """
    file_path = Path(path)
    if not data:
        raise EmptyFile(file_path)
    fmt = sniff_data(data)
    if fmt is None:
        raise UnsupportedFormat(file_path, detail=f"first bytes {data[:8]!r}")
    note = None
    if format_for_suffix(file_path) != fmt:
        note = _MISLABELLED.format(name=file_path.name, format=fmt)
    opener = _PAGE_SOURCES.get(fmt, ImagePages)
    pages: PageSource = opener(file_path, fmt, data, max_pixels=max_pixels)
    return Document(file_path, fmt, pages, note)


# PyMuPDF (0.3 s to import) loads with the first PDF or OFD: a command on images
# does not wait for it.
def _pdf(path: Path, fmt: str, data: bytes, *, max_pixels: int) -> PageSource:
    from desktop_app.documents.pdf_pages import PdfPages

    return PdfPages(path, data, max_pixels=max_pixels)


def _ofd(path: Path, fmt: str, data: bytes, *, max_pixels: int) -> PageSource:
    from desktop_app.documents.ofd_pages import OfdPages

    return OfdPages(path, data, max_pixels=max_pixels)


def _xml(path: Path, fmt: str, data: bytes, *, max_pixels: int) -> PageSource:
    from desktop_app.documents.xml_pages import XmlPages  # defusedxml loads only for XML

    return XmlPages(path, data, max_pixels=max_pixels)


#: What opens each format's pages (images: everything else); a new format adds a line.
_PAGE_SOURCES: dict[str, Callable[..., PageSource]] = {PDF: _pdf, OFD: _ofd, XML: _xml}


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The whole file, after checking it exists, is a regular file and fits ``max_bytes``."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FileUnreadable(path, detail="not a regular file")
        _check_size(path, info.st_size, max_bytes)
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)  # the file may have grown since stat()
    except FileNotFoundError as exc:
        raise FileNotFound(path, detail=str(exc)) from exc
    except OSError as exc:
        raise FileUnreadable(path, detail=f"{type(exc).__name__}: {exc}") from exc
    _check_size(path, len(data), max_bytes)
    return data


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size == 0:
        raise EmptyFile(path)
    if size > max_bytes:
        raise FileTooLarge(path, size, max_bytes)
