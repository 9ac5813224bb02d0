"""Build the replica's corpus: deterministic for a seed, append-stable in size.

Nothing depends on the requested size. Release ``(day, slot)`` draws only from a generator
seeded with ``f"{seed}:release:{day}:{slot}"`` (its story from ``f"{seed}:story:{day}:{slot}"``)
and a day's Chinese filler only from ``f"{seed}:filler:{day}"``; docids come from one counter
walked day by day over every item that *could* exist (including releases beyond the requested
size whose Chinese originals fall on earlier days), so growing the corpus adds newer items and
never moves an old one.
"""

from __future__ import annotations

import gc
from bisect import bisect
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from itertools import accumulate, count, islice
from random import Random
from typing import Iterator, NamedTuple, Sequence, TypeVar

from mee_archive.replica.model import Corpus, Embed, EnRelease, ZhArticle
from mee_archive.replica.vocab import cenews, era, filler, kinds
from mee_archive.replica.vocab.kinds import Kind
from mee_archive.replica.vocab.story import Occasion, Story, ZhText

T = TypeVar("T")
START = date(2017, 1, 1)  # first English release day
LEAD_IN = timedelta(days=30)  # the Chinese site starts earlier: originals of the first releases
MAX_LAG = 26  # days from an event to its English release, at the most
FIRST_DOCID = 300_000
JUMPS = ((date(2018, 7, 16), 447_000), (date(2018, 11, 12), 672_000))  # the counter's jumps
WORKDAY_RELEASES = (1, 2, 3, 4, 5)  # releases on a week-day...
WORKDAY_CUM_WEIGHTS = (2, 5, 8, 10, 11)  # ...and how often each count occurs (cumulated)


