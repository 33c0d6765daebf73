"""Which file formats the app opens, recognized by content and by extension.

A file is opened by what its bytes are, not by what its name says: clerks get
PDFs saved as ``.png`` and JPEGs renamed ``.pdf`` by mail gateways and scanner
software. The extension only decides what a folder scan or a file dialog offers.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

#: Format names as ``Document.format`` reports them (Pillow's names, plus PDF).
PDF = "PDF"
OFD = "OFD"  # GB/T 33190, a zip of XML with OFD.xml at its root
XML = "XML"  # the e-invoice platform's EInvoice XML (any other XML is refused when opened)
PNG = "PNG"
JPEG = "JPEG"
BMP = "BMP"
TIFF = "TIFF"
WEBP = "WEBP"
GIF = "GIF"

#: Image formats whose frames are pages (a multi-page TIFF scan, a GIF with several frames).
#: JPEG (MPO phone photos carry a second, preview frame) and PNG (APNG) show their first frame.
MULTI_PAGE_FORMATS = frozenset({TIFF, GIF, WEBP})

_FORMAT_OF_SUFFIX: dict[str, str] = {
    ".pdf": PDF,
    ".ofd": OFD,
    ".xml": XML,
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".jpe": JPEG,
    ".jfif": JPEG,
    ".bmp": BMP,
    ".tif": TIFF,
    ".tiff": TIFF,
    ".webp": WEBP,
    ".gif": GIF,
}

#: Lower-case extensions, dot included, of files a folder scan or file dialog offers.
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_FORMAT_OF_SUFFIX)

# Sizes a BMP's DIB header can have: "BM" alone is too weak a signature.
_BMP_HEADER_SIZES = frozenset({12, 16, 40, 52, 56, 64, 108, 124})
_PDF_HEADER_WINDOW = 1024  # readers accept junk before "%PDF-" within the first KB
_ZIP_MAGIC = b"PK\x03\x04"
_MAX_SNIFF_ENTRIES = 10_000  # a zip listing more is no OFD the app opens
# An XML document: optional white space, then its declaration or its first element.
_XML_START = re.compile(rb"\s*<(?:\?xml\b|[A-Za-z_])")


def is_supported_path(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` has an extension the app opens (case-insensitive); reads nothing."""
    return Path(path).suffix.lower() in _FORMAT_OF_SUFFIX


def format_for_suffix(path: str | os.PathLike[str]) -> str | None:
    """The format ``path``'s extension promises, or ``None`` for an unknown extension."""
    return _FORMAT_OF_SUFFIX.get(Path(path).suffix.lower())


def sniff_data(data: bytes) -> str | None:
    """The format of a whole file's bytes, or ``None``.

    ``sniff_format`` on the first kilobyte, and for a zip whose first entry
    does not say, a look at its directory: an OFD package has ``OFD.xml`` at
    its root, wherever the producer put it in the zip.
    """
    fmt = sniff_format(data[:_PDF_HEADER_WINDOW])
    if fmt is None and data.startswith(_ZIP_MAGIC) and _zip_has_root_ofd_xml(data):
        return OFD
    return fmt


def _zip_has_root_ofd_xml(data: bytes) -> bool:
    """Whether ``data`` is a zip with an entry ``OFD.xml`` (any case) at its root; reads no entry."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(
                name.replace("\\", "/").lstrip("/").lower() == "ofd.xml"
                for name in archive.namelist()[:_MAX_SNIFF_ENTRIES]
            )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # A damaged zip whose first entry is OFD.xml was caught by sniff_format already.
        return False


def sniff_format(head: bytes) -> str | None:
    """The format of a file from its first bytes (at least 1 KB when available), or ``None``.

    An OFD is recognized here only when its first zip entry is ``OFD.xml``
    (as producers write it); ``sniff_data`` also finds it elsewhere.
    """
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:2] == b"BM" and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES:
        return BMP
    if b"%PDF-" in head[:_PDF_HEADER_WINDOW]:
        return PDF
    if head.startswith(_ZIP_MAGIC) and _first_zip_entry(head).lower() == b"ofd.xml":
        return OFD
    if _XML_START.match(head.removeprefix(b"\xef\xbb\xbf")) is not None:
        return XML
    return None


def _first_zip_entry(head: bytes) -> bytes:
    """The name of the first entry of a zip from its local file header (b"" if cut short)."""
    length = int.from_bytes(head[26:28], "little")
    return head[30 : 30 + length].replace(b"\\", b"/").lstrip(b"/")
