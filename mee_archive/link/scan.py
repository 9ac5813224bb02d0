"""Every dictionary word in many Chinese texts at once, a word length at a time, with numpy.

Reading the Chinese items was most of the linker's time: a Python loop looked up, at each
character, the pieces of text starting there (about 2 µs a character, and 20,000 items are
read per run). Here the texts are joined into one array of code points and the same walk is
made a column at a time: the two-character piece at every position is hashed and found in
the sorted hashes of the dictionary's pieces (its words and their beginnings, see
``cedict_pieces``), checked character by character, recorded if it is a word, and only the
positions whose piece begins some longer word go on to the next length. One-character
words are found by a table look-up on the code points.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from mee_archive.link.arrays import unique
from mee_archive.link.tablecache import disk_cached
from mee_archive.link.resources import IS_PREFIX, IS_WORD, cedict, cedict_pieces

# Dictionary words are looked up from single characters (黑臭水体 is "black and odorous
# water bodies" only through 黑 and 臭) to this length (生物多样性, 5, is one word).
MAX_WORD_CHARS = 6
# Multiplier of the polynomial hash of a piece's code points (odd, so no bits are lost mod 2^64).
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
# Code points take 21 bits: two of them packed side by side are their piece, exactly.
_CODE_BITS = np.uint64(21)
# Multiplier that spreads a hash's bits over its top ones, which pick its slot (odd too).
_SLOT_MULTIPLIER = np.uint64(0xD6E8FEB86659FD93)
# A table has 2**SLACK_BITS times more slots than the next power of two above its pieces:
# few pieces then share a slot (about 4 in 100).
SLACK_BITS = 4
# Slot values: no piece has the slot's hashes, or several do (found by a binary search).
_EMPTY, _SHARED = -1, -2


def _extend(hashes: np.ndarray, codes: np.ndarray, length: int) -> np.ndarray:
    """The hashes of pieces one character longer, now ``length`` long: two code points
    packed (so equal hashes are equal pieces, no check needed: most pieces looked up are
    two characters long), a longer piece a polynomial in its code points, mod 2**64."""
    if length == 2:
        return (hashes << _CODE_BITS) | codes.astype(np.uint64)
    return hashes * _MULTIPLIER + codes.astype(np.uint64)


def _hash(codes: np.ndarray) -> np.ndarray:
    """Hashes of the rows of a (rows, length) code-point array."""
    hashes = codes[:, 0].astype(np.uint64)
    for length in range(2, codes.shape[1] + 1):
        hashes = _extend(hashes, codes[:, length - 1], length)
    return hashes


def _slots(hashes: np.ndarray, bits: int) -> np.ndarray:
    return ((hashes * _SLOT_MULTIPLIER) >> np.uint64(64 - bits)).astype(np.int64)


@dataclass(frozen=True)
class _Pieces:
    """The dictionary's pieces of one length, sorted by hash, and a table from a hash's
    slot to the one piece whose hash has that slot: one look-up a piece instead of a binary
    search (about twice as fast on millions of them), the search kept for shared slots."""

    hashes: np.ndarray  # uint64, sorted, unique
    codes: np.ndarray  # (pieces, length) uint32 code points, to rule out hash collisions
    word_ids: np.ndarray  # id of the piece as a word, -1 if it is only a beginning
    is_prefix: np.ndarray  # whether some longer word begins with the piece
    table: np.ndarray  # slot -> index of the piece, _EMPTY or _SHARED
    bits: int  # the table has 2**bits slots

    @classmethod
    def build(cls, codes: np.ndarray, word_ids: np.ndarray, is_prefix: np.ndarray) -> _Pieces:
        hashes = _hash(codes)
        if len(np.unique(hashes)) != len(hashes):
            raise RuntimeError(f"two dictionary pieces of {codes.shape[1]} characters share a hash")
        order = np.argsort(hashes)
        bits = max(len(hashes) - 1, 1).bit_length() + SLACK_BITS
        slots = _slots(hashes[order], bits)
        table = np.full(1 << bits, _EMPTY, dtype=np.int32)
        table[slots] = np.arange(len(slots), dtype=np.int32)
        table[np.bincount(slots, minlength=len(table)) > 1] = _SHARED
        return cls(hashes[order], codes[order], word_ids[order], is_prefix[order], table, bits)

    def find(self, hashes: np.ndarray) -> np.ndarray:
        """The index of the piece with each hash, -1 where there is none."""
        at = self.table[_slots(hashes, self.bits)].astype(np.int64)
        alone = np.flatnonzero(at >= 0)
        at[alone[self.hashes[at[alone]] != hashes[alone]]] = -1
        shared = np.flatnonzero(at == _SHARED)
        if len(shared):
            near = np.searchsorted(self.hashes, hashes[shared]).clip(max=len(self.hashes) - 1)
            at[shared] = np.where(self.hashes[near] == hashes[shared], near, -1)
        return at


@dataclass(frozen=True)
class Lexicon:
    """The dictionary as arrays: word ids in sorted word order, pieces by length."""

    words: list[str]  # id -> word; sorted, so sorting ids sorts words
    ids: dict[str, int]  # word -> id
    single_ids: np.ndarray  # code point -> id of the one-character word, -1 if none
    pieces: dict[int, _Pieces]
    # Each word's gloss stems (``cedict()[word]``, which linking then need not load): the
    # stems sorted and their ids, and word i's stem ids as
    # ``gloss_ids[gloss_starts[i]:gloss_starts[i + 1]]``, to gloss millions of ids at once.
    stems: list[str]
    stem_ids: dict[str, int]
    gloss_starts: np.ndarray
    gloss_ids: np.ndarray

    def glosses(self, word: int) -> list[str]:
        """The gloss stems of word id ``word``, sorted."""
        return [self.stems[i] for i in self.gloss_ids[self.gloss_starts[word]:self.gloss_starts[word + 1]].tolist()]


@disk_cached
def lexicon() -> Lexicon:
    """CC-CEDICT's words and pieces as arrays (built once per process)."""
    words = sorted(cedict())
    ids = {word: i for i, word in enumerate(words)}
    singles = [w for w in words if len(w) == 1]
    single_ids = np.full(max(map(ord, singles), default=0) + 1, -1, dtype=np.int64)
    single_ids[[ord(w) for w in singles]] = [ids[w] for w in singles]
    pieces = {}
    for length in range(2, MAX_WORD_CHARS + 1):
        texts = sorted(p for p in cedict_pieces() if len(p) == length)
        codes = np.array([[ord(c) for c in text] for text in texts], dtype=np.uint32).reshape(-1, length)
        flags = np.array([cedict_pieces()[t] for t in texts], dtype=np.uint8)
        word_ids = np.array([ids.get(t, -1) if flags[i] & IS_WORD else -1 for i, t in enumerate(texts)], dtype=np.int64)
        pieces[length] = _Pieces.build(codes, word_ids, (flags & IS_PREFIX) > 0)
    stems = [sorted(cedict()[word]) for word in words]
    stem_list = sorted(set(chain.from_iterable(stems)))
    stem_ids = {stem: i for i, stem in enumerate(stem_list)}
    gloss_starts = np.concatenate(([0], np.cumsum([len(each) for each in stems])))
    gloss_ids = np.fromiter((stem_ids[stem] for stem in chain.from_iterable(stems)), dtype=np.int32,
                            count=int(gloss_starts[-1]))
    return Lexicon(words, ids, single_ids, pieces, stem_list, stem_ids, gloss_starts, gloss_ids)


