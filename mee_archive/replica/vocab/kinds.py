"""The kinds of event an English release reports, and how often each occurs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from random import Random

from mee_archive.replica.vocab import cenews, meetings
from mee_archive.replica.vocab.story import Builder


@dataclass(frozen=True)
class Kind:
    """A story builder and what the corpus plans around it before any text exists."""

    name: str
    weight: float
    build: Builder
    has_original: bool = True
    related: int = 0  # at most this many other Chinese articles cover the same event
    same_title_days: bool = False  # generic title: other same-day meetings share it


KINDS: tuple[Kind, ...] = (
    Kind("executive_meeting", 0.16, meetings.executive_meeting, same_title_days=True),
    Kind("affairs_meeting", 0.06, meetings.affairs_meeting, same_title_days=True),
    Kind("cenews", 0.07, cenews.cenews_report, has_original=False),
)
CENEWS_UNTIL = date(2019, 1, 1)  # later English-only releases are rarer


def draw(rng: Random, day: date) -> Kind:
    """The kind of the event reported on ``day``."""
    weights = [k.weight if k.has_original or day < CENEWS_UNTIL else k.weight / 2 for k in KINDS]
    return rng.choices(KINDS, weights=weights)[0]


def with_original(rng: Random, day: date) -> Kind:
    """A kind that has a Chinese original (for filler and decoys)."""
    while True:
        kind = draw(rng, day)
        if kind.has_original:
            return kind
