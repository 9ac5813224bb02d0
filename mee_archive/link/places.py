"""Where an event happened, as both openings tell it: "in Saihanba" against 在京.

Two ministers meet again and again; a report of their meeting in Beijing shares every name
and word with the release on their meeting in Saihanba. A translation keeps the place, so
the place each opening names is evidence like its date:

- **Chinese**: the first proper noun right after 在 in the opening sentence ("在京会见",
  "在纽约联合国总部出席", "在人民大会堂会见"). CC-CEDICT marks proper nouns by capitalised
  readings and gives their English names ("Beijing", "New York", "the Great Hall of the
  People"), and the short forms of places ("京: abbr. for Beijing", "沪: short name for
  Shanghai"); a place it lacks is read by its pinyin ("塞罕坝" saihanba).
- **English**: the capitalised words right after "in" or "at" in the opening sentence
  ("in Saihanba, Hebei Province", "at Geneva"), kept when they spell pinyin or are the
  English name of a Chinese proper noun.

Both sides are compared as letters only ("New York" = newyork): the Chinese place is
*told* by the English if one of its names is in the English opening; the openings
*conflict* only when the Chinese names a place, the English opening names one, the
English text never names the Chinese place, and the Chinese text never names the English
place (in pinyin, or by a Chinese word whose English name it is). Anything less (either
opening silent, a place named elsewhere in the other text) is no evidence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from mee_archive.link.names import Pinyin, is_pinyin
from mee_archive.link.resources import pinyin_table, place_names

# Verdicts of the place check.
TOLD, CONFLICT, UNSTATED = "told", "conflict", "unstated"
# A pinyin word this short ("an", "hu") is found inside the pinyin of any long text.
MIN_PINYIN = 4
# The opening sentence: up to the first full stop.
_ZH_SENTENCE_END = re.compile(r"[。！？\n]")
# "in Saihanba", "at Geneva", "in New York": the capitalised words after in/at.
_EN_PLACE = re.compile(r"\b(?:in|at)\s+([A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+)*)")
_NOT_PLACES = frozenset(
    "january february march april may june july august september october november december jan feb mar apr"
    " jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)*")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
# The longest CC-CEDICT place name looked for after 在 (characters).
_MAX_WORD = 8


def words(text: str) -> str:
    """The text's words as compared: lower-case ASCII letters, accents and apostrophes
    dropped, one space around each ("New York" -> " new york "), so a name is found as whole
    words by a substring test."""
    folded = unicodedata.normalize("NFD", text.lower()).encode("ascii", "ignore").decode("ascii")
    return " " + " ".join(_WORD.findall(folded)).replace("'", "") + " "  # only words hold one, and only "'" is ASCII


@dataclass(frozen=True)
class EnglishPlaces:
    """What the place check reads of an English release: the places its opening names
    (``words`` form), the words of its opening and of its whole text, and the acronyms
    it writes ("UN", "SCO")."""

    named: frozenset[str]
    opening: str
    text: str
    acronyms: frozenset[str]


@dataclass(frozen=True)
class ChinesePlace:
    """The place a Chinese opening names: its English names and its pinyin (``words``
    form), and the acronyms of those names."""

    names: tuple[str, ...]
    acronyms: tuple[str, ...]


NO_PLACE = ChinesePlace((), ())


def english_places(opening: str, text: str) -> EnglishPlaces:
    """The place check's reading of an English release (``opening``: its first paragraph):
    a run of capitalised words after in/at names a place when CC-CEDICT gives it to a
    Chinese place ("New York") or when its words spell pinyin ("Saihanba")."""
    named = set()
    for match in _EN_PLACE.finditer(opening):
        run = [w for w in match.group(1).split() if w.lower() not in _NOT_PLACES]
        phrase = words(" ".join(run))
        if phrase in english_place_names():
            named.add(phrase)
        named.update(f" {w} " for w in phrase.split() if len(w) >= MIN_PINYIN and is_pinyin(w))
    return EnglishPlaces(frozenset(named), words(opening), words(text), frozenset(_ACRONYM.findall(text)))


def chinese_place(opening: str) -> ChinesePlace:
    """The place the Chinese opening sentence says it happened in: the first proper noun
    after 在 (CC-CEDICT's place names, the longest first); NO_PLACE if none."""
    sentence = _ZH_SENTENCE_END.split(opening, maxsplit=1)[0]
    names = place_names()
    start = sentence.find("在")
    while start >= 0:
        after = sentence[start + 1:start + 1 + _MAX_WORD]
        word = next((after[:end] for end in range(len(after), 0, -1) if after[:end] in names), None)
        if word is not None:
            return _place(word, names[word])
        start = sentence.find("在", start + 1)
    return NO_PLACE


def _place(word: str, english: tuple[str, ...]) -> ChinesePlace:
    """A Chinese place word with its English names: those names and its pinyin (a single
    character's, "jing", would be found in any text), and the acronyms of the names of
    several words (United Nations: UN) or written as one (SCO)."""
    pinyin = [words(_pinyin(word))] if len(word) > 1 else []
    initials = {"".join(w[0] for w in name.split() if w[0].isupper()) for name in english if " " in name}
    acronyms = {a for a in initials if len(a) > 1} | {name for name in english if name.isupper()}
    return ChinesePlace(tuple(dict.fromkeys([*map(words, english), *pinyin])), tuple(sorted(acronyms)))


def place_verdict(en: EnglishPlaces, zh: ChinesePlace, zh_pinyin: Pinyin) -> str:
    """TOLD, CONFLICT or UNSTATED (see the module doc)."""
    if any(name in en.opening for name in zh.names):
        return TOLD
    if not zh.names or not en.named:
        return UNSTATED
    if any(name in en.text for name in zh.names) or any(a in en.acronyms for a in zh.acronyms):
        return UNSTATED
    if any(_found_in_chinese(name, zh_pinyin) for name in en.named):
        return UNSTATED
    return CONFLICT


def _found_in_chinese(name: str, zh_pinyin: Pinyin) -> bool:
    """Whether a Chinese text names an English place: its letters as pinyin, or the pinyin
    of a Chinese word CC-CEDICT gives that English name."""
    readings = english_place_names().get(name, ())
    return name.replace(" ", "") in zh_pinyin or any(reading in zh_pinyin for reading in readings)


def _pinyin(word: str) -> str:
    return word.translate(pinyin_table())


@cache
def english_place_names() -> dict[str, tuple[str, ...]]:
    """English place name (``words`` form) -> the pinyin of the Chinese words it names
    (" new york " -> niuyue)."""
    found: dict[str, set[str]] = {}
    for word, names in place_names().items():
        for name in names:
            found.setdefault(words(name), set()).add(_pinyin(word))
    return {name: tuple(sorted(readings)) for name, readings in found.items()}
