"""Which Chinese items have each key, looked up for many keys and a window of items at once.

The scorer adds, for every key an English release states, a gain to every candidate that
has the key. Candidates are Chinese items ranked by day, so a window is a run of ranks.
Postings keep every (key, rank) pair as one sorted integer, key * stride + rank: the part
of a key's list inside a window is then one ``searchsorted`` away, for all keys together,
and summing gains over the hits is one ``bincount``, not a Python loop per pair.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mee_archive.link.arrays import expand_ranges, merged_unique, unique


class Postings:
    """(key, rank) pairs, each key's ranks sorted; keys and ranks are small integers."""

    def __init__(self, keys: np.ndarray, ranks: np.ndarray, n_keys: int, n_ranks: int) -> None:
        self._set(unique(self.encode(keys, ranks, n_ranks)), None, n_keys, n_ranks)

    @staticmethod
    def encode(keys: np.ndarray, ranks: np.ndarray, n_ranks: int) -> np.ndarray:
        """(key, rank) pairs as the integers postings keep: key * (n_ranks + 1) + rank."""
        return np.asarray(keys, dtype=np.int64) * (n_ranks + 1) + np.asarray(ranks, dtype=np.int64)

    @classmethod
    def joined(cls, parts: Sequence[np.ndarray], n_keys: int, n_ranks: int) -> Postings:
        """Postings of pairs encoded (``encode``) and given in parts, each sorted without
        repeats: made apart (on the workers that read the items, say), joined here."""
        postings = cls.__new__(cls)
        postings._set(*_laid_out(parts, n_keys, n_ranks + 1), n_keys, n_ranks)
        return postings

    def _set(self, codes: np.ndarray, counts: np.ndarray | None, n_keys: int, n_ranks: int) -> None:
        self._stride = n_ranks + 1
        self._codes = codes
        self.counts = np.bincount(self._codes // self._stride, minlength=n_keys) if counts is None else counts
        """How many ranks have each key."""

    def hits(self, keys: np.ndarray, starts: np.ndarray | int, stops: np.ndarray | int,
             shifts: np.ndarray | int = 0) -> tuple[np.ndarray, np.ndarray]:
        """(rank + shifts[needle], needle) of every pair whose key is ``keys[needle]`` and
        whose rank is in ``range(starts[needle], stops[needle])`` (bounds and shifts may
        be one number for all; a shift places ranks in the caller's array)."""
        keys = np.asarray(keys, dtype=np.int64) * self._stride
        lows, highs = keys + starts, keys + stops
        order = np.argsort(lows)  # sorted needles: each search starts where the last ended
        low = np.searchsorted(self._codes, lows[order])
        lengths = np.searchsorted(self._codes, highs[order]) - low
        shifted = self._codes[expand_ranges(low, lengths)] + np.repeat((shifts - keys)[order], lengths)
        return shifted, np.repeat(order, lengths)

    def of(self, rank: int | np.ndarray, keys: np.ndarray) -> np.ndarray:
        """Which of ``keys`` the item at ``rank`` has (a mask over ``keys``; ``rank`` may be
        an array, a rank for each key)."""
        codes = np.asarray(keys, dtype=np.int64) * self._stride + rank
        at = np.searchsorted(self._codes, codes).clip(max=max(len(self._codes) - 1, 0))
        return self._codes[at] == codes if len(self._codes) else np.zeros(len(codes), dtype=bool)

    def of_each(self, ranks: Sequence[int], keys: Sequence[np.ndarray]) -> list[np.ndarray]:
        """``[self.of(ranks[i], keys[i]) for i ...]`` in one search: a link explains each
        release's choice with a few look-ups, 2,000 releases' worth (a third of a second,
        one at a time)."""
        lengths = [len(each) for each in keys]
        found = self.of(np.repeat(np.asarray(ranks, dtype=np.int64), lengths),
                        np.concatenate([np.zeros(0, dtype=np.int64), *keys]))
        return np.split(found, np.cumsum(lengths)[:-1]) if keys else []


def _laid_out(parts: Sequence[np.ndarray], n_keys: int, stride: int) -> tuple[np.ndarray, np.ndarray | None]:
    """The sorted union of sorted parts of codes, and how many codes of each key it has
    (None if that is still to be counted). When each part's ranks come after the part's
    before (runs of items read in rank order), each key's codes are those of every part in
    turn: they are placed by counting, a pass over them, not merged (three times faster on
    the millions of a link's word keys). Other parts are merged."""
    keys = [part // stride for part in parts]
    totals = np.bincount(np.concatenate([np.zeros(0, dtype=np.int64), *keys]), minlength=n_keys)
    laid = np.empty(int(totals.sum()), dtype=np.int64)
    starts = np.cumsum(totals) - totals  # where each key's codes begin
    filled = np.zeros(len(totals), dtype=np.int64)  # each key's codes placed so far
    for part, key in zip(parts, keys):
        count = np.bincount(key, minlength=len(totals))
        first = np.cumsum(count) - count  # where each key's codes begin in the part
        laid[starts[key] + filled[key] + np.arange(len(part)) - first[key]] = part
        filled += count
    return (laid, totals) if (laid[1:] > laid[:-1]).all() else (merged_unique(parts), None)
