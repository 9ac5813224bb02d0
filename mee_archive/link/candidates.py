"""Which Chinese items can be the original of an English release: a date window.

The Chinese original is published 0-3 days after the event, the English release 2-14
days after it (once about 26), so only Chinese items from ``max_lag_days`` before the
English anchor day to ``max_lead_days`` after it are scored. Items are ranked by day, so
a window is a contiguous run of ranks; items whose day is unknown rank last and are
candidates everywhere, and an English item without a day has every item as candidate.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np


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
    every undated one. Scores are arrays over ``ranks``; ``slots`` says where a rank is."""

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

    def slots(self, ranks: np.ndarray) -> np.ndarray:
        """The positions in ``ranks`` of ranks that are candidates."""
        return np.where(ranks < self.undated.start, ranks - self.window.start,
                        len(self.window) + ranks - self.undated.start)
