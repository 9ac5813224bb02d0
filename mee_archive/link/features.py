"""What an English or Chinese item says, reduced once to keys both languages share.

Each item is read once: its anchor day (published, else the URL's t-date), its TRS docid,
and sets of keys: figures, month-day dates, content words of the title and of the whole
text, and romanised names (English) or the pinyin to look them up in (Chinese). English
content words are kept only if the dictionary can produce them, so a word no Chinese
gloss could ever match is not counted as missing. Chinese text is first made simplified,
then every CC-CEDICT word of one to six characters in it is kept (overlaps included: for
a bag of translations, recall beats a single segmentation); the scorer compares them
through their glosses. This is what jieba's full mode yields, without its cost: on this
machine jieba ran at 0.47M characters/s in full mode and 0.2M in precise mode, the direct
dictionary scan at 1.07M, and 20,000 Chinese items are read per run.
"""

from __future__ import annotations

import re
from sys import intern
from dataclasses import dataclass
from datetime import date
from collections.abc import Collection, Iterator
from typing import Any

from mee_archive.link.english import content_stems
from mee_archive.link.names import chinese_pinyin, english_name_keys
from mee_archive.link.numbers import chinese_dates, chinese_numbers, english_dates, english_numbers, weekday_keys
from mee_archive.link.resources import (
    IS_PREFIX, IS_WORD, cedict_pieces, gloss_vocabulary, single_character_words, to_simplified,
)
from mee_archive.pages.trs import EN_HOSTS, ZH_HOSTS, site_of

# The current host of each MEE site, which URL comparisons fold the former names into.
CURRENT_HOST = {"en": EN_HOSTS[0], "zh": ZH_HOSTS[0]}
# Dictionary words are looked up from single characters (黑臭水体 is "black and odorous
# water bodies" only through 黑 and 臭) to this length (生物多样性, 5, is one word).
MAX_WORD_CHARS = 6
# The first paragraph says what an article is about; a long one is cut here.
LEAD_CHARS = 200
# TRS article URLs end in /tYYYYMMDD_<docid>.shtml (or .html/.htm): publication day and id.
_TRS_URL = re.compile(r"/t(\d{4})(\d{2})(\d{2})_(\d+)\.s?html?\b")


@dataclass(frozen=True)
class Features:
    """One item's linking keys. ``title_words`` and ``words`` are a frozenset of English
    stems for an English item, a sorted tuple of CC-CEDICT words for a Chinese one (a
    tuple takes a sixth of a set's memory, and 20,000 items are held at once). ``names`` is filled for English;
    ``pinyin`` and ``lead`` (the words of two or more characters its title and first
    paragraph are made of, each character counted once) for Chinese."""

    day: date | None
    docid: int | None
    numbers: frozenset[str]
    dates: frozenset[str]
    title_words: Collection[str]
    words: Collection[str]
    names: frozenset[str] = frozenset()
    pinyin: str = ""
    lead: frozenset[str] = frozenset()


def item_text(item: dict[str, Any]) -> tuple[str, str]:
    """(title, body) of an item; ``paragraphs`` stand in for a missing ``body``."""
    body = item.get("body") or "\n\n".join(item.get("paragraphs") or ())
    return item.get("title") or "", body


def _parse_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def url_key(url: str | None) -> str | None:
    """A URL as compared: no scheme (both sites serve http and https), lower-case host, and
    MEE's former host names (www.mep.gov.cn, english.sepa.gov.cn...) folded into the current
    ones, since they serve the same paths."""
    if not url:
        return None
    host, _, path = url.split("://", 1)[-1].partition("/")
    host = CURRENT_HOST.get(site_of(host), host.lower())
    return f"{host}/{path}"


def url_day_and_docid(url: str) -> tuple[date | None, int | None]:
    """Publication day and docid from a TRS article URL, or Nones if it is not one."""
    match = _TRS_URL.search(url or "")
    if not match:
        return None, None
    year, month, day, docid = (int(g) for g in match.groups())
    try:
        return date(year, month, day), docid
    except ValueError:
        return None, docid


