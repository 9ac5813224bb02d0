"""The news_release spider: every list page of the section, every release, and what it embeds.

It only decides what to fetch. What a page says is decided by mee_archive.pages; what happens to
an item by the pipelines; archiving of every exchange by mee_archive.archive.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from mee_archive.pages import en_list, en_release
from mee_archive.pages.trs import EN_HOSTS, list_page_urls
from mee_archive.spiders.base import ArchiveSpider, page_html


class NewsReleaseSpider(ArchiveSpider):
    name = "news_release"
    allowed_domains = list(EN_HOSTS)  # the old names still serve (and list) the same pages

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.listed: set[str] = set()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        url = self.settings.get("MEE_START_URL")
        yield scrapy.Request(url, self.parse_first_list, errback=self.failed)

    def parse_first_list(self, response: Response) -> Iterator[scrapy.Request]:
        """Page 0 alone states how many list pages there are (inline ``countPage`` script)."""
        page = en_list.parse_list(page_html(response), response.url)
        count = page.page_count or 1
        self.crawler.stats.set_value("mee/list_pages_declared", count)
        for url in list_page_urls(response.url, count)[1:]:
            yield scrapy.Request(url, self.parse_list, errback=self.failed)
        yield from self.release_requests(page)

    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self.release_requests(en_list.parse_list(page_html(response), response.url))

    def release_requests(self, page: en_list.ListPage) -> Iterator[scrapy.Request]:
        """Every entry of a list page; a release listed twice is dropped by the dupefilter, not here."""
        self.crawler.stats.inc_value("mee/list_pages")
        for entry in page.entries:
            if entry.url not in self.listed:
                self.listed.add(entry.url)
                self.crawler.stats.set_value("mee/listed", len(self.listed))
            yield scrapy.Request(entry.url, self.parse_release, errback=self.failed)

    def parse_release(self, response: Response) -> Iterator[Any]:
        item = self.stamped(en_release.parse_release(page_html(response), response.url))
        for embed in [*item["images"], *item["attachments"]]:
            # Embeds are archived, not parsed; they may sit on another host (allow_offsite).
            yield scrapy.Request(
                embed["url"], self.parse_embed, errback=self.failed, meta={"allow_offsite": True}
            )
        yield item

    def parse_embed(self, response: Response) -> Iterator[Any]:
        """Images and attachments are fetched so that the archive holds them; nothing to extract."""
        self.crawler.stats.inc_value("mee/embeds")
        return iter(())
