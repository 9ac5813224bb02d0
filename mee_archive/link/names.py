"""Romanised Chinese names in English text, and the Chinese text they can be found in.

People's names are not in any dictionary, but they survive translation as pinyin: 李干杰
is "Li Ganjie", 黄润秋 "Huang Runqiu". An English name becomes a key ("liganjie") and a
Chinese text becomes its toneless pinyin (each character's most common reading, glued
together, then again with CC-CEDICT's surname readings: 翟青 is "Zhai Qing"), so a name is
found by a substring test. Only capitalised words that spell
pinyin count, and a lone word only if the dictionary does not already translate it
("Hebei" is matched as a dictionary word, "Xiong'an" and people's names are not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np

from mee_archive.link.english import stem
from mee_archive.link.numbers import led
from mee_archive.link.tablecache import disk_cached
from mee_archive.link.resources import (
    gloss_vocabulary, other_readings, pinyin_syllables, pinyin_table, surname_pinyin_table, surname_syllables,
)

# A capitalised word, possibly hyphenated or with an apostrophe ("Xiong'an", "Zhen-hua").
_CAPITALISED = re.compile(led("A-Z", r"\b[A-Z][a-z]*(?:['\u2019-][a-z]+)*\b|\b[A-Z]{2,}\b"))  # (led: from capital to capital)
_JOINERS = re.compile(r"['\u2019-]")
# A surname and a given name, both capitalised ("Li Ganjie", "Xi Jinping").
_PERSON = re.compile(led("A-Z", r"\b([A-Z][a-z]{1,5})\s+([A-Z][a-z]+(?:['\u2019-][a-z]+)?)\b"))
# The capitalised word right after a name, if any.
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")
# A lone word must be this long to be a name key: short syllables match anywhere.
MIN_SINGLE_NAME = 6
_MAX_SYLLABLE = 6


@cache
def is_pinyin(word: str) -> bool:
    """Whether a lower-case word splits into pinyin syllables ("ganjie" -> gan|jie)."""
    syllables = pinyin_syllables()
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(
            reachable[start] and word[start:end] in syllables
            for start in range(max(0, end - _MAX_SYLLABLE), end)
        )
    return reachable[-1]


def english_name_keys(text: str) -> set[str]:
    """Keys of the romanised Chinese names in an English text ("Li Ganjie" -> "liganjie")."""
    keys = set()
    previous_end, previous_word = -2, ""
    for match in _CAPITALISED.finditer(text):
        word = _JOINERS.sub("", match.group()).lower()
        if not is_pinyin(word):
            previous_end = -2
            continue
        if previous_end == match.start() - 1 and text[previous_end] == " ":
            keys.add(previous_word + word)
        elif len(word) >= MIN_SINGLE_NAME and stem(word) not in gloss_vocabulary():
            keys.add(word)
        previous_end, previous_word = match.end(), word
    return keys


def chinese_name_keys(text: str) -> set[str]:
    """Keys of the romanised Chinese people's names in an English text: two words, the first
    a Chinese surname's reading ("Liu Yandong"), as opposed to foreign names that happen
    to spell pinyin ("Boni Yayi", "Humala"), a capitalised word before a date ("On June") or a
    name the dictionary gives to a word read otherwise ("Hong Kong" is 香港, xianggang), or
    one of three syllable words: pinyin joins a given name's syllables ("Li Ganjie"), other
    romanisations part them ("Tan Wei Liang" is 陈伟良, Tan the Hokkien reading of 陈)."""
    keys = set()
    for match in _PERSON.finditer(text):
        surname, given = (_JOINERS.sub("", part).lower() for part in match.groups())
        after = _NEXT_WORD.match(text, match.end())
        if after and is_pinyin(after.group(1).lower()):
            continue
        if surname in surname_syllables() and is_pinyin(given) and surname + given not in other_readings():
            keys.add(surname + given)
    return keys


# The byte that stands for every character of a text that is not a pinyin letter: name keys
# are [a-z]+, so they are found exactly where they were with those characters kept, and a
# text's pinyin takes one byte a letter. Readings are at most _MAX_SYLLABLE letters;
# _PAD fills a shorter one's row of _ROW bytes in the reading tables.
BARRIER, _PAD, _ROW = 0, 255, 8
_PADDING = bytes([_PAD])


class Pinyin:
    """The pinyin of one Chinese text (see ``chinese_pinyin``): a slice of a bytes buffer
    that many texts share, so 20,000 long texts' readings are held once; ``key in pinyin``
    finds a name key."""

    __slots__ = ("buffer", "start", "stop")

    def __init__(self, buffer: bytes, start: int = 0, stop: int | None = None) -> None:
        self.buffer, self.start, self.stop = buffer, start, len(buffer) if stop is None else stop

    def __contains__(self, key: str) -> bool:
        return self.buffer.find(key.encode("ascii", "replace"), self.start, self.stop) >= 0

    def __str__(self) -> str:
        return self._bytes().decode("ascii").replace(chr(BARRIER), " ")

    def _bytes(self) -> bytes:
        return self.buffer[self.start:self.stop]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pinyin) and self._bytes() == other._bytes()

    def __hash__(self) -> int:
        return hash(self._bytes())

    def __reduce__(self) -> tuple:
        return Pinyin, (self.buffer, self.start, self.stop)


NO_PINYIN = Pinyin(b"")


@disk_cached
def pinyin_rows() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Each code point's toneless common and surname reading (pinyin_table,
    surname_pinyin_table) as 8 bytes, _PAD after the reading, in a uint64 (one gather a
    character), with its length; a character without a reading stands for itself if it is
    a letter a-z, else for BARRIER, and so does the extra last row every code point past
    the tables is read as."""
    def rows(table: list[str]) -> tuple[np.ndarray, np.ndarray]:
        readings = [r if r.isascii() and r.isalpha() and r.islower() else chr(BARRIER) for r in table]
        padded = "".join(r.ljust(_ROW, chr(_PAD)) for r in [*readings, chr(BARRIER)])
        return (np.frombuffer(padded.encode("latin-1"), dtype=np.uint64),
                np.array([len(r) for r in [*readings, chr(BARRIER)]], dtype=np.int64))

    return rows(pinyin_table()), rows(surname_pinyin_table())


