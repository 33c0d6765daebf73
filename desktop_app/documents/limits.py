"""Default limits for opening, rendering and uploading pages; every one can be overridden per call.

They protect a clerk's machine from files that would exhaust memory (a 100 MB
scan, a "decompression bomb" whose header claims billions of pixels) and keep
uploads under the cloud service's size limit (carinvoice-api.md: stay under
7 MB after base64 encoding).
"""

from __future__ import annotations

#: Largest file ``open_document`` reads (the whole file is held in memory).
MAX_FILE_BYTES = 100 * 1024 * 1024

#: Largest page, in pixels, an image may have or a PDF page may be rasterized to.
#: 80 MP is an A3 sheet at 600 dpi with room to spare; Pillow's own global guard
#: (``PIL.Image.MAX_IMAGE_PIXELS``, about 89 MP) stays in place as a backstop.
MAX_PIXELS = 80_000_000

#: Resolution PDF pages are rasterized at unless the caller asks otherwise.
DEFAULT_DPI = 150.0

#: Largest rasterizing resolution accepted; beyond it a page is mostly memory.
MAX_DPI = 1200.0

#: zlib level of rendered PNGs: 1 is several times faster than Pillow's default 6
#: on big scans and the bytes only travel to the screen or through ``fit_for_upload``.
PNG_COMPRESS_LEVEL = 1

#: The service's published limit is "7 MB" after base64 (newer texts say 10 MB); read as
#: decimal megabytes and kept 64 KB under it, so an upload never meets the edge.
UPLOAD_MAX_BASE64_BYTES = 7_000_000 - 64_000

#: JPEG qualities tried, best first, before a page is downscaled.
UPLOAD_JPEG_QUALITIES: tuple[int, ...] = (90, 80, 70)

#: Largest factor of one downscaling step (a step may shrink more when far over the limit).
UPLOAD_SCALE_STEP = 0.8

#: Below this longer side (pixels) an invoice is no longer legible: give up instead.
UPLOAD_MIN_LONG_SIDE = 1000
