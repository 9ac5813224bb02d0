"""Two numpy idioms the linker's columnar steps share."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


# Values spread over at most this many times their count are made distinct by marking
# them in a table of their range: a pass over the values and one over the table, whose
# bytes are then at most those of the int64 values. (A sort of a million integers costs
# about as much as a table fifty times their count.)
DENSE_SPREAD = 8


def unique(values: np.ndarray) -> np.ndarray:
    """The distinct integers, sorted: by a table of their range when it is short
    (DENSE_SPREAD), else by a sort (``np.unique`` hashes first and is many times slower
    on millions of integers spread wide)."""
    if len(values):
        low, high = int(values.min()), int(values.max())
        if high - low < DENSE_SPREAD * len(values):
            seen = np.zeros(high - low + 1, dtype=bool)
            seen[values - low] = True
            return (np.flatnonzero(seen) + low).astype(values.dtype, copy=False)
    return _distinct(np.sort(values))


def merged_unique(parts: Sequence[np.ndarray]) -> np.ndarray:
    """``unique`` of arrays each already sorted: numpy's stable sort of int64 is a timsort,
    which merges the sorted runs instead of sorting anew."""
    joined = np.concatenate([np.zeros(0, dtype=np.int64), *parts])
    joined.sort(kind="stable")
    return _distinct(joined)


def _distinct(ordered: np.ndarray) -> np.ndarray:
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def columns(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """A list of (a, b) pairs as two int64 arrays (empty ones for no pairs)."""
    a, b = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    return a, b


def expand_ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Every index of the ranges [start, start + length), concatenated in order: what a
    loop over ``range(start, start + length)`` per range would visit."""
    lengths = np.asarray(lengths, dtype=np.int64)
    firsts = np.cumsum(lengths) - lengths  # where each range begins in the output
    return np.arange(int(lengths.sum())) + np.repeat(np.asarray(starts, dtype=np.int64) - firsts, lengths)
