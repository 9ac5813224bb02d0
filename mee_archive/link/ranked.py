"""A release's candidates best first, held as two arrays rather than a list of pairs.

2,000 releases have 1.3 million candidates between them, and each step after scoring (copies
collapsed, event checks, assignment) reads a list of (rank, logit) pairs best first; as
Python tuples those lists took about 150 MB a generation, and re-sorting them most of the
steps' time, while only the first few pairs of a list are ever looked at one by one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np


class Ranked(Sequence[tuple[int, float]]):
    """(rank, logit) pairs, best first, ties in rank order: ``ranks[i]``, ``logits[i]``;
    and, once the event checks have run, each one's calibrated log-odds ``scores[i]``
    (the logit ranks, the score decides: linker.py)."""

    __slots__ = ("ranks", "logits", "scores")

    def __init__(self, ranks: np.ndarray, logits: np.ndarray, scores: np.ndarray | None = None) -> None:
        self.ranks, self.logits, self.scores = ranks, logits, scores

    @classmethod
    def ordered(cls, ranks: np.ndarray, logits: np.ndarray, scores: np.ndarray | None = None) -> Ranked:
        """The pairs of ``ranks`` and ``logits`` (in any order) best first, ties in rank order."""
        ranks, logits = np.asarray(ranks, dtype=np.int64), np.asarray(logits, dtype=np.float64)
        order = np.lexsort((ranks, -logits))
        return cls(ranks[order], logits[order], None if scores is None else np.asarray(scores)[order])

    @classmethod
    def ordered_head(cls, ranks: np.ndarray, logits: np.ndarray, scores: np.ndarray, head: int) -> Ranked:
        """``ordered`` of pairs whose entries from ``head`` on are none above the lowest of
        the first ``head``, and in order (best first, ties in rank order) but for those tied
        with it: only the first ``head`` and those are sorted (a release's few checked
        candidates, of hundreds)."""
        if not 0 < head < len(ranks):
            return cls.ordered(ranks, logits, scores)
        end = head + int(np.count_nonzero(logits[head:] >= logits[:head].min()))
        first = cls.ordered(ranks[:end], logits[:end], scores[:end])
        return cls(np.concatenate((first.ranks, ranks[end:])), np.concatenate((first.logits, logits[end:])),
                   np.concatenate((first.scores, scores[end:])))

    def score(self, index: int) -> float:
        """The calibrated log-odds of pair ``index`` (its logit until the checks give one)."""
        return float((self.logits if self.scores is None else self.scores)[index])

    @classmethod
    def of(cls, pairs: Sequence[tuple[int, float]]) -> Ranked:
        """``pairs`` (already best first) as a Ranked."""
        if isinstance(pairs, Ranked):
            return pairs
        ranks, logits = zip(*pairs) if pairs else ((), ())
        return cls(np.array(ranks, dtype=np.int64), np.array(logits, dtype=np.float64))

    def __len__(self) -> int:
        return len(self.ranks)

    @overload
    def __getitem__(self, index: int) -> tuple[int, float]: ...

    @overload
    def __getitem__(self, index: slice) -> Ranked: ...

    def __getitem__(self, index: int | slice) -> tuple[int, float] | Ranked:
        if isinstance(index, slice):
            return Ranked(self.ranks[index], self.logits[index], None if self.scores is None else self.scores[index])
        return int(self.ranks[index]), float(self.logits[index])

    def __iter__(self) -> Iterator[tuple[int, float]]:
        return zip(self.ranks.tolist(), self.logits.tolist())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # compared by content, and mutable arrays

    def __repr__(self) -> str:
        return f"Ranked({list(self)!r})"
