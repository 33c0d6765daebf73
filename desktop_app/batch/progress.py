"""Progress of a batch: counts, elapsed time and an ETA from the recent pace."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

_WINDOW = 20  # completions the pace is measured over


@dataclass(frozen=True)
class BatchProgress:
    """Sent after every finished page (from a worker thread).

    ``done`` counts pages finished either way (``failed`` of them failed); ``eta_s``
    is None until the pace is known; ``page_id`` is the page just finished.
    """

    done: int
    total: int
    failed: int
    elapsed_s: float
    eta_s: float | None
    page_id: int | None = None

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


@dataclass(frozen=True)
class BatchSummary:
    """How a batch ended; ``requeued`` pages were not finished (cancel) and are new again."""

    total: int
    succeeded: int
    failed: int
    requeued: int
    cancelled: bool
    elapsed_s: float
    #: The error code that stopped the batch (bad keys, billing, a full disk ...), else "".
    stopped_by: str = ""
    #: What stopped it, in the clerk's words, when the database did (disk full, read-only).
    stop_message: str = ""
    #: Answers received that could not be saved yet (the disk was still full at the end).
    unsaved: int = 0

    @property
    def pages_per_second(self) -> float:
        finished = self.succeeded + self.failed
        return finished / self.elapsed_s if self.elapsed_s > 0 else 0.0


class EtaEstimator:
    """Seconds left from the pace of the last completions; reset after a pause."""

    def __init__(self) -> None:
        self._times: deque[float] = deque(maxlen=_WINDOW)

    def reset(self, now: float) -> None:
        """Start measuring again from ``now`` (a pause must not count as slowness)."""
        self._times.clear()
        self._times.append(now)

    def record(self, now: float) -> None:
        self._times.append(now)

    def eta(self, remaining: int) -> float | None:
        """Seconds for ``remaining`` pages at the recent pace, or None while unknown."""
        if remaining <= 0:
            return 0.0
        if len(self._times) < 2 or self._times[-1] <= self._times[0]:
            return None
        rate = (len(self._times) - 1) / (self._times[-1] - self._times[0])
        return remaining / rate