class ScannedTexts:
    """The dictionary words found in a list of texts, to be read out text by text.

    ``word_ids(stops)`` gives every word (overlaps included) in the first ``stops[i]``
    characters of each text i, ``segment(i, stop)`` those characters of text i cut by
    forward maximum matching.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        sizes = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
        self._starts = np.concatenate(([0], np.cumsum(sizes)))
        self._text_at = np.repeat(np.arange(len(texts), dtype=np.int32), sizes)  # position -> text
        self._joined = "\0".join(texts)
        codes = np.frombuffer(self._joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self._lexicon = lexicon()
        # Where the longest word of two or more characters starting at each position ends
        # (the next position if none), and its id: filled by _longer_words.
        self._longest = np.arange(1, len(codes) + 1)
        self._longest_id = np.full(len(codes), -1)
        found = [self._one_character_words(codes), *self._longer_words(codes)]
        positions, lengths, ids = (np.concatenate(column) for column in zip(*found))
        self._positions, self._ends, self._ids = positions, positions + lengths, ids
        self._text_of: np.ndarray | None = None  # the text of each word found, once asked for

    def _one_character_words(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(positions, lengths, ids) of the one-character words: a table look-up a character."""
        table = self._lexicon.single_ids
        ids = np.where(codes < len(table), table[np.minimum(codes, len(table) - 1)], -1)
        at = np.flatnonzero(ids >= 0)
        return at, np.ones(len(at), dtype=np.int64), ids[at]

    def _longer_words(self, codes: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(positions, lengths, ids) of the words of each length from two characters up: the
        pieces at the positions still active are hashed, found and checked, words recorded,
        and positions whose piece begins a longer word stay active for the next length."""
        padded = np.concatenate((codes, np.zeros(MAX_WORD_CHARS, dtype=np.uint32)))
        active = np.arange(len(codes))
        hashes = padded[active].astype(np.uint64)
        for length in range(2, MAX_WORD_CHARS + 1):
            pieces = self._lexicon.pieces[length]
            hashes = _extend(hashes, padded[active + length - 1], length)
            at = pieces.find(hashes)
            same = at >= 0
            active, hashes, at = active[same], hashes[same], at[same]
            if length > 2:  # a two-character piece's hash is the piece
                same = (padded[active[:, None] + np.arange(length)] == pieces.codes[at]).all(axis=1)
                active, hashes, at = active[same], hashes[same], at[same]
            word_ids = pieces.word_ids[at]
            words = active[word_ids >= 0]
            self._longest[words] = words + length
            self._longest_id[words] = word_ids[word_ids >= 0]
            yield words, np.full(len(words), length), word_ids[word_ids >= 0]
            extend = pieces.is_prefix[at]
            active, hashes = active[extend], hashes[extend]

    def word_ids(self, stops: Sequence[int] | None = None, kept: np.ndarray | None = None) -> list[np.ndarray]:
        """For each text i, the ids (see ``lexicon().words``) of the distinct dictionary
        words in ``texts[i][:stops[i]]``, or in the whole text without ``stops``, sorted;
        only the words whose ``kept[id]`` is true, if ``kept`` is given."""
        return self._by_text(*self._found(stops, kept))

    def occurrences(self, stops: Sequence[int] | None = None, kept: np.ndarray | None = None) -> list[np.ndarray]:
        """``word_ids``, but each word as often as it is found and in no order: making them
        distinct takes a sort of every (text, word) pair, a tenth of reading a text, which
        an index that makes its own pairs distinct can do without."""
        texts, ids = self._found(stops, kept)
        order = np.argsort(texts, kind="stable")  # a merge: the words come in runs sorted by text
        bounds = np.searchsorted(texts[order], np.arange(len(self._starts))).tolist()
        ids = ids[order]
        return [ids[bounds[i] : bounds[i + 1]] for i in range(len(self._starts) - 1)]

    def _found(self, stops: Sequence[int] | None, kept: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """(text, id) of every word found in the first ``stops[i]`` characters of text i
        (see ``word_ids``)."""
        if self._text_of is None:
            self._text_of = self._text_at[self._positions].astype(np.int64)
        text_of, ids = self._text_of, self._ids
        # A word never runs past its own text (they are NUL apart): without stops, all count.
        keep = None if stops is None else self._ends <= self._limits(stops)[text_of]
        if kept is not None:
            keep = kept[ids] if keep is None else keep & kept[ids]
        return (text_of, ids) if keep is None else (text_of[keep], ids[keep])

    def segment_ids(self, stops: Sequence[int]) -> list[np.ndarray]:
        """For each text i, the distinct ids of the words of two or more characters that
        ``segment`` cuts ``texts[i][:stops[i]]`` into, sorted."""
        texts, starts, ends = self._segments(self._limits(stops))
        ids = self._longest_id[starts]
        cut = ends != self._longest[starts]  # a shorter word, for one that ran past the stop
        ids[cut] = [self._lexicon.ids.get(self._joined[a:b], -1) for a, b in zip(starts[cut], ends[cut])]
        keep = (ends - starts > 1) & (ids >= 0)
        return self._by_text(texts[keep], ids[keep])

    def segment(self, index: int, stop: int | None = None) -> list[str]:
        """``texts[index][:stop]`` cut into dictionary words, longest first from left to
        right: each character counted once, in the longest word it can belong to."""
        stops = np.full(len(self._starts) - 1, 0)
        stops[index] = self._starts[index + 1] - 1 - self._starts[index] if stop is None else stop
        _, starts, ends = self._segments(self._limits(stops))
        return [self._joined[a:b] for a, b in zip(starts.tolist(), ends.tolist())]

    def _limits(self, stops: Sequence[int] | None) -> np.ndarray:
        """Where each text's first ``stops[i]`` characters end in the joined text."""
        ends = self._starts[1:] - 1
        if stops is None:
            return ends
        return np.minimum(ends, self._starts[:-1] + np.asarray(stops, dtype=np.int64))

    def _segments(self, limits: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(text, start, end) of every word of forward maximum matching up to each text's
        limit, in order: the walks of all texts advance together, a word a step."""
        texts, at = np.arange(len(limits)), self._starts[:-1].copy()
        found = []
        while len(at := at[keep := at < limits[texts]]):
            texts = texts[keep]
            end = self._longest[at]
            over = np.flatnonzero(end > limits[texts])
            end[over] = [self._longest_word_end(a, b) for a, b in zip(at[over], limits[texts][over])]
            found.append((texts, at, end))
            at = end
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        texts, starts, ends = (np.concatenate(column) for column in zip(*found))
        order = np.argsort(starts, kind="stable")
        return texts[order], starts[order], ends[order]

    def _longest_word_end(self, at: int, stop: int) -> int:
        """The end of the longest dictionary word at ``at`` that ends by ``stop`` (at + 1 if
        none): for the rare word that runs past a cut."""
        words = self._lexicon.ids
        return next((end for end in range(stop, at + 1, -1) if self._joined[at:end] in words), at + 1)

    def _by_text(self, texts: np.ndarray, ids: np.ndarray) -> list[np.ndarray]:
        """The distinct ids of each text, sorted, from (text, id) pairs."""
        n_words = len(self._lexicon.words)
        pairs = unique(texts * n_words + ids)
        bounds = np.searchsorted(pairs // n_words, np.arange(len(self._starts))).tolist()
        ids = pairs % n_words
        return [ids[bounds[i] : bounds[i + 1]] for i in range(len(self._starts) - 1)]
