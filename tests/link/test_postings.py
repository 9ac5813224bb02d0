"""Posting lists answer "who has these keys, among these ranks" for many keys at once."""

import numpy as np

from mee_archive.link.arrays import DENSE_SPREAD, expand_ranges, unique
from mee_archive.link.candidates import Candidates, CandidateSets
from mee_archive.link.postings import Postings


def test_hits_are_the_pairs_within_the_spans_each_once():
    # key 0: ranks 1, 4, 7; key 1: rank 4; key 2: none; a duplicate pair is kept once
    postings = Postings(np.array([0, 0, 0, 1, 0]), np.array([1, 4, 7, 4, 4]), n_keys=3, n_ranks=9)
    assert postings.counts.tolist() == [3, 1, 0]
    ranks, which = postings.hits(np.array([2, 1, 0, 0]), np.array([2, 2, 2, 7]), np.array([6, 6, 6, 9]))
    assert sorted(zip(ranks.tolist(), which.tolist())) == [(4, 1), (4, 2), (7, 3)]
    shifted, which = postings.hits(np.array([0]), 0, 9, shifts=np.array([100]))
    assert shifted.tolist() == [101, 104, 107] and which.tolist() == [0, 0, 0]
    assert postings.of(4, np.array([0, 1, 2])).tolist() == [True, True, False]


def test_looking_up_many_items_at_once_is_looking_each_up():
    rng = np.random.default_rng(5)
    postings = Postings(rng.integers(0, 9, 300), rng.integers(0, 40, 300), n_keys=9, n_ranks=40)
    ranks = rng.integers(0, 41, 50).tolist()
    keys = [rng.integers(0, 9, int(n)) for n in rng.integers(0, 6, 50)]  # some with no keys
    assert [each.tolist() for each in postings.of_each(ranks, keys)] == [postings.of(r, k).tolist()
                                                                         for r, k in zip(ranks, keys)]
    assert postings.of_each([], []) == []


def test_candidate_sets_lay_each_items_window_then_the_undated_side_by_side():
    sets = CandidateSets([Candidates(range(3, 6), range(10, 12)), Candidates(range(0, 2), range(10, 12))])
    assert sets.ranks.tolist() == [3, 4, 5, 10, 11, 0, 1, 10, 11] and len(sets) == 9
    assert sets.owners.tolist() == [0] * 5 + [1] * 4
    assert sets.positions(np.array([0, 0, 1, 1]), np.array([5, 10, 1, 11])).tolist() == [2, 3, 6, 8]
    # key 0 at ranks 1, 4, 10; key 1 at rank 5
    postings = Postings(np.array([0, 0, 0, 1]), np.array([1, 4, 10, 5]), n_keys=2, n_ranks=12)
    positions, needles = sets.hits(postings, np.array([0, 1, 0]), np.array([0, 0, 1]))
    assert sorted(zip(positions.tolist(), needles.tolist())) == [(1, 0), (2, 2), (3, 0), (6, 1), (7, 1)]


def test_array_helpers():
    assert expand_ranges(np.array([5, 0, 9]), np.array([2, 0, 3])).tolist() == [5, 6, 9, 10, 11]
    assert unique(np.array([3, 1, 3, 2, 1])).tolist() == [1, 2, 3] and len(unique(np.array([], dtype=int))) == 0


def test_unique_marks_values_in_a_table_of_a_short_range_and_sorts_values_spread_wide():
    rng = np.random.default_rng(7)
    for spread in (1, DENSE_SPREAD, DENSE_SPREAD * 10, 10**9):  # both ways of finding them
        values = rng.integers(-50, 1_000 * spread, 1_000)
        assert unique(values).tolist() == np.unique(values).tolist()
        assert unique(values.astype(np.int32)).dtype == np.int32
