"""Build the replica's corpus: deterministic for a seed, append-stable in size.

The timeline (``timeline.py``) decides what is published when and under which docid; this module
writes the texts (each story from ``f"{seed}:story:{day}:{slot}"``, a day's filler from
``f"{seed}:filler:{day}"``) and assembles the model objects.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Iterator, NamedTuple

from mee_archive.replica.model import Corpus, Embed, EnRelease, ZhArticle
from mee_archive.replica.stable_random import keyed
from mee_archive.replica import timeline
from mee_archive.replica.timeline import Day, Plan, generation
from mee_archive.replica.vocab import cenews, era, filler
from mee_archive.replica.vocab.story import Occasion, Story, ZhText


def _embeds(seed: int, key: str, day: date, titles: tuple[str, ...], kind: str) -> tuple[Embed, ...]:
    """Files in the month folder, named like the CMS names them: W0/P0 + date + 12 digits."""
    if not titles:
        return ()
    rng = keyed(seed, kind, key)
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
        story = era.story(plan.kind.build(keyed(self.seed, "story", plan.key), occasion), plan.event_date)
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
        other = plan.kind.build(keyed(self.seed, "decoy", plan.key, r), occasion).original
        assert other is not None  # decoys are planned only for kinds with originals
        return era.zh_text(replace(other, title=title, attachments=()), plan.event_date)

    def day(self, material: Day) -> None:
        rng = keyed(self.seed, "filler", material.day)  # a day's filler is published all or none
        for j in range(len(material.filler)):
            text = era.zh_text(filler.filler(rng, material.day), material.day)
            self.zh_article(f"fill{j}:{material.day}", material.day, text)
        for q, (section, _) in enumerate(material.siblings):
            key = f"sib{q}:{material.day}"
            sibling_rng = keyed(self.seed, key)
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
    layout = timeline.layout(seed, releases)
    assembler = _Assembler(seed, layout.docids, layout.seconds)
    for plan in layout.plans:
        assembler.release(plan)
    for material in layout.days:
        assembler.day(material)
    en = sorted(assembler.en, key=lambda r: (r.url_date, r.docid))
    zh = sorted(assembler.zh, key=lambda a: a.docid)
    return Corpus(seed, en, zh)
