"""Who is editing: the OS account name stamped on every audit entry."""

from __future__ import annotations

import getpass
import os

_FALLBACK = "unknown"


def current_user() -> str:
    """The login name from the OS (``getpass.getuser``), or the environment, or ``unknown``.

    ``getpass.getuser`` raises ``OSError`` (``KeyError`` before 3.13) on accounts
    without a passwd entry, e.g. some containers; an audit entry must still be written.
    """
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):
        name = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    return name.strip() or _FALLBACK
