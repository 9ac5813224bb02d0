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

import re
from collections.abc import Callable, Sequence
from datetime import date

from mee_archive.link.features import chinese_text, url_key
from mee_archive.pages.trs import ZH_HOSTS, site_of

_NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")
GRAM = 4


def signature(body: str, chars: int) -> frozenset[str]:
    """The character 4-grams of the first ``chars`` Chinese characters of a text."""
    han = _NOT_HAN.sub("", chinese_text(body))[:chars]
    return frozenset(han[i:i + GRAM] for i in range(len(han) - GRAM + 1))


def contained(a: frozenset[str], b: frozenset[str], containment: float) -> bool:
    """Whether the smaller of two sets is mostly (``containment``) inside the larger."""
    return len(a & b) >= containment * min(len(a), len(b))


def are_copies(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]],
               containment: float) -> bool:
    """Whether two (signature, figure and date keys) are of one text."""
    return bool(a[0] and b[0]) and contained(a[0], b[0], containment) and contained(a[1], b[1], containment)


def canonical_key(url: str | None, day: date | None) -> tuple[int, date, str]:
    """Sort key of a copy: current ministry host, former ones, other sites; then earliest."""
    host = (url_key(url) or "").partition("/")[0]
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


def collapse(ranked: Sequence[list[tuple[int, float]]], near: float, most: int, body: Callable[[int], str],
             stated: Callable[[int], frozenset[str]], key: Callable[[int], tuple], chars: int,
             containment: float) -> tuple[list[list[tuple[int, float]]], dict[int, list[int]]]:
    """Every release's (rank, logit) list, best first, with each group of copies replaced by
    its canonical rank at the group's best logit; and the other members of each canonical
    rank's group. ``body``, ``stated`` and ``key`` give a rank's text, its figure and date
    keys, and its canonical_key. Only a list's ``most`` best candidates within ``near``
    log-odds of its best are compared, each pair once: the copies that matter are those
    that would make a decision ambiguous."""
    signatures: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    copies, compared = Copies(), set()
    for each in ranked:
        if not each:
            continue
        close = [rank for rank, logit in each[:most] if logit >= each[0][1] - near]
        for rank in close:
            if rank not in signatures:
                signatures[rank] = signature(body(rank), chars), stated(rank)
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
    collapsed = []
    for each in ranked:
        best: dict[int, float] = {}
        for rank, logit in each:
            target = canonical.get(rank, rank)
            best[target] = max(logit, best.get(target, float("-inf")))
        collapsed.append(sorted(best.items(), key=lambda pair: (-pair[1], pair[0])))
    return collapsed, {rank: members for rank, members in others.items() if members}
