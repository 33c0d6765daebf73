"""The QR codes on a page image, decoded offline with zxing-cpp (Apache-2.0).

zxing-cpp reads the whole page (rotated, small or on a photo) in about 10 ms for
an e-invoice rendered at 150 dpi; it and Pillow load on the first call only, so
a page that is never checked pays nothing. The payload is plain text; what it
means is ``core.invoice_qr``'s business.
"""

from __future__ import annotations

import io
import struct

from desktop_app.documents.page import PageImage

# Pillow's ways of saying the bytes are no image it can decode (see ``rendering``).
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)


def read_qr_codes(page: PageImage) -> tuple[str, ...]:
    """The text of every QR code on ``page``, in zxing-cpp's reading order.

    An empty tuple when there is none, or when the page's bytes cannot be decoded
    (the QR code is a cross-check, never a reason for recognition to fail).
    """
    import zxingcpp
    from PIL import Image

    try:
        with Image.open(io.BytesIO(page.data)) as image:
            image.load()
            grey = image.convert("L")
    except (*_DECODE_ERRORS, Image.DecompressionBombError):
        return ()  # nothing to read; opening the page already reports a broken file
    found = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)
    return tuple(code.text for code in found if code.valid and code.text)
