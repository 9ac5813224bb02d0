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
left out, which also keeps the postings of lead words short.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import chain

import numpy as np

from mee_archive.link.candidates import CandidateSets
from mee_archive.link.config import LinkConfig
from mee_archive.link.features import Features
from mee_archive.link.postings import Postings
from mee_archive.link.scan import lexicon


class LeadCoverage:
    """Weights of informative Chinese lead words, from both collections' frequencies."""

    def __init__(self, chinese: Sequence[Features | None], english: Sequence[Features],
                 config: LinkConfig) -> None:
        pseudo, recall, weight = config.background_items, config.lead_recall, config.lead_weight
        stem_share = Counter(chain.from_iterable(en.words for en in english))
        shares = {s: (n + pseudo * config.lead_background) / (len(english) + pseudo)
                  for s, n in stem_share.items()}
        # Every (lead word, rank) pair, as arrays: 20,000 leads are hundreds of thousands.
        leads = [(rank, np.asarray(item.lead, dtype=np.int64)) for rank, item in enumerate(chinese) if item is not None]
        lead_words = np.concatenate([np.zeros(0, dtype=np.int64), *(lead for _, lead in leads)])
        lead_ranks = np.repeat(np.array([rank for rank, _ in leads], dtype=np.int64), [len(lead) for _, lead in leads])
        counts = np.bincount(lead_words, minlength=len(lexicon().words))  # leads with each word (once a lead)
        limit = config.lead_max_share * len(leads)
        dictionary = lexicon()
        words = dictionary.words
        self._gain = np.zeros(len(words))
        miss = np.zeros(len(words))
        informative = np.zeros(len(words), dtype=bool)
        self._words_of_stem: dict[str, list[int]] = {}
        for word in np.flatnonzero(counts).tolist():
            glosses = dictionary.glosses(word)
            q = min(max(1 - math.prod(1 - shares.get(s, 0.0) for s in glosses), 1e-4), 1 - 1e-4)
            if counts[word] > limit or q >= recall:
                continue
            informative[word] = True
            miss[word] = weight * math.log((1 - recall) / (1 - q))
            self._gain[word] = weight * math.log(recall / q) - miss[word]
            for stem in glosses:
                self._words_of_stem.setdefault(stem, []).append(word)
        keys, ranks = lead_words[informative[lead_words]], lead_ranks[informative[lead_words]]
        self._postings = Postings(keys, ranks, len(words), len(chinese))
        self._base = np.bincount(ranks, weights=miss[keys], minlength=len(chinese))

    def told(self, en: Features) -> np.ndarray:
        """The informative Chinese lead words an English item tells (a gloss among its stems)."""
        words_of_stem = self._words_of_stem
        return np.unique([w for s in en.words if s in words_of_stem for w in words_of_stem[s]]).astype(np.int64)

    def logits(self, sets: CandidateSets, told: Sequence[np.ndarray]) -> np.ndarray:
        """The evidence of the lead of every candidate of every English item (flat, see
        CandidateSets), given the words each item tells."""
        owners = np.repeat(np.arange(len(told)), [len(words) for words in told])
        words = np.concatenate([*told, np.zeros(0, dtype=np.int64)])
        positions, needles = sets.hits(self._postings, owners, words)
        gains = np.bincount(positions, weights=self._gain[words[needles]], minlength=len(sets))
        return self._base[sets.ranks] + gains

    def logit(self, rank: int, told_by: np.ndarray) -> float:
        """The evidence of the lead of Chinese item ``rank``, given the told words in it
        (``told_by``)."""
        return float(self._base[rank] + self._gain[told_by].sum())

    def told_by(self, ranks: Sequence[int], told: Sequence[np.ndarray]) -> list[np.ndarray]:
        """The words of ``told[i]`` in the lead of Chinese item ``ranks[i]``, for each i."""
        return [words[found] for words, found in zip(told, self._postings.of_each(ranks, told))]


def longest_first(words: np.ndarray) -> list[str]:
    """Dictionary words by id, longest first (for evidence)."""
    text = lexicon().words
    return sorted((text[w] for w in words.tolist()), key=len, reverse=True)
