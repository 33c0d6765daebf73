"""The checks the stand-in server applies to a request, as the real service does.

The signature and call checks live in ``desktop_app.recognition.cloud.verify``,
shared with the office server; only the stand-in's simple body check is here.
Each raises :class:`Refusal` with the service's error code.
"""

from __future__ import annotations

import json

from desktop_app.recognition.cloud.verify import (
    MAX_CLOCK_SKEW_S,
    Refusal,
    check_call,
    verify_signature,
)

__all__ = [
    "MAX_BASE64_BYTES",
    "MAX_CLOCK_SKEW_S",
    "Refusal",
    "check_body",
    "check_call",
    "verify_signature",
]

MAX_BASE64_BYTES = 7_000_000  # the service's published "7 MB", read as decimal


def check_body(body: bytes) -> None:
    """A JSON object with ImageBase64 (under the size limit) or ImageUrl."""
    try:
        document = json.loads(body)
    except ValueError:
        raise Refusal("InvalidParameter", "body is not JSON") from None
    if not isinstance(document, dict):
        raise Refusal("InvalidParameter", "body is not a JSON object")
    image = document.get("ImageBase64")
    if not image and not document.get("ImageUrl"):
        raise Refusal("InvalidParameter", "ImageBase64 or ImageUrl is required")
    if isinstance(image, str) and len(image) > MAX_BASE64_BYTES:
        raise Refusal("LimitExceeded.TooLargeFileError", "image too large")
