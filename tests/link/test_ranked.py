"""Candidates best first as two arrays read like the list of (rank, logit) pairs they replace."""

import numpy as np

from mee_archive.link.copies import _moved_to_canonical, collapse, signature
from mee_archive.link.ranked import Ranked


def test_best_first_ties_in_rank_order_and_read_as_pairs():
    ranked = Ranked.ordered(np.array([7, 3, 5, 1]), np.array([1.0, 2.0, 1.0, -4.0]))
    assert list(ranked) == [(3, 2.0), (5, 1.0), (7, 1.0), (1, -4.0)]
    assert ranked[0] == (3, 2.0) and isinstance(ranked[0][0], int) and len(ranked) == 4
    assert ranked[1:3] == [(5, 1.0), (7, 1.0)] and isinstance(ranked[1:3], Ranked)
    assert Ranked.of([(2, 0.5)]) == [(2, 0.5)] and Ranked.of([]) == []


def test_a_moved_copy_takes_the_best_logit_of_its_group_into_the_canonical_rank():
    text = "生态环境部召开部常务会议，审议并原则通过《长江保护修复攻坚战行动计划》和《渤海综合治理攻坚战行动计划》。"
    bodies = {0: text, 1: text, 2: "国家主席习近平在大阪会见联合国秘书长古特雷斯，就当前国际形势交换意见。"}
    keys = {0: (1,), 1: (0,), 2: (2,)}
    untouched = Ranked.ordered(np.array([2, 4]), np.array([3.0, -10.0]))  # 4: too far below to compare
    ranked = [Ranked.ordered(np.array([0, 1, 2]), np.array([9.0, 8.5, 8.0])), untouched]
    collapsed, copies = collapse(ranked, 8.0, 5, lambda rank: signature(bodies[rank], 600), lambda rank: frozenset(),
                                 keys.__getitem__, 0.95)
    assert collapsed[0] == [(1, 9.0), (2, 8.0)] and collapsed[1] is untouched
    assert copies == {1: [0]}


def test_a_moved_rank_in_a_tie_is_put_in_rank_order():
    moved = _moved_to_canonical(Ranked.ordered(np.array([5, 3, 7]), np.array([9.0, 8.0, 8.0])),
                                np.array([7]), np.array([1]))
    assert moved == [(5, 9.0), (1, 8.0), (3, 8.0)]


def test_moving_to_canonical_ranks_is_sorting_the_best_of_each_group():
    rng = np.random.default_rng(7)
    for _ in range(300):
        ranks = rng.choice(40, size=rng.integers(1, 30), replace=False)
        pairs = Ranked.ordered(ranks, rng.integers(-3, 4, size=len(ranks)).astype(float))
        sources = np.sort(rng.choice(40, size=rng.integers(1, 8), replace=False))
        targets = rng.integers(0, 40, size=len(sources))
        canonical = dict(zip(sources.tolist(), targets.tolist()))
        best: dict[int, float] = {}
        for rank, logit in pairs:
            best.setdefault(canonical.get(rank, rank), logit)
        expected = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))
        assert list(_moved_to_canonical(pairs, sources, targets)) == expected


def test_ordering_a_head_is_ordering_the_whole_when_the_rest_is_in_order_below_it():
    rng = np.random.default_rng(11)
    for _ in range(300):
        n, head = int(rng.integers(1, 30)), int(rng.integers(0, 7))
        ranks = rng.choice(50, size=n, replace=False)
        rest = Ranked.ordered(ranks[head:], rng.integers(-4, 3, size=max(n - head, 0)).astype(float))
        logits = np.concatenate((rng.integers(-4, 6, size=min(head, n)).astype(float), rest.logits))
        if head < n and head:  # the rest clamped below the head's lowest, as the checks leave it
            logits[head:] = np.minimum(logits[head:], logits[:head].min())
        ranks = np.concatenate((ranks[:head], rest.ranks))
        scores = rng.normal(size=n)
        expected = Ranked.ordered(ranks, logits, scores)
        got = Ranked.ordered_head(ranks, logits, scores, head)
        assert got == expected and got.scores.tolist() == expected.scores.tolist()
