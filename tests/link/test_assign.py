"""One-to-one assignment with threshold and margin."""

from types import SimpleNamespace

import numpy as np

import mee_archive.link.linker as linker

from mee_archive.link.assign import AMBIGUOUS, BELOW_THRESHOLD, LINKED, NO_CANDIDATE, assign
from mee_archive.link.config import LinkConfig
from mee_archive.link.ranked import Ranked

CONFIG = LinkConfig(threshold=0.5, margin=2.0)


def _ranked(*lists):
    """Candidates whose calibrated log-odds is their ranking one."""
    return [Ranked.of(each) for each in lists]


def test_surest_pair_claims_a_shared_candidate_and_the_other_falls_back():
    decisions = assign(_ranked([(7, 6.0), (8, 1.0)], [(7, 12.0), (9, 0.0)]), CONFIG)
    assert [d.status for d in decisions] == [LINKED, LINKED]
    assert decisions[1].best == 7 and decisions[0].best == 8


def test_threshold_margin_and_empty_windows():
    decisions = assign(_ranked([(1, -1.0)], [(2, 5.0), (3, 4.0)], [], [(4, 5.0), (5, 2.5)]), CONFIG)
    assert [d.status for d in decisions] == [BELOW_THRESHOLD, AMBIGUOUS, NO_CANDIDATE, LINKED]
    assert decisions[1].runner_up_logit == 4.0
    assert decisions[3].logit == 5.0


def test_a_claimed_runner_up_no_longer_makes_an_item_ambiguous():
    # Item 0 wants 1 (logit 9) but 2 is close (8.5); item 1 claims 2 first (logit 20).
    decisions = assign(_ranked([(1, 9.0), (2, 8.5)], [(2, 20.0)]), CONFIG)
    assert [d.status for d in decisions] == [LINKED, LINKED]
    assert decisions[0].runner_up_logit is None


def test_every_candidate_taken_leaves_no_candidate():
    decisions = assign(_ranked([(1, 3.0)], [(1, 10.0)]), CONFIG)
    assert [d.status for d in decisions] == [NO_CANDIDATE, LINKED]


def test_the_threshold_reads_the_calibrated_log_odds_and_the_margin_the_ranking_one():
    # A candidate far ahead of the next by the bag of keys (30 v. 5) but whose checks
    # leave its calibrated log-odds below zero is refused; the margin is 25, not 0.
    decisions = assign([Ranked(np.array([1, 2]), np.array([30.0, 5.0]), np.array([-2.0, 4.0]))], CONFIG)
    assert decisions[0].status == BELOW_THRESHOLD and decisions[0].score_logit == -2.0
    decisions = assign([Ranked(np.array([1, 2]), np.array([30.0, 29.0]), np.array([3.0, 4.0]))], CONFIG)
    assert decisions[0].status == AMBIGUOUS


def test_a_candidate_below_the_checked_ones_is_never_surer_than_they_are(monkeypatch):
    """The linker keeps unchecked candidates below the checked ones in both log-odds: a
    release whose checked best scored low cannot fall back to an unchecked one at full score."""

    class Refuses:  # every check costs 6
        def __init__(self, config, read):
            pass

        def check(self, release, zh_item, features):
            return SimpleNamespace(logit=-6.0)

    monkeypatch.setattr(linker, "EventCheck", Refuses)
    scorer = SimpleNamespace(item=lambda rank: rank)
    (ranked,), _ = linker._checked([None], [Ranked.of([(0, 30.0), (1, 6.0)])], scorer, lambda rank: rank,
                                   LinkConfig(checked_candidates=1), {})
    assert [ranked.score(i) for i in range(len(ranked))] == [-2.0, -2.0]
    assert assign([ranked], LinkConfig())[0].status == BELOW_THRESHOLD
