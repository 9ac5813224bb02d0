"""``link_items``: English releases in, one LinkResult each out, in input order.

Reads every English item, finds each one's date window of Chinese items, reads only the
Chinese items some window needs, scores all pairs, and assigns one-to-one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from mee_archive.link.assign import BELOW_THRESHOLD, LINKED, RELATED_ONLY, Decision, assign
from mee_archive.link.candidates import Candidates, DateIndex, window_day
from mee_archive.link.config import LinkConfig
from mee_archive.link.copies import canonical_key, collapse, copy_signature
from mee_archive.link.correspond import Candidate, Check, EventCheck, Release, english_release, read_candidates
from mee_archive.link.features import Features, day_and_docid, english_features_many, load_tables, url_key
from mee_archive.link.keyindex import EnglishKeys, read_and_index
from mee_archive.link.memory import linking_memory
from mee_archive.link.parallel import Part, Workers, start_map
from mee_archive.link.ranked import Ranked
from mee_archive.link.score import Scored, Scorer, sigmoid


@dataclass(frozen=True)
class LinkResult:
    """The link of one English item.

    ``zh`` is {url, docid, title, published, score, evidence} when ``zh_status`` is
    "linked", else None; ``best`` then describes the best candidate that was refused
    ("below_threshold", "ambiguous", "related_only": the event told otherwise), or is
    None ("no_candidate").
    """

    url: str
    zh: dict[str, Any] | None
    zh_status: str
    best: dict[str, Any] | None = None

    def record(self) -> dict[str, Any]:
        """The flat JSONL form: url, zh_url, zh_status, score, evidence, and the refused
        best candidate's ``candidate_url`` (a related page, when "related_only")."""
        chosen = self.zh or self.best
        return {
            "url": self.url,
            "zh_url": self.zh["url"] if self.zh else None,
            "candidate_url": self.best["url"] if self.best and not self.zh else None,
            "zh_status": self.zh_status,
            "score": chosen["score"] if chosen else None,
            "evidence": chosen["evidence"] if chosen else None,
        }


def _describe(item: dict[str, Any], features: Features, decision: Decision, evidence: dict) -> dict[str, Any]:
    """The ``zh`` record of a Chinese item chosen (or refused) for an English one; its score
    is the logistic of its calibrated log-odds."""
    if decision.runner_up_logit is not None:
        evidence = {**evidence, "margin": round(decision.logit - decision.runner_up_logit, 2)}
    return {
        "url": item.get("url"),
        "docid": features.docid,
        "title": item.get("title"),
        "published": item.get("published") or (features.day.isoformat() if features.day else None),
        "score": round(sigmoid(decision.score_logit), 4),
        "evidence": evidence,
    }


def link_items(
    english: list[dict[str, Any]], chinese: list[dict[str, Any]], config: LinkConfig | None = None,
    progress: Callable[[str], None] | None = None, fork_workers: bool = True,
) -> list[LinkResult]:
    """Link each English item to at most one Chinese item, one-to-one across the lists.

    A Chinese item listed twice (the same URL, http or https) is read once: two copies
    would otherwise make every link to it ambiguous. ``progress``, if given, is told
    each step as it ends (a line of text). ``fork_workers=False`` keeps all the work in
    this process (a running crawl must not fork, see parallel.py).
    """
    chinese = _each_url_once(chinese)
    load_tables()  # before the workers fork (at their first task): they share the parent's copy
    with linking_memory(keep_freed=fork_workers), Workers(fork_workers, inherit=(english, chinese)) as workers:
        return _link(english, chinese, config or LinkConfig(), progress or (lambda step: None), workers)


