"""The batch through the real cloud client and the loopback stand-in (no network)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from desktop_app.batch import BatchRunner
from desktop_app.bench.throughput import run_throughput
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.rate_limiter import RateLimiter
from desktop_app.recognition.cloud.retry import RetryPolicy
from desktop_app.store import PageStatus
from desktop_app.tools.fake_cloud import FakeCloudServer

KEYS = {"AKIDBATCHTEST0001": "batch-test-key"}


def test_throughput_bench_loses_no_page() -> None:
    result = run_throughput(6, quota=100, latency_s=0.0, workers=3, rate=100.0)
    assert (result.succeeded, result.failed, result.lost, result.refused) == (6, 0, 0, 0)
    assert result.requests == 6 and result.pages_per_second > 0


def test_service_errors_fail_pages_and_the_batch_goes_on(store) -> None:
    folder = Path(store.path).parent / "pages"
    folder.mkdir()
    for i in range(4):
        Image.new("RGB", (64, 48), (i * 40, 0, 0)).save(folder / f"{i}.png")
    store.add_paths([folder])
    with FakeCloudServer(KEYS) as server:
        server.enqueue_error("FailedOperation.OcrFailed", "not an invoice")  # final
        server.enqueue_error("InternalError", times=2)  # retried by the client
        (secret_id, secret_key), *_ = KEYS.items()
        client = CarInvoiceClient(
            Credentials(secret_id, secret_key),
            endpoint=server.url,
            rate_limiter=RateLimiter(100.0),
            retry=RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02),
        )
        with client:
            summary = BatchRunner(store, client, workers=1).run()
    assert (summary.succeeded, summary.failed, summary.requeued) == (3, 1, 0)
    failed = store.pages(PageStatus.FAILED)
    assert [p.error_code for p in failed] == ["FailedOperation.OcrFailed"]
    assert failed[0].error_message
    assert store.status_counts()[PageStatus.NEEDS_REVIEW] == 3
    assert all(
        store.recognition(p.id).engine == "cloud" for p in store.pages(PageStatus.NEEDS_REVIEW)
    )


def test_the_batch_does_not_retry_on_top_of_the_client(store) -> None:
    """One retry layer: a page the client gave up on is sent max_attempts times, no more."""
    folder = Path(store.path).parent / "pages"
    folder.mkdir()
    Image.new("RGB", (64, 48), "white").save(folder / "busy.png")
    store.add_paths([folder])
    with FakeCloudServer(KEYS) as server:
        server.enqueue_error("InternalError", times=10)
        (secret_id, secret_key), *_ = KEYS.items()
        client = CarInvoiceClient(
            Credentials(secret_id, secret_key),
            endpoint=server.url,
            rate_limiter=RateLimiter(100.0),
            retry=RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02),
        )
        with client:
            summary = BatchRunner(store, client, workers=1).run()
        requests_sent = server.stats.requests
    assert (summary.succeeded, summary.failed) == (0, 1)
    assert requests_sent == 3
    assert store.pages(PageStatus.FAILED)[0].error_code == "InternalError"
