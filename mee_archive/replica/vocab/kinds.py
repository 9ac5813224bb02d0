"""The kinds of event an English release reports, and how often each occurs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from random import Random

from mee_archive.replica.vocab import (
    bulletins, cenews, emergencies, inspections, meetings, outreach, policy,
)
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
    repeats: bool = False  # the same people meet on other days: the story brings such a report


KINDS: tuple[Kind, ...] = (
    Kind("executive_meeting", 0.14, meetings.executive_meeting, same_title_days=True),
    Kind("affairs_meeting", 0.05, meetings.affairs_meeting, same_title_days=True),
    Kind("inspection", 0.10, inspections.inspection, related=2),
    Kind("campaign", 0.07, inspections.campaign),
    Kind("bilateral", 0.09, outreach.bilateral, related=1, repeats=True),
    Kind("visit", 0.05, outreach.visit, repeats=True),
    Kind("forum", 0.03, outreach.forum, related=1),
    Kind("conference", 0.06, outreach.conference),
    Kind("field_trip", 0.07, outreach.field_trip, related=1),
    Kind("press_conference", 0.08, policy.press_conference, related=2),
    Kind("regulation", 0.10, policy.regulation, related=2),
    Kind("air_quality", 0.09, bulletins.air_quality),
    Kind("water_quality", 0.05, bulletins.water_quality),
    Kind("incident", 0.03, emergencies.incident, related=1),
    Kind("demonstration_zones", 0.02, policy.demonstration_zones),
    Kind("cenews", 0.07, cenews.cenews_report, has_original=False),
)
CENEWS_UNTIL = date(2019, 1, 1)  # later English-only releases are rarer


_EARLY = tuple(accumulate(k.weight for k in KINDS))
_LATE = tuple(accumulate(k.weight if k.has_original else k.weight * 0.75 for k in KINDS))


def draw(rng: Random, day: date) -> Kind:
    """The kind of the event reported on ``day``."""
    return rng.choices(KINDS, cum_weights=_EARLY if day < CENEWS_UNTIL else _LATE)[0]


def with_original(rng: Random, day: date) -> Kind:
    """A kind that has a Chinese original (for filler and decoys)."""
    while True:
        kind = draw(rng, day)
        if kind.has_original:
            return kind
