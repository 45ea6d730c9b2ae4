"""Auto-calibrated timing shared by the benchmarks: median and p90 per call, like timeit's autorange.

A sample times a batch of calls big enough (`MIN_SAMPLE_SECONDS`) that the clock's resolution and the
cost of reading it vanish, so sub-microsecond calls are measured as honestly as millisecond ones.
Samples are taken until the time budget is spent; the median and p90 are over the per-call averages.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

MIN_SAMPLE_SECONDS = 0.002
MIN_SAMPLES = 7


@dataclass(frozen=True, slots=True)
class Timing:
    """Seconds per call over `samples` batches of `batch` calls each."""

    median: float
    p90: float
    best: float
    samples: int
    batch: int

    @property
    def calls(self) -> int:
        return self.samples * self.batch

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "calls": self.calls}


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between the closest ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarize(per_call: Sequence[float], batch: int = 1) -> Timing:
    """A `Timing` from per-call durations measured elsewhere (e.g. request latencies of a load test)."""
    return Timing(
        median=statistics.median(per_call),
        p90=percentile(per_call, 90),
        best=min(per_call),
        samples=len(per_call),
        batch=batch,
    )


def _batch_size(fn: Callable[[], object]) -> int:
    # Double the batch until one batch lasts MIN_SAMPLE_SECONDS (the first runs double as warm-up).
    batch = 1
    while True:
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        if time.perf_counter() - start >= MIN_SAMPLE_SECONDS:
            return batch
        batch *= 2


def measure(fn: Callable[[], object], budget_seconds: float = 1.5, warmup: int = 3) -> Timing:
    """Time `fn()` for about `budget_seconds` after `warmup` calls; at least `MIN_SAMPLES` samples."""
    for _ in range(warmup):
        fn()
    batch = _batch_size(fn)
    per_call: list[float] = []
    gc.collect()  # start every item from the same heap state rather than inheriting garbage
    deadline = time.perf_counter() + budget_seconds
    while len(per_call) < MIN_SAMPLES or time.perf_counter() < deadline:
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        per_call.append((time.perf_counter() - start) / batch)
    return summarize(per_call, batch)


def time_once(fn: Callable[[], object]) -> tuple[float, Any]:
    """Seconds taken by one call of `fn` and its result (first calls, cold caches, index builds)."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def format_seconds(seconds: float) -> str:
    """A duration in the unit that keeps 3–4 significant digits readable: µs, ms or s."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    if seconds < 1.0:
        return f"{seconds * 1e3:.3f} ms"
    return f"{seconds:.3f} s"
