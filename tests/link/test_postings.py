"""Posting lists answer "who has these keys, among these ranks" for many keys at once."""

import numpy as np

from mee_archive.link.arrays import expand_ranges, unique
from mee_archive.link.candidates import Candidates
from mee_archive.link.names import NameFinder, chinese_pinyin
from mee_archive.link.postings import Postings


def test_hits_are_the_pairs_within_the_spans_each_once():
    # key 0: ranks 1, 4, 7; key 1: rank 4; key 2: none; a duplicate pair is kept once
    postings = Postings(np.array([0, 0, 0, 1, 0]), np.array([1, 4, 7, 4, 4]), n_keys=3, n_ranks=9)
    assert postings.counts.tolist() == [3, 1, 0]
    ranks, which = postings.hits(np.array([2, 1, 0]), [range(2, 6), range(7, 9)])
    assert sorted(zip(ranks.tolist(), which.tolist())) == [(4, 1), (4, 2), (7, 2)]
    assert postings.of(4, np.array([0, 1, 2])).tolist() == [True, True, False]


def test_candidates_place_window_and_undated_ranks_side_by_side():
    candidates = Candidates(range(3, 6), range(10, 12))
    assert candidates.ranks.tolist() == [3, 4, 5, 10, 11] and len(candidates) == 5
    assert candidates.slots(np.array([5, 10, 3, 11])).tolist() == [2, 3, 0, 4]


def test_array_helpers():
    assert expand_ranges(np.array([5, 0, 9]), np.array([2, 0, 3])).tolist() == [5, 6, 9, 10, 11]
    assert unique(np.array([3, 1, 3, 2, 1])).tolist() == [1, 2, 3] and len(unique(np.array([], dtype=int))) == 0


def test_name_finder_searches_each_key_once_and_answers_per_window():
    pinyins = [chinese_pinyin(t) for t in ("李干杰出席", "会议召开", "李干杰强调", "黄润秋", "李干杰")]
    finder = NameFinder(pinyins, [({"liganjie"}, (range(0, 2),)), ({"liganjie", "huangrunqiu"}, (range(2, 4),))])
    assert finder.find("liganjie", (range(0, 2),)).tolist() == [0]
    assert finder.find("liganjie", (range(0, 4),)).tolist() == [0, 2]
    assert finder.find("huangrunqiu", (range(2, 4), range(4, 4))).tolist() == [3]
    assert finder.find("liganjie", (range(4, 5),)).tolist() == []  # no release asked there
    assert finder.find("zhoushengxian", (range(0, 5),)).tolist() == []
