"""Runs CPU-bound chart work off the event loop, in worker processes.

Swiss Ephemeris keeps global C state and is not thread-safe, and rendering holds the GIL, so
threads would not help: each worker is a separate process. Workers are started with "spawn"
rather than "fork", so they never inherit a copy of the running event loop, and they are the main
process's own children, so they can ask to die with it (see `_die_with_parent`).
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent() -> None:
    """Linux: end this worker when its parent dies, even by SIGKILL, instead of living on as an orphan."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass  # no libc to call: the pool still works, orphans are possible after a SIGKILL


def _init_worker(ephemeris_path: str | None) -> None:
    _die_with_parent()
    # Imported here so the parent does not pay for it twice; it also warms the worker up.
    from astralbot.astro.ephemeris import configure_ephemeris

    configure_ephemeris(ephemeris_path)
    os.environ.setdefault("ASTRAL_WORKER", "1")


def _warm_up() -> int:
    import astralbot.jobs.tasks  # noqa: F401 - import cost paid at start, not on the first chart

    return os.getpid()


class ChartPool:
    """A process pool with an async face. Created by the composition root, closed on shutdown."""

    def __init__(self, workers: int, ephemeris_path: str | None = None) -> None:
        self._workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(ephemeris_path,),
        )

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, *args)

    async def warm_up(self) -> None:
        """Start every worker now, so the first user does not wait for process start-up."""
        await asyncio.gather(*(self.run(_warm_up) for _ in range(self._workers)))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
