"""Does a candidate tell the *same event* as the English release? Checks on the best few.

The bag-of-keys score (score.py) finds the Chinese items about the same people and the same
subject; it cannot tell one meeting of two ministers from their next one, since both texts
share the names, the titles and most words. What does tell them apart is what a translation
never changes:

- **The event's date.** A release opens with when it happened ("On Jun. 30", "on Sept 19",
  "on Thursday") and so does its original ("6月30日", "当地时间18日", "李克强8日下午会见").
  A date both openings state and agree on is support; openings that both state a date and
  never agree are two events, whatever else they share.
  An opening that names several days ("On September 22 and 23") tells an event its
  original names all of: a candidate with only some of them ("9月23日") tells part of it.
- **The event's place** (places.py): "in Saihanba" against 在京, each opening's place named
  nowhere in the other text, is another meeting; an opening naming the other's place agrees.
- **The actors of the opening.** The Chinese people the English opening names (romanised,
  a surname and a given name: "Vice Premier Liu Yandong") are in any translation's
  original; a candidate without them tells another person's meeting.
- **The telling** (fidelity.py): the figures and the attributions of what was said, which
  tell the original from another outlet's report, an abridged version or the speech
  itself.

Each check is a log-odds added to the bag-of-keys score. Summed over hundreds of shared
words, that score reaches log-odds of 20-30 for a report of the same people in other words
as much as for the original; so the link's score (and the threshold) take the bag of keys
only up to ``logit_cap`` and add the checks to that, while candidates are still ranked
against each other by the whole sum.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from itertools import chain
from typing import Any

from mee_archive.link.config import LinkConfig
from mee_archive.link.features import Features, chinese_text, day_and_docid, item_text
from mee_archive.link.fidelity import ChineseTelling, Retold, Telling, chinese_telling, english_telling, retold
from mee_archive.link.names import chinese_name_keys
from mee_archive.link.parallel import Part, Workers, start_map
from mee_archive.link.places import CONFLICT as PLACE_CONFLICT
from mee_archive.link.places import (
    NO_PLACE, TOLD, ChinesePlace, EnglishPlaces, chinese_place, english_places, place_verdict,
)
from mee_archive.link.numbers import (
    chinese_dates_and_days, chinese_relative_dates, english_dates, weekday_key, weekday_keys,
)

# The opening paragraph is where a release and its original say what happened, when, and who.
LEAD_CHARS = 400
# Shorter lines before it are page furniture: a dateline, "来源：新华社", a publication
# time stamp, a repeated title (characters; an English sentence is about three times longer).
OPENING_MIN_CHARS = {"en": 80, "zh": 30}
# How much of a Chinese body is read to find its opening (furniture lines, then LEAD_CHARS).
OPENING_SCAN_CHARS = 4 * LEAD_CHARS
# Verdicts of the date check.
AGREE, PARTIAL, CONFLICT, UNTOLD, UNSTATED = "agree", "partial", "conflict", "untold", "unstated"


@dataclass(frozen=True)
class Opening:
    """What an item's opening paragraph states: month-day keys ("6-30"), weekday keys
    ("wd3"), days of the month given alone (Chinese "18日"), romanised name keys (English
    only), and the month-day keys of days named relative to the publication day (Chinese
    "昨日", read against the item's own day, which a repost may have wrong)."""

    dates: frozenset[str]
    weekdays: frozenset[str]
    days: frozenset[int]
    names: frozenset[str]
    relative: frozenset[str] = frozenset()


def opening_text(body: str, language: str) -> str:
    """The first ``LEAD_CHARS`` of a body from its first line long enough to be a sentence
    (the whole body if none is), its lines stripped, the empty ones left out. Lines are
    read only as far as that takes: every Chinese candidate's opening is read, and a real
    body is thousands of characters."""
    lines = _stripped_lines(body)
    first: list[str] = []  # the opening if no line is long enough: the first lines
    for line in lines:
        if len(line) >= OPENING_MIN_CHARS[language]:
            return _first_chars(chain([line], lines))
        first.append(line)
    return _first_chars(iter(first))


def _stripped_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` stripped, without the empty ones, one at a time."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if line := text[start:end].strip():
            yield line
        start = end + 1


def _first_chars(lines: Iterator[str]) -> str:
    """The first ``LEAD_CHARS`` of ``lines`` joined by newlines."""
    taken, size = [], 0
    for line in lines:
        taken.append(line)
        size += len(line) + 1
        if size > LEAD_CHARS:
            break
    return "\n".join(taken)[:LEAD_CHARS]


@dataclass(frozen=True)
class Release:
    """What the checks read of an English release, once: its opening, its places, its
    telling, and its anchor day (the later of its stated and URL days)."""

    opening: Opening
    telling: Telling
    places: EnglishPlaces
    day: date | None


def english_release(item: dict[str, Any]) -> Release:
    """The opening, the places, the telling and the day of an English release."""
    title, body = item_text(item)
    places = english_places(opening_text(body, "en").partition("\n")[0], f"{title}\n{body}")
    day = day_and_docid(item, prefer_url_day=True)[0]
    return Release(english_opening(item), english_telling(body, day), places, day)


def english_opening(item: dict[str, Any]) -> Opening:
    """The opening of an English release (its body's first paragraph)."""
    lead = opening_text(item_text(item)[1], "en").partition("\n")[0]
    keys, _ = english_dates(lead)
    return Opening(
        dates=frozenset(k for k in keys if "-" in k),
        weekdays=frozenset(k for k in keys if k.startswith("wd")),
        days=frozenset(int(k.split("-")[1]) for k in keys if "-" in k),
        names=frozenset(chinese_name_keys(lead)),
    )


def dated_opening(text: str, anchor: date | None, published: date | None = None) -> Opening:
    """The opening of a Chinese article, from its (simplified) body's start: the first
    ``LEAD_CHARS`` from its first sentence-long line, which hold the dateline and the first
    paragraph. Weekdays are those of its dates, in the year that puts them just before
    ``anchor`` (the English release's day, or the article's own); relative days are read
    against ``published``, the article's own day."""
    return chinese_opening(opening_text(text, "zh"), published).dated(anchor)


@dataclass(frozen=True)
class ChineseOpening:
    """What a Chinese article's opening states, whichever release it is checked against:
    its month-day keys, its days of the month given alone, and its days relative to
    its own day (see ``dated_opening``)."""

    dates: frozenset[str]
    days: frozenset[int]
    relative: frozenset[str]

    def dated(self, anchor: date | None) -> Opening:
        """The opening, its weekdays taken in the year that puts its dates just before ``anchor``."""
        weekdays = weekday_keys(self.dates, anchor) | {weekday_key(d.weekday()) for d in _recent_days(self.days, anchor)}
        return Opening(self.dates, frozenset(weekdays), self.days | _days_of(self.dates), frozenset(), self.relative)


def chinese_opening(lead: str, published: date | None) -> ChineseOpening:
    """The anchor-free part of ``dated_opening`` of a Chinese opening (``opening_text``),
    read once per candidate."""
    dates, days = chinese_dates_and_days(lead)
    return ChineseOpening(frozenset(dates), frozenset(days),
                          frozenset(chinese_relative_dates(lead, published)))


@dataclass(frozen=True)
class Candidate:
    """What the checks read of a Chinese candidate's text, once for all releases: its
    opening, every day of the month it names, its telling and the place its opening names."""

    opening: ChineseOpening
    days: frozenset[int]
    telling: ChineseTelling
    place: ChinesePlace = NO_PLACE


def read_candidate(item: dict[str, Any], dates: frozenset[str], day: date | None, max_chars: int) -> Candidate:
    """The checks' reading of a candidate (``dates``, ``day``: its features' month-day keys
    and day, as features.py reads them)."""
    text = chinese_text(item_text(item)[1][:max_chars])
    days = chinese_dates_and_days(text)[1] | _days_of({k for k in dates if "-" in k})
    opening = opening_text(text[:OPENING_SCAN_CHARS], "zh")
    return Candidate(chinese_opening(opening, day), frozenset(days), chinese_telling(text), chinese_place(opening))


def read_candidates(items: Sequence[dict[str, Any]], features: Sequence[Features], max_chars: int,
                    workers: Workers | None = None) -> Callable[[], list[Candidate]]:
    """Start ``read_candidate`` of each item (with its features), on the workers if any
    (a ``Part`` of what they inherited is not sent to them: only its keys are); returns
    what waits for them."""
    return start_map(partial(_read_share, max_chars=max_chars),
                     Part.of(items, [(each.dates, each.day) for each in features]), workers)


def _read_share(share: tuple[tuple[frozenset[str], date | None], dict[str, Any]], max_chars: int) -> Candidate:
    (dates, day), item = share
    return read_candidate(item, dates, day, max_chars)


def _days_of(month_days: frozenset[str] | set[str]) -> set[int]:
    return {int(key.split("-")[1]) for key in month_days}


def _recent_days(days: set[int], anchor: date | None) -> list[date]:
    """Each day of the month as the latest such date on or before ``anchor``."""
    if anchor is None:
        return []
    found = []
    for day in days:
        probe = anchor
        for _ in range(62):
            if probe.day == day:
                found.append(probe)
                break
            probe -= timedelta(days=1)
    return found


def date_verdict(en: Opening, zh: Opening, zh_all_dates: frozenset[str],
                 zh_all_days: frozenset[int] | None = None) -> str:
    """Whether the candidate tells the English opening's date: AGREE (its opening states
    it), PARTIAL (it agrees, but some other day of the English opening is nowhere in its
    text ``zh_all_days``, when given), CONFLICT (its opening states dates, none of them
    the English one, and the text never names it), UNTOLD (it names no date of the English
    opening anywhere), or UNSTATED (the English opening gives no date)."""
    if en.dates & zh.relative:  # agreeing only: a repost's own day may be wrong
        return AGREE
    if en.dates:
        if en.dates & zh.dates or (not zh.dates and en.days & zh.days):
            return PARTIAL if zh_all_days is not None and en.days - zh_all_days else AGREE
        if en.dates & zh_all_dates:
            return AGREE if not (zh.dates or zh.days) else UNSTATED
        return CONFLICT if zh.dates or zh.days else UNTOLD
    if en.weekdays:
        if en.weekdays & zh.weekdays:
            return AGREE
        return CONFLICT if zh.weekdays else UNSTATED
    return UNSTATED


@dataclass(frozen=True)
class Check:
    """The event checks of one candidate: log-odds added, and what they rest on."""

    logit: float
    dates: str
    missing_names: tuple[str, ...]
    retold: Retold
    place: str = UNSTATED

    @property
    def another_telling(self) -> bool:
        """Whether the candidate tells the event otherwise than the English: a day of it
        missing, a figure missing, or what was said not attributed; not another date or
        other actors, which make it another event."""
        if self.dates == CONFLICT or self.place == PLACE_CONFLICT or self.missing_names:
            return False
        return self.dates == PARTIAL or bool(self.retold.missing_figures) or self.retold.is_the_speech

    def evidence(self) -> dict[str, Any]:
        return ({"event_date": self.dates, "event_place": self.place, "opening_names_missing": list(self.missing_names)}
                | self.retold.evidence())


class EventCheck:
    """The event checks of English items against their best candidates (config's knobs)."""

    def __init__(self, config: LinkConfig, read: dict[int, Candidate] | None = None) -> None:
        """``read``: candidates read already (``read_candidates``), by the identity of
        their item; the others are read as they come (one is the candidate of many
        releases), and the items outlive the checker."""
        self.config = config
        self._date_logits = {AGREE: config.date_agree_logit, PARTIAL: config.date_partial_logit,
                             CONFLICT: config.date_conflict_logit, UNTOLD: config.date_untold_logit,
                             UNSTATED: 0.0}
        self._place_logits = {TOLD: config.place_told_logit, PLACE_CONFLICT: config.place_conflict_logit, UNSTATED: 0.0}
        self._read: dict[int, Candidate] = dict(read or {})

    def check(self, en: Release, zh_item: dict[str, Any], zh: Features) -> Check:
        """Check one candidate (``zh``: its features, as features.py reads them)."""
        config = self.config
        anchor = en.day or zh.day
        read = self._read.get(id(zh_item))
        if read is None:
            read = self._read[id(zh_item)] = read_candidate(zh_item, zh.dates, zh.day, config.max_zh_chars)
        verdict = date_verdict(en.opening, read.opening.dated(anchor), zh.dates, read.days)
        missing = tuple(sorted(name for name in en.opening.names if name not in zh.pinyin))
        names_logit = max(config.missing_name_logit * len(missing), config.missing_names_floor)
        told = retold(en.telling, read.telling, zh.numbers)
        telling_logit = (max(config.missing_figure_logit * len(told.missing_figures), config.missing_figures_floor)
                         + (config.speech_untold_logit if told.is_the_speech else 0.0))
        place = place_verdict(en.places, read.place, zh.pinyin)
        return Check(self._date_logits[verdict] + self._place_logits[place] + names_logit + telling_logit,
                     verdict, missing, told, place)
