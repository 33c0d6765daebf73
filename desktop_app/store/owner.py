"""Who claimed a page: this process's owner tag, and whether another tag's process lives.

A batch claims each page (new → recognizing) with its store's owner tag
(``new_owner()``: host, pid and a token of that open). Recovery after a crash puts
back only pages whose owner is gone, so a second process opening the database
never takes pages from a batch that is still running. Within one process a tag
of another open counts as gone: the window has one store, and a store reopened in
the same process (after a failure) must get its pages back.
"""

from __future__ import annotations

import os
import socket
import uuid

_HOST = socket.gethostname()


def new_owner() -> str:
    """``host:pid:token``, the tag of one open of the database."""
    return f"{_HOST}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_alive(owner: str, me: str = "") -> bool:
    """Whether the process that wrote ``owner`` may still be running (``me``: our own tag).

    Unknown or unreadable tags (pages claimed by an older version) count as gone;
    a process on another machine (a database on a share) counts as alive, since it
    cannot be checked from here.
    """
    if owner and owner == me:
        return True
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if not host or not pid_text.isdigit():
        return False
    if host != _HOST:
        return True
    return _pid_alive(int(pid_text))


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our pid, not our tag: an earlier open, or a run that had the same pid
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:  # Windows: os.kill(pid, 0) is not a probe; assume alive
        return True
    return True
