"""Candidates best first as two arrays read like the list of (rank, logit) pairs they replace."""

import numpy as np

from mee_archive.link.copies import collapse
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
    collapsed, copies = collapse(ranked, 8.0, 5, bodies.__getitem__, lambda rank: frozenset(), keys.__getitem__,
                                 600, 0.95)
    assert collapsed[0] == [(1, 9.0), (2, 8.0)] and collapsed[1] is untouched
    assert copies == {1: [0]}
