"""An overall deadline for one HTTP request, however slowly its bytes arrive.

``requests``' ``timeout`` bounds each socket operation, not the request: a proxy
that trickles one byte every few seconds restarts the read timeout with every byte
and holds a worker for ever. ``DeadlineAdapter`` (mounted on the client's session)
makes its connections report to the request's watch; ``overall_deadline(seconds)``
arms a timer that, when it fires, shuts the request's socket down. The blocked read
then fails at once, and the caller sees ``watch.expired`` and reports
``Network.Timeout``.

    with overall_deadline(30.0) as watch:
        try:
            response = session.post(url, data=body, timeout=(5, 30))
        except requests.RequestException:
            if watch.expired: ...  # a timeout, whatever the exception says
        if watch.expired: ...      # the body was cut short

The watch belongs to the calling thread (a thread-local), so one session may serve
many worker threads at once.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_local = threading.local()


class Watch:
    """The deadline of one request: the connections it used and whether time ran out."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._lock = threading.Lock()
        self._connections: list[HTTPConnection] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.name = "cloud-deadline"
        self._timer.daemon = True

    def attach(self, connection: HTTPConnection) -> None:
        """The request now uses ``connection``; cut it at once if time is already up."""
        with self._lock:
            self._connections.append(connection)
            expired = self.expired
        if expired:
            _cut(connection)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            connections = list(self._connections)
        for connection in connections:
            _cut(connection)

    def cut(self) -> None:
        """End the request now (its job was cancelled): its blocked read returns at once."""
        self._expire()


def _cut(connection: HTTPConnection) -> None:
    """Shut the connection's socket down so that a blocked read or write returns now."""
    sock = getattr(connection, "sock", None)
    if sock is None:  # still connecting: the connect timeout bounds that
        return
    # The plain-socket shutdown even for TLS: ``SSLSocket.shutdown`` would also
    # drop its SSL object under the reading thread. OSError: already closed.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


@contextmanager
def overall_deadline(seconds: float) -> Iterator[Watch]:
    """Requests made by this thread inside the block end by ``seconds`` from now."""
    watch = Watch(seconds)
    previous = getattr(_local, "watch", None)
    _local.watch = watch
    watch._timer.start()
    try:
        yield watch
    finally:
        watch._timer.cancel()
        watch._timer.join()  # at once after cancel: no timer thread outlives its request
        _local.watch = previous


def _report(connection: HTTPConnection) -> None:
    watch: Watch | None = getattr(_local, "watch", None)
    if watch is not None:
        watch.attach(connection)


class _WatchedHTTPConnection(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _report(self)
        super().request(*args, **kwargs)

    def getresponse(self) -> Any:
        _report(self)  # the socket exists now even if it was still connecting before
        return super().getresponse()


class _WatchedHTTPSConnection(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _report(self)
        super().request(*args, **kwargs)

    def getresponse(self) -> Any:
        _report(self)
        return super().getresponse()


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class DeadlineAdapter(HTTPAdapter):
    """``HTTPAdapter`` whose connections honour ``overall_deadline`` (proxied ones too)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _POOLS
        return manager


def mount_deadline_adapter(session: Any) -> bool:
    """Put ``DeadlineAdapter`` on a session still using requests' plain adapters.

    A session with adapters of its own (or a test double) is left alone; returns
    whether the adapter was mounted.
    """
    adapters = getattr(session, "adapters", None)
    if not isinstance(adapters, dict):
        return False
    prefixes = ("https://", "http://")
    if not all(type(adapters.get(prefix)) is HTTPAdapter for prefix in prefixes):
        return False
    for prefix in prefixes:
        session.mount(prefix, DeadlineAdapter())
    return True
