"""Which Chinese items have each key some English release states, indexed a run of items at a time.

The scorer looks keys up in postings (postings.py), and name keys in the items' pinyin. Both
need only the keys the English releases state, and those are known once the English items
are read, before the Chinese ones are. So the worker that reads a run of Chinese items also
indexes it: it glosses the run's dictionary words into the English stems, keeps the figures,
dates and foreign names the English state, and finds every English name key in the run's
pinyin in one multi-pattern (Aho-Corasick) pass. The parent then only joins the runs' sorted
parts. Done in the parent after all the reading, with one core idle, this was a third of the
linker's time (the names alone: a substring search per key over every window naming it).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Any

import ahocorasick_rs
import numpy as np

from mee_archive.link.arrays import expand_ranges, unique
from mee_archive.link.features import CHUNK_ITEMS, Features, read_chinese
from mee_archive.link.names import Pinyin
from mee_archive.link.parallel import Part, Workers, start_runs
from mee_archive.link.postings import Postings
from mee_archive.link.scan import lexicon

# Set-valued keys compared by set intersection: (Features attribute, config name prefix).
SET_KINDS = (("numbers", "number"), ("dates", "date"), ("foreign", "foreign"), ("title_words", "title"),
             ("words", "word"))
# Kinds whose Chinese keys are dictionary words, compared as the stems of their glosses.
GLOSSED_KINDS = ("title_words", "words")
# Chinese items indexed together in this process (the workers index the runs they read).
RUN_ITEMS = 1000
# Items whose words are glossed together: their pairs, as found, are a few thousand an item.
GLOSS_ITEMS = 100


@dataclass(frozen=True)
class EnglishKeys:
    """Every key of each kind some English item states, sorted (a key's id is its place, so
    ties between equally rare keys break by key), and every romanised name key."""

    keys: dict[str, list[str]]
    ids: dict[str, dict[str, int]]
    names: tuple[str, ...]

    @classmethod
    def of(cls, english: Sequence[Features]) -> EnglishKeys:
        keys = {attr: sorted(frozenset().union(*(getattr(en, attr) for en in english))) for attr, _ in SET_KINDS}
        return cls(keys, {attr: {key: i for i, key in enumerate(each)} for attr, each in keys.items()},
                   tuple(sorted(frozenset().union(*(en.names for en in english)))))


@dataclass(frozen=True)
class RunIndex:
    """One run of Chinese items indexed: per kind, its (key id, rank) pairs as sorted codes
    (``Postings.encode``); per name key, the sorted ranks whose pinyin has it."""

    codes: dict[str, np.ndarray]
    names: dict[str, np.ndarray]


def read_and_index(items: Sequence[dict[str, Any]], ranks: Sequence[int], n_ranks: int, keys: EnglishKeys,
                   max_chars: int, workers: Workers | None = None) -> Callable[[], tuple[list[Features], KeyIndex]]:
    """Start reading Chinese items (``items[i]`` at rank ``ranks[i]`` of ``n_ranks``; see
    ``chinese_features_many``; a ``Part`` of what the workers inherited is not sent to
    them) and indexing them by ``keys``, each worker a run at a time; returns what waits
    for their features and the index. The features come back without
    their dictionary words (``title_words``, ``words``: empty), which the index holds by
    the English stems they gloss: they were a third of the bytes sent back and held."""
    runs = start_runs(partial(_read_and_index_run, n_ranks=n_ranks, keys=keys, max_chars=max_chars),
                      Part.of(items, ranks), workers, CHUNK_ITEMS)

    def result() -> tuple[list[Features], KeyIndex]:
        done = runs()
        return [each for features, _ in done for each in features], KeyIndex([run for _, run in done], keys, n_ranks)

    return result


def _read_and_index_run(run: Sequence[tuple[int, dict[str, Any]]], n_ranks: int, keys: EnglishKeys,
                        max_chars: int) -> tuple[list[Features], RunIndex]:
    ranks = [rank for rank, _ in run]
    # Words that gloss to no English key would be dropped by the index: not read at all.
    kept = {attr: Glosses.of(tuple(keys.keys[attr])).glossed for attr in GLOSSED_KINDS}
    features = read_chinese([item for _, item in run], max_chars, kept)
    index = index_run(keys, ranks, features, n_ranks)
    return [replace(each, title_words=_NO_WORDS, words=_NO_WORDS) for each in features], index


def index_run(keys: EnglishKeys, ranks: Sequence[int], items: Sequence[Features], n_ranks: int) -> RunIndex:
    """Index Chinese items (``items[i]`` at rank ``ranks[i]`` of ``n_ranks``) by ``keys``."""
    codes = {}
    # A run's ranks are a short range: its pairs coded within it are made distinct by a
    # table (arrays.unique), not a sort of millions of them.
    low = min(ranks, default=0)
    span = max(ranks, default=0) - low + 1
    for attr, _ in SET_KINDS:
        if attr in GLOSSED_KINDS:
            local = _glossed_pairs(Glosses.of(tuple(keys.keys[attr])), ranks, [getattr(item, attr) for item in items],
                                   low, span)
        else:
            ids = keys.ids[attr]
            pairs = [(ids[key], rank) for rank, item in zip(ranks, items) for key in getattr(item, attr) if key in ids]
            key_ids, key_ranks = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
            local = unique(key_ids * span + (key_ranks - low))
        codes[attr] = Postings.encode(local // span, local % span + low, n_ranks)
    return RunIndex(codes, names_in([item.pinyin for item in items], ranks, keys.names))


def _glossed_pairs(glosses: Glosses, ranks: Sequence[int], words: Sequence[Sequence[int]],
                   low: int, span: int) -> np.ndarray:
    """The distinct (key, rank) pairs of the items' glossed words, coded key * span +
    rank - low: GLOSS_ITEMS items at a time, whose words come as found (every occurrence,
    several glosses each: millions of pairs a run), so that only a slice is held at once."""
    slices = [np.zeros(0, dtype=np.int64)]
    for start in range(0, len(words), GLOSS_ITEMS):
        key_ids, key_ranks = glosses.pairs(ranks[start:start + GLOSS_ITEMS], words[start:start + GLOSS_ITEMS])
        slices.append(unique(key_ids * span + (key_ranks - low)))
    return unique(np.concatenate(slices))


@dataclass(frozen=True)
class Glosses:
    """Each dictionary word's glosses among some English keys, by word id: word i's key ids
    are ``keys[starts[i]:starts[i] + counts[i]]``. Tables over the dictionary's hundred
    thousand words, not a sort and searches of a run's million word ids."""

    starts: np.ndarray
    counts: np.ndarray
    keys: np.ndarray
    glossed: np.ndarray  # by word id: whether the word has a gloss among the keys

    @staticmethod
    @lru_cache(maxsize=len(GLOSSED_KINDS))
    def of(keys: tuple[str, ...]) -> Glosses:
        """The glosses among ``keys`` (a key's id is its place): made once a process for
        each kind, though every run's task brings its own copy of the keys."""
        dictionary = lexicon()
        key_of_stem = np.full(len(dictionary.stem_ids), -1, dtype=np.int64)
        for key, stem in enumerate(keys):
            if stem in dictionary.stem_ids:
                key_of_stem[dictionary.stem_ids[stem]] = key
        glossed = key_of_stem[dictionary.gloss_ids]  # each (word, stem) entry's key, or -1
        kept = glossed >= 0
        word_of_entry = np.repeat(np.arange(len(dictionary.words)), np.diff(dictionary.gloss_starts))
        counts = np.bincount(word_of_entry[kept], minlength=len(dictionary.words))
        return Glosses(np.cumsum(counts) - counts, counts, glossed[kept], counts > 0)

    def pairs(self, ranks: Sequence[int], words: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
        """(key id, rank) for every dictionary word id of ``words[i]`` (of the item at
        ``ranks[i]``) and each of its glosses among the keys."""
        flat = np.frombuffer(b"".join(memoryview(each).cast("B") for each in words), dtype=np.int32)
        of_rank = np.repeat(np.asarray(ranks, dtype=np.int64), [len(each) for each in words])
        counts = self.counts[flat]
        return self.keys[expand_ranges(self.starts[flat], counts)], np.repeat(of_rank, counts)


def names_in(pinyins: Sequence[Pinyin], ranks: Sequence[int], names: Sequence[str]) -> dict[str, np.ndarray]:
    """For each name key some pinyin has, the sorted ``ranks[i]`` whose ``pinyins[i]`` has
    it: one pass of an Aho-Corasick automaton of all the keys over each buffer the pinyins
    are slices of (a key is [a-z]+ and items are BARRIER apart, so a match is inside one)."""
    slices: dict[int, list[tuple[int, int, int]]] = {}
    for rank, pinyin in zip(ranks, pinyins):
        if names and pinyin.stop > pinyin.start:
            slices.setdefault(id(pinyin.buffer), []).append((pinyin.start, pinyin.stop, rank))
    if not slices:
        return {}
    automaton = _automaton(tuple(names))
    buffers = {id(pinyin.buffer): pinyin.buffer for pinyin in pinyins}
    stride = max(ranks) + 1
    codes = [_NONE]  # name id * stride + rank of every (name, item) found
    for buffer, spans in slices.items():
        starts, stops, of_rank = (np.array(column, dtype=np.int64) for column in zip(*sorted(spans)))
        low, high = int(starts[0]), int(stops.max())
        matches = automaton.find_matches_as_indexes(memoryview(buffers[buffer])[low:high], overlapping=True)
        which, begins, ends = np.array(matches, dtype=np.int64).reshape(-1, 3).T + [[0], [low], [low]]
        item = np.searchsorted(starts, begins, side="right") - 1
        inside = (item >= 0) & (ends <= stops[item.clip(min=0)])
        codes.append(which[inside] * stride + of_rank[item[inside]])
    codes = unique(np.concatenate(codes))
    bounds = np.searchsorted(codes // stride, np.arange(len(names) + 1)).tolist()
    return {name: codes[bounds[i]:bounds[i + 1]] % stride for i, name in enumerate(names) if bounds[i + 1] > bounds[i]}


@lru_cache(maxsize=1)
def _automaton(names: tuple[str, ...]) -> ahocorasick_rs.BytesAhoCorasick:
    """The name keys' automaton, made once a process for every run it indexes: a DFA, since
    the releases' few hundred keys make a small one, which scans a run's megabytes of pinyin
    twice as fast as the default automaton (and takes longer to build: tens of ms at
    thousands of keys)."""
    return ahocorasick_rs.BytesAhoCorasick([name.encode("ascii") for name in names],
                                           implementation=ahocorasick_rs.Implementation.DFA)


class KeyIndex:
    """Runs of Chinese items indexed (``index_run``), joined: each kind's postings, and
    which items' pinyin has each name key."""

    def __init__(self, runs: Sequence[RunIndex], keys: EnglishKeys, n_ranks: int) -> None:
        self.keys = keys
        self.postings = {attr: Postings.joined([run.codes[attr] for run in runs], len(keys.ids[attr]), n_ranks)
                         for attr, _ in SET_KINDS}
        parts: dict[str, list[np.ndarray]] = {}
        for run in runs:
            for name, ranks in run.names.items():
                parts.setdefault(name, []).append(ranks)
        self._names = {name: np.sort(np.concatenate(each)) for name, each in parts.items()}

    @classmethod
    def of(cls, ranked: Sequence[Features | None], keys: EnglishKeys) -> KeyIndex:
        """The index of Chinese items in day order (None for those left unread), made here,
        RUN_ITEMS at a time."""
        present = [(rank, item) for rank, item in enumerate(ranked) if item is not None]
        runs = [present[start:start + RUN_ITEMS] for start in range(0, len(present), RUN_ITEMS)]
        return cls([index_run(keys, *zip(*run), len(ranked)) for run in runs], keys, len(ranked))

    def named(self, key: str, spans: Sequence[range]) -> np.ndarray:
        """The ranks in ``spans`` whose pinyin has the name ``key``."""
        found = self._names.get(key, _NONE)
        return np.concatenate([found[np.searchsorted(found, span.start):np.searchsorted(found, span.stop)]
                               for span in spans] or [_NONE])


_NONE = np.zeros(0, dtype=np.int64)
_NO_WORDS = array("i")
