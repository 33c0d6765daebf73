"""Fixtures of the office server tests: keys files, a server on a thread with recorded engines."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_fakes import StartServer, build_recorded, write_keys

from desktop_app.server.app import Front, ServerConfig
from desktop_app.server.keys import load_keys
from desktop_app.server.pool import WorkerPool
from desktop_app.server.serve import ServerThread


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[StartServer]:
    """Start servers with recorded engines; every one is stopped after the test."""
    started: list[ServerThread] = []

    def start(
        *,
        workers: int = 1,
        queue: int = 2,
        delay_s: float = 0.0,
        hosts: frozenset[str] = frozenset(),
        build=None,
    ) -> ServerThread:
        keys = load_keys(write_keys(tmp_path))
        pool = WorkerPool(build or functools.partial(build_recorded, delay_s), workers, queue)
        front = Front(ServerConfig(keys, hosts), pool)
        server = ServerThread(front).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerThread]:
    """One server for a module's tests that do not care about its state: 1 worker, no delay."""
    keys = load_keys(write_keys(tmp_path_factory.mktemp("keys")))
    pool = WorkerPool(functools.partial(build_recorded, 0.0), 1, 4)
    with ServerThread(Front(ServerConfig(keys), pool)) as server:
        yield server
