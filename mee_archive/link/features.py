"""What an English or Chinese item says, reduced once to keys both languages share.

Each item is read once: its anchor day (published, else the URL's t-date), its TRS docid,
and sets of keys: figures, month-day dates, content words of the title and of the whole
text, romanised names (English) or the pinyin to look them up in (Chinese), and the
consonant skeletons of foreign names in either script (transliteration.py). English
content words are kept only if the dictionary can produce them, so a word no Chinese
gloss could ever match is not counted as missing. Chinese text is first made simplified,
then every CC-CEDICT word of one to six characters in it is kept (overlaps included: for
a bag of translations, recall beats a single segmentation); the scorer compares them
through their glosses. This is what jieba's full mode yields, without its cost: on this
machine jieba ran at 0.47M characters/s in full mode and 0.2M in precise mode, the
column-at-a-time scan of scan.py at about 2M, and 20,000 Chinese items are read per run.
"""

from __future__ import annotations

import re
from array import array
from functools import partial
from dataclasses import dataclass
from datetime import date
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from mee_archive.link.english import content_stems
from mee_archive.link.names import NO_PINYIN, Pinyin, english_name_keys, pinyin_many, pinyin_rows
from mee_archive.link.numbers import chinese_dates_and_numbers, english_dates, english_numbers, weekday_keys
from mee_archive.link.resources import (
    gloss_vocabulary, other_readings, pinyin_syllables, pinyin_table, place_names, surname_syllables,
    to_simplified, traditional_only_table,
)
from mee_archive.link.parallel import Workers, start_chunks, start_map
from mee_archive.link.places import english_place_names
from mee_archive.link.scan import ScannedTexts, lexicon
from mee_archive.link.transliteration import (
    chinese_foreign_keys, common_words, english_foreign_keys, transliteration_alphabet,
)
from mee_archive.pages.trs import EN_HOSTS, ZH_HOSTS, site_of

# The current host of each MEE site, which URL comparisons fold the former names into.
CURRENT_HOST = {"en": EN_HOSTS[0], "zh": ZH_HOSTS[0]}
# The first paragraph says what an article is about; a long one is cut here.
LEAD_CHARS = 200
# Characters of Chinese text read in one go (dictionary scan, pinyin): the scan holds a
# few dozen bytes per character, so this bounds it to about ten megabytes (at 2,000,000, a
# worker's whole task in one go, each worker's peak was 450 MB instead of 342, for no speed).
SCAN_CHARS = 200_000
# Chinese items a worker reads in one task: their keys (about 10 KB a long text) are sent
# back in one piece, which the parent holds whole while it unpickles it (and which, freed,
# leaves a hole in its heap: 2,500 items a task left 30 MB more behind than 1,000).
CHUNK_ITEMS = 1_000
# Readings a repost printed after characters, "習(xí)近平": pinyin in brackets right after a
# Chinese character. They split the words and names the linker looks for.
_READING = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
_READING_START = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")
# A date followed by a clock time is when a page was published or reposted, not an event
# ("2016年09月19日 08:40:34", "2019-04-27 00:13:46").
_STAMP = re.compile(r"\d\d{3}\s*[年/-]\s*\d{1,2}\s*[月/-]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}(?::\d{2})?")
# TRS article URLs end in /tYYYYMMDD_<docid>.shtml (or .html/.htm): publication day and id.
_TRS_URL = re.compile(r"/t(\d{4})(\d{2})(\d{2})_(\d+)\.s?html?\b")


@dataclass(frozen=True)
class Features:
    """One item's linking keys. ``title_words`` and ``words`` are a frozenset of English
    stems for an English item; for a Chinese one, the sorted ids of its CC-CEDICT words
    (``scan.lexicon().words[i]`` is word i) in a 4-byte array: 20,000 items are held at
    once, a real article has about a thousand words, and a tuple of Python ints would take
    nine times the memory. ``names`` is filled for English;
    ``pinyin`` and ``lead`` (the sorted ids of the words of two or more characters its
    title and first paragraph are made of, each character counted once, in the same kind of
    array) for Chinese."""

    day: date | None
    docid: int | None
    numbers: frozenset[str]
    dates: frozenset[str]
    title_words: Collection[str] | array[int]
    words: Collection[str] | array[int]
    names: frozenset[str] = frozenset()
    foreign: frozenset[str] = frozenset()
    pinyin: Pinyin = NO_PINYIN
    lead: Collection[int] = ()


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
        foreign=frozenset(english_foreign_keys(text)),
    )


def lead_length(title: str, body: str) -> int:
    """How much of ``title + newline + body`` is the lead: the title and the first
    paragraph (at most LEAD_CHARS of it), which say what the article is about."""
    end = body.find("\n")
    return len(title) + 1 + min(LEAD_CHARS, len(body) if end < 0 else end)


