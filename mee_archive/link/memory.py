"""How a link's processes manage memory: Python's cycle collector paused, freed C memory kept.

A link makes hundreds of thousands of objects and arrays, frees most of them a step later,
and makes as many again. Left to their defaults, Python's cycle collector would walk them
over and over (a quarter of the time, in a process that holds a large crawl), and glibc would give each array of more than a few megabytes (a batch's
characters, a run's postings, a batch of scored pairs) back to the system when freed, so
every new one started as fresh pages, each a page fault: in the parent, about 40,000 of
its 140,000 faults and 0.6 s of system time a link (measured: benchmarks/link_speed.py,
docs/benchmarks.md). Both are undone when the link ends.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager

# glibc's mallopt parameters: the size from which an allocation is a mapping of its own,
# and how much free memory at the heap's top is kept rather than given back.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
# glibc's defaults for both (which it then adjusts as a program frees mappings).
_DEFAULT_THRESHOLD = 128 << 10
# A linking process keeps the memory it frees, up to this much, for its next arrays.
KEPT_FREE_BYTES = 256 << 20


def _mallopt(threshold: int) -> None:
    """Set both thresholds (without glibc, nothing changes). The C library is the one this
    process runs on (``CDLL(None)``): ``ctypes.util.find_library`` would run a program, a
    fork of this process, large by the end of a link."""
    libc = ctypes.CDLL(None)
    if hasattr(libc, "mallopt"):
        libc.mallopt(_M_MMAP_THRESHOLD, threshold)
        libc.mallopt(_M_TRIM_THRESHOLD, threshold)


def keep_freed_memory() -> None:
    """Let this process reuse the memory it frees, up to KEPT_FREE_BYTES (a worker's
    initializer: a worker ends with the link)."""
    _mallopt(KEPT_FREE_BYTES)


@contextmanager
def linking_memory() -> Iterator[None]:
    """Freed memory kept and the cycle collector paused while linking (a link makes no
    reference cycles); glibc's default thresholds and the collector's state after (glibc then
    no longer adjusts them)."""
    enabled = gc.isenabled()
    gc.disable()
    keep_freed_memory()
    try:
        yield
    finally:
        _mallopt(_DEFAULT_THRESHOLD)
        if enabled:
            gc.enable()
