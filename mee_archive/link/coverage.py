"""The Chinese-to-English half of the evidence: is the Chinese lead told in the English?

English keys found in a candidate say the candidate covers the English; they cannot say
the candidate is about something else as well. Same-day meetings share their template
and differ in one topic phrase (生物多样性保护 v. 饮用水水源地保护), so each Chinese item's
lead (title and first paragraph) is also read the other way: every informative
dictionary word in it is "told" in the English if one of its glosses is among the
English stems. A told word counts log(recall/q), an untold one log((1-recall)/(1-q)),
where q is the chance that an English item tells it, 1 - prod(1 - r_s) over its glosses s
with r_s the share of English items having stem s. Words in many Chinese leads are
template, and words most English texts would tell (q >= recall) prove nothing: both are
left out, which also keeps the per-pair work small.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from mee_archive.link.config import LinkConfig
from mee_archive.link.features import Features
from mee_archive.link.resources import cedict


class LeadCoverage:
    """Weights of informative Chinese lead words, from both collections' frequencies."""

    def __init__(self, chinese: Sequence[Features | None], english: Sequence[Features],
                 config: LinkConfig) -> None:
        pseudo, recall, weight = config.background_items, config.lead_recall, config.lead_weight
        stem_share = Counter(s for en in english for s in en.words)
        shares = {s: (n + pseudo * config.lead_background) / (len(english) + pseudo)
                  for s, n in stem_share.items()}
        leads = [item.lead for item in chinese if item is not None]
        limit = config.lead_max_share * len(leads)
        dictionary = cedict()
        self._gain: dict[str, float] = {}
        self._words_of_stem: dict[str, set[str]] = {}
        miss: dict[str, float] = {}
        for word, count in Counter(w for lead in leads for w in lead).items():
            untold = math.prod(1 - shares.get(s, 0.0) for s in dictionary[word])
            q = min(max(1 - untold, 1e-4), 1 - 1e-4)
            if count > limit or q >= recall:
                continue
            miss[word] = weight * math.log((1 - recall) / (1 - q))
            self._gain[word] = weight * math.log(recall / q) - miss[word]
            for stem in dictionary[word]:
                self._words_of_stem.setdefault(stem, set()).add(word)
        self._leads = [frozenset(item.lead & miss.keys()) if item else frozenset() for item in chinese]
        self._base = [sum(miss[w] for w in lead) for lead in self._leads]

    def told(self, en: Features) -> set[str]:
        """The informative Chinese lead words an English item tells (a gloss among its stems)."""
        words_of_stem = self._words_of_stem
        return set().union(*(words_of_stem[s] for s in en.words if s in words_of_stem))

    def logit(self, rank: int, told: set[str]) -> float:
        """The evidence of the lead of Chinese item ``rank`` given the words told."""
        return self.logits([rank], told)[0]

    def logits(self, ranks: Sequence[int], told: set[str]) -> list[float]:
        """The evidence of the leads of many Chinese items (a tight loop: it runs per pair)."""
        base, leads, gain = self._base, self._leads, self._gain.__getitem__
        return [base[rank] + sum(map(gain, leads[rank] & told)) for rank in ranks]

    def told_words(self, rank: int, told: set[str]) -> list[str]:
        """The told lead words of item ``rank``, longest first (for evidence)."""
        return sorted(self._leads[rank] & told, key=len, reverse=True)
