"""Prometheus metrics of the front process (``GET /metrics``), through ``prometheus_client``.

Every request passes through the one front process, so plain (single-process)
collectors count them all; the workers report their time in each answer.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60)


class ServerMetrics:
    """The server's collectors, in a registry of its own (several servers in one test process)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "carinvoice_requests",
            "CarInvoiceOCR requests answered, by error code (OK for success)",
            ["code"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "carinvoice_request_seconds",
            "Time from the request's arrival to its answer",
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.recognition = Histogram(
            "carinvoice_recognition_seconds",
            "Time a worker spent opening and recognizing one page",
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "carinvoice_queue_depth",
            "Admitted requests waiting for a free worker",
            registry=self.registry,
        )
        self.in_flight = Gauge(
            "carinvoice_in_flight", "Admitted requests not answered yet", registry=self.registry
        )
        self.workers = Gauge(
            "carinvoice_workers", "Worker processes with a warm engine", registry=self.registry
        )

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes."""
        return generate_latest(self.registry)
