"""The batch runner with a scripted backend: results, failures, pause, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop_app.batch import BatchRunner, default_workers
from desktop_app.batch.progress import EtaEstimator
from desktop_app.documents.errors import CorruptFile
from desktop_app.store import PageStatus


def _queue(store, *names: str, pages: int = 1) -> list[int]:
    ids = []
    for name in names:
        document = store.add_document(Path("/in") / name, f"sha-{name}", pages)
        ids += [p.id for p in store.pages(document_id=document.id)]
    return ids


def _runner(store, backend, rasterizer, **kwargs) -> BatchRunner:
    kwargs.setdefault("workers", 3)
    return BatchRunner(store, backend, rasterizer=rasterizer, **kwargs)


def test_every_new_page_is_recognized_and_stored(store, backend, rasterizer) -> None:
    pages = _queue(store, "a.pdf", pages=4) + _queue(store, "b.png")
    progress = []
    summary = _runner(store, backend, rasterizer, on_progress=progress.append).run()
    assert (summary.total, summary.succeeded, summary.failed, summary.requeued) == (5, 5, 0, 0)
    assert all(store.page(p).status is PageStatus.NEEDS_REVIEW for p in pages)
    assert store.values(pages[0])["发票号码"] == "00880890"
    assert sorted(p.done for p in progress) == [1, 2, 3, 4, 5]
    assert progress[-1].total == 5 and progress[-1].eta_s == 0.0
    assert sorted(backend.calls) == sorted([f"a.pdf:{i}" for i in range(4)] + ["b.png:0"])


def test_failures_do_not_stop_the_batch(store, backend, rasterizer, errors) -> None:
    retryable, final = errors
    ok, flaky, hopeless, broken, gone = _queue(
        store, "ok.png", "flaky.png", "hopeless.png", "corrupt.png", "busy.png"
    )
    backend.script = {
        "flaky.png:0": [],
        "hopeless.png:0": [final()],
        # The backend (the cloud client) already retried and gave up: no retry on top.
        "busy.png:0": [retryable()],
    }
    summary = _runner(store, backend, rasterizer).run()
    assert (summary.succeeded, summary.failed) == (2, 3)
    assert store.page(ok).status is PageStatus.NEEDS_REVIEW
    assert store.page(flaky).status is PageStatus.NEEDS_REVIEW
    assert backend.calls.count("busy.png:0") == 1  # one retry layer: the backend's
    assert backend.calls.count("hopeless.png:0") == 1
    failed = {p: store.page(p) for p in (hopeless, broken, gone)}
    assert all(r.status is PageStatus.FAILED for r in failed.values())
    assert failed[hopeless].error_code == "FailedOperation.OcrFailed"
    assert "not an invoice" in failed[hopeless].error_message
    assert failed[broken].error_code == CorruptFile.code and failed[broken].error_message
    assert failed[gone].error_code == "RequestLimitExceeded"


def test_only_new_pages_are_taken(store, backend, rasterizer) -> None:
    done, fresh = _queue(store, "done.png", "fresh.png")
    store.approve(done)
    summary = _runner(store, backend, rasterizer).run()
    assert summary.total == 1 and backend.calls == ["fresh.png:0"]
    assert store.page(done).status is PageStatus.APPROVED and fresh


def test_cancel_requeues_unfinished_pages(store, backend, rasterizer) -> None:
    pages = _queue(store, "a.pdf", pages=10)
    backend.gate = threading.Event()  # every recognition blocks until cancelled
    runner = _runner(store, backend, rasterizer, workers=2)
    result = {}
    thread = threading.Thread(target=lambda: result.update(s=runner.run()), name="batch-test")
    thread.start()
    while len(backend.calls) < 2:
        threading.Event().wait(0.01)
    runner.cancel()
    thread.join(timeout=10)
    assert not thread.is_alive()
    summary = result["s"]
    assert summary.cancelled and summary.requeued == 10 and summary.succeeded == 0
    assert {store.page(p).status for p in pages} == {PageStatus.NEW}
    assert len(backend.calls) == 2  # nothing started after the cancel


def test_pause_holds_new_pages_and_resume_finishes(store, backend, rasterizer) -> None:
    _queue(store, "a.pdf", pages=6)
    progress = []
    runner = _runner(store, backend, rasterizer, workers=1, on_progress=progress.append)
    first_done = threading.Event()

    def pause_after_first(p) -> None:
        progress.append(p)
        if p.done == 1:
            runner.pause()
            first_done.set()

    runner._on_progress = pause_after_first
    thread = threading.Thread(target=runner.run, name="batch-test")
    thread.start()
    assert first_done.wait(5)
    threading.Event().wait(0.2)
    assert runner.paused and len(backend.calls) == 1  # nothing new starts while paused
    counts = store.status_counts()
    assert (counts[PageStatus.NEW], counts[PageStatus.RECOGNIZING]) == (5, 0)
    runner.resume()
    thread.join(timeout=10)
    assert len(backend.calls) == 6 and store.remaining_to_review() == 6
    assert store.status_counts()[PageStatus.NEEDS_REVIEW] == 6


def test_cancel_while_paused_ends_the_batch(store, backend, rasterizer) -> None:
    _queue(store, "a.pdf", pages=3)
    runner = _runner(store, backend, rasterizer, workers=1)
    runner.pause()
    thread = threading.Thread(target=runner.run, name="batch-test")
    thread.start()
    threading.Event().wait(0.1)
    runner.cancel()
    thread.join(timeout=5)
    assert not thread.is_alive() and backend.calls == []
    assert store.status_counts()[PageStatus.NEW] == 3


def test_a_page_removed_mid_batch_does_not_break_it(store, backend, rasterizer) -> None:
    pages = _queue(store, "a.pdf", pages=3) + _queue(store, "b.png")
    backend.gate = threading.Event()
    runner = _runner(store, backend, rasterizer, workers=1)
    result = {}
    thread = threading.Thread(target=lambda: result.update(s=runner.run()), name="batch-test")
    thread.start()
    while not backend.calls:
        threading.Event().wait(0.01)
    store.remove_document(store.page(pages[0]).document_id)  # while its page 1 is in flight
    backend.gate.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    summary = result["s"]  # the three removed pages are skipped, not counted as failed
    assert (summary.total, summary.succeeded, summary.failed) == (1, 1, 0)
    assert [p.id for p in store.pages()] == [pages[3]]
    assert store.page(pages[3]).status is PageStatus.NEEDS_REVIEW


def test_default_workers() -> None:
    assert default_workers("cloud") >= 4
    assert default_workers("local", cpu_count=2) == 1
    assert default_workers("local", cpu_count=16) == 2


def test_eta_from_recent_pace() -> None:
    eta = EtaEstimator()
    eta.reset(0.0)
    assert eta.eta(10) is None
    eta.record(2.0)
    eta.record(4.0)
    assert eta.eta(10) == 20.0 and eta.eta(0) == 0.0


def test_bad_keys_stop_the_batch_and_leave_the_rest_new(store, backend, rasterizer) -> None:
    from desktop_app.core.error_codes import service_error

    pages = _queue(store, *(f"p{n}.png" for n in range(8)))
    backend.script = {
        f"p{n}.png:0": [service_error("AuthFailure.SignatureFailure")] for n in range(8)
    }
    summary = _runner(store, backend, rasterizer, workers=1).run()
    assert summary.stopped_by == "AuthFailure.SignatureFailure" and summary.cancelled
    assert summary.failed == 1 and summary.requeued == 7
    assert store.page(pages[0]).status is PageStatus.FAILED
    assert all(store.page(p).status is PageStatus.NEW for p in pages[1:])
    assert len(backend.calls) == 1  # no request spent on a key known to be wrong
