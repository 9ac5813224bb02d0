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
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from mee_archive.link.candidates import Candidates, CandidateSets
from mee_archive.link.config import LinkConfig
from mee_archive.link.coverage import LeadCoverage, longest_first
from mee_archive.link.features import Features
from mee_archive.link.keyindex import SET_KINDS, EnglishKeys, KeyIndex
from mee_archive.link.ranked import Ranked

# English items scored together: each shared key of each candidate is a few array entries
# (10 million for 2,000 items), so batches bound the memory.
SCORE_BATCH = 250
# Keys of one kind beyond this many (the rarest kept: long texts' content words) add cost,
# not evidence.
MAX_KEYS_PER_KIND = 60


@dataclass(frozen=True)
class KeyWeights:
    """One kind of key for one English item: logit if none is shared, and gain per shared key
    (``keys[i]`` gains ``gains[i]``)."""

    weight: float
    base: float
    keys: np.ndarray
    gains: np.ndarray

    def logit(self, shared: np.ndarray) -> float:
        """The kind's log-odds given a mask over ``keys`` of the keys shared."""
        return self.weight * (self.base + float(self.gains[shared].sum()))


def naive_bayes(q: np.ndarray, recall: float) -> tuple[np.ndarray, np.ndarray]:
    """(logit if missing, gain if shared) of keys a share q of Chinese items have."""
    miss = np.log((1 - recall) / (1 - q))
    return miss, np.log(recall / q) - miss


def key_weights(keys: np.ndarray, q: np.ndarray, recall: float, weight: float) -> KeyWeights:
    """Naive-Bayes weights of keys given the share q of Chinese items that have each. A key
    as common as the recall proves nothing either way and is left out."""
    informative = q < recall
    miss, gains = naive_bayes(q[informative], recall)
    return KeyWeights(weight, float(miss.sum()), keys[informative], gains)


def prior_logit(window_size: int, config: LinkConfig) -> float:
    """Log-odds, before evidence, that one of ``window_size`` candidates is the original."""
    p = config.original_rate / max(window_size, 1)
    return math.log(p / (1 - p)) if p < 1 else 10.0


def sigmoid(logit: float) -> float:
    """The probability of a log-odds (clamped: exp overflows past about 700)."""
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))