def load_tables() -> None:
    """Load every table reading and checking items needs (the dictionary's, the pinyin
    readings, the place names): loaded before the workers fork, they are loaded once."""
    gloss_vocabulary(), lexicon(), pinyin_rows(), pinyin_syllables(), traditional_only_table()
    common_words(), transliteration_alphabet(), english_place_names()
    pinyin_table(), surname_syllables(), other_readings(), place_names()


def english_features_many(items: Sequence[dict[str, Any]], workers: Workers | None = None) -> Callable[[], list[Features]]:
    """Start reading the linking keys of English releases (on the workers, if any); returns
    what waits for them."""
    return start_map(english_features, items, workers)


def chinese_text(text: str) -> str:
    """A Chinese text as the linker reads it: simplified, without printed readings or
    publication time stamps."""
    brackets = [at for at in (text.find("("), text.find("（")) if at >= 0]  # found faster than by a pattern
    if brackets and _READING_START.search(text, min(brackets)):
        text = _READING.sub("", text)
    if ":" in text:
        text = _STAMP.sub(" ", text)
    return to_simplified(text).strip()


def chinese_features(item: dict[str, Any], max_chars: int) -> Features:
    """Linking keys of one Chinese article (see ``chinese_features_many``)."""
    return chinese_features_many([item], max_chars)[0]


def chinese_features_many(items: Sequence[dict[str, Any]], max_chars: int,
                          workers: Workers | None = None) -> list[Features]:
    """Linking keys of Chinese articles; content words from each one's first ``max_chars``.
    Each worker, if any, reads a share of the items (``read_chinese``)."""
    return start_chunks(partial(read_chinese, max_chars=max_chars), chinese_shares(items), workers, CHUNK_ITEMS)()


def chinese_shares(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fields of Chinese items that reading them needs: what is sent to a worker."""
    fields = ("url", "published", "docid", "title", "body", "paragraphs")
    return [{k: item[k] for k in fields if k in item} for item in items]


def read_chinese(items: Sequence[dict[str, Any]], max_chars: int,
                 kept: Mapping[str, np.ndarray] | None = None) -> list[Features]:
    """``chinese_features_many`` in this process. Each text is made simplified once, then
    read SCAN_CHARS at a time, which bounds the memory: the dictionary scan (scan.py) and
    the pinyin (names.py) run over a batch of texts at once, figures, dates and
    transliterated names text by text. ``kept``, if given, holds for "title_words" and
    "words" a mask by word id: only those words are kept, each as often as found and in
    no order (for an index that sees only some glosses and makes its pairs distinct)."""
    features = []
    for batch in _batches(items, SCAN_CHARS):
        parts = [tuple(chinese_text(part) for part in item_text(item)) for item in batch]
        texts = [f"{title}\n{body}" for title, body in parts]
        scanned = ScannedTexts([f"{title}\n{body[:max_chars]}" for title, body in parts])
        words_of = scanned.word_ids if kept is None else scanned.occurrences
        title_ids = words_of([len(title) for title, _ in parts], (kept or {}).get("title_words"))
        lead_ids = scanned.segment_ids([lead_length(title, body) for title, body in parts])
        word_ids = words_of(None, (kept or {}).get("words"))
        del scanned  # its arrays take a few dozen bytes a character
        features.extend(Features(**_stated_keys(item, text), pinyin=pinyin, title_words=_compact(title),
                                 words=_compact(words), lead=_compact(lead))
                        for item, text, pinyin, title, words, lead
                        in zip(batch, texts, pinyin_many(texts), title_ids, word_ids, lead_ids))
    return features


def _compact(ids: np.ndarray) -> array[int]:
    """Word ids as a 4-byte array (numpy reads it back without a copy)."""
    compact = array("i")
    compact.frombytes(ids.astype(np.int32).tobytes())
    return compact


def _batches(items: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    """Consecutive runs of items of about ``size`` characters of text each."""
    first, chars = 0, 0
    for i, item in enumerate(items):
        chars += sum(map(len, item_text(item)))
        if chars >= size:
            yield items[first:i + 1]
            first, chars = i + 1, 0
    if first < len(items):
        yield items[first:]


def _stated_keys(item: dict[str, Any], text: str) -> dict[str, Any]:
    """The keys of a Chinese item read text by text: day, docid, figures, dates, foreign names."""
    dates, numbers = chinese_dates_and_numbers(text)
    day, docid = day_and_docid(item, prefer_url_day=False)
    return {
        "day": day,
        "docid": docid,
        "numbers": frozenset(numbers),
        "dates": frozenset(dates | weekday_keys(dates, day)),
        "foreign": frozenset(chinese_foreign_keys(text)),
    }
