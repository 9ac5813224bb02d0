"""One text on several URLs is one document: copies among the candidates, collapsed.

Chinese news is reposted: the same article sits on two channels, under the ministry's
former host name, on portals and mirrors, sometimes cut short or in traditional script.
Two copies of an original score alike, so without this the release would be "ambiguous"
between them. Candidates near the top of some release's list are compared by the
character 4-grams of their first Chinese characters; a copy's share of 4-grams found in
the other (containment: a shorter excerpt is still a copy) above the config's level makes
them one document, if they also state the same figures and dates (the smaller set mostly
inside the larger): template texts that differ only in their figures (two orders of one
kind, "令第43号" and "令第11号") are different documents. A link goes to its canonical copy: the ministry's current host first,
then its former hosts, then other sites; the earliest published among those; and its
evidence lists the other copies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from mee_archive.link.arrays import unique
from mee_archive.link.features import chinese_text, item_text
from mee_archive.link.ranked import Ranked
from mee_archive.pages.trs import ZH_HOSTS, site_of

_HAN_FIRST, _HAN_LAST, _GRAM_BITS = 0x3400, 0x9FFF, 15  # 0x9fff - 0x3400 < 2 ** 15
GRAM = 4
_NONE = np.zeros(0, dtype=np.int64)


def signature(body: str, chars: int) -> np.ndarray:
    """The distinct character 4-grams of the first ``chars`` Chinese characters of a text,
    sorted, each one integer: four offsets into the CJK range, 15 bits each, so two 4-grams
    are one integer only if they are one string (and take 8 bytes, not 60)."""
    codes = np.frombuffer(chinese_text(body).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = codes[(codes >= _HAN_FIRST) & (codes <= _HAN_LAST)][:chars].astype(np.uint64) - np.uint64(_HAN_FIRST)
    grams = np.zeros(max(len(codes) - GRAM + 1, 0), dtype=np.uint64)
    for i in range(GRAM):
        grams = (grams << np.uint64(_GRAM_BITS)) | codes[i:len(codes) - GRAM + 1 + i]
    return unique(grams)


def contained(a: frozenset[str], b: frozenset[str], containment: float) -> bool:
    """Whether the smaller of two sets is mostly (``containment``) inside the larger."""
    return len(a & b) >= containment * min(len(a), len(b))


def are_copies(a: tuple[np.ndarray, frozenset[str]], b: tuple[np.ndarray, frozenset[str]],
               containment: float) -> bool:
    """Whether two (signature, figure and date keys) are of one text."""
    (grams, stated), (other_grams, other_stated) = a, b
    if not (len(grams) and len(other_grams)):
        return False
    shared = len(np.intersect1d(grams, other_grams, assume_unique=True))
    return shared >= containment * min(len(grams), len(other_grams)) and contained(stated, other_stated, containment)


def canonical_key(url: str | None, day: date | None) -> tuple[int, date, str]:
    """Sort key of a copy: current ministry host, former ones, other sites; then earliest."""
    host = (urlsplit(url or "").hostname or "").lower()  # as written: url_key folds the former hosts in
    place = 0 if host == ZH_HOSTS[0] else 1 if site_of(host) == "zh" else 2
    return place, day or date.max, url or ""


class Copies:
    """Groups of candidate ranks that are copies of one document (union-find)."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def find(self, rank: int) -> int:
        parent = self._parent.setdefault(rank, rank)
        if parent != rank:
            parent = self._parent[rank] = self.find(parent)
        return parent

    def join(self, a: int, b: int) -> None:
        self._parent[self.find(a)] = self.find(b)

    def groups(self) -> dict[int, list[int]]:
        groups: dict[int, list[int]] = {}
        for rank in self._parent:
            groups.setdefault(self.find(rank), []).append(rank)
        return groups


def copy_signature(item: dict[str, Any], chars: int) -> np.ndarray:
    """The ``signature`` of an item's body (made on the workers that read the candidates)."""
    return signature(item_text(item)[1], chars)


def collapse(ranked: Sequence[Sequence[tuple[int, float]]], near: float, most: int,
             grams: Callable[[int], np.ndarray], stated: Callable[[int], frozenset[str]], key: Callable[[int], tuple],
             containment: float) -> tuple[list[Sequence[tuple[int, float]]], dict[int, list[int]]]:
    """Every release's (rank, logit) list, best first (ties in rank order), with each group of copies replaced by
    its canonical rank at the group's best logit; and the other members of each canonical
    rank's group. ``grams``, ``stated`` and ``key`` give a rank's text signature, its figure
    and date keys, and its canonical_key. Only a list's ``most`` best candidates within
    ``near`` log-odds of its best are compared, each pair once: the copies that matter are
    those that would make a decision ambiguous."""
    signatures: dict[int, tuple[np.ndarray, frozenset[str]]] = {}
    copies, compared = Copies(), set()
    for each in ranked:
        if not each:
            continue
        close = [rank for rank, logit in each[:most] if logit >= each[0][1] - near]
        for rank in close:
            if rank not in signatures:
                signatures[rank] = grams(rank), stated(rank)
        for i, a in enumerate(close):
            for b in close[i + 1:]:
                pair = (min(a, b), max(a, b))
                if pair in compared or copies.find(a) == copies.find(b):
                    continue
                compared.add(pair)
                if are_copies(signatures[a], signatures[b], containment):
                    copies.join(a, b)
    canonical, others = {}, {}
    for members in copies.groups().values():
        first = min(members, key=key)
        others[first] = sorted(m for m in members if m != first)
        canonical.update(dict.fromkeys(members, first))
    moved = sorted((rank, first) for rank, first in canonical.items() if rank != first)
    sources, targets = (np.array(column, dtype=np.int64) for column in zip(*moved)) if moved else (_NONE, _NONE)
    collapsed = [_moved_to_canonical(each, sources, targets) for each in ranked]
    return collapsed, {rank: members for rank, members in others.items() if members}


def _moved_to_canonical(each: Sequence[tuple[int, float]], sources: np.ndarray,
                        targets: np.ndarray) -> Sequence[tuple[int, float]]:
    """A (rank, logit) list, best first (ties in rank order), with each rank of ``sources``
    (sorted) replaced by the canonical rank ``targets[i]`` of its group at the best logit of
    the ranks so replaced; ``each`` itself if it has none of them."""
    if not len(sources):
        return each
    pairs = Ranked.of(each)
    at = np.searchsorted(sources, pairs.ranks).clip(max=len(sources) - 1)
    hit = sources[at] == pairs.ranks
    if not hit.any():
        return each
    ranks = np.where(hit, targets[at], pairs.ranks)
    # A rank's first place in the list is its best logit: the others go, the order stays
    # best first, and only ties a moved rank joined may be out of rank order.
    _, first = np.unique(ranks, return_index=True)
    first.sort()
    ranks, logits = ranks[first], pairs.logits[first]
    tied = logits[1:] == logits[:-1]
    if (ranks[1:][tied] < ranks[:-1][tied]).any():
        return Ranked.ordered(ranks, logits)
    return Ranked(ranks, logits)
