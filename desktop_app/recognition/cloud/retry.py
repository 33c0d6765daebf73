"""When and how long to wait before trying a failed call again."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.cancel import CancelToken


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff
    and Jitter"): the n-th wait is uniform in ``[0, min(max_delay, base_delay * 2**(n-1))]``.

    ``max_attempts`` counts the first try; 1 means never retry.
    """

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1 or self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("max_attempts must be >= 1 and delays >= 0")

    def ceiling(self, attempt: int) -> float:
        """The longest wait after failed attempt number ``attempt`` (1-based)."""
        return min(self.max_delay, self.base_delay * 2 ** max(0, attempt - 1))

    def delay(self, attempt: int, random: Callable[[], float]) -> float:
        """The wait after failed attempt ``attempt``; ``random`` yields floats in [0, 1)."""
        return self.ceiling(attempt) * random()


NO_RETRY = RetryPolicy(max_attempts=1)


def pause(
    seconds: float, cancel: CancelToken | None, sleep: Callable[[float], None] | None
) -> None:
    """Wait ``seconds`` (with ``sleep`` when injected), raising ``Cancelled`` if asked to stop.

    Without an injected ``sleep`` the wait wakes as soon as ``cancel`` is set.
    """
    if cancel is not None:
        cancel.raise_if_cancelled()
    if seconds > 0:
        if sleep is not None:
            sleep(seconds)
        elif cancel is not None:
            cancel.wait(seconds)
        else:
            time.sleep(seconds)
    if cancel is not None:
        cancel.raise_if_cancelled()
