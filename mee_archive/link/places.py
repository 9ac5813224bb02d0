"""Where an event happened, as both openings tell it: "in Saihanba" against 在京.

Two ministers meet again and again; a report of their meeting in Beijing shares every name
and word with the release on their meeting in Saihanba. A translation keeps the place, so
the place each opening names is evidence like its date:

- **Chinese**: the first proper noun right after 在 in the opening sentence ("在京会见",
  "在纽约联合国总部出席", "在人民大会堂会见"). CC-CEDICT marks proper nouns by capitalised
  readings and gives their English names, the short forms of places ("京: abbr. for
  Beijing"), and in its glosses whether a place is an area (a city, a province, a country)
  or a venue (a hall, a palace). A short form counts only before a verb (在京会见, not the
  新 of 在新时代); a place followed by a building (在钓鱼台国宾馆, 在北京饭店, 在联合国总部)
  is a venue. A place the dictionary lacks (在塞罕坝) is not read.
- **English**: the capitalised words right after "in" or "at" in the opening paragraph
  ("in Saihanba, Hebei Province", "in New York"), kept when they are the English name of a
  Chinese proper noun or spell pinyin; a run ending in a building ("at Diaoyutai State
  Guesthouse") is a venue.

Both sides are compared as lower-case words. The Chinese place is *told* when one of its
names is in the English opening. The openings *conflict* only when both name an area (a
translator writes the city for a venue and the venue for a city, so a venue never
conflicts), the English text never names the Chinese place (by name, acronym, or a spelling
one letter away: Macau, Macao), and the Chinese text never names the English place (in
pinyin, or by a Chinese word CC-CEDICT gives that name). Anything less is no evidence: a
false conflict refuses a true original, a missed one leaves the date check to tell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mee_archive.link.names import Pinyin, is_pinyin
from mee_archive.link.numbers import led
from mee_archive.link.resources import AREA, RANKS, VENUE_WORDS, pinyin_table, place_names
from mee_archive.link.tablecache import disk_cached

# Verdicts of the place check.
TOLD, CONFLICT, UNSTATED = "told", "conflict", "unstated"
# A pinyin word this short ("an", "jing") is found inside the pinyin of any long text.
MIN_PINYIN = 5
# The opening sentence: up to the first full stop.
_ZH_SENTENCE_END = re.compile(r"[。！？\n]")
# "in Saihanba", "at Geneva", "in New York", "in São Paulo": the capitalised words after in/at.
_EN_PLACE = re.compile(r"\b(in|at)\s+((?:[^\W\d_][\w'\u2019-]*)(?:\s+[^\W\d_][\w'\u2019-]*)*)")
_NOT_PLACES = frozenset(
    "january february march april may june july august september october november december jan feb mar apr"
    " jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
# The words a run of English ends in that name an area's rank, which a name also stands without.
_EN_RANK = frozenset(RANKS) | {"metropolitan"}
# Chinese words that make a place before them a building or site (钓鱼台国宾馆, 联合国总部).
_ZH_VENUE = re.compile(r"^[^，。、；：\s]{0,3}?(?:宾馆|酒店|饭店|大厦|大楼|会堂|会馆|中心|广场|总部|大学|机场|车站|体育|博物|"
                       r"展览|剧院|公园|宫|馆|厅|楼|园|堂|寺|院)")
# What follows a place's short form in an opening: 在京会见, 在沪召开, 在港出席.
_ZH_VERB = re.compile(r"^(?:以|会见|会晤|会谈|会面|召开|举行|举办|出席|参加|主持|开幕|闭幕|调研|考察|视察|访问|签署|签订|发布|"
                      r"启动|成立|表示|宣布|致辞|讲话|见证|颁发|接见|接受|座谈|发表|开展|揭牌|落幕|隆重|正式|分别|同|与|和|就)")
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)*")
_ACRONYM = re.compile(led("A-Z", r"\b[A-Z]{2,}\b"))  # (led: from capital to capital)
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
    """What the place check reads of an English release: the areas its opening names, which
    can conflict with the Chinese one, and every place it names (``words`` form), the words
    of its opening and of its whole text, and the acronyms it writes ("UN", "ROK")."""

    areas: frozenset[str]
    opening: str
    text: str
    acronyms: frozenset[str]


@dataclass(frozen=True)
class ChinesePlace:
    """The place a Chinese opening names: its English names and its pinyin (``words``
    form), the acronyms of those names, and whether it is an area (it may conflict)."""

    names: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    area: bool = False


NO_PLACE = ChinesePlace(())


def english_places(opening: str, text: str) -> EnglishPlaces:
    """The place check's reading of an English release (``opening``: its first paragraph).
    A run of capitalised words after in/at is an area when it is the English name of a
    Chinese area ("Busan" for 釜山's "Busan Metropolitan City") or, after "in", when its words
    spell pinyin ("in Saihanba"); one ending in a building is a venue, never an area."""
    areas = set()
    for match in _EN_PLACE.finditer(opening):
        run = []
        for word in match.group(2).split():
            if not word[0].isupper() or word.lower() in _NOT_PLACES:
                break
            run.append(word)
        phrase = words(" ".join(run))
        if not run or VENUE_WORDS.fullmatch(phrase.split()[-1]):  # a building, as the glosses name them
            continue
        known = english_place_names().get(phrase)
        if known is not None:
            if known[1]:
                areas.add(phrase)
        elif match.group(1) == "in":
            areas.update(f" {w} " for w in phrase.split() if len(w) >= MIN_PINYIN and is_pinyin(w))
    return EnglishPlaces(frozenset(areas), words(opening), words(text), frozenset(_ACRONYM.findall(text)))


def chinese_place(opening: str) -> ChinesePlace:
    """The place the Chinese opening sentence says it happened in: the first proper noun
    after 在 (CC-CEDICT's place names, the longest first; a short form only before a verb);
    NO_PLACE if none."""
    sentence = _ZH_SENTENCE_END.split(opening, maxsplit=1)[0]
    names = place_names()
    start = sentence.find("在")
    while start >= 0:
        after = sentence[start + 1:start + 1 + _MAX_WORD]
        word = next((after[:end] for end in range(len(after), 0, -1) if after[:end] in names), None)
        rest = sentence[start + 1 + len(word or ""):]
        if word is not None and (len(word) > 1 or _ZH_VERB.match(rest)):
            english, kind = names[word]
            return _place(word, english, kind == AREA and not _ZH_VENUE.match(rest))
        start = sentence.find("在", start + 1)
    return NO_PLACE


def _place(word: str, english: tuple[str, ...], area: bool) -> ChinesePlace:
    """A Chinese place word with its English names: those names and its pinyin (a single
    character's would be found in any text), and the acronyms of its names of several
    words (United Nations: UN, Republic of Korea: ROK) or written as one (SCO)."""
    pinyin = [words(_pinyin(word))] if len(word) > 1 else []
    initials = {"".join(w[0] for w in name.split()).upper() for name in english if " " in name}
    acronyms = {a for a in initials if len(a) > 1} | {name for name in english if name.isupper()}
    return ChinesePlace(tuple(dict.fromkeys([*map(words, english), *pinyin])), tuple(sorted(acronyms)), area)


def place_verdict(en: EnglishPlaces, zh: ChinesePlace, zh_pinyin: Pinyin) -> str:
    """TOLD, CONFLICT or UNSTATED (see the module doc)."""
    if any(name in en.opening for name in zh.names):
        return TOLD
    if not zh.area or not en.areas:
        return UNSTATED
    if any(name in en.text for name in zh.names) or any(a in en.acronyms for a in zh.acronyms):
        return UNSTATED
    if any(_found_in_chinese(name, zh, zh_pinyin) for name in en.areas):
        return UNSTATED
    return CONFLICT


def _found_in_chinese(name: str, zh: ChinesePlace, zh_pinyin: Pinyin) -> bool:
    """Whether the Chinese names an English place: as pinyin, by a Chinese word CC-CEDICT
    gives that name, or by a name of its place spelt one letter otherwise (Macau, Macao)."""
    readings = [r for r in english_place_names().get(name, ((), False))[0] if len(r) >= MIN_PINYIN]
    return (name.replace(" ", "") in zh_pinyin or any(r in zh_pinyin for r in readings)
            or any(_one_letter_apart(name, other) for other in zh.names))


def _one_letter_apart(a: str, b: str) -> bool:
    """Two names of at least MIN_PINYIN letters that differ in one letter, or by one letter
    more or less (romanisations: Macau, Macao; Suwon, Suweon)."""
    if min(len(a), len(b)) < MIN_PINYIN + 2 or abs(len(a) - len(b)) > 1:  # the spaces around count
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _pinyin(word: str) -> str:
    return word.translate(pinyin_table())


@disk_cached
def english_place_names() -> dict[str, tuple[tuple[str, ...], bool]]:
    """English place name (``words`` form) -> (the pinyin of the Chinese words whose glosses
    name it, whether it is the first name of an area): " new york " -> niuyue; " zhongnanhai "
    names the palace 中南海 first and the lake 太液池 in it after. A name ending in a rank
    ("Busan Metropolitan City", "Zhejiang Province") also stands without it."""
    found: dict[str, tuple[set[str], list[bool]]] = {}
    for word, (names, kind) in place_names().items():
        for i, name in enumerate(names):
            phrase = words(name)
            forms = {phrase}
            parts = phrase.split()
            while len(parts) > 1 and parts[-1] in _EN_RANK:
                parts.pop()
                forms.add(f" {' '.join(parts)} ")
            for form in forms:
                readings, area = found.setdefault(form, (set(), [False]))
                readings.add(_pinyin(word))
                area[0] = area[0] or (i == 0 and kind == AREA)
    return {name: (tuple(sorted(readings)), area[0]) for name, (readings, area) in found.items()}
