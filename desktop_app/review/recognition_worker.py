"""The recognition of one page as a plain function (Orange3 style): testable without Qt.

``progress`` and ``cancel`` are injected; the function knows nothing of threads.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core.cancel import CancelToken
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend


def run(
    backend: RecognitionBackend,
    page: PageImage,
    cancel: CancelToken,
    progress: Callable[[float], None],
) -> RecognitionResult:
    """Recognize ``page`` with ``backend``; raises ``Cancelled`` once ``cancel`` is set."""
    cancel.raise_if_cancelled()
    progress(0.05)
    result = backend.recognize(page, cancel=cancel)
    cancel.raise_if_cancelled()
    progress(1.0)
    return result
