"""Seeded randomness that stays the same across runs, machines and Python versions.

The replica's corpus must be identical for a seed forever (tests, benchmarks and incremental
crawls compare corpora built at different times), so every draw goes through here.
"""

from __future__ import annotations

from bisect import bisect
from itertools import accumulate
from random import Random
from typing import Sequence, TypeVar

T = TypeVar("T")


class StableRandom(Random):
    """``random.Random`` whose choice, randint, choices and sample use ``random()`` alone.

    Faster than the standard versions (which loop over ``getrandbits``) and immune to changes in
    their algorithms between Python versions: a seed's corpus stays the same corpus.
    """

    def choice(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if stop is None:
            start, stop = 0, start
        return start + step * int(self.random() * ((stop - start) // step))

    def choices(self, population: Sequence[T], weights: Sequence[float] | None = None, *,  # type: ignore[override]
                cum_weights: Sequence[float] | None = None, k: int = 1) -> list[T]:
        if cum_weights is None:
            cum_weights = list(accumulate(weights or [1] * len(population)))
        total = cum_weights[-1]
        if k == 1:  # the common case, without a comprehension
            return [population[bisect(cum_weights, self.random() * total)]]
        return [population[bisect(cum_weights, self.random() * total)] for _ in range(k)]

    def sample(self, population: Sequence[T], k: int) -> list[T]:  # type: ignore[override]
        n = len(population)
        if k * 4 <= n:  # few from many (the usual case): draw until k distinct, without copying
            picked: dict[int, None] = {}
            while len(picked) < k:
                picked[int(self.random() * n)] = None
            return [population[i] for i in picked]
        pool = list(population)
        for i in range(k):  # the first k steps of a Fisher-Yates shuffle
            j = i + int(self.random() * (n - i))
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


def keyed(seed: int, *parts: object) -> Random:
    """A generator keyed by strings: stable across runs and Python versions (no hash())."""
    return StableRandom(":".join(map(str, (seed, *parts))))