def day_and_docid(item: dict[str, Any], prefer_url_day: bool) -> tuple[date | None, int | None]:
    """The item's anchor day and docid: stated fields first, the URL as fallback.

    English pages may print a day or two before their URL date, the day they went online;
    ``prefer_url_day`` takes the later of the two for them.
    """
    url_day, url_docid = url_day_and_docid(item.get("url", ""))
    stated = _parse_day(item["published"]) if item.get("published") else None
    days = [d for d in (stated, url_day) if d]
    day = (max(days) if prefer_url_day else days[0]) if days else None
    docid = item.get("docid")
    return day, int(docid) if str(docid or "").isdigit() else url_docid


def english_features(item: dict[str, Any]) -> Features:
    """Linking keys of an English release."""
    title, body = item_text(item)
    text = f"{title}\n{body}"
    dates, rest = english_dates(text)
    vocabulary = gloss_vocabulary()
    day, docid = day_and_docid(item, prefer_url_day=True)
    return Features(
        day=day,
        docid=docid,
        numbers=frozenset(english_numbers(rest)),
        dates=frozenset(dates),
        title_words=frozenset(w for w in content_stems(title) if w in vocabulary),
        words=frozenset(w for w in content_stems(text) if w in vocabulary),
        names=frozenset(english_name_keys(text)),
    )


def _long_matches(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every dictionary word of two or more characters in the text,
    shortest first at each start. A start is extended only while it still begins some
    dictionary word: most cost one look-up."""
    pieces, size = cedict_pieces(), len(text)
    for start in range(size - 1):
        end, limit = start + 2, min(start + MAX_WORD_CHARS, size)
        while True:
            flags = pieces.get(text[start:end], 0)
            if flags & IS_WORD:
                yield start, end
            if end >= limit or not flags & IS_PREFIX:
                break
            end += 1


def dictionary_words(text: str) -> set[str]:
    """Every CC-CEDICT word in a simplified Chinese text, overlaps included (interned:
    20,000 items hold millions of copies of a few thousand words)."""
    words = {intern(text[start:end]) for start, end in _long_matches(text)}
    return words | {intern(char) for char in single_character_words().intersection(text)}


def segment(text: str) -> list[str]:
    """The text cut into dictionary words, longest first from left to right (forward
    maximum matching): each character counted once, in the longest word it can belong to."""
    longest = list(range(1, len(text) + 1))  # where the longest word from each start ends
    for start, end in _long_matches(text):
        longest[start] = end
    words, start = [], 0
    while start < len(text):
        words.append(text[start : longest[start]])
        start = longest[start]
    return words


def lead_length(title: str, body: str) -> int:
    """How much of ``title + newline + body`` is the lead: the title and the first
    paragraph (at most LEAD_CHARS of it), which say what the article is about."""
    end = body.find("\n")
    return len(title) + 1 + min(LEAD_CHARS, len(body) if end < 0 else end)


def chinese_features(item: dict[str, Any], max_chars: int) -> Features:
    """Linking keys of a Chinese article; content words from its first ``max_chars``."""
    title, body = (to_simplified(part).strip() for part in item_text(item))
    text = f"{title}\n{body}"
    dates, rest = chinese_dates(text)
    day, docid = day_and_docid(item, prefer_url_day=False)
    lead = text[: lead_length(title, body)]
    title_words = dictionary_words(title)
    return Features(
        day=day,
        docid=docid,
        numbers=frozenset(chinese_numbers(rest)),
        dates=frozenset(dates | weekday_keys(dates, day)),
        title_words=tuple(sorted(title_words)),
        words=tuple(sorted(title_words | dictionary_words(body[:max_chars]))),
        pinyin=chinese_pinyin(text),
        lead=frozenset(w for w in segment(lead) if len(w) > 1),
    )
