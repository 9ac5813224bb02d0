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
from datetime import date


class DateIndex:
    """Chinese items ranked by publication day (undated last), for window look-ups."""

    def __init__(self, days: Sequence[date | None]) -> None:
        self.order = sorted(range(len(days)), key=lambda i: (days[i] is None, days[i] or date.min))
        self._ordinals = [days[i].toordinal() for i in self.order if days[i] is not None]
        self.dated = len(self._ordinals)

    def window(self, day: date | None, max_lag_days: int, max_lead_days: int) -> range:
        """Ranks of the dated items published within [day - max_lag, day + max_lead]."""
        if day is None:
            return range(self.dated)
        low = bisect_left(self._ordinals, day.toordinal() - max_lag_days)
        return range(low, bisect_right(self._ordinals, day.toordinal() + max_lead_days))

    def candidates(self, day: date | None, max_lag_days: int, max_lead_days: int) -> list[int]:
        """Ranks of every candidate: the window's, then the undated items'."""
        return [*self.window(day, max_lag_days, max_lead_days), *range(self.dated, len(self.order))]
