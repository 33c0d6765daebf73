"""One window per review database: a second start hands its files to the running window.

The window holds ``store.lock.DatabaseLock`` for its database and listens on a local
socket (``QLocalServer``) named after the database path. A second start on the same
database finds the lock taken, sends its files to that socket as one JSON line
(``{"files": [...]}``), and exits 0; the running window queues them, opens the first
and comes to the front. Two windows on one database would each reset the other's
pages and show different queues.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_CONNECT_MS = 2000
_WRITE_MS = 2000
_READ_MS = 2000


def server_name(database: Path) -> str:
    """The socket name of the window on ``database`` (per user, per resolved path)."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{Path(database).resolve()}"
    return "carinvoicedesk-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def hand_over(database: Path, files: Sequence[str], attempts: int = 10) -> bool:
    """Send ``files`` to the window running on ``database``; whether it took them.

    Retried for a few seconds: the running window may still be starting up.
    """
    payload = json.dumps({"files": [str(Path(f).resolve()) for f in files]}).encode() + b"\n"
    for _ in range(attempts):
        socket = QLocalSocket()
        socket.connectToServer(server_name(database))
        if socket.waitForConnected(_CONNECT_MS):
            socket.write(payload)
            sent = socket.waitForBytesWritten(_WRITE_MS)
            # The window answers "ok" once it has the files, so the second start
            # does not exit before they are safe.
            answered = sent and socket.waitForReadyRead(_READ_MS)
            reply = bytes(socket.readAll().data()) if answered else b""
            socket.disconnectFromServer()
            if reply.startswith(b"ok"):
                return True
        time.sleep(0.3)
    return False


class InstanceServer(QObject):
    """Listens for later starts on the same database; emits the files they hand over."""

    #: Files a later start asked to open: (list of absolute path strings).
    files_received = Signal(list)

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)
        name = server_name(database)
        # The lock is ours, so a socket of that name is a crashed window's leftover.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("cannot listen for later starts: %s", self._server.errorString())

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            files = [str(f) for f in json.loads(line)["files"]]
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed hand-over from a later start")
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnected.connect(socket.deleteLater)
        self.files_received.emit(files)

    def close(self) -> None:
        self._server.close()
