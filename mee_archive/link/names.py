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
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import numpy as np

from mee_archive.link.english import stem
from mee_archive.link.resources import (
    gloss_vocabulary, other_readings, pinyin_syllables, pinyin_table, surname_pinyin_table, surname_syllables,
)

# A capitalised word, possibly hyphenated or with an apostrophe ("Xiong'an", "Zhen-hua").
_CAPITALISED = re.compile(r"\b[A-Z][a-z]*(?:['\u2019-][a-z]+)*\b|\b[A-Z]{2,}\b")
_JOINERS = re.compile(r"['\u2019-]")
# A surname and a given name, both capitalised ("Li Ganjie", "Xi Jinping").
_PERSON = re.compile(r"\b([A-Z][a-z]{1,5})\s+([A-Z][a-z]+(?:['\u2019-][a-z]+)?)\b")
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


def chinese_pinyin(text: str) -> str:
    """The toneless pinyin of a Chinese text, syllables glued, other characters kept; then,
    if it differs, the same with surname readings (翟 as zhai, not di), after a line break."""
    common, surnames = text.translate(pinyin_table()), text.translate(surname_pinyin_table())
    return common if common == surnames else f"{common}\n{surnames}"


class PinyinText:
    """The pinyin of many Chinese items in one string, to find a name across a range of
    them with one C-speed search instead of one test per item."""

    def __init__(self, pinyins: Sequence[str]) -> None:
        self._text = "\0".join(pinyins)
        self._starts = [0]
        for pinyin in pinyins:
            self._starts.append(self._starts[-1] + len(pinyin) + 1)

    def find(self, key: str, items: range) -> list[int]:
        """Indexes of the items in ``items`` whose pinyin contains ``key``."""
        found = []
        end = self._starts[items.stop] - 1 if items.stop > items.start else self._starts[items.start]
        position = self._text.find(key, self._starts[items.start], end)
        while position != -1:
            item = bisect_right(self._starts, position) - 1
            found.append(item)
            position = self._text.find(key, self._starts[item + 1], end)
        return found


class NameFinder:
    """Which Chinese items' pinyin has each English name key, searched once per key.

    Many releases name the same people (a minister in hundreds), and their windows
    overlap: each key is searched once over the union of the spans of items that any
    release naming it is scored against, and each release then takes its own spans' part.
    """

    def __init__(self, pinyins: Sequence[str], wanted: Iterable[tuple[Iterable[str], Sequence[range]]]) -> None:
        """``wanted``: (name keys, spans of item indexes) of each release."""
        text = PinyinText(pinyins)
        spans_of: dict[str, list[range]] = {}
        for keys, spans in wanted:
            for key in keys:
                spans_of.setdefault(key, []).extend(span for span in spans if span)
        self._found = {
            key: np.array([i for span in _merged(spans) for i in text.find(key, span)], dtype=np.int64)
            for key, spans in spans_of.items()
        }

    def find(self, key: str, spans: Sequence[range]) -> np.ndarray:
        """Indexes of the items in ``spans`` whose pinyin has ``key``. Only the spans given
        for the key when the finder was built were searched: others find nothing."""
        found = self._found.get(key, _NONE)
        return np.concatenate([found[np.searchsorted(found, span.start):np.searchsorted(found, span.stop)]
                               for span in spans] or [_NONE])


_NONE = np.zeros(0, dtype=np.int64)


def _merged(spans: list[range]) -> Iterator[range]:
    """The union of ranges as disjoint ranges, in order."""
    current: range | None = None
    for span in sorted(spans, key=lambda r: r.start):
        if current is not None and span.start <= current.stop:
            current = range(current.start, max(current.stop, span.stop))
            continue
        if current is not None:
            yield current
        current = span
    if current is not None:
        yield current
