"""When everything in the replica is published, and under which docid: the corpus's skeleton.

Planned before any text exists, and keyed, never counted: release ``(day, slot)`` is planned from
``f"{seed}:release:{day}:{slot}"`` alone, a day's own material from ``f"{seed}:day:{day}"``, so
nothing depends on how many releases a corpus asks for. Docids come from one counter walked day
by day over every item that *could* exist, so a larger corpus never moves an old id.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count, islice, takewhile
from random import Random
from typing import Iterator, NamedTuple

from mee_archive.replica.stable_random import keyed
from mee_archive.replica.vocab import kinds
from mee_archive.replica.vocab.kinds import Kind

START = date(2017, 1, 1)  # first English release day
LEAD_IN = timedelta(days=30)  # the Chinese site starts earlier: originals of the first releases
MAX_LAG = 26  # days from an event to its English release, at the most
FIRST_DOCID = 300_000
JUMPS = ((date(2018, 7, 16), 447_000), (date(2018, 11, 12), 672_000))  # the counter's jumps
WORKDAY_RELEASES = (1, 2, 3, 4, 5)  # releases on a week-day...
WORKDAY_CUM_WEIGHTS = (2, 5, 8, 10, 11)  # ...and how often each count occurs (cumulated)


class Placement(NamedTuple):
    """Where an item sits on the shared docid counter: its day, time of day and key."""

    day: date
    seconds: int
    key: str


class Plan(NamedTuple):
    """A release decided before any text: its dates, kind and the Chinese items around it."""

    url_date: date
    slot: int
    kind: Kind
    generation: str
    event_date: date
    printed_date: date
    zh_date: date | None  # None: no Chinese original
    related_dates: tuple[date, ...]  # other coverage of the event
    decoys: int  # other same-day meetings with the original's title
    copies: tuple[date, ...]  # the original republished verbatim (another channel, the old host)
    retold: tuple[date, ...]  # other outlets' reports of the event
    others: int  # reports of other meetings of the same people, published near the original
    placements: tuple[Placement, ...]  # the release and its Chinese items on the counter

    @property
    def key(self) -> str:
        return f"{self.url_date}:{self.slot}"


def _zh_seconds(rng: Random) -> int:
    return rng.randint(8 * 3600, 21 * 3600)


def generation(rng: Random, day: date) -> str:
    """The English template generation in use on ``day`` (they overlap in 2018)."""
    if day < date(2018, 3, 1):
        return "A"
    if day < date(2018, 7, 1):
        return rng.choice(("A", "A2"))
    if day < date(2018, 12, 1):
        return rng.choice(("A2", "B", "B"))
    return "C" if day < date(2021, 1, 1) else "D"


def _plan(seed: int, day: date, slot: int) -> Plan:
    """Release ``slot`` of ``day``: its kind, lag, dates and the Chinese items it brings."""
    rng = keyed(seed, "release", day, slot)
    kind = kinds.draw(rng, day)
    lag = 26 if rng.random() < 0.004 else rng.choice((2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 12, 14))
    weekend = (day - timedelta(days=lag)).weekday() - 4
    if weekend > 0 and lag + weekend <= 14 and rng.random() < 0.85:
        lag += weekend  # the ministry mostly works on week-days: move the event to Friday
    event = day - timedelta(days=lag)
    printed = day - timedelta(days=rng.choice((1, 2))) if rng.random() < 0.15 else day
    key = f"{day}:{slot}"
    # A day's later slots are published later (and so get higher docids): growing a corpus
    # mid-day adds releases after the ones it had, never between them.
    placements = [Placement(day, 9 * 3600 + slot * 7200 + rng.randint(0, 7199), f"en:{key}")]
    zh_date, related, decoys = None, (), 0
    copies: tuple[date, ...] = ()
    retold: tuple[date, ...] = ()
    others = 0
    if kind.has_original:
        delay = min(rng.choice((0, 0, 1, 1, 2, 3)), lag - 1)  # the original precedes the English
        zh_date = event + timedelta(days=delay)
        related = tuple(min(zh_date + timedelta(days=rng.randint(0, 1)), day - timedelta(days=1))
                        for _ in range(rng.randint(0, kind.related)))
        if kind.same_title_days and rng.random() < 0.4:
            decoys = rng.choice((1, 1, 2))
        placements.append(Placement(zh_date, _zh_seconds(rng), f"orig:{key}"))
        placements += [Placement(d, _zh_seconds(rng), f"rel{r}:{key}") for r, d in enumerate(related)]
        placements += [Placement(zh_date, _zh_seconds(rng), f"decoy{r}:{key}") for r in range(decoys)]
    if zh_date is not None:  # drawn after everything else, so that older draws stay put
        copies, retold, others = _echoes(rng, kind, zh_date, day)
        placements += [Placement(d, _zh_seconds(rng), f"copy{r}:{key}") for r, d in enumerate(copies)]
        placements += [Placement(d, _zh_seconds(rng), f"told{r}:{key}") for r, d in enumerate(retold)]
        placements += [Placement(zh_date, _zh_seconds(rng), f"other{r}:{key}") for r in range(others)]
    return Plan(day, slot, kind, generation(rng, day), event, printed, zh_date, related, decoys,
                copies, retold, others, tuple(placements))


def _echoes(rng: Random, kind: Kind, zh_date: date, day: date) -> tuple[tuple[date, ...], tuple[date, ...], int]:
    """Copies of the original and other outlets' reports (reposted up to days later, never after
    the English), and how many reports of the same people's other meetings come out with it."""

    def later() -> date:
        return min(zh_date + timedelta(days=rng.choice((0, 0, 1, 2, 4))), day - timedelta(days=1))

    copies = tuple(later() for _ in range(rng.random() < 0.2))
    retold = tuple(later() for _ in range(rng.choices((0, 1, 2), cum_weights=(5, 8, 10))[0]))
    return copies, retold, int(kind.repeats and rng.random() < 0.6)


