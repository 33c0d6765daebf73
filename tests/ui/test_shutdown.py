"""Closing the window during a batch whose cloud calls hang: closed within 5 s, nothing left.

The stand-in answers after 8 s; the request deadline is 30 s. Only cancel cutting
the request's connection lets the workers go at once. The test's thread-leak check
(conftest) sees that no worker, render or deadline thread outlives the window.
"""

from __future__ import annotations

import time

from window_fakes import write_pages

from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.rate_limiter import RateLimiter
from desktop_app.store import PageStatus, open_store
from desktop_app.tools.fake_cloud import FakeCloudServer

KEYS = {"AKIDSHUTDOWNTEST01": "shutdown-test-key"}


def test_closing_during_hanging_cloud_calls_ends_within_5_s(
    qtbot, make_window, store_path, tmp_path
) -> None:
    write_pages(tmp_path / "in", 8, size=(200, 120))
    (secret_id, secret_key), *_ = KEYS.items()
    with FakeCloudServer(KEYS, latency_s=8.0) as server:
        client = CarInvoiceClient(
            Credentials(secret_id, secret_key),
            endpoint=server.url,
            rate_limiter=RateLimiter(100.0, burst=10),
        )
        window = make_window(client, recognize_on_open=False, store_path=store_path)
        window.open_paths([tmp_path / "in"])
        qtbot.waitUntil(lambda: len(window.queue_panel.visible_page_items()) == 8, timeout=10000)
        window.actions_.recognize_all.trigger()
        qtbot.waitUntil(lambda: server.stats.requests >= 3, timeout=10000)  # calls hanging
        started = time.monotonic()
        window.close()
        closed_in = time.monotonic() - started
        client.close()
    assert closed_in < 5.0, f"closing took {closed_in:.1f} s"
    with open_store(store_path, recover=False) as store:
        assert PageStatus.RECOGNIZING not in {p.status for p in store.pages()}