class StableRandom(Random):
    """``random.Random`` whose choice, randint, choices and sample use ``random()`` alone.

    Faster than the standard versions (which loop over ``getrandbits``) and immune to changes in
    their algorithms between Python versions: a seed's corpus stays the same corpus.
    """

    def choice(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if stop is None:
            start, stop = 0, start
        return start + step * int(self.random() * ((stop - start) // step))

    def choices(self, population: Sequence[T], weights: Sequence[float] | None = None, *,  # type: ignore[override]
                cum_weights: Sequence[float] | None = None, k: int = 1) -> list[T]:
        if cum_weights is None:
            cum_weights = list(accumulate(weights or [1] * len(population)))
        total = cum_weights[-1]
        if k == 1:  # the common case, without a comprehension
            return [population[bisect(cum_weights, self.random() * total)]]
        return [population[bisect(cum_weights, self.random() * total)] for _ in range(k)]

    def sample(self, population: Sequence[T], k: int) -> list[T]:  # type: ignore[override]
        pool = list(population)
        for i in range(k):  # the first k steps of a Fisher-Yates shuffle
            j = i + int(self.random() * (len(pool) - i))
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


def _rng(seed: int, *parts: object) -> Random:
    """A generator keyed by strings: stable across runs and Python versions (no hash())."""
    return StableRandom(":".join(map(str, (seed, *parts))))


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
    rng = _rng(seed, "release", day, slot)
    kind = kinds.draw(rng, day)
    lag = 26 if rng.random() < 0.004 else rng.choice((2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 12, 14))
    weekend = (day - timedelta(days=lag)).weekday() - 4
    if weekend > 0 and lag + weekend <= 14 and rng.random() < 0.85:
        lag += weekend  # the ministry mostly works on week-days: move the event to Friday
    event = day - timedelta(days=lag)
    printed = day - timedelta(days=rng.choice((1, 2))) if rng.random() < 0.15 else day
    key = f"{day}:{slot}"
    placements = [Placement(day, rng.randint(9 * 3600, 19 * 3600), f"en:{key}")]
    zh_date, related, decoys = None, (), 0
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
    return Plan(day, slot, kind, generation(rng, day), event, printed, zh_date, related, decoys,
                tuple(placements))


def _releases_on(seed: int, day: date) -> int:
    """A few releases per week-day, rarely one at a weekend."""
    rng = _rng(seed, "releases", day)
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
    rng = _rng(seed, "day", day)
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
        rng = _rng(seed, "docids", material.day)
        for jump_day, floor in JUMPS:
            if material.day >= jump_day and counter < floor:
                counter = floor + rng.randint(0, 999)
        for p in sorted(material.placements() + by_day.get(material.day, []),
                        key=lambda p: (p.seconds, p.key)):
            counter += rng.randint(1, 17)
            docids[p.key] = counter
    return docids


def _embeds(seed: int, key: str, day: date, titles: tuple[str, ...], kind: str) -> tuple[Embed, ...]:
    """Files in the month folder, named like the CMS names them: W0/P0 + date + 12 digits."""
    if not titles:
        return ()
    rng = _rng(seed, kind, key)
    prefix, ext = ("W", "jpg") if kind == "image" else ("P", "pdf")
    return tuple(Embed(f"{prefix}0{day:%Y%m%d}{rng.randrange(10**11, 10**12)}.{ext}", t, kind)
                 for t in titles)


class Dating(NamedTuple):
    """An English article's template generation and dates."""

    generation: str
    event_date: date
    url_date: date
    printed_date: date


class _Assembler:
    """Turns plans and days into model objects, given the docids of everything placed."""

    def __init__(self, seed: int, docids: dict[str, int], times: dict[str, int]) -> None:
        self.seed, self.docids, self.times = seed, docids, times
        self.en: list[EnRelease] = []
        self.zh: list[ZhArticle] = []

    def zh_article(self, key: str, day: date, text: ZhText) -> ZhArticle:
        published = datetime.combine(day, time()) + timedelta(seconds=self.times[key])
        article = ZhArticle(
            docid=self.docids[key], channel=text.channel, template=text.template,
            published=published, title=text.title, paragraphs=text.paragraphs, source=text.source,
            encoding="gb2312" if text.template == "legacy" else "utf-8",
            attachments=_embeds(self.seed, key, day, text.attachments, "pdf"),
        )
        self.zh.append(article)
        return article

    def en_release(self, key: str, section: str, dating: Dating, story: Story,
                   zh_docid: int | None = None, zh_related: tuple[int, ...] = ()) -> None:
        self.en.append(EnRelease(
            self.docids[key], section, *dating, title=story.en_title,
            paragraphs=story.en_paragraphs,
            images=_embeds(self.seed, key, dating.url_date, story.images, "image"),
            attachments=_embeds(self.seed, key, dating.url_date, story.attachments, "pdf"),
            zh_docid=zh_docid, zh_related=zh_related,
        ))

    def release(self, plan: Plan) -> None:
        occasion = Occasion(plan.event_date, plan.zh_date or plan.event_date)
        story = era.story(plan.kind.build(_rng(self.seed, "story", plan.key), occasion), plan.event_date)
        zh_docid, related = None, ()
        if story.original is not None and plan.zh_date is not None:
            zh_docid = self.zh_article(f"orig:{plan.key}", plan.zh_date, story.original).docid
            related = tuple(self.zh_article(f"rel{r}:{plan.key}", day, text).docid
                            for r, (day, text) in enumerate(zip(plan.related_dates, story.related)))
            for r in range(plan.decoys):
                self.zh_article(f"decoy{r}:{plan.key}", plan.zh_date,
                                self._decoy(plan, occasion, r, story.original.title))
        dating = Dating(plan.generation, plan.event_date, plan.url_date, plan.printed_date)
        self.en_release(f"en:{plan.key}", "news_release", dating, story, zh_docid, related)

    def _decoy(self, plan: Plan, occasion: Occasion, r: int, title: str) -> ZhText:
        """Another meeting the same day, under the very same generic title."""
        other = plan.kind.build(_rng(self.seed, "decoy", plan.key, r), occasion).original
        assert other is not None  # decoys are planned only for kinds with originals
        return era.zh_text(replace(other, title=title, attachments=()), plan.event_date)

    def day(self, material: Day) -> None:
        rng = _rng(self.seed, "filler", material.day)  # a day's filler is published all or none
        for j in range(len(material.filler)):
            text = era.zh_text(filler.filler(rng, material.day), material.day)
            self.zh_article(f"fill{j}:{material.day}", material.day, text)
        for q, (section, _) in enumerate(material.siblings):
            key = f"sib{q}:{material.day}"
            sibling_rng = _rng(self.seed, key)
            make = cenews.photo_story if section == "Photo" else cenews.cenews_report
            story = era.story(make(sibling_rng, Occasion(material.day, material.day)), material.day)
            dating = Dating(generation(sibling_rng, material.day), material.day, material.day, material.day)
            self.en_release(key, section, dating, story)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The corpus is acyclic data: the cyclic collector's passes over it find nothing and cost ~15%."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_corpus(seed: int, releases: int) -> Corpus:
    """The first ``releases`` news releases of ``seed``, with everything published up to the last."""
    if releases < 0:
        raise ValueError("releases must be >= 0")
    if releases == 0:
        return Corpus(seed)
    with _collector_paused():
        return _build(seed, releases)


def _build(seed: int, releases: int) -> Corpus:
    stream = plans(seed)
    chosen = list(islice(stream, releases))
    last = chosen[-1].url_date
    # Releases past the requested size still own docids on the days we publish (their originals
    # come out before them): plan them so that adding them later moves nothing.
    pending = []
    for plan in stream:
        if plan.url_date > last + timedelta(days=MAX_LAG):
            break
        pending.append(plan)
    days = [day_material(seed, START - LEAD_IN + timedelta(days=n))
            for n in range((last - START + LEAD_IN).days + 1)]
    placements = [p for plan in chosen + pending for p in plan.placements if p.day <= last]
    docids = assign_docids(seed, days, placements)
    times = {p.key: p.seconds for material in days for p in material.placements()}
    times.update((p.key, p.seconds) for p in placements)
    assembler = _Assembler(seed, docids, times)
    for plan in chosen:
        assembler.release(plan)
    for material in days:
        assembler.day(material)
    en = sorted(assembler.en, key=lambda r: (r.url_date, r.docid))
    zh = sorted(assembler.zh, key=lambda a: a.docid)
    return Corpus(seed, en, zh)