def _releases_on(seed: int, day: date) -> int:
    """A few releases per week-day, rarely one at a weekend."""
    rng = keyed(seed, "releases", day)
    if day.weekday() >= 5:
        return 1 if rng.random() < 0.08 else 0
    return rng.choices(WORKDAY_RELEASES, cum_weights=WORKDAY_CUM_WEIGHTS)[0]


def plans(seed: int) -> Iterator[Plan]:
    """Every release the seed will ever publish, oldest first (an endless sequence)."""
    for offset in count():
        day = START + timedelta(days=offset)
        for slot in range(_releases_on(seed, day)):
            yield _plan(seed, day, slot)


class Day(NamedTuple):
    """One day's own material: untranslated Chinese filler and English sibling-section items."""

    day: date
    filler: tuple[int, ...]  # publication time of each filler article
    siblings: tuple[tuple[str, int], ...]  # (section, time) of each English sibling article

    def placements(self) -> list[Placement]:
        items = [Placement(self.day, s, f"fill{j}:{self.day}") for j, s in enumerate(self.filler)]
        items += [Placement(self.day, s, f"sib{q}:{self.day}") for q, (_, s) in enumerate(self.siblings)]
        return items


def day_material(seed: int, day: date) -> Day:
    """How many untranslated Chinese articles and English sibling items ``day`` has, and when."""
    rng = keyed(seed, "day", day)
    weekday = day.weekday() < 5
    n = rng.randint(15, 24) if weekday else rng.randint(3, 8)
    siblings = []
    if weekday and day >= START:
        for section, chance in (("media_news", 0.08), ("Photo", 0.05)):
            if rng.random() < chance:
                siblings.append((section, rng.randint(9 * 3600, 19 * 3600)))
    return Day(day, tuple(_zh_seconds(rng) for _ in range(n)), tuple(siblings))


def assign_docids(seed: int, days: list[Day], placements: list[Placement]) -> dict[str, int]:
    """Walk the counter day by day, in publication order, with gaps for the CMS's other documents."""
    by_day: dict[date, list[Placement]] = {}
    for p in placements:
        by_day.setdefault(p.day, []).append(p)
    docids: dict[str, int] = {}
    counter = FIRST_DOCID
    for material in days:
        rng = keyed(seed, "docids", material.day)
        for jump_day, floor in JUMPS:
            if material.day >= jump_day and counter < floor:
                counter = floor + rng.randint(0, 999)
        for p in sorted(material.placements() + by_day.get(material.day, []),
                        key=lambda p: (p.seconds, p.key)):
            counter += rng.randint(1, 17)
            docids[p.key] = counter
    return docids


class Layout(NamedTuple):
    """Everything a corpus of some size publishes, placed on the counter, before any text."""

    plans: list[Plan]  # the releases asked for, oldest first
    days: list[Day]  # every day up to the last release's
    docids: dict[str, int]  # of every placed item, by key
    seconds: dict[str, int]  # time of day each placed item is published, by key


def layout(seed: int, releases: int) -> Layout:
    """The first ``releases`` releases (at least one) and every day up to the last one's."""
    stream = plans(seed)
    chosen = list(islice(stream, releases))
    last = chosen[-1].url_date
    # Releases past the requested size still own docids on the days we publish (their originals
    # come out before them): plan them so that adding them later moves nothing.
    pending = list(takewhile(lambda plan: plan.url_date <= last + timedelta(days=MAX_LAG), stream))
    days = [day_material(seed, START - LEAD_IN + timedelta(days=n))
            for n in range((last - START + LEAD_IN).days + 1)]
    placements = [p for plan in chosen + pending for p in plan.placements if p.day <= last]
    seconds = {p.key: p.seconds for material in days for p in material.placements()}
    seconds.update((p.key, p.seconds) for p in placements)
    return Layout(chosen, days, assign_docids(seed, days, placements), seconds)
