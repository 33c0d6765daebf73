"""Atomic file writes: write a temporary file beside the target, fsync, ``os.replace``.

A reader (or Excel) never sees half a file, and a failed export leaves the
previous file, if any, as it was. The file gets the permissions any new file of
the user gets (0666 less the umask), not ``mkstemp``'s private 0600: an export
is meant to be shared.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path to write; it replaces ``target`` when the block ends without error."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with temp.open("rb+") as file:
            os.fsync(file.fileno())
        temp.chmod(_new_file_mode())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(target.parent)


def _new_file_mode() -> int:
    """0666 less the process umask (read without changing it for other threads)."""
    umask = _current_umask()
    return 0o666 & ~umask


def _current_umask() -> int:
    """The umask, from /proc where it is readable (os.umask can only read by setting)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(umask)
    return umask


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the OS allows opening a folder (not Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