class Scorer:
    """Scores English items against Chinese candidates, with frequencies from all Chinese.

    Chinese items are held in day order (see DateIndex), with postings of ranks per key
    (postings.py): scoring touches only the candidates that share a key, and does so for
    many English items and all their keys of a kind in a few array operations.
    """

    def __init__(self, ranked: Sequence[Features | None], english: Sequence[Features], config: LinkConfig,
                 index: KeyIndex | None = None) -> None:
        """``ranked``: Chinese features in day order (None for items no window reaches,
        left unread); ``english``: every English item, whose keys are the ones indexed and
        whose stems give the lead words' frequencies; ``index``: the Chinese items indexed by the English keys, if made already (by the
        workers that read them), else it is made here."""
        self.config = config
        self._coverage = LeadCoverage(ranked, english, config)
        self._items = ranked
        self._size = sum(item is not None for item in ranked)
        self._ordinals = np.array([item.day.toordinal() if item and item.day else -1 for item in ranked])
        self._docids = np.array([(item.docid or 0) if item else 0 for item in ranked])
        # Only keys some English item has can ever be shared: the rest need no postings.
        self._index = index or KeyIndex.of(ranked, EnglishKeys.of(english))
        self._keys, self._ids = self._index.keys.keys, self._index.keys.ids
        self._postings = self._index.postings

    def _rate(self, count: np.ndarray | int, size: int, prefix: str) -> np.ndarray:
        """Smoothed share of Chinese items having a key seen in ``count`` of ``size``."""
        background = getattr(self.config, f"{prefix}_background")
        pseudo = self.config.background_items
        return (np.asarray(count) + pseudo * background) / (size + pseudo)

    def _key_ids(self, en: Features, attr: str) -> np.ndarray:
        ids = self._ids[attr]
        return np.array(sorted(ids[k] for k in getattr(en, attr)), dtype=np.int64)

    def _set_weights(self, english: Sequence[Features], attr: str, prefix: str) -> list[KeyWeights]:
        """Each English item's weights of one kind of key: its keys that some Chinese item
        has, the MAX_KEYS_PER_KIND rarest (ties by key), the informative ones."""
        owners = np.repeat(np.arange(len(english)), [len(getattr(en, attr)) for en in english])
        keys = np.fromiter(map(self._ids[attr].__getitem__, chain.from_iterable(getattr(en, attr) for en in english)),
                           dtype=np.int64, count=len(owners))
        counts = self._postings[attr].counts[keys]
        owners, keys, rates = owners[counts > 0], keys[counts > 0], self._rate(counts[counts > 0], self._size, prefix)
        order = np.lexsort((keys, rates, owners))
        owners, keys, rates = owners[order], keys[order], rates[order]
        place = np.arange(len(owners)) - np.searchsorted(owners, owners)  # rarity rank within an item
        recall, weight = getattr(self.config, f"{prefix}_recall"), getattr(self.config, f"{prefix}_weight")
        kept = (place < MAX_KEYS_PER_KIND) & (rates < recall)
        owners, keys, (miss, gains) = owners[kept], keys[kept], naive_bayes(rates[kept], recall)
        bases = np.bincount(owners, weights=miss, minlength=len(english))
        bounds = np.searchsorted(owners, np.arange(len(english) + 1)).tolist()
        return [KeyWeights(weight, float(bases[i]), keys[bounds[i]:bounds[i + 1]], gains[bounds[i]:bounds[i + 1]])
                for i in range(len(english))]

    def item(self, rank: int) -> Features:
        """The features of the Chinese item at ``rank`` (a candidate of some window)."""
        return self._items[rank]

    def _name_weights(self, en: Features, candidates: Candidates) -> tuple[KeyWeights, list[np.ndarray]]:
        """Name weights with frequencies counted among the candidates, and who has each name."""
        names = sorted(en.names)
        hits = [self._index.named(name, candidates.spans) for name in names]
        found = [i for i, ranks in enumerate(hits) if len(ranks)]
        rates = self._rate([len(hits[i]) for i in found], len(candidates), "name")
        weights = key_weights(np.array(found, dtype=np.int64), rates, self.config.name_recall, self.config.name_weight)
        return weights, [hits[i] for i in weights.keys.tolist()]  # the informative names' hits

    def _gaps_and_docids(self, english: Sequence[Features], owners: np.ndarray,
                         ranks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Date-gap prior and docid hint of candidate ``ranks[i]`` of English item
        ``owners[i]``: no gap logit for the usual 0-14 days, less outside them or when a
        day is unknown; less for a Chinese docid above the English one."""
        config = self.config
        en_days = np.array([en.day.toordinal() if en.day else -1 for en in english], dtype=np.int64)[owners]
        en_docids = np.array([en.docid if en.docid is not None else np.inf for en in english])[owners]
        zh_days = self._ordinals[ranks]
        lag = en_days - zh_days
        usual = (lag >= 0) & (lag <= config.usual_max_lag_days)
        gaps = np.where((en_days < 0) | (zh_days < 0), config.unknown_day_logit,
                        np.where(usual, 0.0, config.unusual_lag_logit))
        return gaps, np.where(self._docids[ranks] > en_docids, config.later_docid_logit, 0.0)

    def score(self, english: Sequence[Features], candidates: Sequence[Candidates]) -> list[Scored]:
        """Log-odds that each candidate is the original, for every English item."""
        return [scored for start in range(0, len(english), SCORE_BATCH)
                for scored in self._score_batch(english[start:start + SCORE_BATCH],
                                                candidates[start:start + SCORE_BATCH])]

    def _score_batch(self, english: Sequence[Features], candidates: Sequence[Candidates]) -> list[Scored]:
        """``score`` of some English items: their candidates are scored together, a kind of
        key at a time."""
        sets = CandidateSets(candidates)
        base = np.array([prior_logit(len(each), self.config) for each in candidates])
        positions, gains, weights = [np.zeros(0, dtype=np.int64)], [np.zeros(0)], {}
        for attr, prefix in SET_KINDS:
            weights[attr] = kind = self._set_weights(english, attr, prefix)
            owners = np.repeat(np.arange(len(kind)), [len(w.keys) for w in kind])
            found, needles = sets.hits(self._postings[attr], owners, np.concatenate([w.keys for w in kind]))
            positions.append(found)
            gains.append(np.concatenate([w.weight * w.gains for w in kind])[needles])
            base += [w.weight * w.base for w in kind]
        names = [self._name_weights(en, each) for en, each in zip(english, candidates)]
        for owner, (weight, hits) in enumerate(names):
            base[owner] += weight.weight * weight.base
            for ranks, gain in zip(hits, weight.gains):
                positions.append(sets.positions(np.full(len(ranks), owner), ranks))
                gains.append(np.full(len(ranks), weight.weight * gain))
        told = [self._coverage.told(en) for en in english]
        gaps, docids = self._gaps_and_docids(english, sets.owners, sets.ranks)
        logits = (base[sets.owners] + gaps + docids + self._coverage.logits(sets, told)
                  + np.bincount(np.concatenate(positions), weights=np.concatenate(gains), minlength=len(sets)))
        return [
            Scored(en, each, logits[sets.offsets[i]:sets.offsets[i + 1]], {a: weights[a][i] for a in weights},
                   *names[i], told[i])
            for i, (en, each) in enumerate(zip(english, candidates))
        ]

    def explain_each(self, scored: Sequence[Scored], ranks: Sequence[int]) -> list[dict]:
        """Why each ``scored[i]``'s candidate ``ranks[i]`` scores as it does: the figures,
        dates, names and title stems both state; ``word_overlap``, how many of the English
        item's informative content-word keys (at most MAX_KEYS_PER_KIND, the rarest) the
        candidate has; the longest told words of its lead; the day gap; and each part's
        log-odds. The postings are searched once for them all."""
        english = [each.en for each in scored]
        shared = {attr: self._postings[attr].of_each(ranks, [each.weights[attr].keys for each in scored])
                  for attr, _ in SET_KINDS}
        title_ids = [self._key_ids(en, "title_words") for en in english]
        titles = self._postings["title_words"].of_each(ranks, title_ids)
        told = self._coverage.told_by(ranks, [each.told for each in scored])
        gaps, docids = self._gaps_and_docids(english, np.arange(len(scored)), np.asarray(ranks, dtype=np.int64))
        explained = []
        for i, (each, rank) in enumerate(zip(scored, ranks)):
            en, zh = each.en, self._items[rank]
            has_name = np.array([rank in hits for hits in each.name_hits], dtype=bool)
            parts = {"prior": prior_logit(len(each.candidates), self.config), "gap": float(gaps[i]),
                     "docid": float(docids[i]), "lead": self._coverage.logit(rank, told[i])}
            parts |= {attr: weights.logit(shared[attr][i]) for attr, weights in each.weights.items()}
            parts["names"] = each.names.logit(has_name)
            explained.append({
                "numbers": sorted(en.numbers & zh.numbers),
                "dates": sorted(en.dates & zh.dates),
                "foreign_names": sorted(en.foreign & zh.foreign),
                "names": [sorted(en.names)[k] for k in each.names.keys[has_name].tolist()],
                "title_words": [self._keys["title_words"][k] for k in title_ids[i][titles[i]].tolist()],
                "word_overlap": f"{int(shared['words'][i].sum())}/{len(each.weights['words'].keys)}",
                "lead_told": longest_first(told[i])[:8],
                "gap_days": (en.day - zh.day).days if en.day and zh.day else None,
                "logit_parts": {k: round(v, 2) for k, v in parts.items()},
            })
        return explained


@dataclass(frozen=True)
class Scored:
    """One English item scored against its candidates: ``logits`` over
    ``candidates.ranks``, and the weights behind them, kept to explain a choice."""

    en: Features
    candidates: Candidates
    logits: np.ndarray
    weights: dict[str, KeyWeights]
    names: KeyWeights
    name_hits: list[np.ndarray]
    told: np.ndarray

    def best_first(self) -> Ranked:
        """(rank, logit) of every candidate, best first (ties in rank order)."""
        return Ranked.ordered(self.candidates.ranks, self.logits)
