"""How a link's processes manage memory: Python's cycle collector paused, freed C memory kept.

A link makes hundreds of thousands of objects and arrays, frees most of them a step later,
and makes as many again. Left to their defaults, Python's cycle collector would walk them
over and over (a quarter of the time, in a process that holds a large crawl), and glibc
would give each array of more than a few megabytes (a batch's characters, a run's postings,
a batch of scored pairs) back to the system when freed, so every new one started as fresh
pages, each a page fault: in the parent, about 40,000 of its 140,000 faults and 0.4 s of
system time a link (docs/benchmarks.md, "Link speed / Session 15"). The collector is paused
for every link; the memory kept only by a link that forks workers (a command's process:
a crawl links in its own, long-lived process and keeps glibc's own settings).
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

# glibc's mallopt parameters: the size from which an allocation is a mapping of its own,
# and how much free memory at the heap's top is kept rather than given back.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
# glibc's starting value for both (which it then raises as a program frees mappings).
_DEFAULT_THRESHOLD = 128 << 10
# A linking process keeps the memory it frees, up to this much, for its next arrays.
KEPT_FREE_BYTES = 256 << 20


@cache
def _glibc() -> ctypes.CDLL | None:
    """The C library this process runs on if it is glibc (``CDLL(None)``: finding it by
    ``ctypes.util.find_library`` would run a program, a fork of this process), else None."""
    try:
        libc = ctypes.CDLL(None)
    except (OSError, TypeError):  # no such handle (Windows)
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def _mallopt(threshold: int) -> None:
    """Set both thresholds (without glibc, nothing changes)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, threshold)
        libc.mallopt(_M_TRIM_THRESHOLD, threshold)


def keep_freed_memory() -> None:
    """Let this process reuse the memory it frees, up to KEPT_FREE_BYTES (a worker's
    initializer: a worker ends with its link)."""
    _mallopt(KEPT_FREE_BYTES)


@contextmanager
def linking_memory(keep_freed: bool) -> Iterator[None]:
    """The cycle collector paused while linking (a link makes no reference cycles), and the
    memory freed kept if ``keep_freed``. After: the collector as it was, glibc's thresholds
    at their starting value (from which glibc no longer raises them) and the memory kept
    given back."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        if keep_freed:
            keep_freed_memory()
        yield
    finally:
        if keep_freed and _glibc() is not None:
            _mallopt(_DEFAULT_THRESHOLD)
            _glibc().malloc_trim(0)
        if enabled:
            gc.enable()
