"""Jobs on the thread pool: stale answers are dropped, errors arrive as RecognitionError."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from window_fakes import FakeBackend, sample_result

from desktop_app.core.errors import RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.review.recognition_job import PageKey
from desktop_app.ui.workers.recognition_runner import RecognitionRunner

PAGE = PageImage(b"", "image/png", 1, 1)


class TwoSpeedBackend:
    """The first call is slow and ignores cancel (a stubborn engine); later calls are quick."""

    name = "local"

    def __init__(self) -> None:
        self.slow = FakeBackend(delay=0.5)
        self.calls = 0

    def recognize(self, page, *, cancel=None):
        self.calls += 1
        if self.calls == 1:
            return self.slow.recognize(page)  # no cancel token: finishes late
        return sample_result()


def test_a_newer_job_wins_and_the_stale_answer_is_dropped(qtbot) -> None:
    runner = RecognitionRunner(TwoSpeedBackend())
    finished = []
    runner.recognition_finished.connect(lambda job, result: finished.append(job))
    try:
        first = runner.start(PageKey(1, 0), PAGE)
        second = runner.start(PageKey(1, 1), PAGE)
        assert first.cancel.cancelled
        qtbot.waitUntil(lambda: bool(finished), timeout=5000)
        runner.shutdown()
        QCoreApplication.processEvents()  # deliver the first job's late answer: dropped
    finally:
        runner.shutdown()
    assert finished == [second]


def test_unexpected_exceptions_become_recognition_errors(qtbot) -> None:
    runner = RecognitionRunner(FakeBackend(error=ZeroDivisionError("boom")))
    try:
        with qtbot.waitSignal(runner.recognition_failed, timeout=5000) as failed:
            runner.start(PageKey(1, 0), PAGE)
    finally:
        runner.shutdown()
    error = failed.args[1]
    assert isinstance(error, RecognitionError)
    assert "ZeroDivisionError" in error.message


def test_warm_up_runs_in_the_background_and_swallows_failures(qtbot) -> None:
    import threading

    calls: list[int] = []

    class WarmBackend(FakeBackend):
        def warm_up(self) -> None:
            calls.append(threading.get_ident())
            raise RecognitionError("Local.EngineUnavailable", "no model")

    runner = RecognitionRunner(WarmBackend())
    try:
        runner.warm_up()
        qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    finally:
        runner.shutdown()
    assert calls[0] != threading.get_ident()
    RecognitionRunner(FakeBackend()).warm_up()  # a backend without warm_up: nothing to do
