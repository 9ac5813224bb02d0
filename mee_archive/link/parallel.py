"""Per-item work spread over the machine's cores, where that is safe.

Reading 20,000 Chinese items is a Python loop of regular expressions and table look-ups
per item, and linking runs on machines with a few idle cores. Worker processes are
forked, so they start at once with the dictionary tables already in memory. Forking is
only safe in a process with a single thread: inside a crawl (Scrapy's reactor keeps a
thread pool) the work runs in-process instead, as it does for small inputs or on one core.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a worker costs more than it saves.
MIN_PARALLEL_ITEMS = 2_000


def _apply(function: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [function(item) for item in chunk]


def can_fork() -> bool:
    """Whether worker processes may be forked from this one now."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def start_map(function: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
    """Start ``[function(item) for item in items]`` on the other cores, and return what
    waits for it: the caller goes on with other work in the meantime. ``function`` must
    be a module-level function (it is sent to the workers by name)."""
    workers = min(os.cpu_count() or 1, len(items) // (MIN_PARALLEL_ITEMS // 2))
    if workers < 2 or not can_fork():
        return lambda: _apply(function, items)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    size = -(-len(items) // workers)
    futures = [pool.submit(_apply, function, items[start : start + size]) for start in range(0, len(items), size)]

    def result() -> list[R]:
        try:
            return [value for future in futures for value in future.result()]
        finally:
            pool.shutdown()

    return result
