"""The plain-function worker, without Qt threads."""

from __future__ import annotations

import pytest
from window_fakes import FakeBackend

from desktop_app.core.cancel import CancelToken
from desktop_app.core.errors import Cancelled
from desktop_app.documents.page import PageImage
from desktop_app.review import recognition_worker

PAGE = PageImage(b"", "image/png", 1, 1)


def test_run_reports_progress_and_returns_the_result() -> None:
    backend = FakeBackend()
    progress: list[float] = []
    result = recognition_worker.run(backend, PAGE, CancelToken(), progress.append)
    assert result is backend.result
    assert progress[-1] == 1.0


def test_run_does_not_start_when_cancelled() -> None:
    backend = FakeBackend()
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        recognition_worker.run(backend, PAGE, token, lambda f: None)
    assert backend.calls == 0
