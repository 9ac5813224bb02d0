"""English-only stories: CENEWS translations (no original on www.mee.gov.cn) and photo news.

Some releases translate China Environment News reports rather than a ministry article; they end
with the reporter's credit and have nothing on the Chinese site to link to.
"""

from __future__ import annotations

from random import Random

from mee_archive.replica.vocab import names, places, topics
from mee_archive.replica.vocab.story import (
    Occasion, Story, en_list, en_number, en_when, headline, lead, pick,
)


def cenews_report(rng: Random, occasion: Occasion) -> Story:
    """A provincial achievement story with figures, credited to a CENEWS reporter."""
    province = rng.choice(places.PROVINCES)
    cities = [c.en for c in places.CITIES if c.province == province.zh] or [province.en]
    _, area_en = rng.choice(topics.WORK_AREAS)
    share = round(rng.uniform(55, 92), 1)
    change = round(rng.uniform(1.5, 18.0), 1)
    projects = rng.randint(12, 460)
    invested = round(rng.uniform(0.8, 36.0), 1)
    reporter = names.random_person(rng)
    title = pick(
        rng,
        f"{province.en} steps up {headline(area_en)}",
        f"{province.en} reports progress in {headline(area_en)}",
        f"Good days in {province.en} up {change} percentage points",
    )
    paragraphs = (
        lead(en_when(rng, occasion.event),
             f"the department of ecology and environment of {province.en} said that {projects} "
             f"projects on {area_en} had been completed across the province, with a total "
             f"investment of {invested} billion yuan."),
        f"The share of days with good air quality in the province reached {share} percent, up "
        f"{change} percentage points year on year, according to the department.",
        f"Cities including {en_list(rng.sample(cities, min(2, len(cities))))} have set up "
        f"special task forces and published monthly rankings to keep the pressure on.",
        f"Chinese report by {reporter.en}, CENEWS",
    )
    return Story(None, title, paragraphs)


def photo_story(rng: Random, occasion: Occasion) -> Story:
    """A Photo News item: a caption-like text and several images (a sibling section)."""
    city = rng.choice(places.CITIES)
    _, site_en = rng.choice(topics.SITES)
    count = rng.randint(2, 4)
    title = f"Photo: {site_en.split(' ', 1)[1].capitalize()} in {city.en}"
    captions = tuple(f"A view of {site_en} in {city.en} ({n} of {count})" for n in range(1, count + 1))
    paragraphs = (
        lead(en_when(rng, occasion.event),
             f"visitors toured {site_en} in {city.en}, where {en_number(rng.randint(20, 900))} "
             f"volunteers took part in an environmental open day."),
    )
    return Story(None, title, paragraphs, images=captions)
