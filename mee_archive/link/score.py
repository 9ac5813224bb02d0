"""How strongly one Chinese item looks like the original of one English release.

The score is a log-odds sum, turned into a probability by the logistic function:
prior + date-gap prior + docid hint + for each kind of key (figures, dates, names, title
words, content words) a tempered naive-Bayes log-likelihood ratio (see LinkConfig), plus
the candidate's lead read back against the English (coverage.py). A key
every Chinese item has proves nothing (its ratio is zero); a rare key shared is strong
evidence; a key the English states but the candidate lacks counts against it. Key
frequencies come from the whole Chinese collection, except for names, which are looked
up by substring in each candidate's pinyin and so are counted within the window.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from mee_archive.link.config import LinkConfig
from mee_archive.link.coverage import LeadCoverage
from mee_archive.link.features import Features
from mee_archive.link.names import PinyinText
from mee_archive.link.resources import cedict

# Set-valued keys compared by set intersection: (Features attribute, config name prefix).
SET_KINDS = (("numbers", "number"), ("dates", "date"), ("title_words", "title"), ("words", "word"))
# Kinds whose Chinese keys are dictionary words, compared as the stems of their glosses.
GLOSSED_KINDS = ("title_words", "words")
# Keys of one kind beyond this many (the rarest kept: long texts' content words) add cost,
# not evidence.
MAX_KEYS_PER_KIND = 60


@dataclass(frozen=True)
class KeyWeights:
    """One kind of key for one English item: logit if none is shared, and gain per shared key."""

    weight: float
    base: float
    gains: dict[str, float]

    def logit(self, shared: set[str] | frozenset[str]) -> float:
        return self.weight * (self.base + sum(self.gains[k] for k in shared))


def key_weights(keys: dict[str, float], recall: float, weight: float) -> KeyWeights:
    """Naive-Bayes weights of keys given the share q of Chinese items that have each."""
    base, gains = 0.0, {}
    for key, q in keys.items():
        p = max(recall, q)  # a key as common as the recall proves nothing either way
        miss = math.log((1 - p) / (1 - q))
        base += miss
        gains[key] = math.log(p / q) - miss
    return KeyWeights(weight, base, gains)


def gap_logit(en_day: date | None, zh_day: date | None, config: LinkConfig) -> float:
    """Prior log-odds from the publication gap: 0 for the usual 0-14 days, less otherwise."""
    if en_day is None or zh_day is None:
        return config.unknown_day_logit
    lag = (en_day - zh_day).days
    return 0.0 if 0 <= lag <= config.usual_max_lag_days else config.unusual_lag_logit


def prior_logit(window_size: int, config: LinkConfig) -> float:
    """Log-odds, before evidence, that one of ``window_size`` candidates is the original."""
    p = config.original_rate / max(window_size, 1)
    return math.log(p / (1 - p)) if p < 1 else 10.0


def sigmoid(logit: float) -> float:
    """The probability of a log-odds (clamped: exp overflows past about 700)."""
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))


class Scorer:
    """Scores English items against Chinese candidates, with frequencies from all Chinese.

    Chinese items are held in day order (see DateIndex), with a posting list of ranks per
    key, so scoring one English item touches only the candidates that share each of its
    keys: the cost grows with shared keys, not with window size times key count.
    """

    def __init__(self, ranked: Sequence[Features | None], dated: int, english: Sequence[Features],
                 config: LinkConfig) -> None:
        """``ranked``: Chinese features in day order (None for items no window reaches,
        left unread); ``english``: every English item, whose keys are the ones indexed and
        whose stems give the lead words' frequencies."""
        self.config = config
        self._coverage = LeadCoverage(ranked, english, config)
        self._items = ranked
        self._dated = dated
        self._size = sum(item is not None for item in ranked)
        self._pinyin = PinyinText([item.pinyin if item else "" for item in ranked])
        # Only keys some English item has can ever be shared: the rest need no postings.
        self._wanted = {attr: frozenset().union(*(getattr(en, attr) for en in english)) for attr, _ in SET_KINDS}
        self._glossed: dict[str, frozenset[str]] = {}
        self._postings: dict[str, dict[str, list[int]]] = {attr: {} for attr, _ in SET_KINDS}
        for rank, item in enumerate(ranked):
            if item is None:
                continue
            for attr, postings in self._postings.items():
                for key in self._keys(item, attr):
                    postings.setdefault(key, []).append(rank)

    def _keys(self, zh: Features, attr: str) -> frozenset[str]:
        """A Chinese item's keys of one kind that some English item has: figures and dates
        as they are, dictionary words as the English stems they gloss."""
        wanted = self._wanted[attr]
        if attr not in GLOSSED_KINDS:
            return getattr(zh, attr) & wanted
        glossed, dictionary = self._glossed, cedict()
        stems = []
        for word in getattr(zh, attr):
            if word not in glossed:  # words recur: each is looked up once per run
                glossed[word] = dictionary[word] & self._wanted["words"]
            stems.append(glossed[word])
        return frozenset().union(*stems) & wanted

    def _rate(self, count: int, size: int, prefix: str) -> float:
        """Smoothed share of Chinese items having a key seen in ``count`` of ``size``."""
        background = getattr(self.config, f"{prefix}_background")
        pseudo = self.config.background_items
        return (count + pseudo * background) / (size + pseudo)

    def _set_weights(self, en: Features) -> dict[str, KeyWeights]:
        weights = {}
        for attr, prefix in SET_KINDS:
            postings = self._postings[attr]
            rates = {
                k: self._rate(len(postings[k]), self._size, prefix)
                for k in getattr(en, attr) if k in postings
            }
            if len(rates) > MAX_KEYS_PER_KIND:
                rates = dict(sorted(rates.items(), key=lambda kv: kv[1])[:MAX_KEYS_PER_KIND])
            weights[attr] = key_weights(
                rates, getattr(self.config, f"{prefix}_recall"), getattr(self.config, f"{prefix}_weight")
            )
        return weights

    def item(self, rank: int) -> Features:
        """The features of the Chinese item at ``rank`` (a candidate of some window)."""
        return self._items[rank]

    def candidates(self, window: range) -> list[int]:
        """The ranks scored for a window: its own, then every undated item's."""
        return [*window, *range(self._dated, len(self._items))]

    def _name_weights(self, en: Features, window: range) -> tuple[KeyWeights, dict[str, list[int]]]:
        """Name weights with frequencies counted among the candidates, and who has each name."""
        undated = range(self._dated, len(self._items))
        hits = {k: self._pinyin.find(k, window) + self._pinyin.find(k, undated) for k in en.names}
        size = len(window) + len(undated)
        rates = {k: self._rate(len(found), size, "name") for k, found in hits.items() if found}
        return key_weights(rates, self.config.name_recall, self.config.name_weight), hits

    def _in_window(self, postings: list[int], window: range) -> list[int]:
        low, high = bisect_left(postings, window.start), bisect_left(postings, window.stop)
        return postings[low:high] + postings[bisect_left(postings, self._dated):]

    def _docid_logit(self, en: Features, zh: Features) -> float:
        later = en.docid is not None and zh.docid is not None and zh.docid > en.docid
        return self.config.later_docid_logit if later else 0.0

    def _fixed_logits(self, en: Features, ranks: Sequence[int]) -> list[float]:
        """Date-gap prior plus docid hint of each candidate (a tight loop: it runs for
        every pair, so each distinct day's gap is worked out once)."""
        items, config = self._items, self.config
        gaps = {day: gap_logit(en.day, day, config) for day in {items[rank].day for rank in ranks}}
        en_docid = en.docid if en.docid is not None else float("inf")
        later = config.later_docid_logit
        return [
            gaps[items[rank].day] + (later if (items[rank].docid or 0) > en_docid else 0.0)
            for rank in ranks
        ]

    def logits(self, en: Features, window: range) -> list[tuple[int, float]]:
        """(rank, log-odds that it is the original of ``en``) for every candidate."""
        ranks = self.candidates(window)
        weights = self._set_weights(en)
        names, hits = self._name_weights(en, window)
        base = sum(w.weight * w.base for w in (*weights.values(), names))
        scores = dict.fromkeys(ranks, base + prior_logit(len(ranks), self.config))
        for attr, w in weights.items():
            postings = self._postings[attr]
            for key, gain in w.gains.items():
                gain *= w.weight
                for rank in self._in_window(postings[key], window):
                    scores[rank] += gain
        for key, gain in names.gains.items():
            gain *= names.weight
            for rank in hits[key]:
                scores[rank] += gain
        fixed = self._fixed_logits(en, ranks)
        leads = self._coverage.logits(ranks, self._coverage.told(en))
        return [(rank, scores[rank] + f + lead) for rank, f, lead in zip(ranks, fixed, leads)]

    def explain(self, en: Features, window: range, rank: int) -> dict:
        """Why candidate ``rank`` scores as it does: shared keys and each part's log-odds."""
        zh = self._items[rank]
        ranks = self.candidates(window)
        weights = self._set_weights(en)
        names, hits = self._name_weights(en, window)
        found = {k for k, where in hits.items() if rank in where}
        told = self._coverage.told(en)
        parts = {
            "prior": prior_logit(len(ranks), self.config),
            "gap": gap_logit(en.day, zh.day, self.config),
            "docid": self._docid_logit(en, zh),
            "lead": self._coverage.logit(rank, told),
        }
        parts |= {attr: w.logit(w.gains.keys() & self._keys(zh, attr)) for attr, w in weights.items()}
        parts["names"] = names.logit(found & names.gains.keys())
        shared_words = weights["words"].gains.keys() & self._keys(zh, "words")
        return {
            "numbers": sorted(en.numbers & zh.numbers),
            "dates": sorted(en.dates & zh.dates),
            "names": sorted(found),
            "title_words": sorted(en.title_words & self._keys(zh, "title_words")),
            "word_overlap": f"{len(shared_words)}/{len(weights['words'].gains)}",
            "lead_told": self._coverage.told_words(rank, told)[:8],
            "gap_days": (en.day - zh.day).days if en.day and zh.day else None,
            "logit_parts": {k: round(v, 2) for k, v in parts.items()},
        }
