"""The news_release spider: every list page of the section, every release, and what it embeds.

It only decides what to fetch. What a page says is decided by mee_archive.pages; what happens to
an item by the pipelines; archiving of every exchange by mee_archive.archive.

List pages are walked one after the other: page 0's script declares the page count, but a page
can declare anything, so page n+1 is asked for only once page n listed releases of the section,
and never beyond MEE_MAX_LIST_PAGES (a count above it is named). Releases and embeds are fetched
meanwhile, so the walk costs no time. A daily run stops after the first page listing nothing new
(plus MEE_LIST_OVERLAP_PAGES): lists are newest first. Every page's requisites (stylesheets,
scripts, template images, fonts, icons) are archived too, once per crawl; those of a release
fetched in this run are revalidated if an earlier run archived them (ArchiveSpider.requisites).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from mee_archive.pages import en_list, en_release
from mee_archive.pages.trs import EN_HOSTS
from mee_archive.spiders.base import ArchiveSpider


class NewsReleaseSpider(ArchiveSpider):
    name = "news_release"
    allowed_domains = list(EN_HOSTS)  # the old names still serve (and list) the same pages

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.ask(self.settings.get("MEE_START_URL"), self.parse_list, cb_kwargs={"index": 0}):
            yield request

    async def parse_list(self, response: Response, index: int, first: str | None = None,
                         count: int | None = None, quiet: int = 0) -> AsyncIterator[scrapy.Request]:
        """List page ``index``: its releases and requisites, then the next page while the list
        goes on and (daily runs) while it lists new releases (:meth:`ArchiveSpider.walk_on`).
        Page 0 (``first`` None) alone states how many pages there are (inline ``countPage``)."""
        read = await self.read(response, en_list.parse_list)
        if read is None:
            return
        page = read.fields
        if first is None:
            first, count = response.url, self.page_count(response.url, page.page_count or 1)
        self.crawler.stats.inc_value("mee/list_pages")
        entries = self.listed_entries(page.entries, response.url)
        walk = self.walk_on(first, quiet, any(entry.url not in self.archived for entry in entries))
        requests = [request for entry in entries  # a release listed twice: dropped by the dupefilter
                    for request in self.ask(entry.url, self.parse_release, listed=True)]
        for request in [*requests, *self.requisites(response, found=read.requisites)]:
            yield request
        if not page.entries:
            self.walked_to_end.add(first)
            self.report(response.url, f"list page {index} of {count} lists no release of the section: "
                                      f"the walk ends here")
        elif index + 1 >= (count or 1):
            self.walked_to_end.add(first)
        elif walk is not None:
            for request in self.next_list_page(first, index, count, walk, self.parse_list):
                yield request

    async def parse_release(self, response: Response) -> AsyncIterator[Any]:
        read = await self.read(response, en_release.parse_release)
        if read is None:
            return
        item = self.stamped(read.fields)
        requests = []
        for embed in [*item["images"], *item["attachments"]]:
            # Embeds are archived, not parsed; they may sit on the hosts MEE_REQUISITE_HOSTS lists.
            self.requisites_asked.add(embed["url"])
            requests += self.ask(embed["url"], self.parse_embed, requisite=True)
        for request in [*requests, *self.requisites(response, revalidate=True, found=read.requisites)]:
            yield request
        yield item

    def parse_embed(self, response: Response) -> Iterator[Any]:
        """Images and attachments are fetched so that the archive holds them; nothing to extract."""
        self.crawler.stats.inc_value("mee/embeds")
        return iter(())
