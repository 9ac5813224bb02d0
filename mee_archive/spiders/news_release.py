"""The news_release spider: every list page of the section, every release, and what it embeds.

It only decides what to fetch. What a page says is decided by mee_archive.pages; what happens to
an item by the pipelines; archiving of every exchange by mee_archive.archive.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from mee_archive.pages import en_list, en_release
from mee_archive.pages.decode import decode_html
from mee_archive.pages.trs import list_page_urls

ENGLISH_HOSTS = ["english.mee.gov.cn", "english.mep.gov.cn", "english.sepa.gov.cn"]


def page_html(response: Response) -> str:
    """The page as text, decoded by the page objects' rules (header, meta, GB18030 fallback)."""
    return decode_html(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))


class NewsReleaseSpider(scrapy.Spider):
    name = "news_release"
    allowed_domains = ENGLISH_HOSTS

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
        self.crawler.stats.inc_value("mee/list_pages")
        for entry in page.entries:
            if entry.url not in self.listed:
                self.listed.add(entry.url)
                self.crawler.stats.set_value("mee/releases_listed", len(self.listed))
            yield scrapy.Request(entry.url, self.parse_release, errback=self.failed)

    def parse_release(self, response: Response) -> Iterator[Any]:
        item = en_release.parse_release(page_html(response), response.url)
        item["crawled_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
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

    def failed(self, failure: Failure) -> None:
        """A request that failed for good (after retries): count it and say which and why."""
        request = failure.request  # type: ignore[attr-defined]
        stats = self.crawler.stats
        stats.inc_value("mee/errors")
        if not stats.get_value("mee/first_error"):
            stats.set_value("mee/first_error", f"{request.url}: {failure.getErrorMessage()}")
        self.logger.error("failed: %s: %s", request.url, failure.getErrorMessage())
