"""Foreign names in either script, met on a consonant skeleton.

Chinese writes a foreign name by sound: Solheim is 索尔海姆 (suo-er-hai-mu), Steiner 施泰纳,
Kikwete 基奎特, Kim Eunkyung 金恩京 (a Korean name: its characters read in Korean). Famous
names are CC-CEDICT words (古特雷斯 "António Guterres") and are matched as content words;
the others are not in any dictionary. Both spellings are reduced to the consonants they
sound, by class (b/p, d/t, g/k/c/q/j, s/z/x/sh/ch/zh, l/r, m, n, f/v/w, h), vowels and
glides dropped, as transliteration keeps consonants and loses vowels; a key is the
skeleton of one name ("SLHM"). The English side takes capitalised words that no
dictionary gloss and no pinyin reading explains (Chinese names are found by their pinyin,
names.py), alone and with the next one (a given name and a surname); the Chinese side takes runs of the characters CC-CEDICT's foreign
names are written with, split at the name dot (·), read by their pinyin or, for a
leading common Korean surname, by its Korean reading.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from mee_archive.link.english import STOPWORDS
from mee_archive.link.names import is_pinyin
from mee_archive.link.numbers import CALENDAR_WORDS, led
from mee_archive.link.resources import _cedict_entries, pinyin_table
from mee_archive.link.tablecache import disk_cached

# Consonant classes; letters not listed (vowels, and the glides w and y) make no sound here.
_CLASSES = {
    "b": "P", "p": "P", "d": "T", "t": "T", "g": "K", "k": "K", "c": "K", "q": "K", "j": "K",
    "s": "S", "z": "S", "x": "S", "l": "L", "r": "L", "m": "M", "n": "N", "f": "F", "v": "F",
    "h": "H",
}
_DIGRAPHS = (("sch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "s"), ("th", "t"), ("ph", "f"),
             ("ng", "n"), ("ck", "k"), ("gh", "g"))
# English letters that sound two consonants, or one written with two; an r before a
# consonant or at the end is not heard in the transliteration (Steiner 施泰纳, Clarke 克拉克).
_ENGLISH_SOUNDS = (("x", "ks"), ("qu", "k"))
_SILENT_R = re.compile(r"r(?![aeiouy])")
# Longest run of characters read as one name, and the shortest: a name sits inside a run
# with the title before it (部长金恩京), so every piece of a run is read.
_NAME_CHARS = (2, 5)
# Skeletons shorter than this collide by chance ("KL" is Kerry and every 克里...).
MIN_SKELETON = 3
# Korean readings of the commonest Korean surnames, as their bearers spell them in English
# (Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, Shin, Kwon, Hwang,
# Ahn, Song, Yoo, Hong): the National Institute of Korean Language's romanisation usage.
KOREAN_SURNAMES = {
    "金": "kim", "李": "lee", "朴": "park", "崔": "choi", "郑": "jung", "姜": "kang", "赵": "cho",
    "尹": "yoon", "张": "jang", "林": "lim", "韩": "han", "吴": "oh", "徐": "seo", "申": "shin",
    "权": "kwon", "黄": "hwang", "安": "ahn", "宋": "song", "柳": "yoo", "洪": "hong",
}
# A character belongs to the transliteration alphabet when it is in at least this many
# CC-CEDICT proper names and at least this share of its words are proper names.
_ALPHABET_MIN_NAMES = 3
_ALPHABET_MIN_SHARE = 0.3
# Distinct runs whose skeletons are kept (a few hundred bytes each).
RUNS_CACHED = 50_000
_PROPER_GLOSS = re.compile(r"^[A-Z][a-zà-ÿ]+")
_CAPITALISED = re.compile(led("A-Z", r"\b[A-Z][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)?\b"))  # (led: from capital to capital)


def skeleton(latin: str, english: bool = False) -> str:
    """The consonant classes of a romanised word, doubled letters read once ("Solheim" ->
    "SLHM", "Rutte" -> "LT")."""
    word = latin.lower().replace("-", "")
    word = "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
    if english:
        for letters, sound in _ENGLISH_SOUNDS:
            word = word.replace(letters, sound)
        word = _SILENT_R.sub("", word)
    for digraph, sound in _DIGRAPHS:
        word = word.replace(digraph, sound)
    return "".join(_CLASSES[c] for c in word if c in _CLASSES)


@disk_cached
def common_words() -> frozenset[str]:
    """Lower-case words CC-CEDICT's glosses use in lower case: English words, not names."""
    return frozenset(w for _, _, glosses in _cedict_entries() for g in glosses for w in re.findall(r"\b[a-z]+\b", g))


