"""Deadlines and budgets: a trickling answer ends as Network.Timeout; a throttle storm is outlasted.

The trickling server is a real loopback socket that sends one byte at a time, each
well inside the read timeout, so only an overall deadline can end the request.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import responses

from desktop_app.core.errors import RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.retry import RetryPolicy

Make = Callable[..., CarInvoiceClient]
URL = "https://ocr.tencentcloudapi.com/"
_HEADERS_THEN_BODY = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
)


class TricklingServer:
    """Answers every connection with ``head`` at once, then one byte every ``gap`` seconds."""

    def __init__(self, head: bytes, gap: float = 0.05, give_up_s: float = 20.0) -> None:
        self.head, self.gap, self.give_up_s = head, gap, give_up_s
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/"
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, name="trickle-accept")

    def __enter__(self) -> TricklingServer:
        self._acceptor.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._listener.close()
        for thread in [self._acceptor, *self._threads]:
            thread.join(5)

    def _accept(self) -> None:
        self._listener.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:  # timeout, or closed by __exit__
                continue
            self.connections += 1
            thread = threading.Thread(target=self._trickle, args=(conn,), name="trickle-conn")
            self._threads.append(thread)
            thread.start()

    def _trickle(self, conn: socket.socket) -> None:
        """Send the head, then a byte at a time until the client hangs up."""
        with conn:
            conn.settimeout(1.0)
            try:
                conn.recv(65536)  # the request (small enough to come at once here)
                conn.sendall(self.head)
                ends = time.monotonic() + self.give_up_s
                while not self._stop.is_set() and time.monotonic() < ends:
                    conn.sendall(b" ")
                    time.sleep(self.gap)
            except OSError:  # the client cut the connection: what the deadline does
                return


@pytest.fixture
def live(make_client: Make) -> Make:
    """Clients with the real clock (the server does not check signatures)."""

    def make(**overrides: Any) -> CarInvoiceClient:
        return make_client(clock=time.time, **overrides)

    return make


@pytest.mark.parametrize(
    "head",
    [_HEADERS_THEN_BODY, b"HTTP/1.1 200 OK\r\nX-Slow: "],
    ids=["body trickles", "headers trickle"],
)
def test_a_trickling_answer_ends_as_network_timeout(live: Make, page: PageImage, head) -> None:
    with TricklingServer(head) as server:
        client = live(endpoint=server.url, deadline=0.6, retry=RetryPolicy(max_attempts=1))
        started = time.monotonic()
        with pytest.raises(RecognitionError) as info:
            client.recognize(page)
        elapsed = time.monotonic() - started
    assert info.value.code == "Network.Timeout" and info.value.retryable
    assert "within 0.6 s" in info.value.message
    assert 0.5 < elapsed < 3.0  # the read timeout (30 s) never fired: each byte came in time


def test_the_page_budget_bounds_retries_of_trickling_answers(live: Make, page: PageImage) -> None:
    """Each attempt is cut at its deadline; no attempt starts past the page's budget."""
    policy = RetryPolicy(max_attempts=8, base_delay=0.05, max_delay=0.1, budget_s=2.0)
    with TricklingServer(_HEADERS_THEN_BODY) as server:
        client = live(endpoint=server.url, deadline=0.8, retry=policy, sleep=None)
        started = time.monotonic()
        with pytest.raises(RecognitionError) as info:
            client.recognize(page)
        elapsed = time.monotonic() - started
    assert info.value.code == "Network.Timeout"
    assert 2 <= server.connections <= 3  # 0.8 s, 0.8 s, then at most what was left
    assert elapsed < 2.0 + 0.5


def test_a_ten_second_throttle_storm_is_outlasted(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    """The service refuses for 10 s (fake time); even the shortest backoffs outlast it."""
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    def answer(request: Any) -> tuple[int, dict[str, str], str]:
        now[0] += 0.3  # each request takes 300 ms
        if now[0] < 10.0:
            refusal = {"Error": {"Code": "RequestLimitExceeded", "Message": "slow down"}}
            return 200, {}, json.dumps({"Response": {**refusal, "RequestId": "r"}})
        return 200, {}, json.dumps(seed_answer)

    rsps.add_callback(responses.POST, URL, callback=answer)
    client = make_client(
        retry=RetryPolicy(), sleep=sleep, random=lambda: 0.0, monotonic=lambda: now[0]
    )
    result = client.recognize(page)
    assert len(result) == 37 and now[0] >= 10.0
    assert result.timings["attempts"] <= RetryPolicy().max_attempts


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def test_cancel_cuts_a_request_in_flight(live: Make, page: PageImage) -> None:
    """Closing the window must not wait for the deadline: cancel ends the read at once."""
    from desktop_app.core.cancel import CancelToken
    from desktop_app.core.errors import Cancelled

    cancel = CancelToken()
    with TricklingServer(_HEADERS_THEN_BODY) as server:
        client = live(endpoint=server.url, deadline=20.0)
        timer = threading.Timer(0.3, cancel.cancel)
        timer.start()
        started = time.monotonic()
        with pytest.raises(Cancelled):
            client.recognize(page, cancel=cancel)
        elapsed = time.monotonic() - started
        timer.join()
    assert elapsed < 2.0
