"""One-to-one assignment of Chinese originals to English releases across a whole crawl.

Each Chinese item is the original of at most one English release. Links are decided in
descending order of log-odds, so the most certain pairs claim their Chinese item first and
a weaker English item that wanted the same one falls back to its next candidate. A link
needs a calibrated score at or above the threshold and a log-odds lead over the best other
still-free candidate of at least the margin; otherwise the English item gets no link and
a status saying why. Each candidate comes with two log-odds (linker.py): the one that
ranks it against the others, and the calibrated one its score is.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from mee_archive.link.config import LinkConfig
from mee_archive.link.score import sigmoid

LINKED, NO_CANDIDATE, BELOW_THRESHOLD, AMBIGUOUS = "linked", "no_candidate", "below_threshold", "ambiguous"
# Below the threshold, and the best is the release's event told otherwise (linker.py).
RELATED_ONLY = "related_only"


@dataclass(frozen=True)
class Decision:
    """What became of one English item: its best free candidate and the runner-up's logit."""

    status: str
    best: int | None = None  # Chinese position of the best free candidate
    logit: float | None = None
    runner_up_logit: float | None = None
    score_logit: float | None = None  # the calibrated log-odds of the best


def _next_free(ranked: Sequence[tuple[int, float, float]], start: int, taken: set[int]) -> int:
    while start < len(ranked) and ranked[start][0] in taken:
        start += 1
    return start


def assign(ranked: Sequence[Sequence[tuple[int, float, float]]], config: LinkConfig) -> list[Decision]:
    """Decide every English item given its candidates as (Chinese position, ranking
    log-odds, calibrated log-odds), best first."""
    decisions: list[Decision] = [Decision(NO_CANDIDATE)] * len(ranked)
    taken: set[int] = set()
    heap = [(-cands[0][1], en, 0) for en, cands in enumerate(ranked) if cands]
    heapq.heapify(heap)
    while heap:
        _, en, rank = heapq.heappop(heap)
        cands = ranked[en]
        free = _next_free(cands, rank, taken)
        if free == len(cands):  # every candidate went to a surer English item
            continue
        if free != rank:  # its best was claimed meanwhile: wait for the next free one's turn
            heapq.heappush(heap, (-cands[free][1], en, free))
            continue
        position, logit, score_logit = cands[rank]
        runner = _next_free(cands, rank + 1, taken)
        runner_logit = cands[runner][1] if runner < len(cands) else None
        if sigmoid(score_logit) < config.threshold:
            status = BELOW_THRESHOLD
        elif runner_logit is not None and logit - runner_logit < config.margin:
            status = AMBIGUOUS
        else:
            status = LINKED
            taken.add(position)
        decisions[en] = Decision(status, position, logit, runner_logit, score_logit)
    return decisions
