"""Prometheus metrics, in a registry owned by the app (no process-global collectors)."""

from __future__ import annotations

import asyncio
import contextlib
import time

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter(
            "astral_updates_total", "Telegram updates handled, by type", ["type"], registry=self.registry
        )
        self.handler_seconds = Histogram(
            "astral_handler_seconds",
            "Handler latency, by handler",
            ["handler"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.errors = Counter(
            "astral_errors_total", "Handler errors, by handler", ["handler"], registry=self.registry
        )
        self.duplicates = Counter(
            "astral_duplicate_updates_total", "Re-sent updates ignored", registry=self.registry
        )
        self.loop_lag = Gauge(
            "astral_event_loop_lag_seconds",
            "How late a 0.5 s timer fired, last sample",
            registry=self.registry,
        )
        self.loop_lag_max = Gauge(
            "astral_event_loop_lag_max_seconds",
            "Largest event-loop lag seen since start",
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)

    async def watch_loop_lag(self, interval: float = 0.5) -> None:
        """Runs until cancelled: a blocked loop shows up as a late timer."""
        highest = 0.0
        while True:
            started = time.perf_counter()
            await asyncio.sleep(interval)
            lag = max(0.0, time.perf_counter() - started - interval)
            highest = max(highest, lag)
            self.loop_lag.set(lag)
            self.loop_lag_max.set(highest)


@contextlib.contextmanager
def timed(metrics: Metrics, handler: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        metrics.handler_seconds.labels(handler).observe(time.perf_counter() - started)