def _readings(codes: np.ndarray, rows: np.ndarray, lengths: np.ndarray,
              bounds: list[int]) -> tuple[bytes, list[int]]:
    """The readings of code points one after the other, and where those of the code
    points from each of ``bounds`` begin. (The padding is deleted by ``bytes.translate``,
    one pass in C, not by a numpy mask over eight bytes a character.)"""
    at = np.minimum(codes, len(rows) - 1)
    starts = np.concatenate(([0], np.cumsum(lengths[at])))
    return rows[at].tobytes().translate(None, _PADDING), starts[bounds].tolist()


def pinyin_many(texts: Sequence[str]) -> list[Pinyin]:
    """The toneless pinyin of each text, syllables glued (``chinese_pinyin``), in one buffer."""
    sizes = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    bounds = np.concatenate(([0], np.cumsum(sizes))).tolist()
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    common_rows, surname_rows = pinyin_rows()
    common, common_at = _readings(codes, *common_rows, bounds)
    kept = _surname_stretches(codes, common_rows[0], surname_rows[0], bounds)
    kept_bounds = np.concatenate(([0], np.cumsum(kept)))[bounds].tolist()
    surnames, surname_at = _readings(codes[kept], *surname_rows, kept_bounds)
    parts, spans, at = [], [], 0
    for i in range(len(texts)):
        part = common[common_at[i]:common_at[i + 1]]
        other = surnames[surname_at[i]:surname_at[i + 1]]
        parts.append(part + bytes([BARRIER]) + other if other else part)
        spans.append((at, at + len(parts[-1])))
        at += len(parts[-1]) + 1
    buffer = bytes([BARRIER]).join(parts)
    return [Pinyin(buffer, start, stop) for start, stop in spans]


def _surname_stretches(codes: np.ndarray, common: np.ndarray, surnames: np.ndarray, bounds: list[int]) -> np.ndarray:
    """Which code points' surname readings are added after the common ones: the stretches
    between barriers (a text's start, or a character read as BARRIER as a surname) that
    hold a character read otherwise as a surname (区 ou, 查 zha, 解 xie, 单 shan: about one
    in ten characters' stretch). A name key is letters, found within one stretch: in the
    others the surname reading is the common one, and so is what would be found there."""
    at = np.minimum(codes, len(common) - 1)
    differs = common[at] != surnames[at]
    if not differs.any():
        return differs
    starts = surnames[at] == surnames[-1]  # the last row is BARRIER's
    starts[[b for b in bounds[:-1] if b < len(codes)]] = True
    stretch = np.cumsum(starts) - 1
    marked = np.zeros(int(stretch[-1]) + 1, dtype=bool)
    marked[stretch[differs]] = True
    return marked[stretch]


def chinese_pinyin(text: str) -> Pinyin:
    """The toneless pinyin of a Chinese text, syllables glued, other characters each a
    BARRIER; then, if it differs, the same with surname readings (翟 as zhai, not di)."""
    return pinyin_many([text])[0]
