"""The zh_news spider: the Chinese news channels where the English releases' originals live.

It walks each channel's TRS list pages newest first and stops paging once a page is older than
the date window the English releases need, or (daily runs) after the first page whose articles in
the window are all archived, plus MEE_LIST_OVERLAP_PAGES; so a daily run fetches a few pages, not
the channel's whole history. Each page's requisites are archived too, once per crawl. The window comes from MEE_ZH_SINCE / MEE_ZH_UNTIL, or else from the English items
already in the archive (their dates, widened by MEE_ZH_MARGIN_DAYS).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response
from scrapy.settings import BaseSettings

from mee_archive.addons import feed_path
from mee_archive.feeds import read_records
from mee_archive.pages import zh_article, zh_list
from mee_archive.pages.trs import ZH_HOSTS
from mee_archive.spiders.base import ArchiveSpider
from mee_archive.spiders.news_release import NewsReleaseSpider

DateWindow = tuple[date | None, date | None]
# Settings that fix the window by hand (ISO dates; empty: derived from the English items).
DATE_SETTINGS = ("MEE_ZH_SINCE", "MEE_ZH_UNTIL")
# Why zh_news refuses to run without a window: it would fetch the Chinese site's whole history.
NO_WINDOW = ("no date window for the Chinese originals: the archive holds no dated English release "
             "and MEE_ZH_SINCE is not set (crawl news_release first, or set MEE_ZH_SINCE=YYYY-MM-DD)")


def english_window(path: Path, margin_days: int) -> DateWindow:
    """Dates the Chinese originals of the English releases still to be linked can have.

    Releases an earlier run already linked (they carry ``zh_status``) need no new Chinese pages,
    so a daily run looks back only from its new releases. Originals precede their translation by
    up to a few weeks; ``margin_days`` widens the window on both sides.
    """
    dates, unlinked = [], []
    for record in read_records(path):
        try:
            day = date.fromisoformat(str(record["published"])[:10])
        except (ValueError, KeyError):
            continue
        dates.append(day)
        if "zh_status" not in record:
            unlinked.append(day)
    if not dates:
        return None, None
    margin = timedelta(days=margin_days)
    wanted = unlinked or [max(dates)]
    return min(wanted) - margin, max(wanted) + margin


def setting_date(settings: BaseSettings, name: str) -> date | None:
    """An ISO date setting (MEE_ZH_SINCE, MEE_ZH_UNTIL), None when empty; a clear error when not a date."""
    value = settings.get(name)
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def date_window(settings: BaseSettings) -> DateWindow:
    """MEE_ZH_SINCE and MEE_ZH_UNTIL where set, else the ends :func:`english_window` derives."""
    since, until = setting_date(settings, "MEE_ZH_SINCE"), setting_date(settings, "MEE_ZH_UNTIL")
    derived = english_window(feed_path(settings, NewsReleaseSpider.name), settings.getint("MEE_ZH_MARGIN_DAYS"))
    return (since or derived[0], until or derived[1])


def in_window(day: date | None, window: DateWindow) -> bool:
    """Whether an entry is wanted; an undated one is, as its date cannot rule it out."""
    since, until = window
    return day is None or ((since is None or day >= since) and (until is None or day <= until))


def past_window(days: list[date | None], window: DateWindow) -> bool:
    """Whether a list page reaches back before the window: lists run newest first, so no later
    page can hold an entry of the window."""
    since = window[0]
    return since is not None and any(day is not None and day < since for day in days)


def newer_than_window(days: list[date | None], window: DateWindow) -> bool:
    """Whether every entry of a list page is dated after the window (a channel's newest pages,
    when the window lies in the past)."""
    until = window[1]
    return until is not None and bool(days) and all(day is not None and day > until for day in days)


class ZhNewsSpider(ArchiveSpider):
    name = "zh_news"
    allowed_domains = list(ZH_HOSTS)  # the former name serves (and lists) the same pages

    window: DateWindow = (None, None)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.window = date_window(self.settings)
        if self.window[0] is None:
            self.report(str(feed_path(self.settings, NewsReleaseSpider.name)), NO_WINDOW)
            raise CloseSpider("no_english_window")
        self.logger.info("Chinese date window: %s to %s", *self.window)
        for url in self.settings.getlist("MEE_ZH_CHANNELS"):
            for request in self.ask(url, self.parse_list, cb_kwargs={"index": 0}):
                yield request

    async def parse_list(self, response: Response, index: int, first: str | None = None,
                         count: int | None = None, quiet: int = 0) -> AsyncIterator[scrapy.Request]:
        """One list page: request its articles inside the window and its requisites, then the next
        page if still needed: not past the window and (daily runs) still listing new articles."""
        read = await self.read(response, zh_list.parse_list)
        if read is None:
            return
        page = read.fields
        self.crawler.stats.inc_value("mee/list_pages")
        if first is None:  # page 0 names the page count
            first, count = response.url, self.page_count(response.url, page.page_count or 1)
        dates, new, requests = [], False, []
        for entry in self.listed_entries(page.entries, response.url):
            day = date.fromisoformat(entry.date[:10]) if entry.date else None
            dates.append(day)
            if in_window(day, self.window):
                new = new or entry.url not in self.archived
                requests += self.ask(entry.url, self.parse_article, listed=True)
        requests += self.requisites(response, found=read.requisites)
        # Pages newer than the window hold nothing wanted, new or not: they neither end the walk
        # nor count towards its early stop.
        walk = quiet if newer_than_window(dates, self.window) else self.walk_on(first, quiet, new)
        if not page.entries or index + 1 >= (count or 1) or past_window(dates, self.window):
            self.walked_to_end.add(first)
        elif walk is not None:
            requests += self.next_list_page(first, index, count, walk, self.parse_list)
        for request in requests:
            yield request

    async def parse_article(self, response: Response) -> AsyncIterator[Any]:
        read = await self.read(response, zh_article.parse_article)
        if read is not None:
            for request in self.requisites(response, revalidate=True, found=read.requisites):
                yield request
            yield self.stamped(read.fields)
