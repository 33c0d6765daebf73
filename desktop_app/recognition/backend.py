"""The one interface both recognition engines implement."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from desktop_app.core.cancel import CancelToken
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage


@runtime_checkable
class RecognitionBackend(Protocol):
    """Reads one page; thread-safe, so one instance serves every job of the app."""

    #: ``"cloud"`` or ``"local"``; copied into ``RecognitionResult.engine``.
    name: str

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        """Recognize ``page``; coordinates of the result are in ``page``'s pixels.

        Raises ``RecognitionError`` for every failure and ``Cancelled`` when
        ``cancel`` was set before the answer arrived.
        """
        ...
