"""``python -m desktop_app serve``: the office server on uvicorn, and a thread-hosted one for tests.

uvicorn (BSD-3-Clause, kept by the Encode team) runs the ASGI front in one
process: every request passes through it, so the per-SecretId quota needs no
shared store, and SIGTERM/SIGINT get uvicorn's graceful shutdown: the port
closes at once (new connections refused), in-flight requests are answered, then
the app's lifespan stops the worker processes.
"""

from __future__ import annotations

import argparse
import functools
import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.recognition.factory import EngineSettings, create_backend
from desktop_app.server.app import Front, ServerConfig, create_app
from desktop_app.server.keys import KeysFileError, load_keys
from desktop_app.server.pool import PoolStartError, WorkerPool

if TYPE_CHECKING:
    import uvicorn

log = logging.getLogger(__name__)

#: The engine every worker holds: the same one ``recognize`` builds by default.
SERVER_ENGINE = EngineSettings(engine="local")


def engine_builder(settings: EngineSettings = SERVER_ENGINE) -> Callable[[], RecognitionBackend]:
    """A picklable function that builds the engine inside a worker process."""
    return functools.partial(create_backend, settings)


def uvicorn_server(app: object, **options: object) -> uvicorn.Server:
    """A ``uvicorn.Server`` for ``app`` with the server's settings (logging is ours)."""
    import uvicorn

    config = uvicorn.Config(
        app,
        log_config=None,  # the access log is the app's own, with RequestId and SecretId
        access_log=False,
        lifespan="on",
        server_header=False,
        **options,  # type: ignore[arg-type]
    )
    return uvicorn.Server(config)


def run_serve(args: argparse.Namespace) -> int:
    """Run until SIGTERM/SIGINT; 0 after a graceful stop, 2 for a bad keys file, 1 otherwise."""
    try:
        keys = load_keys(args.keys)
    except KeysFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name in ("desktop_app.server", "desktop_app.server.access", "uvicorn.error"):
        logging.getLogger(name).setLevel(logging.INFO)
    queue = args.queue if args.queue is not None else 2 * args.workers
    pool = WorkerPool(engine_builder(), args.workers, queue)
    hosts = frozenset(h.strip().lower() for h in args.allow_url_host or [] if h.strip())
    front = Front(ServerConfig(keys, hosts), pool)
    server = uvicorn_server(
        create_app(front),
        host=args.host,
        port=args.port,
        limit_concurrency=args.max_connections,
        timeout_graceful_shutdown=args.graceful_timeout,
    )
    log.info("serving %d SecretId(s) with %d worker(s), queue %d", len(keys), args.workers, queue)
    # uvicorn handles SIGTERM/SIGINT itself and re-raises the signal afterwards with the
    # handler it found: with these, a graceful stop ends the command with exit code 0.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _stopped)
    try:
        server.run()
    except PoolStartError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0 if server.started else 1


def _stopped(signum: int, frame: object) -> None:
    """Handler uvicorn re-raises into after its graceful shutdown: nothing left to do."""


class ServerThread:
    """The server on a background thread at 127.0.0.1 and a free port (tests, benchmarks).

    ``stop()`` is what SIGTERM does to ``serve``: uvicorn's graceful shutdown.
    """

    def __init__(self, front: Front, **options: object) -> None:
        self.front = front
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port = int(self._sock.getsockname()[1])
        self.server = uvicorn_server(create_app(front), **options)
        self._thread = threading.Thread(target=self._run, name="office-server", daemon=True)
        self.error: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _run(self) -> None:
        try:
            self.server.run(sockets=[self._sock])
        except BaseException as exc:  # reported by start()
            self.error = exc

    def start(self, timeout: float = 120.0) -> ServerThread:
        """Start and wait until the workers are warm and the port answers."""
        self._thread.start()
        self._thread.join(0.0)
        deadline = timeout
        while not self.server.started and self._thread.is_alive() and deadline > 0:
            self._thread.join(0.05)
            deadline -= 0.05
        if not self.server.started:
            self.stop()
            raise RuntimeError(f"server did not start: {self.error!r}")
        return self

    def stop(self) -> None:
        """Graceful shutdown: in-flight requests are answered, workers end."""
        self.server.should_exit = True
        self._thread.join(60)
        self._sock.close()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