def _link(english: list[dict[str, Any]], chinese: list[dict[str, Any]], config: LinkConfig,
          progress: Callable[[str], None], workers: Workers) -> list[LinkResult]:
    """``link_items`` of items without repeated URLs, the workers inheriting both lists."""
    progress("loaded the dictionary tables")
    # The Chinese items' days for the windows, and the English items read, on the workers
    # (the parent touching the Chinese items would copy, copy-on-write, each page of them):
    # the workers that then read the Chinese index them by the English keys.
    window_days = start_map(window_day, Part(chinese), workers)
    en_reading = english_features_many(Part(english), workers)
    index = DateIndex(window_days())
    en_days = [day_and_docid(item, prefer_url_day=True)[0] for item in english]
    candidates = [index.candidates(day, config.max_lag_days, config.max_lead_days) for day in en_days]
    needed = sorted(_needed_ranks(candidates, index))
    zh_features: list[Features | None] = [None] * len(index.order)
    en_features = en_reading()
    ranked_part = lambda ranks: Part(chinese, [index.order[rank] for rank in ranks])  # noqa: E731
    keys = EnglishKeys.of(en_features)
    reading = read_and_index(ranked_part(needed), needed, len(index.order),
                             keys, config.max_zh_chars, workers)
    releases = start_map(english_release, Part(english), workers)  # read while the scores are made here
    read, key_index = reading()
    for rank, features in zip(needed, read):
        zh_features[rank] = features
    progress(f"read {len(english)} English and {len(needed)} Chinese items (of {len(chinese)}; the rest are "
             "outside every window), indexed by the English keys")
    scorer = Scorer(zh_features, en_features, config, key_index)
    # The checks read each release's best candidates (but for the few that copies collapsed
    # bring up), and copies are looked for among them: the workers sign their texts (for
    # the copies, wanted first), then read them, as soon as a half of the releases is
    # scored: while the other half is scored here.
    scored: list[Scored] = []
    best_first: list[Ranked] = []
    readings: list[tuple[list[int], Callable[[], list[Candidate]]]] = []
    signing: list[tuple[list[int], Callable[[], list[np.ndarray]]]] = []
    for half in (slice(0, len(english) // 2), slice(len(english) // 2, len(english))):
        scored += scorer.score(en_features[half], candidates[half])
        best_first += [each.best_first() for each in scored[half]]
        read_already = {rank for heads, _ in readings for rank in heads}
        heads = sorted({rank for each in best_first[half] for rank, _ in each[:config.checked_candidates]}
                       - read_already)
        signing.append((heads, start_map(partial(copy_signature, chars=config.copy_chars), ranked_part(heads), workers)))
        readings.append((heads, read_candidates(ranked_part(heads), [scorer.item(rank) for rank in heads],
                                                config.max_zh_chars, workers)))
    progress(f"scored {sum(len(each) for each in candidates)} candidate pairs")
    zh_item = lambda rank: chinese[index.order[rank]]  # noqa: E731
    # Collapsing compares a list's first checked_candidates at most: all of them signed.
    signatures = {rank: grams for heads, signed in signing for rank, grams in zip(heads, signed())}
    ranked, copies = collapse(best_first, config.margin, config.checked_candidates, signatures.__getitem__,
                              lambda rank: scorer.item(rank).numbers | scorer.item(rank).dates,
                              lambda rank: canonical_key(zh_item(rank).get("url"), scorer.item(rank).day),
                              config.copy_containment)
    read = {id(zh_item(rank)): candidate for heads, reading in readings for rank, candidate in zip(heads, reading())}
    ranked, checks = _checked(releases(), ranked, scorer, zh_item, config, read)
    progress("collapsed copies, checked the best candidates' event dates and actors")
    decisions = assign(ranked, config)
    chosen = [i for i, decision in enumerate(decisions) if decision.best is not None]
    explained = dict(zip(chosen, scorer.explain_each([scored[i] for i in chosen], [decisions[i].best for i in chosen])))
    results = []
    for i, (item, checked, decision) in enumerate(zip(english, checks, decisions)):
        described = None
        if decision.best is not None:
            evidence = explained[i]
            evidence["logit_parts"]["capped_at"] = config.logit_cap
            if decision.best in checked:
                evidence |= checked[decision.best].evidence()
                evidence["logit_parts"]["event"] = round(checked[decision.best].logit, 2)
            if decision.best in copies:
                evidence["copies"] = [zh_item(rank).get("url") for rank in copies[decision.best]]
            described = _describe(zh_item(decision.best), scorer.item(decision.best), decision, evidence)
        linked = decision.status == LINKED
        status = RELATED_ONLY if _another_telling(decision, checked.get(decision.best), config) else decision.status
        results.append(
            LinkResult(item.get("url", ""), described if linked else None, status,
                       None if linked else described)
        )
    progress(f"decided {len(results)} links")
    return results


def _checked(releases: list[Release], ranked: Sequence[Sequence[tuple[int, float]]],
             scorer: Scorer, zh_item: Callable[[int], dict[str, Any]], config: LinkConfig,
             read: dict[int, Candidate]) -> tuple[list[Ranked], list[dict[int, Check]]]:
    """Every release's candidates (rank, bag-of-keys log-odds, best first, copies collapsed)
    again, best first, with the event checks of its best ``checked_candidates`` added
    (correspond.py; ``releases``: what they read of each English item; ``read``: the
    candidates read already, by the identity of their item); and those checks.
    Each candidate is (rank, ranking log-odds, calibrated log-odds): the bag of keys counts
    in full to rank, up to ``logit_cap`` in the calibrated one, the checks in full in both."""
    ranked = [Ranked.of(each) for each in ranked]
    checker = EventCheck(config, read)
    cap = config.logit_cap
    rechecked, checks = [], []
    for release, candidates in zip(releases, ranked):
        checked: dict[int, Check] = {}
        logits, scores = candidates.logits.copy(), np.minimum(candidates.logits, cap)
        for i, (rank, logit) in enumerate(candidates[:config.checked_candidates]):
            checked[rank] = checker.check(release, zh_item(rank), scorer.item(rank))
            logits[i] = logit + checked[rank].logit
            scores[i] = min(logit, cap) + checked[rank].logit
        # The rest were not checked: they stay below every checked one, as they were.
        head = min(config.checked_candidates, len(logits))
        floor = logits[:head].min() if head else 0.0
        logits[head:] = np.minimum(logits[head:], floor)
        scores[head:] = np.minimum(scores[head:], scores[:head].min() if head else min(floor, cap))
        rechecked.append(Ranked.ordered_head(candidates.ranks, logits, scores, head))
        checks.append(checked)
    return rechecked, checks


def _another_telling(decision: Decision, check: Check | None, config: LinkConfig) -> bool:
    """Whether a refused best candidate is the release's event told otherwise: as sure as
    the bag of keys can be (its capped log-odds), refused by the telling or a day missing."""
    return (decision.status == BELOW_THRESHOLD and check is not None and check.another_telling
            and decision.score_logit - check.logit >= config.logit_cap)


def _each_url_once(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items in order, each URL's first listing only (items without a URL all kept)."""
    seen: set[str] = set()
    unique = []
    for item in items:
        key = url_key(item.get("url"))
        if key not in seen:
            unique.append(item)
            if key:
                seen.add(key)
    return unique


def _needed_ranks(candidates: list[Candidates], index: DateIndex) -> set[int]:
    """Ranks of the Chinese items some English window (or every one) includes."""
    needed = set(range(index.dated, len(index.order)))
    for each in candidates:
        needed.update(each.window)
    return needed
