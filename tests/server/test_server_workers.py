"""Worker processes: back-pressure when full, graceful shutdown, a dead worker, an engine that cannot start."""

from __future__ import annotations

import concurrent.futures
import functools
import threading
import time
from pathlib import Path

import pytest
import requests
from server_fakes import (
    CRASH_WIDTH,
    SECRET_ID,
    SECRET_KEY,
    StartServer,
    b64,
    build_broken,
    error_code,
    png,
    signed_post,
    write_keys,
)

from desktop_app.server.app import Front, ServerConfig
from desktop_app.server.keys import load_keys
from desktop_app.server.pool import PoolStartError, WorkerPool


def call(url: str, width: int = 120) -> tuple[str, float]:
    started = time.perf_counter()
    response = signed_post(
        url, {"ImageBase64": b64(png(width))}, secret_id=SECRET_ID, secret_key=SECRET_KEY
    )
    return error_code(response), time.perf_counter() - started


def test_a_full_queue_is_refused_at_once_and_nothing_is_lost(start_server: StartServer) -> None:
    # 1 worker, 1 waiting place, 0.6 s a page: of 6 simultaneous requests 2 are read, 4 refused.
    server = start_server(workers=1, queue=1, delay_s=0.6)
    barrier = threading.Barrier(6)

    def burst(_: int) -> tuple[str, float]:
        barrier.wait()
        return call(server.url)

    with concurrent.futures.ThreadPoolExecutor(6) as threads:
        results = list(threads.map(burst, range(6)))
    codes = [code for code, _ in results]
    assert sorted(codes) == [
        "",
        "",
        "ServiceUnavailable",
        "ServiceUnavailable",
        "ServiceUnavailable",
        "ServiceUnavailable",
    ]
    assert max(s for code, s in results if code) < 0.5  # refused without waiting
    assert max(s for code, s in results if not code) < 2.0  # two pages, one after the other
    metrics = requests.get(server.url + "metrics", timeout=10).text
    assert 'carinvoice_requests_total{code="ServiceUnavailable"} 4.0' in metrics
    assert 'carinvoice_requests_total{code="OK"} 2.0' in metrics


def test_two_workers_read_two_pages_at_once(start_server: StartServer) -> None:
    server = start_server(workers=2, queue=0, delay_s=0.8)
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(2) as threads:
        codes = [code for code, _ in threads.map(lambda _: call(server.url), range(2))]
    assert codes == ["", ""]
    assert time.perf_counter() - started < 1.5  # in parallel, not 1.6 s one after the other


def test_shutdown_answers_the_request_in_flight_and_refuses_new_ones(
    start_server: StartServer,
) -> None:
    server = start_server(delay_s=1.0)
    with concurrent.futures.ThreadPoolExecutor(1) as threads:
        in_flight = threads.submit(call, server.url)
        time.sleep(0.4)  # the page is in the worker now
        server.stop()  # what SIGTERM does to `serve`
        assert in_flight.result(timeout=30)[0] == ""
    with pytest.raises(requests.ConnectionError):
        requests.get(server.url + "healthz", timeout=5)


def test_a_dead_worker_is_an_internal_error_and_the_pool_comes_back(
    start_server: StartServer,
) -> None:
    server = start_server()
    assert call(server.url, CRASH_WIDTH)[0] == "InternalError"
    assert call(server.url)[0] == ""


def test_an_engine_that_cannot_start_stops_the_server_from_starting(tmp_path: Path) -> None:
    pool = WorkerPool(functools.partial(build_broken), 1, 0)
    with pytest.raises(PoolStartError):
        pool.start()
    assert not pool.ready and not pool.admit()


def test_admission_counts(tmp_path: Path) -> None:
    pool = WorkerPool(build_broken, workers=2, queue=1)
    assert not pool.admit()  # not started: no work taken
    pool.ready = True
    assert [pool.admit() for _ in range(4)] == [True, True, True, False]
    assert pool.queued == 1
    pool.release()
    assert pool.admit() and pool.in_flight == 3
    keys = load_keys(write_keys(tmp_path))
    assert Front(ServerConfig(keys), pool).pool is pool


def test_a_bug_in_the_front_is_answered_as_internal_error(
    start_server: StartServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = start_server()

    async def broken(job: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(server.front.pool, "run", broken)
    assert call(server.url)[0] == "InternalError"
    assert server.front.pool.in_flight == 0  # the admission was given back


def test_a_full_server_sheds_load_before_checking_anything(start_server: StartServer) -> None:
    # Refusing must stay cheap under overload: no hashing, no parsing, not even the key.
    server = start_server(workers=1, queue=0, delay_s=1.0)
    with concurrent.futures.ThreadPoolExecutor(1) as threads:
        busy = threads.submit(call, server.url)
        time.sleep(0.4)
        response = signed_post(server.url, b"not even json", secret_id="AKIDnobody", secret_key="x")
        assert error_code(response) == "ServiceUnavailable"
        assert busy.result(timeout=30)[0] == ""
