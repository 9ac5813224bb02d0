"""Which Chinese items can be the original of an English release: a date window.

The Chinese original is published 0-3 days after the event, the English release 2-14
days after it (once about 26), so only Chinese items from ``max_lag_days`` before the
English anchor day to ``max_lead_days`` after it are scored. Items are ranked by day, so
a window is a contiguous run of ranks; items whose day is unknown rank last and are
candidates everywhere, and an English item without a day has every item as candidate.

A repost's date is the repost's, days or months after the event: an item whose opening
names a date more than ``REPOST_DAYS`` before its own is placed on that date, the event's,
where its original's translation looks for it (``window_day``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Any

import numpy as np

from mee_archive.link.correspond import opening_text
from mee_archive.link.features import day_and_docid, item_text
from mee_archive.link.numbers import first_chinese_date
from mee_archive.link.postings import Postings


# An item published this many days after the date its opening names is a repost.
REPOST_DAYS = 14
# One whose opening names a date at most this many days ahead announces it ("6月5日是世界环境日").
ANNOUNCED_DAYS = 60
# The event's date opens the first sentence or its dateline ("6月30日，", "新华社北京6月30日电"):
# a date further in is another one (a law's effective date, an earlier inspection).
OPENING_CHARS = 16
# The opening is found within the body's first characters (after its furniture lines).
SCAN_CHARS = 400


def window_day(item: dict[str, Any]) -> date | None:
    """The day a Chinese item is placed on for the windows: its publication day, or the
    date its opening names when that is more than REPOST_DAYS (and less than a year) before."""
    day, _ = day_and_docid(item, prefer_url_day=False)
    opening = opening_text(item_text(item)[1][:SCAN_CHARS], "zh")[:OPENING_CHARS] if day else ""
    # A year stated ("2016年11月13日") is a date told, not the day's: left where it is.
    stated = first_chinese_date(opening) if "年" not in opening else None
    if stated is None:
        return day
    for year in (day.year, day.year - 1):
        try:
            event = date(year, *stated)
        except ValueError:
            continue
        if event > day + timedelta(days=ANNOUNCED_DAYS):
            continue  # not this year's: the date is last year's, told months later
        return event if REPOST_DAYS < (day - event).days < 366 else day
    return day


class DateIndex:
    """Chinese items ranked by publication day (undated last), for window look-ups."""

    def __init__(self, days: Sequence[date | None]) -> None:
        self.order = sorted(range(len(days)), key=lambda i: (days[i] is None, days[i] or date.min))
        self._ordinals = [days[i].toordinal() for i in self.order if days[i] is not None]
        self.dated = len(self._ordinals)

    def candidates(self, day: date | None, max_lag_days: int, max_lead_days: int) -> Candidates:
        """The candidates of an item of that day: the dated items published within
        [day - max_lag, day + max_lead] (every dated item if the day is unknown), then
        the undated ones."""
        window = range(self.dated)
        if day is not None:
            low = bisect_left(self._ordinals, day.toordinal() - max_lag_days)
            window = range(low, bisect_right(self._ordinals, day.toordinal() + max_lead_days))
        return Candidates(window, range(self.dated, len(self.order)))


@dataclass(frozen=True)
class Candidates:
    """The ranks one English item is scored against: a window of dated Chinese items, then
    every undated one; its scores are an array over ``ranks``."""

    window: range
    undated: range

    @property
    def spans(self) -> tuple[range, range]:
        return self.window, self.undated

    def __len__(self) -> int:
        return len(self.window) + len(self.undated)

    @cached_property
    def ranks(self) -> np.ndarray:
        return np.concatenate((np.arange(self.window.start, self.window.stop),
                               np.arange(self.undated.start, self.undated.stop)))


class CandidateSets:
    """The candidates of many English items side by side: one flat array of scores holds
    every item's candidates in turn (item i's from ``offsets[i]``). All come from one
    DateIndex, so they share its undated items."""

    def __init__(self, sets: Sequence[Candidates]) -> None:
        sizes = np.array([len(each) for each in sets], dtype=np.int64)
        self.offsets = np.concatenate(([0], np.cumsum(sizes)))
        self.owners = np.repeat(np.arange(len(sets)), sizes)
        """The English item of each flat position."""
        self.ranks = np.concatenate([each.ranks for each in sets] or [np.zeros(0, dtype=np.int64)])
        self._window_start = np.array([each.window.start for each in sets], dtype=np.int64)
        self._window_stop = np.array([each.window.stop for each in sets], dtype=np.int64)
        self._undated = sets[0].undated if sets else range(0)

    def __len__(self) -> int:
        return int(self.offsets[-1])

    def hits(self, postings: Postings, owners: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(flat position, needle) of every candidate of English item ``owners[needle]``
        that has key ``keys[needle]``."""
        start, stop, offset, undated = self._window_start, self._window_stop, self.offsets[:-1], self._undated
        # A window rank r sits at offset + r - window start, an undated one after the window.
        spans = [(start[owners], stop[owners], (offset - start)[owners])]
        if len(undated):  # (a search of no ranks is a sort and two searches of every needle)
            spans.append((undated.start, undated.stop, (offset + stop - start - undated.start)[owners]))
        positions, needles = [], []
        for lows, highs, shifts in spans:
            found, needle = postings.hits(keys, lows, highs, shifts)
            positions.append(found)
            needles.append(needle)
        return np.concatenate(positions), np.concatenate(needles)

    def positions(self, owners: np.ndarray, ranks: np.ndarray) -> np.ndarray:
        """Flat positions of candidate ``ranks[i]`` of English item ``owners[i]``."""
        start = self._window_start[owners]
        window = ranks - start
        undated = self._window_stop[owners] - start + ranks - self._undated.start
        return self.offsets[owners] + np.where(ranks < self._undated.start, window, undated)
