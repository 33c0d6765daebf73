"""A page ready for recognition and display."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.documents.page_text import PageText


@dataclass(frozen=True)
class PageImage:
    """One page as encoded image bytes whose pixels are exactly what the app draws.

    ``data`` is PNG or JPEG (``mime``); ``width``/``height`` its pixel size. For an
    image file the service accepts unchanged (PNG/JPEG, no EXIF rotation) ``data``
    is the file's own bytes; otherwise a rendered PNG. ``page_index`` is 0-based;
    ``dpi`` is set for rasterized PDF pages.

    ``text`` is the page's own text and ruling in these same pixels when the file
    carries a usable text layer (数电 PDF, OFD, XML); ``None`` for images, scans
    and PDFs whose text cannot be trusted. The recognition dispatch reads such a
    page instead of recognizing it.
    """

    data: bytes
    mime: str
    width: int
    height: int
    source: Path | None = None
    page_index: int = 0
    dpi: float | None = None
    text: PageText | None = None

    def __repr__(self) -> str:  # never dump megabytes of bytes into a log
        return (
            f"PageImage({self.mime}, {self.width}x{self.height}, {len(self.data)} bytes, "
            f"source={self.source!s}, page_index={self.page_index}, dpi={self.dpi}, "
            f"text={'yes' if self.text is not None else 'no'})"
        )