@disk_cached
def transliteration_alphabet() -> frozenset[str]:
    """Characters CC-CEDICT's foreign proper names are mostly written with (索, 尔, 特...)."""
    names, words = Counter(), Counter()
    for word, _, glosses in _cedict_entries():
        proper = len(word) >= 2 and bool(glosses) and bool(_PROPER_GLOSS.match(glosses[0]))
        for char in set(word):
            words[char] += 1
            names[char] += proper
    return frozenset(c for c, n in names.items() if "\u3400" <= c <= "\u9fff"
                     and n >= _ALPHABET_MIN_NAMES and n / words[c] >= _ALPHABET_MIN_SHARE)


@cache
def _run_pattern() -> re.Pattern[str]:
    """Runs of two or more of the alphabet's characters, as "[...][...]+": a pattern that
    starts with a plain character set is scanned from one of them to the next, where one
    that starts with a repeat ("[...]{2,}") is tried at every position."""
    alphabet = "[" + "".join(sorted(transliteration_alphabet())) + "]"
    return re.compile(f"{alphabet}{alphabet}+")


@cache
def _char_skeletons() -> tuple[dict[str, str], dict[str, str]]:
    """Each alphabet character's skeleton by its pinyin, and the Korean surnames' by their
    Korean reading: a name's skeleton is its characters' skeletons one after the other."""
    table = pinyin_table()
    return ({c: skeleton(c.translate(table)) for c in transliteration_alphabet()},
            {c: skeleton(reading) for c, reading in KOREAN_SURNAMES.items()})


def chinese_foreign_keys(text: str) -> set[str]:
    """Skeletons of the transliterated names of a (simplified) Chinese text: of every piece
    of two to five characters of each run of the alphabet."""
    return set().union(*map(_run_keys, _run_pattern().findall(text)))


@lru_cache(maxsize=RUNS_CACHED)
def _run_keys(run: str) -> frozenset[str]:
    """The skeletons of one run of the alphabet's characters: runs repeat from text to text
    (a name, a common word written with them), and a cached run also gives every text the
    same key strings, which are then held, and sent from a worker, once."""
    chinese, korean = _char_skeletons()
    shortest, longest = _NAME_CHARS
    keys: set[str] = set()
    parts = [chinese[c] for c in run]
    for start in range(len(run)):
        heads = [parts[start]] + ([korean[run[start]]] if run[start] in korean else [])
        for end in range(start + shortest, min(start + longest, len(run)) + 1):
            tail = "".join(parts[start + 1:end])
            keys.update(key for key in (head + tail for head in heads) if len(key) >= MIN_SKELETON)
    return frozenset(keys)


def english_foreign_keys(text: str) -> set[str]:
    """Skeletons of the foreign names of an English text: capitalised words no dictionary
    gloss explains, each alone and glued to the next such word ("Kim Eunkyung")."""
    common, keys = common_words(), set()
    previous_end, previous = -2, ""
    for match in _CAPITALISED.finditer(text):
        word = match.group().lower()
        if word in STOPWORDS or word in CALENDAR_WORDS or word in common or word.rstrip("s") in common or is_pinyin(word):
            previous_end = -2
            continue
        key = skeleton(word, english=True)
        if len(key) >= MIN_SKELETON:
            keys.add(key)
        if previous_end == match.start() - 1:
            pair = skeleton(previous + word, english=True)
            if len(pair) >= MIN_SKELETON:
                keys.add(pair)
        previous_end, previous = match.end(), word
    return keys
