"""The "test connection" button: recognize a tiny blank page and read the answer as a verdict (Qt-free)."""

from __future__ import annotations

from desktop_app.core.errors import RecognitionError
from desktop_app.core.text import LocalizedText
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend

#: Answers that prove the service was reached and the keys accepted: it only disliked the page.
REACHED_CODES = frozenset(
    {"FailedOperation.OcrFailed", "FailedOperation.ImageDecodeFailed", "Local.NotAnInvoice"}
)

# A 1x1 white PNG: nothing to read, so no real invoice ever leaves the machine for a test.
_BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082"
)


def blank_page() -> PageImage:
    return PageImage(_BLANK_PNG, "image/png", 1, 1)


def check_connection(backend: RecognitionBackend) -> LocalizedText:
    """Success text, or raise the ``RecognitionError`` that shows what is wrong."""
    try:
        backend.recognize(blank_page())
    except RecognitionError as exc:
        if exc.code not in REACHED_CODES:
            raise
    return LocalizedText("连接成功：识别引擎可以使用。", "Connected: the engine works.")
