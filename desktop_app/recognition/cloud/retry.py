"""When and how long to wait before trying a failed call again."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.cancel import CancelToken


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with "equal jitter" (AWS architecture blog, "Exponential
    Backoff and Jitter"): with ``c = min(max_delay, base_delay * 2**(n-1))`` the n-th
    wait is uniform in ``[c/2, c]``, so waits never collapse to nothing.

    ``max_attempts`` counts the first try; 1 means never retry. ``budget_s`` is the
    most one page may spend in the client, from the call to its answer: rate-limiter
    waits, every attempt and every backoff included. An attempt's own deadline is cut
    to what is left of the budget, and no retry starts with less than
    ``min_attempt_s`` left.

    The defaults (8 attempts, 0.5 s doubling to 8 s) wait at least 0.25, 0.75, 1.75,
    3.75, 7.75, 11.75 and 15.75 s in total before attempts 2 to 8, so a throttle storm
    of 10 s (every answer ``RequestLimitExceeded``) is outlasted; the backoffs add up
    to at most 31.5 s. With 30 s per attempt (``CarInvoiceClient``'s ``deadline``)
    the 120 s budget, not the attempts, bounds a page whose requests all time out.
    """

    max_attempts: int = 8
    base_delay: float = 0.5
    max_delay: float = 8.0
    budget_s: float = 120.0
    min_attempt_s: float = 1.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1 or self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("max_attempts must be >= 1 and delays >= 0")
        if self.budget_s <= 0 or self.min_attempt_s < 0:
            raise ValueError("budget_s must be > 0 and min_attempt_s >= 0")

    def ceiling(self, attempt: int) -> float:
        """The longest wait after failed attempt number ``attempt`` (1-based)."""
        return min(self.max_delay, self.base_delay * 2 ** max(0, attempt - 1))

    def delay(self, attempt: int, random: Callable[[], float]) -> float:
        """The wait after failed attempt ``attempt``; ``random`` yields floats in [0, 1)."""
        ceiling = self.ceiling(attempt)
        return ceiling / 2 + ceiling / 2 * random()


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
