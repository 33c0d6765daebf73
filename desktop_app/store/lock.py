"""``DatabaseLock``: one window per review database, held for the database's lifetime.

The lock is an OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on
``<database>.lock`` beside the file. The OS drops it when its process ends, however
it ends, so a lock left by a crash is never mistaken for a live one: stale locks
need no timeout and no guessing from PIDs. The file keeps the holder's host and
pid for messages. Read-only users (``export``) take no lock: SQLite lets them read
beside a running window.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path
from typing import IO

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


class DatabaseLock:
    """The lock of the database at ``path``; ``acquire()`` says whether this process holds it."""

    def __init__(self, database: Path) -> None:
        self.database = Path(database)
        self.path = self.database.with_name(self.database.name + ".lock")
        self._file: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when a live process holds it."""
        if self._file is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        file = self.path.open("a+", encoding="utf-8")
        try:
            _lock(file)
        except OSError:
            file.close()
            return False
        file.seek(0)
        file.truncate()
        file.write(f"{socket.gethostname()} {os.getpid()}\n")
        file.flush()
        self._file = file
        return True

    def holder(self) -> str:
        """``host pid`` of the process that holds (or last held) the lock, or ``""``."""
        with contextlib.suppress(OSError):
            return self.path.read_text(encoding="utf-8").strip()
        return ""

    def release(self) -> None:
        """Give the lock up (the process ending does the same)."""
        file, self._file = self._file, None
        if file is not None:
            with contextlib.suppress(OSError):
                _unlock(file)
            file.close()

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _lock(file: IO[str]) -> None:
    if os.name == "nt":  # pragma: no cover
        file.seek(0)
        msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(file: IO[str]) -> None:
    if os.name == "nt":  # pragma: no cover
        file.seek(0)
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)
