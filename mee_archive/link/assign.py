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
from mee_archive.link.ranked import Ranked
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


def _next_free(ranked: Ranked, start: int, taken: set[int]) -> int:
    while start < len(ranked) and int(ranked.ranks[start]) in taken:
        start += 1
    return start


def assign(ranked: Sequence[Ranked], config: LinkConfig) -> list[Decision]:
    """Decide every English item given its candidates best first: Chinese positions, their
    ranking log-odds and their calibrated ones (Ranked.score)."""
    decisions: list[Decision] = [Decision(NO_CANDIDATE)] * len(ranked)
    taken: set[int] = set()
    heap = [(-float(cands.logits[0]), en, 0) for en, cands in enumerate(ranked) if len(cands)]
    heapq.heapify(heap)
    while heap:
        _, en, rank = heapq.heappop(heap)
        cands = ranked[en]
        free = _next_free(cands, rank, taken)
        if free == len(cands):  # every candidate went to a surer English item
            continue
        if free != rank:  # its best was claimed meanwhile: wait for the next free one's turn
            heapq.heappush(heap, (-float(cands.logits[free]), en, free))
            continue
        (position, logit), score_logit = cands[rank], cands.score(rank)
        runner = _next_free(cands, rank + 1, taken)
        runner_logit = float(cands.logits[runner]) if runner < len(cands) else None
        if sigmoid(score_logit) < config.threshold:
            status = BELOW_THRESHOLD
        elif runner_logit is not None and logit - runner_logit < config.margin:
            status = AMBIGUOUS
        else:
            status = LINKED
            taken.add(position)
        decisions[en] = Decision(status, position, logit, runner_logit, score_logit)
    return decisions
