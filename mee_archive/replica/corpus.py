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
from random import Random
from typing import Iterator, NamedTuple

from mee_archive.replica.model import ZH_ALIASES, ZH_HOST, Corpus, Embed, EnRelease, ZhArticle
from mee_archive.replica.stable_random import keyed
from mee_archive.replica import timeline
from mee_archive.replica.timeline import Day, Plan, generation
from mee_archive.replica.vocab import cenews, elaboration, era, filler, outlets
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


COPY_CHANNELS = ("hjywnews", "szyw", "xwfb")  # where the site republishes an original


class Echoes(NamedTuple):
    """Docids of a release's Chinese original and of what surrounds it (see ``EnRelease``)."""

    original: int | None = None
    related: tuple[int, ...] = ()
    copies: tuple[int, ...] = ()
    decoys: tuple[int, ...] = ()


class _Assembler:
    """Turns plans and days into model objects, given the docids of everything placed."""

    def __init__(self, seed: int, docids: dict[str, int], times: dict[str, int]) -> None:
        self.seed, self.docids, self.times = seed, docids, times
        self.en: list[EnRelease] = []
        self.zh: list[ZhArticle] = []

    def zh_article(self, key: str, day: date, text: ZhText, host: str = ZH_HOST,
                   shows_date: bool = True) -> ZhArticle:
        published = datetime.combine(day, time()) + timedelta(seconds=self.times[key])
        article = ZhArticle(
            docid=self.docids[key], channel=text.channel, template=text.template,
            published=published, title=text.title, paragraphs=text.paragraphs, source=text.source,
            encoding="gb2312" if text.template == "legacy" else "utf-8",
            attachments=_embeds(self.seed, key, day, text.attachments, "pdf"),
            host=host, shows_date=shows_date,
        )
        self.zh.append(article)
        return article

    def en_release(self, key: str, section: str, dating: Dating, story: Story, zh: Echoes | None = None) -> None:
        zh = zh or Echoes()
        self.en.append(EnRelease(
            self.docids[key], section, *dating, title=story.en_title,
            paragraphs=story.en_paragraphs,
            images=_embeds(self.seed, key, dating.url_date, story.images, "image"),
            attachments=_embeds(self.seed, key, dating.url_date, story.attachments, "pdf"),
            zh_docid=zh.original, zh_related=zh.related, zh_copies=zh.copies, zh_decoys=zh.decoys,
        ))

    def release(self, plan: Plan) -> None:
        occasion = Occasion(plan.event_date, plan.zh_date or plan.event_date)
        told = plan.kind.build(keyed(self.seed, "story", plan.key), occasion)
        story = era.story(elaboration.lengthen_story(keyed(self.seed, "length", plan.key), told), plan.event_date)
        echoes = Echoes()
        if story.original is not None and plan.zh_date is not None:
            echoes = self._chinese(plan, occasion, story, story.original)
        dating = Dating(plan.generation, plan.event_date, plan.url_date, plan.printed_date)
        self.en_release(f"en:{plan.key}", "news_release", dating, story, echoes)

    def _chinese(self, plan: Plan, occasion: Occasion, story: Story, original: ZhText) -> Echoes:
        """The original and everything around it on the Chinese site; the docids of each."""
        assert plan.zh_date is not None
        key, rng = plan.key, keyed(self.seed, "echoes", plan.key)
        docid = self.zh_article(f"orig:{key}", plan.zh_date, original).docid
        related = [self.zh_article(f"rel{r}:{key}", day, text).docid
                   for r, (day, text) in enumerate(zip(plan.related_dates, story.related))]
        related += [self.zh_article(f"told{r}:{key}", day, outlets.retell(rng, original, plan.event_date),
                                    shows_date=day == plan.zh_date or rng.random() < 0.6).docid
                    for r, day in enumerate(plan.retold)]
        copies = tuple(self._copy(f"copy{r}:{key}", day, original, rng) for r, day in enumerate(plan.copies))
        decoys = [self.zh_article(f"decoy{r}:{key}", plan.zh_date,
                                  self._decoy(plan, occasion, r, original.title)).docid
                  for r in range(plan.decoys)]
        decoys += [self.zh_article(f"other{r}:{key}", plan.zh_date, text).docid
                   for r, text in zip(range(plan.others), story.others)]
        return Echoes(docid, tuple(related), copies, tuple(decoys))

    def _copy(self, key: str, day: date, original: ZhText, rng: Random) -> int:
        """The original's text again: on the old host (same channel) or in another channel."""
        if original.template == "channel" and rng.random() < 0.5:
            return self.zh_article(key, day, original, host=ZH_ALIASES[0]).docid
        channel = rng.choice([c for c in COPY_CHANNELS if c != original.channel])
        return self.zh_article(key, day, outlets.copy_of(original, channel)).docid

    def _decoy(self, plan: Plan, occasion: Occasion, r: int, title: str) -> ZhText:
        """Another meeting the same day, under the very same generic title."""
        rng = keyed(self.seed, "decoy", plan.key, r)
        other = plan.kind.build(rng, occasion).original
        assert other is not None  # decoys are planned only for kinds with originals
        paragraphs = elaboration.lengthen_zh(rng, other.paragraphs)
        return era.zh_text(replace(other, title=title, paragraphs=paragraphs, attachments=()), plan.event_date)

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
